import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allObjects, runHeadless } from '../../src/cli/run.js';
import { createCluster } from '../../src/cluster/engine.js';
import { asList, toJson } from '../../src/cluster/printers/output.js';
import { listObjects } from '../../src/cluster/store.js';
import type { Pod } from '../../src/cluster/api/types.js';
import { createRecorder } from '../../src/session/recorder.js';
import { Simulation } from '../../src/session/simulation.js';

const ROOT = resolve(__dirname, '../..');

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'kubesim-rec-'));
}

function headless(files: string[], opts: Parameters<typeof runHeadless>[0] extends infer O ? Partial<O> : never = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const r = runHeadless({ files, cwd: ROOT, quiet: true, ...opts }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { ...r, out, err };
}

/** A live session: seed 7, 4 nodes, driven the way the dashboard drives it (ticks of wall time, typed lines). */
function liveSession(file: string) {
  const state = createCluster({ seed: 7, nodes: 4 });
  const recorder = createRecorder(file, { state, speed: 2, baseDir: ROOT });
  const sim = new Simulation({ state, baseDir: ROOT, speed: 2, recorder });
  sim.run('kubectl apply -f fixtures/kubia-rc.yaml');
  sim.noteUi('ui view pods');
  for (let i = 0; i < 25; i++) sim.tick(733); // 25 frames of 733 ms at 2×: uneven steps
  sim.run('kubectl scale rc kubia --replicas=5');
  sim.noteUi('ui filter kubia');
  for (let i = 0; i < 40; i++) sim.tick(250);
  sim.run('node kill node-2');
  sim.run('kubectl get pods'); // read-only: not recorded
  for (let i = 0; i < 90; i++) sim.tick(1000);
  const victim = listObjects(sim.state, 'Pod')[0] as Pod;
  sim.run(`kubectl delete pod ${victim.metadata.name}`); // waits for the pod to be gone: the time is in a `wait` line
  for (let i = 0; i < 10; i++) sim.tick(500);
  sim.run('kubectl label rc kubia tier=web');
  return { sim, recorder };
}

describe('recording a session', () => {
  it('writes the header, the lines as typed, waits between them and ui lines, as they happen', () => {
    const dir = tmp();
    const file = join(dir, 'session.ksim');
    const { recorder } = liveSession(file);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    expect(lines.slice(0, 5)).toEqual(['# kubesim recording v1', '# seed: 7', '# start: 2025-01-01T00:00:00Z', '# nodes: 4', '# speed: 2']);
    expect(lines[5]).toBe(`kubectl apply -f ${resolve(ROOT, 'fixtures/kubia-rc.yaml')}`); // outside the recording's dir: absolute
    expect(lines[6]).toBe('ui view pods');
    expect(lines[7]).toBe('wait 36s650ms'); // 25 × 733 ms × 2
    expect(lines[8]).toBe('kubectl scale rc kubia --replicas=5');
    expect(lines).toContain('node kill node-2');
    expect(lines).toContain('wait 3m');
    expect(lines.some((l) => /^kubectl delete pod kubia-\w+ --wait=false$/.test(l))).toBe(true);
    expect(lines).not.toContain('kubectl get pods');
    expect(text.endsWith('kubectl label rc kubia tier=web\n')).toBe(true);
    expect(recorder.lines).toEqual(lines.slice(5, -1));
  });

  it('keeps -f paths relative to the recording when the manifests are beside it', () => {
    const file = join(ROOT, 'fixtures', `.rec-${process.pid}.ksim`);
    try {
      const rec = createRecorder(file, { baseDir: ROOT });
      rec.line('kubectl apply -f fixtures/kubia-rc.yaml', Date.parse('2025-01-01T00:00:00Z'));
      expect(rec.lines).toEqual(['kubectl apply -f kubia-rc.yaml']);
    } finally {

      rmSync(file, { force: true });
    }
  });

  it('replayed headless (kubesim run FILE), it gives the identical final state (same -o json)', () => {
    const dir = tmp();
    const file = join(dir, 'session.ksim');
    const { sim } = liveSession(file);
    const r = headless([file], { output: 'json' });
    expect(r.err).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.state.now).toBe(sim.state.now);
    expect(r.out.join('\n')).toBe(toJson(asList(allObjects(sim.state))).trimEnd());
  });

  it('command-line flags override the header', () => {
    const dir = tmp();
    const file = join(dir, 'session.ksim');
    liveSession(file);
    const r = headless([file], { nodes: 2 });
    expect(listObjects(r.state, 'Node').length).toBe(2);
  });
});

describe('rewound(to)', () => {
  it('rewrites the file to the lines up to `to`, a wait up to it, and a comment; the result replays', () => {
    const dir = tmp();
    const file = join(dir, 'session.ksim');
    const state = createCluster({ seed: 3 });
    const recorder = createRecorder(file, { state, baseDir: ROOT });
    const sim = new Simulation({ state, baseDir: ROOT, recorder });
    sim.run('kubectl apply -f fixtures/kubia-rc.yaml');
    const seconds = (n: number) => {
      for (let i = 0; i < n; i++) sim.advance(1000);
    };
    seconds(60);
    sim.run('kubectl scale rc kubia --replicas=1');
    seconds(120);
    sim.run('kubectl scale rc kubia --replicas=6');
    seconds(30);
    sim.paused = true;
    sim.rewind(120_000); // back to 1m30s: after the first scale, before the second
    const snapshot = sim.view;
    const flash = sim.togglePause();
    expect(flash).toMatch(/^Resumed from the past/);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.slice(5)).toEqual([
      `kubectl apply -f ${resolve(ROOT, 'fixtures/kubia-rc.yaml')}`,
      'wait 1m',
      'kubectl scale rc kubia --replicas=1',
      'wait 30s',
      '# rewound to 2025-01-01T00:01:30Z: later lines were dropped',
      '',
    ]);
    sim.advance(10_000);
    sim.run('kubectl scale rc kubia --replicas=2');
    expect(readFileSync(file, 'utf8').split('\n').slice(-3)).toEqual(['wait 10s', 'kubectl scale rc kubia --replicas=2', '']);
    const r = headless([file], { output: 'json' });
    expect(r.exitCode).toBe(0);
    expect(r.out.join('\n')).toBe(toJson(asList(allObjects(sim.state))).trimEnd());
    expect(snapshot.now).toBe(Date.parse('2025-01-01T00:01:30Z'));
  });
});
