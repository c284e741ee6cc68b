import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHeadless } from '../../src/cli/run.js';
import { createCluster } from '../../src/cluster/engine.js';
import { printTable } from '../../src/cluster/printers/table.js';
import { listObjects } from '../../src/cluster/store.js';
import { createRecorder } from '../../src/session/recorder.js';
import { parseHeader, scriptText } from '../../src/session/recording.js';
import { Simulation } from '../../src/session/simulation.js';

const ROOT = resolve(__dirname, '../..');
const KUBIA = resolve(ROOT, 'fixtures/kubia-rc.yaml');
const HEADER = '# kubesim recording v1\n# seed: 5\n# start: 2025-03-01T10:00:00Z\n# nodes: 2\n# speed: 1\n';

function write(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kubesim-rec-')), 'r.ksim');
  writeFileSync(file, text);
  return file;
}

function run(file: string, opts: { nodes?: number; output?: 'json' } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const r = runHeadless({ files: [file], cwd: ROOT, quiet: true, ...opts }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { ...r, out, err };
}

describe('parseHeader', () => {
  it('reads seed, start, nodes and speed; a plain script has no header', () => {
    expect(parseHeader(HEADER + 'wait 1s\n', 'r.ksim')).toEqual({ version: 1, seed: 5, start: Date.parse('2025-03-01T10:00:00Z'), nodes: 2, speed: 1 });
    expect(parseHeader('# a script\nwait 1s\n', 's.ksim')).toBeUndefined();
  });

  it('refuses a newer format version in the documented words', () => {
    expect(parseHeader('# kubesim recording v9\n', 'r.ksim')).toEqual({ error: 'error: r.ksim: recording format v9 is newer than this kubesim (v1)' });
  });

  it('names the line of a bad header field', () => {
    expect(parseHeader('# kubesim recording v1\n# seed: x\n', 'r.ksim')).toEqual({ error: 'error: r.ksim:2: the seed "x" is not a whole number' });
  });
});

describe('kubesim run on a recording', () => {
  it('builds the cluster from the header (seed, start, nodes)', () => {
    const r = run(write(HEADER + `kubectl apply -f ${KUBIA}\nwait 30s\n`));
    expect(r.err).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.state.seed).toBe(5);
    expect(r.state.now).toBe(Date.parse('2025-03-01T10:00:30Z'));
    expect(listObjects(r.state, 'Node').map((n) => n.metadata.name)).toEqual(['node-1', 'node-2']);
  });

  it('ends where the session ended: the time watched after the last action is a closing wait', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kubesim-rec-')), 'r.ksim');
    const state = createCluster({ seed: 5, nodes: 2 });
    const recorder = createRecorder(file, { state, baseDir: ROOT });
    const sim = new Simulation({ state, baseDir: ROOT, recorder });
    sim.run(`kubectl apply -f ${KUBIA}`);
    sim.advance(95_000); // watching: no line written
    recorder.end(sim.state.now);
    expect(recorder.lines.slice(-1)).toEqual(['wait 1m35s']);
    const r = run(file);
    expect(r.err).toEqual([]);
    expect(r.state.now).toBe(sim.state.now);
    recorder.end(sim.state.now); // a second end (signal after quit) adds nothing
    expect(recorder.lines.slice(-1)).toEqual(['wait 1m35s']);
  });

  it('a recording cut off mid-line replays up to the cut with a warning', () => {
    const file = write(HEADER + `kubectl apply -f ${KUBIA}\nwait 30s\nkubectl scale rc kubia --replicas=4\nkubectl label rc kubia "tier=w`);
    const r = run(file);
    expect(r.err).toEqual([`warning: ${file}:9: the recording ends mid-line; replaying up to there`]);
    expect(r.exitCode).toBe(0);
    expect((listObjects(r.state, 'ReplicationController')[0] as { spec: { replicas: number } }).spec.replicas).toBe(4);
    expect(scriptText(HEADER + 'wait 1s\nwait 2', 'r.ksim')).toMatchObject({ warnings: [] }); // parses: not cut as far as we can tell
  });

  it('a future format version is refused', () => {
    const file = write('# kubesim recording v9\nwait 1s\n');
    const r = run(file);
    expect(r.exitCode).toBe(1);
    expect(r.err).toEqual([`error: ${file}: recording format v9 is newer than this kubesim (v1)`]);
  });

  it('an unparseable line in the middle is still an error naming FILE:LINE', () => {
    const file = write(HEADER + 'kubectl frobnicate\nwait 1s\n');
    const r = run(file);
    expect(r.exitCode).toBe(1);
    expect(r.err[0]).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:6: `));
  });
});

describe('rewind', () => {
  it('5 minutes back shows the pods table as it was then', () => {
    const sim = new Simulation({ state: createCluster({ seed: 2 }), baseDir: ROOT });
    sim.run(`kubectl apply -f ${KUBIA}`);
    for (let i = 0; i < 120; i++) sim.tick(1000);
    const pods = (s: typeof sim.state) => printTable('Pod', listObjects(s, 'Pod'), { now: s.now, state: s });
    const then = pods(sim.state);
    sim.tick(1000); // history keeps one state per simulated second: the one at `then` is the last of that second
    sim.run('kubectl scale rc kubia --replicas=5');
    sim.run('node kill node-1');
    for (let i = 0; i < 300; i++) sim.tick(1000);
    expect(pods(sim.state)).not.toBe(then);
    sim.togglePause();
    sim.rewind(5 * 60_000 + 1000);
    expect(sim.view.now).toBe(sim.state.now - 5 * 60_000 - 1000);
    expect(pods(sim.view)).toBe(then);
  });
});
