// Manifest builders and kubectl-line helpers shared by the validation tests.

import { admit } from '../../src/cluster/manifest/admit.js';

export const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

export const c = (extra: Record<string, unknown> = {}) => ({ name: 'web', image: 'nginx', ...extra });
export const pod = (spec: Record<string, unknown>, name = 'x') => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [c()], ...spec } });
export const tpl = (labels: Record<string, string> | undefined, spec: Record<string, unknown> = {}) => ({
  metadata: labels ? { labels } : {},
  spec: { containers: [c()], ...spec },
});
export const rs = (spec: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'kubia' },
  spec: { selector: { matchLabels: { app: 'a' } }, template: tpl({ app: 'a' }), ...spec },
});
export const ds = (spec: Record<string, unknown>) => ({ ...rs(spec), kind: 'DaemonSet', metadata: { name: 'ds' } });
export const sts = (spec: Record<string, unknown>, name = 'web') => ({ ...rs(spec), kind: 'StatefulSet', metadata: { name } });
export const job = (spec: Record<string, unknown>, name = 'pi') => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name },
  spec: { template: tpl(undefined, { restartPolicy: 'Never' }), ...spec },
});
export const cron = (spec: Record<string, unknown>, name = 'hello') => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name },
  spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: tpl(undefined, { restartPolicy: 'OnFailure' }) } }, ...spec },
});

/** kubectl's line(s) for a rejected object. */
export const errorsOf = (raw: Record<string, unknown>, opts = {}) => admit(raw, opts).errors;
export const one = (kind: string, name: string, cause: string) => [`The ${kind} "${name}" is invalid: ${cause}`];
