import { describe, expect, it } from 'vitest';
import { createCluster, transact } from '../../src/cluster/engine.js';
import { getObject, listObjects } from '../../src/cluster/store.js';
import { create, podNames, statefulSet } from './helpers.js';

/** Marks a pod Running and Ready, as the kubelet would once its container is up. */
function makeReady(s: ReturnType<typeof createCluster>, name: string) {
  return transact(s, (tx) => {
    tx.update('Pod', `default/${name}`, (p) => {
      p.spec.nodeName = 'node-1';
      p.status.phase = 'Running';
      p.status.conditions = [{ type: 'Ready', status: 'True', lastTransitionTime: '2025-01-01T00:00:00Z' }];
    });
  });
}

describe('StatefulSet controller', () => {
  it('OrderedReady: creates web-0 first and web-1 only once web-0 is Running and Ready', () => {
    const sts = statefulSet('web', 3, { app: 'nginx' }, {
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1G' } } } }],
    });
    let s = create(createCluster(), sts);
    expect(podNames(s)).toEqual(['web-0']);
    const pod = getObject(s, 'Pod', 'default/web-0')!;
    expect(pod.spec.hostname).toBe('web-0');
    expect(pod.spec.subdomain).toBe('web');
    expect(pod.metadata.labels).toMatchObject({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-0', 'apps.kubernetes.io/pod-index': '0' });
    expect(pod.spec.volumes).toContainEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    expect(getObject(s, 'PersistentVolumeClaim', 'default/www-web-0')?.status.phase).toBe('Bound');
    s = makeReady(s, 'web-0');
    expect(podNames(s)).toEqual(['web-0', 'web-1']);
    s = makeReady(s, 'web-1');
    s = makeReady(s, 'web-2');
    expect(podNames(s)).toEqual(['web-0', 'web-1', 'web-2']);
    const events = listObjects(s, 'Event').filter((e) => e.involvedObject.name === 'web').map((e) => e.message);
    expect(events).toContain('create Claim www-web-0 Pod web-0 in StatefulSet web success');
    expect(events).toContain('create Pod web-2 in StatefulSet web successful');
    const status = getObject(s, 'StatefulSet', 'default/web')!.status;
    expect(status).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3 });
    expect(status.currentRevision).toBe(status.updateRevision);
  });

  it('Parallel: creates every ordinal at once', () => {
    const s = create(createCluster(), statefulSet('par', 4, { app: 'p' }, { podManagementPolicy: 'Parallel' }));
    expect(podNames(s)).toEqual(['par-0', 'par-1', 'par-2', 'par-3']);
  });

  it('scales down from the highest ordinal, one at a time, keeping the claims', () => {
    const sts = statefulSet('web', 3, { app: 'nginx' }, {
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { resources: { requests: { storage: '1G' } } } }],
    });
    let s = create(createCluster(), sts);
    for (const n of ['web-0', 'web-1', 'web-2']) s = makeReady(s, n);
    s = transact(s, (tx) => {
      tx.update('StatefulSet', 'default/web', (x) => {
        x.spec.replicas = 1;
      });
    });
    // web-2 is deleted first; web-1 waits until web-2 is gone.
    const terminating = listObjects(s, 'Pod').filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.name);
    expect(terminating).toEqual(['web-2']);
    s = transact(s, (tx) => {
      tx.remove('Pod', 'default/web-2');
    });
    expect(listObjects(s, 'Pod').filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.name)).toEqual(['web-1']);
    expect(listObjects(s, 'PersistentVolumeClaim').map((c) => c.metadata.name).sort()).toEqual(['www-web-0', 'www-web-1', 'www-web-2']);
  });

  it('RollingUpdate with a partition replaces only ordinals at or above it, highest first', () => {
    let s = create(createCluster(), statefulSet('ss', 5, { app: 'sample-app' }, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 3 } } }));
    for (let i = 0; i < 5; i++) s = makeReady(s, `ss-${i}`);
    const oldRev = getObject(s, 'StatefulSet', 'default/ss')!.status.updateRevision;
    s = transact(s, (tx) => {
      tx.update('StatefulSet', 'default/ss', (x) => {
        x.spec.template.spec.containers[0].image = 'nginx:1.17';
      });
    });
    const term = () => listObjects(s, 'Pod').filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.name);
    expect(term()).toEqual(['ss-4']);
    s = transact(s, (tx) => {
      tx.remove('Pod', 'default/ss-4');
    });
    expect(getObject(s, 'Pod', 'default/ss-4')!.spec.containers[0].image).toBe('nginx:1.17');
    s = makeReady(s, 'ss-4');
    expect(term()).toEqual(['ss-3']);
    s = transact(s, (tx) => {
      tx.remove('Pod', 'default/ss-3');
    });
    s = makeReady(s, 'ss-3');
    expect(term()).toEqual([]);
    expect(getObject(s, 'Pod', 'default/ss-2')!.spec.containers[0].image).toBe('nginx:1.16');
    const st = getObject(s, 'StatefulSet', 'default/ss')!.status;
    expect(st.currentRevision).toBe(oldRev);
    expect(st.updatedReplicas).toBe(2);
    // A deleted pod below the partition comes back at the old revision.
    s = transact(s, (tx) => {
      tx.remove('Pod', 'default/ss-1');
    });
    expect(getObject(s, 'Pod', 'default/ss-1')!.spec.containers[0].image).toBe('nginx:1.16');
  });
});
