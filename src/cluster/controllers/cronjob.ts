// The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go sync/syncCronJob, v1.32): keeps
// status.active in step with the Jobs it owns, prunes the finished-Job history, and at each schedule time starts a
// Job named `<cronjob>-<minutes since epoch>` according to concurrencyPolicy, suspend and startingDeadlineSeconds.
// Woken by its Jobs' changes and by a timer 100ms after the next schedule time — never by polling.

import type { CronJob, Job } from '../api/types.js';
import type { Controller } from '../controller.js';
import { recordEvent } from '../events.js';
import { keyOf, objectKey } from '../store.js';
import type { Tx } from '../tx.js';
import { parseTime, rfc3339 } from '../util/time.js';
import {
  cleanupFinishedJobs,
  CRONJOB_COMPONENT,
  CRONJOB_QUEUE,
  deleteCronJobJob,
  jobFromTemplate,
  jobNameFor,
  jobRef,
  jobsOf,
} from './cronjob-jobs.js';
import { cronJobSchedule, loadLocation, mostRecentScheduleTime, nextWakeUp, rfc1123z } from './cronjob-schedule.js';
import { finishedCondition, isJobSucceeded } from './job-status.js';
import { createJobThroughApiServer } from './shared/create-job.js';
import { enqueueControllerOf } from './shared/pods.js';

type Status = CronJob['status'];

function event(tx: Tx, cj: CronJob, type: 'Normal' | 'Warning', reason: string, message: string): void {
  recordEvent(tx, cj, { type, reason, message, component: CRONJOB_COMPONENT });
}

/** The first loop of syncCronJob: active list vs. the Jobs that exist. Returns whether the status changed. */
function reconcileActive(tx: Tx, cj: CronJob, status: Status, jobs: Job[]): boolean {
  let changed = false;
  const children = new Set(jobs.map((j) => j.metadata.uid));
  for (const j of jobs) {
    const found = (status.active ?? []).some((r) => r.uid === j.metadata.uid);
    const finished = finishedCondition(j);
    if (!found && !finished) {
      event(tx, cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`);
    } else if (finished) {
      if (found) {
        status.active = status.active!.filter((r) => r.uid !== j.metadata.uid);
        event(tx, cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${finished.type}`);
        changed = true;
      }
      // A Job need not be in the active list for its success to count.
      const done = j.status.completionTime;
      if (isJobSucceeded(j) && done && (!status.lastSuccessfulTime || Date.parse(done) > Date.parse(status.lastSuccessfulTime))) {
        status.lastSuccessfulTime = done;
        changed = true;
      }
    }
  }
  for (const ref of [...(status.active ?? [])]) {
    if (ref.uid && children.has(ref.uid)) continue;
    if (tx.obj('Job', objectKey('Job', ref.namespace, ref.name ?? ''))) continue; // exists, just not ours to list
    event(tx, cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
    status.active = status.active!.filter((r) => r.uid !== ref.uid);
    changed = true;
  }
  return changed;
}

