// Node objects as a kubeadm/kind worker registers them (kubelet's initialNode + setNodeStatus), and the
// simulated machine behind each one (`nodeRuntime` table): is the kubelet running, which images it has, and
// the pod IP allocator for its podCIDR (10.244.<n>.0/24, as kube-controller-manager's range allocator hands out).

import type { Node } from '../api/types.js';
import { createObject } from '../apiserver.js';
import type { Tx } from '../tx.js';
import { rfc3339 } from '../util/time.js';

export const NODE_RUNTIME = 'nodeRuntime';
export const KUBELET_VERSION = 'v1.32.0';

export interface NodeRuntime {
  /** False while the machine is powered off (`node kill`). */
  kubeletUp: boolean;
  /** When the kubelet last renewed its Lease (every 10s while up). */
  lastHeartbeat: number;
  /** When it was powered off, if it is. */
  killedAt?: number;
  /** Third octet of the podCIDR. */
  cidrIndex: number;
  /** Next host number to hand out in the podCIDR (2..254, wrapping). */
  nextIP: number;
  /** Images present on the machine (pulled or preloaded). */
  images: Record<string, true>;
}

export function nodeRuntime(tx: Tx, node: string): NodeRuntime | undefined {
  return tx.get<NodeRuntime>(NODE_RUNTIME, node);
}

/** `10.244.<n>.0/24` as kind's kube-controller-manager allocates; past 10.244.255 it continues into 10.245… (a /8). */
export function podCIDR(index: number): string {
  const block = 244 * 256 + index;
  return `10.${Math.floor(block / 256) % 256}.${block % 256}.0/24`;
}

/** The pod IP `host` (2..254) in node `index`'s podCIDR. */
export function podIP(index: number, host: number): string {
  return podCIDR(index).replace(/\.0\/24$/, `.${host}`);
}

/** Node addresses as a kind/minikube network hands them out: 192.168.49.2, .3, … continuing into .50.x. */
export function internalIP(index: number): string {
  const n = index + 1;
  return `192.168.${49 + Math.floor(n / 254)}.${(n % 254) + 1}`;
}

function readyConditions(now: string): Node['status']['conditions'] {
  const c = (type: string, status: 'True' | 'False', reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: now,
    lastTransitionTime: now,
    reason,
    message,
  });
  return [
    c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}

/** Registers a new Ready worker node with the default simulated machine size (4 cpu, 8Gi, 110 pods). */
export function addNode(tx: Tx, name: string, labels: Record<string, string> = {}, preloadedImages: string[] = []): Node {
  // Node n gets the n-th /24 of the cluster CIDR, as the range allocator hands them out in order (never reused here).
  const cidrIndex = tx.nextSeq('node');
  const now = rfc3339(tx.now);
  const capacity = { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0' };
  const node: Node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: '',
      creationTimestamp: now,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...labels,
      },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: { podCIDR: podCIDR(cidrIndex), podCIDRs: [podCIDR(cidrIndex)] },
    status: {
      capacity,
      allocatable: { ...capacity },
      conditions: readyConditions(now),
      addresses: [
        { type: 'InternalIP', address: internalIP(cidrIndex) },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        architecture: 'amd64',
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.1.0-kubesim',
        kubeProxyVersion: KUBELET_VERSION,
        kubeletVersion: KUBELET_VERSION,
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
      },
    },
  };
  const runtime: NodeRuntime = {
    kubeletUp: true,
    lastHeartbeat: tx.now,
    cidrIndex,
    nextIP: 2,
    images: Object.fromEntries(preloadedImages.map((i) => [i, true as const])),
  };
  tx.set(NODE_RUNTIME, name, runtime);
  return createObject(tx, node);
}
