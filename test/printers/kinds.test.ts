import { describe, expect, it } from 'vitest';
import type { CronJob, DaemonSet, Job, PersistentVolumeClaim, ReplicationController, StatefulSet } from '../../src/cluster/api/types.js';
import { PRINTERS, visibleColumns } from '../../src/cluster/printers/registry.js';
import type { Kind, ObjectOfKind } from '../../src/cluster/api/types.js';
import { at, container, event, node, replicaSet, runningPod, T0 } from './fixtures.js';

const NOW = T0 + 3_600_000; // one hour in
const row = <K extends Kind>(kind: K, obj: ObjectOfKind<K>) => PRINTERS[kind].row(obj, { now: NOW }).map((c) => c.text);
const headers = (kind: Kind, wide = false) => visibleColumns(kind, wide).map((c) => c.name);

describe('columns as kubectl v1.32 prints them', () => {
  it.each<[Kind, string[], string[]]>([
    ['Pod', ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']],
    ['Node', ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'], ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME']],
    ['ReplicaSet', ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR']],
    ['ReplicationController', ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR']],
    ['DaemonSet', ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR']],
    ['StatefulSet', ['NAME', 'READY', 'AGE'], ['CONTAINERS', 'IMAGES']],
    ['Job', ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR']],
    ['CronJob', ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR']],
    ['PersistentVolumeClaim', ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'], ['VOLUMEMODE']],
    ['Event', ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], ['SUBOBJECT', 'SOURCE', 'FIRST SEEN', 'COUNT', 'NAME']],
  ])('%s', (kind, normal, wideOnly) => {
    expect(headers(kind)).toEqual(normal);
    expect(headers(kind, true).filter((h) => !normal.includes(h))).toEqual(wideOnly);
  });
});

describe('nodes', () => {
  it('Ready / NotReady (False or Unknown) / Unknown without a Ready condition, plus SchedulingDisabled', () => {
    expect(row('Node', node('node-1'))[1]).toBe('Ready');
    expect(row('Node', node('node-1', { ready: 'Unknown' }))[1]).toBe('NotReady');
    expect(row('Node', node('node-1', { ready: 'False' }))[1]).toBe('NotReady');
    expect(row('Node', node('node-1', { ready: null }))[1]).toBe('Unknown');
    expect(row('Node', node('node-1', { unschedulable: true }))[1]).toBe('Ready,SchedulingDisabled');
    expect(row('Node', node('node-1', { ready: 'Unknown', unschedulable: true }))[1]).toBe('NotReady,SchedulingDisabled');
  });

  it('ROLES from node-role.kubernetes.io/<role> and kubernetes.io/role labels, sorted', () => {
    expect(row('Node', node('n'))[2]).toBe('<none>');
    const labels = { 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'infra' };
    expect(row('Node', node('n', { labels }))[2]).toBe('control-plane,infra,worker');
  });

  it('wide cells', () => {
    expect(row('Node', node('node-1'))).toEqual([
      'node-1', 'Ready', '<none>', '60m', 'v1.32.0',
      '192.168.49.2', '<none>', 'Debian GNU/Linux 12 (bookworm)', '6.1.0-kubesim', 'containerd://1.7.24',
    ]);
  });
});

describe('replica sets and replication controllers', () => {
  it('DESIRED/CURRENT/READY and the wide template cells', () => {
    const rs = replicaSet('kubia', { status: { replicas: 3, readyReplicas: 2 } });
    rs.spec.selector = { matchLabels: { app: 'kubia' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] };
    rs.spec.template.spec.containers.push(container('sidecar', 'busybox'));
    expect(row('ReplicaSet', rs)).toEqual(['kubia', '3', '3', '2', '60m', 'kubia,sidecar', 'luksa/kubia,busybox', 'app=kubia,env in (dev,prod)']);
    expect(PRINTERS.ReplicaSet.row(rs, { now: NOW })[1]).toEqual({ text: '3', sort: 3 });
  });

  it('an RC prints its map selector', () => {
    const rc: ReplicationController = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'kubia', namespace: 'default', uid: 'u', creationTimestamp: at(0) },
      spec: { replicas: 3, selector: { app: 'kubia' }, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [container('kubia', 'luksa/kubia')] } } },
      status: { replicas: 3 },
    };
    expect(row('ReplicationController', rc)).toEqual(['kubia', '3', '3', '0', '60m', 'kubia', 'luksa/kubia', 'app=kubia']);
  });
});

describe('daemon sets and stateful sets', () => {
  const template = { metadata: { labels: { app: 'ssd-monitor' } }, spec: { nodeSelector: { disk: 'ssd' }, containers: [container('main', 'luksa/ssd-monitor')] } };
  it('DaemonSet counts and NODE SELECTOR', () => {
    const ds: DaemonSet = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'ssd-monitor', namespace: 'default', uid: 'u', creationTimestamp: at(0) },
      spec: { selector: { matchLabels: { app: 'ssd-monitor' } }, template },
      status: { desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 1, numberMisscheduled: 0 },
    };
    expect(row('DaemonSet', ds)).toEqual(['ssd-monitor', '2', '2', '1', '2', '1', 'disk=ssd', '60m', 'main', 'luksa/ssd-monitor', 'app=ssd-monitor']);
    ds.spec.template = { ...template, spec: { ...template.spec, nodeSelector: undefined } };
    expect(row('DaemonSet', ds)[6]).toBe('<none>');
  });

  it('StatefulSet READY is ready/desired', () => {
    const sts: StatefulSet = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web', namespace: 'default', uid: 'u', creationTimestamp: at(0) },
      spec: { replicas: 3, selector: { matchLabels: { app: 'nginx' } }, serviceName: 'nginx', template },
      status: { replicas: 2, readyReplicas: 1 },
    };
    expect(row('StatefulSet', sts)).toEqual(['web', '1/3', '60m', 'main', 'luksa/ssd-monitor']);
  });
});

