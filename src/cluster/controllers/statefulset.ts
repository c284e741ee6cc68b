// The StatefulSet controller (pkg/controller/statefulset/stateful_set_control.go updateStatefulSet):
// ordinals in order (OrderedReady: ordinal N+1 only once 0..N are Running and Ready; scale down from the highest,
// one at a time) or all at once (Parallel); failed pods are deleted and recreated under the same name; a pod that
// is still terminating (e.g. on a lost node) holds its name, so its ordinal waits; RollingUpdate replaces pods from
// the highest ordinal down to `partition`, one at a time, each only when the previous is Ready again.

import type { Pod, PodTemplateSpec, StatefulSet } from '../api/types.js';
import { deleteObject } from '../apiserver.js';
import type { Controller } from '../controller.js';
import { recordEvent } from '../events.js';
import { matchesSelector } from '../labels.js';
import { keyOf, objectKey } from '../store.js';
import type { Tx } from '../tx.js';
import { claimPods, controlledByOtherKind, enqueueControllerOf, enqueueMatchingControllers, isPodAvailable, isPodReady } from './shared/pods.js';
import { REVISION_LABEL, templateHash } from './shared/revision.js';
import { COMPONENT, REVISIONS, claimName, createStatefulPod, ordinalOf } from './statefulset-pods.js';

const QUEUE = 'statefulset';

const runningAndReady = (p: Pod) => p.status.phase === 'Running' && isPodReady(p);
const revisionOf = (p: Pod) => p.metadata.labels?.[REVISION_LABEL] ?? '';

function deletePod(tx: Tx, set: StatefulSet, pod: Pod): void {
  deleteObject(tx, 'Pod', keyOf(pod));
  recordEvent(tx, set, {
    type: 'Normal',
    reason: 'SuccessfulDelete',
    message: `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`,
    component: COMPONENT,
  });
}

function templateOf(tx: Tx, set: StatefulSet, revision: string): PodTemplateSpec {
  const ns = set.metadata.namespace ?? 'default';
  return tx.get<PodTemplateSpec>(REVISIONS, `${ns}/${revision}`) ?? set.spec.template;
}

function reconcile(tx: Tx, key: string): void {
  const set = tx.obj('StatefulSet', key);
  if (!set || set.metadata.deletionTimestamp) return;
  const ns = set.metadata.namespace ?? 'default';
  const name = set.metadata.name;
  const replicas = set.spec.replicas ?? 1;
  const start = set.spec.ordinals?.start ?? 0;
  const parallel = set.spec.podManagementPolicy === 'Parallel';
  const strategy = set.spec.updateStrategy?.type ?? 'RollingUpdate';
  const partition = set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;

  const updateRevision = `${name}-${templateHash(set.spec.template)}`;
  if (!tx.get(REVISIONS, `${ns}/${updateRevision}`)) tx.set(REVISIONS, `${ns}/${updateRevision}`, set.spec.template);
  const currentRevision = set.status.currentRevision || updateRevision;

  // Only pods named <set>-<ordinal> are claimed (stateful_set.go getPodsForStatefulSet: the isMemberOf filter), so an
  // orphaned pod of another controller with matching labels is not adopted.
  const pods = claimPods(tx, set, (labels) => matchesSelector(set.spec.selector, labels), (p) => ordinalOf(set, p) >= 0);
  const byOrdinal = new Map<number, Pod>();
  const condemned: Pod[] = [];
  for (const p of pods) {
    const ord = ordinalOf(set, p);
    if (ord < 0) continue;
    if (ord >= start && ord < start + replicas) byOrdinal.set(ord, p);
    else condemned.push(p);
  }
  condemned.sort((a, b) => ordinalOf(set, b) - ordinalOf(set, a));

  // The revision a new pod at `ord` gets (newVersionedStatefulSetPod).
  const revisionFor = (ord: number) => {
    if (strategy === 'RollingUpdate' && ord - start < partition) return currentRevision;
    return updateRevision;
  };

  let blocked = false;
  for (let ord = start; ord < start + replicas && !blocked; ord++) {
    const pod = byOrdinal.get(ord);
    if (!pod) {
      const rev = revisionFor(ord);
      byOrdinal.set(ord, createStatefulPod(tx, set, ord, rev, templateOf(tx, set, rev)));
      if (!parallel) blocked = true;
      continue;
    }
    if (pod.status.phase === 'Failed' || pod.status.phase === 'Succeeded') {
      if (!pod.metadata.deletionTimestamp) deletePod(tx, set, pod);
      if (!parallel) blocked = true;
      continue;
    }
    if (!parallel && (pod.metadata.deletionTimestamp || !runningAndReady(pod))) blocked = true;
  }

  // Scale down: highest ordinal first; OrderedReady only when every replica is healthy, one at a time.
  if (condemned.length) {
    if (parallel) {
      for (const p of condemned) if (!p.metadata.deletionTimestamp) deletePod(tx, set, p);
    } else if (!blocked) {
      const first = condemned[0];
      if (!first.metadata.deletionTimestamp) deletePod(tx, set, first);
      blocked = true;
    }
  }
  for (const p of condemned) {
    if (set.spec.persistentVolumeClaimRetentionPolicy?.whenScaled === 'Delete' && !tx.obj('Pod', keyOf(p))) {
      for (const t of set.spec.volumeClaimTemplates ?? []) {
        deleteObject(tx, 'PersistentVolumeClaim', objectKey('PersistentVolumeClaim', ns, claimName(t.metadata.name, set, ordinalOf(set, p))));
      }
    }
  }

  // RollingUpdate: after scaling is done, replace the highest old-revision pod at or above the partition.
  if (!blocked && strategy === 'RollingUpdate') {
    for (let ord = start + replicas - 1; ord >= start + partition; ord--) {
      const pod = byOrdinal.get(ord);
      if (!pod || pod.metadata.deletionTimestamp) break;
      if (revisionOf(pod) !== updateRevision) {
        deletePod(tx, set, pod);
        break;
      }
      if (!runningAndReady(pod)) break;
    }
  }
  updateStatus(tx, key, currentRevision, updateRevision);
}

