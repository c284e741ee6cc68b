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

/** A small number for a worker's memory that is one of the usual ones — none yet, or the last result (or none)
 * repeated at most 15 times —, else -1. */
function workerCode(w: WorkerState | undefined): number {
  if (!w) return 0;
  if (w.run < 0 || w.run > 15) return -1;
  const last = w.last === 'Success' ? 0 : w.last === 'Failure' ? 1 : w.last === undefined ? 2 : -1;
  return last < 0 ? -1 : 1 + last * 16 + w.run;
}
const WORKER_CODES = 49;

/** Workers' memories made of usual ones, by their three codes: found without making and hashing a key string,
 * which every probe step of every pod did. Kept for good: there are at most 49³ (in practice a handful). */
const usualWorkerSets = new Map<number, ProbeState['workers']>();

/** The state a step leads to, as the runtime record keeps it (never changed again: cloneState copies it). */
export function storedState(st: ProbeState): ProbeState {
  const { liveness, readiness, startup } = st.workers;
  const l = workerCode(liveness);
  const r = workerCode(readiness);
  const s = workerCode(startup);
  const code = l < 0 || r < 0 || s < 0 ? -1 : (l * WORKER_CODES + r) * WORKER_CODES + s;
  const key = code < 0 ? `${workerKey(liveness)};${workerKey(readiness)};${workerKey(startup)}` : '';
  let workers = code < 0 ? workerSets.get(key) : usualWorkerSets.get(code);
  if (!workers) {
    workers = Object.freeze({ liveness: frozenWorker(liveness), readiness: frozenWorker(readiness), startup: frozenWorker(startup) });
    if (code < 0) workerSets.set(key, workers);
    else usualWorkerSets.set(code, workers);
  }
  const { through, slot, requests, started, ready, startedAt } = st;
  return { through, slot, requests, started, ready, workers, startedAt };
}
