// A probe state (runtime.ts ProbeState) as probes.ts advances it and as the runtime record keeps it. Every probe
// step of every pod copies one, advances the copy and keeps the result, so the layout is fixed: the workers'
// memories always have their three fields, in this order (read and written by name, never by a computed key, and
// every state has the same hidden class), and a kept state's workers are shared between pods (most are "the last
// probe succeeded, once").

import type { Container } from '../api/types.js';
import { Recent } from './recent.js';
import type { ProbeState, ProbeType, WorkerState } from './runtime.js';

/** No worker has probed yet. */
const NO_WORKERS: ProbeState['workers'] = Object.freeze({ liveness: undefined, readiness: undefined, startup: undefined });

export function workerOf(ws: ProbeState['workers'], type: ProbeType): WorkerState | undefined {
  return type === 'liveness' ? ws.liveness : type === 'readiness' ? ws.readiness : ws.startup;
}

/** State of a run's probes before any has run: readiness starts as Failure, liveness as Success (worker.go). */
export function initialProbeState(c: Container, startedAt: number): ProbeState {
  const hasStartup = !!c.startupProbe;
  const started = !hasStartup;
  const ready = !c.readinessProbe;
  return { through: startedAt, slot: -1, requests: 0, started, ready, workers: NO_WORKERS, startedAt: hasStartup ? undefined : startedAt };
}

const copyWorker = (w: WorkerState | undefined): WorkerState | undefined => w && { run: w.run, last: w.last };

/** A copy to advance (workers included: applyInstant changes them in place). Written out: every probe step of
 * every pod copies a state. */
export function cloneState(st: ProbeState): ProbeState {
  const { liveness, readiness, startup } = st.workers;
  const workers = { liveness: copyWorker(liveness), readiness: copyWorker(readiness), startup: copyWorker(startup) };
  const { through, slot, requests, started, ready, startedAt } = st;
  return { through, slot, requests, started, ready, workers, startedAt };
}

/** A worker's memory before its first probe, put in place (in a copy being advanced). */
export function newWorker(ws: ProbeState['workers'], type: ProbeType): WorkerState {
  const w: WorkerState = { run: 0, last: undefined };
  if (type === 'liveness') ws.liveness = w;
  else if (type === 'readiness') ws.readiness = w;
  else ws.startup = w;
  return w;
}

/** Workers' memories, shared between pods: most are "the last probe succeeded, once" (or failed, n times). */
const workerSets = new Recent<string, ProbeState['workers']>(1024);

const workerKey = (w: WorkerState | undefined) => (w ? `${w.last} ${w.run}` : '-');
const frozenWorker = (w: WorkerState | undefined) => w && Object.freeze(copyWorker(w)!);

/** The state a step leads to, as the runtime record keeps it (never changed again: cloneState copies it). */
export function storedState(st: ProbeState): ProbeState {
  const { liveness, readiness, startup } = st.workers;
  const key = `${workerKey(liveness)};${workerKey(readiness)};${workerKey(startup)}`;
  let workers = workerSets.get(key);
  if (!workers) {
    workers = Object.freeze({ liveness: frozenWorker(liveness), readiness: frozenWorker(readiness), startup: frozenWorker(startup) });
    workerSets.set(key, workers);
  }
  const { through, slot, requests, started, ready, startedAt } = st;
  return { through, slot, requests, started, ready, workers, startedAt };
}
