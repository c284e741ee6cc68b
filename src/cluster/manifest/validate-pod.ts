// Pod and pod template validation, after pkg/apis/core/validation/validation.go (ValidatePodSpec,
// ValidatePodTemplateSpec, ValidateVolumes, ValidateTolerations; containers are in validate-container.ts).
// Errors come in the order the API server produces them, because kubectl prints them in that order.

import {
  duplicate,
  type FieldError,
  FieldPath,
  forbidden,
  goInt,
  goQuote,
  goRaw,
  goString,
  invalid,
  notSupported,
  required,
} from './field-errors.js';
import { volumeSources } from './defaults.js';
import { enumValue, validateContainers, validateInitContainers } from './validate-container.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, nameIsDNSSubdomain, validateAnnotations, validateLabels, validateObjectMeta } from './validate-meta.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const MAX_INT32 = 2147483647;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** ValidatePod (create): metadata, spec, and the pod-only checks. */
export function validatePod(pod: Obj): FieldError[] {
  const meta = FieldPath.root('metadata');
  const spec = FieldPath.root('spec');
  const errs = validateObjectMeta(pod.metadata ?? {}, true, nameIsDNSSubdomain, meta);
  errs.push(...validatePodSpec(pod.spec ?? {}, spec));
  // validateContainersOnlyForPod: templates may carry " " as an image placeholder, pods may not.
  for (const [field, cs] of [['containers', pod.spec?.containers], ['initContainers', pod.spec?.initContainers]] as const) {
    list(cs).forEach((c, i) => {
      const image = str(c?.image);
      if (image !== image.trim()) errs.push(invalid(spec.child(field).index(i).child('image'), goString(image), 'must not have leading or trailing whitespace'));
    });
  }
  return errs;
}

/** ValidatePodTemplateSpec: note the labels are reported at `<template>.labels`, as the API server does. */
export function validatePodTemplateSpec(tpl: Obj | undefined, p: FieldPath): FieldError[] {
  const t = tpl ?? {};
  return [
    ...validateLabels(t.metadata?.labels, p.child('labels')),
    ...validateAnnotations(t.metadata?.annotations, p.child('annotations')),
    ...validatePodSpec(t.spec ?? {}, p.child('spec')),
  ];
}

