// The API server's create path for one manifest object, as kubesim runs it before anything enters the State:
// kubectl's client-side checks → kind resolution (RESTMapper) → strict JSON decoding → defaulting → validation
// (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go, pkg/registry/*/strategy.go). The engine then
// assigns uid, creationTimestamp and resourceVersion (src/cluster/apiserver.ts createObject).

import type { Job, Kind, KubeObject } from '../api/types.js';
import { NAMESPACED } from '../api/types.js';
import { checkTypes } from './decode.js';
import { applyDefaults, podQOSClass } from './defaults.js';
import { type FieldError, formatInvalid, goQuote } from './field-errors.js';
import { resolveKind, resourceMappingError } from './kinds.js';
import { objectKindErrors, validatingDataError } from './load.js';
import { isDNS1123Label } from './validate-meta.js';
import { JOB_LABELS } from './validate-batch.js';
import { validateObject } from './validate-workloads.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

export interface AdmitOptions {
  /** The namespace from the context or `-n`, used when the manifest names none (default `default`). */
  namespace?: string;
  /** `-n` was given explicitly: a manifest naming another namespace is refused, as kubectl does. */
  enforceNamespace?: boolean;
  /** The manifest's file, for kubectl's `error when creating "FILE"` and `error validating "FILE"`. */
  file?: string;
  /** DefaultTolerationSeconds admission (SimConfig.defaultTolerationSeconds), 300 by default. */
  defaultTolerationSeconds?: number;
}

export interface AdmitResult {
  /** The defaulted, validated object (apiVersion converted; no uid/creationTimestamp/resourceVersion yet). */
  object?: KubeObject;
  /** Whole lines as kubectl prints them. */
  errors: string[];
  /** `Warning: ...` lines (deprecated apiVersions, names that make odd hostnames). */
  warnings: string[];
  /** The validation causes, so a caller can point at the offending line (ParsedDocument.lineOf(e.path)). */
  fieldErrors: FieldError[];
}

/** A uid stand-in so a Job's generated selector can be validated before the engine assigns the real uid. */
const PENDING_UID = '00000000-0000-0000-0000-000000000000';

/** Metadata the server owns: whatever a manifest says (e.g. one saved with `kubectl get -o yaml`) is dropped. */
const SERVER_META = ['uid', 'resourceVersion', 'creationTimestamp', 'selfLink', 'generation', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'managedFields'];

export function admit(raw: Record<string, unknown>, opts: AdmitOptions = {}): AdmitResult {
  const file = opts.file;
  const fail = (...errors: string[]): AdmitResult => ({ errors, warnings, fieldErrors: [] });
  const warnings: string[] = [];

  const kindProblems = objectKindErrors(raw);
  if (kindProblems.length) return fail(validatingDataError(kindProblems, file));
  const meta = (raw.metadata && typeof raw.metadata === 'object' ? raw.metadata : {}) as Obj;
  const name = typeof meta.name === 'string' ? meta.name : '';
  const res = resolveKind(raw.apiVersion as string, raw.kind as string);
  if (!res.ok) return fail(resourceMappingError(res, name, typeof meta.namespace === 'string' ? meta.namespace : '', file));
  if (res.warning) warnings.push(res.warning);
  const kind = res.kind;
  const version = res.apiVersion.slice(res.apiVersion.lastIndexOf('/') + 1);

  const types = checkTypes(raw, kind);
  if (types.validation.length) {
    const agg = types.validation.length === 1 ? types.validation[0] : `[${types.validation.join(', ')}]`;
    const src = file ? `error validating ${goQuote(file)}: ` : '';
    return fail(`error: ${src}error validating data: ${agg}; if you choose to ignore these errors, turn validation off with --validate=false`);
  }
  const badRequest = (msg: string) =>
    fail(`Error from server (BadRequest): ${file ? `error when creating ${goQuote(file)}: ` : ''}${kind} in version ${goQuote(version)} cannot be handled as a ${kind}: ${msg}`);
  if (types.decode) return badRequest(types.decode);
  if (types.unknown.length) return badRequest(`strict decoding error: ${types.unknown.map((f) => `unknown field ${goQuote(f)}`).join(', ')}`);

  const o = structuredClone(raw) as Obj;
  o.apiVersion = res.apiVersion;
  o.kind = kind;
  o.metadata = { ...(o.metadata ?? {}) };
  for (const k of SERVER_META) delete o.metadata[k];
  if (kind !== 'Node') delete o.status; // nodes may be created with a status (pkg/registry/core/node/strategy.go)
  if (NAMESPACED[kind]) {
    const want = opts.namespace ?? 'default';
    if (opts.enforceNamespace && o.metadata.namespace && o.metadata.namespace !== want) {
      return fail(
        `error: the namespace from the provided object ${goQuote(o.metadata.namespace)} does not match the namespace ${goQuote(want)}. You must pass '--namespace=${o.metadata.namespace}' to perform this operation.`,
      );
    }
    o.metadata.namespace ||= want;
  } else delete o.metadata.namespace; // kubectl ignores a namespace on cluster-scoped objects

  applyDefaults(o, kind, { requestedVersion: res.requested, defaultTolerationSeconds: opts.defaultTolerationSeconds ?? 300 });

  const target = kind === 'Job' ? finalizeJobSelector({ ...o, metadata: { ...o.metadata, uid: PENDING_UID } } as Job, PENDING_UID) : o;
  const fieldErrors = validateObject(kind, target as Obj);
  if (fieldErrors.length) return { errors: [formatInvalid(kind, name, fieldErrors)], warnings, fieldErrors };

  warnings.push(...creationWarnings(kind, o));
  if (kind === 'Pod' && o.spec.terminationGracePeriodSeconds < 0) o.spec.terminationGracePeriodSeconds = 1;
  setEmptyStatus(kind, o);
  return { object: o as KubeObject, errors: [], warnings, fieldErrors: [] };
}

