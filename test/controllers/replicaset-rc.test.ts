// The ReplicationController: the same controller with a map selector, its own queue and event component
// (notes 002: kubia-rc.yaml, relabelling, scaling, delete --cascade=false then a ReplicaSet adopting the pods).
import { describe, expect, it } from 'vitest';
import { createObject } from '../../src/cluster/apiserver.js';
import { replicationControllerSelector } from '../../src/cluster/controllers/replicaset.js';
import { createCluster, transact } from '../../src/cluster/engine.js';
import { getObject } from '../../src/cluster/store.js';
import { create } from './helpers.js';
import {
  barePod,
  del,
  eventsFor,
  livePods,
  ownedPods,
  podKey,
  replicaSet,
  replicationController,
  rsStatus,
  scale,
  setLabels,
} from './replicaset-helpers.js';

describe('ReplicationController', () => {
  it('creates pods controlled by the RC (apiVersion v1) with replication-controller events', () => {
    const s = create(createCluster(), replicationController('kubia', 3, { app: 'kubia' }));
    const rc = getObject(s, 'ReplicationController', 'default/kubia')!;
    const pods = ownedPods(s, 'ReplicationController', 'kubia');
    expect(pods).toHaveLength(3);
    expect(pods[0].metadata.ownerReferences).toEqual([
      { apiVersion: 'v1', kind: 'ReplicationController', name: 'kubia', uid: rc.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    const events = eventsFor(s, 'kubia');
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.reason === 'SuccessfulCreate' && e.component === 'replication-controller')).toBe(true);
    expect(events.map((e) => e.message).sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`));
    expect(rc.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
  });

  it('matches its selector as an equality map: extra pod labels are fine, a missing or different one is not', () => {
    let s = create(createCluster({ nodes: 0 }), barePod('extra', { app: 'kubia', tier: 'web', type: 'special' }));
    s = create(s, barePod('missing', { app: 'kubia' }));
    s = create(s, barePod('different', { app: 'kubia', tier: 'db' }));
    s = create(s, replicationController('kubia', 2, { app: 'kubia', tier: 'web' }));
    const owned = ownedPods(s, 'ReplicationController', 'kubia').map((p) => p.metadata.name);
    expect(owned).toContain('extra');
    expect(owned).not.toContain('missing');
    expect(owned).not.toContain('different');
    expect(owned).toHaveLength(2);
  });

  it('defaults an omitted selector to the template labels', () => {
    const rc = replicationController('kubia', 2, undefined, { app: 'kubia', env: 'dev' });
    expect(replicationControllerSelector(rc)).toEqual({ app: 'kubia', env: 'dev' });
    let s = create(createCluster({ nodes: 0 }), barePod('half', { app: 'kubia' }));
    s = create(s, barePod('full', { app: 'kubia', env: 'dev' }));
    s = create(s, rc);
    const owned = ownedPods(s, 'ReplicationController', 'kubia').map((p) => p.metadata.name);
    expect(owned).toContain('full');
    expect(owned).not.toContain('half');
    expect(owned).toHaveLength(2);
  });

  it('kubectl label pod X app=foo --overwrite: released and replaced; kubectl scale rc kubia --replicas=10', () => {
    let s = create(createCluster(), replicationController('kubia', 3, { app: 'kubia' }));
    const moved = ownedPods(s, 'ReplicationController', 'kubia')[0];
    s = setLabels(s, podKey(moved), { app: 'foo' });
    expect(getObject(s, 'Pod', podKey(moved))!.metadata.ownerReferences).toBeUndefined();
    expect(ownedPods(s, 'ReplicationController', 'kubia')).toHaveLength(3);
    expect(livePods(s)).toHaveLength(4);
    s = scale(s, 'ReplicationController', 'default/kubia', 10);
    expect(ownedPods(s, 'ReplicationController', 'kubia')).toHaveLength(10);
    expect(rsStatus(s, 'ReplicationController', 'default/kubia')).toMatchObject({ replicas: 10, observedGeneration: 2 });
    s = scale(s, 'ReplicationController', 'default/kubia', 3);
    expect(ownedPods(s, 'ReplicationController', 'kubia')).toHaveLength(3);
    const deletes = eventsFor(s, 'kubia').filter((e) => e.reason === 'SuccessfulDelete');
    expect(deletes).toHaveLength(7);
    expect(deletes[0]).toMatchObject({ component: 'replication-controller' });
    expect(deletes[0].message).toMatch(/^Deleted pod: kubia-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('delete rc --cascade=orphan keeps the pods running; a new ReplicaSet with a matching selector adopts them', () => {
    let s = create(createCluster(), replicationController('kubia', 3, { app: 'kubia' }));
    const names = ownedPods(s, 'ReplicationController', 'kubia').map((p) => p.metadata.name);
    s = del(s, 'ReplicationController', 'default/kubia', { cascade: 'orphan' });
    expect(getObject(s, 'ReplicationController', 'default/kubia')).toBeUndefined();
    expect(livePods(s).map((p) => p.metadata.name)).toEqual(names);
    expect(livePods(s).every((p) => !p.metadata.ownerReferences)).toBe(true);
    s = create(s, replicaSet('kubia', 3));
    const rs = getObject(s, 'ReplicaSet', 'default/kubia')!;
    expect(ownedPods(s, 'ReplicaSet', 'kubia').map((p) => p.metadata.name)).toEqual(names);
    expect(livePods(s).every((p) => p.metadata.ownerReferences?.[0].uid === rs.metadata.uid)).toBe(true);
    expect(eventsFor(s, 'kubia').filter((e) => e.component === 'replicaset-controller')).toHaveLength(0);
  });

  it('a ReplicaSet and an RC with the same selector never fight over a pod', () => {
    let s = create(createCluster({ nodes: 0 }), replicationController('kubia', 2, { app: 'kubia' }));
    s = create(s, replicaSet('kubia', 2));
    expect(ownedPods(s, 'ReplicationController', 'kubia')).toHaveLength(2);
    expect(ownedPods(s, 'ReplicaSet', 'kubia')).toHaveLength(2);
    s = transact(s, (tx) => {
      createObject(tx, barePod('stray', { app: 'kubia' }));
    });
    // One of them adopts the stray and deletes a surplus pod; the totals stay 2 + 2.
    expect(ownedPods(s, 'ReplicationController', 'kubia').length + ownedPods(s, 'ReplicaSet', 'kubia').length).toBe(4);
    expect(livePods(s)).toHaveLength(4);
  });
});