export function validatePodSpec(spec: Obj, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) {
    errs.push(required(p.child('terminationGracePeriodSeconds')));
  }
  const { names: volumes, errs: volErrs } = validateVolumes(list(spec.volumes), p.child('volumes'));
  errs.push(...volErrs);
  errs.push(...validateContainers(list(spec.containers), volumes, p.child('containers')));
  errs.push(...validateInitContainers(list(spec.initContainers), list(spec.containers), volumes, p.child('initContainers')));
  errs.push(...enumValue(spec.restartPolicy, p.child('restartPolicy'), ['Always', 'OnFailure', 'Never']));
  errs.push(...enumValue(spec.dnsPolicy, p.child('dnsPolicy'), ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']));
  errs.push(...validateLabels(spec.nodeSelector, p.child('nodeSelector')));
  for (const [field, value] of [['serviceAccountName', spec.serviceAccountName], ['nodeName', spec.nodeName]] as const) {
    if (value) for (const m of isDNS1123Subdomain(str(value))) errs.push(invalid(p.child(field), goString(str(value)), m));
  }
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    const v = spec.activeDeadlineSeconds as number;
    if (v < 1 || v > MAX_INT32) errs.push(invalid(p.child('activeDeadlineSeconds'), goInt(v), `must be between 1 and ${MAX_INT32}, inclusive`));
  }
  for (const field of ['hostname', 'subdomain'] as const) {
    if (spec[field]) for (const m of isDNS1123Label(str(spec[field]))) errs.push(invalid(p.child(field), goString(str(spec[field])), m));
  }
  errs.push(...validateTolerations(list(spec.tolerations), p.child('tolerations')));
  if (spec.priorityClassName) {
    for (const m of isDNS1123Subdomain(str(spec.priorityClassName))) errs.push(invalid(p.child('priorityClassName'), goString(str(spec.priorityClassName)), m));
  }
  if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== null) {
    errs.push(...enumValue(spec.preemptionPolicy, p.child('preemptionPolicy'), ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}

function validateVolumes(vols: Obj[], p: FieldPath): { names: Set<string>; errs: FieldError[] } {
  const names = new Set<string>();
  const errs: FieldError[] = [];
  vols.forEach((v, i) => {
    const ip = p.index(i);
    const el: FieldError[] = [];
    const sources = volumeSources(v ?? {});
    if (sources.length === 0) el.push(required(ip, 'must specify a volume type'));
    for (const extra of sources.slice(1)) el.push(forbidden(ip.child(extra), 'may not specify more than 1 volume type'));
    if (v?.persistentVolumeClaim && !v.persistentVolumeClaim.claimName) el.push(required(ip.child('persistentVolumeClaim', 'claimName')));
    if (v?.hostPath && !v.hostPath.path) el.push(required(ip.child('hostPath', 'path')));
    if (v?.configMap && !v.configMap.name) el.push(required(ip.child('configMap', 'name')));
    if (v?.secret && !v.secret.secretName) el.push(required(ip.child('secret', 'secretName')));
    const name = str(v?.name);
    if (!name) el.push(required(ip.child('name')));
    else for (const m of isDNS1123Label(name)) el.push(invalid(ip.child('name'), goString(name), m));
    if (names.has(name)) el.push(duplicate(ip.child('name'), goString(name)));
    if (el.length === 0) names.add(name);
    errs.push(...el);
  });
  return { names, errs };
}

function validateTolerations(ts: Obj[], p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  ts.forEach((t, i) => {
    const tp = p.index(i);
    const key = str(t?.key);
    const op = str(t?.operator);
    const effect = str(t?.effect);
    if (key) for (const m of isQualifiedName(key)) errs.push(invalid(tp.child('key'), goString(key), m));
    if (!key && op !== 'Exists') {
      errs.push(invalid(tp.child('operator'), goString(op), 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t?.tolerationSeconds !== undefined && t?.tolerationSeconds !== null && effect !== 'NoExecute') {
      errs.push(invalid(tp.child('effect'), goString(effect), "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === 'Equal' || op === '') {
      const msgs = isValidLabelValue(str(t?.value));
      if (msgs.length) errs.push(invalid(tp.child('operator'), goString(str(t?.value)), msgs.join(';')));
    } else if (op === 'Exists') {
      if (str(t?.value)) errs.push(invalid(tp.child('operator'), goString(str(t?.value)), "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(tp.child('operator'), goString(op), ['Equal', 'Exists']));
    }
    if (effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect)) {
      errs.push(notSupported(tp.child('effect'), goString(effect), ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
    }
  });
  return errs;
}

/** Taints on a Node (ValidateNodeSpecificAnnotations / validateNodeTaints). */
export function validateTaints(taints: Obj[], p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  taints.forEach((t, i) => {
    const tp = p.index(i);
    for (const m of isQualifiedName(str(t?.key))) errs.push(invalid(tp.child('key'), goString(str(t?.key)), m));
    if (t?.value) for (const m of isValidLabelValue(str(t.value))) errs.push(invalid(tp.child('value'), goString(str(t.value)), m));
    const effect = str(t?.effect);
    if (!effect) errs.push(required(tp.child('effect')));
    else if (!['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect)) {
      errs.push(notSupported(tp.child('effect'), goString(effect), ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
    }
    const k = `${str(t?.key)}:${effect}`;
    const value = goRaw(t, `core.Taint{Key:${goQuote(str(t?.key))}, Value:${goQuote(str(t?.value))}, Effect:${goQuote(effect)}, TimeAdded:(*v1.Time)(nil)}`);
    if (seen.has(k)) errs.push(duplicate(tp, value, 'taints must be unique by key and effect pair'));
    seen.add(k);
  });
  return errs;
}
