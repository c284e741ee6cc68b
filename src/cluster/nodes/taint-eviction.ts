// The taint-eviction controller (pkg/controller/tainteviction/taint_eviction.go, "NoExecuteTaintManager"):
// pods on a node with NoExecute taints are deleted once the taints are no longer tolerated —
// at once if some taint is not tolerated, after the smallest tolerationSeconds of the tolerations used
// (processPodOnNode / getMinTolerationTime), never if they are tolerated without tolerationSeconds (DaemonSet
// pods). Removing the taints first cancels the scheduled deletion.
//
// Scheduled evictions live in the State table `taintEvictionQueue` (pod key → {createdAt, fireAt}), with a timer
// at fireAt. Its Pod watcher also runs the DefaultTolerationSeconds admission plugin on every new pod, so pods
// made by any path (apply, controllers, tests) carry the not-ready/unreachable tolerations.

import type { Node, Pod, Taint } from '../api/types.js';
import { deleteObject } from '../apiserver.js';
import type { Controller } from '../controller.js';
import { recordEvent } from '../events.js';
import { INDEX, keyOf } from '../store.js';
import type { Tx } from '../tx.js';
import { rfc3339 } from '../util/time.js';
import { matchingTolerations, minTolerationMs, noExecuteTaints, withDefaultTolerations } from './taints.js';

export const TAINT_EVICTION = 'taint-eviction';
export const TAINT_EVICTION_QUEUE = 'taintEvictionQueue';
const COMPONENT = 'taint-eviction-controller';
const NODE_KEY = 'node:';

export interface ScheduledEviction {
  createdAt: number;
  fireAt: number;
}

function nsName(pod: Pod): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
}

function cancel(tx: Tx, key: string, pod: Pod | undefined): void {
  if (!tx.get(TAINT_EVICTION_QUEUE, key)) return;
  tx.del(TAINT_EVICTION_QUEUE, key);
  if (pod) {
    recordEvent(tx, pod, { type: 'Normal', reason: 'TaintManagerEviction', message: `Cancelling deletion of Pod ${nsName(pod)}`, component: COMPONENT });
  }
}

/** addConditionAndDeletePod: event, DisruptionTarget condition, then a graceful delete. */
function evict(tx: Tx, key: string, pod: Pod): void {
  tx.del(TAINT_EVICTION_QUEUE, key);
  recordEvent(tx, pod, { type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${nsName(pod)}`, component: COMPONENT });
  const now = rfc3339(tx.now);
  tx.update('Pod', key, (p) => {
    const conds = (p.status.conditions ??= []);
    const cond = {
      type: 'DisruptionTarget',
      status: 'True' as const,
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
      lastProbeTime: null,
      lastTransitionTime: now,
    };
    const i = conds.findIndex((c) => c.type === 'DisruptionTarget');
    if (i >= 0) conds[i] = cond;
    else conds.push(cond);
  });
  deleteObject(tx, 'Pod', key);
}

/** processPodOnNode, level-triggered: what should happen to this pod given its node's NoExecute taints now. */
function processPod(tx: Tx, key: string): void {
  const pod = tx.obj('Pod', key);
  if (!pod || !pod.spec.nodeName || pod.metadata.deletionTimestamp) {
    // Gone or already being deleted: nothing left to schedule (and nothing to announce).
    tx.del(TAINT_EVICTION_QUEUE, key);
    return;
  }
  const taints: Taint[] = noExecuteTaints(tx.obj('Node', pod.spec.nodeName) as Node | undefined);
  if (taints.length === 0) return cancel(tx, key, pod);
  const used = matchingTolerations(taints, pod.spec.tolerations);
  if (!used) {
    cancel(tx, key, pod);
    return evict(tx, key, pod);
  }
  const min = minTolerationMs(used);
  if (min < 0) return cancel(tx, key, pod);
  const trigger = tx.now + min;
  let entry = tx.get<ScheduledEviction>(TAINT_EVICTION_QUEUE, key);
  // An eviction already scheduled from an earlier start keeps its time; a later start replaces it.
  if (entry && entry.createdAt + min > trigger) {
    cancel(tx, key, pod);
    entry = { createdAt: entry.createdAt, fireAt: trigger };
    tx.set(TAINT_EVICTION_QUEUE, key, entry);
  } else if (!entry) {
    entry = { createdAt: tx.now, fireAt: trigger };
    tx.set(TAINT_EVICTION_QUEUE, key, entry);
  }
  if (entry.fireAt <= tx.now) evict(tx, key, pod);
  else tx.at(entry.fireAt, TAINT_EVICTION, key);
}

function sameNoExecute(a: Node | undefined, b: Node | undefined): boolean {
  const ka = noExecuteTaints(a).map((t) => `${t.key}=${t.value ?? ''}`).join(',');
  const kb = noExecuteTaints(b).map((t) => `${t.key}=${t.value ?? ''}`).join(',');
  return ka === kb;
}

export const taintEviction: Controller = {
  name: TAINT_EVICTION,
  watches: {
    Node: (tx, o, n) => {
      const oldNode = o as Node | undefined;
      const newNode = n as Node | undefined;
      if (!newNode || oldNode?.spec.taints === newNode.spec.taints || sameNoExecute(oldNode, newNode)) return;
      tx.enqueue(TAINT_EVICTION, NODE_KEY + newNode.metadata.name);
    },
    Pod: (tx, o, n) => {
      const oldPod = o as Pod | undefined;
      const newPod = n as Pod | undefined;
      if (!oldPod && newPod) {
        // DefaultTolerationSeconds admission (plugin/pkg/admission/defaulttolerationseconds).
        const tolerations = withDefaultTolerations(newPod.spec.tolerations, tx.config.defaultTolerationSeconds);
        if (tolerations !== newPod.spec.tolerations) {
          tx.update('Pod', keyOf(newPod), (p) => {
            p.spec.tolerations = tolerations;
          });
          return;
        }
      }
      if (!newPod) {
        if (oldPod) tx.del(TAINT_EVICTION_QUEUE, keyOf(oldPod));
        return;
      }
      if (!newPod.spec.nodeName) return;
      if (oldPod && oldPod.spec.nodeName === newPod.spec.nodeName && oldPod.spec.tolerations === newPod.spec.tolerations) return;
      tx.enqueue(TAINT_EVICTION, keyOf(newPod));
    },
  },
  reconcile(tx, key) {
    if (!key.startsWith(NODE_KEY)) return processPod(tx, key);
    for (const podKey of tx.members(INDEX.podsByNode, key.slice(NODE_KEY.length))) processPod(tx, podKey);
  },
};
