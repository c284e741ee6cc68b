// The garbage collector (pkg/controller/garbagecollector/garbagecollector.go), reduced to what workloads need:
// - an owner is gone (background deletion) → its dependents are deleted, unless another owner still lives;
// - an owner carries the `foregroundDeletion` finalizer → its dependents are deleted first, and the owner is
//   removed once none are left (pods count until their kubelet has removed them, as blockOwnerDeletion makes
//   the real GC wait).
// Keys on the queue are owner uids; the dependents index (tx.ts) says who points at each uid.

import type { Kind, KubeObject } from '../api/types.js';
import { FOREGROUND, GC_QUEUE, deleteObject } from '../apiserver.js';
import type { Controller } from '../controller.js';
import { INDEX, keyOf, objectKey } from '../store.js';
import type { Tx } from '../tx.js';

function parseRef(ref: string): { kind: Kind; key: string } {
  const i = ref.indexOf('|');
  return { kind: ref.slice(0, i) as Kind, key: ref.slice(i + 1) };
}

/** Finds the owner with this uid through one of its dependents' ownerReferences. */
function findOwner(tx: Tx, uid: string, dependents: KubeObject[]): KubeObject | undefined {
  for (const dep of dependents) {
    const ref = dep.metadata.ownerReferences?.find((r) => r.uid === uid);
    if (!ref) continue;
    const owner = tx.obj(ref.kind as Kind, objectKey(ref.kind as Kind, dep.metadata.namespace, ref.name)) as KubeObject | undefined;
    return owner && owner.metadata.uid === uid ? owner : undefined;
  }
  return undefined;
}

function ownerAlive(tx: Tx, dep: KubeObject, uid: string): boolean {
  const ref = dep.metadata.ownerReferences?.find((r) => r.uid === uid);
  if (!ref) return false;
  const owner = tx.obj(ref.kind as Kind, objectKey(ref.kind as Kind, dep.metadata.namespace, ref.name));
  return !!owner && owner.metadata.uid === uid;
}

export const garbageCollector: Controller = {
  name: GC_QUEUE,
  watches: Object.fromEntries(
    (['Pod', 'ReplicationController', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'PersistentVolumeClaim', 'Node'] as Kind[]).map((k) => [
      k,
      (tx: Tx, oldObj: KubeObject | undefined, newObj: KubeObject | undefined) => {
        if (!newObj && oldObj) {
          // Removed: its dependents may be garbage now, and its owners may be waiting on it (foreground).
          tx.enqueue(GC_QUEUE, oldObj.metadata.uid);
          for (const r of oldObj.metadata.ownerReferences ?? []) tx.enqueue(GC_QUEUE, r.uid);
        } else if (newObj?.metadata.deletionTimestamp && newObj.metadata.finalizers?.includes('foregroundDeletion')) {
          tx.enqueue(GC_QUEUE, newObj.metadata.uid);
        }
      },
    ]),
  ),
  reconcile(tx: Tx, uid: string) {
    const refs = tx.members(INDEX.dependents, uid);
    const fg = tx.members(FOREGROUND, uid)[0];
    const resolve = (ref: string) => {
      const { kind, key } = parseRef(ref);
      return tx.obj(kind, key) as KubeObject | undefined;
    };
    // The common wake-up is a pod of a live ReplicaSet going away: the owner is found through the first dependent
    // that still exists, and nothing else needs reading (resolving all 500 of a ReplicaSet's pods per removed pod
    // was most of the collector's time during churn).
    let owner: KubeObject | undefined;
    if (fg) owner = resolve(fg);
    else {
      for (const ref of refs) {
        const dep = resolve(ref);
        if (!dep?.metadata.ownerReferences?.some((r) => r.uid === uid)) continue;
        owner = findOwner(tx, uid, [dep]);
        break;
      }
    }
    if (owner && (!owner.metadata.finalizers?.includes('foregroundDeletion') || !owner.metadata.deletionTimestamp)) return;
    const deps = refs.map(resolve).filter((o): o is KubeObject => o !== undefined);
    if (owner) {
      for (const dep of deps) {
        if (!dep.metadata.deletionTimestamp) deleteObject(tx, dep.kind, keyOf(dep), { cascade: 'foreground' });
      }
      if (tx.members(INDEX.dependents, uid).length === 0) {
        tx.groupRemove(FOREGROUND, uid, fg ?? `${owner.kind}|${keyOf(owner)}`);
        tx.remove(owner.kind, keyOf(owner));
      }
      return;
    }
    if (fg) tx.groupRemove(FOREGROUND, uid, fg);
    for (const dep of deps) {
      const others = (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      if (others.some((r) => ownerAlive(tx, dep, r.uid))) {
        tx.update(dep.kind, keyOf(dep), (o) => {
          o.metadata.ownerReferences = o.metadata.ownerReferences?.filter((r) => r.uid !== uid);
        });
      } else if (!dep.metadata.deletionTimestamp) {
        deleteObject(tx, dep.kind, keyOf(dep), { cascade: 'background' });
      }
    }
  },
};
