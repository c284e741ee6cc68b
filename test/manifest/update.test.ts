import { describe, expect, it } from 'vitest';
import type { Job, KubeObject } from '../../src/cluster/api/types.js';
import { admit, finalizeJobSelector } from '../../src/cluster/manifest/admit.js';
import { validateUpdate } from '../../src/cluster/manifest/update.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function make(raw: Record<string, unknown>): Any {
  const r = admit(raw);
  expect(r.errors).toEqual([]);
  const obj = r.object as Any;
  obj.metadata.uid = 'uid-1';
  return obj.kind === 'Job' ? finalizeJobSelector(obj as Job, 'uid-1') : obj;
}
/** A copy of `obj` with `edit` applied, as an apply/patch would produce it. */
function edited<T>(obj: T, edit: (o: Any) => void): T {
  const copy = structuredClone(obj) as Any;
  edit(copy);
  return copy;
}
const containers = [{ name: 'web', image: 'nginx:1.16', ports: [{ containerPort: 80 }] }];
const tpl = (labels: Record<string, string>) => ({ metadata: { labels }, spec: { containers } });

describe('validateUpdate', () => {
  it('ReplicaSet: replicas and template may change, the selector may not', () => {
    const rs = make({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'kubia' }, spec: { replicas: 3, selector: { matchLabels: { app: 'a' } }, template: tpl({ app: 'a' }) } });
    expect(validateUpdate(rs, edited(rs, (o) => (o.spec.replicas = 5)))).toEqual([]);
    expect(validateUpdate(rs, edited(rs, (o) => (o.spec.template.spec.containers[0].image = 'nginx:1.17')))).toEqual([]);
    const moved = edited(rs, (o) => {
      o.spec.selector = { matchLabels: { app: 'b' } };
      o.spec.template.metadata.labels = { app: 'b' };
    });
    expect(validateUpdate(rs, moved)).toEqual([
      'The ReplicaSet "kubia" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });

  it('DaemonSet: the selector is immutable too; ReplicationController selectors may change', () => {
    const ds = make({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds' }, spec: { selector: { matchLabels: { app: 'a' } }, template: tpl({ app: 'a', tier: 'x' }) } });
    expect(validateUpdate(ds, edited(ds, (o) => (o.spec.selector.matchLabels.tier = 'x')))[0]).toContain('spec.selector: Invalid value: ');
    const rc = make({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'kubia' }, spec: { template: tpl({ app: 'kubia' }) } });
    expect(validateUpdate(rc, edited(rc, (o) => (o.spec.selector = { app: 'foo' })))).toEqual([]);
  });

  it('StatefulSet: only replicas, ordinals, template, updateStrategy, retention policy and minReadySeconds may change', () => {
    const ss = make({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web' }, spec: { serviceName: 'web', selector: { matchLabels: { app: 'a' } }, template: tpl({ app: 'a' }) } });
    const allowed = edited(ss, (o) => {
      o.spec.replicas = 5;
      o.spec.template.spec.containers[0].image = 'nginx:1.17';
      o.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 3 } };
      o.spec.minReadySeconds = 10;
    });
    expect(validateUpdate(ss, allowed)).toEqual([]);
    expect(validateUpdate(ss, edited(ss, (o) => (o.spec.serviceName = 'other')))).toEqual([
      "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]);
  });

  it('Job: completions, selector and template are immutable; parallelism is not', () => {
    const job = make({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'batch' }, spec: { completions: 5, parallelism: 2, template: { spec: { restartPolicy: 'OnFailure', containers } } } });
    expect(validateUpdate(job, edited(job, (o) => (o.spec.parallelism = 3)))).toEqual([]);
    expect(validateUpdate(job, edited(job, (o) => (o.spec.completions = 3)))).toEqual(['The Job "batch" is invalid: spec.completions: Invalid value: 3: field is immutable']);
    expect(validateUpdate(job, edited(job, (o) => (o.spec.template.spec.containers[0].image = 'busybox')))).toEqual([
      'The Job "batch" is invalid: spec.template: Invalid value: core.PodTemplateSpec{ObjectMeta:v1.ObjectMeta{...}, Spec:core.PodSpec{...}}: field is immutable',
    ]);
  });

  it('Job: a suspended Job that never ran may change its scheduling directives', () => {
    const job = make({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { suspend: true, template: { spec: { restartPolicy: 'Never', containers } } } });
    expect(validateUpdate(job, edited(job, (o) => (o.spec.template.spec.nodeSelector = { disk: 'ssd' })))).toEqual([]);
    const started = edited(job, (o) => (o.status.startTime = '2025-01-01T00:00:00Z'));
    expect(validateUpdate(started, edited(started, (o) => (o.spec.template.spec.nodeSelector = { disk: 'ssd' })))).toHaveLength(1);
  });

  it('Pod: images may change, other fields may not', () => {
    const pod = make({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers } });
    expect(validateUpdate(pod, edited(pod, (o) => (o.spec.containers[0].image = 'nginx:1.17')))).toEqual([]);
    expect(validateUpdate(pod, edited(pod, (o) => (o.spec.containers[0].ports[0].containerPort = 8080)))).toEqual([
      'The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    ]);
    expect(validateUpdate(pod, edited(pod, (o) => o.spec.containers.push({ ...o.spec.containers[0], name: 'two' })))).toEqual([
      'The Pod "p" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers',
    ]);
  });

  it('Pod: tolerations may only be added, activeDeadlineSeconds only lowered', () => {
    const pod = make({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers, activeDeadlineSeconds: 100 } });
    expect(validateUpdate(pod, edited(pod, (o) => o.spec.tolerations.push({ key: 'k', operator: 'Exists' })))).toEqual([]);
    expect(validateUpdate(pod, edited(pod, (o) => o.spec.tolerations.shift()))).toEqual([
      'The Pod "p" is invalid: spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    ]);
    expect(validateUpdate(pod, edited(pod, (o) => (o.spec.activeDeadlineSeconds = 50)))).toEqual([]);
    expect(validateUpdate(pod, edited(pod, (o) => (o.spec.activeDeadlineSeconds = 200)))).toEqual([
      'The Pod "p" is invalid: spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value',
    ]);
  });

  it('PersistentVolumeClaim: the spec is immutable and storage never shrinks', () => {
    const pvc: KubeObject = make({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } } });
    expect(validateUpdate(pvc, edited(pvc, (o) => (o.spec.accessModes = ['ReadWriteMany'])))).toEqual([
      'The PersistentVolumeClaim "www" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    ]);
    const bound = edited(pvc, (o) => (o.status.phase = 'Bound'));
    expect(validateUpdate(bound, edited(bound, (o) => (o.spec.resources.requests.storage = '5Gi')))).toEqual([]);
    expect(validateUpdate(bound, edited(bound, (o) => (o.spec.resources.requests.storage = '1Gi')))).toEqual([
      'The PersistentVolumeClaim "www" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than previous value',
    ]);
  });
});
