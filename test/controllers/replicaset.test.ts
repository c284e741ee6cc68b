import { describe, expect, it } from 'vitest';
import { createObject } from '../../src/cluster/apiserver.js';
import { BURST_REPLICAS, replicaSetController } from '../../src/cluster/controllers/replicaset.js';
import { createCluster, transact } from '../../src/cluster/engine.js';
import { getObject, INDEX, listObjects } from '../../src/cluster/store.js';
import { advance, create } from './helpers.js';
import {
  GENERATED,
  barePod,
  del,
  eventsFor,
  livePods,
  orphanKeys,
  ownedPods,
  podKey,
  replicaSet,
  rsStatus,
  runPod,
  scale,
  setLabels,
} from './replicaset-helpers.js';

describe('ReplicaSet controller: replicas', () => {
  it('creates N pods named <rs>-<5 chars>, controlled by the ReplicaSet, with SuccessfulCreate events', () => {
    const s = create(createCluster(), replicaSet('kubia', 3));
    const rs = getObject(s, 'ReplicaSet', 'default/kubia')!;
    const pods = ownedPods(s, 'ReplicaSet', 'kubia');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name.slice(0, 6)).toBe('kubia-');
      expect(p.metadata.name.slice(6)).toMatch(GENERATED);
      expect(p.metadata.generateName).toBe('kubia-');
      expect(p.metadata.labels).toEqual({ app: 'kubia' });
      expect(p.metadata.ownerReferences).toEqual([
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'kubia', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
      expect(p.spec.containers[0].image).toBe('luksa/kubia');
    }
    const events = eventsFor(s, 'kubia');
    expect(events.map((e) => e.message).sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect(events.every((e) => e.reason === 'SuccessfulCreate' && e.component === 'replicaset-controller')).toBe(true);
    expect(rs.status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
  });

  it('defaults spec.replicas to 1', () => {
    const s = create(createCluster(), replicaSet('one', undefined));
    expect(ownedPods(s, 'ReplicaSet', 'one')).toHaveLength(1);
  });

  it('replaces a deleted pod, and reports a new SuccessfulCreate', () => {
    let s = create(createCluster(), replicaSet('kubia', 3));
    const victim = ownedPods(s, 'ReplicaSet', 'kubia')[1];
    s = del(s, 'Pod', podKey(victim));
    const pods = ownedPods(s, 'ReplicaSet', 'kubia');
    expect(pods).toHaveLength(3);
    expect(pods.map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
    expect(eventsFor(s, 'kubia').filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(4);
  });

  it('replaces a Terminating pod at once (a pod evicted from a lost node) and does not count it', () => {
    let s = create(createCluster({ nodes: 0 }), replicaSet('kubia', 2));
    const [a, b] = ownedPods(s, 'ReplicaSet', 'kubia');
    s = runPod(s, podKey(a), 'lost-node');
    s = runPod(s, podKey(b), 'node-b');
    // The taint-eviction controller deletes with the pod's grace period; no kubelet answers on the lost node.
    s = del(s, 'Pod', podKey(a));
    expect(getObject(s, 'Pod', podKey(a))!.metadata.deletionTimestamp).toBeDefined();
    const live = ownedPods(s, 'ReplicaSet', 'kubia');
    expect(live).toHaveLength(2);
    expect(live.map((p) => p.metadata.name)).toContain(b.metadata.name);
    expect(rsStatus(s, 'ReplicaSet', 'default/kubia')).toMatchObject({ replicas: 2, readyReplicas: 1, availableReplicas: 1 });
  });

  it('does not count or adopt Succeeded and Failed pods', () => {
    let s = create(createCluster({ nodes: 0 }), barePod('done', { app: 'kubia' }, 'Succeeded'));
    s = create(s, barePod('broken', { app: 'kubia' }, 'Failed'));
    s = create(s, replicaSet('kubia', 2));
    expect(getObject(s, 'Pod', 'default/done')!.metadata.ownerReferences).toBeUndefined();
    expect(getObject(s, 'Pod', 'default/broken')!.metadata.ownerReferences).toBeUndefined();
    expect(ownedPods(s, 'ReplicaSet', 'kubia')).toHaveLength(2);
  });

  it('scales up and down; a scale-down reports SuccessfulDelete with the pod name', () => {
    let s = create(createCluster(), replicaSet('kubia', 3));
    s = scale(s, 'ReplicaSet', 'default/kubia', 10);
    expect(ownedPods(s, 'ReplicaSet', 'kubia')).toHaveLength(10);
    expect(rsStatus(s, 'ReplicaSet', 'default/kubia')).toMatchObject({ replicas: 10, observedGeneration: 2 });
    const before = ownedPods(s, 'ReplicaSet', 'kubia').map((p) => p.metadata.name);
    s = scale(s, 'ReplicaSet', 'default/kubia', 4);
    const after = ownedPods(s, 'ReplicaSet', 'kubia').map((p) => p.metadata.name);
    expect(after).toHaveLength(4);
    const deleted = before.filter((n) => !after.includes(n));
    const deletes = eventsFor(s, 'kubia').filter((e) => e.reason === 'SuccessfulDelete');
    expect(deletes.map((e) => e.message).sort()).toEqual(deleted.map((n) => `Deleted pod: ${n}`).sort());
    expect(deletes[0].component).toBe('replicaset-controller');
    expect(rsStatus(s, 'ReplicaSet', 'default/kubia')).toMatchObject({ replicas: 4, observedGeneration: 3 });
    s = scale(s, 'ReplicaSet', 'default/kubia', 0);
    expect(ownedPods(s, 'ReplicaSet', 'kubia')).toHaveLength(0);
    expect(rsStatus(s, 'ReplicaSet', 'default/kubia')).toEqual({ replicas: 0, observedGeneration: 4 });
  });

  it('scales down unscheduled pods first, then not-ready ones, then the most recently ready', () => {
    let s = create(createCluster({ nodes: 0 }), replicaSet('kubia', 5));
    const [p0, p1, p2, p3, p4] = ownedPods(s, 'ReplicaSet', 'kubia');
    // Nodes no kubelet runs: time must not pass (the pod GC removes pods of a missing node after 40 s).
    const tenMinutesAgo = s.now - 600_000;
    s = runPod(s, podKey(p0), 'node-a', { readyAt: tenMinutesAgo });
    s = runPod(s, podKey(p1), 'node-b', { ready: false });
    s = runPod(s, podKey(p2), 'node-a', { readyAt: tenMinutesAgo });
    s = runPod(s, podKey(p3), 'node-b'); // ready just now
    // p4 stays unscheduled.
    s = scale(s, 'ReplicaSet', 'default/kubia', 4);
    expect(getObject(s, 'Pod', podKey(p4))).toBeUndefined(); // unbound pods are removed at once
    s = scale(s, 'ReplicaSet', 'default/kubia', 3);
    expect(getObject(s, 'Pod', podKey(p1))!.metadata.deletionTimestamp).toBeDefined();
    s = scale(s, 'ReplicaSet', 'default/kubia', 2);
    expect(getObject(s, 'Pod', podKey(p3))!.metadata.deletionTimestamp).toBeDefined();
    expect(ownedPods(s, 'ReplicaSet', 'kubia').map((p) => p.metadata.name)).toEqual([p0, p2].map((p) => p.metadata.name).sort());
  });

  it('creates pods from the current template: a template change affects only new pods', () => {
    let s = create(createCluster(), replicaSet('kubia', 2));
    const old = ownedPods(s, 'ReplicaSet', 'kubia');
    s = transact(s, (tx) => {
      tx.update('ReplicaSet', 'default/kubia', (rs) => {
        rs.spec.template.spec.containers[0].image = 'luksa/kubia:v2';
        rs.metadata.generation = 2;
      });
    });
    expect(ownedPods(s, 'ReplicaSet', 'kubia').map((p) => p.spec.containers[0].image)).toEqual(['luksa/kubia', 'luksa/kubia']);
    expect(rsStatus(s, 'ReplicaSet', 'default/kubia').observedGeneration).toBe(2);
    s = del(s, 'Pod', podKey(old[0]));
    const images = ownedPods(s, 'ReplicaSet', 'kubia').map((p) => `${p.metadata.name === old[1].metadata.name ? 'old' : 'new'}:${p.spec.containers[0].image}`);
    expect(images.sort()).toEqual(['new:luksa/kubia:v2', 'old:luksa/kubia']);
  });

  it(`creates at most ${BURST_REPLICAS} pods per sync, and the creations wake the next sync for the rest`, () => {
    let s = createCluster({ nodes: 0 });
    let afterOneSync = 0;
    s = transact(s, (tx) => {
      const rs = createObject(tx, replicaSet('big', 700));
      replicaSetController.reconcile(tx, 'default/big');
      afterOneSync = tx.members(INDEX.dependents, rs.metadata.uid).length;
    });
    expect(afterOneSync).toBe(BURST_REPLICAS);
    expect(ownedPods(s, 'ReplicaSet', 'big')).toHaveLength(700);
    expect(rsStatus(s, 'ReplicaSet', 'default/big')).toMatchObject({ replicas: 700, fullyLabeledReplicas: 700 });
    expect(eventsFor(s, 'big').filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(700);
  });
});

describe('ReplicaSet controller: adoption and release', () => {
  it('adopts a matching orphan pod on creation instead of creating one', () => {
    let s = create(createCluster(), barePod('kubia-manual', { app: 'kubia' }));
    s = create(s, replicaSet('kubia', 3));
    const rs = getObject(s, 'ReplicaSet', 'default/kubia')!;
    const manual = getObject(s, 'Pod', 'default/kubia-manual')!;
    expect(manual.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'kubia', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(ownedPods(s, 'ReplicaSet', 'kubia')).toHaveLength(3);
    expect(eventsFor(s, 'kubia').filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(2);
  });

  it('deletes the surplus when an orphan created later matches (adoption overshoots)', () => {
    let s = create(createCluster({ nodes: 0 }), replicaSet('kubia', 2));
    s = create(s, barePod('kubia-manual', { app: 'kubia' }));
    expect(ownedPods(s, 'ReplicaSet', 'kubia')).toHaveLength(2);
    expect(eventsFor(s, 'kubia').filter((e) => e.reason === 'SuccessfulDelete')).toHaveLength(1);
  });

  it('a label the selector ignores changes nothing (kubectl label pod x type=special)', () => {
    let s = create(createCluster(), replicaSet('kubia', 3));
    const pod = ownedPods(s, 'ReplicaSet', 'kubia')[0];
    const rv = getObject(s, 'ReplicaSet', 'default/kubia')!.metadata.resourceVersion;
    s = setLabels(s, podKey(pod), { app: 'kubia', type: 'special' });
    expect(ownedPods(s, 'ReplicaSet', 'kubia')).toHaveLength(3);
    expect(getObject(s, 'Pod', podKey(pod))!.metadata.ownerReferences).toHaveLength(1);
    expect(getObject(s, 'ReplicaSet', 'default/kubia')!.metadata.resourceVersion).toBe(rv);
  });

  it('releases a pod relabelled out of the selector (app=foo --overwrite) and replaces it', () => {
    let s = create(createCluster(), replicaSet('kubia', 3));
    const pod = ownedPods(s, 'ReplicaSet', 'kubia')[0];
    s = setLabels(s, podKey(pod), { app: 'foo', type: 'special' });
    const released = getObject(s, 'Pod', podKey(pod))!;
    expect(released.metadata.ownerReferences).toBeUndefined();
    expect(released.metadata.deletionTimestamp).toBeUndefined();
    expect(orphanKeys(s)).toEqual([podKey(pod)]);
    const owned = ownedPods(s, 'ReplicaSet', 'kubia');
    expect(owned).toHaveLength(3);
    expect(owned.map((p) => p.metadata.name)).not.toContain(pod.metadata.name);
    expect(livePods(s)).toHaveLength(4);
  });

  it('relabelling the pod back makes the ReplicaSet adopt it and delete one extra', () => {
    let s = create(createCluster({ nodes: 0 }), replicaSet('kubia', 2));
    const pod = ownedPods(s, 'ReplicaSet', 'kubia')[0];
    s = setLabels(s, podKey(pod), { app: 'foo' });
    expect(ownedPods(s, 'ReplicaSet', 'kubia')).toHaveLength(2);
    s = setLabels(s, podKey(pod), { app: 'kubia' });
    expect(ownedPods(s, 'ReplicaSet', 'kubia')).toHaveLength(2);
    expect(livePods(s)).toHaveLength(2);
  });

  it('ignores pods controlled by another owner even when they match', () => {
    let s = create(createCluster({ nodes: 0 }), replicaSet('first', 2, { app: 'shared' }));
    s = create(s, replicaSet('second', 2, { app: 'shared' }));
    expect(ownedPods(s, 'ReplicaSet', 'first')).toHaveLength(2);
    expect(ownedPods(s, 'ReplicaSet', 'second')).toHaveLength(2);
  });

  it('matchExpressions: counts the pre-created testapp-pod1/2 toward replicas: 4 (notes 003)', () => {
    let s = create(createCluster(), barePod('testapp-pod1', { app: 'testapp-rs', env: 'dev' }));
    s = create(s, barePod('testapp-pod2', { app: 'testapp-rs', env: 'dev' }));
    s = create(
      s,
      replicaSet('testapp-rs-exp', 4, { app: 'testapp-rs', env: 'op' }, {
        selector: {
          matchExpressions: [
            { key: 'app', operator: 'In', values: ['testapp-rs'] },
            { key: 'env', operator: 'Exists' },
          ],
        },
      }),
    );
    const names = ownedPods(s, 'ReplicaSet', 'testapp-rs-exp').map((p) => p.metadata.name);
    expect(names).toHaveLength(4);
    expect(names.filter((n) => n.startsWith('testapp-pod'))).toEqual(['testapp-pod1', 'testapp-pod2']);
    // The adopted pods keep env=dev, so they do not carry every template label.
    expect(rsStatus(s, 'ReplicaSet', 'default/testapp-rs-exp')).toMatchObject({ replicas: 4, fullyLabeledReplicas: 2 });
  });
});

describe('ReplicaSet controller: deletion', () => {
  it('background deletion: the garbage collector deletes the pods', () => {
    let s = create(createCluster({ nodes: 0 }), replicaSet('kubia', 3));
    s = del(s, 'ReplicaSet', 'default/kubia', { cascade: 'background' });
    expect(getObject(s, 'ReplicaSet', 'default/kubia')).toBeUndefined();
    expect(listObjects(s, 'Pod')).toHaveLength(0);
  });

  it('foreground deletion: the ReplicaSet stays, creating nothing, until its pods are gone', () => {
    let s = create(createCluster({ nodes: 0 }), replicaSet('kubia', 2));
    for (const p of ownedPods(s, 'ReplicaSet', 'kubia')) s = runPod(s, podKey(p), 'node-a');
    s = del(s, 'ReplicaSet', 'default/kubia', { cascade: 'foreground' });
    const rs = getObject(s, 'ReplicaSet', 'default/kubia')!;
    expect(rs.metadata.finalizers).toEqual(['foregroundDeletion']);
    const pods = listObjects(s, 'Pod');
    expect(pods).toHaveLength(2);
    expect(pods.every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(rs.status).toMatchObject({ replicas: 0 });
    // The kubelet finishes the pods; then the garbage collector removes the ReplicaSet.
    s = transact(s, (tx) => {
      tx.remove('Pod', podKey(pods[0]));
    });
    expect(getObject(s, 'ReplicaSet', 'default/kubia')).toBeDefined();
    s = transact(s, (tx) => {
      tx.remove('Pod', podKey(pods[1]));
    });
    expect(getObject(s, 'ReplicaSet', 'default/kubia')).toBeUndefined();
    expect(listObjects(s, 'Pod')).toHaveLength(0);
  });

  it('orphan deletion leaves the pods running unowned; a new ReplicaSet adopts them', () => {
    let s = create(createCluster(), replicaSet('kubia', 3));
    const names = ownedPods(s, 'ReplicaSet', 'kubia').map((p) => p.metadata.name);
    s = del(s, 'ReplicaSet', 'default/kubia', { cascade: 'orphan' });
    expect(livePods(s).map((p) => p.metadata.name)).toEqual(names);
    expect(livePods(s).every((p) => p.metadata.ownerReferences === undefined)).toBe(true);
    s = create(s, replicaSet('kubia', 3));
    expect(ownedPods(s, 'ReplicaSet', 'kubia').map((p) => p.metadata.name)).toEqual(names);
    expect(eventsFor(s, 'kubia').filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(3); // the first RS's only
  });
});

describe('ReplicaSet controller: status', () => {
  it('reports readyReplicas, availableReplicas after minReadySeconds (waking itself), and writes only changes', () => {
    let s = create(createCluster({ nodes: 0 }), replicaSet('kubia', 2, { app: 'kubia' }, { minReadySeconds: 10 }));
    const [a, b] = ownedPods(s, 'ReplicaSet', 'kubia');
    s = runPod(s, podKey(a), 'node-a');
    s = runPod(s, podKey(b), 'node-a', { ready: false });
    expect(rsStatus(s, 'ReplicaSet', 'default/kubia')).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 1, observedGeneration: 1 });
    s = advance(s, 9_000);
    expect(rsStatus(s, 'ReplicaSet', 'default/kubia').availableReplicas).toBeUndefined();
    s = advance(s, 1_000);
    expect(rsStatus(s, 'ReplicaSet', 'default/kubia')).toEqual({
      replicas: 2,
      fullyLabeledReplicas: 2,
      readyReplicas: 1,
      availableReplicas: 1,
      observedGeneration: 1,
    });
    const rv = getObject(s, 'ReplicaSet', 'default/kubia')!.metadata.resourceVersion;
    s = advance(s, 20_000); // less than the pod GC's 40 s quarantine for pods of a missing node
    s = transact(s, (tx) => {
      tx.update('Pod', podKey(a), (p) => {
        p.metadata.annotations = { note: 'irrelevant' };
      });
    });
    expect(getObject(s, 'ReplicaSet', 'default/kubia')!.metadata.resourceVersion).toBe(rv);
  });

  it('fullyLabeledReplicas counts only pods carrying every template label', () => {
    let s = create(createCluster({ nodes: 0 }), barePod('partial', { app: 'kubia' }));
    s = create(s, replicaSet('kubia', 2, { app: 'kubia' }, { template: { ...replicaSet('x', 1).spec.template, metadata: { labels: { app: 'kubia', tier: 'web' } } } }));
    expect(rsStatus(s, 'ReplicaSet', 'default/kubia')).toMatchObject({ replicas: 2, fullyLabeledReplicas: 1 });
  });
});

describe('ReplicaSet controller: work queues', () => {
  it('a pod change wakes only its own ReplicaSet; an orphan wakes only the ReplicaSets that select it', () => {
    let s = createCluster({ nodes: 0 });
    for (let i = 0; i < 20; i++) s = create(s, replicaSet(`rs-${i}`, 3));
    const pod = ownedPods(s, 'ReplicaSet', 'rs-7')[0];
    transact(s, (tx) => {
      tx.update('Pod', podKey(pod), (p) => {
        p.metadata.labels = { app: 'rs-7', extra: 'x' };
      });
      expect([...(tx.queues.get('replicaset') ?? [])]).toEqual(['default/rs-7']);
    });
    transact(s, (tx) => {
      createObject(tx, barePod('stray', { app: 'rs-12' }));
      expect([...(tx.queues.get('replicaset') ?? [])]).toEqual(['default/rs-12']);
    });
    // Container churn that changes neither readiness, activity, labels nor owner wakes nobody.
    transact(s, (tx) => {
      tx.update('Pod', podKey(pod), (p) => {
        p.status.message = 'churn';
      });
      expect(tx.queues.get('replicaset')?.size ?? 0).toBe(0);
    });
  });

});
