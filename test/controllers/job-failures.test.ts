import { describe, expect, it } from 'vitest';
import { transact } from '../../src/cluster/engine.js';
import { getObject } from '../../src/cluster/store.js';
import {
  activePods,
  advance,
  bind,
  conditionTypes,
  createJob,
  deletePod,
  emptyCluster,
  eventsFor,
  getJob,
  job,
  jobPods,
  setPhase,
} from './job-helpers.js';

describe('Job failures with restartPolicy Never', () => {
  it('backoffLimit 1: exactly two failed pods, FailureTarget then Failed BackoffLimitExceeded', () => {
    let s = createJob(emptyCluster(), job('bl', { backoffLimit: 1 }));
    s = setPhase(s, activePods(s, 'bl')[0], 'Failed');
    expect(getJob(s, 'bl').status).toMatchObject({ failed: 1 });
    expect(activePods(s, 'bl')).toHaveLength(0); // waiting for the back-off
    s = advance(s, 10_000);
    expect(activePods(s, 'bl')).toHaveLength(1);
    s = setPhase(s, activePods(s, 'bl')[0], 'Failed');
    const j = getJob(s, 'bl');
    expect(j.status.failed).toBe(2);
    expect(conditionTypes(j)).toEqual(['FailureTarget', 'Failed']);
    for (const c of j.status.conditions!) {
      expect(c).toMatchObject({ reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' });
    }
    expect(j.status.completionTime).toBeUndefined();
    expect(eventsFor(s, 'Job', 'bl')).toContain('Warning BackoffLimitExceeded Job has reached the specified backoff limit');
    s = advance(s, 3_600_000);
    expect(jobPods(s, 'bl')).toHaveLength(2);
    expect(jobPods(s, 'bl').every((p) => p.status.phase === 'Failed')).toBe(true);
  });

  it('backoffLimit 0: one failure fails the Job', () => {
    let s = createJob(emptyCluster(), job('once', { backoffLimit: 0 }));
    s = setPhase(s, activePods(s, 'once')[0], 'Failed');
    expect(conditionTypes(getJob(s, 'once'))).toEqual(['FailureTarget', 'Failed']);
    expect(jobPods(s, 'once')).toHaveLength(1);
  });

  it('replacements wait 10s, 20s, 40s … after the last failure', () => {
    let s = createJob(emptyCluster(), job('bo', { backoffLimit: 6 }));
    const waits: number[] = [];
    for (let n = 0; n < 4; n++) {
      s = setPhase(s, activePods(s, 'bo')[0], 'Failed');
      const failedAt = s.now;
      while (activePods(s, 'bo').length === 0) s = advance(s, 1000);
      waits.push(s.now - failedAt);
    }
    expect(waits).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(getJob(s, 'bo').status.failed).toBe(4);
  });

  it('the back-off is capped at 10 minutes (MaxJobPodFailureBackOff)', () => {
    let s = createJob(emptyCluster(), job('cap', { backoffLimit: 20 }));
    let last = 0;
    for (let n = 0; n < 8; n++) {
      s = setPhase(s, activePods(s, 'cap')[0], 'Failed');
      const failedAt = s.now;
      while (activePods(s, 'cap').length === 0) s = advance(s, 10_000);
      last = s.now - failedAt;
    }
    // 10s·2^7 = 1280s > 600s.
    expect(last).toBe(600_000);
  });

  it('a success resets the back-off', () => {
    let s = createJob(emptyCluster(), job('reset', { completions: 3, parallelism: 1 }));
    s = setPhase(s, activePods(s, 'reset')[0], 'Failed');
    s = advance(s, 10_000);
    s = setPhase(s, activePods(s, 'reset')[0], 'Succeeded');
    expect(activePods(s, 'reset')).toHaveLength(1); // no waiting after a success
  });
});

describe('Job failures with restartPolicy OnFailure', () => {
  it('fails when the restarts of running pods reach backoffLimit; the running pod is deleted and counted', () => {
    let s = createJob(emptyCluster(), job('of', { backoffLimit: 3 }, 'OnFailure'));
    const pod = activePods(s, 'of')[0];
    s = setPhase(s, pod, 'Running', { restartCount: 2 });
    expect(conditionTypes(getJob(s, 'of'))).toEqual([]);
    s = setPhase(s, pod, 'Running', { restartCount: 3 });
    const j = getJob(s, 'of');
    expect(conditionTypes(j)).toEqual(['FailureTarget', 'Failed']);
    expect(j.status.conditions![1].reason).toBe('BackoffLimitExceeded');
    expect(j.status.failed).toBe(1);
    expect(getObject(s, 'Pod', `default/${pod.metadata.name}`)).toBeUndefined();
    expect(eventsFor(s, 'Job', 'of')).toContain(`Normal SuccessfulDelete Deleted pod: ${pod.metadata.name}`);
  });

  it('the restart count of a pod that finished does not count', () => {
    let s = createJob(emptyCluster(), job('ofok', { backoffLimit: 2 }, 'OnFailure'));
    const pod = activePods(s, 'ofok')[0];
    s = setPhase(s, pod, 'Running', { restartCount: 1 });
    s = transact(s, (tx) => {
      tx.update('Pod', `default/${pod.metadata.name}`, (p) => {
        p.status.phase = 'Succeeded';
        p.status.containerStatuses![0].restartCount = 5;
        p.status.containerStatuses![0].state = { terminated: { exitCode: 0, finishedAt: '2025-01-01T00:00:00Z' } };
      });
    });
    expect(conditionTypes(getJob(s, 'ofok'))).toEqual(['SuccessCriteriaMet', 'Complete']);
  });
});

describe('activeDeadlineSeconds', () => {
  it('fails the Job exactly at startTime + deadline with DeadlineExceeded, deleting the running pod', () => {
    let s = createJob(emptyCluster(), job('dl', { activeDeadlineSeconds: 30 }));
    s = setPhase(s, activePods(s, 'dl')[0], 'Running');
    s = advance(s, 29_900);
    expect(conditionTypes(getJob(s, 'dl'))).toEqual([]);
    s = advance(s, 100);
    const j = getJob(s, 'dl');
    expect(conditionTypes(j)).toEqual(['FailureTarget', 'Failed']);
    expect(j.status.conditions![1]).toMatchObject({
      reason: 'DeadlineExceeded',
      message: 'Job was active longer than specified deadline',
      lastTransitionTime: '2025-01-01T00:00:30Z',
    });
    expect(j.status.failed).toBe(1);
    expect(j.status.active).toBeUndefined();
    expect(eventsFor(s, 'Job', 'dl')).toContain('Warning DeadlineExceeded Job was active longer than specified deadline');
  });

  it('waits for terminating pods before writing Failed (FailureTarget in between)', () => {
    let s = createJob(emptyCluster(), job('term', { activeDeadlineSeconds: 10 }));
    s = bind(s, activePods(s, 'term')[0]);
    s = advance(s, 10_000);
    let j = getJob(s, 'term');
    expect(conditionTypes(j)).toEqual(['FailureTarget']);
    expect(j.status).toMatchObject({ terminating: 1, failed: 1 });
    const pod = jobPods(s, 'term')[0];
    expect(pod.metadata.deletionTimestamp).toBe('2025-01-01T00:00:40Z');
    // The kubelet finishes the pod: now the Job is Failed.
    s = advance(s, 5_000);
    s = setPhase(s, pod, 'Failed');
    j = getJob(s, 'term');
    expect(conditionTypes(j)).toEqual(['FailureTarget', 'Failed']);
    expect(j.status).toMatchObject({ terminating: 0, failed: 1 });
    expect(j.status.conditions![0].lastTransitionTime).toBe('2025-01-01T00:00:10Z');
    expect(j.status.conditions![1].lastTransitionTime).toBe('2025-01-01T00:00:15Z');
  });
});

describe('counting each pod once', () => {
  it('finished pods that are later deleted do not change the counts', () => {
    let s = createJob(emptyCluster(), job('gc', { completions: 3, parallelism: 3, backoffLimit: 5 }));
    const [a, b] = activePods(s, 'gc');
    s = setPhase(s, a, 'Succeeded');
    s = setPhase(s, b, 'Failed');
    expect(getJob(s, 'gc').status).toMatchObject({ succeeded: 1, failed: 1 });
    s = deletePod(s, jobPods(s, 'gc').find((p) => p.metadata.name === a.metadata.name)!);
    s = deletePod(s, jobPods(s, 'gc').find((p) => p.metadata.name === b.metadata.name)!);
    s = advance(s, 60_000);
    expect(getJob(s, 'gc').status).toMatchObject({ succeeded: 1, failed: 1 });
  });

  it('a pod force-deleted while running counts as one failure and is replaced', () => {
    let s = createJob(emptyCluster(), job('force', { backoffLimit: 5 }));
    const pod = activePods(s, 'force')[0];
    s = bind(s, pod);
    s = deletePod(s, pod, { force: true, gracePeriodSeconds: 0 });
    expect(getJob(s, 'force').status.failed).toBe(1);
    s = advance(s, 10_000);
    expect(activePods(s, 'force')).toHaveLength(1);
    expect(getJob(s, 'force').status.failed).toBe(1);
  });

  it('an evicted (Terminating) pod is counted failed once and replaced without waiting for it to go', () => {
    let s = createJob(emptyCluster(), job('evict', { backoffLimit: 5 }));
    const pod = activePods(s, 'evict')[0];
    s = bind(s, pod);
    s = deletePod(s, pod);
    let j = getJob(s, 'evict');
    expect(j.status).toMatchObject({ failed: 1, terminating: 1 });
    s = advance(s, 10_000);
    expect(activePods(s, 'evict')).toHaveLength(1);
    s = setPhase(s, jobPods(s, 'evict').find((p) => p.metadata.name === pod.metadata.name)!, 'Failed');
    j = getJob(s, 'evict');
    expect(j.status).toMatchObject({ failed: 1, terminating: 0, active: 1 });
  });
});

describe('suspend', () => {
  it('created suspended: no pods and no startTime; resuming starts it', () => {
    let s = createJob(emptyCluster(), job('sus', { suspend: true, completions: 2, parallelism: 2 }));
    let j = getJob(s, 'sus');
    expect(jobPods(s, 'sus')).toHaveLength(0);
    expect(j.status.startTime).toBeUndefined();
    expect(j.status.conditions).toEqual([
      { type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended', lastProbeTime: '2025-01-01T00:00:00Z', lastTransitionTime: '2025-01-01T00:00:00Z' },
    ]);
    expect(eventsFor(s, 'Job', 'sus')).toEqual(['Normal Suspended Job suspended']);
    s = advance(s, 60_000);
    s = transact(s, (tx) => {
      tx.update('Job', 'default/sus', (o) => {
        o.spec.suspend = false;
      });
    });
    j = getJob(s, 'sus');
    expect(activePods(s, 'sus')).toHaveLength(2);
    expect(j.status.startTime).toBe('2025-01-01T00:01:00Z');
    expect(j.status.conditions![0]).toMatchObject({ type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed' });
    expect(eventsFor(s, 'Job', 'sus')).toContain('Normal Resumed Job resumed');
  });

  it('suspending a running Job deletes its pods without counting them as failed', () => {
    let s = createJob(emptyCluster(), job('run', { completions: 3, parallelism: 3 }));
    s = transact(s, (tx) => {
      tx.update('Job', 'default/run', (o) => {
        o.spec.suspend = true;
      });
    });
    const j = getJob(s, 'run');
    expect(jobPods(s, 'run')).toHaveLength(0);
    expect(j.status.failed).toBeUndefined();
    expect(j.status.active).toBeUndefined();
    expect(conditionTypes(j)).toEqual(['Suspended']);
    expect(eventsFor(s, 'Job', 'run').filter((e) => e.includes('SuccessfulDelete'))).toHaveLength(3);
  });

  it('resuming resets startTime, so activeDeadlineSeconds counts from the resume', () => {
    let s = createJob(emptyCluster(), job('ads', { suspend: true, activeDeadlineSeconds: 20 }));
    s = advance(s, 100_000);
    s = transact(s, (tx) => {
      tx.update('Job', 'default/ads', (o) => {
        o.spec.suspend = false;
      });
    });
    s = advance(s, 19_000);
    expect(conditionTypes(getJob(s, 'ads'))).toEqual([]);
    s = advance(s, 1_000);
    expect(conditionTypes(getJob(s, 'ads'))).toEqual(['FailureTarget', 'Failed']);
  });
});
