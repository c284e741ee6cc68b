// ReplicaSet behaviour that needs pods to really run: scheduler and kubelet make them Running and Ready.
// Skipped until the kubelet is registered in CONTROLLERS.
import { describe, expect, it } from 'vitest';
import { CONTROLLERS } from '../../src/cluster/controllers/index.js';
import { createCluster, dispatch } from '../../src/cluster/engine.js';
import type { State } from '../../src/cluster/state.js';
import { getObject } from '../../src/cluster/store.js';
import { isPodReady } from '../../src/cluster/controllers/shared/pods.js';
import { advance, create } from './helpers.js';
import { del, kubeletRegistered, ownedPods, podKey, replicaSet, replicationController, rsStatus, scale } from './replicaset-helpers.js';

const taintEvictionRegistered = CONTROLLERS.some((c) => /taint|eviction/i.test(c.name));

/** Advances in 1 s steps until `done` holds (at most `limitMs`), as `kubectl get pods --watch` would show it. */
function advanceUntil(s: State, done: (s: State) => boolean, limitMs = 180_000): State {
  for (let t = 0; t < limitMs && !done(s); t += 1000) s = advance(s, 1000);
  return s;
}

const allReady = (kind: 'ReplicaSet' | 'ReplicationController', name: string, n: number) => (s: State) =>
  ownedPods(s, kind, name).filter(isPodReady).length === n;

describe.skipIf(!kubeletRegistered)('ReplicaSet with a running kubelet', () => {
  it('kubia-rc: three pods Running and Ready; status counts them ready and available', () => {
    let s = create(createCluster(), replicationController('kubia', 3, { app: 'kubia' }));
    s = advanceUntil(s, allReady('ReplicationController', 'kubia', 3));
    const pods = ownedPods(s, 'ReplicationController', 'kubia');
    expect(pods.map((p) => p.status.phase)).toEqual(['Running', 'Running', 'Running']);
    expect(pods.every((p) => p.spec.nodeName)).toBe(true);
    expect(rsStatus(s, 'ReplicationController', 'default/kubia')).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
    });
  });

  it('a deleted running pod is Terminating for its grace period while its replacement starts at once', () => {
    let s = create(createCluster(), replicaSet('kubia', 3));
    s = advanceUntil(s, allReady('ReplicaSet', 'kubia', 3));
    const victim = ownedPods(s, 'ReplicaSet', 'kubia')[0];
    s = del(s, 'Pod', podKey(victim));
    expect(getObject(s, 'Pod', podKey(victim))!.metadata.deletionTimestamp).toBeDefined();
    const now = ownedPods(s, 'ReplicaSet', 'kubia');
    expect(now).toHaveLength(3);
    expect(now.map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
    expect(rsStatus(s, 'ReplicaSet', 'default/kubia')).toMatchObject({ replicas: 3, readyReplicas: 2 });
    s = advance(s, 35_000);
    expect(getObject(s, 'Pod', podKey(victim))).toBeUndefined();
    s = advanceUntil(s, allReady('ReplicaSet', 'kubia', 3));
    expect(rsStatus(s, 'ReplicaSet', 'default/kubia')).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3 });
  });

  it('scaling down removes the pods that are not ready yet before the ready ones', () => {
    let s = create(createCluster(), replicaSet('kubia', 3));
    s = advanceUntil(s, allReady('ReplicaSet', 'kubia', 3));
    const ready = ownedPods(s, 'ReplicaSet', 'kubia').map((p) => p.metadata.name);
    s = scale(s, 'ReplicaSet', 'default/kubia', 5);
    s = scale(s, 'ReplicaSet', 'default/kubia', 3);
    expect(ownedPods(s, 'ReplicaSet', 'kubia').map((p) => p.metadata.name)).toEqual(ready);
  });

  it('minReadySeconds: availableReplicas follows readyReplicas minReadySeconds later', () => {
    let s = create(createCluster(), replicaSet('kubia', 2, { app: 'kubia' }, { minReadySeconds: 20 }));
    s = advanceUntil(s, allReady('ReplicaSet', 'kubia', 2));
    const st = rsStatus(s, 'ReplicaSet', 'default/kubia');
    expect(st.readyReplicas).toBe(2);
    expect(st.availableReplicas ?? 0).toBeLessThan(2);
    s = advance(s, 21_000);
    expect(rsStatus(s, 'ReplicaSet', 'default/kubia')).toMatchObject({ readyReplicas: 2, availableReplicas: 2 });
  });

  it.skipIf(!taintEvictionRegistered)('a killed node: once its pods are evicted (Terminating), replacements run elsewhere', () => {
    let s = create(createCluster(), replicaSet('kubia', 3));
    s = advanceUntil(s, allReady('ReplicaSet', 'kubia', 3));
    const node = ownedPods(s, 'ReplicaSet', 'kubia')[0].spec.nodeName!;
    s = dispatch(s, { type: 'nodeKill', node }).state;
    // 50 s node-monitor grace, then the 300 s not-ready/unreachable tolerations run out.
    s = advance(s, 7 * 60_000);
    const live = ownedPods(s, 'ReplicaSet', 'kubia');
    expect(live).toHaveLength(3);
    expect(live.every((p) => p.spec.nodeName !== node)).toBe(true);
  });
});
