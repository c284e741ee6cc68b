// kube-scheduler (pkg/scheduler/schedule_one.go): binds each pod that has no node to the best feasible node,
// or records why none fits. One attempt per work-queue key:
//   PreFilter (NodeAffinity names) → Filter (filters.ts) over nodes starting at nextStartNodeIndex, stopping once
//   numFeasibleNodesToFind nodes fit (so 5,000 nodes do not cost 5,000 filter runs per pod) → Score (score.ts) →
//   bind: spec.nodeName, PodScheduled=True, event `Scheduled`.
// On failure: PodScheduled=False reason Unschedulable with the FitError text, Warning `FailedScheduling`, and the
// pod waits in the scheduling queue (queue.ts).
// Filter and Score run over the cache's columns (fast-path.ts) unless PreFilter named the pod's nodes; the general
// path over NodeInfo objects makes the same decisions (test/scheduler/fast-path.test.ts compares them).

import type { Node, Pod, PodCondition } from '../api/types.js';
import type { Controller } from '../controller.js';
import { recordEvent } from '../events.js';
import { keyOf } from '../store.js';
import type { Tx } from '../tx.js';
import { rfc3339 } from '../util/time.js';
import { schedulerCache, trackPod, existingCache, usageNode, type NodeInfo, type SchedulerCache } from './cache.js';
import { fitErrorMessage, NO_NODES_AVAILABLE, type Diagnosis } from './fit-error.js';
import { diagnoseAll, findFeasibleColumnar, selectHostColumnar } from './fast-path.js';
import { ERR_REASON_AFFINITY_CONFLICT, filterInput, preFilterNodeNames, runFilters, type FilterStatus, type PodFilterInput } from './filters.js';
import {
  isDue,
  moveUnschedulable,
  MOVE_ON_NODE_EVENT,
  MOVE_ON_POD_DELETE,
  podUpdated,
  requeueAfterFailure,
  SCHEDULER,
  SCHEDULING_QUEUE,
  type QueuedPod,
} from './queue.js';
import { isPodTerminal, podRequest } from './resources.js';
import { selectHost } from './score.js';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
const SCHEDULER_STATE = 'schedulerState';

/** Pods this scheduler is responsible for and that still need a node. */
export function needsScheduling(pod: Pod | undefined): pod is Pod {
  return (
    !!pod &&
    !pod.spec.nodeName &&
    !pod.metadata.deletionTimestamp &&
    (pod.spec.schedulerName ?? DEFAULT_SCHEDULER_NAME) === DEFAULT_SCHEDULER_NAME &&
    !isPodTerminal(pod)
  );
}

/** numFeasibleNodesToFind with the adaptive percentageOfNodesToScore (50% − nodes/125, at least 5%, ≥ 100 nodes). */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < 100) return numAllNodes;
  const percentage = Math.max(5, 50 - Math.floor(numAllNodes / 125));
  return Math.max(100, Math.floor((numAllNodes * percentage) / 100));
}

let columnar = true;

/** Turns the columnar Filter/Score loop off (true) or on: the general path is the reference it is tested against. */
export function useGeneralPathOnly(general: boolean): void {
  columnar = !general;
}

/** podutil.UpdatePodCondition: lastTransitionTime moves only when the status does. */
function setPodScheduled(tx: Tx, p: Pod, status: 'True' | 'False', reason?: string, message?: string): void {
  const conds = (p.status.conditions ??= []);
  const i = conds.findIndex((c) => c.type === 'PodScheduled');
  const old = i >= 0 ? conds[i] : undefined;
  if (old && old.status === status && old.reason === reason && old.message === message) return;
  const next: PodCondition = {
    type: 'PodScheduled',
    status,
    lastProbeTime: null,
    lastTransitionTime: old && old.status === status && old.lastTransitionTime ? old.lastTransitionTime : rfc3339(tx.now),
  };
  if (reason) next.reason = reason;
  if (message) next.message = message;
  if (i >= 0) conds[i] = next;
  else conds.push(next);
}

