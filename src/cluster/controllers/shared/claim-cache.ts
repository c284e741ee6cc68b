// The pods each controller owns, as read by its last claim in this transaction: like the informer cache that
// pkg/controller/controller_ref_manager.go's ClaimPods lists from, so that a sync re-reads only the pods written
// since the previous sync of the same owner.
//
// Why: a ReplicaSet is synced at every whole second in which one of its pods moved (readiness), and each sync
// claimed all its pods, one Pod-table read each (~15 reads per pod over a converge; claimPods was 4.5 s of a
// 150,000-pod converge). The StatefulSet controller claims twice per sync; the DaemonSet claims its pod on every
// node at every sync.
//
// What the cache holds, and why it is exact: for an owner uid, the Pod members of the `dependents` index group
// in the group's order, each with the object the transaction returns for it. The group changes only when a Pod
// write changes ownerReferences (Tx.reindex: create, remove, or a new ownerReferences array), and every Pod write
// (put, update, remove: nothing writes the Pod table with the raw set/del) calls the Pod watchers after it is
// stored and indexed; claims run in reconcile, never inside a watcher. So trackPodWrite below forgets the owners
// of a pod whose references changed (their next claim reads the group again) and otherwise marks the pod for a
// re-read in the owners that list it. Marks and forgetting are idempotent, so the order in which nested writes
// reach this watcher does not matter. Entries live only as long as their transaction (a WeakMap keyed by the Tx):
// a new transaction may start from any State (rewind, tests), so nothing is carried from one to the next.

import type { KubeObject, Pod } from '../../api/types.js';
import type { Controller } from '../../controller.js';
import { INDEX, keyOf } from '../../store.js';
import type { Tx, Watcher } from '../../tx.js';

/** An owner's dependent pods: parallel arrays (a claim walks them at every sync; cheaper than a Map's entries). */
export interface DependentPods {
  /** Store keys, in the group's member order. */
  readonly keys: string[];
  /** The pod at each key as last read (undefined: the member had no row). */
  readonly pods: (Pod | undefined)[];
  /** Keys written since they were read. */
  readonly stale: Set<string>;
  /** Key → position, made when the first stale key is read again. */
  at: Map<string, number> | undefined;
}

const byTx = new WeakMap<Tx, Map<string, DependentPods>>();

/**
 * The pods in the `dependents` group of `uid`, as `tx.members` lists them and `tx.obj` reads them now: the same
 * keys in the same order, the same objects. Valid until the next write to a Pod (re-ask after writing).
 */
export function dependentPods(tx: Tx, uid: string): DependentPods {
  let owners = byTx.get(tx);
  if (!owners) byTx.set(tx, (owners = new Map()));
  let entry = owners.get(uid);
  if (!entry) {
    const keys: string[] = [];
    const pods: (Pod | undefined)[] = [];
    for (const ref of tx.members(INDEX.dependents, uid)) {
      const key = podKeyOfRef(tx, ref);
      if (key === undefined) continue;
      keys.push(key);
      pods.push(tx.obj('Pod', key));
    }
    owners.set(uid, (entry = { keys, pods, stale: new Set(), at: undefined }));
  } else if (entry.stale.size) {
    let at = entry.at;
    if (!at) {
      at = entry.at = new Map();
      for (let i = 0; i < entry.keys.length; i++) at.set(entry.keys[i], i);
    }
    for (const key of entry.stale) entry.pods[at.get(key)!] = tx.obj('Pod', key);
    entry.stale.clear();
  }
  return entry;
}

/** Every Pod write: forget the owners whose dependents may have changed, mark the pod stale in the others. */
const trackPodWrite: Watcher = (tx: Tx, oldObj: KubeObject | undefined, newObj: KubeObject | undefined) => {
  const owners = byTx.get(tx);
  if (!owners || owners.size === 0) return;
  const oldRefs = oldObj?.metadata.ownerReferences;
  const newRefs = newObj?.metadata.ownerReferences;
  if (oldObj && newObj && oldRefs === newRefs) {
    // Same ownerReferences array: the same groups list the pod; only its value changed.
    if (!newRefs) return;
    let key: string | undefined;
    for (let i = 0; i < newRefs.length; i++) owners.get(newRefs[i].uid)?.stale.add((key ??= keyOf(newObj)));
    return;
  }
  if (oldRefs) for (let i = 0; i < oldRefs.length; i++) owners.delete(oldRefs[i].uid);
  if (newRefs) for (let i = 0; i < newRefs.length; i++) owners.delete(newRefs[i].uid);
};

/**
 * Not a control loop: it only watches Pods to keep the cache above in step, as an informer's indexer does. It is
 * the last of CONTROLLERS, so the other watchers run in the same order as without it; it never writes.
 */
export const podClaimCache: Controller = {
  name: 'pod-claim-cache',
  watches: { Pod: trackPodWrite },
  reconcile: () => {},
};

const POD_REF = 'Pod|';

/**
 * The store key of a dependents-index member `Pod|ns/name` (undefined for other kinds), the same string for a
 * member from one sync to the next. A key sliced afresh is a new string, hashed again for the transaction's overlay
 * and looked up again in V8's string table before the bucket lookup: reading a 5,000-pod DaemonSet's pods took
 * 5.8 ms of CPU with fresh keys and 3.2 ms with the same ones (claimPods as a whole, measured in one process
 * alternately: 11.5 → 9.6 ms, 8.1 → 7.3 ms). The cache costs ~80 bytes per pod; it is dropped when it holds
 * twice as many members as there are pods (members of deleted pods stay until then).
 */
function podKeyOfRef(tx: Tx, ref: string): string | undefined {
  let key = podKeys.get(ref);
  if (key === undefined) {
    if (!ref.startsWith(POD_REF)) return undefined;
    if (podKeys.size > 2 * tx.count('Pod') + 1_000) podKeys.clear();
    podKeys.set(ref, (key = ref.slice(POD_REF.length)));
  }
  return key;
}
const podKeys = new Map<string, string>();
