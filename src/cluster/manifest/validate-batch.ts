// Job and CronJob validation, from pkg/apis/batch/validation/validation.go (v1.32): the generated selector,
// restart policies, completion modes, and CronJob schedules (cron.ts), time zones and name length.

import { matchesSelector } from '../labels.js';
import { parseStandardError, simulatorScheduleError, isTimeZone } from './cron.js';
import { validatePodTemplateSpec } from './validate-pod.js';
import {
  type FieldError,
  FieldPath,
  goBool,
  goInt,
  goLabelSelector,
  goString,
  goStringMap,
  invalid,
  nonNegative,
  notSupported,
  required,
} from './field-errors.js';
import {
  isDNS1123Label,
  isEmptySelector,
  nameIsDNSSubdomain,
  selectorConversionFails,
  validateLabelSelector,
  validateObjectMeta,
} from './validate-meta.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const META = FieldPath.root('metadata');
const SPEC = FieldPath.root('spec');

/** The labels the API server generates on a Job's pod template (pkg/registry/batch/job/strategy.go). */
export const JOB_LABELS = {
  controllerUid: 'batch.kubernetes.io/controller-uid',
  jobName: 'batch.kubernetes.io/job-name',
  legacyControllerUid: 'controller-uid',
  legacyJobName: 'job-name',
} as const;

export function validateJob(job: Obj): FieldError[] {
  const errs = validateObjectMeta(job.metadata, true, nameIsDNSSubdomain);
  const spec = job.spec ?? {};
  // validateGeneratedSelector: the generated labels must be on the template and selected by the selector.
  if (spec.manualSelector !== true && spec.selector) {
    const uid = String(job.metadata?.uid ?? '');
    const name = String(job.metadata?.name ?? '');
    const labelsPath = FieldPath.root('spec', 'template', 'metadata', 'labels');
    const tplLabels: Record<string, string> | undefined = spec.template?.metadata?.labels;
    const expected: Record<string, string> = {};
    for (const [key, want] of [
      [JOB_LABELS.legacyControllerUid, uid],
      [JOB_LABELS.legacyJobName, name],
      [JOB_LABELS.controllerUid, uid],
      [JOB_LABELS.jobName, name],
    ] as const) {
      const have = tplLabels?.[key];
      if (have === undefined) errs.push(required(labelsPath.key(key), `must be '${want}'`));
      else if (have !== want) errs.push(invalid(labelsPath.key(key), goStringMap(tplLabels), `must be '${want}'`));
      expected[key] = want;
    }
    if (!selectorConversionFails(spec.selector) && !matchesSelector(spec.selector, expected)) {
      errs.push(invalid(SPEC.child('selector'), goLabelSelector(spec.selector), '`selector` not auto-generated'));
    }
  }
  errs.push(...validateJobSpecFields(spec, SPEC));
  if (!spec.selector) errs.push(required(SPEC.child('selector')));
  else errs.push(...validateLabelSelector(spec.selector, SPEC.child('selector')));
  // A nil selector is labels.Nothing() (matches nothing), an empty one labels.Everything().
  const sel = spec.selector;
  if (!selectorConversionFails(sel) && !(sel && (isEmptySelector(sel) || matchesSelector(sel, spec.template?.metadata?.labels ?? {})))) {
    errs.push(invalid(SPEC.child('template', 'metadata', 'labels'), goStringMap(spec.template?.metadata?.labels), '`selector` does not match template `labels`'));
  }
  if (spec.completionMode === 'Indexed' && typeof spec.completions === 'number' && spec.completions > 0) {
    const host = `${job.metadata?.name}-${spec.completions - 1}`;
    if (isDNS1123Label(host).length) errs.push(invalid(META.child('name'), goString(String(job.metadata?.name)), `will not able to create pod with invalid DNS label: ${host}`));
  }
  return errs;
}

