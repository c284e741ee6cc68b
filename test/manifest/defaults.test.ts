import { describe, expect, it } from 'vitest';
import type { Job } from '../../src/cluster/api/types.js';
import { admit, finalizeJobSelector } from '../../src/cluster/manifest/admit.js';
import { imagePullPolicyFor } from '../../src/cluster/manifest/defaults.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const container = (extra: Record<string, unknown> = {}) => ({ name: 'c', image: 'nginx:1.16', ...extra });
const pod = (spec: Record<string, unknown> = {}, meta: Record<string, unknown> = { name: 'p' }) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta,
  spec: { containers: [container()], ...spec },
});
const template = (spec: Record<string, unknown> = {}, labels: Record<string, string> = { app: 'a' }) => ({
  metadata: { labels },
  spec: { containers: [container()], ...spec },
});

function admitted(raw: Record<string, unknown>, opts = {}): Any {
  const r = admit(raw, opts);
  expect(r.errors).toEqual([]);
  return r.object;
}

describe('pod defaults (pkg/apis/core/v1/defaults.go)', () => {
  it('fills the pod spec and container defaults', () => {
    const p = admitted(pod({ containers: [container({ ports: [{ containerPort: 8080 }] })] }));
    expect(p.spec).toMatchObject({
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      securityContext: {},
    });
    expect(p.spec.containers[0]).toEqual({
      name: 'c',
      image: 'nginx:1.16',
      ports: [{ containerPort: 8080, protocol: 'TCP' }],
      imagePullPolicy: 'IfNotPresent',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      resources: {},
    });
  });

  it('defaults probes to delay 0, timeout 1s, period 10s, success 1, failure 3 (an explicit 0 counts as unset)', () => {
    const probe = { httpGet: { port: 8080 } };
    const p = admitted(pod({ containers: [container({ livenessProbe: probe, readinessProbe: { ...probe, periodSeconds: 0, failureThreshold: 5 } })] }));
    expect(p.spec.containers[0].livenessProbe).toEqual({
      httpGet: { port: 8080, path: '/', scheme: 'HTTP' },
      initialDelaySeconds: 0,
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(p.spec.containers[0].readinessProbe).toMatchObject({ periodSeconds: 10, failureThreshold: 5 });
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.16', 'IfNotPresent'],
    ['luksa/kubia', 'Always'],
    ['ghcr.io/c1t1d0s7/go-myweb', 'Always'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:v2', 'IfNotPresent'],
    ['nginx@sha256:35779791c05d119df4fe476db8f47c0bee5943c83eba5656a15fc046db48178b', 'IfNotPresent'],
    ['nginx:latest@sha256:35779791c05d119df4fe476db8f47c0bee5943c83eba5656a15fc046db48178b', 'Always'],
    ['Luksa/Kubia', 'IfNotPresent'], // not a valid reference: no tag can be parsed
  ])('imagePullPolicy for %s is %s', (image, policy) => {
    expect(imagePullPolicyFor(image)).toBe(policy);
  });

  it('keeps an explicit imagePullPolicy', () => {
    expect(admitted(pod({ containers: [container({ image: 'nginx', imagePullPolicy: 'Never' })] })).spec.containers[0].imagePullPolicy).toBe('Never');
  });

  it("adds what only pods get: service account, priority, DefaultTolerationSeconds' tolerations, requests from limits", () => {
    const p = admitted(
      pod({
        tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }],
        containers: [container({ resources: { limits: { cpu: '500m', memory: '128Mi' } } })],
      }),
      { defaultTolerationSeconds: 300 },
    );
    expect(p.spec).toMatchObject({ serviceAccountName: 'default', serviceAccount: 'default', enableServiceLinks: true, priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
    expect(p.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '500m', memory: '128Mi' } });
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
  });

  it.each([
    [{}, 'BestEffort'],
    [{ requests: { cpu: '100m' } }, 'Burstable'],
    [{ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } }, 'Burstable'],
    [{ limits: { cpu: '1', memory: '1Gi' } }, 'Guaranteed'],
  ])('records the QoS class %j → %s', (resources, qos) => {
    expect(admitted(pod({ containers: [container({ resources })] })).status.qosClass).toBe(qos);
  });

  it('gives pod templates the pod spec defaults but not the pod-only ones', () => {
    const rs = admitted({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { selector: { matchLabels: { app: 'a' } }, template: template() } });
    const spec = rs.spec.template.spec;
    expect(spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler' });
    expect(spec.tolerations).toBeUndefined();
    expect(spec.serviceAccountName).toBeUndefined();
    expect(spec.enableServiceLinks).toBeUndefined();
  });

  it('turns a volume without a source into an emptyDir', () => {
    const p = admitted(pod({ volumes: [{ name: 'data' }, { name: 'cfg', configMap: { name: 'c' } }] }));
    expect(p.spec.volumes).toEqual([{ name: 'data', emptyDir: {} }, { name: 'cfg', configMap: { name: 'c', defaultMode: 420 } }]);
  });
});

describe('metadata', () => {
  it('puts namespaced objects in the given namespace (default: default) and drops server-owned fields', () => {
    const meta = { name: 'p', uid: 'u-1', resourceVersion: '42', creationTimestamp: '2020-01-01T00:00:00Z', generation: 3, managedFields: [] };
    const p = admitted({ ...pod(), metadata: meta, status: { phase: 'Running' } });
    expect(p.metadata).toEqual({ name: 'p', namespace: 'default' });
    expect(p.status.phase).toBe('Pending');
    expect(admitted(pod(), { namespace: 'team-a' }).metadata.namespace).toBe('team-a');
    expect(admitted(pod({}, { name: 'p', namespace: 'mine' }), { namespace: 'team-a' }).metadata.namespace).toBe('mine');
  });

  it('refuses a manifest namespace that contradicts an explicit -n, as kubectl does', () => {
    expect(admit(pod({}, { name: 'p', namespace: 'mine' }), { namespace: 'team-a', enforceNamespace: true }).errors).toEqual([
      `error: the namespace from the provided object "mine" does not match the namespace "team-a". You must pass '--namespace=mine' to perform this operation.`,
    ]);
  });

  it('ignores a namespace on a cluster-scoped Node and keeps its status', () => {
    const n = admitted({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-9', namespace: 'x' }, status: { capacity: { cpu: '4' } } });
    expect(n.metadata).toEqual({ name: 'node-9' });
    expect(n.status).toEqual({ capacity: { cpu: '4' }, allocatable: { cpu: '4' }, conditions: [] });
  });
});

describe('controller defaults', () => {
  it('ReplicationController: selector and labels from the template labels, replicas 1', () => {
    const rc = admitted({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' }, spec: { template: template() } });
    expect(rc.spec.selector).toEqual({ app: 'a' });
    expect(rc.metadata.labels).toEqual({ app: 'a' });
    expect(rc.spec.replicas).toBe(1);
    expect(rc.status).toEqual({ replicas: 0 });
  });

  it('ReplicaSet: replicas 1, no selector defaulting in apps/v1', () => {
    const rs = admitted({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { selector: { matchLabels: { app: 'a' } }, template: template() } });
    expect(rs.spec.replicas).toBe(1);
    expect(rs.metadata.labels).toBeUndefined();
    expect(rs.status).toEqual({ replicas: 0 });
  });

  it('DaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0, revisionHistoryLimit 10', () => {
    const spec = { selector: { matchLabels: { app: 'a' } }, template: template() };
    const ds = admitted({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd' }, spec });
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
    expect(ds.status).toEqual({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 });
    const onDelete = admitted({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd' }, spec: { ...spec, updateStrategy: { type: 'OnDelete' } } });
    expect(onDelete.spec.updateStrategy).toEqual({ type: 'OnDelete' });
  });

  it('StatefulSet: OrderedReady, RollingUpdate partition 0, Retain/Retain, replicas 1, claim templates as PVCs', () => {
    const ss = admitted({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 's' },
      spec: {
        selector: { matchLabels: { app: 'a' } },
        template: template(),
        volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1G' } } } }],
      },
    });
    expect(ss.spec).toMatchObject({
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      revisionHistoryLimit: 10,
    });
    expect(ss.spec.volumeClaimTemplates[0]).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'www' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1G' } }, volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
    expect(ss.status).toEqual({ replicas: 0, availableReplicas: 0 });
  });

  it('Job: completions and parallelism 1, backoffLimit 6, NonIndexed, not suspended, labels from the template', () => {
    const job = admitted({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: template({ restartPolicy: 'Never' }) } });
    expect(job.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed' });
    expect(job.metadata.labels).toEqual({ app: 'a' });
    expect(job.spec.selector).toBeUndefined(); // generated later, from the uid
    expect(job.status).toEqual({});
  });

  it('Job: a work queue (parallelism only) keeps completions unset; completions only gets parallelism 1', () => {
    const mk = (s: Record<string, unknown>) => admitted({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { ...s, template: template({ restartPolicy: 'Never' }) } });
    expect(mk({ parallelism: 3 }).spec.completions).toBeUndefined();
    expect(mk({ completions: 5 }).spec.parallelism).toBe(1);
  });

  it('finalizeJobSelector generates the selector and template labels from the uid, idempotently', () => {
    const job = admitted({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [container()] } } } });
    const uid = '6e2b1d9c-0000-4000-8000-000000000001';
    const done = finalizeJobSelector({ ...job, metadata: { ...job.metadata, uid } }, uid) as Any;
    const generated = {
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': uid,
      'job-name': 'pi',
    };
    expect(done.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    expect(done.spec.template.metadata.labels).toEqual(generated);
    expect(done.metadata.labels).toEqual(generated);
    expect(finalizeJobSelector(done, uid)).toEqual(done);
    expect(job.spec.selector).toBeUndefined(); // the input is not modified
  });

  it('finalizeJobSelector leaves a manual selector alone', () => {
    const raw = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'm' },
      spec: { manualSelector: true, selector: { matchLabels: { app: 'a' } }, template: template({ restartPolicy: 'Never' }) },
    };
    const job = admitted(raw) as Job;
    expect(finalizeJobSelector(job, 'u')).toEqual(job);
  });

  it('CronJob: Allow, not suspended, keeps 3 successful and 1 failed job; the job template is not Job-defaulted', () => {
    const cj = admitted({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [container()] } } } } },
    });
    expect(cj.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(cj.spec.jobTemplate.spec.backoffLimit).toBeUndefined();
    expect(cj.spec.jobTemplate.spec.template.spec.dnsPolicy).toBe('ClusterFirst');
  });

  it('PersistentVolumeClaim: Filesystem volume mode, Pending', () => {
    const pvc = admitted({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    expect(pvc.spec.volumeMode).toBe('Filesystem');
    expect(pvc.status).toEqual({ phase: 'Pending' });
  });
});
