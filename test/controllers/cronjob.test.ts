import { describe, expect, it } from 'vitest';
import { deleteObject } from '../../src/cluster/apiserver.js';
import { transact } from '../../src/cluster/engine.js';
import { getObject, listObjects } from '../../src/cluster/store.js';
import { cronJobJobs, cronJobManifest, createAdmitted, getCronJob, scheduledName } from './cronjob-helpers.js';
import { advance, conditionTypes, emptyCluster, eventsFor, finishAll, getJob, jobPods } from './job-helpers.js';

const names = (s: Parameters<typeof cronJobJobs>[0], cj: string) => cronJobJobs(s, cj).map((j) => j.metadata.name);

function setSpec(s: Parameters<typeof cronJobJobs>[0], name: string, change: Record<string, unknown>) {
  return transact(s, (tx) => {
    tx.update('CronJob', `default/${name}`, (c) => {
      Object.assign(c.spec, change);
    });
  });
}

describe('CronJob controller: creating Jobs on schedule', () => {
  it('sample-cronjob: a Job <cronjob>-<minutes> at each minute, from the jobTemplate, owned by the CronJob', () => {
    let s = createAdmitted(emptyCluster(), cronJobManifest('sample-cronjob', { startingDeadlineSeconds: 30, successfulJobsHistoryLimit: 5, failedJobsHistoryLimit: 3, backoffLimit: 0, labels: { app: 'batch' } }));
    const cj = getCronJob(s, 'sample-cronjob');
    s = advance(s, 59_000);
    expect(cronJobJobs(s, 'sample-cronjob')).toHaveLength(0);
    s = advance(s, 1_200);
    const name = scheduledName('sample-cronjob', '2025-01-01T00:01:00Z');
    expect(name).toBe('sample-cronjob-28928161');
    expect(names(s, 'sample-cronjob')).toEqual([name]);
    const j = getJob(s, name);
    // SetDefaults_Job: a Job without labels takes its pod template's; the jobTemplate's labels win here.
    expect(j.metadata.labels).toEqual({ app: 'batch' });
    expect(j.metadata.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2025-01-01T00:01:00Z' });
    expect(j.metadata.ownerReferences).toEqual([
      { apiVersion: 'batch/v1', kind: 'CronJob', name: 'sample-cronjob', uid: cj.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(j.spec.backoffLimit).toBe(0);
    expect(j.spec.selector?.matchLabels).toEqual({ 'batch.kubernetes.io/controller-uid': j.metadata.uid });
    expect(j.metadata.creationTimestamp).toBe('2025-01-01T00:01:00Z');
    expect(jobPods(s, name)).toHaveLength(1);
    const st = getCronJob(s, 'sample-cronjob').status;
    expect(st.lastScheduleTime).toBe('2025-01-01T00:01:00Z');
    expect(st.active).toEqual([{ kind: 'Job', namespace: 'default', name, uid: j.metadata.uid, apiVersion: 'batch/v1', resourceVersion: expect.any(String) }]);
    expect(eventsFor(s, 'CronJob', 'sample-cronjob')).toEqual([`Normal SuccessfulCreate Created job ${name}`]);
  });

  it('finished Jobs leave status.active with SawCompletedJob, and lastSuccessfulTime follows', () => {
    let s = createAdmitted(emptyCluster(), cronJobManifest('cj'));
    s = advance(s, 60_100);
    const name = names(s, 'cj')[0];
    s = advance(s, 10_000);
    s = finishAll(s, name, 'Succeeded');
    const st = getCronJob(s, 'cj').status;
    expect(st.active).toBeUndefined();
    expect(st.lastSuccessfulTime).toBe('2025-01-01T00:01:10Z');
    expect(eventsFor(s, 'CronJob', 'cj')).toContain(`Normal SawCompletedJob Saw completed job: ${name}, condition: Complete`);
  });

  it('a timer per schedule, not polling: one wake-up pending per CronJob', () => {
    let s = createAdmitted(emptyCluster(), cronJobManifest('cj', { schedule: '0 * * * *' }));
    s = advance(s, 10 * 3_600_000 + 100);
    expect(names(s, 'cj')).toHaveLength(10);
    const pending = Object.values(s.timers).flatMap((b) => Object.values(b)).filter((t) => t.queue === 'cronjob');
    expect(pending).toEqual([{ due: Date.parse('2025-01-01T11:00:00.100Z'), queue: 'cronjob', key: 'default/cj' }]);
  });

  it('timeZone: the schedule is read in that zone and the annotation carries its offset', () => {
    let s = createAdmitted(emptyCluster(Date.parse('2024-12-31T23:00:00Z')), cronJobManifest('kst', { schedule: '0 9 * * *', timeZone: 'Asia/Seoul' }));
    s = advance(s, 3_600_100);
    const name = scheduledName('kst', '2025-01-01T00:00:00Z');
    expect(names(s, 'kst')).toEqual([name]);
    expect(getJob(s, name).metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2025-01-01T09:00:00+09:00');
  });
});

describe('concurrencyPolicy', () => {
  it('Allow: Jobs pile up while earlier ones still run', () => {
    let s = createAdmitted(emptyCluster(), cronJobManifest('allow'));
    s = advance(s, 3 * 60_000 + 100);
    expect(names(s, 'allow')).toHaveLength(3);
    expect(getCronJob(s, 'allow').status.active).toHaveLength(3);
  });

  it('Forbid: no second Job while one runs (JobAlreadyActive); the missed run starts when the first ends', () => {
    let s = createAdmitted(emptyCluster(), cronJobManifest('forbid', { concurrencyPolicy: 'Forbid' }));
    s = advance(s, 60_100);
    const first = names(s, 'forbid')[0];
    s = advance(s, 60_000);
    expect(names(s, 'forbid')).toEqual([first]);
    expect(eventsFor(s, 'CronJob', 'forbid')).toContain('Normal JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid');
    s = advance(s, 30_000); // 00:02:30
    s = finishAll(s, first, 'Succeeded');
    expect(names(s, 'forbid')).toEqual([first, scheduledName('forbid', '2025-01-01T00:02:00Z')]);
  });

  it('Forbid with startingDeadlineSeconds: a start later than the deadline is skipped', () => {
    let s = createAdmitted(emptyCluster(), cronJobManifest('late', { concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 20 }));
    s = advance(s, 60_100);
    const first = names(s, 'late')[0];
    s = advance(s, 90_000); // 00:02:30, 30 s after the 00:02 schedule
    s = finishAll(s, first, 'Succeeded');
    expect(names(s, 'late')).toEqual([first]);
    s = advance(s, 30_000); // 00:03:00.1
    expect(names(s, 'late')).toEqual([first, scheduledName('late', '2025-01-01T00:03:00Z')]);
  });

  it('Replace: the running Job is deleted (with its pods) and a new one created', () => {
    let s = createAdmitted(emptyCluster(), cronJobManifest('replace', { concurrencyPolicy: 'Replace' }));
    s = advance(s, 60_100);
    const first = names(s, 'replace')[0];
    const firstPod = jobPods(s, first)[0].metadata.name;
    s = advance(s, 60_000);
    const second = scheduledName('replace', '2025-01-01T00:02:00Z');
    expect(names(s, 'replace')).toEqual([second]);
    expect(getObject(s, 'Pod', `default/${firstPod}`)).toBeUndefined();
    expect(getCronJob(s, 'replace').status.active?.map((r) => r.name)).toEqual([second]);
    expect(eventsFor(s, 'CronJob', 'replace')).toContain(`Normal SuccessfulDelete Deleted job ${first}`);
  });
});

describe('history limits', () => {
  it('keeps the newest successful and failed Jobs up to their limits', () => {
    let s = createAdmitted(emptyCluster(), cronJobManifest('hist', { successfulJobsHistoryLimit: 2, failedJobsHistoryLimit: 1, backoffLimit: 0 }));
    const made: string[] = [];
    for (let i = 0; i < 4; i++) {
      s = advance(s, 60_000 + (i === 0 ? 100 : 0));
      const name = names(s, 'hist').find((n) => !made.includes(n))!;
      made.push(name);
      s = finishAll(s, name, 'Succeeded');
    }
    expect(names(s, 'hist')).toEqual(made.slice(2));
    for (let i = 0; i < 2; i++) {
      s = advance(s, 60_000);
      const name = names(s, 'hist').find((n) => !made.includes(n))!;
      made.push(name);
      s = finishAll(s, name, 'Failed');
    }
    expect(names(s, 'hist')).toEqual([made[2], made[3], made[5]].sort());
    expect(conditionTypes(getJob(s, made[5]))).toContain('Failed');
    const deletes = eventsFor(s, 'CronJob', 'hist').filter((e) => e.startsWith('Normal SuccessfulDelete'));
    expect(deletes.sort()).toEqual([made[0], made[1], made[4]].map((n) => `Normal SuccessfulDelete Deleted job ${n}`).sort());
  });

  it('defaults keep 3 successful and 1 failed Job', () => {
    let s = createAdmitted(emptyCluster(), cronJobManifest('defaults'));
    expect(getCronJob(s, 'defaults').spec).toMatchObject({ successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1, concurrencyPolicy: 'Allow', suspend: false });
    for (let i = 0; i < 5; i++) {
      s = advance(s, 60_000 + (i === 0 ? 100 : 0));
      for (const n of names(s, 'defaults')) s = finishAll(s, n, 'Succeeded');
    }
    expect(names(s, 'defaults')).toHaveLength(3);
  });
});

describe('suspend and missed schedules', () => {
  it('no Jobs while suspended; on resume only the most recent missed time runs', () => {
    let s = createAdmitted(emptyCluster(), cronJobManifest('sus', { suspend: true }));
    s = advance(s, 5 * 60_000 + 30_000); // 00:05:30
    expect(names(s, 'sus')).toEqual([]);
    s = setSpec(s, 'sus', { suspend: false });
    expect(names(s, 'sus')).toEqual([scheduledName('sus', '2025-01-01T00:05:00Z')]);
    expect(getCronJob(s, 'sus').status.lastScheduleTime).toBe('2025-01-01T00:05:00Z');
    s = advance(s, 30_100);
    expect(names(s, 'sus')).toHaveLength(2);
  });

  it('with startingDeadlineSeconds, a resume long after the last schedule starts nothing until the next one', () => {
    let s = createAdmitted(emptyCluster(), cronJobManifest('sds', { suspend: true, startingDeadlineSeconds: 10 }));
    s = advance(s, 5 * 60_000 + 30_000);
    s = setSpec(s, 'sds', { suspend: false });
    expect(names(s, 'sds')).toEqual([]);
    s = advance(s, 30_100);
    expect(names(s, 'sds')).toEqual([scheduledName('sds', '2025-01-01T00:06:00Z')]);
  });

  it('more than 100 missed start times: TooManyMissedTimes, and the latest still starts', () => {
    let s = createAdmitted(emptyCluster(), cronJobManifest('many', { suspend: true }));
    s = advance(s, 3 * 3_600_000 + 30_000); // 180 schedules missed
    s = setSpec(s, 'many', { suspend: false });
    expect(names(s, 'many')).toEqual([scheduledName('many', '2025-01-01T03:00:00Z')]);
    expect(eventsFor(s, 'CronJob', 'many')).toContain(
      'Warning TooManyMissedTimes too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
    );
  });
});

describe('jobs that go away or were not ours', () => {
  it('an active Job deleted by hand: MissingJob and the active list empties', () => {
    let s = createAdmitted(emptyCluster(), cronJobManifest('miss'));
    s = advance(s, 60_100);
    const name = names(s, 'miss')[0];
    s = transact(s, (tx) => {
      tx.remove('Job', `default/${name}`);
    });
    expect(getCronJob(s, 'miss').status.active).toBeUndefined();
    expect(eventsFor(s, 'CronJob', 'miss')).toContain(`Normal MissingJob Active job went missing: ${name}`);
  });

  it('deleting the CronJob deletes its Jobs and their pods (garbage collector)', () => {
    let s = createAdmitted(emptyCluster(), cronJobManifest('gone'));
    s = advance(s, 2 * 60_000 + 100);
    expect(listObjects(s, 'Job')).toHaveLength(2);
    s = transact(s, (tx) => {
      deleteObject(tx, 'CronJob', 'default/gone');
    });
    expect(listObjects(s, 'Job')).toHaveLength(0);
    expect(listObjects(s, 'Pod')).toHaveLength(0);
  });
});
