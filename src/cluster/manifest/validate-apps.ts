// Controller validation from pkg/apis/apps/validation/validation.go (ReplicaSet, DaemonSet, StatefulSet) and
// pkg/apis/core/validation (ReplicationController): selector vs template, always-restart pods, update strategies.

import { matchesSelector } from '../labels.js';
import { validatePodTemplateSpec } from './validate-pod.js';
import {
  type FieldError,
  FieldPath,
  forbidden,
  goLabelSelector,
  goQuote,
  goRaw,
  goString,
  goStringMap,
  invalid,
  nonNegative,
  notSupported,
  required,
  type GoValue,
} from './field-errors.js';
import {
  isEmptySelector,
  selectorConversionFails,
  validateLabelSelector,
  validateLabels,
  validateAnnotations,
  type SelectorLike,
} from './validate-meta.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

/** The template-vs-selector check every controller makes; a nil selector is labels.Nothing() and never matches. */
function selectorMismatch(sel: SelectorLike | undefined, labels: Record<string, string> | undefined, p: FieldPath): FieldError[] {
  if (sel && isEmptySelector(sel)) return [];
  if (sel && matchesSelector(sel as Parameters<typeof matchesSelector>[0], labels)) return [];
  return [invalid(p.child('template', 'metadata', 'labels'), goStringMap(labels), '`selector` does not match template `labels`')];
}

