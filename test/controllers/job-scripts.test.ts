// The notes' Job and CronJob sessions (test/scripts/job-*.ksim, cronjob-*.ksim) played by the headless runner
// with --seed 1, checked command by command.
import { describe, expect, it } from 'vitest';
import { play, table } from './script-transcript.js';

const row = (lines: string[], name: string) => table(lines).find((r) => r.NAME === name);

describe('job-sample-job.ksim (notes 004 §5.7.2)', () => {
  const t = play('job-sample-job.ksim');

  it('runs to the end', () => {
    expect(t.exitCode).toBe(0);
    expect(t.section('kubectl apply -f ../../fixtures/sample-job.yaml')).toEqual(['job.batch/sample.job created']);
  });

  it('Running 0/1 while the pod sleeps, then Complete 1/1 with the pod Completed', () => {
    expect(row(t.section('kubectl get jobs'), 'sample.job')).toMatchObject({ STATUS: 'Running', COMPLETIONS: '0/1', AGE: '10s' });
    const done = row(t.section('kubectl get jobs', 1), 'sample.job')!;
    expect(done).toMatchObject({ STATUS: 'Complete', COMPLETIONS: '1/1' });
    expect(Number(done.DURATION.replace('s', ''))).toBeGreaterThanOrEqual(60);
    const pods = table(t.section('kubectl get pods', 1));
    expect(pods).toHaveLength(1);
    expect(pods[0]).toMatchObject({ READY: '0/1', STATUS: 'Completed', RESTARTS: '0' });
    expect(pods[0].NAME).toMatch(/^sample\.job-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('describe job: the generated selector, one succeeded pod, SuccessfulCreate and Completed events', () => {
    const d = t.section('kubectl describe job sample.job');
    expect(d.find((l) => l.startsWith('Selector:'))).toMatch(/^Selector: +batch\.kubernetes\.io\/controller-uid=[0-9a-f-]{36}$/);
    expect(d).toContain('Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed');
    expect(d.some((l) => /Normal +SuccessfulCreate +\S+ +job-controller +Created pod: sample\.job-\w{5}$/.test(l))).toBe(true);
    expect(d.some((l) => /Normal +Completed +\S+ +job-controller +Job completed$/.test(l))).toBe(true);
  });
});

describe('job-exporter.ksim (notes 002: luksa/batch-job)', () => {
  const t = play('job-exporter.ksim');
  it('the pod runs two minutes and ends Completed; the Job is Complete 1/1', () => {
    expect(t.exitCode).toBe(0);
    expect(table(t.section('kubectl get po'))[0]).toMatchObject({ STATUS: 'Running' });
    expect(table(t.section('kubectl get po', 1))[0]).toMatchObject({ STATUS: 'Completed', READY: '0/1' });
    expect(row(t.section('kubectl get job'), 'batch-job')).toMatchObject({ STATUS: 'Complete', COMPLETIONS: '1/1' });
  });
});

describe('job-multi-completion.ksim (notes 002: completions 5, parallelism 2 → 3)', () => {
  const t = play('job-multi-completion.ksim');
  it('two pods, a third right after scale, five completions in all', () => {
    expect(t.exitCode).toBe(0);
    expect(table(t.section('kubectl get po'))).toHaveLength(2);
    expect(t.section('kubectl scale job multi-completion-batch-job --replicas 3')).toEqual(['job.batch/multi-completion-batch-job scaled']);
    const after = table(t.section('kubectl get po', 1));
    expect(after).toHaveLength(3);
    expect(after.filter((p) => p.AGE === '0s')).toHaveLength(1);
    expect(row(t.section('kubectl get jobs'), 'multi-completion-batch-job')).toMatchObject({ STATUS: 'Complete', COMPLETIONS: '5/5' });
  });
});

describe('job-restart-policy.ksim (notes 004 §5.7.3)', () => {
  const t = play('job-restart-policy.ksim');
  it('Never: a new pod per failure, spaced by the growing back-off; OnFailure: one pod, then Failed', () => {
    expect(t.exitCode).toBe(0);
    const early = table(t.section('kubectl get pods'));
    expect(early.filter((p) => p.NAME.startsWith('fail-never-')).length).toBeGreaterThanOrEqual(2);
    expect(early.filter((p) => p.NAME.startsWith('fail-onfailure-')).length).toBeLessThanOrEqual(1);
    const late = table(t.section('kubectl get pods', 1));
    const never = late.filter((p) => p.NAME.startsWith('fail-never-'));
    expect(never.length).toBeGreaterThanOrEqual(5);
    expect(never.every((p) => p.STATUS === 'Error' && p.RESTARTS === '0')).toBe(true);
    // The OnFailure pod was deleted when its Job failed.
    expect(late.filter((p) => p.NAME.startsWith('fail-onfailure-'))).toEqual([]);
    const jobs = t.section('kubectl get jobs');
    expect(row(jobs, 'fail-onfailure')).toMatchObject({ STATUS: 'Failed', COMPLETIONS: '0/1' });
    expect(row(jobs, 'fail-never')).toMatchObject({ STATUS: 'Running' });
    const d = t.section('kubectl describe job fail-onfailure');
    expect(d).toContain('Pods Statuses:    0 Active (0 Ready) / 0 Succeeded / 1 Failed');
    expect(d.some((l) => /Warning +BackoffLimitExceeded +\S+ +job-controller +Job has reached the specified backoff limit$/.test(l))).toBe(true);
  });
});

describe('job-workqueue.ksim (notes 004 §5.7.4)', () => {
  const t = play('job-workqueue.ksim');
  it('multi work queue: three pods, Complete once they have all ended; single: one pod', () => {
    expect(t.exitCode).toBe(0);
    expect(table(t.section('kubectl get pods -l job-name=sample-job-multi-workqueue'))).toHaveLength(3);
    const jobs = t.section('kubectl get jobs');
    expect(row(jobs, 'sample-job-multi-workqueue')).toMatchObject({ STATUS: 'Complete', COMPLETIONS: '3/1 of 3' });
    expect(row(jobs, 'sample-job-single-workqueue')).toMatchObject({ STATUS: 'Complete', COMPLETIONS: '1/1' });
    expect(table(t.section('kubectl get pods'))).toHaveLength(4);
  });
});

describe('job-ttl.ksim (notes 004 §5.7.5)', () => {
  const t = play('job-ttl.ksim');
  it('Complete at 20 s, gone with its pod 20 s after finishing', () => {
    expect(row(t.section('kubectl get jobs'), 'sample-job-ttl')).toMatchObject({ STATUS: 'Complete', COMPLETIONS: '1/1' });
    expect(table(t.section('kubectl get pods'))[0]).toMatchObject({ STATUS: 'Completed' });
    expect(t.section('kubectl get jobs', 1)).toEqual([]);
    expect(t.section('kubectl get pods', 1)).toEqual([]);
    expect(t.err).toEqual(['No resources found in default namespace.', 'No resources found in default namespace.']);
  });
});

describe('cronjob-sample.ksim (notes 004 §5.8)', () => {
  const t = play('cronjob-sample.ksim');

  it('runs to the end', () => {
    expect(t.exitCode).toBe(0);
    expect(t.err).toEqual([]);
  });

  it('the first Job at 00:01, named <cronjob>-<minutes since the epoch>', () => {
    expect(row(t.section('kubectl get cronjob'), 'sample-cronjob')).toMatchObject({ SCHEDULE: '*/1 * * * *', TIMEZONE: '<none>', SUSPEND: 'False', ACTIVE: '0', 'LAST SCHEDULE': '<none>' });
    expect(row(t.section('kubectl get cronjob', 1), 'sample-cronjob')).toMatchObject({ ACTIVE: '1', 'LAST SCHEDULE': '30s' });
    expect(table(t.section('kubectl get jobs')).map((r) => r.NAME)).toEqual(['sample-cronjob-28928161']);
  });

  it('history: at most 5 Complete and 3 Failed Jobs are kept', () => {
    const jobs = table(t.section('kubectl get jobs', 1));
    const complete = jobs.filter((j) => j.STATUS === 'Complete');
    const failed = jobs.filter((j) => j.STATUS === 'Failed');
    expect(complete.length).toBeLessThanOrEqual(5);
    expect(failed.length).toBeLessThanOrEqual(3);
    expect(complete.length + failed.length).toBeGreaterThanOrEqual(3); // ten have finished by now; outcomes are random
  });

  it('suspended: no new Jobs; create job --from makes one by hand, which the controller calls unexpected', () => {
    expect(row(t.section('kubectl get cronjob', 2), 'sample-cronjob')).toMatchObject({ SUSPEND: 'True', ACTIVE: '0', 'LAST SCHEDULE': '3m30s' });
    expect(t.section('kubectl create job sample-job --from cronjob/sample-cronjob')).toEqual(['job.batch/sample-job created']);
    const before = table(t.section('kubectl get jobs', 1)).map((r) => r.NAME);
    const after = table(t.section('kubectl get jobs', 2)).map((r) => r.NAME);
    // No scheduled Job was added while suspended (one that was still running may have finished and pushed an
    // older one out of the history).
    expect(after).toContain('sample-job');
    expect(after.filter((n) => n !== 'sample-job').every((n) => before.includes(n))).toBe(true);
    const d = t.section('kubectl describe cronjob sample-cronjob');
    expect(d.some((l) => /Warning +UnexpectedJob +0s +cronjob-controller +Saw a job that the controller did not create or forgot: sample-job$/.test(l))).toBe(true);
    expect(d.filter((l) => /Normal +SuccessfulDelete +\S+ +cronjob-controller +Deleted job sample-cronjob-\d+$/.test(l)).length).toBeGreaterThan(0);
    expect(d.some((l) => /Normal +SawCompletedJob .* condition: (Complete|Failed)$/.test(l))).toBe(true);
  });
});

describe('cronjob-every-fifteen-minutes.ksim (notes 000/002: cronjob.yaml)', () => {
  const t = play('cronjob-every-fifteen-minutes.ksim');
  it('the first Job at minute 15, Complete two minutes later', () => {
    expect(t.exitCode).toBe(0);
    expect(row(t.section('kubectl get cronjobs'), 'batch-job-every-fifteen-minutes')).toMatchObject({ SCHEDULE: '0,15,30,45 * * * *', ACTIVE: '1', 'LAST SCHEDULE': '60s' });
    expect(table(t.section('kubectl get jobs')).map((r) => r.NAME)).toEqual(['batch-job-every-fifteen-minutes-28928175']);
    expect(row(t.section('kubectl get jobs', 1), 'batch-job-every-fifteen-minutes-28928175')).toMatchObject({ STATUS: 'Complete', COMPLETIONS: '1/1' });
  });
});