/**
 * What the Job strategy's PrepareForCreate does once the Job has its uid (pkg/registry/batch/job/strategy.go
 * generateSelector): unless `manualSelector: true`, label the pod template with the job's name and uid and select
 * on `batch.kubernetes.io/controller-uid=<uid>`. A Job without labels then shows the template's labels
 * (SetDefaults_Job runs again when it is read back). Returns a new object; idempotent.
 */
export function finalizeJobSelector(job: Job, uid: string): Job {
  const j = structuredClone(job) as Obj;
  if (j.spec?.manualSelector === true) return j as Job;
  const tpl = (j.spec.template ??= {});
  const tmeta = (tpl.metadata ??= {});
  const labels: Record<string, string> = (tmeta.labels ??= {});
  const name = String(j.metadata?.name ?? '');
  for (const key of [JOB_LABELS.legacyJobName, JOB_LABELS.jobName]) if (!(key in labels)) labels[key] = name;
  for (const key of [JOB_LABELS.legacyControllerUid, JOB_LABELS.controllerUid]) if (!(key in labels)) labels[key] = uid;
  const sel = (j.spec.selector ??= {});
  const ml = (sel.matchLabels ??= {});
  if (!(JOB_LABELS.controllerUid in ml)) ml[JOB_LABELS.controllerUid] = uid;
  j.metadata ??= {};
  if (!j.metadata.labels || Object.keys(j.metadata.labels).length === 0) j.metadata.labels = { ...labels };
  return j as Job;
}

/** WarningsOnCreate of the pod, workload and job strategies (names that make surprising hostnames, …). */
function creationWarnings(kind: Kind, o: Obj): string[] {
  const out: string[] = [];
  const msgs = o.metadata.name ? isDNS1123Label(o.metadata.name) : [];
  if (msgs.length && kind === 'Pod') {
    out.push(`Warning: metadata.name: this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [${msgs.join(' ')}]`);
  } else if (msgs.length && ['ReplicaSet', 'ReplicationController', 'DaemonSet', 'Job', 'CronJob'].includes(kind)) {
    out.push(`Warning: metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [${msgs.join(' ')}]`);
  }
  // pkg/api/pod/warnings.go: a negative grace period is treated as 1.
  const specPath = kind === 'Pod' ? 'spec' : kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec';
  const podSpec = kind === 'Pod' ? o.spec : kind === 'CronJob' ? o.spec?.jobTemplate?.spec?.template?.spec : o.spec?.template?.spec;
  if (podSpec && typeof podSpec.terminationGracePeriodSeconds === 'number' && podSpec.terminationGracePeriodSeconds < 0) {
    out.push(`Warning: ${specPath}.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1`);
  }
  return out;
}

/** Status as a freshly created object has it (PrepareForCreate resets what the user sent). */
function setEmptyStatus(kind: Kind, o: Obj): void {
  switch (kind) {
    case 'Pod':
      o.status = { phase: 'Pending', qosClass: podQOSClass(o.spec) };
      break;
    case 'ReplicaSet':
    case 'ReplicationController':
      o.status = { replicas: 0 };
      break;
    case 'DaemonSet':
      o.status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
      break;
    case 'StatefulSet':
      o.status = { replicas: 0, availableReplicas: 0 };
      break;
    case 'Job':
    case 'CronJob':
      o.status = {};
      break;
    case 'PersistentVolumeClaim':
      o.status = { phase: 'Pending' };
      break;
    case 'Node':
    case 'Event':
      break;
  }
}
