// What every workload controller shares, after pkg/controller/controller_utils.go and controller_ref_manager.go:
// creating pods from a template, claiming (adopting/releasing) pods by selector, pod readiness predicates,
// and slow-start batching.

import type { KubeObject, Labels, OwnerReference, Pod, PodCondition, PodTemplateSpec } from '../../api/types.js';
import { controllerRef, createNewObject } from '../../apiserver.js';
import { withDefaultTolerations } from '../../nodes/taints.js';
import { INDEX, keyOf, objectKey } from '../../store.js';
import type { Tx } from '../../tx.js';
import { dependentPods } from './claim-cache.js';

/** FilterActivePods: not Succeeded/Failed and not being deleted. */
export function isPodActive(p: Pod): boolean {
  return p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed' && !p.metadata.deletionTimestamp;
}

/** The Ready condition (a loop, not `find` with a closure: controllers ask it of every pod they own, per sync). */
export function podReadyCondition(p: Pod): PodCondition | undefined {
  const conditions = p.status.conditions;
  if (conditions) for (let i = 0; i < conditions.length; i++) if (conditions[i].type === 'Ready') return conditions[i];
  return undefined;
}

export function isPodReady(p: Pod): boolean {
  return podReadyCondition(p)?.status === 'True';
}

/** podutil.IsPodAvailable: Ready for at least minReadySeconds. */
export function isPodAvailable(p: Pod, minReadySeconds: number, now: number): boolean {
  const c = podReadyCondition(p);
  return c?.status === 'True' && readyLongEnough(c, minReadySeconds, now);
}

/** The rest of IsPodAvailable once the Ready condition is known to be True: for callers that counted it ready. */
export function readyLongEnough(ready: PodCondition, minReadySeconds: number, now: number): boolean {
  if (!minReadySeconds) return true;
  const since = ready.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : now;
  return since + minReadySeconds * 1000 <= now;
}

export interface NewPodOptions {
  /** Fixed name (StatefulSet); otherwise `generateName` = `<owner>-`. */
  name?: string;
  generateName?: string;
  labels?: Labels;
  /** The pod's labels exactly, shared as they are (one frozen object per revision, as the DaemonSet keeps). */
  podLabels?: Labels;
  annotations?: Record<string, string>;
  /** Extra changes to the pod spec (DaemonSet node affinity, StatefulSet hostname…). */
  mutate?: (pod: Pod) => void;
}

/** `[controllerRef(owner)]`, one frozen array per owner shared by its pods (memory at 150,000 pods). */
function controllerRefs(owner: KubeObject): OwnerReference[] {
  let refs = ownerRefs.get(owner.metadata.uid);
  if (!refs || refs[0].name !== owner.metadata.name || refs[0].kind !== owner.kind) {
    refs = Object.freeze([Object.freeze(controllerRef(owner))]) as OwnerReference[];
    if (ownerRefs.size > 10_000) ownerRefs.clear();
    ownerRefs.set(owner.metadata.uid, refs);
  }
  return refs;
}
const ownerRefs = new Map<string, OwnerReference[]>();

/** controller_utils.go GetPodFromTemplate + CreatePods: a new pod controlled by `owner`. */
export function createPodFromTemplate(tx: Tx, owner: KubeObject, template: PodTemplateSpec, opts: NewPodOptions = {}): Pod {
  // The template is stored (frozen) in its owner: a pod nobody mutates shares its containers, volumes and the
  // rest of the spec with it, which is most of a pod's memory (150,000 pods of a few templates). Pods that a
  // controller changes (DaemonSet node affinity, Job index, StatefulSet identity) get their own copy.
  const spec = opts.mutate ? structuredClone(template.spec) : { ...template.spec };
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: opts.name ?? '',
      ...(opts.name ? {} : { generateName: opts.generateName ?? `${owner.metadata.name}-` }),
      namespace: owner.metadata.namespace ?? 'default',
      uid: '',
      creationTimestamp: '',
      labels:
        opts.podLabels ??
        (opts.labels || opts.mutate || !template.metadata?.labels ? { ...(template.metadata?.labels ?? {}), ...(opts.labels ?? {}) } : template.metadata.labels),
      ...(template.metadata?.annotations || opts.annotations
        ? { annotations: { ...(template.metadata?.annotations ?? {}), ...(opts.annotations ?? {}) } }
        : {}),
      ownerReferences: controllerRefs(owner),
    },
    spec,
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  };
  if (isEmpty(pod.metadata.labels!)) delete pod.metadata.labels;
  opts.mutate?.(pod);
  // DefaultTolerationSeconds admission, as createNewObject does it, but on this pod's own spec copy: the API
  // server's step then finds nothing to add and does not copy the spec again (one object less per pod). Assigning
  // the key gives the same key order as the API server's `{ ...spec, tolerations }`.
  const tolerations = withDefaultTolerations(pod.spec.tolerations, tx.config.defaultTolerationSeconds);
  if (tolerations !== pod.spec.tolerations) pod.spec.tolerations = tolerations;
  // A new object of ours: filled in place, not copied (createNewObject).
  return createNewObject(tx, pod);
}

