// The ReplicaSet controller (pkg/controller/replicaset/replica_set.go), which also runs ReplicationControllers
// (pkg/controller/replication: the same code with RC converted to RS, its own queue and event component).
//
// syncReplicaSet(key): claim pods (adopt matching orphans, release owned pods that stopped matching), count the
// active ones (FilterActivePods: terminating, Succeeded and Failed pods do not count, so an evicted pod is
// replaced at once), create or delete the difference from spec.replicas, and write status if it changed.
// Watchers wake only the ReplicaSets a change concerns: the pod's controller, or — for an orphan — the
// ReplicaSets whose selector matches it. A sync costs O(pods of that ReplicaSet), never O(all pods).

import type { Labels, Pod, ReplicaSet, ReplicationController } from '../api/types.js';
import { deleteObject } from '../apiserver.js';
import type { Controller } from '../controller.js';
import { recordEvent } from '../events.js';
import { isEmptySelector, matchesMap, matchesSelector } from '../labels.js';
import { INDEX, keyOf } from '../store.js';
import type { Tx, Watcher } from '../tx.js';
import { calculateStatus, nextAvailableAt, sameStatus } from './replicaset-status.js';
import { getPodsToDelete } from './replicaset-victims.js';
import {
  claimPods,
  controlledByOtherKind,
  controllerRefOf,
  createPodFromTemplate,
  enqueueControllerOf,
  enqueueMatchingControllers,
  isPodActive,
  resyncControllerOfNextSecond,
  sameReadiness,
  slowStartBatch,
} from './shared/pods.js';

/** BurstReplicas: at most this many pods created or deleted per sync. */
export const BURST_REPLICAS = 500;

type Owner = ReplicaSet | ReplicationController;

interface Flavour {
  kind: Owner['kind'];
  /** Work-queue name. */
  queue: string;
  /** Event source component. */
  component: string;
}

/** An RC's selector defaults to its template labels (SetDefaults_ReplicationController). */
export function replicationControllerSelector(rc: ReplicationController): Labels | undefined {
  const sel = rc.spec.selector;
  return sel && Object.keys(sel).length > 0 ? sel : rc.spec.template?.metadata?.labels;
}

/**
 * Does the ReplicaSet / ReplicationController select pods with these labels? An empty RS selector would select
 * everything; validation rejects it, and here it selects nothing so a malformed object cannot adopt a namespace.
 */
export function ownerSelects(owner: Owner, labels: Labels | undefined): boolean {
  if (owner.kind === 'ReplicationController') return matchesMap(replicationControllerSelector(owner), labels);
  return !isEmptySelector(owner.spec.selector) && matchesSelector(owner.spec.selector, labels);
}

function sameLabels(a: Labels | undefined, b: Labels | undefined): boolean {
  if (a === b) return true;
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((k) => b![k] === a![k]);
}

/**
 * addPod / updatePod / deletePod. Kubernetes wakes the controller on every pod update; we skip updates that
 * cannot change what a sync does (container state churn), which matters with 150,000 pods.
 */
function podWatcher(f: Flavour): Watcher {
  const enqueueMatching = (tx: Tx, pod: Pod) =>
    enqueueMatchingControllers(tx, f.queue, tx.objects(f.kind) as Owner[], pod, ownerSelects);
  return (tx, oldObj, newObj) => {
    const old = oldObj as Pod | undefined;
    const cur = newObj as Pod | undefined;
    if (!cur) {
      enqueueControllerOf(tx, f.queue, f.kind, old);
      return;
    }
    if (!old) {
      if (controllerRefOf(cur) || cur.metadata.deletionTimestamp) enqueueControllerOf(tx, f.queue, f.kind, cur);
      else enqueueMatching(tx, cur);
      return;
    }
    if (controlledByOtherKind(old, cur, f.kind)) return;
    const labelChanged = !sameLabels(old.metadata.labels, cur.metadata.labels);
    if (cur.metadata.deletionTimestamp) {
      // Terminating: the controller must replace it now, not when the kubelet finally removes it.
      if (!old.metadata.deletionTimestamp || labelChanged) enqueueControllerOf(tx, f.queue, f.kind, cur, labelChanged ? old : undefined);
      return;
    }
    const oldRef = controllerRefOf(old);
    // Most writes keep the ownerReferences array itself (status updates): then the reference is the same one.
    const curRef = old.metadata.ownerReferences === cur.metadata.ownerReferences ? oldRef : controllerRefOf(cur);
    const refChanged = oldRef !== curRef && (oldRef?.uid !== curRef?.uid || oldRef?.name !== curRef?.name || oldRef?.kind !== curRef?.kind);
    if (refChanged && oldRef) enqueueControllerOf(tx, f.queue, f.kind, old);
    if (curRef) {
      if (refChanged || labelChanged || isPodActive(old) !== isPodActive(cur)) enqueueControllerOf(tx, f.queue, f.kind, cur);
      // Only READY/AVAILABLE move: the next whole second will do. Creations, deletions, adoption sync at once.
      else if (!sameReadiness(old, cur)) resyncControllerOfNextSecond(tx, f.queue, f.kind, cur);
      return;
    }
    if (labelChanged || refChanged) enqueueMatching(tx, cur);
  };
}

