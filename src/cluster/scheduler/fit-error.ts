// FitError.Error() (pkg/scheduler/framework/types.go) and the DefaultPreemption PostFilter message
// (pkg/scheduler/framework/preemption/preemption.go, plugins/defaultpreemption):
//   0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector.
//   preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not
//   helpful for scheduling.
// The histogram counts every reason of every node, entries `<count> <reason>` sorted as strings.

import type { Pod } from '../api/types.js';
import type { FilterStatus } from './filters.js';

export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

export interface Diagnosis {
  numAllNodes: number;
  /** Nodes the filters looked at and rejected. */
  nodeToStatus: Map<string, FilterStatus>;
  /** The status of every node not in nodeToStatus (the NodeAffinity PreFilter left them out). */
  absentStatus?: FilterStatus;
  /** Set when a PreFilter plugin rejected the pod outright. */
  preFilterMsg?: string;
}

function histogram(counts: Map<string, number>): string {
  return [...counts].map(([reason, n]) => `${n} ${reason}`).sort().join(', ');
}

function add(counts: Map<string, number>, reason: string, n: number): void {
  counts.set(reason, (counts.get(reason) ?? 0) + n);
}

/**
 * The PostFilter message. Nodes rejected as UnschedulableAndUnresolvable cannot be helped by preemption; on the
 * others preemption would look for lower-priority victims. kubesim pods all share priority 0 (there are no
 * PriorityClasses), so there are never victims.
 */
export function preemptionMessage(pod: Pod, d: Diagnosis): string {
  if (pod.spec.preemptionPolicy === 'Never') return 'preemption: not eligible due to preemptionPolicy=Never.';
  const counts = new Map<string, number>();
  let helpable = 0;
  for (const s of d.nodeToStatus.values()) if (s.code === 'Unschedulable') helpable++;
  const absentHelpable = d.absentStatus?.code === 'Unschedulable' ? d.numAllNodes - d.nodeToStatus.size : 0;
  helpable += absentHelpable;
  if (helpable > 0) add(counts, 'No preemption victims found for incoming pod', helpable);
  if (d.numAllNodes - helpable > 0) add(counts, 'Preemption is not helpful for scheduling', d.numAllNodes - helpable);
  return `preemption: 0/${d.numAllNodes} nodes are available: ${histogram(counts)}.`;
}

export function fitErrorMessage(pod: Pod, d: Diagnosis): string {
  let msg = `0/${d.numAllNodes} nodes are available:`;
  if (d.preFilterMsg) {
    msg += ` ${d.preFilterMsg}.`;
  } else {
    const counts = new Map<string, number>();
    for (const s of d.nodeToStatus.values()) for (const r of s.reasons) add(counts, r, 1);
    const absent = d.numAllNodes - d.nodeToStatus.size;
    if (absent > 0 && d.absentStatus) for (const r of d.absentStatus.reasons) add(counts, r, absent);
    if (counts.size) msg += ` ${histogram(counts)}.`;
  }
  return `${msg} ${preemptionMessage(pod, d)}`;
}