function updateStatus(tx: Tx, key: string, currentRevision: string, updateRevision: string): void {
  const set = tx.obj('StatefulSet', key)!;
  const pods = claimPods(tx, set, (labels) => matchesSelector(set.spec.selector, labels), (p) => ordinalOf(set, p) >= 0);
  const live = pods.filter((p) => !p.metadata.deletionTimestamp);
  const minReady = set.spec.minReadySeconds ?? 0;
  const replicas = set.spec.replicas ?? 1;
  const updated = live.filter((p) => revisionOf(p) === updateRevision).length;
  // The rollout is complete when every replica runs the update revision: it becomes the current one.
  const current = updated === replicas && live.length === replicas ? updateRevision : currentRevision;
  const status: StatefulSet['status'] = {
    observedGeneration: set.metadata.generation,
    replicas: live.length,
    readyReplicas: live.filter(runningAndReady).length,
    currentReplicas: live.filter((p) => revisionOf(p) === current).length,
    updatedReplicas: updated,
    currentRevision: current,
    updateRevision,
    collisionCount: 0,
    availableReplicas: live.filter((p) => isPodAvailable(p, minReady, tx.now)).length,
  };
  if (JSON.stringify(status) !== JSON.stringify(set.status)) {
    tx.update('StatefulSet', key, (s) => {
      s.status = status;
    });
  }
  if (minReady > 0 && status.availableReplicas! < status.readyReplicas!) tx.after(1000, QUEUE, key);
}

export const statefulSetController: Controller = {
  name: QUEUE,
  watches: {
    StatefulSet: (tx, _old, next) => {
      if (next) tx.enqueue(QUEUE, keyOf(next));
    },
    Pod: (tx, old, next) => {
      if (controlledByOtherKind(old, next, 'StatefulSet')) return;
      enqueueControllerOf(tx, QUEUE, 'StatefulSet', old, next);
      // The same labels object is the same labels: most writes (kubelet status) keep it, and stringifying both on
      // every pod write was 1.7 s of a 150,000-pod converge.
      if (
        next &&
        (!old || (old.metadata.labels !== next.metadata.labels && JSON.stringify(old.metadata.labels) !== JSON.stringify(next.metadata.labels)))
      ) {
        enqueueMatchingControllers(tx, QUEUE, tx.objects('StatefulSet'), next as Pod, (c, l) => matchesSelector(c.spec.selector, l));
      }
    },
  },
  reconcile,
};