/** No own keys (without listing them, as Object.keys would for each new pod). */
function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/**
 * ClaimPods (controller_ref_manager.go): returns the pods `owner` controls after adopting matching orphans
 * (not being deleted) and releasing owned pods that no longer match. Pods controlled by others are ignored.
 * Reads only the owner's dependents and the namespace's orphans (indexes), never every pod.
 * `consider` limits the pods looked at, as the caller's pod list does in kubernetes: the ReplicaSet controller
 * claims only FilterActivePods, so it neither adopts nor releases finished or terminating pods.
 *
 * Cost: a 5,000-pod DaemonSet is claimed at every sync. Pods of one template share their labels object, so the
 * selector is asked once per labels object met in a row, not once per pod; no closure is made per pod, and only
 * the pods written since the owner's last claim in this transaction are read again (claim-cache.ts).
 */
export function claimPods(
  tx: Tx,
  owner: KubeObject,
  matches: (labels: Labels | undefined) => boolean,
  consider?: (pod: Pod) => boolean,
): Pod[] {
  const ns = owner.metadata.namespace ?? 'default';
  const uid = owner.metadata.uid;
  const deleting = !!owner.metadata.deletionTimestamp;
  const owned: Pod[] = [];
  let lastLabels: Labels | undefined | null = null;
  let lastMatch = false;
  const matching = (labels: Labels | undefined): boolean => {
    if (labels !== lastLabels) {
      lastLabels = labels;
      lastMatch = matches(labels);
    }
    return lastMatch;
  };
  // The owner's pods as this transaction last read them (claim-cache.ts): only those written since are read
  // again. After a write of our own (a release) the rest are read afresh, as a list-then-read loop would see them.
  let wrote = false;
  const { keys, pods } = dependentPods(tx, uid);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const pod = wrote ? tx.obj('Pod', key) : pods[i];
    if (!pod || (consider && !consider(pod)) || !isControlledBy(pod, uid)) continue;
    if (matching(pod.metadata.labels)) {
      owned.push(pod);
    } else if (!deleting) {
      // Release: the pod keeps running, unowned (the notes' `kubectl label pod x app=foo --overwrite`).
      tx.update('Pod', key, (p) => {
        const left = (p.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        if (left.length) p.metadata.ownerReferences = left;
        else delete p.metadata.ownerReferences;
      });
      wrote = true;
    }
  }
  if (deleting) return owned;
  for (const key of tx.members(INDEX.orphanPods, ns)) {
    const pod = tx.obj('Pod', key);
    if (!pod || pod.metadata.deletionTimestamp || (consider && !consider(pod)) || !matching(pod.metadata.labels)) continue;
    const adopted = tx.update('Pod', key, (p) => {
      p.metadata.ownerReferences = [...(p.metadata.ownerReferences ?? []), controllerRef(owner)];
    });
    if (adopted) owned.push(adopted);
  }
  return owned;
}

/** Has a controller ownerReference to `uid`. */
function isControlledBy(pod: Pod, uid: string): boolean {
  const refs = pod.metadata.ownerReferences;
  if (refs) for (let i = 0; i < refs.length; i++) if (refs[i].uid === uid && refs[i].controller) return true;
  return false;
}

/** The controller ownerReference (a loop, not `find` with a closure: every Pod watcher asks it on every pod write). */
export function controllerRefOf(obj: KubeObject | undefined): OwnerReference | undefined {
  const refs = obj?.metadata.ownerReferences;
  if (refs) for (let i = 0; i < refs.length; i++) if (refs[i].controller) return refs[i];
  return undefined;
}

/**
 * An update that keeps the pod's ownerReferences array, of a pod that has a controller and none of `kind`: no Pod
 * watcher of a `kind` controller can act on it (the pod's controller is not one of theirs, and a controlled pod is
 * no orphan to adopt), so the watchers return at once. Each watcher runs on every pod write, and most pods belong
 * to one kind of controller (the ReplicationController's watcher sees every ReplicaSet pod).
 */
