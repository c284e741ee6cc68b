// Test helpers: a State holding plain objects, laid out as src/cluster/store.ts reads it (buckets per table,
// row counts, and the podsByNode / dependents indexes that describe uses), plus small object builders.

import type {
  Container,
  ContainerStatus,
  Event,
  KubeObject,
  Node,
  Pod,
  PodCondition,
  ReplicaSet,
} from '../../src/cluster/api/types.js';
import type { State } from '../../src/cluster/state.js';
import { emptyState } from '../../src/cluster/state.js';
import { bucketOf, INDEX, keyOf } from '../../src/cluster/store.js';
import { rfc3339 } from '../../src/cluster/util/time.js';

/** 2025-01-01T00:00:00Z, the default simulation start. */
export const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
export const at = (secondsAfterT0: number) => rfc3339(T0 + secondsAfterT0 * 1000);

function group(state: State, index: string, g: string, member: string): void {
  const idx = (state.groups[index] ??= {});
  (idx[g] ??= {})[member] = true;
}

export function put(state: State, obj: KubeObject): void {
  const key = keyOf(obj);
  const table = (state.tables[obj.kind] ??= {});
  const bucket = (table[bucketOf(obj.kind, key)] ??= {});
  if (!(key in bucket)) state.counts[obj.kind] = (state.counts[obj.kind] ?? 0) + 1;
  bucket[key] = obj;
  if (obj.kind === 'Pod' && obj.spec.nodeName) group(state, INDEX.podsByNode, obj.spec.nodeName, key);
  for (const ref of obj.metadata.ownerReferences ?? []) group(state, INDEX.dependents, ref.uid, `${obj.kind}|${key}`);
}

/** A non-object row (e.g. the engine's `nodeRuntime` table). */
export function putRow(state: State, table: string, key: string, value: unknown): void {
  ((state.tables[table] ??= {})[bucketOf(table, key)] ??= {})[key] = value;
}

/** A State at `now` (seconds after T0) holding `objects`. */
export function stateWith(objects: KubeObject[], nowSeconds = 0): State {
  const state = emptyState({ start: T0 + nowSeconds * 1000 });
  for (const o of objects) put(state, o);
  return state;
}

export function container(name: string, image: string, extra: Partial<Container> = {}): Container {
  return { name, image, ...extra };
}

export function runningStatus(name: string, opts: Partial<ContainerStatus> & { startedAt?: string } = {}): ContainerStatus {
  const { startedAt, ...rest } = opts;
  return {
    name,
    state: { running: { startedAt: startedAt ?? at(5) } },
    lastState: {},
    ready: true,
    restartCount: 0,
    image: 'docker.io/luksa/kubia:latest',
    imageID: 'docker.io/luksa/kubia@sha256:3f28e304dc0f63dc30f273a4202096f0fa0d08510bd2ee7e1032ce600616de24',
    containerID: 'containerd://9f2a6c1e4b7d',
    started: true,
    ...rest,
  };
}

export function conditions(ready: boolean, at0 = at(1)): PodCondition[] {
  const c = (type: string, status: boolean): PodCondition => ({ type, status: status ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: at0 });
  return [c('PodReadyToStartContainers', true), c('Initialized', true), c('Ready', ready), c('ContainersReady', ready), c('PodScheduled', true)];
}

export function pod(name: string, over: { spec?: Partial<Pod['spec']>; status?: Partial<Pod['status']>; meta?: Partial<Pod['metadata']> } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: at(0), ...over.meta },
    spec: { containers: [container('kubia', 'luksa/kubia')], restartPolicy: 'Always', ...over.spec },
    status: { phase: 'Pending', ...over.status },
  };
}

/** A Running, Ready pod of one container on node-1. */
export function runningPod(name: string, over: Parameters<typeof pod>[1] = {}): Pod {
  return pod(name, {
    ...over,
    spec: { nodeName: 'node-1', ...over.spec },
    status: {
      phase: 'Running',
      conditions: conditions(true),
      hostIP: '192.168.49.2',
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      startTime: at(1),
      containerStatuses: [runningStatus('kubia')],
      ...over.status,
    },
  });
}

export function node(name: string, over: { labels?: Record<string, string>; unschedulable?: boolean; ready?: 'True' | 'False' | 'Unknown' | null } = {}): Node {
  const ready = over.ready === undefined ? 'True' : over.ready;
  const cond = (type: string, status: 'True' | 'False' | 'Unknown', reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: at(590),
    lastTransitionTime: at(10),
    reason,
    message,
  });
  const capacity = { cpu: '4', 'ephemeral-storage': '100Gi', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '8Gi', pods: '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `uid-${name}`,
      creationTimestamp: at(0),
      labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...over.labels },
    },
    spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], ...(over.unschedulable ? { unschedulable: true } : {}) },
    status: {
      capacity,
      allocatable: { ...capacity },
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        ...(ready === null ? [] : [cond('Ready', ready, ready === 'True' ? 'KubeletReady' : 'NodeStatusUnknown', ready === 'True' ? 'kubelet is posting ready status' : 'Kubelet stopped posting node status.')]),
      ],
      addresses: [
        { type: 'InternalIP', address: '192.168.49.2' },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        architecture: 'amd64',
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.1.0-kubesim',
        kubeProxyVersion: 'v1.32.0',
        kubeletVersion: 'v1.32.0',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
      },
    },
  };
}

export function replicaSet(name: string, over: { replicas?: number; status?: Partial<ReplicaSet['status']> } = {}): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: at(0), generation: 1 },
    spec: {
      replicas: over.replicas ?? 3,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [container(name, `luksa/${name}`, { ports: [{ containerPort: 8080, protocol: 'TCP' }] })] },
      },
    },
    status: { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1, ...over.status },
  };
}

/** The pod a controller created: labelled, owned, Running. */
export function ownedPod(name: string, owner: { kind: string; name: string; uid: string; apiVersion: string }, labels: Record<string, string>, phase: Pod['status']['phase'] = 'Running'): Pod {
  return runningPod(name, {
    meta: { labels, ownerReferences: [{ ...owner, controller: true, blockOwnerDeletion: true }] },
    status: { phase },
  });
}

let eventSeq = 0;
export function event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string, first: number, last = first, count = 1, fieldPath?: string): Event {
  eventSeq++;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${obj.metadata.name}.${String(eventSeq).padStart(16, '0')}`, namespace: obj.metadata.namespace ?? 'default', uid: `ev-${eventSeq}`, creationTimestamp: at(first) },
    involvedObject: {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      ...(fieldPath ? { fieldPath } : {}),
    },
    reason,
    message,
    source: { component },
    firstTimestamp: at(first),
    lastTimestamp: at(last),
    count,
    type,
  };
}
