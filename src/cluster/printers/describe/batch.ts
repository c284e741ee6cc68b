// `kubectl describe job|cronjob`: describeJob, describeCronJob, describeJobTemplate, printActiveJobs in
// kubectl/pkg/describe/describe.go. Job fields the API server always defaults (SetDefaults_Job) print with their
// defaults when the stored object lacks them; a CronJob's jobTemplate is not defaulted, hence its `<unset>`s.

import type { CronJob, Event, Job } from '../../api/types.js';
import { parseTime } from '../../util/time.js';
import { controllerOf } from '../common.js';
import { humanDuration, rfc1123z } from '../duration.js';
import { jobCompletions, jobParallelism } from '../job.js';
import { describePodTemplate } from './containers.js';
import { describeEvents } from './events.js';
import { selectorString } from './workloads.js';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline } from './writer.js';

/** capIndexesListOrNone: completed indexes cut after ~50 characters at a comma, `<none>` if empty. */
function capIndexes(indexes: string | undefined, softLimit = 50): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  return ix >= indexes.length ? indexes : `${indexes.slice(0, ix + 1)}...`;
}

export function describeJob(job: Job, events: Event[], now: number): string {
  const w = new PrefixWriter();
  const { spec } = job;
  const status = job.status ?? {};
  w.write(0, `Name:\t${job.metadata.name}\n`);
  w.write(0, `Namespace:\t${job.metadata.namespace ?? 'default'}\n`);
  w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', job.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations);
  const owner = controllerOf(job.metadata);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(0, `Parallelism:\t${jobParallelism(spec)}\n`);
  const completions = jobCompletions(spec);
  w.write(0, `Completions:\t${completions ?? '<unset>'}\n`);
  const mode = spec.completionMode ?? 'NonIndexed';
  w.write(0, `Completion Mode:\t${mode}\n`);
  w.write(0, `Suspend:\t${spec.suspend ?? false}\n`);
  w.write(0, `Backoff Limit:\t${spec.backoffLimit ?? 6}\n`);
  if (spec.ttlSecondsAfterFinished !== undefined) w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  if (status.completionTime) w.write(0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
  const start = parseTime(status.startTime);
  const end = parseTime(status.completionTime);
  if (start !== undefined && end !== undefined) w.write(0, `Duration:\t${humanDuration(end - start)}\n`);
  if (spec.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const active = status.active ?? 0;
  const counts = `${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`;
  w.write(0, status.ready === undefined ? `Pods Statuses:\t${active} Active / ${counts}\n` : `Pods Statuses:\t${active} Active (${status.ready} Ready) / ${counts}\n`);
  if (mode === 'Indexed') w.write(0, `Completed Indexes:\t${capIndexes(status.completedIndexes)}\n`);
  describePodTemplate(w, spec.template);
  describeEvents(w, events, now);
  return w.toString();
}

export function describeCronJob(cj: CronJob, events: Event[], now: number): string {
  const w = new PrefixWriter();
  const { spec } = cj;
  w.write(0, `Name:\t${cj.metadata.name}\n`);
  w.write(0, `Namespace:\t${cj.metadata.namespace ?? 'default'}\n`);
  printLabelsMultiline(w, 'Labels', cj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', cj.metadata.annotations);
  w.write(0, `Schedule:\t${spec.schedule}\n`);
  w.write(0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? 'Allow'}\n`);
  w.write(0, `Suspend:\t${(spec.suspend ?? false) ? 'True' : 'False'}\n`);
  w.write(0, `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit ?? 3}\n`);
  w.write(0, `Failed Job History Limit:\t${spec.failedJobsHistoryLimit ?? 1}\n`);
  w.write(0, `Starting Deadline Seconds:\t${spec.startingDeadlineSeconds !== undefined ? `${spec.startingDeadlineSeconds}s` : '<unset>'}\n`);
  const jt = spec.jobTemplate?.spec ?? ({} as Partial<Job['spec']>);
  w.write(0, `Selector:\t${jt.selector ? selectorString(jt.selector) : '<unset>'}\n`);
  w.write(0, `Parallelism:\t${jt.parallelism ?? '<unset>'}\n`);
  w.write(0, `Completions:\t${jt.completions ?? '<unset>'}\n`);
  if (jt.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${jt.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, jt.template);
  const last = cj.status?.lastScheduleTime;
  w.write(0, `Last Schedule Time:\t${last ? rfc1123z(last) : '<unset>'}\n`);
  const active = cj.status?.active ?? [];
  w.write(0, 'Active Jobs:\t');
  w.line(active.length === 0 ? '<none>' : active.map((j) => j.name ?? '').join(', '));
  describeEvents(w, events, now);
  return w.toString();
}
