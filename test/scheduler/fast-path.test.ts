// The columnar Filter/Score loop (src/cluster/scheduler/fast-path.ts) against the general path (runFilters and
// selectHost over NodeInfo objects), which `useGeneralPathOnly(true)` makes the scheduler take for every pod.
// Random clusters (allocatable, taints of every effect, labels, cordoned nodes, pods already bound, some to a
// node that does not exist) and random pods; one transaction runs a random script — create pods, cordon, taint,
// resize or delete a node, add one, delete a pod — so the cache's columns and owner counts are patched between
// decisions; then a later transaction retries the pods that did not fit. Both paths must leave the same nodeName
// and PodScheduled message on every pod, the same scheduler events (FitError texts) and the same RNG state.
// The owners' pod counts per node, which both paths read, are checked against a recount after every step.

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Node, Pod, Taint, Toleration } from '../../src/cluster/api/types.js';
import { createObject } from '../../src/cluster/apiserver.js';
import { createCluster, dispatch, settle, transact } from '../../src/cluster/engine.js';
import { addNode } from '../../src/cluster/nodes/node.js';
import { schedulerCache } from '../../src/cluster/scheduler/cache.js';
import { useGeneralPathOnly } from '../../src/cluster/scheduler/scheduler.js';
import type { State } from '../../src/cluster/state.js';
import { listObjects } from '../../src/cluster/store.js';
import type { Tx } from '../../src/cluster/tx.js';
import { pod, runningPod, type PodOptions } from './fixtures.js';

const TAINTS: Taint[] = [
  { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
  { key: 'maint', effect: 'NoExecute' },
  { key: 'spot', value: 'yes', effect: 'PreferNoSchedule' },
  { key: 'old', effect: 'PreferNoSchedule' },
  { key: 'zone', value: 'a', effect: 'PreferNoSchedule' },
];
const TOLERATIONS: Toleration[] = [
  { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
  { key: 'maint', operator: 'Exists', effect: 'NoExecute' },
  { key: 'spot', operator: 'Exists' },
  { key: 'zone', operator: 'Equal', value: 'a', effect: 'PreferNoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  { operator: 'Exists' },
];
const LABELS: Record<string, string>[] = [{ disk: 'ssd' }, { zone: 'a' }, { zone: 'b' }];
const OWNERS = [0, 1, 2].map((i) => ({ kind: 'ReplicaSet', name: `rs-${i}`, uid: `rs-uid-${i}` }));

/** `value` about once in `n` draws, `otherwise` the rest of the time: most nodes and pods are plain ones. */
function sometimes<T, U>(n: number, value: fc.Arbitrary<T>, otherwise: U): fc.Arbitrary<T | U> {
  return fc.oneof({ arbitrary: value, weight: 1 }, { arbitrary: fc.constant(otherwise), weight: n - 1 });
}

const nodeSpec = (minPods: number, maxPods: number) =>
  fc.record({
    cpu: fc.constantFrom('500m', '1', '2', '4'),
    memory: fc.constantFrom('512Mi', '1Gi', '4Gi'),
    pods: fc.integer({ min: minPods, max: maxPods }),
    taints: sometimes(3, fc.subarray(TAINTS, { minLength: 1, maxLength: 2 }), [] as Taint[]),
    labels: fc.subarray(LABELS),
    unschedulable: sometimes(8, fc.constant(true), false),
  });
type NodeSpec = ReturnType<typeof nodeSpec> extends fc.Arbitrary<infer T> ? T : never;

const podSpec = fc.record({
  cpu: fc.option(fc.constantFrom('0', '100m', '300m', '1', '2')),
  memory: fc.option(fc.constantFrom('64Mi', '256Mi', '1Gi')),
  owner: fc.oneof({ arbitrary: fc.integer({ min: 0, max: OWNERS.length - 1 }), weight: 3 }, { arbitrary: fc.constant(null), weight: 1 }),
  tolerations: sometimes(3, fc.subarray(TOLERATIONS, { minLength: 1, maxLength: 2 }), [] as Toleration[]),
  hostPort: sometimes(6, fc.constantFrom(8080, 9090), null),
  nodeSelector: sometimes(6, fc.constantFrom(...LABELS), null),
  affinity: sometimes(8, fc.constantFrom('notInZoneB' as const, 'pinned' as const), null),
  node: fc.nat(),
});
type PodSpecArb = typeof podSpec extends fc.Arbitrary<infer T> ? T : never;

const step = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('create' as const), pods: fc.array(podSpec, { maxLength: 12 }) }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('cordon' as const), node: fc.nat(), on: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('taint' as const), node: fc.nat(), taints: fc.subarray(TAINTS, { maxLength: 2 }) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('resize' as const), node: fc.nat(), cpu: fc.constantFrom('1', '8'), pods: fc.integer({ min: 0, max: 20 }) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('deleteNode' as const), node: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('addNode' as const), name: fc.constantFrom('node-0', 'node-x', 'ghost') }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('deletePod' as const), pod: fc.nat() }), weight: 1 },
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function nodeNames(tx: Tx): string[] {
  return tx
    .objects('Node')
    .map((n) => n.metadata.name)
    .sort();
}

