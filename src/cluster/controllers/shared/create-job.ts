// Creating a Job the way a client's POST does: API-server admission (defaults, validation — src/cluster/manifest),
// the generated selector from the new uid, then storage. Used by the CronJob controller (jobControl.CreateJob) and
// by `kubectl create job` (src/cluster/verbs/create-job.ts), so that their Jobs look exactly like applied ones.

import type { Job } from '../../api/types.js';
import { createObject } from '../../apiserver.js';
import { admit, finalizeJobSelector, qualifiedKind } from '../../manifest/index.js';
import { resourcePlural } from '../../printers/resources.js';
import { keyOf } from '../../store.js';
import type { Tx } from '../../tx.js';

export interface CreateJobResult {
  job?: Job;
  /** kubectl's words for `kubectl create -f`: `Error from server (AlreadyExists): jobs.batch "x" already exists`… */
  errors: string[];
  warnings: string[];
  alreadyExists?: boolean;
  /** The API server's error as a Go client reports it (StatusError.Error()), for callers that wrap it:
   *  `jobs.batch "x" already exists`, `Job.batch "x" is invalid: spec.template...: Required value`. */
  statusError?: string;
}

/** POST /apis/batch/v1/namespaces/NS/jobs with `raw` (a Job manifest as plain data). */
export function createJobThroughApiServer(tx: Tx, raw: Record<string, unknown>): CreateJobResult {
  const meta = (raw.metadata ?? {}) as { namespace?: string };
  const admitted = admit(raw, { namespace: meta.namespace ?? 'default' });
  if (!admitted.object) {
    const causes = admitted.fieldErrors.map((e) => `${e.field}: ${e.body}`);
    const name = String((raw.metadata as { name?: unknown } | undefined)?.name ?? '');
    const statusError = causes.length
      ? `${qualifiedKind('Job')} ${JSON.stringify(name)} is invalid: ${causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`}`
      : admitted.errors.join('\n');
    return { errors: admitted.errors, warnings: admitted.warnings, statusError };
  }
  const obj = admitted.object as Job;
  if (tx.obj('Job', keyOf(obj))) {
    const statusError = `${resourcePlural('Job')} "${obj.metadata.name}" already exists`;
    return { errors: [`Error from server (AlreadyExists): ${statusError}`], warnings: admitted.warnings, alreadyExists: true, statusError };
  }
  const uid = tx.uid();
  const job = createObject(tx, finalizeJobSelector({ ...obj, metadata: { ...obj.metadata, uid } }, uid) as Job);
  return { job, errors: [], warnings: admitted.warnings };
}
