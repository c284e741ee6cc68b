import { describe, expect, it } from 'vitest';
import type { Toleration } from '../../src/cluster/api/types.js';
import { createCluster } from '../../src/cluster/engine.js';
import type { SimConfig } from '../../src/cluster/state.js';
import { getObject, getRow } from '../../src/cluster/store.js';
import { advance, create, eventReasons, eventsFor, getPod, pod, podCondition, run } from '../scheduler/fixtures.js';

const UNREACHABLE = 'node.kubernetes.io/unreachable';
const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute' },
];

/** node-2 runs `web` (default tolerations), `short` (unreachable tolerated 60 s) and `ds` (tolerated forever). */
function cluster(config: Partial<SimConfig> = {}) {
  let s = createCluster({ config });
  s = create(
    s,
    pod('web', { nodeName: 'node-2' }),
    pod('short', { nodeName: 'node-2', spec: { tolerations: [{ key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }] } }),
    pod('ds', { nodeName: 'node-2', spec: { tolerations: DAEMON_TOLERATIONS } }),
    pod('elsewhere', { nodeName: 'node-1' }),
  );
  s = advance(s, 20_000);
  for (const p of ['web', 'short', 'ds']) expect(podCondition(s, p, 'Ready')?.status).toBe('True');
  return s;
}

const node2 = (s: ReturnType<typeof createCluster>) => getObject(s, 'Node', 'node-2')!;
const ready = (s: ReturnType<typeof createCluster>) => node2(s).status.conditions.find((c) => c.type === 'Ready')!;

