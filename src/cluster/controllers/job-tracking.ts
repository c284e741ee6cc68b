// What the Job controller remembers per Job besides its status: which pods it has already counted, and the
// pod-failure back-off record.
//
// Kubernetes guarantees that every finished pod is counted exactly once with the `batch.kubernetes.io/job-tracking`
// finalizer and `status.uncountedTerminatedPods` (job_controller.go trackJobStatusAndRemoveFinalizers): a finished
// pod keeps its finalizer until its uid has been added to the counters. kubesim keeps pods finalizer-free and
// instead keeps that knowledge in a private table, keyed by the Job's uid:
// - `counted`: uids already in status.succeeded/failed, or removed by the controller itself while running
//   (scale-down, suspend: kubernetes strips the finalizer before deleting those, so they are never counted);
// - `uncounted`: pods that left storage before the controller saw them finished (force deletion, pod GC), which
//   the finalizer would have held back; the next sync counts them.
// The back-off record is backoff_utils.go's backoffRecord (kept in memory by kube-controller-manager).

import type { Job, Pod } from '../api/types.js';
import { objectKey } from '../store.js';
import type { Tx } from '../tx.js';
import { parseTime } from '../util/time.js';
import { isJobFinished } from './job-status.js';

export const JOB_TRACKING_TABLE = 'jobTracking';

/** DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff (job_controller.go, v1.27+: 10s doubling, 10m cap).
 *  The docs still say "capped at six minutes", which was MaxJobBackOff = 360s up to v1.26; we follow the code. */
export const POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 600_000;

export interface UncountedPod {
  uid: string;
  phase: 'Succeeded' | 'Failed';
  finishedAt: number;
  /** Completion index (Indexed Jobs), -1 otherwise. */
  index: number;
}

export interface JobTracking {
  counted: Record<string, true>;
  uncounted: UncountedPod[];
  failuresAfterLastSuccess: number;
  lastFailureTime?: number;
}

export function getTracking(tx: Tx, job: Job): JobTracking {
  return tx.get<JobTracking>(JOB_TRACKING_TABLE, job.metadata.uid) ?? { counted: {}, uncounted: [], failuresAfterLastSuccess: 0 };
}

export function putTracking(tx: Tx, job: Job, rec: JobTracking): void {
  const old = tx.get<JobTracking>(JOB_TRACKING_TABLE, job.metadata.uid);
  if (old && JSON.stringify(old) === JSON.stringify(rec)) return;
  // A copy: the caller keeps mutating its working record, the State must not change behind the Tx's back.
  tx.set(JOB_TRACKING_TABLE, job.metadata.uid, structuredClone(rec));
}

export function dropTracking(tx: Tx, jobUid: string): void {
  tx.del(JOB_TRACKING_TABLE, jobUid);
}

/** isPodFailed: Failed, or (podReplacementPolicy TerminatingOrFailed) being deleted without having succeeded. */
export function isPodFailed(pod: Pod, job: Job): boolean {
  if (pod.status.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!pod.metadata.deletionTimestamp && pod.status.phase !== 'Succeeded';
}

/** onlyReplaceFailedPods: podReplacementPolicy Failed (the default when a podFailurePolicy is set). */
export function onlyReplaceFailedPods(job: Job): boolean {
  return job.spec.podReplacementPolicy === 'Failed';
}

/**
 * getFinishedTime (backoff_utils.go): the latest container finishedAt when every container has terminated, else
 * the Ready=False transition, else deletionTimestamp − grace period, else the creation time.
 */
export function podFinishedTime(pod: Pod): number {
  const statuses = pod.status.containerStatuses ?? [];
  let latest: number | undefined;
  for (const cs of statuses) {
    const t = parseTime(cs.state.terminated?.finishedAt);
    if (t === undefined) {
      latest = undefined;
      break;
    }
    if (latest === undefined || t > latest) latest = t;
  }
  if (latest !== undefined && statuses.length > 0) return latest;
  const ready = pod.status.conditions?.find((c) => c.type === 'Ready');
  const readyFalse = ready?.status === 'False' ? parseTime(ready.lastTransitionTime) : undefined;
  if (readyFalse !== undefined) return readyFalse;
  const del = parseTime(pod.metadata.deletionTimestamp);
  if (del !== undefined) return del - (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return parseTime(pod.metadata.creationTimestamp) ?? 0;
}

/** newBackoffRecord: failures since the last success, and when the last of them happened. */
export function updateBackoff(rec: JobTracking, succeededAt: number[], failedAt: number[]): void {
  if (succeededAt.length === 0) {
    if (failedAt.length === 0) return;
    rec.failuresAfterLastSuccess += failedAt.length;
    rec.lastFailureTime = Math.max(...failedAt);
    return;
  }
  const lastSuccess = Math.max(...succeededAt);
  const after = failedAt.filter((t) => t > lastSuccess);
  rec.failuresAfterLastSuccess = after.length;
  if (after.length) rec.lastFailureTime = Math.max(...after);
  else delete rec.lastFailureTime;
}

/** getRemainingTimeForFailuresCount: how long replacement pods must still wait, 10s·2^(n−1) capped at 10m. */
export function remainingBackoff(rec: JobTracking, now: number): number {
  const n = rec.failuresAfterLastSuccess;
  if (n === 0 || rec.lastFailureTime === undefined) return 0;
  let delay = POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < n; i++) {
    delay *= 2;
    if (delay >= MAX_POD_FAILURE_BACKOFF_MS) {
      delay = MAX_POD_FAILURE_BACKOFF_MS;
      break;
    }
  }
  const elapsed = now - rec.lastFailureTime;
  return elapsed >= delay ? 0 : delay - elapsed;
}

/**
 * A pod left storage: if it belonged to a running Job that has not counted it yet, remember it as the tracking
 * finalizer would have (a pod that had not succeeded counts as failed). Returns the Job's key to wake, if any.
 */
export function notePodRemoved(tx: Tx, pod: Pod, index: number): string | undefined {
  const ref = pod.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Job');
  if (!ref) return undefined;
  const rec = tx.get<JobTracking>(JOB_TRACKING_TABLE, ref.uid);
  if (!rec || rec.counted[pod.metadata.uid]) return undefined;
  const key = objectKey('Job', pod.metadata.namespace, ref.name);
  const job = tx.obj('Job', key);
  if (!job || job.metadata.uid !== ref.uid || isJobFinished(job)) return undefined;
  const entry: UncountedPod = {
    uid: pod.metadata.uid,
    phase: pod.status.phase === 'Succeeded' ? 'Succeeded' : 'Failed',
    // A pod removed while still running without a graceful deletion (force delete) failed just now.
    finishedAt: pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed' || pod.metadata.deletionTimestamp ? podFinishedTime(pod) : tx.now,
    index,
  };
  tx.set(JOB_TRACKING_TABLE, ref.uid, {
    ...rec,
    counted: { ...rec.counted, [pod.metadata.uid]: true },
    uncounted: [...rec.uncounted, entry],
  });
  return key;
}
