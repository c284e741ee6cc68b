// The node lifecycle controller (pkg/controller/nodelifecycle/node_lifecycle_controller.go), reconciling one node:
// - monitorNodeHealth: a node whose kubelet stopped renewing its Lease is noticed at the first monitor tick
//   (every --node-monitor-period) at or after lastHeartbeat + --node-monitor-grace-period. Its Ready, MemoryPressure,
//   DiskPressure and PIDPressure conditions become Unknown, event NodeNotReady, and MarkPodsNotReady
//   (pkg/controller/util/node/controller_utils.go) turns its pods unready. No polling: one timer at that tick.
// - when the kubelet posts status again (node restore): Ready=True and the NodeReady event.
// - doNoExecuteTaintingPass / doNoScheduleTaintingPass: the controller's taints follow the conditions
//   (Ready Unknown → unreachable, Ready False → not-ready, pressure conditions) and spec.unschedulable (cordon);
//   added taints carry timeAdded (SwapNodeControllerTaint).

import type { Node, NodeCondition, Pod, Taint } from '../api/types.js';
import type { Controller } from '../controller.js';
import { recordEvent } from '../events.js';
import { INDEX } from '../store.js';
import type { Tx } from '../tx.js';
import { rfc3339 } from '../util/time.js';
import { nodeRuntime, type NodeRuntime } from './node.js';
import {
  TAINT_NODE_DISK_PRESSURE,
  TAINT_NODE_MEMORY_PRESSURE,
  TAINT_NODE_NOT_READY,
  TAINT_NODE_PID_PRESSURE,
  TAINT_NODE_UNREACHABLE,
  TAINT_NODE_UNSCHEDULABLE,
} from './taints.js';

export const NODE_LIFECYCLE = 'node-lifecycle';
const NODE_CONTROLLER = 'node-controller';
const HEALTH_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

/** What the kubelet posts for a healthy node (kubelet_node_status.go setters). */
const KUBELET_CONDITIONS: Record<string, { status: 'True' | 'False'; reason: string; message: string }> = {
  MemoryPressure: { status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
  DiskPressure: { status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  PIDPressure: { status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
  Ready: { status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
};

export function nodeCondition(node: Node, type: string): NodeCondition | undefined {
  return node.status.conditions?.find((c) => c.type === type);
}

/** The last Lease renewal before `at`: renewals happen every nodeStatusUpdateMs since the kubelet started. */
export function lastHeartbeatBefore(rt: NodeRuntime, at: number, periodMs: number): number {
  return rt.lastHeartbeat + Math.floor(Math.max(0, at - rt.lastHeartbeat) / periodMs) * periodMs;
}

/** The first monitor tick at or after lastHeartbeat + grace: when the controller sees the node as lost. */
export function notReadyDetectionTime(tx: Tx, rt: NodeRuntime): number {
  const { nodeMonitorGracePeriodMs: grace, nodeMonitorPeriodMs: period } = tx.config;
  return Math.ceil((rt.lastHeartbeat + grace) / period) * period;
}

function recordNodeStatusChange(tx: Tx, node: Node, status: 'NodeNotReady' | 'NodeReady', component: string): void {
  recordEvent(tx, node, {
    type: 'Normal',
    reason: status,
    message: `Node ${node.metadata.name} status is now: ${status}`,
    component,
    ...(component === 'kubelet' ? { host: node.metadata.name } : {}),
  });
}

/** MarkPodsNotReady: Ready (and ContainersReady, and every container) False, with a Warning per pod changed. */
export function markPodsNotReady(tx: Tx, nodeName: string): void {
  const now = rfc3339(tx.now);
  for (const key of tx.members(INDEX.podsByNode, nodeName)) {
    const pod = tx.obj('Pod', key);
    const ready = pod?.status.conditions?.find((c) => c.type === 'Ready');
    if (!pod || !ready || ready.status === 'False') continue;
    const updated = tx.update('Pod', key, (p) => {
      for (const c of p.status.conditions ?? []) {
        if ((c.type === 'Ready' || c.type === 'ContainersReady') && c.status !== 'False') {
          c.status = 'False';
          c.lastTransitionTime = now;
        }
      }
      for (const cs of p.status.containerStatuses ?? []) cs.ready = false;
    });
    recordEvent(tx, (updated ?? pod) as Pod, { type: 'Warning', reason: 'NodeNotReady', message: 'Node is not ready', component: NODE_CONTROLLER });
  }
}

function markUnknown(tx: Tx, node: Node): void {
  const now = rfc3339(tx.now);
  const wasReady = nodeCondition(node, 'Ready')?.status === 'True';
  const updated = tx.update('Node', node.metadata.name, (n) => {
    for (const c of n.status.conditions ?? []) {
      if (!HEALTH_CONDITIONS.includes(c.type) || c.status === 'Unknown') continue;
      c.status = 'Unknown';
      c.reason = 'NodeStatusUnknown';
      c.message = 'Kubelet stopped posting node status.';
      c.lastTransitionTime = now;
    }
  })!;
  if (wasReady) {
    recordNodeStatusChange(tx, updated, 'NodeNotReady', NODE_CONTROLLER);
    markPodsNotReady(tx, node.metadata.name);
  }
}

/** The kubelet is back and posts its conditions (kubelet_node_status.go); the event is the kubelet's. */
function markReady(tx: Tx, node: Node): void {
  const now = rfc3339(tx.now);
  const updated = tx.update('Node', node.metadata.name, (n) => {
    for (const c of n.status.conditions ?? []) {
      const want = KUBELET_CONDITIONS[c.type];
      if (!want) continue;
      if (c.status !== want.status) c.lastTransitionTime = now;
      c.status = want.status;
      c.reason = want.reason;
      c.message = want.message;
      c.lastHeartbeatTime = now;
    }
  })!;
  recordNodeStatusChange(tx, updated, 'NodeReady', 'kubelet');
}

function monitorNodeHealth(tx: Tx, node: Node, rt: NodeRuntime): void {
  const ready = nodeCondition(node, 'Ready');
  if (!rt.kubeletUp) {
    const due = notReadyDetectionTime(tx, rt);
    if (tx.now < due) tx.at(due, NODE_LIFECYCLE, node.metadata.name);
    else if (ready && ready.status !== 'Unknown') markUnknown(tx, node);
  } else if (ready?.status === 'Unknown') {
    markReady(tx, node);
  }
}

const CONDITION_TAINTS: Record<string, Partial<Record<NodeCondition['status'], string>>> = {
  Ready: { False: TAINT_NODE_NOT_READY, Unknown: TAINT_NODE_UNREACHABLE },
  MemoryPressure: { True: TAINT_NODE_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_NODE_DISK_PRESSURE },
  PIDPressure: { True: TAINT_NODE_PID_PRESSURE },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
};
const NO_SCHEDULE_KEYS = new Set([...Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)), TAINT_NODE_UNSCHEDULABLE]);
const NO_EXECUTE_KEYS = new Set([TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE]);

/** The taints this controller owns, as they should be now: [NoExecute…, NoSchedule…] by key. */
function desiredTaints(node: Node): { noExecute: string[]; noSchedule: string[] } {
  const ready = nodeCondition(node, 'Ready')?.status;
  const noExecute = ready === 'Unknown' ? [TAINT_NODE_UNREACHABLE] : ready === 'False' ? [TAINT_NODE_NOT_READY] : [];
  const noSchedule: string[] = [];
  for (const c of node.status.conditions ?? []) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) noSchedule.push(key);
  }
  if (node.spec.unschedulable) noSchedule.push(TAINT_NODE_UNSCHEDULABLE);
  return { noExecute, noSchedule };
}