function toPod(name: string, p: PodSpecArb, names: string[], bound?: string): Pod {
  const requests: Record<string, string> = {};
  if (p.cpu) requests.cpu = p.cpu;
  if (p.memory) requests.memory = p.memory;
  const o: PodOptions = {
    requests: p.cpu || p.memory ? requests : undefined,
    owner: p.owner === null ? undefined : OWNERS[p.owner],
    hostPort: p.hostPort ?? undefined,
    nodeSelector: p.nodeSelector ?? undefined,
    spec: {},
  };
  if (p.tolerations.length) o.spec!.tolerations = p.tolerations;
  if (p.affinity === 'notInZoneB') {
    o.spec!.affinity = {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['b'] }] }] } },
    };
  } else if (p.affinity === 'pinned') {
    const values = [names[p.node % Math.max(1, names.length)] ?? 'ghost', 'ghost'];
    o.spec!.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values }] }] } } };
  }
  return bound ? runningPod(name, bound, o) : pod(name, o);
}

function setNode(tx: Tx, name: string, s: NodeSpec): void {
  tx.update('Node', name, (n) => {
    n.status.allocatable = { ...n.status.allocatable, cpu: s.cpu, memory: s.memory, pods: String(s.pods) };
    n.spec.taints = s.taints.length ? s.taints.map((t) => ({ ...t })) : undefined;
    n.spec.unschedulable = s.unschedulable || undefined;
    n.metadata.labels = { ...n.metadata.labels, ...Object.assign({}, ...s.labels) };
  });
}

/** The starting cluster: nodes as specified and pods already bound (an index past the last node: a ghost node). */
function cluster(nodes: NodeSpec[], bound: PodSpecArb[], seed: number): State {
  return transact(createCluster({ nodes: nodes.length, seed }), (tx) => {
    const names = nodeNames(tx);
    nodes.forEach((s, i) => setNode(tx, `node-${i + 1}`, s));
    bound.forEach((p, i) => createObject(tx, toPod(`bound-${i}`, p, names, p.node % (names.length + 1) < names.length ? names[p.node % names.length] : 'ghost')));
  });
}

/**
 * The cache's per-owner counts (kept in step by the pod watcher, read by both paths alike) against a count of the
 * transaction's pods: bound, not finished and not being deleted, per node name (existing or not).
 */
function checkOwnerCounts(tx: Tx): void {
  const cache = schedulerCache(tx);
  for (const owner of OWNERS) {
    const want = new Map<string, number>(nodeNames(tx).map((n) => [n, 0]));
    for (const p of tx.objects('Pod')) {
      const terminal = p.status.phase === 'Succeeded' || p.status.phase === 'Failed';
      if (!p.spec.nodeName || terminal || p.metadata.deletionTimestamp) continue;
      if (p.metadata.ownerReferences?.find((r) => r.controller)?.uid !== owner.uid) continue;
      want.set(p.spec.nodeName, (want.get(p.spec.nodeName) ?? 0) + 1);
    }
    const slots = [...want.keys()].map((n) => cache.table.slotOf(n));
    const counts = cache.ownerSpread(owner.uid);
    expect(new Map([...want.keys()].map((n, i) => [n, counts[slots[i]]]))).toEqual(want);
  }
}

