// Parts of the pod statuses the kubelet writes (status.ts), shared: between pods — one object per distinct value,
// from small caches keyed by value, like util/time.ts's rfc3339 cache — and between versions of one pod's
// status — a part equal to the one already stored is that object. At 150,000 pods, five condition objects and
// their list, a running state, an empty lastState and a hostIPs list per pod were about 1 KB of every pod, and
// most pods have the same ones: the pods of a ReplicaSet start in the same few seconds on a few hundred nodes.
//
// Shared objects are frozen: nothing changes a stored object in place (the Tx freezes what it stores, and the
// controllers that edit a pod's status do it through immer, which copies what it changes).

import type { ContainerState, ContainerStatus } from '../api/types.js';
import { Recent } from './recent.js';

// ---------- container states ----------

/** lastState of a container with no earlier run. */
export const NO_STATE: ContainerState = Object.freeze({});

/** status_manager.go TerminatePod's state for a container that never reached a terminated state. */
export const STATUS_UNKNOWN: ContainerState = Object.freeze({
  terminated: Object.freeze({ exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' }),
});

const running = new Recent<string, ContainerState>(512);

/** `{ running: { startedAt } }`, one per second (the containers started in one second share it). */
export function runningState(startedAt: string): ContainerState {
  return running.get(startedAt) ?? running.set(startedAt, Object.freeze({ running: Object.freeze({ startedAt }) }));
}

const waiting = new Recent<string, ContainerState>(256);

/** `{ waiting: { reason[, message] } }`; those without a message (ContainerCreating, PodInitializing, …) are shared. */
export function waitingState(reason: string, message?: string): ContainerState {
  if (message) return { waiting: { reason, message } };
  return waiting.get(reason) ?? waiting.set(reason, Object.freeze({ waiting: Object.freeze({ reason }) }));
}

/** Equal as JSON (fields set to undefined count as absent), for objects whose values are not objects. */
export function sameFields(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k in x) if (x[k] !== y[k]) return false;
  for (const k in y) if (x[k] !== y[k]) return false;
  return true;
}

/** Equal as JSON: a state is at most `{ kind: { fields } }`. */
function sameState(a: ContainerState, b: ContainerState): boolean {
  if (a === b) return true;
  const x = a as Record<string, object | undefined>;
  const y = b as Record<string, object | undefined>;
  for (const k in x) if (!sameFields(x[k], y[k])) return false;
  for (const k in y) if (!(k in x) && y[k] !== undefined) return false;
  return true;
}

function fieldCount(o: object): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}

/**
 * `cs`, or the container status already stored when it is the same (the same fields — the kubelet writes every
 * container status, the node lifecycle controller only flips `ready` in place — and the same values); else `cs`
 * with the stored states where they are equal.
 */
export function keepContainerStatus(prev: ContainerStatus | undefined, cs: ContainerStatus): ContainerStatus {
  if (!prev) return cs;
  const state = sameState(prev.state, cs.state) ? prev.state : cs.state;
  const lastState = sameState(prev.lastState, cs.lastState) ? prev.lastState : cs.lastState;
  if (state === prev.state && lastState === prev.lastState && prev.name === cs.name && prev.ready === cs.ready
    && prev.restartCount === cs.restartCount && prev.image === cs.image && prev.imageID === cs.imageID
    && prev.started === cs.started && prev.containerID === cs.containerID && fieldCount(prev) === fieldCount(cs)) return prev;
  cs.state = state;
  cs.lastState = lastState;
  return cs;
}

/** `list`, or `prev` when every element is the stored one. */
export function keepList<T>(prev: T[] | undefined, list: T[]): T[] {
  if (!prev || prev.length !== list.length) return list;
  for (let i = 0; i < list.length; i++) if (prev[i] !== list[i]) return list;
  return prev;
}

// ---------- addresses ----------

const hostIPLists = new Recent<string, { ip: string }[]>(16_384);

/** status.hostIPs of the pods of a node, one list per address. */
export function hostIPs(ip: string): { ip: string }[] {
  return hostIPLists.get(ip) ?? hostIPLists.set(ip, Object.freeze([Object.freeze({ ip })]) as { ip: string }[]);
}

/** status.podIPs: the stored list when it says the same. */
export function podIPs(prev: { ip: string }[] | undefined, ip: string): { ip: string }[] {
  if (prev && prev.length === 1 && prev[0].ip === ip && fieldCount(prev[0]) === 1) return prev;
  return [{ ip }];
}
