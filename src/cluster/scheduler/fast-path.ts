// The Filter and Score loop over the NodeTable's columns (node-table.ts), for every pod whose PreFilter does not
// name its nodes: the same walk as kube-scheduler's findNodesThatPassFilters (schedule_one.go: nodes in order
// from nextStartNodeIndex until numFeasibleNodesToFind fit) and the same scores, without an object per node.
//
// A node is checked with a few array reads when nothing but NodeResourcesFit can reject the pod there: the node
// carries no flag that concerns the pod (node-table.ts) and the pod has no node selection. Otherwise the node goes
// through runFilters (filters.ts), the general path. Rejected nodes are only counted; when no node fits, the
// FitError needs every node's reasons, and runFilters is run again over all of them (nothing has changed since).

import type { Pod } from '../api/types.js';
import type { Tx } from '../tx.js';
import { controllerUid, type NodeInfo, type SchedulerCache } from './cache.js';
import type { Diagnosis } from './fit-error.js';
import { runFilters, type PodFilterInput } from './filters.js';
import { HOST_PORTS, NEEDS_FILTER, PREFER_NO_SCHEDULE } from './node-table.js';
import type { PodRequest } from './resources.js';
import { baseScore, MAX_NODE_SCORE, pickAmong, resourceScore, spreadRaw, spreadRawWeight, spreadScore, taintScore, untoleratedPreferNoSchedule } from './score.js';

export interface FeasibleNodes {
  /** Table slots of the nodes that fit, in walk order: `cache.table.feasible[0..count)`. */
  count: number;
  /** Nodes the walk looked at (fitting or not): how far nextStartNodeIndex moves. */
  processed: number;
  /** Some fitting node has PreferNoSchedule taints (else TaintToleration scores every node the same). */
  preferNoSchedule: boolean;
}

/**
 * Walks `cache.nodeList()` from `start`, stopping once `toFind` nodes fit. The slots of the fitting nodes are left
 * in `cache.table.feasible` (valid until the next pod).
 */
export function findFeasibleColumnar(cache: SchedulerCache, input: PodFilterInput, start: number, toFind: number): FeasibleNodes {
  const nodes = cache.nodeList();
  const order = cache.nodeSlots();
  const t = cache.table;
  t.scratch(toFind);
  const { feasible, flags, allocPods, allocMilliCPU, allocMemory, allocEphemeralStorage, pods, milliCPU, memory, ephemeralStorage } = t;
  const req = input.request;
  // Every node needs the general filters when the pod selects nodes by label or names one itself.
  const everyNode = input.hasNodeSelection || !!input.pod.spec.nodeName;
  const mask = NEEDS_FILTER | (req.hostPorts.length > 0 ? HOST_PORTS : 0);
  const cpu = req.milliCPU;
  const mem = req.memory;
  const eph = req.ephemeralStorage;
  const requestsNothing = cpu === 0 && mem === 0 && eph === 0;
  const n = order.length;
  let count = 0;
  let i = 0;
  // The flags of the fitting nodes, or-ed: selectHostColumnar skips the taint pass when none has PreferNoSchedule.
  let fitFlags = 0;
  for (let k = start; i < n && count < toFind; i++) {
    const s = order[k];
    const f = flags[s];
    if (everyNode || (f & mask) !== 0) {
      if (!runFilters(input, nodes[k])) {
        feasible[count++] = s;
        fitFlags |= f;
      }
    } else if (
      // NodeResourcesFit fitsRequest, as filters.ts: pods first, then only the resources the pod requests.
      !(pods[s] + 1 > allocPods[s]) &&
      (requestsNothing ||
        (!(cpu > 0 && cpu > allocMilliCPU[s] - milliCPU[s]) &&
          !(mem > 0 && mem > allocMemory[s] - memory[s]) &&
          !(eph > 0 && eph > allocEphemeralStorage[s] - ephemeralStorage[s])))
    ) {
      feasible[count++] = s;
      fitFlags |= f;
    }
    if (++k === n) k = 0;
  }
  return { count, processed: i, preferNoSchedule: (fitFlags & PREFER_NO_SCHEDULE) !== 0 };
}

