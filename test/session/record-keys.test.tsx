// Record → file → replay, driven the way a presenter drives it: keys only. The real dashboard (App) runs on the
// demo cluster with a FileRecorder, as `kubesim --record FILE` builds it (src/ui/start.ts); the file it writes is
// then replayed headless (`kubesim run FILE`) and in the dashboard (`kubesim replay FILE`), and must give the same
// cluster at the same simulated time, and the same screens.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allObjects, printFinalState, runHeadless } from '../../src/cli/run.js';
import { asList, toJson } from '../../src/cluster/printers/output.js';
import type { State } from '../../src/cluster/state.js';
import { listObjects } from '../../src/cluster/store.js';
import { createRecorder } from '../../src/session/recorder.js';
import { loadReplay } from '../../src/session/replay.js';
import type { Simulation } from '../../src/session/simulation.js';
import { setupSimulation } from '../../src/ui/setup.js';
import { FLASH_MS } from '../../src/ui/state/types.js';
import { mountApp, title } from '../ui/harness.js';

const ROOT = resolve(__dirname, '../..');

const settle = () => new Promise<void>((r) => setImmediate(() => setTimeout(r, 0)));

/**
 * The dashboard on `sim` (test/ui/harness.tsx's mountApp keeps the simulation's own recorder), plus what these
 * tests read: the table's title, time up to a moment, and the UI clock alone (flashes and marks fade).
 */
async function mount(sim: Simulation) {
  const h = await mountApp(sim, { columns: 100, rows: 30 });
  return Object.assign(h, {
    title: () => title(h),
    /** Simulated time up to `at`. */
    advanceTo: (at: number) => h.advance(at - sim.state.now),
    /** Only the UI clock: flashes and changed-cell marks fade, the cluster stays where it is. */
    async fade() {
      h.clock.advance(FLASH_MS);
      await settle();
    },
  });
}

type Screen = Awaited<ReturnType<typeof mount>>;
const mounted: Screen[] = [];
afterAll(() => mounted.forEach((m) => m.unmount()));

const json = (state: State) => toJson(asList(allObjects(state))).trimEnd();

/** What `kubesim run FILE` prints as the final state (`kubectl get all` and the nodes). */
function finalTable(state: State): string {
  const out: string[] = [];
  printFinalState(state, 'table', { out: (l) => out.push(l), err: (l) => out.push(l) });
  return out.join('\n');
}

/**
 * A session by keys on the demo cluster, recorded to `file`. `seen` is the table's title after each move (the
 * replay must show the same screen at the same simulated time; a moment is taken after the last move made at it).
 */
async function recordSession(file: string) {
  // As `kubesim --record FILE` builds it: the recorder first (its header from the command line's defaults), then
  // the demo cluster's setup lines through Simulation.run, so the recording starts with them.
  const recorder = createRecorder(file, { baseDir: ROOT });
  const setup = setupSimulation({ files: [], recorder, cwd: ROOT });
  if ('error' in setup) throw new Error(setup.error);
  const s = await mount(setup.sim);
  mounted.push(s);
  const seen: { at: number; title: string }[] = [];
  const look = () => seen.push({ at: s.sim.state.now, title: s.title() });
  await settle();
  await s.advance(20_000);

  // The ReplicationController view; kubia is its only row. `s`, a number, Enter: scaled to 5.
  await s.press(':');
  await s.type('rc');
  await s.press('enter');
  expect(s.title()).toMatch(/ replicationcontrollers\(default\)\[1\] /);
  look();
  await s.press('s');
  expect(s.frame()).toContain('Scale replicationcontroller/kubia');
  await s.type('5');
  await s.press('enter');
  await s.advance(30_000);

  // The nodes view: down to node-2 (the cursor rests a second: a `ui select` line); K, → to OK, Enter: killed.
  await s.press(':');
  await s.type('no');
  await s.press('enter', 'j');
  look();
  await s.advance(2000);
  await s.press('K');
  expect(s.frame()).toContain('Power off node-2?');
  await s.press('right', 'enter');
  await s.advance(70_000);
  expect(s.frame()).toContain('✗ node-2 NotReady');

  // The pods view filtered to the ReplicaSet's pods; the third (on node-1) deleted: ctrl-d, → to OK, Enter.
  await s.press(':');
  await s.type('po');
  await s.press('enter', '/');
  await s.type('testapp-replica');
  await s.press('enter', 'j', 'j');
  expect(s.title()).toMatch(/ pods\(default\)\[3\] <\/testapp-replica> /);
  look();
  await s.advance(1500);
  await s.press('ctrl-d');
  const victim = /Delete pod\/(testapp-replica-\w{5})\?/.exec(s.frame())?.[1];
  expect(victim).toBeDefined();
  await s.press('right', 'enter');

  // Ten seconds at the dashboard's own rhythm (a frame every 100 ms), then the ReplicaSet scaled to 1 by mistake…
  await s.advance(10_000, 100);
  await s.press(':');
  await s.type('rs');
  await s.press('enter', 's');
  await s.type('1');
  await s.press('enter');
  await s.advance(10_000, 100);
  expect(s.frame()).toMatch(/│ testapp-replica +1↓? /);
  // …so pause, go back 10 s to before it, and resume from there: the scale never happened. History keeps a
  // state per simulated second, so `[` lands on 00:02:13, the last one before the scale at 00:02:13.5.
  await s.press('space', '[');
  expect(s.frame()).toContain('◀◀ REWOUND -11s');
  expect(s.frame()).toMatch(/│ testapp-replica +3↑? /); // DESIRED as it was
  await s.press('space');
  expect(s.frame()).toContain('Resumed from the past: the later 11s of history were dropped');
  look();

  // Five simulated minutes: node-2's pods are evicted (300 s after NotReady) and replaced on the other nodes.
  await s.advance(300_000, 5000);
  // The last keys: the kubia pods (a `ui filter` line, after a `wait` for the time above).
  await s.press(':');
  await s.type('po');
  await s.press('enter', '/');
  await s.type('kubia');
  await s.press('enter');
  look();
  return { live: s, victim: victim!, seen };
}

