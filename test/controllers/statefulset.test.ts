import { describe, expect, it } from 'vitest';
import { createCluster, transact } from '../../src/cluster/engine.js';
import { getObject, listObjects } from '../../src/cluster/store.js';
import { deleteObject } from '../../src/cluster/apiserver.js';
import { advance, create, podNames, statefulSet } from './helpers.js';

type S = ReturnType<typeof createCluster>;
const terminating = (s: S) =>
  listObjects(s, 'Pod')
    .filter((p) => p.metadata.deletionTimestamp)
    .map((p) => p.metadata.name);
const image = (s: S, name: string) => getObject(s, 'Pod', `default/${name}`)?.spec.containers[0].image;

describe('StatefulSet controller (with the kubelet and scheduler)', () => {
  it('OrderedReady: web-1 is created only once web-0 is Running and Ready; claims come first', () => {
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
    s = advance(s, 1000);
    expect(podNames(s)).toEqual(['web-0']); // still pulling nginx
    s = advance(s, 60_000);
    expect(podNames(s)).toEqual(['web-0', 'web-1', 'web-2']);
    const created = (n: string) => Date.parse(getObject(s, 'Pod', `default/${n}`)!.metadata.creationTimestamp);
    expect(created('web-1')).toBeGreaterThan(created('web-0'));
    expect(created('web-2')).toBeGreaterThan(created('web-1'));
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
    let s = advance(create(createCluster(), sts), 60_000);
    s = transact(s, (tx) => {
      tx.update('StatefulSet', 'default/web', (x) => {
        x.spec.replicas = 1;
      });
    });
    expect(terminating(s)).toEqual(['web-2']);
    expect(podNames(s)).toEqual(['web-0', 'web-1']);
    s = advance(s, 5_000); // nginx stops on SIGTERM; only then does web-1 go
    expect(podNames(s)).toEqual(['web-0']);
    s = advance(s, 5_000);
    expect(listObjects(s, 'Pod').map((p) => p.metadata.name)).toEqual(['web-0']);
    expect(listObjects(s, 'PersistentVolumeClaim').map((c) => c.metadata.name).sort()).toEqual(['www-web-0', 'www-web-1', 'www-web-2']);
  });

  it('RollingUpdate with a partition replaces only ordinals at or above it, highest first; lower ordinals keep the old revision', () => {
    let s = advance(create(createCluster(), statefulSet('ss', 5, { app: 'sample-app' }, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 3 } } })), 120_000);
    expect(podNames(s)).toEqual(['ss-0', 'ss-1', 'ss-2', 'ss-3', 'ss-4']);
    const oldRev = getObject(s, 'StatefulSet', 'default/ss')!.status.updateRevision;
    s = transact(s, (tx) => {
      tx.update('StatefulSet', 'default/ss', (x) => {
        x.spec.template.spec.containers[0].image = 'nginx:1.17';
      });
    });
    expect(terminating(s)).toEqual(['ss-4']);
    s = advance(s, 120_000);
    expect(['ss-0', 'ss-1', 'ss-2', 'ss-3', 'ss-4'].map((n) => image(s, n))).toEqual(['nginx:1.16', 'nginx:1.16', 'nginx:1.16', 'nginx:1.17', 'nginx:1.17']);
    const st = getObject(s, 'StatefulSet', 'default/ss')!.status;
    expect(st.currentRevision).toBe(oldRev);
    expect(st.updatedReplicas).toBe(2);
    // A deleted pod below the partition comes back at the old revision.
    s = transact(s, (tx) => {
      deleteObject(tx, 'Pod', 'default/ss-1');
    });
    s = advance(s, 60_000);
    expect(image(s, 'ss-1')).toBe('nginx:1.16');
  });
});
