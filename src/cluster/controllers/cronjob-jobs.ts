// The Jobs of a CronJob (pkg/controller/cronjob/cronjob_controllerv2.go getJobsToBeReconciled, cleanupFinishedJobs,
// removeOldestJobs, deleteJob; utils.go getJobFromTemplate2, byJobStartTime).

import type { CronJob, Job, ObjectReference } from '../api/types.js';
import { controllerRef, deleteObject } from '../apiserver.js';
import { recordEvent } from '../events.js';
import { INDEX, keyOf } from '../store.js';
import type { Tx } from '../tx.js';
import { rfc3339InZone } from './cronjob-schedule.js';
import { finishedCondition } from './job-status.js';

export const CRONJOB_QUEUE = 'cronjob';
export const CRONJOB_COMPONENT = 'cronjob-controller';
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/** Jobs whose controller is this CronJob, read from the dependents index (no scan of all Jobs). */
export function jobsOf(tx: Tx, cj: CronJob): Job[] {
  const out: Job[] = [];
  for (const ref of tx.members(INDEX.dependents, cj.metadata.uid)) {
    if (!ref.startsWith('Job|')) continue;
    const job = tx.obj('Job', ref.slice(4));
    if (job?.metadata.ownerReferences?.some((r) => r.controller && r.uid === cj.metadata.uid)) out.push(job);
  }
  return out;
}

/** getJobName: `<cronjob>-<scheduled time in minutes since the epoch>`. */
export function jobNameFor(cj: CronJob, scheduledTime: number): string {
  return `${cj.metadata.name}-${Math.floor(scheduledTime / 60_000)}`;
}

/** getJobFromTemplate2: the jobTemplate's labels, annotations (+ the scheduled time) and spec, owned by the CronJob. */
export function jobFromTemplate(cj: CronJob, scheduledTime: number, zone: string): Record<string, unknown> {
  const tmpl = cj.spec.jobTemplate;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobNameFor(cj, scheduledTime),
      namespace: cj.metadata.namespace ?? 'default',
      ...(tmpl.metadata?.labels ? { labels: { ...tmpl.metadata.labels } } : {}),
      annotations: { ...(tmpl.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP_ANNOTATION]: rfc3339InZone(scheduledTime, zone) },
      ownerReferences: [controllerRef(cj)],
    },
    spec: structuredClone(tmpl.spec),
  };
}

/** getRef: the ObjectReference kept in status.active. */
export function jobRef(job: Job): ObjectReference {
  return {
    kind: 'Job',
    namespace: job.metadata.namespace ?? 'default',
    name: job.metadata.name,
    uid: job.metadata.uid,
    apiVersion: 'batch/v1',
    resourceVersion: job.metadata.resourceVersion,
  };
}

/**
 * deleteJob: deletes the Job (background propagation: the garbage collector removes its pods), takes it off the
 * active list and records `SuccessfulDelete` `Deleted job x`.
 */
export function deleteCronJobJob(tx: Tx, cj: CronJob, status: CronJob['status'], job: Job): void {
  deleteObject(tx, 'Job', keyOf(job), { cascade: 'background' });
  status.active = (status.active ?? []).filter((r) => r.uid !== job.metadata.uid);
  recordEvent(tx, cj, { type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted job ${job.metadata.name}`, component: CRONJOB_COMPONENT });
}

/** byJobStartTime: by status.startTime (unset last), then by name. */
function byStartTime(a: Job, b: Job): number {
  const sa = a.status?.startTime;
  const sb = b.status?.startTime;
  if (!sa && sb) return 1;
  if (sa && !sb) return -1;
  if (sa && sb && sa !== sb) return Date.parse(sa) - Date.parse(sb);
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/**
 * cleanupFinishedJobs: keeps the newest successfulJobsHistoryLimit Complete and failedJobsHistoryLimit Failed
 * Jobs and deletes the older ones. Returns whether the status changed.
 */
export function cleanupFinishedJobs(tx: Tx, cj: CronJob, status: CronJob['status'], jobs: Job[]): boolean {
  const succeededLimit = cj.spec.successfulJobsHistoryLimit;
  const failedLimit = cj.spec.failedJobsHistoryLimit;
  if (succeededLimit === undefined && failedLimit === undefined) return false;
  const succeeded = jobs.filter((j) => finishedCondition(j)?.type === 'Complete');
  const failed = jobs.filter((j) => finishedCondition(j)?.type === 'Failed');
  let changed = false;
  for (const [list, limit] of [
    [succeeded, succeededLimit],
    [failed, failedLimit],
  ] as const) {
    if (limit === undefined || limit === null || list.length <= limit) continue;
    const oldest = [...list].sort(byStartTime).slice(0, list.length - limit);
    for (const job of oldest) {
      if (!tx.obj('Job', keyOf(job))) continue;
      deleteCronJobJob(tx, cj, status, job);
      changed = true;
    }
  }
  return changed;
}
