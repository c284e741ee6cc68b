import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/cluster/engine.js';
import type { State } from '../../src/cluster/state.js';
import { getObject, listObjects } from '../../src/cluster/store.js';
import { advance, create, getPod, pod, podCondition, run } from '../scheduler/fixtures.js';

const template = (app: string) => ({
  metadata: { labels: { app } },
  spec: { containers: [{ name: app, image: 'nginx' }] },
});

/** A DaemonSet (one pod per node) and a 3-replica ReplicaSet, applied as manifests, then a bare pod on node-1. */
function workloads(): State {
  let s = run(createCluster(), {
    type: 'apply',
    mode: 'create',
    objects: [
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds' }, spec: { selector: { matchLabels: { app: 'ds' } }, template: template('ds') } },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'kubia' }, spec: { replicas: 3, selector: { matchLabels: { app: 'kubia' } }, template: template('kubia') } },
    ],
  }).state;
  s = create(s, pod('bare', { nodeName: 'node-1' }));
  return advance(s, 10_000);
}

function podsOn(s: State, node: string, prefix: string) {
  return listObjects(s, 'Pod').filter((p) => p.spec.nodeName === node && p.metadata.name.startsWith(prefix));
}

describe('cordon / uncordon', () => {
  it('sets spec.unschedulable, and the node controller adds the unschedulable taint', () => {
    let r = run(createCluster(), { type: 'cordon', node: 'node-1', unschedulable: true });
    expect(r.result.output).toEqual(['node/node-1 cordoned']);
    let n = getObject(r.state, 'Node', 'node-1')!;
    expect(n.spec.unschedulable).toBe(true);
    expect(n.spec.taints).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2025-01-01T00:00:00Z' }]);
    expect(run(r.state, { type: 'cordon', node: 'node-1', unschedulable: true }).result.output).toEqual(['node/node-1 already cordoned']);
    r = run(r.state, { type: 'cordon', node: 'node-1', unschedulable: false });
    expect(r.result.output).toEqual(['node/node-1 uncordoned']);
    n = getObject(r.state, 'Node', 'node-1')!;
    expect(n.spec.unschedulable).toBeUndefined();
    expect(n.spec.taints).toBeUndefined();
    expect(run(r.state, { type: 'cordon', node: 'node-1', unschedulable: false }).result.output).toEqual(['node/node-1 already uncordoned']);
    expect(run(r.state, { type: 'cordon', node: 'node-7', unschedulable: true }).result.errors).toEqual(['Error from server (NotFound): nodes "node-7" not found']);
  });

  it('a cordoned node gets no new pods but keeps its own', () => {
    let s = create(createCluster(), pod('old', { nodeName: 'node-1' }));
    s = run(s, { type: 'cordon', node: 'node-1', unschedulable: true }).state;
    s = create(s, ...Array.from({ length: 6 }, (_, i) => pod(`new-${i}`)));
    expect(listObjects(s, 'Pod').filter((p) => p.metadata.name.startsWith('new-') && p.spec.nodeName === 'node-1')).toEqual([]);
    expect(getPod(s, 'old')!.metadata.deletionTimestamp).toBeUndefined();
  });
});

describe('drain', () => {
  it('refuses unmanaged and DaemonSet pods without flags, in kubectl words (the node stays cordoned)', () => {
    const s = workloads();
    const ds = podsOn(s, 'node-1', 'ds-');
    expect(ds).toHaveLength(1);
    const dsName = `default/${ds[0].metadata.name}`;
    const r = run(s, { type: 'drain', node: 'node-1' });
    expect(r.result.output).toEqual(['node/node-1 cordoned']);
    // Messages in the order of the first pod that hit them (pods sorted by namespace/name: bare < ds-…).
    const errs = [
      'cannot delete Pods declare no controller (use --force to override): default/bare',
      `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${dsName}`,
    ];
    expect(r.result.errors).toEqual([
      `error: unable to drain node "node-1" due to error: [${errs.join(', ')}], continuing command...`,
      'There are pending nodes to be drained:',
      ' node-1',
      ...errs,
    ]);
    expect(getObject(r.state, 'Node', 'node-1')!.spec.unschedulable).toBe(true);
    expect(getPod(r.state, 'bare')!.metadata.deletionTimestamp).toBeUndefined();
  });

  it('one kind of problem: a single error, not a list', () => {
    const s = workloads();
    const r = run(s, { type: 'drain', node: 'node-1', ignoreDaemonSets: true });
    expect(r.result.errors).toEqual([
      'error: unable to drain node "node-1" due to error: cannot delete Pods declare no controller (use --force to override): default/bare, continuing command...',
      'There are pending nodes to be drained:',
      ' node-1',
      'cannot delete Pods declare no controller (use --force to override): default/bare',
    ]);
  });

  it('--ignore-daemonsets --force: evicts everything but the DaemonSet pod, which is left running', () => {
    const s = workloads();
    const ds = podsOn(s, 'node-1', 'ds-')[0];
    const rs = podsOn(s, 'node-1', 'kubia-');
    const r = run(s, { type: 'drain', node: 'node-1', ignoreDaemonSets: true, force: true });
    expect(r.result.errors).toEqual([]);
    const names = ['bare', ...rs.map((p) => p.metadata.name)].sort();
    expect(r.result.warnings).toEqual([
      `Warning: deleting Pods that declare no controller: default/bare; ignoring DaemonSet-managed Pods: default/${ds.metadata.name}`,
    ]);
    expect(r.result.output).toEqual([
      'node/node-1 cordoned',
      ...names.map((n) => `evicting pod default/${n}`),
      ...names.map((n) => `pod/${n} evicted`),
      'node/node-1 drained',
    ]);
    expect(getPod(r.state, 'bare')!.metadata.deletionTimestamp).toBeDefined();
    expect(podCondition(r.state, 'bare', 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'EvictionByEvictionAPI' });
    expect(getPod(r.state, ds.metadata.name)!.metadata.deletionTimestamp).toBeUndefined();
    // The kubelet finishes the graceful deletions; the ReplicaSet's replacements land on other nodes.
    const after = advance(r.state, 60_000);
    expect(getPod(after, 'bare')).toBeUndefined();
    const kubia = listObjects(after, 'Pod').filter((p) => p.metadata.name.startsWith('kubia-'));
    expect(kubia).toHaveLength(3);
    expect(kubia.every((p) => p.spec.nodeName !== 'node-1')).toBe(true);
    expect(getPod(after, ds.metadata.name)).toBeDefined();
  });

  it('a node with only managed pods drains without flags; --grace-period is passed to the eviction', () => {
    let s = create(createCluster(), pod('rs-pod', { nodeName: 'node-3', owner: { kind: 'ReplicaSet', name: 'gone', uid: 'u-1' } }));
    s = advance(s, 5_000);
    const r = run(s, { type: 'drain', node: 'node-3', gracePeriodSeconds: 5 });
    expect(r.result.output).toEqual(['node/node-3 cordoned', 'evicting pod default/rs-pod', 'pod/rs-pod evicted', 'node/node-3 drained']);
    expect(getPod(r.state, 'rs-pod')!.metadata.deletionGracePeriodSeconds).toBe(5);
  });

  it('an empty node drains at once; unknown nodes are NotFound', () => {
    const s = createCluster();
    expect(run(s, { type: 'drain', node: 'node-2' }).result.output).toEqual(['node/node-2 cordoned', 'node/node-2 drained']);
    expect(run(s, { type: 'drain', node: 'nope' }).result).toMatchObject({ output: [], errors: ['Error from server (NotFound): nodes "nope" not found'] });
  });
});
