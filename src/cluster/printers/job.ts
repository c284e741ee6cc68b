// `kubectl get jobs`: printJob (pkg/printers/internalversion/printers.go, v1.30+ with the STATUS column).

import type { Job, JobCondition, JobSpec } from '../api/types.js';
import { formatLabelSelector } from '../labels.js';
import { parseTime } from '../util/time.js';
import { layoutContainerCells } from './common.js';
import { humanDuration } from './duration.js';
import type { Cell, Printer } from './types.js';
import { age, text } from './types.js';

/** hasJobCondition: the first condition of that type decides. */
export function hasJobCondition(conditions: JobCondition[] | undefined, type: string): boolean {
  const c = (conditions ?? []).find((x) => x.type === type);
  return c?.status === 'True';
}

/**
 * spec.completions after SetDefaults_Job: both completions and parallelism unset ⇒ 1; an explicit null (or
 * parallelism set alone) leaves it unset (a work-queue Job).
 */
export function jobCompletions(spec: JobSpec): number | undefined {
  if (spec.completions === null) return undefined;
  if (spec.completions === undefined) return spec.parallelism === undefined ? 1 : undefined;
  return spec.completions;
}

/** spec.parallelism after defaulting (1). */
export function jobParallelism(spec: JobSpec): number {
  return spec.parallelism ?? 1;
}

/** STATUS: Complete, Failed, Terminating, Suspended, FailureTarget, else Running. */
export function jobStatus(job: Job): string {
  const cs = job.status?.conditions;
  if (hasJobCondition(cs, 'Complete')) return 'Complete';
  if (hasJobCondition(cs, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (hasJobCondition(cs, 'Suspended')) return 'Suspended';
  if (hasJobCondition(cs, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completionsCell(job: Job): Cell {
  const succeeded = job.status?.succeeded ?? 0;
  const completions = jobCompletions(job.spec);
  if (completions !== undefined) return { text: `${succeeded}/${completions}`, sort: succeeded };
  const parallelism = jobParallelism(job.spec);
  return { text: parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`, sort: succeeded };
}

/** DURATION: empty before start, time since start while running, completion - start when done. */
function durationCell(job: Job, now: number): Cell {
  const start = parseTime(job.status?.startTime);
  if (start === undefined) return { text: '', sort: -1 };
  const end = parseTime(job.status?.completionTime) ?? now;
  return { text: humanDuration(end - start), sort: end - start };
}

export const jobPrinter: Printer<'Job'> = {
  kind: 'Job',
  columns: [
    { name: 'NAME' },
    { name: 'STATUS' },
    { name: 'COMPLETIONS' },
    { name: 'DURATION', time: true },
    { name: 'AGE', time: true },
    { name: 'CONTAINERS', wide: true },
    { name: 'IMAGES', wide: true },
    { name: 'SELECTOR', wide: true },
  ],
  row(job, ctx) {
    const { names, images } = layoutContainerCells(job.spec.template?.spec?.containers);
    return [
      text(job.metadata.name),
      text(jobStatus(job)),
      completionsCell(job),
      durationCell(job, ctx.now),
      age(job.metadata.creationTimestamp, ctx.now),
      text(names),
      text(images),
      text(formatLabelSelector(job.spec.selector)),
    ];
  },
};
