// Scoring the feasible nodes with the default profile's weights (default_plugins.go): TaintToleration ×3
// (fewest untolerated PreferNoSchedule taints), NodeResourcesFit LeastAllocated ×1, NodeResourcesBalancedAllocation
// ×1, PodTopologySpread ×2 (the system default constraint: spread a controller's pods over hostnames, maxSkew 3,
// ScheduleAnyway). Integer arithmetic as the plugins use int64; the best node wins and ties are broken at random
// (schedule_one.go selectHost) with the simulation's seeded RNG.

import type { Pod } from '../api/types.js';
import type { Tx } from '../tx.js';
import type { NodeInfo, SchedulerCache } from './cache.js';
import { controllerUid } from './cache.js';
import type { PodRequest } from './resources.js';

const MAX_NODE_SCORE = 100;
const WEIGHT = { TaintToleration: 3, NodeResourcesFit: 1, BalancedAllocation: 1, PodTopologySpread: 2 };
/** DefaultConstraints: kubernetes.io/hostname, maxSkew 3. */
const HOSTNAME_MAX_SKEW = 3;

/** ((allocatable − requested) × 100) / allocatable, 0 when over (leastRequestedScore). */
function leastRequested(alloc: number, requested: number): number {
  return alloc === 0 || requested > alloc ? 0 : Math.floor(((alloc - requested) * MAX_NODE_SCORE) / alloc);
}

function fraction(requested: number, alloc: number): number {
  return alloc === 0 ? 1 : Math.min(1, requested / alloc);
}

/**
 * LeastAllocated on cpu and memory (using the non-zero requests, so that pods without requests still spread)
 * plus BalancedAllocation: 100 × (1 − standard deviation of the cpu and memory fractions).
 */
function resourceScore(info: NodeInfo, req: PodRequest): number {
  const used = info.usage;
  const a = info.allocatable;
  const least = Math.floor((leastRequested(a.milliCPU, used.nonZeroMilliCPU + req.nonZeroMilliCPU) + leastRequested(a.memory, used.nonZeroMemory + req.nonZeroMemory)) / 2);
  const cpu = fraction(used.milliCPU + req.milliCPU, a.milliCPU);
  const mem = fraction(used.memory + req.memory, a.memory);
  const balanced = Math.floor((1 - Math.abs(cpu - mem) / 2) * MAX_NODE_SCORE);
  return WEIGHT.NodeResourcesFit * least + WEIGHT.BalancedAllocation * balanced;
}

function untoleratedPreferNoSchedule(pod: Pod, info: NodeInfo): number {
  let n = 0;
  for (const taint of info.node.spec.taints ?? []) {
    if (taint.effect !== 'PreferNoSchedule') continue;
    const tolerated = (pod.spec.tolerations ?? []).some(
      (t) =>
        (!t.effect || t.effect === 'PreferNoSchedule') &&
        (!t.key || t.key === taint.key) &&
        (t.operator === 'Exists' || (t.value ?? '') === (taint.value ?? '')),
    );
    if (!tolerated) n++;
  }
  return n;
}

/** Scores every feasible node and returns the chosen one. */
export function selectHost(tx: Tx, c: SchedulerCache, pod: Pod, req: PodRequest, feasible: NodeInfo[]): NodeInfo {
  if (feasible.length === 1) return feasible[0];
  const n = feasible.length;
  const total = new Float64Array(n);

  // TaintToleration: DefaultNormalizeScore(reverse) over untolerated PreferNoSchedule taints.
  let taintCounts: Int32Array | undefined;
  let maxTaints = 0;
  for (let i = 0; i < n; i++) {
    if (!feasible[i].node.spec.taints?.length) continue;
    const k = untoleratedPreferNoSchedule(pod, feasible[i]);
    if (k === 0) continue;
    (taintCounts ??= new Int32Array(n))[i] = k;
    if (k > maxTaints) maxTaints = k;
  }
  for (let i = 0; i < n; i++) {
    const t = taintCounts ? MAX_NODE_SCORE - Math.floor((MAX_NODE_SCORE * taintCounts[i]) / maxTaints) : MAX_NODE_SCORE;
    total[i] = WEIGHT.TaintToleration * t + resourceScore(feasible[i], req);
  }

  // PodTopologySpread: scoreForCount = count × log(domains + 2) + (maxSkew − 1), then normalized so that the
  // node with the fewest pods of this owner scores highest.
  const uid = controllerUid(pod);
  if (uid) {
    const counts = c.ownerSpread(uid);
    const weight = Math.log(n + 2);
    const raw = new Float64Array(n);
    for (let i = 0; i < n; i++) raw[i] = Math.round((counts.get(feasible[i].name) ?? 0) * weight + (HOSTNAME_MAX_SKEW - 1));
    let min = Infinity;
    let max = 0;
    for (const s of raw) {
      if (s < min) min = s;
      if (s > max) max = s;
    }
    for (let i = 0; i < n; i++) {
      const s = max === 0 ? MAX_NODE_SCORE : Math.floor((MAX_NODE_SCORE * (max + min - raw[i])) / max);
      total[i] += WEIGHT.PodTopologySpread * s;
    }
  }

  // selectHost picks uniformly among the top-scoring nodes; one draw from the seeded RNG does the same.
  let top = -Infinity;
  const best: number[] = [];
  for (let i = 0; i < n; i++) {
    if (total[i] > top) {
      top = total[i];
      best.length = 0;
    }
    if (total[i] === top) best.push(i);
  }
  return feasible[best.length === 1 ? best[0] : best[Math.floor(tx.random() * best.length)]];
}