/** Every node's FilterStatus, in walk order from `start` (for the FitError when none fits). */
export function diagnoseAll(input: PodFilterInput, nodes: NodeInfo[], start: number, diagnosis: Diagnosis): void {
  const n = nodes.length;
  for (let i = 0; i < n; i++) {
    const info = nodes[(start + i) % n];
    const status = runFilters(input, info);
    if (status) diagnosis.nodeToStatus.set(info.name, status);
  }
}

/**
 * selectHost (score.ts) over the table slots `feasible[0..n)`; returns the chosen node's slot. The same integers
 * as selectHost, in fewer passes over the nodes (at 5,000 nodes every pod scores 500): the taint pass only when
 * a feasible node has PreferNoSchedule taints (otherwise every node's TaintToleration score is MAX_NODE_SCORE),
 * the range of the owner's pod counts in one pass, then each node's total (the resource score is kept per node
 * while neither its usage nor the request changes: NodeTable.resourceScore) and the top-score tie set (pickTop)
 * in another.
 */
export function selectHostColumnar(tx: Tx, c: SchedulerCache, pod: Pod, req: PodRequest, found: FeasibleNodes): number {
  const t = c.table;
  const n = found.count;
  const { feasible, taintCounts, allocMilliCPU, allocMemory, milliCPU, memory, nonZeroMilliCPU, nonZeroMemory } = t;
  if (n === 1) return feasible[0];

  // TaintToleration: only nodes with PreferNoSchedule taints can have untolerated ones.
  let maxTaints = 0;
  if (found.preferNoSchedule) {
    const flags = t.flags;
    for (let i = 0; i < n; i++) {
      const s = feasible[i];
      const k = (flags[s] & PREFER_NO_SCHEDULE) !== 0 ? untoleratedPreferNoSchedule(pod, t.infos[s]!) : 0;
      taintCounts[i] = k;
      if (k > maxTaints) maxTaints = k;
    }
  }
  // PodTopologySpread: a node's score depends only on its count of the owner's pods, and the feasible nodes have
  // few distinct counts; so it is computed once per count (Math.round and a division per node were half of this
  // function's time). spreadRaw is non-decreasing in the count (a positive weight; IEEE multiplication, addition
  // and Math.round are monotonic), so the raw scores' min and max are those of the min and max counts.
  const uid = controllerUid(pod);
  const counts = uid ? c.ownerSpread(uid) : undefined;
  let minCount = 0;
  let spread: Float64Array = t.spreadByCount;
  if (counts) {
    minCount = counts[feasible[0]];
    let maxCount = minCount;
    for (let i = 1; i < n; i++) {
      const k = counts[feasible[i]];
      if (k < minCount) minCount = k;
      if (k > maxCount) maxCount = k;
    }
    const weight = spreadRawWeight(n);
    const minRaw = spreadRaw(minCount, weight);
    const maxRaw = Math.max(0, spreadRaw(maxCount, weight)); // addSpreadScores starts its max at 0
    spread = t.spreadScratch(maxCount - minCount + 1);
    for (let k = minCount; k <= maxCount; k++) spread[k - minCount] = spreadScore(spreadRaw(k, weight), minRaw, maxRaw);
  }

  // Each node's total, and the top-score tie set as pickTop collects it.
  t.resourceScoresFor(req);
  const { scored, resourceScore: scores, best } = t;
  let top = -Infinity;
  let ties = 0;
  for (let i = 0; i < n; i++) {
    const s = feasible[i];
    let resources: number;
    if (scored[s] === 1) resources = scores[s];
    else {
      resources = resourceScore(allocMilliCPU[s], allocMemory[s], milliCPU[s], memory[s], nonZeroMilliCPU[s], nonZeroMemory[s], req);
      scores[s] = resources;
      scored[s] = 1;
    }
    const base = baseScore(maxTaints > 0 ? taintScore(taintCounts[i], maxTaints) : MAX_NODE_SCORE, resources);
    const score = counts ? base + spread[counts[s] - minCount] : base;
    if (score > top) {
      top = score;
      ties = 0;
    }
    if (score === top) best[ties++] = i;
  }
  const i = pickAmong(tx, best, ties);
  if (i < 0) throw new Error(`no node scored for pod ${pod.metadata.name}`);
  return feasible[i];
}
