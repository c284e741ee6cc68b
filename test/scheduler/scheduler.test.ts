import { describe, expect, it } from 'vitest';
import { createCluster, transact } from '../../src/cluster/engine.js';
import { getObject, listObjects } from '../../src/cluster/store.js';
import { advance, create, eventReasons, eventsFor, getPod, pod, podCondition, run } from './fixtures.js';

const owner = { kind: 'ReplicaSet', name: 'kubia', uid: 'rs-uid-1' };

function failedMessage(s: ReturnType<typeof createCluster>, name: string): string | undefined {
  return eventsFor(s, 'Pod', name).find((e) => e.reason === 'FailedScheduling')?.message;
}

describe('scheduler: binding', () => {
  it('binds a pending pod: nodeName, PodScheduled=True and the Scheduled event', () => {
    const s = create(createCluster(), pod('web'));
    const p = getPod(s, 'web')!;
    expect(p.spec.nodeName).toMatch(/^node-[123]$/);
    expect(podCondition(s, 'web', 'PodScheduled')).toMatchObject({ status: 'True', lastTransitionTime: '2025-01-01T00:00:00Z' });
    const ev = eventsFor(s, 'Pod', 'web').find((e) => e.reason === 'Scheduled')!;
    expect(ev).toMatchObject({ type: 'Normal', message: `Successfully assigned default/web to ${p.spec.nodeName}`, source: { component: 'default-scheduler' } });
  });

  it('leaves pods of other schedulers and pods being deleted alone', () => {
    const s = create(createCluster(), pod('other', { spec: { schedulerName: 'my-scheduler' } }));
    expect(getPod(s, 'other')!.spec.nodeName).toBeUndefined();
    expect(eventsFor(s, 'Pod', 'other')).toEqual([]);
  });

  it("spreads a controller's pods over the nodes", () => {
    const pods = Array.from({ length: 6 }, (_, i) => pod(`kubia-${i}`, { owner }));
    const s = create(createCluster(), ...pods);
    const perNode = new Map<string, number>();
    for (const p of listObjects(s, 'Pod')) perNode.set(p.spec.nodeName!, (perNode.get(p.spec.nodeName!) ?? 0) + 1);
    expect([...perNode.values()].sort()).toEqual([2, 2, 2]);
  });

  it('prefers the least allocated node', () => {
    let s = create(createCluster(), pod('big', { nodeName: 'node-1', requests: { cpu: '3', memory: '6Gi' } }));
    s = create(s, pod('a'), pod('b'));
    expect(getPod(s, 'a')!.spec.nodeName).not.toBe('node-1');
    expect(getPod(s, 'b')!.spec.nodeName).not.toBe('node-1');
  });

  it('is deterministic for a seed', () => {
    const place = (seed: number) => {
      const s = create(createCluster({ seed }), ...Array.from({ length: 5 }, (_, i) => pod(`p${i}`)));
      return listObjects(s, 'Pod').map((p) => `${p.metadata.name}@${p.spec.nodeName}`).sort();
    };
    expect(place(3)).toEqual(place(3));
  });
});

