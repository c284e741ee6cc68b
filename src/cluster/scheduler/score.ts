// Scoring the feasible nodes with the default profile's weights (default_plugins.go): TaintToleration ×3
// (fewest untolerated PreferNoSchedule taints), NodeResourcesFit LeastAllocated ×1, NodeResourcesBalancedAllocation
// ×1, PodTopologySpread ×2 (the system default constraint: spread a controller's pods over hostnames, maxSkew 3,
// ScheduleAnyway). Integer arithmetic as the plugins use int64; the best node wins and ties are broken at random
// (schedule_one.go selectHost) with the simulation's seeded RNG.
//
// Two callers: selectHost below reads NodeInfo objects (the general path, for pods whose PreFilter names their
// nodes), selectHostColumnar (fast-path.ts) reads the NodeTable's columns. The arithmetic both use lives in the
// shared functions here, so the two cannot drift apart.

import type { Pod } from '../api/types.js';
import type { Tx } from '../tx.js';
import type { NodeInfo, SchedulerCache } from './cache.js';
import { controllerUid } from './cache.js';
import type { PodRequest } from './resources.js';

export const MAX_NODE_SCORE = 100;
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
 * plus BalancedAllocation: 100 × (1 − standard deviation of the cpu and memory fractions). Arguments: the node's
 * allocatable cpu and memory, its requested cpu, memory and non-zero cpu, memory.
 */
export function resourceScore(
  allocCPU: number,
  allocMemory: number,
  usedCPU: number,
  usedMemory: number,
  nonZeroCPU: number,
  nonZeroMemory: number,
  req: PodRequest,
): number {
  const least = Math.floor((leastRequested(allocCPU, nonZeroCPU + req.nonZeroMilliCPU) + leastRequested(allocMemory, nonZeroMemory + req.nonZeroMemory)) / 2);
  const cpu = fraction(usedCPU + req.milliCPU, allocCPU);
  const mem = fraction(usedMemory + req.memory, allocMemory);
  const balanced = Math.floor((1 - Math.abs(cpu - mem) / 2) * MAX_NODE_SCORE);
  return WEIGHT.NodeResourcesFit * least + WEIGHT.BalancedAllocation * balanced;
}

/** TaintToleration's normalized score (DefaultNormalizeScore, reversed) for `count` of at most `max` taints. */
export function taintScore(count: number, max: number): number {
  return max > 0 ? MAX_NODE_SCORE - Math.floor((MAX_NODE_SCORE * count) / max) : MAX_NODE_SCORE;
}

/** The score before weighting: the node's TaintToleration and resource scores. */
export function baseScore(taint: number, resources: number): number {
  return WEIGHT.TaintToleration * taint + resources;
}

/** PodTopologySpread's weight of one pod for `nodes` feasible nodes: log(domains + 2). */
export function spreadRawWeight(nodes: number): number {
  return Math.log(nodes + 2);
}

/** PodTopologySpread's raw score for `count` pods of the owner on a node (`weight` from spreadRawWeight). */
export function spreadRaw(count: number, weight: number): number {
  return Math.round(count * weight + (HOSTNAME_MAX_SKEW - 1));
}

/** PodTopologySpread's weighted, normalized score for a node's raw score: the fewest pods of the owner score highest. */
export function spreadScore(raw: number, min: number, max: number): number {
  const s = max === 0 ? MAX_NODE_SCORE : Math.floor((MAX_NODE_SCORE * (max + min - raw)) / max);
  return WEIGHT.PodTopologySpread * s;
}

/** Normalizes raw[0..n) and adds the spread score to total. */
export function addSpreadScores(total: Float64Array, raw: Float64Array, n: number): void {
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const s = raw[i];
    if (s < min) min = s;
    if (s > max) max = s;
  }
  for (let i = 0; i < n; i++) total[i] += spreadScore(raw[i], min, max);
}

/**
 * selectHost picks uniformly among the top-scoring nodes; one draw from the seeded RNG does the same (only when
 * there is more than one). Returns an index into total[0..n), -1 when no score is a number.
 */
export function pickTop(tx: Tx, total: Float64Array, n: number, best: Int32Array): number {
  let top = -Infinity;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const t = total[i];
    if (t > top) {
      top = t;
      count = 0;
    }
    if (t === top) best[count++] = i;
  }
  return pickAmong(tx, best, count);
}

/** One of the `count` tied indexes in best[0..count): the RNG is drawn only when there is a choice; -1 for none. */
export function pickAmong(tx: Tx, best: Int32Array, count: number): number {
  if (count === 1) return best[0];
  const pick = Math.floor(tx.random() * count);
  return pick < count ? best[pick] : -1;
}

export function untoleratedPreferNoSchedule(pod: Pod, info: NodeInfo): number {
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

/** Scores every feasible node and returns the chosen one (the general path: NodeInfo objects). */
export function selectHost(tx: Tx, c: SchedulerCache, pod: Pod, req: PodRequest, feasible: NodeInfo[]): NodeInfo {
  if (feasible.length === 1) return feasible[0];
  const n = feasible.length;
  const total = new Float64Array(n);

  // TaintToleration: DefaultNormalizeScore(reverse) over untolerated PreferNoSchedule taints.
  const taintCounts = new Int32Array(n);
  let maxTaints = 0;
  for (let i = 0; i < n; i++) {
    if (!feasible[i].node.spec.taints?.length) continue;
    const k = untoleratedPreferNoSchedule(pod, feasible[i]);
    taintCounts[i] = k;
    if (k > maxTaints) maxTaints = k;
  }
  for (let i = 0; i < n; i++) {
    const { allocatable: a, usage: u } = feasible[i];
    const resources = resourceScore(a.milliCPU, a.memory, u.milliCPU, u.memory, u.nonZeroMilliCPU, u.nonZeroMemory, req);
    total[i] = baseScore(taintScore(taintCounts[i], maxTaints), resources);
  }

  // PodTopologySpread: scoreForCount = count × log(domains + 2) + (maxSkew − 1), then normalized so that the
  // node with the fewest pods of this owner scores highest.
  const uid = controllerUid(pod);
  if (uid) {
    const counts = c.ownerSpread(uid);
    const weight = spreadRawWeight(n);
    const raw = new Float64Array(n);
    for (let i = 0; i < n; i++) raw[i] = spreadRaw(counts[feasible[i].slot], weight);
    addSpreadScores(total, raw, n);
  }

  const i = pickTop(tx, total, n, new Int32Array(n));
  if (i < 0) throw new Error(`no node scored for pod ${pod.metadata.name}`);
  return feasible[i];
}