describe('jobs', () => {
  const job = (spec: Partial<Job['spec']>, status: Job['status'], meta: Partial<Job['metadata']> = {}): Job => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'batch-job', namespace: 'default', uid: 'u', creationTimestamp: at(0), ...meta },
    spec: { template: { spec: { containers: [container('main', 'luksa/batch-job')], restartPolicy: 'OnFailure' } }, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u' } }, ...spec },
    status,
  });
  const cond = (type: string) => ({ type, status: 'True' as const });

  it('STATUS in kubectl precedence order', () => {
    expect(row('Job', job({}, {}))[1]).toBe('Running');
    expect(row('Job', job({}, { conditions: [cond('Complete')] }))[1]).toBe('Complete');
    expect(row('Job', job({}, { conditions: [cond('FailureTarget'), cond('Failed')] }))[1]).toBe('Failed');
    expect(row('Job', job({}, { conditions: [cond('Suspended')] }))[1]).toBe('Suspended');
    expect(row('Job', job({}, { conditions: [cond('FailureTarget')] }))[1]).toBe('FailureTarget');
    expect(row('Job', job({}, { conditions: [cond('Suspended')] }, { deletionTimestamp: at(3000) }))[1]).toBe('Terminating');
    expect(row('Job', job({}, { conditions: [{ type: 'Complete', status: 'False' }] }))[1]).toBe('Running');
  });

  it('COMPLETIONS for fixed counts, defaults and work queues', () => {
    expect(row('Job', job({ completions: 5, parallelism: 2 }, { succeeded: 3 }))[2]).toBe('3/5');
    expect(row('Job', job({}, {}))[2]).toBe('0/1'); // both unset: defaulted to 1
    expect(row('Job', job({ completions: null, parallelism: 1 }, { succeeded: 1 }))[2]).toBe('1/1');
    expect(row('Job', job({ parallelism: 3 }, { succeeded: 1 }))[2]).toBe('1/1 of 3');
  });

  it('DURATION: empty before start, running time, completion - start', () => {
    expect(row('Job', job({}, {}))[3]).toBe('');
    expect(row('Job', job({}, { startTime: at(3000) }))[3]).toBe('10m');
    const done = job({}, { startTime: at(10), completionTime: at(45), succeeded: 1, conditions: [cond('Complete')] });
    expect(row('Job', done)).toEqual(['batch-job', 'Complete', '1/1', '35s', '60m', 'main', 'luksa/batch-job', 'batch.kubernetes.io/controller-uid=u']);
  });
});

describe('cron jobs', () => {
  const cj = (spec: Partial<CronJob['spec']>, status: CronJob['status']): CronJob => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default', uid: 'u', creationTimestamp: at(0) },
    spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { containers: [container('hello', 'busybox')], restartPolicy: 'OnFailure' } } } }, ...spec },
    status,
  });
  it('SCHEDULE, TIMEZONE, SUSPEND, ACTIVE, LAST SCHEDULE', () => {
    expect(row('CronJob', cj({ suspend: false }, {}))).toEqual(['hello', '*/1 * * * *', '<none>', 'False', '0', '<none>', '60m', 'hello', 'busybox', '<none>']);
    const busy = cj({ suspend: true, timeZone: 'Asia/Seoul' }, { active: [{ name: 'hello-28958399' }], lastScheduleTime: at(3540) });
    expect(row('CronJob', busy).slice(0, 7)).toEqual(['hello', '*/1 * * * *', 'Asia/Seoul', 'True', '1', '60s', '60m']);
  });
});

describe('persistent volume claims', () => {
  const pvc = (bound: boolean): PersistentVolumeClaim => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'www-web-0', namespace: 'default', uid: 'u', creationTimestamp: at(0) },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard', volumeMode: 'Filesystem', ...(bound ? { volumeName: 'pvc-3f2a' } : {}) },
    status: bound ? { phase: 'Bound', accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], capacity: { storage: '1024Mi' } } : { phase: 'Pending' },
  });
  it('CAPACITY and ACCESS MODES only once bound', () => {
    expect(row('PersistentVolumeClaim', pvc(true))).toEqual(['www-web-0', 'Bound', 'pvc-3f2a', '1Gi', 'RWO,ROX', 'standard', '<unset>', '60m', 'Filesystem']);
    expect(row('PersistentVolumeClaim', pvc(false))).toEqual(['www-web-0', 'Pending', '', '', '', 'standard', '<unset>', '60m', 'Filesystem']);
  });
});

describe('events', () => {
  it('OBJECT as kind/name, LAST SEEN from lastTimestamp, wide source and count', () => {
    const p = runningPod('kubia-x2f9k');
    const e = event(p, 'Warning', 'BackOff', 'Back-off restarting failed container kubia in pod kubia-x2f9k_default(uid-kubia-x2f9k)  ', 'kubelet', 3000, 3570, 7, 'spec.containers{kubia}');
    e.source.host = 'node-1';
    expect(row('Event', e)).toEqual([
      '30s', 'Warning', 'BackOff', 'pod/kubia-x2f9k', 'spec.containers{kubia}', 'kubelet, node-1',
      'Back-off restarting failed container kubia in pod kubia-x2f9k_default(uid-kubia-x2f9k)', '10m', '7', e.metadata.name,
    ]);
    const rsEvent = event(replicaSet('kubia'), 'Normal', 'SuccessfulCreate', 'Created pod: kubia-x2f9k', 'replicaset-controller', 0);
    expect(row('Event', rsEvent)[3]).toBe('replicaset/kubia');
  });
});
