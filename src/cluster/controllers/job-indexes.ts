// Indexed Jobs (pkg/controller/job/indexed_job_utils.go): the completion index of a pod, the
// `status.completedIndexes` text ("0-2,4"), and which indexes still need a pod.

import type { Job, Pod } from '../api/types.js';

export const COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';
export const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';
/** names.MaxGeneratedNameLength: a generateName prefix is cut so the name stays within 63 characters. */
const MAX_GENERATED_NAME_LENGTH = 58;

export function isIndexedJob(job: Job): boolean {
  return job.spec.completionMode === 'Indexed';
}

/** getCompletionIndex: the index from the pod's annotation, or -1 when missing or malformed. */
export function completionIndex(pod: Pod): number {
  const v = pod.metadata.annotations?.[COMPLETION_INDEX_ANNOTATION];
  if (v === undefined || !/^\d+$/.test(v)) return -1;
  return Number(v);
}

/** A pod's index if it is valid for this Job (0 ≤ index < completions), else -1. */
export function validIndex(job: Job, pod: Pod): number {
  const ix = completionIndex(pod);
  return ix >= 0 && ix < (job.spec.completions ?? 0) ? ix : -1;
}

/** parseIndexesFromString: "0-2,4" → [0,1,2,4]; indexes ≥ completions are dropped. */
export function parseIndexes(text: string | undefined, completions: number): number[] {
  const out: number[] = [];
  for (const part of (text ?? '').split(',')) {
    if (!part) continue;
    const [a, b] = part.split('-');
    const first = Number(a);
    const last = b === undefined ? first : Number(b);
    if (!Number.isInteger(first) || !Number.isInteger(last)) continue;
    for (let i = first; i <= last && i < completions; i++) out.push(i);
  }
  return out;
}

/** orderedIntervals.String(): runs of three or more as `first-last`, pairs as `a,b`. */
export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const first = sorted[i];
    const last = sorted[j];
    if (last === first) parts.push(String(first));
    else if (last === first + 1) parts.push(`${first},${last}`);
    else parts.push(`${first}-${last}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** calculateSucceededIndexes: the indexes in status.completedIndexes plus those of succeeded pods. */
export function succeededIndexes(job: Job, pods: Pod[]): Set<number> {
  const completions = job.spec.completions ?? 0;
  const out = new Set(parseIndexes(job.status?.completedIndexes, completions));
  for (const p of pods) {
    if (p.status.phase !== 'Succeeded') continue;
    const ix = validIndex(job, p);
    if (ix >= 0) out.add(ix);
  }
  return out;
}

/** firstPendingIndexes: the lowest `count` indexes that have neither succeeded nor an active pod. */
export function firstPendingIndexes(completions: number, succeeded: Set<number>, activeIndexes: Set<number>, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) {
    if (!succeeded.has(i) && !activeIndexes.has(i)) out.push(i);
  }
  return out;
}

/** podGenerateNameWithIndex: `<job>-<index>-`, the job name cut so the whole stays within the limit. */
export function generateNameWithIndex(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const prefix = jobName + suffix;
  if (prefix.length <= MAX_GENERATED_NAME_LENGTH) return prefix;
  return jobName.slice(0, MAX_GENERATED_NAME_LENGTH - suffix.length) + suffix;
}
