// Taints and tolerations, as the scheduler, the node lifecycle controller and the taint-eviction controller
// all read them: staging/src/k8s.io/api/core/v1/toleration.go (ToleratesTaint), component-helpers
// scheduling/corev1/helpers.go (FindMatchingUntoleratedTaint), pkg/controller/tainteviction/taint_eviction.go
// (getMatchingTolerations, getMinTolerationTime) and plugin/pkg/admission/defaulttolerationseconds.

import type { Node, Pod, Taint, Toleration } from '../api/types.js';

/** Taint keys the node controllers own (staging/src/k8s.io/api/core/v1/well_known_taints.go). */
export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_NODE_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_NODE_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_NODE_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';

/** Toleration.ToleratesTaint: an empty effect matches every effect, an empty key with Exists matches every key. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? 'Equal') {
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export function toleratesAny(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  for (const t of tolerations ?? []) if (toleratesTaint(t, taint)) return true;
  return false;
}

/**
 * FindMatchingUntoleratedTaint with DoNotScheduleTaintsFilterFunc: the first NoSchedule/NoExecute taint, in the
 * node's order, that no toleration tolerates.
 */
export function firstUntoleratedTaint(taints: Taint[] | undefined, tolerations: Toleration[] | undefined): Taint | undefined {
  for (const taint of taints ?? []) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!toleratesAny(tolerations, taint)) return taint;
  }
  return undefined;
}

/**
 * getMatchingTolerations: for each taint the *first* toleration that tolerates it. `undefined` when some taint is
 * not tolerated at all.
 */
export function matchingTolerations(taints: Taint[], tolerations: Toleration[] | undefined): Toleration[] | undefined {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = (tolerations ?? []).find((x) => toleratesTaint(x, taint));
    if (!t) return undefined;
    used.push(t);
  }
  return used;
}

/** getMinTolerationTime in ms: 0 = now, -1 = forever (no toleration sets tolerationSeconds). */
export function minTolerationMs(used: Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}

export function noExecuteTaints(node: Node | undefined): Taint[] {
  return (node?.spec.taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/**
 * The DefaultTolerationSeconds admission plugin: unless the pod already tolerates the not-ready / unreachable
 * NoExecute taints (a toleration with that key or no key, and NoExecute or no effect), it gets
 * `Exists NoExecute` tolerations for them with `tolerationSeconds` (300 by default). Returns the same array when
 * nothing is added.
 */
export function withDefaultTolerations(tolerations: Toleration[] | undefined, seconds: number): Toleration[] | undefined {
  // Pods of one template share one tolerations array (frozen): the result is cached per input array, so
  // 150,000 pods hold one copy, not one each.
  const cache = tolerations ? added.get(tolerations) : noneAdded;
  const hit = cache?.get(seconds);
  if (hit) return hit.result;
  const covers = (key: string) =>
    (tolerations ?? []).some((t) => (!t.key || t.key === key) && (!t.effect || t.effect === 'NoExecute'));
  const add: Toleration[] = [];
  for (const key of [TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE]) {
    if (!covers(key)) add.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds });
  }
  const result = add.length ? Object.freeze([...(tolerations ?? []), ...add].map((t) => Object.freeze(t))) as Toleration[] : tolerations;
  if (tolerations && Object.isFrozen(tolerations)) {
    if (!added.has(tolerations)) added.set(tolerations, new Map());
    added.get(tolerations)!.set(seconds, { result });
  } else if (!tolerations) noneAdded.set(seconds, { result });
  return result;
}
const added = new WeakMap<Toleration[], Map<number, { result: Toleration[] | undefined }>>();
const noneAdded = new Map<number, { result: Toleration[] | undefined }>();

/** True when a pod's spec already carries what DefaultTolerationSeconds would add. */
export function hasDefaultTolerations(pod: Pod, seconds: number): boolean {
  return withDefaultTolerations(pod.spec.tolerations, seconds) === pod.spec.tolerations;
}
