// What the kube-apiserver does on create and delete, for simulation code and user actions alike:
// uid/creationTimestamp/generateName on create (staging/src/k8s.io/apiserver/pkg/registry/rest/create.go),
// graceful deletion of pods (pkg/registry/core/pod/strategy.go CheckGracefulDelete) and the deletion
// propagation policies that the garbage collector then carries out (pkg/controller/garbagecollector).

import type { Kind, KubeObject, ObjectOfKind, Pod } from './api/types.js';
import { API_VERSION } from './api/types.js';
import type { Cascade } from './actions.js';
import { objectKey, keyOf } from './store.js';
import type { Tx } from './tx.js';
import { GENERATED_SUFFIX_LENGTH, MAX_GENERATE_NAME_PREFIX, suffixFrom } from './util/names.js';
import { rfc3339 } from './util/time.js';
import { withDefaultTolerations } from './nodes/taints.js';

/** The GC's work queue; keys are owner uids. */
export const GC_QUEUE = 'garbagecollector';
/** Index: uid → `Kind|key` of objects being deleted in the foreground. */
export const FOREGROUND = 'foregroundDeletion';

export function generateName(tx: Tx, kind: Kind, namespace: string, prefix: string): string {
  const base = prefix.slice(0, MAX_GENERATE_NAME_PREFIX);
  for (;;) {
    const rs: number[] = [];
    for (let i = 0; i < GENERATED_SUFFIX_LENGTH; i++) rs.push(tx.random());
    const name = base + suffixFrom(rs);
    if (!tx.obj(kind, objectKey(kind, namespace, name))) return name;
  }
}

/**
 * Stores a new object the way the API server does: fills uid, creationTimestamp, generation, and a name from
 * generateName. The caller has already defaulted and validated it. Returns the stored object.
 */
export function createObject<T extends KubeObject>(tx: Tx, obj: T): T {
  return createNewObject(tx, { ...obj, metadata: { ...obj.metadata } });
}

/**
 * createObject for an object the caller has just built and hands over: its top level and metadata are filled in
 * place instead of copied (the same keys in the same order: a copy with the same fields assigned). The pod
 * controllers create one per pod, ~150,000 in one apply at the largest benchmark size.
 */
export function createNewObject<T extends KubeObject>(tx: Tx, obj: T): T {
  const meta = obj.metadata;
  const ns = obj.kind === 'Node' ? undefined : (meta.namespace ?? 'default');
  if (!meta.name && meta.generateName) meta.name = generateName(tx, obj.kind, ns ?? '', meta.generateName);
  if (ns !== undefined) meta.namespace = ns;
  meta.uid = meta.uid || tx.uid();
  meta.creationTimestamp = rfc3339(tx.now);
  if (obj.kind !== 'Pod' && obj.kind !== 'Event' && obj.kind !== 'Node' && obj.kind !== 'PersistentVolumeClaim') {
    meta.generation = 1;
  }
  (obj as { apiVersion: string }).apiVersion = API_VERSION[obj.kind];
  if (obj.kind === 'Pod') {
    // DefaultTolerationSeconds admission (plugin/pkg/admission/defaulttolerationseconds) runs before the pod is
    // stored, so a controller's new pod is written once, not created and then patched.
    const pod = obj as unknown as Pod;
    const tolerations = withDefaultTolerations(pod.spec.tolerations, tx.config.defaultTolerationSeconds);
    if (tolerations !== pod.spec.tolerations) pod.spec = { ...pod.spec, tolerations };
  }
  return tx.put(obj);
}

export interface DeleteOptions {
  cascade?: Cascade;
  gracePeriodSeconds?: number;
  force?: boolean;
}

/**
 * Deletes an object as the API server would. Pods bound to a node get a deletionTimestamp and are removed by
 * their kubelet after the grace period (or stay Terminating if the kubelet is gone); everything else is removed
 * at once (background), after its dependents (foreground), or after its dependents are released (orphan).
 */
export function deleteObject(tx: Tx, kind: Kind, key: string, opts: DeleteOptions = {}): KubeObject | undefined {
  const obj = tx.obj(kind, key) as KubeObject | undefined;
  if (!obj) return undefined;
  const cascade = opts.cascade ?? 'background';
  if (kind === 'Pod') return deletePod(tx, obj as Pod, opts);
  if (cascade === 'foreground') {
    if (obj.metadata.deletionTimestamp) return obj;
    const next = tx.update(kind, key, (o) => {
      o.metadata.deletionTimestamp = rfc3339(tx.now);
      o.metadata.deletionGracePeriodSeconds = 0;
      o.metadata.finalizers = [...(o.metadata.finalizers ?? []), 'foregroundDeletion'];
    });
    // Remember which object this uid is, so the GC can finish the deletion once the last dependent is gone.
    tx.groupAdd(FOREGROUND, obj.metadata.uid, `${kind}|${key}`);
    tx.enqueue(GC_QUEUE, obj.metadata.uid);
    return next;
  }
  if (cascade === 'orphan') orphanDependents(tx, obj);
  tx.remove(kind, key);
  if (cascade === 'background') tx.enqueue(GC_QUEUE, obj.metadata.uid);
  return obj;
}

function deletePod(tx: Tx, pod: Pod, opts: DeleteOptions): Pod | undefined {
  const key = keyOf(pod);
  const grace = opts.force && opts.gracePeriodSeconds === 0 ? 0 : (opts.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30);
  // Unbound pods, and force deletion with zero grace, skip the kubelet (pod strategy CheckGracefulDelete).
  if (!pod.spec.nodeName || (opts.force && grace === 0)) {
    tx.remove('Pod', key);
    return pod;
  }
  const due = tx.now + grace * 1000;
  const current = pod.metadata.deletionTimestamp ? Date.parse(pod.metadata.deletionTimestamp) : undefined;
  if (current !== undefined && current <= due) return pod; // a deletion already under way is only ever shortened
  return tx.update('Pod', key, (p) => {
    p.metadata.deletionTimestamp = rfc3339(due);
    p.metadata.deletionGracePeriodSeconds = grace;
  });
}

/** The orphan policy: strip ownerReferences to `owner` from all its dependents (garbagecollector.go orphanDependents). */
export function orphanDependents(tx: Tx, owner: KubeObject): void {
  for (const ref of tx.members('dependents', owner.metadata.uid)) {
    const i = ref.indexOf('|');
    const kind = ref.slice(0, i) as Kind;
    tx.update(kind, ref.slice(i + 1), (o) => {
      const left = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
      if (left.length) o.metadata.ownerReferences = left;
      else delete o.metadata.ownerReferences;
    });
  }
}

/** The controller ownerReference a controller sets on what it creates (metav1.NewControllerRef). */
export function controllerRef(owner: KubeObject) {
  return {
    apiVersion: API_VERSION[owner.kind],
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The object that controls `obj` (ownerReference with controller: true), if it still exists with that uid. */
export function controllerOf<K extends Kind>(tx: Tx, obj: KubeObject, kind?: K): ObjectOfKind<K> | undefined {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  if (!ref || (kind && ref.kind !== kind)) return undefined;
  const owner = tx.obj(ref.kind as Kind, objectKey(ref.kind as Kind, obj.metadata.namespace, ref.name));
  return owner && owner.metadata.uid === ref.uid ? (owner as ObjectOfKind<K>) : undefined;
}
