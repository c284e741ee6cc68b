// Issue 5's figure: the memory held by 15 simulated minutes of rewind history. The Simulation keeps one State per
// simulated second (src/session/simulation.ts); immer's structural sharing lets consecutive states share every
// object that did not change, so history should cost about what changed, not 900 copies of the cluster.
//
// To be honest about that sharing, the 15 minutes are a dashboard session, not an idle cluster: the demo cluster
// starts from nothing exactly as `kubesim` opens it (its liveness pod restarting into CrashLoopBackOff, the CronJob
// firing every minute, the Job completing), and both sizes get a scale and a node kill part-way, typed as the
// dashboard's keys type them (Simulation.run). Run under `node --expose-gc` (bench.ts does): without it the heap
// figures include garbage and are only an upper bound.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { State } from '../src/cluster/state.js';
import { listObjects } from '../src/cluster/store.js';
import { Simulation } from '../src/session/simulation.js';
import { setupSimulation } from '../src/ui/setup.js';
import { HeapWatch, loadAndConverge, TICK_MS } from './engine-bench.js';
import type { SizeSpec } from './workload.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The repo root, from bench/ (tsx) or dist/bench/ (built). */
const ROOT = existsSync(join(here, '..', 'package.json')) ? join(here, '..') : join(here, '..', '..');

const HISTORY_MS = 15 * 60_000;
const MiB = 2 ** 20;

/**
 * heapUsed after full collections. V8 sweeps freed pages concurrently after `gc()` returns, and heapUsed counts
 * them until then: read straight after `gc()` in the same task, dropping 900 states showed as freeing nothing.
 * Yielding to the event loop between collections lets the sweep finish.
 */
async function heapUsed(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 0));
  }
  return process.memoryUsage().heapUsed;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** A script line run at a simulated minute of the session, as a key or the `:` prompt would run it. */
interface Action {
  atMinute: number;
  line: string;
}

interface Session {
  name: string;
  /** Builds the simulation (with the default 15 minutes of history); only the Simulation is kept. */
  build(log: (s: string) => void): Simulation;
  actions: Action[];
}

/** `kubesim` with no arguments: fixtures/demo/setup.ksim run through Simulation.run at t=0 (src/ui/setup.ts). */
const DEMO: Session = {
  name: 'demo',
  build() {
    const setup = setupSimulation({ files: [], cwd: ROOT, history: HISTORY_MS });
    if ('error' in setup) throw new Error(setup.error);
    if (setup.warnings.length) throw new Error(setup.warnings.join('\n'));
    return setup.sim;
  },
  actions: [
    { atMinute: 3, line: 'kubectl scale rc kubia --replicas=5' },
    { atMinute: 6, line: 'node kill node-2' },
  ],
};

/** bench/workload.ts's mix at 10,000 pods on 334 nodes, converged first (as bench.ts's sizes are). */
function tenThousand(limitMs: number): Session {
  const size: SizeSpec = { name: 'history-10k', nodes: 334, pods: 10_000 };
  return {
    name: '10k',
    build(log) {
      log(`[history] 10k: load and converge ${size.nodes} nodes, ${size.pods} pods`);
      const c = loadAndConverge(size, new HeapWatch(), log, limitMs);
      log(`[history] 10k: ${c.ready}/${c.expected} ready after ${c.convergeSeconds.toFixed(1)} s wall (${c.simSeconds} s simulated)`);
      if (c.ready < c.expected) log('[history] 10k: NOT converged within the limit: measuring from where it got to');
      return new Simulation({ state: c.state, baseDir: ROOT, historyMs: HISTORY_MS });
    },
    // web-4 is one of the mix's 200-replica ReplicaSets; node-17 holds ~30 pods, evicted ~6 minutes later.
    actions: [
      { atMinute: 3, line: 'kubectl scale rs web-4 --replicas=300' },
      { atMinute: 6, line: 'node kill node-17' },
    ],
  };
}

/** What the 15 minutes changed, so the figure can be read against it. */
function facts(state: State): { pods: Set<string>; jobs: Set<string>; restarts: number } {
  const pods = new Set<string>();
  let restarts = 0;
  for (const p of listObjects(state, 'Pod')) {
    pods.add(p.metadata.uid);
    for (const c of p.status?.containerStatuses ?? []) restarts += c.restartCount;
  }
  return { pods, jobs: new Set(listObjects(state, 'Job').map((j) => j.metadata.uid)), restarts };
}

const added = (before: Set<string>, after: Set<string>) => [...after].filter((u) => !before.has(u)).length;

async function measure(session: Session, log: (s: string) => void): Promise<Record<string, number | string>> {
  const baseline = await heapUsed();
  const sim = session.build(log);
  const start = facts(sim.state);
  const t0 = performance.now();
  // 1 s ticks (the dashboard's at 10×): history keeps one state per simulated second whatever the tick.
  const ticks = HISTORY_MS / TICK_MS;
  const pending = [...session.actions];
  for (let i = 0; i < ticks; i++) {
    while (pending.length && pending[0].atMinute * 60_000 <= i * TICK_MS) {
      const out = sim.run(pending.shift()!.line);
      if ('error' in out || out.failed) throw new Error(`[history] ${session.name}: ${'error' in out ? out.error : out.errors.join('\n')}`);
    }
    sim.advance(TICK_MS);
  }
  const wallSeconds = (performance.now() - t0) / 1000;
  const end = facts(sim.state);
  // New: there at the end and not at the start (a Job the CronJob's history limit deleted, and its pods, are not
  // counted); gone: there at the start and not at the end.
  const changed = {
    pods: end.pods.size,
    nodes: listObjects(sim.state, 'Node').length,
    newPods: added(start.pods, end.pods),
    podsGone: added(end.pods, start.pods),
    containerRestarts: end.restarts - start.restarts,
    newJobs: added(start.jobs, end.jobs),
  };
  const snapshots = sim.history.length;

  const withHistory = await heapUsed();
  sim.history = [sim.history[sim.history.length - 1]];
  const withoutHistory = await heapUsed();
  const historyMiB = Math.max(0, withHistory - withoutHistory) / MiB;
  return {
    ...changed,
    snapshots,
    historyMiB: round(historyMiB, 2),
    // The newest snapshot is the live state itself: the others are what history adds.
    mibPerSnapshot: round(historyMiB / Math.max(1, snapshots - 1), 4),
    heapWithoutHistoryMiB: round(withoutHistory / MiB, 1),
    // The heap the live cluster and its Simulation hold (for the demo, also what its first run loaded, such as the
    // image catalog): about what each snapshot would cost if states shared nothing.
    clusterMiB: round((withoutHistory - baseline) / MiB, 2),
    simulatedSeconds: HISTORY_MS / 1000,
    wallSeconds: round(wallSeconds, 1),
    actions: session.actions.map((a) => `${a.atMinute}m: ${a.line}`).join('; '),
  };
}

/**
 * bench.ts's `history` size: both figures, in this (child) process. Each session's simulation is dropped before
 * the next is built, so the second's heap does not hold the first.
 */
export async function measureHistoryFigures(log: (s: string) => void, opts: { convergeLimitMs?: number } = {}): Promise<Record<string, unknown>> {
  const demo = await measure(DEMO, log);
  log(`[history] demo: ${JSON.stringify(demo)}`);
  const pods10k = await measure(tenThousand(opts.convergeLimitMs ?? 15 * 60_000), log);
  log(`[history] 10k: ${JSON.stringify(pods10k)}`);
  return { demo, pods10k };
}
