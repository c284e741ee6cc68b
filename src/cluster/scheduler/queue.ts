// The scheduling queue (pkg/scheduler/backend/queue/scheduling_queue.go), reduced to what changes what a user
// sees: a pod that did not fit waits in the unschedulable pool until a cluster event that may help it
// (QueueingHints: node added or changed for every plugin; a pod deleted only for NodeResourcesFit/NodePorts),
// or until it has waited podMaxInUnschedulablePodsDuration (5 min); it is then retried once its back-off
// (1 s doubling per attempt, at most 10 s) has passed. Each retry that fails again re-emits FailedScheduling.
//
// State table `schedulingQueue`: pod key → QueuedPod, only for pods that have failed at least once.

import type { Tx } from '../tx.js';

export const SCHEDULER = 'scheduler';
export const SCHEDULING_QUEUE = 'schedulingQueue';

export const INITIAL_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 10_000;
export const MAX_IN_UNSCHEDULABLE_PODS_MS = 5 * 60_000;

/** Work-queue keys for cluster events (pod keys always contain a `/`, these never do). */
export const MOVE_ON_NODE_EVENT = '~node-event';
export const MOVE_ON_POD_DELETE = '~pod-deleted';

export interface QueuedPod {
  key: string;
  attempts: number;
  /** Earliest time of the next attempt. */
  backoffUntil: number;
  /** `unschedulable`: waiting for an event or the flush; `backoff`: moved, retried at backoffUntil. */
  state: 'unschedulable' | 'backoff';
  /** When the 5-minute flush moves it anyway. */
  flushAt: number;
  /** Plugins that rejected it last time (for the queueing hints). */
  rejectedBy: string[];
}

export function backoffMs(attempts: number): number {
  return Math.min(INITIAL_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/** May the pod be tried now? A wake-up before its time is a stale timer or an event that did not apply. */
export function isDue(q: QueuedPod | undefined, now: number): boolean {
  if (!q) return true;
  return q.state === 'backoff' ? now >= q.backoffUntil : now >= q.flushAt;
}

/** Records a failed attempt and sets the wake-up for the next one. */
export function requeueAfterFailure(tx: Tx, key: string, prev: QueuedPod | undefined, rejectedBy: string[], error: boolean): void {
  const attempts = (prev?.attempts ?? 0) + 1;
  const q: QueuedPod = {
    key,
    attempts,
    backoffUntil: tx.now + backoffMs(attempts),
    // A scheduler error (not a plugin rejection) goes straight to the back-off queue.
    state: error ? 'backoff' : 'unschedulable',
    flushAt: tx.now + MAX_IN_UNSCHEDULABLE_PODS_MS,
    rejectedBy,
  };
  tx.set(SCHEDULING_QUEUE, key, q);
  tx.at(error ? q.backoffUntil : q.flushAt, SCHEDULER, key);
}

function move(tx: Tx, q: QueuedPod): void {
  tx.set(SCHEDULING_QUEUE, q.key, { ...q, state: 'backoff' });
  tx.at(q.backoffUntil, SCHEDULER, q.key);
}

/** A pending pod's spec or labels changed: it may fit now. */
export function podUpdated(tx: Tx, key: string): void {
  const q = tx.get<QueuedPod>(SCHEDULING_QUEUE, key);
  if (!q) tx.enqueue(SCHEDULER, key);
  else if (q.state === 'unschedulable') move(tx, q);
}

/** MoveAllToActiveOrBackoffQueue for one kind of cluster event. */
export function moveUnschedulable(tx: Tx, event: typeof MOVE_ON_NODE_EVENT | typeof MOVE_ON_POD_DELETE): void {
  for (const q of tx.list<QueuedPod>(SCHEDULING_QUEUE)) {
    if (q.state !== 'unschedulable') continue;
    if (event === MOVE_ON_POD_DELETE && !q.rejectedBy.some((p) => p === 'NodeResourcesFit' || p === 'NodePorts')) continue;
    move(tx, q);
  }
}
