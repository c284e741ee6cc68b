// CronJob test builders: CronJobs go through real admission (src/cluster/manifest) like `kubectl create -f`.

import type { CronJob, Job } from '../../src/cluster/api/types.js';
import { createObject } from '../../src/cluster/apiserver.js';
import { transact } from '../../src/cluster/engine.js';
import { admit } from '../../src/cluster/manifest/index.js';
import type { State } from '../../src/cluster/state.js';
import { dependentsOf, getObject } from '../../src/cluster/store.js';
import { HOLD_SCHEDULER } from './job-helpers.js';

export interface CronJobOptions {
  schedule?: string;
  concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
  startingDeadlineSeconds?: number;
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
  suspend?: boolean;
  timeZone?: string;
  backoffLimit?: number;
  labels?: Record<string, string>;
}

/** A CronJob manifest as a user writes it (the notes' sample-cronjob shape). */
export function cronJobManifest(name: string, o: CronJobOptions = {}): Record<string, unknown> {
  const spec: Record<string, unknown> = { schedule: o.schedule ?? '*/1 * * * *' };
  for (const k of ['concurrencyPolicy', 'startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit', 'suspend', 'timeZone'] as const) {
    if (o[k] !== undefined) spec[k] = o[k];
  }
  spec.jobTemplate = {
    ...(o.labels ? { metadata: { labels: o.labels } } : {}),
    spec: {
      ...(o.backoffLimit !== undefined ? { backoffLimit: o.backoffLimit } : {}),
      template: {
        spec: { containers: [{ name: 'tools-container', image: 'amsy810/random-exit:v2.0' }], restartPolicy: 'Never', schedulerName: HOLD_SCHEDULER },
      },
    },
  };
  return { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name, namespace: 'default' }, spec };
}

/** admit + create, as `kubectl create -f` does. */
export function createAdmitted(state: State, raw: Record<string, unknown>): State {
  return transact(state, (tx) => {
    const r = admit(raw, { namespace: 'default' });
    if (!r.object) throw new Error(r.errors.join('\n'));
    createObject(tx, r.object);
  });
}

export function getCronJob(state: State, name: string): CronJob {
  const cj = getObject(state, 'CronJob', `default/${name}`);
  if (!cj) throw new Error(`no cronjob ${name}`);
  return cj;
}

/** The CronJob's Jobs, by name. */
export function cronJobJobs(state: State, name: string): Job[] {
  const cj = getObject(state, 'CronJob', `default/${name}`);
  if (!cj) return [];
  return (dependentsOf(state, cj.metadata.uid).filter((o) => o.kind === 'Job') as Job[]).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

/** `<name>-<minutes since epoch>` for an ISO time. */
export function scheduledName(name: string, isoTime: string): string {
  return `${name}-${Math.floor(Date.parse(isoTime) / 60_000)}`;
}
