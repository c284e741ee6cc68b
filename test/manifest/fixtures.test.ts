// The notes' manifests (fixtures/, see fixtures/NOTES-MANIFESTS.md) must load and be admitted cleanly, and the
// versions as the notes wrote them (fixtures/invalid/) must fail the way kubectl fails on them.

import { describe, expect, it } from 'vitest';
import { admit } from '../../src/cluster/manifest/admit.js';
import { loadManifestPath } from '../../src/cluster/manifest/load.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const APPS_V1BETA2 = (kind: string) => `Warning: apps/v1beta2 ${kind} is deprecated; kubesim converts it to apps/v1 (removed from Kubernetes in v1.16)`;
const DOTS = 'Warning: metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]';

/** file → [kind, name, warnings] */
const FIXTURES: Record<string, [string, string, string[]]> = {
  'kubia-liveness-probe.yaml': ['Pod', 'kubia-liveness', []],
  'kubia-liveness-probe-initial-delay.yaml': ['Pod', 'kubia-liveness', []],
  'testapp-pod.yaml': ['Pod', 'testapp-pod', []],
  'testapp-pod-liveness.yaml': ['Pod', 'testapp-pod-liveness', []],
  'testapp-pod-liveness-404.yaml': ['Pod', 'testapp-pod-liveness-404', []],
  'testapp-pod-startup-404.yaml': ['Pod', 'testapp-pod-startup-404', []],
  'testapp-pod1.yaml': ['Pod', 'testapp-pod1', []],
  'testapp-pod2.yaml': ['Pod', 'testapp-pod2', []],
  'kubia-rc.yaml': ['ReplicationController', 'kubia', []],
  'kubia-replicaset.yaml': ['ReplicaSet', 'kubia', [APPS_V1BETA2('ReplicaSet')]],
  'kubia-replicaset-matchexpressions.yaml': ['ReplicaSet', 'kubia', [APPS_V1BETA2('ReplicaSet')]],
  'kubia-replicaset-apps-v1.yaml': ['ReplicaSet', 'kubia', []],
  'testapp-replica.yml': ['ReplicaSet', 'testapp-replica', []],
  'testapp-rs-exp.yml': ['ReplicaSet', 'testapp-rs-exp', []],
  'ssd-monitor-daemonset.yaml': ['DaemonSet', 'ssd-monitor', [APPS_V1BETA2('DaemonSet')]],
  'ssd-monitor-daemonset-apps-v1.yaml': ['DaemonSet', 'ssd-monitor', []],
  'sample-ds.yaml': ['DaemonSet', 'sample-ds', []],
  'sample-ds-ondelete.yaml': ['DaemonSet', 'sample-ds-ondelete', []],
  'sample-ds-rollingupdate.yaml': ['DaemonSet', 'sample-ds-ondelete', []],
  'sample-ss.yaml': ['StatefulSet', 'sample-ss', []],
  'sample-ss-rollingupdate.yaml': ['StatefulSet', 'sample-ss-rollingupdate', []],
  'exporter.yaml': ['Job', 'batch-job', []],
  'batch-job.yaml': ['Job', 'batch-job', []],
  'multi-completion-batch-job.yaml': ['Job', 'multi-completion-batch-job', []],
  'multi-completion-parallel-batch-job.yaml': ['Job', 'multi-completion-batch-job', []],
  'sample-job.yaml': ['Job', 'sample.job', [DOTS]],
  'sample-job-onfailure-restart.yaml': ['Job', 'sample-job-onfailure-restart', []],
  'sample-job-never-restart.yaml': ['Job', 'sample-job-never-restart', []],
  'sample-job-multi-workqueue.yaml': ['Job', 'sample-job-multi-workqueue', []],
  'sample-job-single-workqueue.yaml': ['Job', 'sample-job-single-workqueue', []],
  'sample-job-ttl.yaml': ['Job', 'sample-job-ttl', []],
  'cronjob.yaml': [
    'CronJob',
    'batch-job-every-fifteen-minutes',
    ['Warning: batch/v1beta2 CronJob is not a Kubernetes API version (a real cluster answers "no matches for kind"); kubesim converts it to batch/v1'],
  ],
  'cronjob-every-fifteen-minutes.yaml': ['CronJob', 'batch-job-every-fifteen-minutes', []],
  'sample-cronjob.yaml': ['CronJob', 'sample-cronjob', []],
};

function admitFixture(file: string): Any {
  const r = loadManifestPath(`fixtures/${file}`);
  expect(r.errors).toEqual([]);
  expect(r.documents).toHaveLength(1);
  const a = admit(r.documents[0].object, { file: `fixtures/${file}` });
  return { ...a, doc: r.documents[0] };
}

