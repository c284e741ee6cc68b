// The pod garbage collector (pkg/controller/podgc/gc_controller.go). It records no events.
// - gcOrphaned: pods bound to a node that does not exist are force-deleted (phase Failed and condition
//   DisruptionTarget/DeletionByPodGC first, as markFailedAndDeletePodWithCondition does). When a Node is deleted
//   this happens at once; a pod that names a node that never existed gets the real quarantine (40 s).
// - gcTerminated: when more than --terminated-pod-gc-threshold pods have finished, the oldest finished pods
//   (by creationTimestamp) beyond the threshold are deleted, checked every gcCheckPeriod (20 s).
// Finished pods are tracked in the State table `terminatedPods` (pod key → creation time) so nothing is scanned.

import type { Node, Pod, PodCondition } from '../api/types.js';
import { deleteObject } from '../apiserver.js';
import type { Controller } from '../controller.js';
import { INDEX, keyOf } from '../store.js';
import type { Tx } from '../tx.js';
import { rfc3339 } from '../util/time.js';

export const PODGC = 'podgc';
export const TERMINATED_PODS = 'terminatedPods';
const GC_CHECK_PERIOD_MS = 20_000;
const QUARANTINE_MS = 40_000;
const GC_TERMINATED = 'terminated';
const ORPHANS = 'orphans:';

interface TerminatedPod {
  key: string;
  created: number;
}

function isTerminated(pod: Pod | undefined): boolean {
  return pod?.status.phase === 'Succeeded' || pod?.status.phase === 'Failed';
}

/** Force-deletes a pod the way podgc does: a non-terminal pod is marked Failed with a DisruptionTarget first. */
function forceDelete(tx: Tx, key: string, message?: string): void {
  const pod = tx.obj('Pod', key);
  if (!pod) return;
  if (message && !isTerminated(pod)) tx.put(markedFailed(pod, message, rfc3339(tx.now)));
  deleteObject(tx, 'Pod', key, { force: true, gracePeriodSeconds: 0 });
}

/**
 * The pod with phase Failed and the DisruptionTarget condition (replaced in place, or added last), built directly:
 * an immer draft per pod was a tenth of a node deletion's ~30 pods. The phase always changes (the pod is not
 * terminal), so this is always a new version, as tx.update would have written.
 */
function markedFailed(pod: Pod, message: string, now: string): Pod {
  const cond: PodCondition = { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message, lastProbeTime: null, lastTransitionTime: now };
  const conds = pod.status.conditions;
  const i = conds ? conds.findIndex((c) => c.type === 'DisruptionTarget') : -1;
  const conditions = !conds ? [cond] : i >= 0 ? conds.map((c, j) => (j === i ? cond : c)) : [...conds, cond];
  return { ...pod, status: { ...pod.status, phase: 'Failed', conditions } };
}

function gcOrphaned(tx: Tx, node: string): void {
  if (tx.obj('Node', node)) return;
  for (const key of tx.members(INDEX.podsByNode, node)) forceDelete(tx, key, 'PodGC: node no longer exists');
}

function gcTerminated(tx: Tx): void {
  const threshold = tx.config.terminatedPodGcThreshold;
  const count = tx.count(TERMINATED_PODS);
  if (threshold <= 0 || count <= threshold) return;
  const oldest = tx
    .list<TerminatedPod>(TERMINATED_PODS)
    .sort((a, b) => a.created - b.created || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, count - threshold);
  for (const t of oldest) forceDelete(tx, t.key);
}

function nextCheck(now: number): number {
  return (Math.floor(now / GC_CHECK_PERIOD_MS) + 1) * GC_CHECK_PERIOD_MS;
}

export const podGC: Controller = {
  name: PODGC,
  watches: {
    Pod: (tx, o, n) => {
      const oldPod = o as Pod | undefined;
      const newPod = n as Pod | undefined;
      const was = isTerminated(oldPod);
      const is = isTerminated(newPod);
      // The key only when the pod starts or stops being finished: this watcher runs on every pod write.
      if (was && !is) tx.del(TERMINATED_PODS, keyOf((newPod ?? oldPod)!));
      if (is && !was) {
        const key = keyOf(newPod!);
        tx.set(TERMINATED_PODS, key, { key, created: Date.parse(newPod!.metadata.creationTimestamp) || tx.now } satisfies TerminatedPod);
        const threshold = tx.config.terminatedPodGcThreshold;
        if (threshold > 0 && tx.count(TERMINATED_PODS) > threshold) tx.at(nextCheck(tx.now), PODGC, GC_TERMINATED);
      }
      const node = newPod?.spec.nodeName;
      if (node && node !== oldPod?.spec.nodeName && !tx.obj('Node', node)) tx.after(QUARANTINE_MS, PODGC, ORPHANS + node);
    },
    Node: (tx, o, n) => {
      if (o && !n) tx.enqueue(PODGC, ORPHANS + (o as Node).metadata.name);
    },
  },
  reconcile(tx, key) {
    if (key === GC_TERMINATED) return gcTerminated(tx);
    if (key.startsWith(ORPHANS)) return gcOrphaned(tx, key.slice(ORPHANS.length));
  },
};