/** The Binding subresource: nodeName plus PodScheduled=True, written as one new object (no draft needed). */
function bind(tx: Tx, pod: Pod, node: string): void {
  const key = keyOf(pod);
  const scheduled: PodCondition = { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(tx.now) };
  const old = pod.status.conditions ?? [];
  const conditions = old.some((c) => c.type === 'PodScheduled') ? old.map((c) => (c.type === 'PodScheduled' ? scheduled : c)) : [...old, scheduled];
  const status = { ...pod.status, conditions };
  delete status.nominatedNodeName;
  const bound = tx.put({ ...pod, spec: { ...pod.spec, nodeName: node }, status });
  tx.del(SCHEDULING_QUEUE, key);
  recordEvent(tx, bound, {
    type: 'Normal',
    reason: 'Scheduled',
    message: `Successfully assigned ${pod.metadata.namespace ?? 'default'}/${pod.metadata.name} to ${node}`,
    component: DEFAULT_SCHEDULER_NAME,
  });
}

/** handleSchedulingFailure. */
function fail(tx: Tx, pod: Pod, q: QueuedPod | undefined, message: string, rejectedBy: string[], error: boolean): void {
  const key = keyOf(pod);
  requeueAfterFailure(tx, key, q, rejectedBy, error);
  const updated = tx.update('Pod', key, (p) => {
    setPodScheduled(tx, p as Pod, 'False', error ? 'SchedulerError' : 'Unschedulable', message);
  });
  recordEvent(tx, updated ?? pod, { type: 'Warning', reason: 'FailedScheduling', message, component: DEFAULT_SCHEDULER_NAME });
}

function scheduleOne(tx: Tx, pod: Pod, q: QueuedPod | undefined): void {
  const cache = schedulerCache(tx);
  const nodes = cache.nodeList();
  if (nodes.length === 0) return fail(tx, pod, q, NO_NODES_AVAILABLE, [], true);
  const request = podRequest(pod);
  const input = filterInput(pod, request);
  const diagnosis: Diagnosis = { numAllNodes: nodes.length, nodeToStatus: new Map() };

  let candidates = nodes;
  let start = 0;
  let toFind = nodes.length;
  const names = preFilterNodeNames(pod);
  if (names) {
    if (names.size === 0) {
      diagnosis.preFilterMsg = ERR_REASON_AFFINITY_CONFLICT;
      diagnosis.absentStatus = { plugin: 'NodeAffinity', code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_AFFINITY_CONFLICT] };
      return fail(tx, pod, q, fitErrorMessage(pod, diagnosis), ['NodeAffinity'], false);
    }
    candidates = [...names].map((n) => cache.nodeInfo(n)).filter((n): n is NodeInfo => n !== undefined);
    diagnosis.absentStatus = {
      plugin: 'NodeAffinity',
      code: 'UnschedulableAndUnresolvable',
      reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"],
    };
    toFind = candidates.length;
  } else {
    start = (tx.get<number>(SCHEDULER_STATE, 'nextStartNodeIndex') ?? 0) % nodes.length;
    toFind = numFeasibleNodesToFind(nodes.length);
    if (columnar) return scheduleColumnar(tx, cache, pod, q, input, diagnosis, start, toFind);
  }

  const feasible: NodeInfo[] = [];
  const n = candidates.length;
  for (let i = 0; i < n && feasible.length < toFind; i++) {
    const info = candidates[(start + i) % n];
    const status: FilterStatus | undefined = runFilters(input, info);
    if (status) diagnosis.nodeToStatus.set(info.name, status);
    else feasible.push(info);
  }
  if (!names) {
    const processed = feasible.length + diagnosis.nodeToStatus.size;
    tx.set(SCHEDULER_STATE, 'nextStartNodeIndex', (start + processed) % nodes.length);
  }

  if (feasible.length === 0) {
    const rejectedBy = [...new Set([...diagnosis.nodeToStatus.values()].map((s) => s.plugin))];
    if (names) rejectedBy.push('NodeAffinity');
    return fail(tx, pod, q, fitErrorMessage(pod, diagnosis), rejectedBy, false);
  }
  bind(tx, pod, selectHost(tx, cache, pod, request, feasible).name);
}