/** Swaps controller taints so they match the node's conditions; other taints are left alone, in place. */
function syncTaints(tx: Tx, node: Node): void {
  const { noExecute, noSchedule } = desiredTaints(node);
  const have = node.spec.taints ?? [];
  const owned = (t: Taint) => (t.effect === 'NoExecute' ? NO_EXECUTE_KEYS.has(t.key) : t.effect === 'NoSchedule' && NO_SCHEDULE_KEYS.has(t.key));
  const wanted = (t: Taint) => (t.effect === 'NoExecute' ? noExecute.includes(t.key) : noSchedule.includes(t.key));
  const kept = have.filter((t) => !owned(t) || wanted(t));
  const now = rfc3339(tx.now);
  const added: Taint[] = [];
  for (const key of noExecute) if (!have.some((t) => t.key === key && t.effect === 'NoExecute')) added.push({ key, effect: 'NoExecute', timeAdded: now });
  for (const key of noSchedule) if (!have.some((t) => t.key === key && t.effect === 'NoSchedule')) added.push({ key, effect: 'NoSchedule', timeAdded: now });
  if (kept.length === have.length && added.length === 0) return;
  tx.update('Node', node.metadata.name, (n) => {
    const next = [...kept, ...added];
    if (next.length) n.spec.taints = next;
    else delete n.spec.taints;
  });
}

export const nodeLifecycle: Controller = {
  name: NODE_LIFECYCLE,
  watches: {
    Node: (tx, _old, n) => {
      if (n) tx.enqueue(NODE_LIFECYCLE, n.metadata.name);
    },
  },
  reconcile(tx, name) {
    const node = tx.obj('Node', name);
    if (!node) return;
    const rt = nodeRuntime(tx, name);
    if (rt) monitorNodeHealth(tx, node, rt);
    syncTaints(tx, tx.obj('Node', name)!);
  },
};
