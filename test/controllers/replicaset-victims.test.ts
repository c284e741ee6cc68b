import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/cluster/api/types.js';
import { getPodsToDelete, podDeletionCost, POD_DELETION_COST } from '../../src/cluster/controllers/replicaset-victims.js';
import { rfc3339 } from '../../src/cluster/util/time.js';

const NOW = Date.UTC(2025, 0, 1, 1, 0, 0);
const MIN = 60_000;

interface PodOpts {
  node?: string;
  phase?: Pod['status']['phase'];
  ready?: boolean;
  readyAgo?: number;
  createdAgo?: number;
  restarts?: number;
  cost?: string;
  uid?: string;
}

function pod(name: string, o: PodOpts = {}): Pod {
  const phase = o.phase ?? 'Running';
  const ready = o.ready ?? phase === 'Running';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: o.uid ?? `uid-${name}`,
      creationTimestamp: rfc3339(NOW - (o.createdAgo ?? 30 * MIN)),
      ...(o.cost !== undefined ? { annotations: { [POD_DELETION_COST]: o.cost } } : {}),
    },
    spec: { containers: [{ name: 'main', image: 'luksa/kubia' }], ...(o.node ? { nodeName: o.node } : {}) },
    status: {
      phase,
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: rfc3339(NOW - (o.readyAgo ?? 20 * MIN)) }],
      containerStatuses: [{ name: 'main', state: {}, lastState: {}, ready, restartCount: o.restarts ?? 0, image: 'luksa/kubia', imageID: '' }],
    },
  };
}

const order = (pods: Pod[], related: Pod[] = []) => getPodsToDelete(pods, related, pods.length - 1, NOW).map((p) => p.metadata.name);

describe('ReplicaSet scale-down victim order (ActivePodsWithRanks)', () => {
  it('1. unscheduled pods before scheduled ones', () => {
    expect(order([pod('bound', { node: 'n1', phase: 'Pending', ready: false }), pod('unbound', { phase: 'Pending', ready: false }), pod('x', { node: 'n1' })])[0]).toBe('unbound');
  });

  it('2. Pending < Unknown < Running', () => {
    const pods = [pod('running', { node: 'n1' }), pod('unknown', { node: 'n1', phase: 'Unknown', ready: false }), pod('pending', { node: 'n1', phase: 'Pending', ready: false }), pod('keep', { node: 'n1' })];
    expect(order(pods)).toEqual(['pending', 'unknown', 'running']);
  });

  it('3. not ready before ready', () => {
    expect(order([pod('ready', { node: 'n1' }), pod('not-ready', { node: 'n1', ready: false }), pod('keep', { node: 'n1', readyAgo: 50 * MIN })])[0]).toBe('not-ready');
  });

  it('4. lower controller.kubernetes.io/pod-deletion-cost first; an unparsable cost counts as 0', () => {
    const pods = [pod('cheap', { node: 'n1', cost: '-5', readyAgo: 50 * MIN }), pod('dear', { node: 'n1', cost: '100', readyAgo: 1 * MIN }), pod('zero', { node: 'n1', cost: 'lots' })];
    expect(order(pods)).toEqual(['cheap', 'zero']);
    expect(podDeletionCost(pods[2])).toBe(0);
    expect(podDeletionCost(pod('big', { cost: '2147483648' }))).toBe(0);
  });

  it('5. pods doubled up on a node with more related pods first', () => {
    const a = pod('alone', { node: 'n1', readyAgo: 1 * MIN });
    const b = pod('crowded', { node: 'n2', readyAgo: 50 * MIN });
    const related = [a, b, pod('sibling-1', { node: 'n2' }), pod('sibling-2', { node: 'n2' })];
    expect(getPodsToDelete([a, b], related, 1, NOW).map((p) => p.metadata.name)).toEqual(['crowded']);
    // Without related pods (a ReplicaSet no Deployment owns) every rank is 0 and readiness age decides.
    expect(getPodsToDelete([a, b], [], 1, NOW).map((p) => p.metadata.name)).toEqual(['alone']);
  });

  it('6. both ready: ready more recently first, compared in powers of two of the time since', () => {
    expect(order([pod('old', { node: 'n1', readyAgo: 50 * MIN }), pod('recent', { node: 'n1', readyAgo: 1 * MIN }), pod('keep', { node: 'n1', readyAgo: 50 * MIN, uid: 'zzz' })])[0]).toBe('recent');
    // 40 and 41 minutes ago fall in the same log2 bucket: the uid decides.
    const pods = [pod('p40', { node: 'n1', readyAgo: 40 * MIN, uid: 'b' }), pod('p41', { node: 'n1', readyAgo: 41 * MIN, uid: 'a' })];
    expect(getPodsToDelete(pods, [], 1, NOW)[0].metadata.name).toBe('p41');
  });

  it('7. more container restarts first', () => {
    const pods = [pod('calm', { node: 'n1' }), pod('flaky', { node: 'n1', restarts: 4 }), pod('keep', { node: 'n1' })];
    expect(order(pods)[0]).toBe('flaky');
  });

  it('8. newer pods first (log2 buckets of age, then uid)', () => {
    const pods = [
      pod('old', { node: 'n1', createdAgo: 50 * MIN, ready: false }),
      pod('new', { node: 'n1', createdAgo: 1 * MIN, ready: false }),
      pod('keep', { node: 'n1', createdAgo: 50 * MIN, ready: false, uid: 'zzz' }),
    ];
    expect(order(pods)).toEqual(['new', 'old']);
  });

  it('returns every pod when all must go, and keeps the order of full ties', () => {
    const pods = [pod('a', { node: 'n1' }), pod('b', { node: 'n1' })];
    expect(getPodsToDelete(pods, [], 5, NOW).map((p) => p.metadata.name)).toEqual(['a', 'b']);
    expect(getPodsToDelete(pods, [], 1, NOW).map((p) => p.metadata.name)).toEqual(['a']);
  });
});
