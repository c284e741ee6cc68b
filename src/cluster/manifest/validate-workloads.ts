// Validation on create, per kind: pods (validate-pod.ts), apps controllers (validate-apps.ts), batch
// (validate-batch.ts), and here the PersistentVolumeClaim (pkg/apis/core/validation ValidatePersistentVolumeClaim).

import type { Kind } from '../api/types.js';
import { quantityError } from './decode.js';
import { parseQuantity } from '../util/quantity.js';
import { validatePod, validateTaints } from './validate-pod.js';
import { validateDaemonSetSpec, validateReplicaSetSpec, validateReplicationControllerSpec, validateStatefulSetSpec } from './validate-apps.js';
import { validateCronJob, validateJob } from './validate-batch.js';
import {
  type FieldError,
  FieldPath,
  forbidden,
  goString,
  invalid,
  notSupported,
  required,
} from './field-errors.js';
import {
  isDNS1123Subdomain,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  validateLabelSelector,
  validateObjectMeta,
} from './validate-meta.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const SPEC = FieldPath.root('spec');

/** Validation on create for every kind kubesim serves. */
export function validateObject(kind: Kind, o: Obj): FieldError[] {
  switch (kind) {
    case 'Pod':
      return validatePod(o);
    case 'ReplicaSet':
      return [...validateObjectMeta(o.metadata, true, nameIsDNSSubdomain), ...validateReplicaSetSpec(o.spec ?? {}, SPEC)];
    case 'ReplicationController':
      return [...validateObjectMeta(o.metadata, true, nameIsDNSSubdomain), ...validateReplicationControllerSpec(o.spec ?? {}, SPEC)];
    case 'DaemonSet':
      return [...validateObjectMeta(o.metadata, true, nameIsDNSSubdomain), ...validateDaemonSetSpec(o.spec ?? {}, SPEC)];
    case 'StatefulSet':
      return [...validateObjectMeta(o.metadata, true, nameIsDNSLabel), ...validateStatefulSetSpec(o.spec ?? {}, SPEC)];
    case 'Job':
      return validateJob(o);
    case 'CronJob':
      return validateCronJob(o);
    case 'PersistentVolumeClaim':
      return [...validateObjectMeta(o.metadata, true, nameIsDNSSubdomain), ...validatePVCSpec(o.spec ?? {}, SPEC)];
    case 'Node':
      return [...validateObjectMeta(o.metadata, false, nameIsDNSSubdomain), ...validateTaints(Array.isArray(o.spec?.taints) ? o.spec.taints : [], SPEC.child('taints'))];
    case 'Event':
      return validateObjectMeta(o.metadata, true, nameIsDNSSubdomain);
  }
}

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];

/** ValidatePersistentVolumeClaimSpec (also used for StatefulSet claim templates by the controller). */
export function validatePVCSpec(spec: Obj, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const modes: string[] = Array.isArray(spec.accessModes) ? spec.accessModes : [];
  if (modes.length === 0) errs.push(required(p.child('accessModes'), 'at least 1 access mode is required'));
  if (spec.selector) errs.push(...validateLabelSelector(spec.selector, p.child('selector')));
  for (const m of modes) if (!ACCESS_MODES.includes(m)) errs.push(notSupported(p.child('accessModes'), goString(String(m)), ACCESS_MODES));
  if (modes.includes('ReadWriteOncePod') && modes.some((m) => m !== 'ReadWriteOncePod' && ACCESS_MODES.includes(m))) {
    errs.push(forbidden(p.child('accessModes'), 'may not use ReadWriteOncePod with other access modes'));
  }
  const storagePath = p.child('resources').key('storage');
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined || storage === null) errs.push(required(storagePath));
  else if (!quantityError(storage) && !((parseQuantity(storage) ?? 0) > 0)) errs.push(invalid(storagePath, goString(String(storage)), 'must be greater than zero'));
  if (spec.storageClassName) {
    for (const m of isDNS1123Subdomain(String(spec.storageClassName))) errs.push(invalid(p.child('storageClassName'), goString(String(spec.storageClassName)), m));
  }
  if (spec.volumeMode != null && spec.volumeMode !== 'Block' && spec.volumeMode !== 'Filesystem') {
    errs.push(notSupported(p.child('volumeMode'), goString(String(spec.volumeMode)), ['Block', 'Filesystem']));
  }
  return errs;
}

