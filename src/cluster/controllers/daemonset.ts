// The DaemonSet controller (pkg/controller/daemon/daemon_controller.go manage/syncNodes, update.go rollingUpdate):
// one pod per eligible node, pinned to it by node affinity and placed by the scheduler; pods on nodes that no
// longer qualify are deleted; failed daemon pods are deleted and recreated; template changes roll out per
// updateStrategy (RollingUpdate with maxUnavailable/maxSurge, or OnDelete).

import type { DaemonSet, Node, Pod } from '../api/types.js';
import { deleteObject } from '../apiserver.js';
import type { Controller } from '../controller.js';
import { recordEvent } from '../events.js';
import { matchesSelector } from '../labels.js';
import { keyOf } from '../store.js';
import type { Tx } from '../tx.js';
import { daemonPodTargetNode, nodeShouldRunDaemonPod, pinToNode } from './daemonset-nodes.js';
import { daemonSetStatus, intOrPercent } from './daemonset-status.js';
import { claimPods, createPodFromTemplate, enqueueControllerOf, enqueueMatchingControllers, isPodAvailable, readinessKey, resyncControllerOfNextSecond, slowStartBatch } from './shared/pods.js';
import { REVISION_LABEL, templateHash } from './shared/revision.js';

const QUEUE = 'daemonset';
const COMPONENT = 'daemonset-controller';
/** BurstReplicas: at most this many creations per sync. */
const BURST = 250;

function byAge(a: Pod, b: Pod): number {
  const d = Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp);
  return d !== 0 ? d : a.metadata.name < b.metadata.name ? -1 : 1;
}

function createDaemonPod(tx: Tx, ds: DaemonSet, node: string, hash: string): boolean {
  const pod = createPodFromTemplate(tx, ds, ds.spec.template, {
    labels: { [REVISION_LABEL]: hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) },
    mutate: (p) => pinToNode(p, node),
  });
  recordEvent(tx, ds, { type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${pod.metadata.name}`, component: COMPONENT });
  return true;
}

function deleteDaemonPod(tx: Tx, ds: DaemonSet, pod: Pod): void {
  deleteObject(tx, 'Pod', keyOf(pod));
  recordEvent(tx, ds, { type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata.name}`, component: COMPONENT });
}