function runScript(start: State, steps: Step[], general: boolean): State {
  useGeneralPathOnly(general);
  let created = 0;
  const s = transact(start, (tx) => {
    for (const st of steps) {
      const names = nodeNames(tx);
      const nodeAt = (i: number) => names[i % Math.max(1, names.length)];
      if (st.op === 'create') st.pods.forEach((p) => createObject(tx, toPod(`p-${created++}`, p, names)));
      else if (st.op === 'cordon' && names.length) tx.update('Node', nodeAt(st.node), (n: Node) => void (n.spec.unschedulable = st.on || undefined));
      else if (st.op === 'taint' && names.length) tx.update('Node', nodeAt(st.node), (n: Node) => void (n.spec.taints = st.taints.map((t) => ({ ...t }))));
      else if (st.op === 'resize' && names.length) {
        tx.update('Node', nodeAt(st.node), (n: Node) => void (n.status.allocatable = { ...n.status.allocatable, cpu: st.cpu, pods: String(st.pods) }));
      } else if (st.op === 'deleteNode' && names.length) tx.remove('Node', nodeAt(st.node));
      else if (st.op === 'addNode' && !names.includes(st.name)) addNode(tx, st.name, { zone: 'a' });
      else if (st.op === 'deletePod') {
        const pods = tx.objects('Pod');
        if (pods.length) tx.remove('Pod', `default/${pods[st.pod % pods.length].metadata.name}`);
      }
      settle(tx);
      checkOwnerCounts(tx);
    }
  });
  // A later transaction (a new scheduler cache): pods that did not fit are retried after their back-off.
  return dispatch(s, { type: 'advance', ms: 11_000 }).state;
}

function outcome(s: State) {
  return {
    rng: s.rng,
    pods: listObjects(s, 'Pod')
      .map((p) => `${p.metadata.name} → ${p.spec.nodeName ?? '-'} ${p.status.conditions?.find((c) => c.type === 'PodScheduled')?.message ?? ''}`)
      .sort(),
    events: listObjects(s, 'Event')
      .filter((e) => e.source?.component === 'default-scheduler')
      .map((e) => `${e.involvedObject.name} ${e.reason} ×${e.count ?? 1} ${e.message}`)
      .sort(),
  };
}

/** How many decisions the runs made, so the test shows it compared both outcomes. */
const seen = { scheduled: 0, failed: 0 };

function samePlacement(nodes: NodeSpec[], bound: PodSpecArb[], steps: Step[], seed: number): void {
  const start = cluster(nodes, bound, seed);
  const fast = outcome(runScript(start, steps, false));
  const general = outcome(runScript(start, steps, true));
  expect(fast).toEqual(general);
  for (const e of fast.events) {
    if (e.includes(' Scheduled ')) seen.scheduled++;
    else if (e.includes(' FailedScheduling ')) seen.failed++;
  }
}

afterEach(() => useGeneralPathOnly(false));

describe('scheduler: the columnar fast path decides as the general path', () => {
  it('small clusters: every node is filtered', () => {
    fc.assert(
      fc.property(
        fc.array(nodeSpec(0, 8), { minLength: 1, maxLength: 8 }),
        fc.array(podSpec, { maxLength: 10 }),
        fc.array(step, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 1000 }),
        samePlacement,
      ),
      { numRuns: 150 },
    );
    expect(seen.scheduled).toBeGreaterThan(200);
    expect(seen.failed).toBeGreaterThan(100);
  });

  it('100+ nodes: the walk stops after numFeasibleNodesToFind and resumes at nextStartNodeIndex', () => {
    const before = { ...seen };
    fc.assert(
      fc.property(
        fc.array(nodeSpec(1, 3), { minLength: 100, maxLength: 130 }),
        fc.array(podSpec, { maxLength: 40 }),
        fc.array(podSpec, { minLength: 30, maxLength: 60 }),
        fc.array(step, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 1000 }),
        (nodes, bound, pods, steps, seed) => samePlacement(nodes, bound, [{ op: 'create', pods }, ...steps], seed),
      ),
      { numRuns: 12 },
    );
    expect(seen.scheduled - before.scheduled).toBeGreaterThan(200);
  });
});
