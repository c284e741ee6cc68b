// The Job controller (pkg/controller/job/job_controller.go syncJob, v1.32 with JobPodReplacementPolicy,
// JobManagedBy and JobSuccessPolicy on): counts finished pods exactly once, decides whether the Job has failed
// (backoffLimit, activeDeadlineSeconds) or succeeded, deletes active pods of a finished Job and only then writes
// the terminal condition (interim FailureTarget / SuccessCriteriaMet first), handles suspend/resume, and lets
// manageJob (job-pods.ts) keep the right number of pods running. Status is written only when it changes.

import type { Job, JobCondition, Pod } from '../api/types.js';
import type { Controller } from '../controller.js';
import { recordEvent } from '../events.js';
import { matchesSelector } from '../labels.js';
import { keyOf } from '../store.js';
import type { Tx } from '../tx.js';
import { parseTime, rfc3339 } from '../util/time.js';
import { completionIndex, formatIndexes, isIndexedJob, succeededIndexes, validIndex } from './job-indexes.js';
import { deleteJobPods, JOB_COMPONENT, JOB_QUEUE, manageJob, type JobSyncCtx } from './job-pods.js';
import { ensureJobCondition, findCondition, isConditionTrue, isJobFinished, newCondition, tidyStatus } from './job-status.js';
import { dropTracking, getTracking, isPodFailed, notePodRemoved, podFinishedTime, putTracking, updateBackoff } from './job-tracking.js';
import { claimPods, controlledByOtherKind, controllerRefOf, enqueueControllerOf, enqueueMatchingControllers, isPodActive, isPodReady } from './shared/pods.js';

const DEFAULT_BACKOFF_LIMIT = 6;

function isTerminal(p: Pod): boolean {
  return p.status.phase === 'Succeeded' || p.status.phase === 'Failed';
}

/** pastBackoffLimitOnFailure: OnFailure pods restart in place, so their restart counts are the failures. */
function pastBackoffLimitOnFailure(job: Job, pods: Pod[]): boolean {
  if (job.spec.template.spec.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status.phase !== 'Running' && p.status.phase !== 'Pending') continue;
    for (const cs of [...(p.status.initContainerStatuses ?? []), ...(p.status.containerStatuses ?? [])]) restarts += cs.restartCount;
  }
  const limit = job.spec.backoffLimit ?? DEFAULT_BACKOFF_LIMIT;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

