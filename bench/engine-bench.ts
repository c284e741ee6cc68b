// Engine figures for one size: load and converge, speed factor in steady state and during churn, tick cost,
// peak heap. Everything runs through `dispatch`, exactly as the dashboard and the CLI drive the cluster.

import { performance } from 'node:perf_hooks';
import type { ObjectOfKind } from '../src/cluster/api/types.js';
import { createCluster, dispatch } from '../src/cluster/engine.js';
import type { State } from '../src/cluster/state.js';
import { listObjects } from '../src/cluster/store.js';
import { DAEMONSET, workload, type SizeSpec } from './workload.js';

/** Simulated ms per dispatch: the dashboard ticks every 100 ms of wall time, i.e. 1 s at speed 10. */
export const TICK_MS = 1_000;

export class HeapWatch {
  peak = 0;
  sample(): void {
    const used = process.memoryUsage().heapUsed;
    if (used > this.peak) this.peak = used;
  }
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function isReady(p: ObjectOfKind<'Pod'>): boolean {
  return p.status?.phase === 'Running' && !p.metadata.deletionTimestamp && !!p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
}

export function readyPods(state: State): number {
  let n = 0;
  // Job pods finish (Completed) by design: convergence is about the long-running ones. The buckets are read in
  // place (not through listObjects, which copies 150,000 pods into an array at every 5 s step of the converge).
  const buckets = (state.tables.Pod ?? {}) as Record<string, Record<string, ObjectOfKind<'Pod'>>>;
  for (const b in buckets) {
    const bucket = buckets[b];
    for (const k in bucket) {
      const p = bucket[k];
      if (isReady(p) && !p.metadata.ownerReferences?.some((r) => r.kind === 'Job')) n++;
    }
  }
  return n;
}

/**
 * Ready pods as the workload controllers report them (ReplicaSet and StatefulSet readyReplicas, DaemonSet
 * numberReady), which is what `kubectl rollout status` waits on: O(controllers) per converge step, where counting
 * the pods read 150,000 of them every step (~1.3 s of the max converge was this harness). loadAndConverge confirms
 * the end with readyPods, so a status that ran ahead of its pods could not end the converge early.
 */
export function readyByControllers(state: State): number {
  let n = 0;
  for (const rs of listObjects(state, 'ReplicaSet')) n += rs.status?.readyReplicas ?? 0;
  for (const sts of listObjects(state, 'StatefulSet')) n += sts.status?.readyReplicas ?? 0;
  for (const ds of listObjects(state, 'DaemonSet')) n += ds.status?.numberReady ?? 0;
  return n;
}

function advance(state: State, ms: number): State {
  return dispatch(state, { type: 'advance', ms }).state;
}

export interface Converged {
  state: State;
  convergeSeconds: number;
  simSeconds: number;
  ready: number;
  expected: number;
}

/** Builds the cluster, applies the workload and advances in 5 s steps until every long-running pod is Ready. */
export function loadAndConverge(size: SizeSpec, heap: HeapWatch, log: (s: string) => void, limitMs = 600_000): Converged {
  const w = workload(size);
  const t0 = performance.now();
  let state = createCluster({ nodes: size.nodes, seed: 7 });
  const applied = dispatch(state, { type: 'apply', mode: 'apply', objects: w.objects });
  if (applied.result.errors.length) throw new Error(applied.result.errors.join('\n'));
  state = applied.state;
  heap.sample();
  const start = state.now;
  let ready = 0;
  for (;;) {
    state = advance(state, 5_000);
    heap.sample();
    ready = readyByControllers(state);
    if (ready >= w.longRunning) ready = readyPods(state);
    const sim = (state.now - start) / 1000;
    if ((sim % 30 === 0 || ready >= w.longRunning) && size.pods >= 3000) log(`  converge: t=${sim}s ready ${ready}/${w.longRunning} (${((performance.now() - t0) / 1000).toFixed(1)} s wall)`);
    if (ready >= w.longRunning) break;
    if (performance.now() - t0 > limitMs) {
      // Out of time: the figure reported as readyPods is the pods' own count, as it is when converged.
      ready = readyPods(state);
      break;
    }
  }
  return { state, convergeSeconds: (performance.now() - t0) / 1000, simSeconds: (state.now - start) / 1000, ready, expected: w.longRunning };
}

export interface Windows {
  state: State;
  speeds: number[];
  tickMs: number[];
}

/** Runs `windows` windows of `ticksPerWindow` ticks each; per window, simulated seconds / wall seconds. */
/** `beforeTick` may change the state before a tick (churn's node deletions); its time counts as a tick of its own. */
export function measureWindows(
  state: State,
  windows: number,
  ticksPerWindow: number,
  heap: HeapWatch,
  budgetMs = Infinity,
  beforeTick?: (state: State) => State | undefined,
): Windows {
  const speeds: number[] = [];
  const tickMs: number[] = [];
  const t0 = performance.now();
  for (let w = 0; w < windows; w++) {
    const start = performance.now();
    for (let i = 0; i < ticksPerWindow; i++) {
      const hs = performance.now();
      const changed = beforeTick?.(state);
      if (changed) {
        state = changed;
        tickMs.push(performance.now() - hs);
      }
      const ts = performance.now();
      state = advance(state, TICK_MS);
      tickMs.push(performance.now() - ts);
    }
    const wall = (performance.now() - start) / 1000;
    speeds.push((ticksPerWindow * TICK_MS) / 1000 / wall);
    heap.sample();
    if (performance.now() - t0 > budgetMs) break;
  }
  return { state, speeds, tickMs };
}

/**
 * Churn: 10% of the nodes are killed (their kubelets stop; the node lifecycle controller marks them NotReady),
 * as many new nodes join, the DaemonSet's image changes (a rolling update over every node), and after the
 * grace period the dead nodes are deleted, so their pods are garbage-collected and replaced elsewhere.
 */
export function churn(state: State, size: SizeSpec, windows: number, ticksPerWindow: number, heap: HeapWatch, budgetMs: number): Windows {
  const victims = Math.max(1, Math.round(size.nodes * 0.1));
  const t0 = performance.now();
  const step = (action: Parameters<typeof dispatch>[1]) => {
    const r = dispatch(state, action);
    if (r.result.errors.length) throw new Error(r.result.errors.join('\n'));
    state = r.state;
  };
  for (let i = 1; i <= victims; i++) {
    step({ type: 'nodeKill', node: `node-${i}` });
    step({ type: 'nodeAdd', node: `node-new-${i}` });
  }
  step({ type: 'setImage', kind: 'DaemonSet', namespace: 'default', name: DAEMONSET, images: { web: 'nginx:1.16' } });
  const churnStart = state.now;
  let deleted = false;
  // The budget counts from the first kill, as the setup above is part of the churn.
  return measureWindows(state, windows, ticksPerWindow, heap, budgetMs - (performance.now() - t0), (s) => {
    if (deleted || s.now - churnStart < 60_000) return undefined;
    state = s;
    for (let n = 1; n <= victims; n++) step({ type: 'nodeDelete', node: `node-${n}` });
    deleted = true;
    return state;
  });
}