export function controlledByOtherKind(old: KubeObject | undefined, cur: KubeObject | undefined, kind: string): boolean {
  if (!old || !cur) return false;
  const refs = cur.metadata.ownerReferences;
  if (!refs || refs !== old.metadata.ownerReferences) return false;
  let controlled = false;
  for (let i = 0; i < refs.length; i++) {
    if (!refs[i].controller) continue;
    if (refs[i].kind === kind) return false;
    controlled = true;
  }
  return controlled;
}

/** The controller ownerReference if it is of `kind` (the first controller reference of that kind). */
function controllerRefOfKind(obj: KubeObject | undefined, kind: string): OwnerReference | undefined {
  const refs = obj?.metadata.ownerReferences;
  if (refs) for (let i = 0; i < refs.length; i++) if (refs[i].controller && refs[i].kind === kind) return refs[i];
  return undefined;
}

/**
 * The controllers whose pods changed: the controller ownerReference of old and new (an informer's handlers).
 * Two parameters, not a rest array: the Pod watchers call it on every pod write (~1M at 150,000 pods).
 */
export function enqueueControllerOf(tx: Tx, queue: string, kind: string, a: KubeObject | undefined, b?: KubeObject): void {
  const refA = controllerRefOfKind(a, kind);
  if (refA) tx.enqueue(queue, objectKey(kind as KubeObject['kind'], a!.metadata.namespace, refA.name));
  const refB = controllerRefOfKind(b, kind);
  if (refB) tx.enqueue(queue, objectKey(kind as KubeObject['kind'], b!.metadata.namespace, refB.name));
}

/**
 * enqueueControllerOf, batched to the next whole simulated second: for pod changes that only move the
 * controller's status (a pod starting or becoming ready). Syncing at every 100 ms step in which some pod of a
 * 500-replica set became ready read the whole set 50 times in 5 s; the status read at any whole second (every
 * `wait`, every printed age) is the same either way.
 */
export function resyncControllerOfNextSecond(tx: Tx, queue: string, kind: string, pod: KubeObject): void {
  const ref = controllerRefOfKind(pod, kind);
  if (ref) tx.at(Math.ceil(tx.now / 1000) * 1000, queue, objectKey(kind as KubeObject['kind'], pod.metadata.namespace, ref.name));
}

/** What of a pod's readiness a controller's status depends on: the Ready condition's status and transition time. */
export function readinessKey(p: Pod): string {
  const c = podReadyCondition(p);
  return c ? `${c.status}|${c.lastTransitionTime ?? ''}` : '';
}

/**
 * readinessKey(a) === readinessKey(b) without building the two strings (the ReplicaSet and DaemonSet Pod watchers
 * ask it on every write of a pod they own). A status never contains '|', so the keys are equal exactly when both
 * pods lack the condition or both have it with the same status and transition time.
 */
export function sameReadiness(a: Pod, b: Pod): boolean {
  const ca = podReadyCondition(a);
  const cb = podReadyCondition(b);
  if (ca === cb) return true;
  if (!ca || !cb) return false;
  return ca.status === cb.status && (ca.lastTransitionTime ?? '') === (cb.lastTransitionTime ?? '');
}

/** Orphan pods may be adopted by any matching controller of the namespace: enqueue those that match. */
export function enqueueMatchingControllers<T extends KubeObject>(
  tx: Tx,
  queue: string,
  controllers: T[],
  pod: Pod,
  matches: (c: T, labels: Labels | undefined) => boolean,
): void {
  if (pod.metadata.ownerReferences?.some((r) => r.controller)) return;
  for (const c of controllers) {
    if ((c.metadata.namespace ?? 'default') === (pod.metadata.namespace ?? 'default') && matches(c, pod.metadata.labels)) {
      tx.enqueue(queue, keyOf(c));
    }
  }
}

/**
 * slowStartBatch (controller_utils.go): run `count` creations in batches of 1, 2, 4, …; stop at the first
 * failure so a broken template does not produce a burst of errors. Returns how many succeeded.
 */
export function slowStartBatch(count: number, create: () => boolean): number {
  let done = 0;
  for (let batch = 1; done < count; batch *= 2) {
    const n = Math.min(batch, count - done);
    for (let i = 0; i < n; i++) {
      if (!create()) return done;
      done++;
    }
  }
  return done;
}