describe("the notes' manifests", () => {
  it.each(Object.entries(FIXTURES))('%s loads and is admitted', (file, [kind, name, warnings]) => {
    const a = admitFixture(file);
    expect(a.errors).toEqual([]);
    expect(a.object.kind).toBe(kind);
    expect(a.object.metadata.name).toBe(name);
    expect(a.object.metadata.namespace).toBe('default');
    expect(a.warnings).toEqual(warnings);
  });

  it('keeps what each note is about', () => {
    const o = (f: string) => admitFixture(f).object;
    expect(o('kubia-liveness-probe-initial-delay.yaml').spec.containers[0]).toMatchObject({
      image: 'luksa/kubia-unhealthy',
      livenessProbe: { httpGet: { path: '/', port: 8080 }, initialDelaySeconds: 15, periodSeconds: 10, failureThreshold: 3 },
    });
    expect(o('testapp-pod-liveness-404.yaml').spec.containers[0].livenessProbe.httpGet.path).toBe('/health?code=404');
    expect(o('testapp-pod.yaml').spec).toMatchObject({ restartPolicy: 'Always', containers: [{ ports: [{ containerPort: 8080, protocol: 'TCP' }] }] });
    expect(o('testapp-pod1.yaml').metadata.labels).toEqual({ app: 'testapp-rs-exp', env: 'dev' });
    expect(o('kubia-replicaset-matchexpressions.yaml').spec.selector).toEqual({ matchExpressions: [{ key: 'app', operator: 'In', values: ['kubia'] }] });
    expect(o('testapp-rs-exp.yml').spec.selector.matchExpressions).toEqual([
      { key: 'app', operator: 'In', values: ['testapp-rs'] },
      { key: 'env', operator: 'Exists' },
    ]);
    expect(o('testapp-replica.yml').spec.template.spec.containers[0].imagePullPolicy).toBe('Never');
    expect(o('sample-ds-rollingupdate.yaml').spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2, maxSurge: 0 } });
    expect(o('sample-ds-ondelete.yaml').spec.updateStrategy).toEqual({ type: 'OnDelete' });
    expect(o('sample-ss-rollingupdate.yaml').spec).toMatchObject({ replicas: 5, updateStrategy: { rollingUpdate: { partition: 3 } } });
    expect(o('sample-ss.yaml').spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('1G');
    expect(o('multi-completion-parallel-batch-job.yaml').spec).toMatchObject({ completions: 5, parallelism: 2, backoffLimit: 6 });
    expect(o('sample-job-multi-workqueue.yaml').spec).toMatchObject({ parallelism: 3, backoffLimit: 1 });
    expect(o('sample-job-multi-workqueue.yaml').spec.completions).toBeUndefined();
    expect(o('sample-job-ttl.yaml').spec).toMatchObject({ ttlSecondsAfterFinished: 20, completions: 1, parallelism: 1 });
    expect(o('cronjob.yaml').spec).toMatchObject({ schedule: '0,15,30,45 * * * *', startingDeadlineSeconds: 15, concurrencyPolicy: 'Allow' });
    expect(o('sample-cronjob.yaml').spec).toMatchObject({ successfulJobsHistoryLimit: 5, failedJobsHistoryLimit: 3, startingDeadlineSeconds: 30 });
  });

  it('names the line of a field in a fixture', () => {
    const { doc } = admitFixture('sample-ss.yaml');
    expect(doc.lineOf(['spec', 'volumeClaimTemplates', 0, 'spec', 'resources', 'requests', 'storage'])).toBe(29);
  });
});

describe('the notes\' manifests as written', () => {
  it.each([
    ['testapp-pod-liveness.yaml', 14, 17],
    ['testapp-replica.yml', 10, 3],
    ['testapp-rs-exp.yml', 11, 14],
  ])('%s has a tab kubectl refuses', (file, line, col) => {
    const r = loadManifestPath(`fixtures/invalid/${file}`);
    expect(r.documents).toEqual([]);
    expect(r.errors.map((e) => e.message)).toEqual([
      `error: error parsing fixtures/invalid/${file}: error converting YAML to JSON: yaml: line ${line}: found character that cannot start any token (fixtures/invalid/${file}:${line}:${col})`,
    ]);
  });

  it("testapp-pod.yaml's `Always  => remark` is a restartPolicy value", () => {
    const r = loadManifestPath('fixtures/invalid/testapp-pod.yaml');
    const a = admit(r.documents[0].object);
    expect(a.errors).toEqual([
      'The Pod "testapp-pod" is invalid: spec.restartPolicy: Unsupported value: "Always  => spec에서 재시작 정책을 설정할 수 있음": supported values: "Always", "OnFailure", "Never"',
    ]);
    expect(r.documents[0].lineOf(a.fieldErrors[0].path)).toBe(7);
  });
});
