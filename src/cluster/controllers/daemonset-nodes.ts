// Which nodes a DaemonSet's pod should run on, after pkg/controller/daemon/daemon_controller.go
// NodeShouldRunDaemonPod and pkg/controller/daemon/util/daemonset_util.go (the tolerations every daemon pod gets).

import type { DaemonSet, Node, NodeSelectorRequirement, Pod, Taint, Toleration } from '../api/types.js';

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

export function tolerates(tolerations: Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

function matchesNodeRequirement(r: NodeSelectorRequirement, value: string | undefined): boolean {
  switch (r.operator) {
    case 'In':
      return value !== undefined && (r.values ?? []).includes(value);
    case 'NotIn':
      return value === undefined || !(r.values ?? []).includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && Number(value) > Number(r.values?.[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(r.values?.[0]);
    default:
      return false;
  }
}

/** nodeSelector + required node affinity (terms ORed, requirements ANDed), as the scheduler's NodeAffinity filter. */
export function podFitsNodeSelection(spec: Pod['spec'], node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return true;
  return terms.some(
    (t) =>
      (t.matchExpressions ?? []).every((r) => matchesNodeRequirement(r, labels[r.key])) &&
      (t.matchFields ?? []).every((r) => matchesNodeRequirement(r, r.key === 'metadata.name' ? node.metadata.name : undefined)),
  );
}

/** NodeShouldRunDaemonPod: shouldRun = may be placed there now; shouldContinueRunning = may stay. */
export function nodeShouldRunDaemonPod(ds: DaemonSet, node: Node): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const spec = ds.spec.template.spec;
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return { shouldRun: false, shouldContinueRunning: false };
  if (!podFitsNodeSelection(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const tolerations = withDaemonTolerations(spec.tolerations);
  const taints = node.spec.taints ?? [];
  const untoleratedNoExecute = taints.some((t) => t.effect === 'NoExecute' && !tolerates(tolerations, t));
  const untoleratedNoSchedule = taints.some((t) => t.effect === 'NoSchedule' && !tolerates(tolerations, t));
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
