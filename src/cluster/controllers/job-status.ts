// Job conditions and the finished-job predicates shared by the Job, CronJob and TTL-after-finished controllers
// (pkg/controller/job/util/utils.go FinishedCondition/IsJobFinished/IsJobSucceeded, and job_controller.go
// newCondition/ensureJobConditionStatus).

import type { Job, JobCondition } from '../api/types.js';
import { rfc3339 } from '../util/time.js';

export type JobStatus = Job['status'];

/** The Complete or Failed condition that is True, if the Job has finished (util.FinishedCondition). */
export function finishedCondition(job: Job): JobCondition | undefined {
  return job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

export function isJobFinished(job: Job): boolean {
  return finishedCondition(job) !== undefined;
}

export function isJobSucceeded(job: Job): boolean {
  return job.status?.conditions?.some((c) => c.type === 'Complete' && c.status === 'True') ?? false;
}

export function findCondition(job: Job, type: string): JobCondition | undefined {
  return job.status?.conditions?.find((c) => c.type === type);
}

export function isConditionTrue(job: Job, type: string): boolean {
  return findCondition(job, type)?.status === 'True';
}

export function newCondition(type: string, status: JobCondition['status'], reason: string, message: string, now: number): JobCondition {
  const t = rfc3339(now);
  const c: JobCondition = { type, status, lastProbeTime: t, lastTransitionTime: t };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/**
 * ensureJobConditionStatus: sets the condition of `type` to status/reason/message, appending it unless it would
 * be appended as False (going from nothing to False is meaningless). Returns the new list and whether it changed.
 */
export function ensureJobCondition(
  list: JobCondition[] | undefined,
  type: string,
  status: JobCondition['status'],
  reason: string,
  message: string,
  now: number,
): { conditions: JobCondition[]; changed: boolean } {
  const conditions = [...(list ?? [])];
  const i = conditions.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = conditions[i];
    if (c.status === status && (c.reason ?? '') === reason && (c.message ?? '') === message) return { conditions, changed: false };
    conditions[i] = newCondition(type, status, reason, message, now);
    return { conditions, changed: true };
  }
  if (status === 'False') return { conditions, changed: false };
  conditions.push(newCondition(type, status, reason, message, now));
  return { conditions, changed: true };
}

/** JobStatus with the API's omitempty rules: zero active/succeeded/failed and empty strings are left out. */
export function tidyStatus(s: JobStatus): JobStatus {
  const out: JobStatus = { ...s };
  if (!out.active) delete out.active;
  if (!out.succeeded) delete out.succeeded;
  if (!out.failed) delete out.failed;
  if (!out.completedIndexes) delete out.completedIndexes;
  if (!out.conditions?.length) delete out.conditions;
  if (!out.startTime) delete out.startTime;
  if (!out.completionTime) delete out.completionTime;
  return out;
}