/** ValidatePodTemplateSpecForReplicaSet / ForRC and the DaemonSet equivalent: always-restart pods only. */
function controllerTemplate(tpl: Obj | undefined, p: FieldPath, owner: string): FieldError[] {
  const errs = validatePodTemplateSpec(tpl, p.child('template'));
  const rp = tpl?.spec?.restartPolicy;
  if (rp !== 'Always') errs.push(notSupported(p.child('template', 'spec', 'restartPolicy'), goString(String(rp ?? '')), ['Always']));
  if (tpl?.spec?.activeDeadlineSeconds !== undefined && tpl?.spec?.activeDeadlineSeconds !== null) {
    errs.push(forbidden(p.child('template', 'spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${owner} is not Supported`));
  }
  return errs;
}

export function validateReplicaSetSpec(spec: Obj, p: FieldPath): FieldError[] {
  const errs = [...nonNegative(spec.replicas, p.child('replicas')), ...nonNegative(spec.minReadySeconds, p.child('minReadySeconds'))];
  if (!spec.selector) errs.push(required(p.child('selector')));
  else {
    errs.push(...validateLabelSelector(spec.selector, p.child('selector')));
    if (isEmptySelector(spec.selector)) errs.push(invalid(p.child('selector'), goLabelSelector(spec.selector), 'empty selector is invalid for deployment'));
  }
  if (selectorConversionFails(spec.selector)) return [...errs, invalid(p.child('selector'), goLabelSelector(spec.selector), 'invalid label selector')];
  errs.push(...selectorMismatch(spec.selector, spec.template?.metadata?.labels, p));
  errs.push(...controllerTemplate(spec.template, p, 'ReplicaSet'));
  return errs;
}

export function validateReplicationControllerSpec(spec: Obj, p: FieldPath): FieldError[] {
  const errs = nonNegative(spec.minReadySeconds, p.child('minReadySeconds'));
  const selector: Record<string, string> | undefined = spec.selector;
  const empty = !selector || Object.keys(selector).length === 0;
  if (empty) errs.push(required(p.child('selector')));
  errs.push(...validateLabels(selector, p.child('selector')));
  errs.push(...nonNegative(spec.replicas, p.child('replicas')));
  if (!spec.template) return [...errs, required(p.child('template'))];
  if (!empty && !matchesSelector({ matchLabels: selector }, spec.template.metadata?.labels)) {
    errs.push(invalid(p.child('template', 'metadata', 'labels'), goStringMap(spec.template.metadata?.labels), '`selector` does not match template `labels`'));
  }
  errs.push(...controllerTemplate(spec.template, p, 'ReplicationController'));
  return errs;
}

/** %#v of an intstr.IntOrString value (its String() has a pointer receiver, so fmt does not use it). */
function goIntOrString(v: unknown): GoValue {
  return typeof v === 'number'
    ? goRaw(v, `intstr.IntOrString{Type:0, IntVal:${v}, StrVal:""}`)
    : goRaw(v, `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(String(v))}}`);
}
const percentValue = (v: unknown): number | undefined => (typeof v === 'string' && /^[0-9]+%$/.test(v) ? parseInt(v, 10) : undefined);
const intOrPercentValue = (v: unknown): number => percentValue(v) ?? (typeof v === 'number' ? v : /^[+-]?\d+$/.test(String(v)) ? parseInt(String(v), 10) : 0);

/** ValidatePositiveIntOrPercent + IsNotMoreThan100Percent. */
function positiveIntOrPercent(v: unknown, p: FieldPath): FieldError[] {
  if (v === undefined || v === null) return [];
  const errs: FieldError[] = [];
  if (typeof v === 'string') {
    if (percentValue(v) === undefined) {
      errs.push(invalid(p, goIntOrString(v), "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"));
    }
  } else errs.push(...nonNegative(v as number, p));
  if ((percentValue(v) ?? 0) > 100) errs.push(invalid(p, goIntOrString(v), 'must not be greater than 100%'));
  return errs;
}

export function validateDaemonSetSpec(spec: Obj, p: FieldPath): FieldError[] {
  const errs = validateLabelSelector(spec.selector, p.child('selector'));
  if (!selectorConversionFails(spec.selector)) errs.push(...selectorMismatch(spec.selector, spec.template?.metadata?.labels, p));
  if (spec.selector && isEmptySelector(spec.selector)) errs.push(invalid(p.child('selector'), goLabelSelector(spec.selector), 'empty selector is invalid for daemonset'));
  errs.push(...controllerTemplate(spec.template, p, 'DaemonSet'));
  errs.push(...nonNegative(spec.minReadySeconds, p.child('minReadySeconds')));
  const us = spec.updateStrategy ?? {};
  const up = p.child('updateStrategy');
  if (us.type === 'RollingUpdate') {
    const ru = us.rollingUpdate;
    if (!ru) errs.push(required(up.child('rollingUpdate')));
    else {
      const rp = up.child('rollingUpdate');
      errs.push(...positiveIntOrPercent(ru.maxUnavailable, rp.child('maxUnavailable')));
      errs.push(...positiveIntOrPercent(ru.maxSurge, rp.child('maxSurge')));
      const hasUnavailable = intOrPercentValue(ru.maxUnavailable ?? 0) !== 0;
      const hasSurge = intOrPercentValue(ru.maxSurge ?? 0) !== 0;
      if (hasUnavailable && hasSurge) errs.push(invalid(rp.child('maxSurge'), goIntOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
      if (!hasUnavailable && !hasSurge) errs.push(required(rp.child('maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
    }
  } else if (us.type !== 'OnDelete') {
    const text = `apps.DaemonSetUpdateStrategy{Type:${goQuote(String(us.type ?? ''))}, RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}`;
    errs.push(notSupported(up, goRaw(us, text), ['RollingUpdate', 'OnDelete']));
  }
  errs.push(...nonNegative(spec.revisionHistoryLimit, p.child('revisionHistoryLimit')));
  return errs;
}

export function validateStatefulSetSpec(spec: Obj, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const pmp = spec.podManagementPolicy;
  if (!pmp) errs.push(required(p.child('podManagementPolicy')));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalid(p.child('podManagementPolicy'), goString(String(pmp)), "must be 'OrderedReady' or 'Parallel'"));
  const us = spec.updateStrategy ?? {};
  const up = p.child('updateStrategy');
  const ruText = (ru: Obj) =>
    `apps.RollingUpdateStatefulSetStrategy{Partition:${Number(ru.partition ?? 0)}, MaxUnavailable:(*intstr.IntOrString)(nil)}`;
  if (!us.type) errs.push(required(up));
  else if (us.type === 'OnDelete') {
    if (us.rollingUpdate) errs.push(invalid(up.child('rollingUpdate'), goRaw(us.rollingUpdate, ruText(us.rollingUpdate)), "only allowed for updateStrategy 'RollingUpdate'"));
  } else if (us.type === 'RollingUpdate') {
    if (us.rollingUpdate) {
      const rp = up.child('rollingUpdate');
      errs.push(...nonNegative(us.rollingUpdate.partition, rp.child('partition')));
      if (us.rollingUpdate.maxUnavailable !== undefined && us.rollingUpdate.maxUnavailable !== null) {
        const mu = us.rollingUpdate.maxUnavailable;
        errs.push(...positiveIntOrPercent(mu, rp.child('maxUnavailable')));
        if (intOrPercentValue(mu) === 0) errs.push(invalid(rp.child('maxUnavailable'), goIntOrString(mu), 'cannot be 0'));
      }
    }
  } else {
    const text = `apps.StatefulSetUpdateStrategy{Type:${goQuote(String(us.type))}, RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}`;
    errs.push(invalid(up, goRaw(us, text), "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (retention) {
    for (const f of ['whenDeleted', 'whenScaled']) {
      if (retention[f] !== 'Retain' && retention[f] !== 'Delete') {
        errs.push(notSupported(p.child('persistentVolumeClaimRetentionPolicy', f), goString(String(retention[f] ?? '')), ['Retain', 'Delete']));
      }
    }
  }
  errs.push(...nonNegative(spec.replicas, p.child('replicas')), ...nonNegative(spec.minReadySeconds, p.child('minReadySeconds')));
  if (spec.ordinals) errs.push(...nonNegative(spec.ordinals.start, p.child('ordinals.start')));
  if (!spec.selector) errs.push(required(p.child('selector')));
  else {
    errs.push(...validateLabelSelector(spec.selector, p.child('selector')));
    if (isEmptySelector(spec.selector)) errs.push(invalid(p.child('selector'), goLabelSelector(spec.selector), 'empty selector is invalid for statefulset'));
  }
  if (selectorConversionFails(spec.selector)) errs.push(invalid(p.child('selector'), goLabelSelector(spec.selector), ''));
  else {
    // ValidatePodTemplateSpecForStatefulSet checks labels and annotations only: the pod spec is validated when the
    // controller creates the pods (its volume mounts may name claim templates, which are not pod volumes).
    errs.push(...selectorMismatch(spec.selector, spec.template?.metadata?.labels, p));
    errs.push(...validateLabels(spec.template?.metadata?.labels, p.child('template', 'labels')));
    errs.push(...validateAnnotations(spec.template?.metadata?.annotations, p.child('template', 'annotations')));
  }
  const rp = spec.template?.spec?.restartPolicy;
  if (rp !== 'Always') errs.push(notSupported(p.child('template', 'spec', 'restartPolicy'), goString(String(rp ?? '')), ['Always']));
  if (spec.template?.spec?.activeDeadlineSeconds != null) {
    errs.push(forbidden(p.child('template', 'spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}