/** syncCronJob after the active list: maybe start the Job of the most recent schedule. Returns the next wake-up. */
function startScheduledJob(tx: Tx, cj: CronJob, status: Status): { wake?: number; changed: boolean } {
  const now = tx.now;
  if (cj.metadata.deletionTimestamp) return { changed: false };
  let zone = 'UTC';
  if (cj.spec.timeZone !== undefined && cj.spec.timeZone !== null) {
    const loc = loadLocation(cj.spec.timeZone);
    if (loc.error) {
      event(tx, cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: "${cj.spec.timeZone}": ${loc.error}`);
      return { changed: false };
    }
    zone = loc.tz!;
  }
  if (cj.spec.suspend) return { changed: false };
  const parsed = cronJobSchedule(cj);
  if (parsed.tzInSchedule) {
    event(
      tx,
      cj,
      'Warning',
      'UnsupportedSchedule',
      `CRON_TZ or TZ used in schedule "${cj.spec.schedule}" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
    );
  }
  const sched = parsed.schedule;
  if (!sched) {
    event(tx, cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: "${cj.spec.schedule}" : ${parsed.error}`);
    return { changed: false };
  }
  const current = { ...cj, status };
  const wake = () => nextWakeUp(current, now, sched);

  // nextScheduleTime: the most recent unmet schedule time, within startingDeadlineSeconds when set.
  const recent = mostRecentScheduleTime(current, now, sched, true);
  if (recent.mostRecent === undefined || recent.mostRecent > now) {
    if (recent.error) {
      event(tx, cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${cj.spec.schedule} : ${recent.error}`);
      return { changed: false };
    }
    return { wake: wake(), changed: false };
  }
  if (recent.missed === 'many') {
    event(tx, cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
  }
  const scheduled = recent.mostRecent;
  const sds = cj.spec.startingDeadlineSeconds;
  // tooLate. As in kubernetes this can hardly happen: with a deadline, nextScheduleTime only looks at schedule
  // times after now − startingDeadlineSeconds, so older misses are skipped without a MissSchedule event.
  if (sds !== undefined && sds !== null && scheduled + sds * 1000 < now) {
    event(tx, cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`);
    return { wake: wake(), changed: false };
  }
  const name = jobNameFor(cj, scheduled);
  if ((status.active ?? []).some((r) => r.name === name) || parseTime(status.lastScheduleTime) === scheduled) {
    return { wake: wake(), changed: false }; // this scheduled time is already processed
  }
  let changed = false;
  const policy = cj.spec.concurrencyPolicy ?? 'Allow';
  if (policy === 'Forbid' && (status.active ?? []).length > 0) {
    event(tx, cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
    return { wake: wake(), changed: false };
  }
  if (policy === 'Replace') {
    for (const ref of [...(status.active ?? [])]) {
      const job = tx.obj('Job', objectKey('Job', ref.namespace, ref.name ?? ''));
      if (!job) {
        event(tx, cj, 'Warning', 'FailedGet', `Get job: jobs.batch "${ref.name}" not found`);
        return { changed };
      }
      deleteCronJobJob(tx, cj, status, job);
      changed = true;
    }
  }

  const res = createJobThroughApiServer(tx, jobFromTemplate(cj, scheduled, zone));
  let job = res.job;
  if (res.alreadyExists) {
    // Created before but not recorded: take it back into the active list if it is ours.
    const existing = tx.obj('Job', objectKey('Job', cj.metadata.namespace, name));
    const ours = existing?.metadata.ownerReferences?.some((r) => r.controller && r.uid === cj.metadata.uid);
    if (!existing || !ours || (status.active ?? []).some((r) => r.uid === existing.metadata.uid)) return { changed };
    job = existing;
  } else if (!job) {
    event(tx, cj, 'Warning', 'FailedCreate', `Error creating job: ${res.statusError ?? res.errors.join('; ')}`);
    return { wake: wake(), changed };
  } else {
    event(tx, cj, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`);
  }
  status.active = [...(status.active ?? []), jobRef(job!)];
  status.lastScheduleTime = rfc3339(scheduled);
  return { wake: wake(), changed: true };
}

function sync(tx: Tx, key: string): void {
  const cj = tx.obj('CronJob', key);
  if (!cj) return;
  const jobs = jobsOf(tx, cj);
  const status: Status = structuredClone(cj.status ?? {});
  let changed = cleanupFinishedJobs(tx, cj, status, jobs);
  changed = reconcileActive(tx, cj, status, jobs) || changed;
  const r = startScheduledJob(tx, cj, status);
  changed = r.changed || changed;
  if (changed) {
    if (status.active && status.active.length === 0) delete status.active;
    if (JSON.stringify(status) !== JSON.stringify(cj.status ?? {})) {
      tx.update('CronJob', key, (c) => {
        c.status = status;
      });
    }
  }
  if (r.wake !== undefined) tx.at(r.wake, CRONJOB_QUEUE, key);
}

export const cronJobController: Controller = {
  name: CRONJOB_QUEUE,
  watches: {
    CronJob: (tx, oldObj, newObj) => {
      const o = oldObj as CronJob | undefined;
      const n = newObj as CronJob | undefined;
      // Creation and spec changes (schedule, suspend, policy…) need a sync; our own status writes do not.
      if (n && (!o || o.spec !== n.spec || o.metadata.deletionTimestamp !== n.metadata.deletionTimestamp)) tx.enqueue(CRONJOB_QUEUE, keyOf(n));
    },
    Job: (tx, oldObj, newObj) => {
      enqueueControllerOf(tx, CRONJOB_QUEUE, 'CronJob', oldObj, newObj);
    },
  },
  reconcile: sync,
};
