// The TTL-after-finished controller (pkg/controller/ttlafterfinished/ttlafterfinished_controller.go): a finished
// Job with spec.ttlSecondsAfterFinished is deleted that many seconds after its Complete/Failed condition's
// lastTransitionTime, with a timer at exactly that moment (no polling). Like kubernetes it deletes with
// propagationPolicy Foreground, so the Job goes once the garbage collector has removed its pods.

import type { Job } from '../api/types.js';
import { deleteObject } from '../apiserver.js';
import type { Controller } from '../controller.js';
import { keyOf } from '../store.js';
import type { Tx } from '../tx.js';
import { parseTime } from '../util/time.js';
import { finishedCondition } from './job-status.js';

export const TTL_QUEUE = 'ttl-after-finished';

/** needsCleanup: finished and with a TTL. */
function needsCleanup(job: Job): boolean {
  return job.spec.ttlSecondsAfterFinished !== undefined && job.spec.ttlSecondsAfterFinished !== null && finishedCondition(job) !== undefined;
}

/** When the TTL of a finished Job runs out (finish time + ttl), or undefined if it has no finish time. */
export function ttlExpiry(job: Job): number | undefined {
  const finishedAt = parseTime(finishedCondition(job)?.lastTransitionTime);
  if (finishedAt === undefined || job.spec.ttlSecondsAfterFinished === undefined) return undefined;
  return finishedAt + job.spec.ttlSecondsAfterFinished * 1000;
}

function processJob(tx: Tx, key: string): void {
  const job = tx.obj('Job', key);
  // Jobs already being deleted, or without anything to clean up, are left alone (processTTL).
  if (!job || job.metadata.deletionTimestamp || !needsCleanup(job)) return;
  const expireAt = ttlExpiry(job);
  if (expireAt === undefined) return;
  if (expireAt > tx.now) {
    tx.at(expireAt, TTL_QUEUE, key);
    return;
  }
  deleteObject(tx, 'Job', key, { cascade: 'foreground' });
}

export const ttlAfterFinishedController: Controller = {
  name: TTL_QUEUE,
  watches: {
    Job: (tx, _old, newObj) => {
      const job = newObj as Job | undefined;
      if (job && !job.metadata.deletionTimestamp && needsCleanup(job)) tx.enqueue(TTL_QUEUE, keyOf(job));
    },
  },
  reconcile: processJob,
};