/** addRS / updateRS. Our own status writes need no resync, so only spec, generation or deletion changes wake it. */
function ownerWatcher(f: Flavour): Watcher {
  return (tx, oldObj, newObj) => {
    const cur = newObj as Owner | undefined;
    if (!cur) return; // deleted: its pods are the garbage collector's
    const old = oldObj as Owner | undefined;
    if (
      old &&
      old.metadata.uid === cur.metadata.uid &&
      old.spec === cur.spec &&
      old.metadata.generation === cur.metadata.generation &&
      old.metadata.deletionTimestamp === cur.metadata.deletionTimestamp
    ) {
      return;
    }
    tx.enqueue(f.queue, keyOf(cur));
  };
}

/**
 * getIndirectlyRelatedPods: pods of every ReplicaSet controlled by the same owner (a Deployment's ReplicaSets).
 * Kubernetes lists pods by each sibling's selector; we read each sibling's own pods from the dependents index.
 */
function relatedPods(tx: Tx, f: Flavour, owner: Owner): Pod[] {
  const ref = owner.metadata.ownerReferences?.find((r) => r.controller);
  if (!ref) return [];
  const out: Pod[] = [];
  const prefix = `${f.kind}|`;
  for (const member of tx.members(INDEX.dependents, ref.uid)) {
    if (!member.startsWith(prefix)) continue;
    const sibling = tx.obj(f.kind, member.slice(prefix.length)) as Owner | undefined;
    if (!sibling?.metadata.ownerReferences?.some((r) => r.controller && r.uid === ref.uid)) continue;
    for (const dep of tx.members(INDEX.dependents, sibling.metadata.uid)) {
      if (!dep.startsWith('Pod|')) continue;
      const pod = tx.obj('Pod', dep.slice(4));
      if (pod && ownerSelects(sibling, pod.metadata.labels)) out.push(pod);
    }
  }
  return out;
}

/** manageReplicas: creates (slow start, burst-capped) or deletes (victim order) the difference; returns the pods left. */
function manageReplicas(tx: Tx, f: Flavour, owner: Owner, pods: Pod[]): Pod[] {
  const diff = pods.length - (owner.spec.replicas ?? 1);
  if (diff < 0) {
    const created: Pod[] = [];
    // Batches of 1, 2, 4, … stop at the first failed create; the simulated API server accepts every pod, so one
    // sync creates up to BURST_REPLICAS and the creations wake the next sync for the rest.
    slowStartBatch(Math.min(-diff, BURST_REPLICAS), () => {
      const pod = createPodFromTemplate(tx, owner, owner.spec.template);
      recordEvent(tx, owner, { type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${pod.metadata.name}`, component: f.component });
      created.push(pod);
      return true;
    });
    return [...pods, ...created];
  }
  if (diff > 0) {
    const victims = getPodsToDelete(pods, relatedPods(tx, f, owner), Math.min(diff, BURST_REPLICAS), tx.now);
    for (const pod of victims) {
      deleteObject(tx, 'Pod', keyOf(pod));
      recordEvent(tx, owner, { type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata.name}`, component: f.component });
    }
    const gone = new Set(victims.map((p) => p.metadata.uid));
    return pods.filter((p) => !gone.has(p.metadata.uid));
  }
  return pods;
}

/** syncReplicaSet. */
function syncReplicaSet(tx: Tx, f: Flavour, key: string): void {
  const owner = tx.obj(f.kind, key) as Owner | undefined;
  if (!owner) return;
  let pods = claimPods(tx, owner, (labels) => ownerSelects(owner, labels), isPodActive);
  // Being deleted (foreground): the garbage collector removes the pods; the controller only reports status.
  if (!owner.metadata.deletionTimestamp) pods = manageReplicas(tx, f, owner, pods);
  // Kubernetes computes status from the pods listed before manageReplicas and corrects it on the sync the
  // creations trigger; counting the created pods now (Pending, not ready) gives that same status in one write.
  const minReadySeconds = owner.spec.minReadySeconds ?? 0;
  const status = calculateStatus(owner.status, {
    templateLabels: owner.spec.template?.metadata?.labels,
    minReadySeconds,
    generation: owner.metadata.generation,
    pods,
    now: tx.now,
  });
  if (!sameStatus(owner.status, status)) {
    tx.update(f.kind, key, (o) => {
      o.status = status;
    });
  }
  // Wake up when the next ready pod has been ready for minReadySeconds, to count it as available.
  const due = nextAvailableAt(pods, minReadySeconds, tx.now);
  if (due !== undefined) tx.at(due, f.queue, key);
}

function controllerFor(f: Flavour): Controller {
  return {
    name: f.queue,
    watches: { [f.kind]: ownerWatcher(f), Pod: podWatcher(f) },
    reconcile: (tx, key) => syncReplicaSet(tx, f, key),
  };
}

export const replicaSetController: Controller = controllerFor({
  kind: 'ReplicaSet',
  queue: 'replicaset',
  component: 'replicaset-controller',
});

/** pkg/controller/replication NewReplicationManager. */
export const replicationManager: Controller = controllerFor({
  kind: 'ReplicationController',
  queue: 'replication-controller',
  component: 'replication-controller',
});