/** validateJobSpec: shared by Jobs and CronJob job templates. */
function validateJobSpecFields(spec: Obj, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes']) {
    errs.push(...nonNegative(spec[f] ?? undefined, p.child(f)));
  }
  if (spec.maxFailedIndexes != null && spec.backoffLimitPerIndex == null) errs.push(required(p.child('backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  const mode = spec.completionMode;
  if (mode != null) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(p.child('completionMode'), goString(String(mode)), ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') {
      if (spec.completions == null) errs.push(required(p.child('completions'), 'when completion mode is Indexed'));
      if (spec.parallelism != null && spec.parallelism > 100000) {
        errs.push(invalid(p.child('parallelism'), goInt(spec.parallelism), 'must be less than or equal to 100000 when completion mode is Indexed'));
      }
    }
  }
  if (mode == null || mode === 'NonIndexed') {
    if (spec.backoffLimitPerIndex != null) errs.push(invalid(p.child('backoffLimitPerIndex'), goInt(spec.backoffLimitPerIndex), 'requires indexed completion mode'));
    if (spec.maxFailedIndexes != null) errs.push(invalid(p.child('maxFailedIndexes'), goInt(spec.maxFailedIndexes), 'requires indexed completion mode'));
  }
  const prp = spec.podReplacementPolicy;
  if (prp != null) {
    const allowed = spec.podFailurePolicy ? ['Failed'] : ['Failed', 'TerminatingOrFailed'];
    if (!allowed.includes(prp)) errs.push(notSupported(p.child('podReplacementPolicy'), goString(String(prp)), allowed));
  }
  errs.push(...validatePodTemplateSpec(spec.template, p.child('template')));
  // The pod default (Always) is indistinguishable from a user's Always, hence "Required" for both.
  const rp = spec.template?.spec?.restartPolicy;
  const rpPath = p.child('template', 'spec', 'restartPolicy');
  if (rp === 'Always' || !rp) errs.push(required(rpPath, 'valid values: "OnFailure", "Never"'));
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(rpPath, goString(String(rp)), ['OnFailure', 'Never']));
  else if (spec.podFailurePolicy && rp !== 'Never') errs.push(invalid(rpPath, goString(rp), 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

export function validateCronJob(cj: Obj): FieldError[] {
  const errs = validateObjectMeta(cj.metadata, true, nameIsDNSSubdomain);
  const spec = cj.spec ?? {};
  const sp = SPEC.child('schedule');
  if (!spec.schedule) errs.push(required(sp));
  else {
    const schedule = String(spec.schedule);
    const err = parseStandardError(schedule);
    if (err) errs.push(invalid(sp, goString(schedule), err));
    if (schedule.includes('TZ')) errs.push(invalid(sp, goString(schedule), 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
    const simErr = err ? undefined : simulatorScheduleError(schedule);
    if (simErr) errs.push(invalid(sp, goString(schedule), simErr));
  }
  errs.push(...nonNegative(spec.startingDeadlineSeconds ?? undefined, SPEC.child('startingDeadlineSeconds')));
  if (spec.timeZone !== undefined && spec.timeZone !== null) errs.push(...validateTimeZone(String(spec.timeZone), SPEC.child('timeZone')));
  const cp = spec.concurrencyPolicy;
  if (!cp) errs.push(required(SPEC.child('concurrencyPolicy')));
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(notSupported(SPEC.child('concurrencyPolicy'), goString(String(cp)), ['Allow', 'Forbid', 'Replace']));
  const jt = SPEC.child('jobTemplate');
  const jspec = spec.jobTemplate?.spec ?? {};
  errs.push(...validateJobSpecFields(jspec, jt.child('spec')));
  if (jspec.selector) errs.push(invalid(jt.child('spec', 'selector'), goLabelSelector(jspec.selector), '`selector` will be auto-generated'));
  if (jspec.manualSelector === true) errs.push(notSupported(jt.child('spec', 'manualSelector'), goBool(true), ['nil', 'false']));
  errs.push(...nonNegative(spec.successfulJobsHistoryLimit ?? undefined, SPEC.child('successfulJobsHistoryLimit')));
  errs.push(...nonNegative(spec.failedJobsHistoryLimit ?? undefined, SPEC.child('failedJobsHistoryLimit')));
  // The controller names jobs `<cronjob>-<minutes since epoch>` (11 more characters), and job names are labels.
  const name = String(cj.metadata?.name ?? '');
  if (name.length > 52) errs.push(invalid(META.child('name'), goString(name), 'must be no more than 52 characters'));
  return errs;
}

function validateTimeZone(tz: string, p: FieldPath): FieldError[] {
  if (tz.length === 0) return [invalid(p, goString(tz), 'timeZone must be nil or non-empty string')];
  for (const part of tz.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !/^[A-Za-z.\-_0-9+]{1,14}$/.test(part)) return [invalid(p, goString(tz), `unknown time zone ${tz}`)];
  }
  if (tz.toLowerCase() === 'local') return [invalid(p, goString(tz), 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')];
  if (!isTimeZone(tz)) return [invalid(p, goString(tz), `unknown time zone ${tz}`)];
  return [];
}
