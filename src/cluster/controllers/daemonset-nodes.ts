// Which nodes a DaemonSet's pod should run on, after pkg/controller/daemon/daemon_controller.go
// NodeShouldRunDaemonPod and pkg/controller/daemon/util/daemonset_util.go (the tolerations every daemon pod gets).

import type { DaemonSet, Node, Pod, Toleration } from '../api/types.js';
import { toleratesAny } from '../nodes/taints.js';
import { specMatchesNode } from '../scheduler/filters.js';

/**
 * AddOrUpdateDaemonPodTolerations: daemon pods tolerate a lost or unready node forever (no tolerationSeconds, so
 * they are never evicted from it), node pressure conditions, and cordon (`unschedulable`), so cordoned nodes
 * keep and still get their daemon pods.
 */
export const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

export function withDaemonTolerations(tolerations: Toleration[] | undefined): Toleration[] {
  const out = [...(tolerations ?? [])];
  for (const t of DAEMON_TOLERATIONS) {
    if (!out.some((o) => o.key === t.key && o.effect === t.effect && o.operator === t.operator)) out.push(t);
  }
  return out;
}

/** NodeShouldRunDaemonPod: shouldRun = may be placed there now; shouldContinueRunning = may stay. */
export function nodeShouldRunDaemonPod(ds: DaemonSet, node: Node): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const spec = ds.spec.template.spec;
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return { shouldRun: false, shouldContinueRunning: false };
  if (!specMatchesNode(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const tolerations = withDaemonTolerations(spec.tolerations);
  const taints = node.spec.taints ?? [];
  const untoleratedNoExecute = taints.some((t) => t.effect === 'NoExecute' && !toleratesAny(tolerations, t));
  const untoleratedNoSchedule = taints.some((t) => t.effect === 'NoSchedule' && !toleratesAny(tolerations, t));
  return { shouldRun: !untoleratedNoExecute && !untoleratedNoSchedule, shouldContinueRunning: !untoleratedNoExecute };
}

/** The node a daemon pod is meant for: bound node, or the matchFields metadata.name affinity the controller set. */
export function daemonPodTargetNode(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  for (const t of pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    const f = t.matchFields?.find((r) => r.key === 'metadata.name' && r.operator === 'In');
    if (f?.values?.[0]) return f.values[0];
  }
  return undefined;
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: pin the pod to one node through required node affinity. */
export function pinToNode(pod: Pod, node: string): void {
  pod.spec.affinity = {
    ...pod.spec.affinity,
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
      },
    },
  };
  pod.spec.tolerations = withDaemonTolerations(pod.spec.tolerations);
}