describe('scheduler: filters and FailedScheduling', () => {
  it('NodeAffinity (nodeSelector): Pending, PodScheduled=False Unschedulable, Warning FailedScheduling', () => {
    const s = create(createCluster(), pod('ssd', { nodeSelector: { disk: 'ssd' } }));
    const msg =
      "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
    expect(getPod(s, 'ssd')!.spec.nodeName).toBeUndefined();
    expect(getPod(s, 'ssd')!.status.phase).toBe('Pending');
    expect(podCondition(s, 'ssd', 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg });
    expect(eventsFor(s, 'Pod', 'ssd')).toEqual([
      expect.objectContaining({ type: 'Warning', reason: 'FailedScheduling', message: msg, source: { component: 'default-scheduler' } }),
    ]);
  });

  it('TaintToleration and NodeAffinity together, histogram sorted as strings', () => {
    let s = run(createCluster(), { type: 'nodeKill', node: 'node-1' }).state;
    s = advance(s, 50_000);
    s = create(s, pod('pinned', { nodeSelector: { 'kubernetes.io/hostname': 'node-1' } }));
    expect(failedMessage(s, 'pinned')).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });

  it('user taints print key and value', () => {
    let s = transact(createCluster(), (tx) => {
      for (const n of ['node-1', 'node-2', 'node-3']) {
        tx.update('Node', n, (node) => {
          node.spec.taints = [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }];
        });
      }
    });
    s = create(s, pod('plain'), pod('tolerant', { spec: { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] } }));
    expect(failedMessage(s, 'plain')).toBe(
      '0/3 nodes are available: 3 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    expect(getPod(s, 'tolerant')!.spec.nodeName).toBeDefined();
  });

  it('NodeUnschedulable: cordoned nodes, unless the pod tolerates node.kubernetes.io/unschedulable', () => {
    let s = createCluster();
    for (const n of ['node-1', 'node-2', 'node-3']) s = run(s, { type: 'cordon', node: n, unschedulable: true }).state;
    s = create(
      s,
      pod('web'),
      pod('daemon', { spec: { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] } }),
    );
    expect(failedMessage(s, 'web')).toBe(
      '0/3 nodes are available: 3 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    expect(getPod(s, 'daemon')!.spec.nodeName).toBeDefined();
    // Uncordoning is a node event: the pod is retried once its 1 s back-off has passed.
    s = run(s, { type: 'cordon', node: 'node-2', unschedulable: false }).state;
    expect(getPod(s, 'web')!.spec.nodeName).toBeUndefined();
    s = advance(s, 1_000);
    expect(getPod(s, 'web')!.spec.nodeName).toBe('node-2');
  });

  it('NodeResourcesFit: Insufficient cpu / memory, and preemption finds no victims', () => {
    const s = create(
      createCluster(),
      pod('cpu', { requests: { cpu: '5' } }),
      pod('mem', { requests: { memory: '9Gi' } }),
      pod('both', { requests: { cpu: '4500m', memory: '10Gi' } }),
    );
    expect(failedMessage(s, 'cpu')).toBe(
      '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    );
    expect(failedMessage(s, 'mem')).toBe(
      '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    );
    expect(failedMessage(s, 'both')).toBe(
      '0/3 nodes are available: 3 Insufficient cpu, 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    );
  });

  it('NodeResourcesFit counts requests of pods already on the node, limits standing in for missing requests', () => {
    let s = create(createCluster({ nodes: 1 }), pod('a', { requests: { cpu: '3' } }));
    s = create(s, pod('b', { spec: { containers: [{ name: 'app', image: 'nginx', resources: { limits: { cpu: '1500m' } } }] } }));
    expect(getPod(s, 'a')!.spec.nodeName).toBe('node-1');
    expect(failedMessage(s, 'b')).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
  });

  it('Too many pods once allocatable pods are used up', () => {
    const many = Array.from({ length: 111 }, (_, i) => pod(`p-${String(i).padStart(3, '0')}`));
    const s = create(createCluster({ nodes: 1 }), ...many);
    expect(listObjects(s, 'Pod').filter((p) => p.spec.nodeName).length).toBe(110);
    const pending = listObjects(s, 'Pod').filter((p) => !p.spec.nodeName);
    expect(pending).toHaveLength(1);
    expect(failedMessage(s, pending[0].metadata.name)).toBe(
      '0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
  });

  it('NodePorts: one pod per node per hostPort', () => {
    const s = create(createCluster(), ...['a', 'b', 'c', 'd'].map((n) => pod(n, { hostPort: 8080 })));
    const nodes = ['a', 'b', 'c'].map((n) => getPod(s, n)!.spec.nodeName);
    expect(new Set(nodes).size).toBe(3);
    expect(failedMessage(s, 'd')).toBe(
      "0/3 nodes are available: 3 node(s) didn't have free ports for the requested pod ports. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    );
  });

  it('required node affinity with matchFields metadata.name (how DaemonSet pods are pinned)', () => {
    const affinity = (node: string) => ({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In' as const, values: [node] }] }],
        },
      },
    });
    const s = create(
      createCluster(),
      pod('pinned', { spec: { affinity: affinity('node-2') } }),
      pod('huge', { requests: { cpu: '8' }, spec: { affinity: affinity('node-3') } }),
    );
    expect(getPod(s, 'pinned')!.spec.nodeName).toBe('node-2');
    expect(failedMessage(s, 'huge')).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    );
  });

  it('required node affinity with matchExpressions (In, NotIn, Gt)', () => {
    let s = transact(createCluster(), (tx) => {
      tx.update('Node', 'node-3', (n) => {
        n.metadata.labels = { ...n.metadata.labels, zone: 'b', cores: '16' };
      });
    });
    const term = (exprs: { key: string; operator: 'In' | 'NotIn' | 'Gt'; values: string[] }[]) => ({
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: exprs }] } },
    });
    s = create(
      s,
      pod('in-b', { spec: { affinity: term([{ key: 'zone', operator: 'In', values: ['b'] }]) } }),
      pod('big-cores', { spec: { affinity: term([{ key: 'cores', operator: 'Gt', values: ['8'] }]) } }),
      pod('not-b', { spec: { affinity: term([{ key: 'zone', operator: 'NotIn', values: ['b'] }]) } }),
    );
    expect(getPod(s, 'in-b')!.spec.nodeName).toBe('node-3');
    expect(getPod(s, 'big-cores')!.spec.nodeName).toBe('node-3');
    expect(getPod(s, 'not-b')!.spec.nodeName).not.toBe('node-3');
  });

  it('preemptionPolicy: Never', () => {
    const s = create(createCluster(), pod('np', { requests: { cpu: '5' }, spec: { preemptionPolicy: 'Never' } }));
    expect(failedMessage(s, 'np')).toBe('0/3 nodes are available: 3 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.');
  });
});

