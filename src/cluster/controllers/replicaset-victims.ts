// Which pods a ReplicaSet deletes when it has too many: getPodsToDelete and getPodsRankedByRelatedPodsOnSameNode
// (pkg/controller/replicaset/replica_set.go) sorted by ActivePodsWithRanks.Less (pkg/controller/controller_utils.go,
// v1.32, with the PodDeletionCost and LogarithmicScaleDown feature gates on, as they are by default).

import type { Pod } from '../api/types.js';
import { isPodActive, isPodReady, podReadyCondition } from './shared/pods.js';

/** The annotation users set to say which pods to remove first (lower cost first). */
export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** helper.GetDeletionCostFromPodAnnotations: an int32 in decimal; anything else counts as 0. */
export function podDeletionCost(pod: Pod): number {
  const v = pod.metadata.annotations?.[POD_DELETION_COST];
  if (v === undefined || !/^[+-]?\d+$/.test(v.trim())) return 0;
  const n = Number(v.trim());
  return n >= -(2 ** 31) && n < 2 ** 31 ? n : 0;
}

function maxContainerRestarts(pod: Pod): number {
  let max = 0;
  for (const c of pod.status.containerStatuses ?? []) max = Math.max(max, c.restartCount);
  return max;
}

/** When the pod last became Ready, or undefined (Go's zero time) if it is not ready. */
function podReadyTime(pod: Pod): number | undefined {
  if (!isPodReady(pod)) return undefined;
  const t = podReadyCondition(pod)?.lastTransitionTime;
  return t ? Date.parse(t) : undefined;
}

/** afterOrZero: is t1 after t2, with the zero time counting as after everything. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/** logarithmicRankDiff: compares how long ago two times were in powers of two of nanoseconds. */
function logarithmicRankDiff(t1: number, t2: number, now: number): number {
  const rank = (t: number) => {
    const dNanos = (now - t) * 1e6;
    return dNanos > 0 ? Math.floor(Math.log2(dNanos)) : -1;
  };
  return rank(t1) - rank(t2);
}

/** Newer first, bucketed by log2 of age; pods in the same bucket are ordered by uid. */
function newerFirst(a: Pod, b: Pod, ta: number | undefined, tb: number | undefined, now: number): boolean {
  if (ta === undefined || tb === undefined) return afterOrZero(ta, tb);
  const diff = logarithmicRankDiff(ta, tb, now);
  if (diff === 0) return a.metadata.uid < b.metadata.uid;
  return diff < 0;
}

export interface RankedPod {
  pod: Pod;
  /** Active pods of related ReplicaSets on the same node ("doubled-up" pods go first). */
  rank: number;
}

/** ActivePodsWithRanks.Less: true when `a` should be deleted before `b`. */
export function lessForDeletion(a: RankedPod, b: RankedPod, now: number): boolean {
  const pi = a.pod;
  const pj = b.pod;
  const ni = pi.spec.nodeName ?? '';
  const nj = pj.spec.nodeName ?? '';
  // 1. Unassigned < assigned.
  if (ni !== nj && (ni === '' || nj === '')) return ni === '';
  // 2. Pending < Unknown < Running.
  const oi = PHASE_ORDINAL[pi.status.phase] ?? 0;
  const oj = PHASE_ORDINAL[pj.status.phase] ?? 0;
  if (oi !== oj) return oi < oj;
  // 3. Not ready < ready.
  const ri = isPodReady(pi);
  const rj = isPodReady(pj);
  if (ri !== rj) return !ri;
  // 4. Lower pod-deletion-cost < higher.
  const ci = podDeletionCost(pi);
  const cj = podDeletionCost(pj);
  if (ci !== cj) return ci < cj;
  // 5. Doubled up < not doubled up.
  if (a.rank !== b.rank) return a.rank > b.rank;
  // 6. Both ready: ready more recently < ready longer.
  if (ri && rj) {
    const ti = podReadyTime(pi);
    const tj = podReadyTime(pj);
    if (ti !== tj) return newerFirst(pi, pj, ti, tj, now);
  }
  // 7. More container restarts < fewer (sidecar restarts are not simulated).
  const xi = maxContainerRestarts(pi);
  const xj = maxContainerRestarts(pj);
  if (xi !== xj) return xi > xj;
  // 8. Newer < older.
  const ti = Date.parse(pi.metadata.creationTimestamp);
  const tj = Date.parse(pj.metadata.creationTimestamp);
  if (ti !== tj) return newerFirst(pi, pj, Number.isNaN(ti) ? undefined : ti, Number.isNaN(tj) ? undefined : tj, now);
  return false;
}

/**
 * getPodsToDelete: the first `diff` of `pods` in deletion order. `related` are the pods of every ReplicaSet with
 * the same controlling owner (getIndirectlyRelatedPods); a ReplicaSet without an owner has none, so all ranks are 0.
 * Go's sort.Sort is not stable; a stable sort keeps the simulation deterministic.
 */
export function getPodsToDelete(pods: Pod[], related: Pod[], diff: number, now: number): Pod[] {
  if (diff >= pods.length) return pods.slice();
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (!isPodActive(p)) continue;
    const n = p.spec.nodeName ?? '';
    onNode.set(n, (onNode.get(n) ?? 0) + 1);
  }
  const ranked: RankedPod[] = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }));
  ranked.sort((a, b) => (lessForDeletion(a, b, now) ? -1 : lessForDeletion(b, a, now) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod);
}
