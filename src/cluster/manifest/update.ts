// What the API server refuses to change on an existing object (ValidateXUpdate in pkg/apis/*/validation and the
// registry strategies' ValidateUpdate). The new object is assumed admitted already (admit()); these are only the
// update rules: immutable selectors, StatefulSet's short list of mutable fields, Job completions and template,
// and the few pod fields that may change.

import type { KubeObject } from '../api/types.js';
import {
  type FieldError,
  FieldPath,
  forbidden,
  formatInvalid,
  goInt,
  goLabelSelector,
  goRaw,
  invalid,
  type GoValue,
} from './field-errors.js';
import { parseQuantity } from '../util/quantity.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const SPEC = FieldPath.root('spec');

/** apiequality.Semantic.DeepEqual for JSON data: an absent key equals `undefined`. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ao = a as Obj;
  const bo = b as Obj;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!deepEqual(ao[k], bo[k])) return false;
  return true;
}

/** ValidateImmutableField: `Invalid value: <new>: field is immutable`. */
function immutable(newVal: unknown, oldVal: unknown, p: FieldPath, show: (v: unknown) => GoValue): FieldError[] {
  return deepEqual(newVal, oldVal) ? [] : [invalid(p, show(newVal), 'field is immutable')];
}

const showSelector = (v: unknown): GoValue => goLabelSelector(v as Parameters<typeof goLabelSelector>[0]);
const showInt = (v: unknown): GoValue => (typeof v === 'number' ? goInt(v) : goRaw(v, 'null'));
/** A PodTemplateSpec prints as a very long Go struct; kubesim abbreviates it. */
const showTemplate = (v: unknown): GoValue => goRaw(v, 'core.PodTemplateSpec{ObjectMeta:v1.ObjectMeta{...}, Spec:core.PodSpec{...}}');

/** Update rules for `oldObj` → `newObj`; returns kubectl's lines (empty when the update is allowed). */
export function validateUpdate(oldObj: KubeObject, newObj: KubeObject): string[] {
  const errs = updateFieldErrors(oldObj, newObj);
  return errs.length ? [formatInvalid(newObj.kind, newObj.metadata.name, errs)] : [];
}

export function updateFieldErrors(oldObj: KubeObject, newObj: KubeObject): FieldError[] {
  if (oldObj.kind !== newObj.kind) return [];
  const o = oldObj as unknown as Obj;
  const n = newObj as unknown as Obj;
  switch (newObj.kind) {
    case 'ReplicaSet':
    case 'DaemonSet':
      // pkg/registry/apps/{replicaset,daemonset}/strategy.go: selectors are immutable in apps/v1.
      return immutable(n.spec?.selector, o.spec?.selector, SPEC.child('selector'), showSelector);
    case 'StatefulSet':
      return statefulSetUpdate(o.spec ?? {}, n.spec ?? {});
    case 'Job':
      return jobUpdate(o, n);
    case 'Pod':
      return podUpdate(o.spec ?? {}, n.spec ?? {});
    case 'PersistentVolumeClaim':
      return pvcUpdate(o, n);
    default:
      return [];
  }
}

function statefulSetUpdate(o: Obj, n: Obj): FieldError[] {
  const mutable = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];
  const strip = (s: Obj) => Object.fromEntries(Object.entries(s).filter(([k]) => !mutable.includes(k)));
  if (deepEqual(strip(n), strip(o))) return [];
  return [
    forbidden(
      SPEC,
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ),
  ];
}

