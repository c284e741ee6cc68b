import { describe, expect, it } from 'vitest';
import { printGetAll, printNames, printTable } from '../../src/cluster/printers/table.js';
import { noResourcesFound } from '../../src/cluster/printers/resources.js';
import { at, conditions, node, ownedPod, pod, replicaSet, runningPod, runningStatus, stateWith, T0 } from './fixtures.js';

const min = 60;

describe('printTable: kubectl get text layout', () => {
  it('reproduces the `kubectl get pods` from the probe notes byte for byte', () => {
    const healthy = runningPod('testapp-pod-liveness');
    const crashing = runningPod('testapp-pod-liveness-404', {
      meta: { creationTimestamp: at(17 * min - (3 * min + 47)) },
      status: {
        conditions: conditions(false),
        containerStatuses: [{ ...runningStatus('testapp'), state: { waiting: { reason: 'CrashLoopBackOff' } }, ready: false, restartCount: 5 }],
      },
    });
    const out = printTable('Pod', [crashing, healthy], { now: T0 + 17 * min * 1000 });
    expect(out).toBe(
      'NAME                       READY   STATUS             RESTARTS   AGE\n' +
        'testapp-pod-liveness       1/1     Running            0          17m\n' +
        'testapp-pod-liveness-404   0/1     CrashLoopBackOff   5          3m47s\n',
    );
  });

  const labelled = () => [
    runningPod('kubia-zxzij', { meta: { creationTimestamp: at(0) } }),
    runningPod('kubia-manual', { meta: { creationTimestamp: at(26 * 3600 - 16 * min) } }),
    runningPod('kubia-manual-v2', { meta: { creationTimestamp: at(26 * 3600 - 2 * min), labels: { creation_method: 'manual', env: 'prod' } } }),
  ];
  const now = T0 + 26 * 3600 * 1000;

  it('--show-labels adds LABELS last', () => {
    expect(printTable('Pod', labelled(), { now, showLabels: true })).toBe(
      'NAME              READY   STATUS    RESTARTS   AGE   LABELS\n' +
        'kubia-manual      1/1     Running   0          16m   <none>\n' +
        'kubia-manual-v2   1/1     Running   0          2m    creation_method=manual,env=prod\n' +
        'kubia-zxzij       1/1     Running   0          26h   <none>\n',
    );
  });

  it('-L adds one upper-cased column per key, empty where the label is missing', () => {
    expect(printTable('Pod', labelled(), { now, labelColumns: ['creation_method', 'env'] })).toBe(
      'NAME              READY   STATUS    RESTARTS   AGE   CREATION_METHOD   ENV\n' +
        'kubia-manual      1/1     Running   0          16m                     \n' +
        'kubia-manual-v2   1/1     Running   0          2m    manual            prod\n' +
        'kubia-zxzij       1/1     Running   0          26h                     \n',
    );
    // Only the part after the last '/' names the column.
    expect(printTable('Pod', labelled().slice(2), { now, labelColumns: ['app.kubernetes.io/env'] }).split('\n')[0]).toBe(
      'NAME              READY   STATUS    RESTARTS   AGE   ENV',
    );
  });

  it('--no-headers, -A and -o wide', () => {
    const p = runningPod('kubia-4bx7k');
    const q = pod('kubia-9zq2x', { meta: { namespace: 'kube-system' } });
    expect(printTable('Pod', [q, p], { now: T0 + 300_000, withNamespace: true })).toBe(
      'NAMESPACE     NAME          READY   STATUS    RESTARTS   AGE\n' +
        'default       kubia-4bx7k   1/1     Running   0          5m\n' +
        'kube-system   kubia-9zq2x   0/1     Pending   0          5m\n',
    );
    expect(printTable('Pod', [p], { now: T0 + 300_000, noHeaders: true })).toBe('kubia-4bx7k   1/1   Running   0     5m\n');
    expect(printTable('Pod', [p, q], { now: T0 + 300_000, wide: true })).toBe(
      'NAME          READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES\n' +
        'kubia-4bx7k   1/1     Running   0          5m    10.244.1.5   node-1   <none>           <none>\n' +
        'kubia-9zq2x   0/1     Pending   0          5m    <none>       <none>   <none>           <none>\n',
    );
  });

  it('nodes, with NAMESPACE never added to a cluster-scoped kind', () => {
    const out = printTable('Node', [node('node-2', { ready: 'Unknown', unschedulable: true }), node('node-1')], { now: T0 + 3_600_000, withNamespace: true });
    expect(out).toBe(
      'NAME     STATUS                        ROLES    AGE   VERSION\n' +
        'node-1   Ready                         <none>   60m   v1.32.0\n' +
        'node-2   NotReady,SchedulingDisabled   <none>   60m   v1.32.0\n',
    );
  });

  it('prints nothing for an empty list (kubectl then says No resources found)', () => {
    expect(printTable('Pod', [], { now: T0 })).toBe('');
    expect(noResourcesFound('default')).toBe('No resources found in default namespace.');
    expect(noResourcesFound()).toBe('No resources found');
  });
});

describe('kubectl get all', () => {
  it('prints one table per kind with kind.group/ names, a blank line between them', () => {
    const rs = replicaSet('kubia', { replicas: 1, status: { replicas: 1, readyReplicas: 1 } });
    const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'kubia', uid: rs.metadata.uid };
    const state = stateWith([rs, ownedPod('kubia-4bx7k', owner, { app: 'kubia' }), node('node-1')], 300);
    expect(printGetAll(state, 'default')).toBe(
      'NAME              READY   STATUS    RESTARTS   AGE\n' +
        'pod/kubia-4bx7k   1/1     Running   0          5m\n' +
        '\n' +
        'NAME                    DESIRED   CURRENT   READY   AGE\n' +
        'replicaset.apps/kubia   1         1         1       5m\n',
    );
    expect(printGetAll(state, 'kube-system')).toBe('');
  });
});

describe('-o name', () => {
  it('prints kind.group/name', () => {
    expect(printNames([runningPod('kubia-4bx7k'), replicaSet('kubia')])).toBe('pod/kubia-4bx7k\nreplicaset.apps/kubia\n');
  });
});
