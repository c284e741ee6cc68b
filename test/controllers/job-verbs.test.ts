import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/cluster/engine.js';
import { cronJobJobs, cronJobManifest, createAdmitted, getCronJob } from './cronjob-helpers.js';
import { advance, emptyCluster, eventsFor, finishAll, getJob, jobPods } from './job-helpers.js';

describe('kubectl create job NAME --from=cronjob/CJ', () => {
  const base = () =>
    createAdmitted(emptyCluster(), {
      ...cronJobManifest('sample-cronjob', { labels: { app: 'batch' } }),
    });

  it('creates a Job named exactly NAME from the jobTemplate, marked manual and owned by the CronJob', () => {
    const s0 = base();
    const cj = getCronJob(s0, 'sample-cronjob');
    const r = dispatch(s0, { type: 'createJobFromCronJob', namespace: 'default', name: 'sample-job', cronJob: 'sample-cronjob' });
    expect(r.result).toEqual({ output: ['job.batch/sample-job created'], errors: [], warnings: [] });
    const s = r.state;
    const j = getJob(s, 'sample-job');
    expect(j.metadata.annotations).toEqual({ 'cronjob.kubernetes.io/instantiate': 'manual' });
    expect(j.metadata.labels).toEqual({ app: 'batch' });
    expect(j.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'sample-cronjob', uid: cj.metadata.uid, controller: true }]);
    expect(j.spec.template.spec.containers[0].image).toBe('amsy810/random-exit:v2.0');
    expect(j.spec.selector?.matchLabels).toEqual({ 'batch.kubernetes.io/controller-uid': j.metadata.uid });
    expect(jobPods(s, 'sample-job')).toHaveLength(1);
    // Owned but not in status.active: the CronJob controller says so while it runs.
    expect(eventsFor(s, 'CronJob', 'sample-cronjob')).toContain('Warning UnexpectedJob Saw a job that the controller did not create or forgot: sample-job');
    expect(getCronJob(s, 'sample-cronjob').status.active).toBeUndefined();
  });

  it('its success still sets lastSuccessfulTime; it counts in the history', () => {
    let s = dispatch(base(), { type: 'createJobFromCronJob', namespace: 'default', name: 'manual', cronJob: 'sample-cronjob' }).state;
    s = advance(s, 5_000);
    s = finishAll(s, 'manual', 'Succeeded');
    expect(getCronJob(s, 'sample-cronjob').status.lastSuccessfulTime).toBe('2025-01-01T00:00:05Z');
    expect(cronJobJobs(s, 'sample-cronjob').map((j) => j.metadata.name)).toEqual(['manual']);
  });

  it('NotFound for a missing CronJob, AlreadyExists for a taken name', () => {
    const s = base();
    expect(dispatch(s, { type: 'createJobFromCronJob', namespace: 'default', name: 'x', cronJob: 'nope' }).result.errors).toEqual([
      'Error from server (NotFound): cronjobs.batch "nope" not found',
    ]);
    const s2 = dispatch(s, { type: 'createJobFromCronJob', namespace: 'default', name: 'x', cronJob: 'sample-cronjob' }).state;
    const again = dispatch(s2, { type: 'createJobFromCronJob', namespace: 'default', name: 'x', cronJob: 'sample-cronjob' });
    expect(again.result.output).toEqual([]);
    expect(again.result.errors).toEqual(['error: failed to create job: jobs.batch "x" already exists']);
  });
});

describe('kubectl create job NAME --image=IMG -- CMD', () => {
  it('creates a one-container Job (container named NAME, restartPolicy Never) with the API defaults', () => {
    const r = dispatch(emptyCluster(), {
      type: 'createJob',
      namespace: 'default',
      name: 'sample-job-by-cli',
      image: 'amsy810/tools:v2.0',
      command: ['sleep', '30'],
    });
    expect(r.result).toEqual({ output: ['job.batch/sample-job-by-cli created'], errors: [], warnings: [] });
    const j = getJob(r.state, 'sample-job-by-cli');
    expect(j.spec.template.spec.containers).toMatchObject([{ name: 'sample-job-by-cli', image: 'amsy810/tools:v2.0', command: ['sleep', '30'] }]);
    expect(j.spec.template.spec.restartPolicy).toBe('Never');
    expect(j.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6 });
    expect(j.metadata.labels).toMatchObject({ 'job-name': 'sample-job-by-cli', 'batch.kubernetes.io/controller-uid': j.metadata.uid });
    expect(j.metadata.annotations).toBeUndefined();
    expect(jobPods(r.state, 'sample-job-by-cli')).toHaveLength(1);
  });

  it('reports what the API server refuses as kubectl does', () => {
    const r = dispatch(emptyCluster(), { type: 'createJob', namespace: 'default', name: 'Bad_Name', image: 'busybox' });
    expect(r.result.output).toEqual([]);
    expect(r.result.errors).toHaveLength(1);
    // The name is used for the container too, so both are refused (an aggregate, in brackets).
    expect(r.result.errors[0]).toMatch(/^error: failed to create job: Job\.batch "Bad_Name" is invalid: \[metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
    expect(r.result.errors[0]).toContain('spec.template.spec.containers[0].name: Invalid value: "Bad_Name": a lowercase RFC 1123 label');
  });
});