function reconcile(tx: Tx, key: string): void {
  const ds = tx.obj('DaemonSet', key);
  if (!ds || ds.metadata.deletionTimestamp) return;
  const hash = templateHash(ds.spec.template);
  const pods = claimPods(tx, ds, (labels) => matchesSelector(ds.spec.selector, labels));
  const podWrites = tx.writesTo('Pod');
  const byNode = new Map<string, Pod[]>();
  for (const p of pods) {
    if (p.metadata.deletionTimestamp) continue;
    const n = daemonPodTargetNode(p);
    if (!n) continue;
    (byNode.get(n) ?? byNode.set(n, []).get(n)!).push(p);
  }
  const nodes = sortedNodes(tx);
  const toCreate: string[] = [];
  const surgeAllowed =
    (ds.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && intOrPercent(ds.spec.updateStrategy?.rollingUpdate?.maxSurge ?? 0, nodes.length, true) > 0;
  const eligible: Node[] = [];
  for (const node of nodes) {
    const name = node.metadata.name;
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(ds, node);
    const here = (byNode.get(name) ?? []).sort(byAge);
    if (shouldRun) eligible.push(node);
    if (!shouldContinueRunning) {
      for (const p of here) deleteDaemonPod(tx, ds, p);
      continue;
    }
    const failed = here.filter((p) => p.status.phase === 'Failed' || p.status.phase === 'Succeeded');
    for (const p of failed) {
      if (p.status.phase === 'Failed') {
        recordEvent(tx, ds, {
          type: 'Warning',
          reason: 'FailedDaemonPod',
          message: `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${name}, will try to kill it`,
          component: COMPONENT,
        });
      }
      deleteDaemonPod(tx, ds, p);
    }
    const running = here.filter((p) => !failed.includes(p));
    if (running.length === 0) {
      if (shouldRun) toCreate.push(name);
      continue;
    }
    // More than one pod on a node (and no surge under way): keep the oldest, as syncNodes does.
    // With maxSurge a new-revision pod may run beside the old one until it is available (rollingUpdate handles it).
    const surging =
      surgeAllowed &&
      running.length === 2 &&
      running.some((p) => p.metadata.labels?.[REVISION_LABEL] === hash) &&
      running.some((p) => p.metadata.labels?.[REVISION_LABEL] !== hash);
    if (running.length > 1 && !surging) for (const p of running.slice(1)) deleteDaemonPod(tx, ds, p);
  }
  // Pods pinned to nodes that no longer exist are left to the pod GC (pkg/controller/podgc).
  slowStartBatch(Math.min(toCreate.length, BURST), () => createDaemonPod(tx, ds, toCreate.shift()!, hash));
  if (toCreate.length > 0) tx.after(1000, QUEUE, key);

  if ((ds.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') rollingUpdate(tx, ds, eligible, byNode, hash);
  // Nothing created, deleted or changed since the claim: the status is computed from the same pods.
  updateStatus(tx, key, hash, tx.writesTo('Pod') === podWrites ? pods : undefined);
}

/** update.go rollingUpdate: replace old-revision pods while respecting maxUnavailable / maxSurge. */
function rollingUpdate(tx: Tx, ds: DaemonSet, eligible: Node[], byNode: Map<string, Pod[]>, hash: string): void {
  const desired = eligible.length;
  const ru = ds.spec.updateStrategy?.rollingUpdate;
  const maxSurge = intOrPercent(ru?.maxSurge ?? 0, desired, true);
  const maxUnavailable = intOrPercent(ru?.maxUnavailable ?? (maxSurge > 0 ? 0 : 1), desired, true);
  const minReady = ds.spec.minReadySeconds ?? 0;
  const now = tx.now;
  const live = (p: Pod) => !p.metadata.deletionTimestamp && p.status.phase !== 'Failed' && p.status.phase !== 'Succeeded';
  let unavailable = 0;
  const candidates: Pod[] = [];
  let surgeCount = 0;
  for (const node of eligible) {
    const here = (byNode.get(node.metadata.name) ?? [])
      .map((p) => tx.obj('Pod', keyOf(p)))
      .filter((p): p is Pod => p !== undefined && live(p));
    const fresh = here.filter((p) => p.metadata.labels?.[REVISION_LABEL] === hash);
    const old = here.filter((p) => p.metadata.labels?.[REVISION_LABEL] !== hash);
    const anyAvailable = here.some((p) => isPodAvailable(p, minReady, now));
    if (!anyAvailable) unavailable++;
    if (old.length === 0) continue;
    if (maxSurge > 0) {
      if (fresh.length === 0) {
        if (surgeCount < maxSurge) {
          surgeCount++;
          createDaemonPod(tx, ds, node.metadata.name, hash);
        }
      } else if (fresh.some((p) => isPodAvailable(p, minReady, now))) {
        for (const p of old) deleteDaemonPod(tx, ds, p);
      }
      continue;
    }
    if (!old.some((p) => isPodAvailable(p, minReady, now))) {
      // An old pod that is not available anyway can go at once: it changes nothing for availability.
      for (const p of old) deleteDaemonPod(tx, ds, p);
    } else candidates.push(...old);
  }
  for (const p of candidates) {
    if (unavailable >= maxUnavailable) break;
    unavailable++;
    deleteDaemonPod(tx, ds, p);
  }
}

function updateStatus(tx: Tx, key: string, hash: string, claimed?: Pod[]): void {
  const ds = tx.obj('DaemonSet', key)!;
  const pods = claimed ?? claimPods(tx, ds, (labels) => matchesSelector(ds.spec.selector, labels));
  const status = daemonSetStatus(ds, sortedNodes(tx), pods, hash, tx.now);
  if (JSON.stringify(status) !== JSON.stringify(ds.status)) {
    tx.update('DaemonSet', key, (d) => {
      d.status = status;
    });
  }
  // minReadySeconds: availability changes with time alone, so look again when the next pod becomes available.
  const minReady = ds.spec.minReadySeconds ?? 0;
  if (minReady > 0 && (status.numberAvailable ?? 0) < status.numberReady) tx.after(1000, QUEUE, key);
}

/**
 * What a sync reads of a pod, and how soon it matters. Placement (spec), revision and ownership, deletion and a
 * finished phase change what the controller creates or deletes: it syncs at once. Starting (phase Running) and
 * readiness only move status and the rolling update's count of available pods: the sync waits for the next whole
 * simulated second (status at every whole second is the same; a 5,000-pod DaemonSet rolling 500 pods at a time
 * is otherwise read at every 100 ms step in which one of them became ready). Anything else: no sync.
 */
function daemonPodChange(old: Pod, cur: Pod): 'now' | 'soon' | 'none' {
  const finished = (p: Pod) => p.status.phase === 'Failed' || p.status.phase === 'Succeeded';
  if (
    old.spec !== cur.spec ||
    old.metadata.labels !== cur.metadata.labels ||
    old.metadata.ownerReferences !== cur.metadata.ownerReferences ||
    old.metadata.deletionTimestamp !== cur.metadata.deletionTimestamp ||
    finished(old) !== finished(cur)
  ) {
    return 'now';
  }
  return old.status.phase !== cur.status.phase || readinessKey(old) !== readinessKey(cur) ? 'soon' : 'none';
}

/**
 * Every node, by name. Cached per Node table while no node is written: a sync reads all 5,000 nodes, and
 * syncs come with every daemon pod that becomes ready.
 */
function sortedNodes(tx: Tx): Node[] {
  const table = tx.unchangedTable('Node');
  const cached = table ? nodesByName.get(table) : nodesInTx.get(tx);
  if (cached && (table || cached.version === tx.writesTo('Node'))) return cached.nodes;
  const nodes = Object.freeze(tx.objects('Node').sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) as Node[];
  if (table) nodesByName.set(table, { version: 0, nodes });
  else nodesInTx.set(tx, { version: tx.writesTo('Node'), nodes });
  return nodes;
}
const nodesByName = new WeakMap<object, { version: number; nodes: Node[] }>();
/** While nodes are being written (a node added, killed, tainted), per transaction and Node-table version. */
const nodesInTx = new WeakMap<Tx, { version: number; nodes: Node[] }>();

function allDaemonSets(tx: Tx): void {
  for (const ds of tx.objects('DaemonSet')) tx.enqueue(QUEUE, keyOf(ds));
}

export const daemonSetController: Controller = {
  name: QUEUE,
  watches: {
    DaemonSet: (tx, _old, next) => {
      if (next) tx.enqueue(QUEUE, keyOf(next));
    },
    Pod: (tx, old, next) => {
      // Kubernetes wakes the controller on every pod update; updates a sync cannot see (container state churn)
      // are skipped, which matters when the DaemonSet has a pod on each of 5,000 nodes.
      if (old && next) {
        const change = daemonPodChange(old as Pod, next as Pod);
        if (change === 'none') return;
        if (change === 'soon') return resyncControllerOfNextSecond(tx, QUEUE, 'DaemonSet', next);
      }
      enqueueControllerOf(tx, QUEUE, 'DaemonSet', old, next);
      if (next && !old) enqueueMatchingControllers(tx, QUEUE, tx.objects('DaemonSet'), next as Pod, (c, l) => matchesSelector(c.spec.selector, l));
      if (next && old && JSON.stringify(old.metadata.labels) !== JSON.stringify(next.metadata.labels)) {
        enqueueMatchingControllers(tx, QUEUE, tx.objects('DaemonSet'), next as Pod, (c, l) => matchesSelector(c.spec.selector, l));
      }
    },
    Node: (tx, old, next) => {
      // Only what can change eligibility or availability: labels, taints, existence, readiness.
      const o = old as Node | undefined;
      const n = next as Node | undefined;
      if (!o || !n || JSON.stringify(o.metadata.labels) !== JSON.stringify(n.metadata.labels) || JSON.stringify(o.spec.taints) !== JSON.stringify(n.spec.taints)) {
        allDaemonSets(tx);
      }
    },
  },
  reconcile,
};