describe('a session recorded by keys', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'kubesim-keys-')), 'session.ksim');
  let session: Awaited<ReturnType<typeof recordSession>>;
  beforeAll(async () => {
    session = await recordSession(file);
  });

  it('is written as script lines: the demo setup, every change, navigation, waits between; a rewind rewrites it', () => {
    const { victim } = session;
    const demo = (f: string) => `kubectl apply -f ${join(ROOT, 'fixtures/demo', f)}`; // outside the recording's dir: absolute
    expect(readFileSync(file, 'utf8').split('\n')).toEqual([
      '# kubesim recording v1',
      '# seed: 1',
      '# start: 2025-01-01T00:00:00Z',
      '# nodes: 3',
      '# speed: 1',
      'kubectl label node node-1 disk=ssd',
      demo('kubia-rc.yaml'),
      demo('testapp-replica.yml'),
      demo('ssd-monitor-daemonset.yaml'),
      demo('sample-ss.yaml'),
      demo('multi-completion-parallel-batch-job.yaml'),
      demo('sample-cronjob.yaml'),
      demo('testapp-pod-liveness-404.yaml'),
      'wait 20s',
      'ui view replicationcontrollers',
      'kubectl scale rc kubia --replicas=5',
      'wait 30s',
      'ui view nodes',
      'wait 2s', // the selection is written once the cursor has rested (the frame after a second)
      'ui select node-2',
      'node kill node-2',
      'wait 1m10s',
      'ui view pods',
      'ui filter /testapp-replica',
      'wait 1s500ms',
      `ui select ${victim}`,
      `kubectl delete po ${victim} --wait=false`,
      'wait 9s500ms',
      '# rewound to 2025-01-01T00:02:13Z: later lines were dropped',
      // The screen does not go back with the clock: the navigation since is kept, at the moment resumed from.
      'ui view replicasets',
      'wait 5m',
      'ui view pods',
      'ui filter /kubia',
      '',
    ]);
  });

  it('replayed headless (kubesim run FILE), gives the live session\'s final state: same -o json', () => {
    const { live, victim } = session;
    const out: string[] = [];
    const err: string[] = [];
    const r = runHeadless({ files: [file], cwd: ROOT, quiet: true, output: 'json' }, { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(err).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.state.now).toBe(live.sim.state.now);
    expect(out.join('\n')).toBe(json(live.sim.state));
    // What the session did, as kubectl shows it: kubia at 5 ready, the ReplicaSet back at 3 (its scale to 1 was
    // rewound away), node-2 NotReady, and the deleted pod gone.
    const table = finalTable(r.state);
    expect(table).toMatch(/^replicationcontroller\/kubia +5 +5 +5 /m);
    expect(table).toMatch(/^replicaset\.apps\/testapp-replica +3 +3 +3 /m);
    expect(table).toMatch(/^node-2 +NotReady /m);
    expect(table).toMatch(/^node-[13] +Ready /m);
    expect(listObjects(r.state, 'Pod').map((p) => p.metadata.name)).not.toContain(victim);
  });

  it('replayed in the dashboard (kubesim replay FILE), shows the same screens at the same moments', async () => {
    const { live, seen } = session;
    const replay = loadReplay(file, {}, ROOT);
    if ('error' in replay) throw new Error(replay.error);
    expect(replay.warnings).toEqual([]);
    const r = await mount(replay.sim);
    mounted.push(r);
    await settle();
    for (const { at, title } of seen) {
      await r.advanceTo(at);
      expect({ at: new Date(at).toISOString(), title: r.title() }).toEqual({ at: new Date(at).toISOString(), title });
    }
    expect(replay.sim.playing).toBe(false);
    expect(replay.sim.state.now).toBe(live.sim.state.now);
    expect(json(replay.sim.state)).toBe(json(live.sim.state));
    // Once the marks of what just changed have faded (they depend on when each frame was drawn), frame for frame.
    await live.fade();
    await r.fade();
    expect(r.frame()).toBe(live.frame());
    expect(r.frame()).toMatch(/ pods\(default\)\[6\] <\/kubia> /);
  });
});
