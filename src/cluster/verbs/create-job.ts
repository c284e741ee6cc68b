// `kubectl create job NAME --from=cronjob/CJ` and `kubectl create job NAME --image=IMG -- CMD…`
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_job.go createJobFromCronJob / createJob): kubectl builds the
// Job on the client and POSTs it, so it goes through the same admission as `kubectl create -f`.

import type { ActionResult } from '../actions.js';
import { createJobThroughApiServer } from '../controllers/shared/create-job.js';
import { notFound, qualifiedName } from '../printers/resources.js';
import { objectKey } from '../store.js';
import type { Tx } from '../tx.js';
import type { VerbHandler } from './index.js';

/** Client.Jobs(ns).Create, then `job.batch/NAME created`; a refusal is `error: failed to create job: <err>`. */
function post(tx: Tx, raw: Record<string, unknown>, name: string, result: ActionResult): void {
  const res = createJobThroughApiServer(tx, raw);
  result.warnings.push(...res.warnings);
  if (!res.job) {
    result.errors.push(res.statusError ? `error: failed to create job: ${res.statusError}` : res.errors.join('\n'));
    return;
  }
  result.output.push(`${qualifiedName('Job', name)} created`);
}

export const createJobFromCronJob: VerbHandler<'createJobFromCronJob'> = (tx, action, result) => {
  const cj = tx.obj('CronJob', objectKey('CronJob', action.namespace, action.cronJob));
  if (!cj) {
    result.errors.push(notFound('CronJob', action.cronJob));
    return;
  }
  const tmpl = cj.spec.jobTemplate;
  post(
    tx,
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: action.name,
        namespace: action.namespace,
        annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(tmpl.metadata?.annotations ?? {}) },
        ...(tmpl.metadata?.labels ? { labels: { ...tmpl.metadata.labels } } : {}),
        // Not metav1.NewControllerRef: kubectl leaves out blockOwnerDeletion (it would need cronjobs/finalizers RBAC).
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true }],
      },
      spec: structuredClone(tmpl.spec),
    },
    action.name,
    result,
  );
};

export const createJob: VerbHandler<'createJob'> = (tx, action, result) => {
  post(
    tx,
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: action.name, namespace: action.namespace },
      spec: {
        template: {
          spec: {
            containers: [{ name: action.name, image: action.image, ...(action.command?.length ? { command: [...action.command] } : {}) }],
            restartPolicy: 'Never',
          },
        },
      },
    },
    action.name,
    result,
  );
};