describe('DefaultTolerationSeconds admission', () => {
  it('adds not-ready/unreachable NoExecute tolerations for 300 s, unless the pod already tolerates them', () => {
    const s = cluster();
    expect(getPod(s, 'web')!.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    expect(getPod(s, 'short')!.spec.tolerations).toEqual([
      { key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    expect(getPod(s, 'ds')!.spec.tolerations).toEqual(DAEMON_TOLERATIONS);
  });
});

describe('node kill: NotReady, pods unready, taints, taint-based eviction', () => {
  it('notices the lost node at the first monitor tick 50 s after the last heartbeat, not before', () => {
    let s = run(cluster(), { type: 'nodeKill', node: 'node-2' }).state; // t = 20 s, a heartbeat boundary
    s = advance(s, 49_900);
    expect(ready(s).status).toBe('True');
    expect(node2(s).spec.taints).toBeUndefined();
    s = advance(s, 100);
    expect(s.now - Date.UTC(2025, 0, 1)).toBe(70_000);
    for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      expect(node2(s).status.conditions.find((c) => c.type === type)).toMatchObject({
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
        lastTransitionTime: '2025-01-01T00:01:10Z',
      });
    }
    expect(eventsFor(s, 'Node', 'node-2').map((e) => [e.type, e.reason, e.message, e.source.component])).toContainEqual([
      'Normal',
      'NodeNotReady',
      'Node node-2 status is now: NodeNotReady',
      'node-controller',
    ]);
    expect(node2(s).spec.taints).toEqual([
      { key: UNREACHABLE, effect: 'NoExecute', timeAdded: '2025-01-01T00:01:10Z' },
      { key: UNREACHABLE, effect: 'NoSchedule', timeAdded: '2025-01-01T00:01:10Z' },
    ]);
    // MarkPodsNotReady: still Running, but not ready, with a Warning each.
    const web = getPod(s, 'web')!;
    expect(web.status.phase).toBe('Running');
    expect(podCondition(s, 'web', 'Ready')).toMatchObject({ status: 'False', lastTransitionTime: '2025-01-01T00:01:10Z' });
    expect(podCondition(s, 'web', 'ContainersReady')?.status).toBe('False');
    expect(web.status.containerStatuses?.every((c) => !c.ready)).toBe(true);
    expect(eventsFor(s, 'Pod', 'web').find((e) => e.reason === 'NodeNotReady')).toMatchObject({
      type: 'Warning',
      message: 'Node is not ready',
      source: { component: 'node-controller' },
    });
    expect(podCondition(s, 'elsewhere', 'Ready')?.status).toBe('True');
  });

  it('the last heartbeat is the last 10 s Lease renewal before the kill', () => {
    let s = advance(cluster(), 7_000); // t = 27 s; last renewal at 20 s
    s = run(s, { type: 'nodeKill', node: 'node-2' }).state;
    s = advance(s, 42_900);
    expect(ready(s).status).toBe('True');
    s = advance(s, 100);
    expect(ready(s).status).toBe('Unknown');
  });

  it('evicts each pod at taint time + its tolerationSeconds; DaemonSet-style tolerations are never evicted', () => {
    let s = run(cluster(), { type: 'nodeKill', node: 'node-2' }).state;
    s = advance(s, 50_000); // t = 70 s: tainted
    s = advance(s, 59_900);
    expect(getPod(s, 'short')!.metadata.deletionTimestamp).toBeUndefined();
    s = advance(s, 100); // t = 130 s
    const short = getPod(s, 'short')!;
    expect(short.metadata.deletionTimestamp).toBe('2025-01-01T00:02:40Z');
    expect(podCondition(s, 'short', 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    });
    expect(eventsFor(s, 'Pod', 'short').find((e) => e.reason === 'TaintManagerEviction')).toMatchObject({
      type: 'Normal',
      message: 'Marking for deletion Pod default/short',
      source: { component: 'taint-eviction-controller' },
    });
    s = advance(s, 239_900); // t = 369.9 s
    expect(getPod(s, 'web')!.metadata.deletionTimestamp).toBeUndefined();
    s = advance(s, 100); // t = 370 s = 70 s + 300 s
    expect(getPod(s, 'web')!.metadata.deletionTimestamp).toBeDefined();
    // The dead kubelet cannot finish the deletion: the pods stay, Terminating.
    s = advance(s, 3_600_000);
    expect(getPod(s, 'web')).toBeDefined();
    expect(getPod(s, 'short')).toBeDefined();
    expect(getPod(s, 'ds')!.metadata.deletionTimestamp).toBeUndefined();
    expect(eventsFor(s, 'Pod', 'ds').some((e) => e.reason === 'TaintManagerEviction')).toBe(false);
  });

  it('a pod that does not tolerate the taint at all is evicted as soon as the taint is added', () => {
    let s = create(
      createCluster(),
      pod('strict', { nodeName: 'node-2', spec: { tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 }, { key: UNREACHABLE, operator: 'Equal', value: 'x', effect: 'NoExecute' }] } }),
    );
    s = run(s, { type: 'nodeKill', node: 'node-2' }).state;
    s = advance(s, 50_000);
    expect(getPod(s, 'strict')!.metadata.deletionTimestamp).toBeDefined();
  });

  it('shorter --node-monitor-grace-period and --default-unreachable-toleration-seconds', () => {
    let s = run(cluster({ nodeMonitorGracePeriodMs: 20_000, defaultTolerationSeconds: 30 }), { type: 'nodeKill', node: 'node-2' }).state;
    s = advance(s, 19_900);
    expect(ready(s).status).toBe('True');
    s = advance(s, 100); // t = 40 s
    expect(ready(s).status).toBe('Unknown');
    s = advance(s, 29_900);
    expect(getPod(s, 'web')!.metadata.deletionTimestamp).toBeUndefined();
    s = advance(s, 100); // t = 70 s
    expect(getPod(s, 'web')!.metadata.deletionTimestamp).toBe('2025-01-01T00:01:40Z');
  });
});

describe('node restore', () => {
  it('Ready again, taints removed, pending evictions cancelled, kubelet resyncs the pods', () => {
    let s = run(cluster(), { type: 'nodeKill', node: 'node-2' }).state;
    s = advance(s, 80_000); // t = 100 s: NotReady since 70 s; `short` is due at 130 s, `web` at 370 s
    const r = run(s, { type: 'nodeRestore', node: 'node-2' });
    expect(r.result.output).toEqual(['node/node-2 powered on']);
    s = r.state;
    expect(ready(s)).toMatchObject({ status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastTransitionTime: '2025-01-01T00:01:40Z' });
    expect(node2(s).status.conditions.find((c) => c.type === 'MemoryPressure')).toMatchObject({ status: 'False', reason: 'KubeletHasSufficientMemory' });
    expect(node2(s).spec.taints).toBeUndefined();
    expect(eventsFor(s, 'Node', 'node-2').find((e) => e.reason === 'NodeReady')).toMatchObject({ message: 'Node node-2 status is now: NodeReady' });
    expect(eventReasons(s, 'Pod', 'web')).toContain('Normal TaintManagerEviction Cancelling deletion of Pod default/web');
    expect(eventReasons(s, 'Pod', 'short')).toContain('Normal TaintManagerEviction Cancelling deletion of Pod default/short');
    expect(eventReasons(s, 'Pod', 'ds').some((e) => e.includes('Cancelling'))).toBe(false);
    s = advance(s, 600_000);
    for (const p of ['web', 'short', 'ds']) {
      expect(getPod(s, p)!.metadata.deletionTimestamp).toBeUndefined();
      expect(podCondition(s, p, 'Ready')?.status).toBe('True');
    }
  });

  it('the kubelet removes pods that were evicted while it was down', () => {
    let s = run(cluster(), { type: 'nodeKill', node: 'node-2' }).state;
    s = advance(s, 120_000); // t = 140 s: `short` was evicted at 130 s
    expect(getPod(s, 'short')!.metadata.deletionTimestamp).toBeDefined();
    s = run(s, { type: 'nodeRestore', node: 'node-2' }).state;
    s = advance(s, 60_000);
    expect(getPod(s, 'short')).toBeUndefined();
    expect(getPod(s, 'web')).toBeDefined();
  });

  it('kill and restore before the grace period ends: the node never goes NotReady', () => {
    let s = run(cluster(), { type: 'nodeKill', node: 'node-2' }).state;
    s = advance(s, 30_000);
    s = run(s, { type: 'nodeRestore', node: 'node-2' }).state;
    s = advance(s, 60_000);
    expect(ready(s).status).toBe('True');
    expect(eventsFor(s, 'Node', 'node-2').some((e) => e.reason === 'NodeNotReady')).toBe(false);
  });
});

describe('node commands', () => {
  it('kill / restore print kubesim words; unknown nodes are NotFound', () => {
    const s = createCluster();
    expect(run(s, { type: 'nodeKill', node: 'node-3' }).result.output).toEqual(['node/node-3 powered off']);
    const rt = getRow<{ kubeletUp: boolean; killedAt?: number }>(run(s, { type: 'nodeKill', node: 'node-3' }).state, 'nodeRuntime', 'node-3')!;
    expect(rt).toMatchObject({ kubeletUp: false, killedAt: s.now });
    expect(run(s, { type: 'nodeKill', node: 'node-9' }).result.errors).toEqual(['Error from server (NotFound): nodes "node-9" not found']);
    expect(run(s, { type: 'nodeRestore', node: 'node-9' }).result.errors).toEqual(['Error from server (NotFound): nodes "node-9" not found']);
  });

  it('node add: created with labels; AlreadyExists; invalid names', () => {
    let s = createCluster();
    const r = run(s, { type: 'nodeAdd', node: 'node-4', labels: { disk: 'ssd' } });
    expect(r.result).toMatchObject({ output: ['node/node-4 created'], errors: [] });
    s = r.state;
    expect(getObject(s, 'Node', 'node-4')!.metadata.labels).toMatchObject({ disk: 'ssd', 'kubernetes.io/hostname': 'node-4' });
    expect(run(s, { type: 'nodeAdd', node: 'node-4' }).result.errors).toEqual(['Error from server (AlreadyExists): nodes "node-4" already exists']);
    expect(run(s, { type: 'nodeAdd', node: 'Node_4' }).result.errors[0]).toMatch(/^The Node "Node_4" is invalid: metadata.name: Invalid value: "Node_4": a lowercase RFC 1123 subdomain/);
  });

  it('node delete: the Node goes and pod GC force-deletes its pods at once', () => {
    let s = cluster();
    const r = run(s, { type: 'nodeDelete', node: 'node-2' });
    expect(r.result.output).toEqual(['node "node-2" deleted']);
    s = r.state;
    expect(getObject(s, 'Node', 'node-2')).toBeUndefined();
    expect(getRow(s, 'nodeRuntime', 'node-2')).toBeUndefined();
    for (const p of ['web', 'short', 'ds']) expect(getPod(s, p)).toBeUndefined();
    expect(getPod(s, 'elsewhere')).toBeDefined();
    expect(run(s, { type: 'nodeDelete', node: 'node-2' }).result.errors).toEqual(['Error from server (NotFound): nodes "node-2" not found']);
  });

  it('kubectl delete node goes the same way', () => {
    const r = run(cluster(), { type: 'delete', kind: 'Node', namespace: 'default', names: ['node-2'] });
    expect(r.result.output).toEqual(['node "node-2" deleted']);
    expect(getObject(r.state, 'Node', 'node-2')).toBeUndefined();
    expect(getPod(r.state, 'web')).toBeUndefined();
  });

  it('node delete while the node is dead removes its Terminating pods too', () => {
    let s = run(cluster(), { type: 'nodeKill', node: 'node-2' }).state;
    s = advance(s, 400_000);
    expect(getPod(s, 'web')!.metadata.deletionTimestamp).toBeDefined();
    s = run(s, { type: 'nodeDelete', node: 'node-2' }).state;
    expect(getPod(s, 'web')).toBeUndefined();
  });
});