/** scheduleOne's Filter, Score and bind over the cache's columns (fast-path.ts), for pods PreFilter left to every node. */
function scheduleColumnar(tx: Tx, cache: SchedulerCache, pod: Pod, q: QueuedPod | undefined, input: PodFilterInput, diagnosis: Diagnosis, start: number, toFind: number): void {
  const nodes = cache.nodeList();
  const found = findFeasibleColumnar(cache, input, start, toFind);
  tx.set(SCHEDULER_STATE, 'nextStartNodeIndex', (start + found.processed) % nodes.length);
  if (found.count === 0) {
    diagnoseAll(input, nodes, start, diagnosis);
    const rejectedBy = [...new Set([...diagnosis.nodeToStatus.values()].map((s) => s.plugin))];
    return fail(tx, pod, q, fitErrorMessage(pod, diagnosis), rejectedBy, false);
  }
  const slot = selectHostColumnar(tx, cache, pod, input.request, found);
  bind(tx, pod, cache.table.infos[slot]!.name);
}

function nodeMayHelp(oldNode: Node | undefined, newNode: Node | undefined): boolean {
  if (!newNode) return false;
  if (!oldNode) return true;
  return (
    oldNode.spec !== newNode.spec ||
    oldNode.metadata.labels !== newNode.metadata.labels ||
    oldNode.status.allocatable !== newNode.status.allocatable
  );
}

export const scheduler: Controller = {
  name: SCHEDULER,
  watches: {
    Pod: (tx, o, n) => {
      const oldPod = o as Pod | undefined;
      const newPod = n as Pod | undefined;
      trackPod(tx, oldPod, newPod);
      const key = keyOf((newPod ?? oldPod)!);
      const cur = tx.obj('Pod', key);
      if (needsScheduling(cur)) {
        if (!oldPod) tx.enqueue(SCHEDULER, key);
        else if (newPod && (oldPod.spec !== newPod.spec || oldPod.metadata.labels !== newPod.metadata.labels)) podUpdated(tx, key);
      } else if (oldPod && !oldPod.spec.nodeName && tx.get(SCHEDULING_QUEUE, key)) {
        tx.del(SCHEDULING_QUEUE, key);
      }
      // Requested resources or host ports were released: pods that did not fit for want of them may fit now.
      if (usageNode(oldPod) && !usageNode(newPod) && tx.count(SCHEDULING_QUEUE) > 0) tx.enqueue(SCHEDULER, MOVE_ON_POD_DELETE);
    },
    Node: (tx, o, n) => {
      existingCache(tx)?.nodeChanged(o as Node | undefined, n as Node | undefined);
      if (nodeMayHelp(o as Node | undefined, n as Node | undefined) && tx.count(SCHEDULING_QUEUE) > 0) {
        tx.enqueue(SCHEDULER, MOVE_ON_NODE_EVENT);
      }
    },
  },
  reconcile(tx, key) {
    if (key === MOVE_ON_NODE_EVENT || key === MOVE_ON_POD_DELETE) return moveUnschedulable(tx, key as typeof MOVE_ON_NODE_EVENT);
    const pod = tx.obj('Pod', key);
    if (!needsScheduling(pod)) {
      tx.del(SCHEDULING_QUEUE, key);
      return;
    }
    const q = tx.get<QueuedPod>(SCHEDULING_QUEUE, key);
    if (!isDue(q, tx.now)) return;
    scheduleOne(tx, pod, q);
  },
};
