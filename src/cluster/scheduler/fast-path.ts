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
import { addSpreadScores, baseScore, pickTop, resourceScore, spreadRaw, spreadRawWeight, taintScore, untoleratedPreferNoSchedule } from './score.js';

export interface FeasibleNodes {
  /** Table slots of the nodes that fit, in walk order: `cache.table.feasible[0..count)`. */
  count: number;
  /** Nodes the walk looked at (fitting or not): how far nextStartNodeIndex moves. */
  processed: number;
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
  for (let k = start; i < n && count < toFind; i++) {
    const s = order[k];
    if (everyNode || (flags[s] & mask) !== 0) {
      if (!runFilters(input, nodes[k])) feasible[count++] = s;
    } else if (
      // NodeResourcesFit fitsRequest, as filters.ts: pods first, then only the resources the pod requests.
      !(pods[s] + 1 > allocPods[s]) &&
      (requestsNothing ||
        (!(cpu > 0 && cpu > allocMilliCPU[s] - milliCPU[s]) &&
          !(mem > 0 && mem > allocMemory[s] - memory[s]) &&
          !(eph > 0 && eph > allocEphemeralStorage[s] - ephemeralStorage[s])))
    ) {
      feasible[count++] = s;
    }
    if (++k === n) k = 0;
  }
  return { count, processed: i };
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

/** selectHost (score.ts) over the table slots `feasible[0..n)`; returns the chosen node's slot. */
export function selectHostColumnar(tx: Tx, c: SchedulerCache, pod: Pod, req: PodRequest, n: number): number {
  const t = c.table;
  const { feasible, total, taintCounts, flags, allocMilliCPU, allocMemory, milliCPU, memory, nonZeroMilliCPU, nonZeroMemory } = t;
  if (n === 1) return feasible[0];

  // TaintToleration: only nodes with PreferNoSchedule taints can have untolerated ones.
  let maxTaints = 0;
  for (let i = 0; i < n; i++) {
    const s = feasible[i];
    const k = (flags[s] & PREFER_NO_SCHEDULE) !== 0 ? untoleratedPreferNoSchedule(pod, t.infos[s]!) : 0;
    taintCounts[i] = k;
    if (k > maxTaints) maxTaints = k;
  }
  for (let i = 0; i < n; i++) {
    const s = feasible[i];
    const resources = resourceScore(allocMilliCPU[s], allocMemory[s], milliCPU[s], memory[s], nonZeroMilliCPU[s], nonZeroMemory[s], req);
    total[i] = baseScore(taintScore(taintCounts[i], maxTaints), resources);
  }

  const uid = controllerUid(pod);
  if (uid) {
    const counts = c.ownerSpread(uid);
    const raw = t.raw;
    const weight = spreadRawWeight(n);
    for (let i = 0; i < n; i++) raw[i] = spreadRaw(counts[feasible[i]], weight);
    addSpreadScores(total, raw, n);
  }

  const i = pickTop(tx, total, n, t.best);
  if (i < 0) throw new Error(`no node scored for pod ${pod.metadata.name}`);
  return feasible[i];
}