function jobUpdate(o: Obj, n: Obj): FieldError[] {
  const os = o.spec ?? {};
  const ns = n.spec ?? {};
  const errs = [
    ...immutable(ns.completions, os.completions, SPEC.child('completions'), showInt),
    ...immutable(ns.selector, os.selector, SPEC.child('selector'), showSelector),
  ];
  // Scheduling directives of a suspended Job that never started may change (JobMutableNodeSchedulingDirectives).
  let oldTpl = os.template;
  if (os.suspend === true && !o.status?.startTime && oldTpl) {
    const nt = ns.template ?? {};
    oldTpl = {
      ...oldTpl,
      metadata: { ...oldTpl.metadata, labels: nt.metadata?.labels, annotations: nt.metadata?.annotations },
      spec: { ...oldTpl.spec, nodeSelector: nt.spec?.nodeSelector, tolerations: nt.spec?.tolerations, affinity: nt.spec?.affinity, schedulingGates: nt.spec?.schedulingGates },
    };
  }
  errs.push(...immutable(ns.template, oldTpl, SPEC.child('template'), showTemplate));
  errs.push(...immutable(ns.completionMode, os.completionMode, SPEC.child('completionMode'), (v) => goRaw(v, v === undefined ? 'null' : JSON.stringify(v))));
  errs.push(...immutable(ns.podFailurePolicy, os.podFailurePolicy, SPEC.child('podFailurePolicy'), (v) => goRaw(v, v === undefined ? 'null' : 'batch.PodFailurePolicy{...}')));
  errs.push(...immutable(ns.backoffLimitPerIndex, os.backoffLimitPerIndex, SPEC.child('backoffLimitPerIndex'), showInt));
  return errs;
}

/** pkg/apis/core/validation ValidatePodUpdate's list of what may change (v1.32, no in-place resize). */
const POD_UPDATABLE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function podUpdate(o: Obj, n: Obj): FieldError[] {
  const errs: FieldError[] = [];
  for (const field of ['containers', 'initContainers']) {
    if ((o[field] ?? []).length !== (n[field] ?? []).length) return [forbidden(SPEC.child(field), 'pod updates may not add or remove containers')];
  }
  const ad = SPEC.child('activeDeadlineSeconds');
  if (n.activeDeadlineSeconds != null) {
    if (n.activeDeadlineSeconds < 0 || n.activeDeadlineSeconds > 2147483647) return [invalid(ad, goInt(n.activeDeadlineSeconds), 'must be between 0 and 2147483647, inclusive')];
    if (o.activeDeadlineSeconds != null && o.activeDeadlineSeconds < n.activeDeadlineSeconds) return [invalid(ad, goInt(n.activeDeadlineSeconds), 'must be less than or equal to previous value')];
  } else if (o.activeDeadlineSeconds != null) {
    errs.push(invalid(ad, goRaw(null, 'null'), 'must not update from a positive integer to nil value'));
  }
  // validateOnlyAddedTolerations: every old toleration must still be there (its tolerationSeconds may change).
  const newTols: Obj[] = n.tolerations ?? [];
  for (const t of o.tolerations ?? []) {
    if (!newTols.some((nt) => deepEqual({ ...t, tolerationSeconds: nt.tolerationSeconds }, nt))) {
      errs.push(forbidden(SPEC.child('tolerations'), 'existing toleration can not be modified except its tolerationSeconds'));
      break;
    }
  }
  // Munge the updatable fields back to their old values; anything else that differs is forbidden.
  const munged: Obj = { ...n };
  for (const field of ['containers', 'initContainers']) {
    if (n[field]) munged[field] = n[field].map((c: Obj, i: number) => ({ ...c, image: o[field][i].image }));
  }
  munged.activeDeadlineSeconds = o.activeDeadlineSeconds;
  munged.tolerations = o.tolerations;
  if (o.terminationGracePeriodSeconds < 0 && n.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = o.terminationGracePeriodSeconds;
  if (!deepEqual(munged, o)) errs.push(forbidden(SPEC, POD_UPDATABLE));
  return errs;
}

/** ValidatePersistentVolumeClaimUpdate: a bound claim may grow its storage request; nothing else changes. */
function pvcUpdate(old: Obj, n: Obj): FieldError[] {
  const o = old.spec ?? {};
  const ns = n.spec ?? {};
  const errs: FieldError[] = [];
  const bound = old.status?.phase === 'Bound';
  const munged = bound && ns.resources?.requests
    ? { ...ns, resources: { ...ns.resources, requests: { ...ns.resources.requests, storage: o.resources?.requests?.storage } } }
    : ns;
  if (!deepEqual(munged, o)) errs.push(forbidden(SPEC, 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
  const oldSize = parseQuantity(o.resources?.requests?.storage) ?? 0;
  const newSize = parseQuantity(ns.resources?.requests?.storage) ?? 0;
  if (newSize < oldSize) errs.push(forbidden(SPEC.child('resources', 'requests', 'storage'), 'field can not be less than previous value'));
  return errs;
}
