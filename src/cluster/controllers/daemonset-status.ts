// DaemonSet status (daemon_controller.go updateDaemonSetStatus) and intstr percentages (GetScaledValueFromIntOrPercent).

import type { DaemonSet, Node, Pod } from '../api/types.js';
import { daemonPodTargetNode, nodeShouldRunDaemonPod } from './daemonset-nodes.js';
import { isPodAvailable, isPodReady } from './shared/pods.js';
import { REVISION_LABEL } from './shared/revision.js';

export function intOrPercent(v: number | string, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v.trim());
  if (!m) return Number(v) || 0;
  const x = (parseInt(m[1], 10) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

export function daemonSetStatus(ds: DaemonSet, nodes: Node[], pods: Pod[], hash: string, now: number): DaemonSet['status'] {
  const minReady = ds.spec.minReadySeconds ?? 0;
  const byNode = new Map<string, Pod[]>();
  for (const p of pods) {
    if (p.metadata.deletionTimestamp || p.status.phase === 'Failed' || p.status.phase === 'Succeeded') continue;
    const n = daemonPodTargetNode(p);
    if (n) (byNode.get(n) ?? byNode.set(n, []).get(n)!).push(p);
  }
  let desired = 0,
    current = 0,
    misscheduled = 0,
    ready = 0,
    available = 0,
    updated = 0;
  for (const node of nodes) {
    const here = (byNode.get(node.metadata.name) ?? []).sort(
      (a, b) => Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp),
    );
    const { shouldRun } = nodeShouldRunDaemonPod(ds, node);
    if (shouldRun) desired++;
    if (here.length === 0) continue;
    if (!shouldRun) {
      misscheduled++;
      continue;
    }
    current++;
    // The oldest pod on the node speaks for it (updateDaemonSetStatus).
    const oldest = here[0];
    if (isPodReady(oldest)) ready++;
    if (isPodAvailable(oldest, minReady, now)) available++;
    if (here.some((p) => p.metadata.labels?.[REVISION_LABEL] === hash)) updated++;
  }
  return {
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    observedGeneration: ds.metadata.generation,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    ...(desired - available > 0 ? { numberUnavailable: desired - available } : {}),
  };
}