function syncJob(tx: Tx, key: string): void {
  const job = tx.obj('Job', key);
  if (!job) return;
  if (isJobFinished(job)) {
    dropTracking(tx, job.metadata.uid);
    return;
  }
  const now = tx.now;
  const rec = structuredClone(getTracking(tx, job));
  const pods = claimPods(tx, job, (labels) => matchesSelector(job.spec.selector, labels));
  const active = pods.filter(isPodActive);
  const indexed = isIndexedJob(job);
  const countable = (p: Pod) => !rec.counted[p.metadata.uid] && (!indexed || validIndex(job, p) >= 0);

  // Newly finished pods, plus those that left storage before we saw them (job-tracking.ts).
  const newSucceeded = pods.filter((p) => countable(p) && p.status.phase === 'Succeeded');
  const newFailed = pods.filter((p) => countable(p) && isPodFailed(p, job));
  const goneSucceeded = rec.uncounted.filter((u) => u.phase === 'Succeeded');
  const goneFailed = rec.uncounted.filter((u) => u.phase === 'Failed');
  for (const p of [...newSucceeded, ...newFailed]) rec.counted[p.metadata.uid] = true;
  updateBackoff(
    rec,
    [...newSucceeded.map(podFinishedTime), ...goneSucceeded.map((u) => u.finishedAt)],
    [...newFailed.map(podFinishedTime), ...goneFailed.map((u) => u.finishedAt)],
  );
  rec.uncounted = [];

  const prev = job.status ?? {};
  let failed = (prev.failed ?? 0) + newFailed.length + goneFailed.length;
  let succeeded = (prev.succeeded ?? 0) + newSucceeded.length + goneSucceeded.length;
  const doneIndexes = indexed ? succeededIndexes(job, pods) : new Set<number>();
  if (indexed) {
    for (const u of goneSucceeded) if (u.index >= 0 && u.index < (job.spec.completions ?? 0)) doneIndexes.add(u.index);
    succeeded = doneIndexes.size;
  }

  let startTime = prev.startTime;
  if (!startTime && !job.spec.suspend) startTime = rfc3339(now);

  let finished: JobCondition | undefined;
  if (isConditionTrue(job, 'SuccessCriteriaMet')) finished = findCondition(job, 'SuccessCriteriaMet');
  else if (isConditionTrue(job, 'FailureTarget')) {
    const ft = findCondition(job, 'FailureTarget')!;
    finished = newCondition('Failed', 'True', ft.reason ?? '', ft.message ?? '', now);
  }
  if (!finished) {
    const deadline = job.spec.activeDeadlineSeconds;
    const start = parseTime(startTime);
    if (failed > (job.spec.backoffLimit ?? DEFAULT_BACKOFF_LIMIT) || pastBackoffLimitOnFailure(job, pods)) {
      finished = newCondition('FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', now);
    } else if (deadline !== undefined && start !== undefined && !job.spec.suspend) {
      // pastActiveDeadline, or a wake-up exactly at the deadline.
      if (now - start >= deadline * 1000) {
        finished = newCondition('FailureTarget', 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline', now);
      } else tx.at(start + deadline * 1000, JOB_QUEUE, key);
    }
  }

  const ctx: JobSyncCtx = {
    job,
    key,
    pods,
    active,
    succeeded,
    succeededIndexes: doneIndexes,
    terminating: pods.filter((p) => p.metadata.deletionTimestamp && !isTerminal(p)).length,
    ready: active.filter(isPodReady).length,
    rec,
  };
  // Record what is counted before deleting anything: deleting an unbound pod removes it at once.
  putTracking(tx, job, rec);

  let activeCount = active.length;
  let conditions = prev.conditions ?? [];
  if (finished) {
    // The Job has finished: remove the active pods. On failure every pod still running counts as failed.
    if (finished.type !== 'SuccessCriteriaMet') failed += active.filter((p) => !rec.counted[p.metadata.uid]).length;
    for (const p of active) rec.counted[p.metadata.uid] = true;
    putTracking(tx, job, rec);
    const r = deleteJobPods(tx, ctx, active, true);
    activeCount -= r.deleted;
    ctx.terminating += r.deleted;
    ctx.ready -= r.ready;
  } else {
    let manageJobCalled = false;
    if (!job.metadata.deletionTimestamp) {
      activeCount = manageJob(tx, ctx);
      manageJobCalled = true;
    }
    const completions = job.spec.completions;
    const complete =
      completions === undefined || completions === null ? ctx.succeeded > 0 && activeCount === 0 : ctx.succeeded >= completions && activeCount === 0;
    if (complete) {
      finished = newCondition('SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods', now);
    } else if (manageJobCalled) {
      const suspended = !!job.spec.suspend;
      const r = suspended
        ? ensureJobCondition(conditions, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now)
        : ensureJobCondition(conditions, 'Suspended', 'False', 'JobResumed', 'Job resumed', now);
      conditions = r.conditions;
      if (r.changed) {
        recordEvent(tx, job, { type: 'Normal', reason: suspended ? 'Suspended' : 'Resumed', message: suspended ? 'Job suspended' : 'Job resumed', component: JOB_COMPONENT });
        // Resuming restarts the clock of activeDeadlineSeconds, as for a Job created suspended.
        if (!suspended) startTime = rfc3339(now);
      }
    }
  }

  // trackJobStatusAndRemoveFinalizers / enactJobFinished: interim condition first, the terminal one once no pod
  // is terminating any more.
  let final: JobCondition | undefined;
  if (finished?.type === 'FailureTarget') {
    conditions = [...conditions, finished];
    final = newCondition('Failed', 'True', finished.reason ?? '', finished.message ?? '', now);
  } else if (finished?.type === 'Failed') {
    final = finished;
  } else if (finished?.type === 'SuccessCriteriaMet') {
    if (!isConditionTrue(job, 'SuccessCriteriaMet')) conditions = [...conditions, finished];
    final = newCondition('Complete', 'True', finished.reason ?? '', finished.message ?? '', now);
  }
  let completionTime = prev.completionTime;
  const finishing = final !== undefined && ctx.terminating === 0;
  if (finishing) {
    conditions = ensureJobCondition(conditions, final!.type, 'True', final!.reason ?? '', final!.message ?? '', now).conditions;
    if (final!.type === 'Complete') completionTime = rfc3339(now);
  }

  const next = tidyStatus({
    ...prev,
    conditions,
    startTime,
    completionTime,
    active: activeCount,
    ready: ctx.ready,
    terminating: ctx.terminating,
    succeeded,
    failed,
    completedIndexes: indexed ? formatIndexes(doneIndexes) : undefined,
    uncountedTerminatedPods: {},
  });
  if (JSON.stringify(next) !== JSON.stringify(job.status)) {
    tx.update('Job', key, (j) => {
      j.status = next;
    });
  }

  if (finishing) {
    if (final!.type === 'Complete') {
      if (completionsExceeded(job, succeeded)) {
        recordEvent(tx, job, { type: 'Warning', reason: 'TooManySucceededPods', message: 'Too many succeeded pods running after completion count reached', component: JOB_COMPONENT });
      }
      recordEvent(tx, job, { type: 'Normal', reason: 'Completed', message: 'Job completed', component: JOB_COMPONENT });
    } else {
      recordEvent(tx, job, { type: 'Warning', reason: final!.reason ?? 'Failed', message: final!.message ?? '', component: JOB_COMPONENT });
    }
    dropTracking(tx, job.metadata.uid);
    return;
  }
  // Forget pods that no longer exist: a uid never comes back.
  const present = new Set(pods.map((p) => p.metadata.uid));
  for (const uid of Object.keys(rec.counted)) if (!present.has(uid)) delete rec.counted[uid];
  putTracking(tx, job, rec);
}

function completionsExceeded(job: Job, succeeded: number): boolean {
  const c = job.spec.completions;
  return c !== undefined && c !== null && succeeded > c;
}

function jobsMatching(tx: Tx, pod: Pod): void {
  enqueueMatchingControllers(tx, JOB_QUEUE, tx.objects('Job'), pod, (j, labels) => matchesSelector(j.spec.selector, labels));
}

export const jobController: Controller = {
  name: JOB_QUEUE,
  watches: {
    Job: (tx, oldObj, newObj) => {
      if (!newObj) {
        if (oldObj) dropTracking(tx, oldObj.metadata.uid);
        return;
      }
      const o = oldObj as Job | undefined;
      const n = newObj as Job;
      // Our own status writes need no new sync; creation and spec/metadata changes do (updateJob).
      if (!o || o.spec !== n.spec || o.metadata.deletionTimestamp !== n.metadata.deletionTimestamp || o.metadata.labels !== n.metadata.labels) {
        tx.enqueue(JOB_QUEUE, keyOf(n));
      }
    },
    Pod: (tx, oldObj, newObj) => {
      if (controlledByOtherKind(oldObj, newObj, 'Job')) return;
      const oldPod = oldObj as Pod | undefined;
      const newPod = newObj as Pod | undefined;
      if (oldPod && !newPod) {
        const jobKey = notePodRemoved(tx, oldPod, completionIndex(oldPod));
        if (jobKey) tx.enqueue(JOB_QUEUE, jobKey);
      }
      enqueueControllerOf(tx, JOB_QUEUE, 'Job', oldPod, newPod);
      // An orphan that appeared or changed labels may be adopted by a matching Job (addPod/updatePod).
      // (controllerRefOf: a loop, where `some` with a closure per write was most of this watcher's time.)
      if (newPod && !controllerRefOf(newPod)) {
        const hadController = !!controllerRefOf(oldPod);
        if (!oldPod || hadController || oldPod.metadata.labels !== newPod.metadata.labels) jobsMatching(tx, newPod);
      }
    },
  },
  reconcile: syncJob,
};
