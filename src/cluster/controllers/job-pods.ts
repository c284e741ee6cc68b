// The Job controller's pod management (job_controller.go manageJob, deleteJobPods, deleteActivePods,
// activePodsForRemoval): how many pods should be running, which to delete when there are too many, and creating
// the missing ones (slow-start batches, Indexed pods with their index, pod-failure back-off before replacements).

import type { Job, Pod } from '../api/types.js';
import { deleteObject } from '../apiserver.js';
import { recordEvent } from '../events.js';
import { keyOf } from '../store.js';
import type { Tx } from '../tx.js';
import {
  COMPLETION_INDEX_ANNOTATION,
  COMPLETION_INDEX_ENV,
  completionIndex,
  firstPendingIndexes,
  generateNameWithIndex,
  isIndexedJob,
} from './job-indexes.js';
import { onlyReplaceFailedPods, putTracking, remainingBackoff, type JobTracking } from './job-tracking.js';
import { createPodFromTemplate, isPodReady, podReadyCondition, slowStartBatch } from './shared/pods.js';

export const JOB_QUEUE = 'job';
export const JOB_COMPONENT = 'job-controller';
/** MaxPodCreateDeletePerSync. */
const MAX_PER_SYNC = 500;

/** What one sync knows about a Job (job_controller.go syncJobCtx). */
export interface JobSyncCtx {
  job: Job;
  key: string;
  pods: Pod[];
  active: Pod[];
  succeeded: number;
  succeededIndexes: Set<number>;
  terminating: number;
  ready: number;
  rec: JobTracking;
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function maxRestarts(p: Pod): number {
  return Math.max(0, ...(p.status.containerStatuses ?? []).map((c) => c.restartCount));
}

/** controller.ActivePods.Less: the pods to delete first come first (unscheduled, pending, not ready, newest…). */
export function compareActivePods(a: Pod, b: Pod): number {
  const na = a.spec.nodeName ?? '';
  const nb = b.spec.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  const pa = PHASE_ORDINAL[a.status.phase] ?? 0;
  const pb = PHASE_ORDINAL[b.status.phase] ?? 0;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return ra ? 1 : -1;
  if (ra && rb) {
    // The pod ready for less time goes first.
    const ta = Date.parse(podReadyCondition(a)?.lastTransitionTime ?? '') || 0;
    const tb = Date.parse(podReadyCondition(b)?.lastTransitionTime ?? '') || 0;
    if (ta !== tb) return tb - ta;
  }
  const ca = maxRestarts(a);
  const cb = maxRestarts(b);
  if (ca !== cb) return cb - ca;
  const ta = Date.parse(a.metadata.creationTimestamp) || 0;
  const tb = Date.parse(b.metadata.creationTimestamp) || 0;
  return tb - ta;
}

/**
 * activePodsForRemoval: for Indexed Jobs first the pods with an invalid or repeated index (keeping the most
 * advanced pod of each index), then the first `rmAtLeast` in ActivePods order.
 */
function activePodsForRemoval(job: Job, pods: Pod[], rmAtLeast: number): Pod[] {
  const rm: Pod[] = [];
  let left = pods;
  if (isIndexedJob(job)) {
    left = [];
    const byIndex = new Map<number, Pod[]>();
    for (const p of pods) {
      const ix = completionIndex(p);
      if (ix < 0 || ix >= (job.spec.completions ?? 0)) rm.push(p);
      else byIndex.set(ix, [...(byIndex.get(ix) ?? []), p]);
    }
    for (const group of byIndex.values()) {
      const sorted = [...group].sort(compareActivePods);
      left.push(sorted[sorted.length - 1]);
      rm.push(...sorted.slice(0, -1));
    }
  }
  if (rm.length < rmAtLeast) rm.push(...[...left].sort(compareActivePods).slice(0, rmAtLeast - rm.length));
  return rm;
}

/**
 * Deletes pods on behalf of the Job (PodControl.DeletePod: `SuccessfulDelete` `Deleted pod: x`).
 * `countAsFailed` false means what kubernetes does by removing the tracking finalizer first: never counted.
 * Returns how many were deleted and how many of those were ready.
 */
export function deleteJobPods(tx: Tx, ctx: JobSyncCtx, pods: Pod[], countAsFailed: boolean): { deleted: number; ready: number } {
  let ready = 0;
  if (!countAsFailed) {
    for (const p of pods) ctx.rec.counted[p.metadata.uid] = true;
    // Stored before deleting: an unbound pod is removed at once, and the removal watcher must see it counted.
    putTracking(tx, ctx.job, ctx.rec);
  }
  for (const p of pods) {
    deleteObject(tx, 'Pod', keyOf(p));
    recordEvent(tx, ctx.job, { type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${p.metadata.name}`, component: JOB_COMPONENT });
    if (isPodReady(p)) ready++;
  }
  return { deleted: pods.length, ready };
}

/** The pod an Indexed Job creates for `index`: annotation + label, JOB_COMPLETION_INDEX, hostname `<job>-<index>`. */
function indexedPodMutation(job: Job, index: number): (pod: Pod) => void {
  return (pod) => {
    const value = String(index);
    for (const c of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
      if (!c.env?.some((e) => e.name === COMPLETION_INDEX_ENV)) c.env = [...(c.env ?? []), { name: COMPLETION_INDEX_ENV, value }];
    }
    pod.spec.hostname = `${job.metadata.name}-${index}`;
  };
}

function createJobPod(tx: Tx, job: Job, index: number): boolean {
  const indexed = index >= 0;
  const pod = createPodFromTemplate(tx, job, job.spec.template, {
    generateName: indexed ? generateNameWithIndex(job.metadata.name, index) : `${job.metadata.name}-`,
    ...(indexed
      ? {
          labels: { [COMPLETION_INDEX_ANNOTATION]: String(index) },
          annotations: { [COMPLETION_INDEX_ANNOTATION]: String(index) },
          mutate: indexedPodMutation(job, index),
        }
      : {}),
  });
  recordEvent(tx, job, { type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${pod.metadata.name}`, component: JOB_COMPONENT });
  return true;
}

/**
 * manageJob: deletes pods when suspended or above the target, otherwise creates the missing ones once the
 * pod-failure back-off has passed (a timer wakes the Job then). Returns the number of active pods.
 */
export function manageJob(tx: Tx, ctx: JobSyncCtx): number {
  const { job } = ctx;
  let active = ctx.active.length;
  const parallelism = job.spec.parallelism ?? 1;

  if (job.spec.suspend) {
    const r = deleteJobPods(tx, ctx, ctx.active, false);
    ctx.terminating += r.deleted;
    ctx.ready -= r.ready;
    return active - r.deleted;
  }

  let wantActive: number;
  if (job.spec.completions === undefined || job.spec.completions === null) {
    // Work queue: parallelism until the first success, then leave whatever is running, running.
    wantActive = ctx.succeeded > 0 ? active : parallelism;
  } else {
    wantActive = Math.max(0, Math.min(job.spec.completions - ctx.succeeded, parallelism));
  }

  const toDelete = activePodsForRemoval(job, ctx.active, Math.max(0, active - wantActive)).slice(0, MAX_PER_SYNC);
  if (toDelete.length > 0) {
    // Deleting and creating in one sync are exclusive; deletion takes precedence.
    const r = deleteJobPods(tx, ctx, toDelete, false);
    ctx.terminating += r.deleted;
    ctx.ready -= r.ready;
    return active - r.deleted;
  }

  const terminating = onlyReplaceFailedPods(job) ? ctx.terminating : 0;
  let diff = wantActive - terminating - active;
  if (diff <= 0) return active;
  const wait = remainingBackoff(ctx.rec, tx.now);
  if (wait > 0) {
    // kubernetes returns 0 here (fixed upstream in #139457); we keep reporting the pods that really run.
    tx.after(wait, JOB_QUEUE, ctx.key);
    return active;
  }
  diff = Math.min(diff, MAX_PER_SYNC);
  let indexes: number[] = [];
  if (isIndexedJob(job)) {
    const activeIndexes = new Set(ctx.active.map(completionIndex));
    indexes = firstPendingIndexes(job.spec.completions ?? 0, ctx.succeededIndexes, activeIndexes, diff);
    diff = indexes.length;
  }
  let i = 0;
  active += slowStartBatch(diff, () => createJobPod(tx, job, isIndexedJob(job) ? indexes[i++] : -1));
  return active;
}
