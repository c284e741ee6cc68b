import { describe, expect, it } from 'vitest';
import { createCluster, transact } from '../../src/cluster/engine.js';
import { getObject, listObjects } from '../../src/cluster/store.js';
import { daemonPodTargetNode } from '../../src/cluster/controllers/daemonset-nodes.js';
import { advance, create, daemonSet } from './helpers.js';

const targets = (s: ReturnType<typeof createCluster>) =>
  listObjects(s, 'Pod')
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => daemonPodTargetNode(p))
    .sort();

describe('DaemonSet controller', () => {
  it('creates one pod per node, pinned by node affinity, with daemon tolerations and revision labels', () => {
    const s = create(createCluster(), daemonSet('sample-ds', { app: 'sample-app' }));
    expect(targets(s)).toEqual(['node-1', 'node-2', 'node-3']);
    const pod = listObjects(s, 'Pod')[0];
    expect(pod.metadata.name).toMatch(/^sample-ds-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.metadata.labels).toMatchObject({ app: 'sample-app', 'pod-template-generation': '1' });
    expect(pod.metadata.labels!['controller-revision-hash']).toMatch(/^[a-z0-9]+$/);
    expect(pod.spec.tolerations).toContainEqual({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' });
    expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'DaemonSet', name: 'sample-ds', controller: true });
    const ds = getObject(s, 'DaemonSet', 'default/sample-ds')!;
    expect(ds.status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3, numberMisscheduled: 0 });
    const events = listObjects(s, 'Event').filter((e) => e.involvedObject.name === 'sample-ds');
    expect(events.map((e) => e.reason)).toEqual(['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulCreate']);
    expect(events[0].message).toMatch(/^Created pod: sample-ds-/);
  });

  it('follows nodeSelector: no pods until a node is labelled disk=ssd, and removes the pod when the label goes', () => {
    let s = create(createCluster(), daemonSet('ssd-monitor', { app: 'ssd-monitor' }, { nodeSelector: { disk: 'ssd' } }));
    expect(targets(s)).toEqual([]);
    expect(getObject(s, 'DaemonSet', 'default/ssd-monitor')!.status.desiredNumberScheduled).toBe(0);
    s = transact(s, (tx) => {
      tx.update('Node', 'node-2', (n) => {
        n.metadata.labels!.disk = 'ssd';
      });
    });
    expect(targets(s)).toEqual(['node-2']);
    s = transact(s, (tx) => {
      tx.update('Node', 'node-2', (n) => {
        delete n.metadata.labels!.disk;
      });
    });
    expect(targets(s)).toEqual([]);
  });

  it('creates a pod on a node added later and leaves a deleted pod replaced', () => {
    let s = create(createCluster({ nodes: 2 }), daemonSet('sample-ds', { app: 'sample-app' }));
    expect(targets(s)).toEqual(['node-1', 'node-2']);
    s = transact(s, (tx) => {
      tx.remove('Pod', listObjects(s, 'Pod')[0].metadata.namespace + '/' + listObjects(s, 'Pod')[0].metadata.name);
    });
    expect(targets(s)).toEqual(['node-1', 'node-2']);
    expect(advance(s, 1000).now).toBeGreaterThan(s.now);
  });
});