describe('scheduler: retries', () => {
  it('retries when a matching node is added (after the 1 s back-off)', () => {
    let s = create(createCluster(), pod('ssd', { nodeSelector: { disk: 'ssd' } }));
    s = advance(s, 30_000);
    const r = run(s, { type: 'nodeAdd', node: 'node-4', labels: { disk: 'ssd' } });
    expect(r.result.output).toEqual(['node/node-4 created']);
    s = r.state;
    expect(getPod(s, 'ssd')!.spec.nodeName).toBe('node-4');
    expect(podCondition(s, 'ssd', 'PodScheduled')).toMatchObject({ status: 'True' });
    expect(podCondition(s, 'ssd', 'PodScheduled')!.reason).toBeUndefined();
  });

  it('retries when capacity is freed by a pod going away', () => {
    let s = create(createCluster({ nodes: 1 }), pod('hog', { requests: { cpu: '3500m' } }));
    s = create(s, pod('wait', { requests: { cpu: '1' } }));
    expect(getPod(s, 'wait')!.spec.nodeName).toBeUndefined();
    s = transact(s, (tx) => {
      tx.remove('Pod', 'default/hog');
    });
    s = advance(s, 1_000);
    expect(getPod(s, 'wait')!.spec.nodeName).toBe('node-1');
  });

  it('a pod that still does not fit is retried every 5 minutes, and FailedScheduling aggregates', () => {
    let s = create(createCluster(), pod('ssd', { nodeSelector: { disk: 'ssd' } }));
    s = advance(s, 10 * 60_000 + 1_000);
    const ev = eventsFor(s, 'Pod', 'ssd').filter((e) => e.reason === 'FailedScheduling');
    expect(ev).toHaveLength(1);
    expect(ev[0].count).toBe(3);
    expect(ev[0].firstTimestamp).toBe('2025-01-01T00:00:00Z');
    expect(ev[0].lastTimestamp).toBe('2025-01-01T00:10:00Z');
  });

  it('a pod deleted while pending leaves the scheduling queue', () => {
    let s = create(createCluster(), pod('ssd', { nodeSelector: { disk: 'ssd' } }));
    s = transact(s, (tx) => {
      tx.remove('Pod', 'default/ssd');
    });
    expect(s.counts.schedulingQueue ?? 0).toBe(0);
    s = advance(s, 6 * 60_000);
    expect(getPod(s, 'ssd')).toBeUndefined();
  });

  it('no nodes at all: SchedulerError, then scheduled once a node registers', () => {
    let s = create(createCluster({ nodes: 0 }), pod('lonely'));
    expect(podCondition(s, 'lonely', 'PodScheduled')).toMatchObject({ status: 'False', reason: 'SchedulerError', message: 'no nodes available to schedule pods' });
    expect(eventReasons(s, 'Pod', 'lonely')).toEqual(['Warning FailedScheduling no nodes available to schedule pods']);
    s = run(s, { type: 'nodeAdd', node: 'node-1' }).state;
    s = advance(s, 1_000);
    expect(getPod(s, 'lonely')!.spec.nodeName).toBe('node-1');
  });

  it('keeps nodeUsage in step with pods', () => {
    let s = create(createCluster({ nodes: 1 }), pod('a', { requests: { cpu: '1', memory: '1Gi' }, hostPort: 80 }));
    expect(getObject(s, 'Node', 'node-1')).toBeDefined();
    const row = () => (s.tables.nodeUsage ? Object.values(s.tables.nodeUsage).flatMap((b) => Object.values(b)) : []);
    expect(row()).toEqual([
      expect.objectContaining({ pods: 1, milliCPU: 1000, memory: 2 ** 30, ports: { 'TCP/80': 1 } }),
    ]);
    s = transact(s, (tx) => {
      tx.update('Pod', 'default/a', (p) => {
        p.status.phase = 'Succeeded';
      });
    });
    expect(row()).toEqual([]);
  });
});
