// The DaemonSet controller (pkg/controller/daemon/daemon_controller.go manage/syncNodes, update.go rollingUpdate):
// one pod per eligible node, pinned to it by node affinity and placed by the scheduler; pods on nodes that no
// longer qualify are deleted; failed daemon pods are deleted and recreated; template changes roll out per
// updateStrategy (RollingUpdate with maxUnavailable/maxSurge, or OnDelete).

import type { DaemonSet, Labels, Node, Pod, PodTemplateSpec } from '../api/types.js';
import { deleteObject } from '../apiserver.js';
import type { Controller } from '../controller.js';
import { recordEvent } from '../events.js';
import { matchesSelector } from '../labels.js';
import { keyOf } from '../store.js';
import type { Tx } from '../tx.js';
import { pinToNode, sortedNodes } from './daemonset-nodes.js';
import { isFinishedPod } from './daemonset-status.js';
import { COMPONENT, DaemonSetSync } from './daemonset-sync.js';
import { claimPods, controlledByOtherKind, createPodFromTemplate, enqueueControllerOf, enqueueMatchingControllers, resyncControllerOfNextSecond, sameReadiness } from './shared/pods.js';
import { REVISION_LABEL, templateHash } from './shared/revision.js';

const QUEUE = 'daemonset';
/** BurstReplicas: at most this many creations per sync. */
const BURST = 250;

/**
 * The labels of a new daemon pod: the template's, the revision hash and the template generation. One frozen
 * object per revision, shared by its pods (as pods of a ReplicaSet share their template's labels): memory, and
 * claimPods matches the selector once per labels object.
 */
function daemonPodLabels(template: PodTemplateSpec, hash: string, generation: string): Labels {
  const cached = podLabels.get(template);
  if (cached && cached.hash === hash && cached.generation === generation) return cached.labels;
  const labels = Object.freeze({ ...(template.metadata?.labels ?? {}), [REVISION_LABEL]: hash, 'pod-template-generation': generation });
  podLabels.set(template, { hash, generation, labels });
  return labels;
}
const podLabels = new WeakMap<PodTemplateSpec, { hash: string; generation: string; labels: Labels }>();

function createDaemonPod(tx: Tx, ds: DaemonSet, node: string, hash: string): Pod {
  const pod = createPodFromTemplate(tx, ds, ds.spec.template, {
    podLabels: daemonPodLabels(ds.spec.template, hash, String(ds.metadata.generation ?? 1)),
    mutate: (p) => pinToNode(p, node),
  });
  recordEvent(tx, ds, { type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${pod.metadata.name}`, component: COMPONENT });
  return pod;
}

function deleteDaemonPod(tx: Tx, ds: DaemonSet, pod: Pod): void {
  deleteObject(tx, 'Pod', keyOf(pod));
  recordEvent(tx, ds, { type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata.name}`, component: COMPONENT });
}

const ACTIONS = { create: createDaemonPod, remove: deleteDaemonPod };

function reconcile(tx: Tx, key: string): void {
  const ds = tx.obj('DaemonSet', key);
  if (!ds || ds.metadata.deletionTimestamp) return;
  const hash = templateHash(ds.spec.template);
  const selector = ds.spec.selector;
  const pods = claimPods(tx, ds, (labels) => matchesSelector(selector, labels));
  // Pods pinned to nodes that no longer exist are left to the pod GC (pkg/controller/podgc).
  const sync = new DaemonSetSync(tx, ds, hash, sortedNodes(tx), pods, ACTIONS);
  sync.syncNodes();
  if (sync.createPods(BURST) > 0) tx.after(1000, QUEUE, key);
  if (sync.rolling) sync.rollingUpdate();
  updateStatus(tx, key, sync);
}

function updateStatus(tx: Tx, key: string, sync: DaemonSetSync): void {
  const ds = tx.obj('DaemonSet', key)!;
  const status = sync.statusCounts().status(ds);
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
  if (
    old.spec !== cur.spec ||
    old.metadata.labels !== cur.metadata.labels ||
    old.metadata.ownerReferences !== cur.metadata.ownerReferences ||
    old.metadata.deletionTimestamp !== cur.metadata.deletionTimestamp ||
    isFinishedPod(old) !== isFinishedPod(cur)
  ) {
    return 'now';
  }
  return old.status.phase !== cur.status.phase || !sameReadiness(old, cur) ? 'soon' : 'none';
}

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
      if (controlledByOtherKind(old, next, 'DaemonSet')) return;
      if (old && next) {
        const change = daemonPodChange(old as Pod, next as Pod);
        if (change === 'none') return;
        if (change === 'soon') return resyncControllerOfNextSecond(tx, QUEUE, 'DaemonSet', next);
      }
      enqueueControllerOf(tx, QUEUE, 'DaemonSet', old, next);
      if (next && !old) enqueueMatchingControllers(tx, QUEUE, tx.objects('DaemonSet'), next as Pod, (c, l) => matchesSelector(c.spec.selector, l));
      if (next && old && old.metadata.labels !== next.metadata.labels && JSON.stringify(old.metadata.labels) !== JSON.stringify(next.metadata.labels)) {
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
