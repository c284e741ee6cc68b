// The notes' Jobs and CronJobs end to end: real admission, scheduler, kubelet (image catalog + tiny shell) and
// garbage collector on the default three-node cluster. Skipped until the kubelet is registered.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Pod } from '../../src/cluster/api/types.js';
import { createObject } from '../../src/cluster/apiserver.js';
import { CONTROLLERS } from '../../src/cluster/controllers/index.js';
import { createJobThroughApiServer } from '../../src/cluster/controllers/shared/create-job.js';
import { createCluster, dispatch, transact } from '../../src/cluster/engine.js';
import { admit } from '../../src/cluster/manifest/index.js';
import type { State } from '../../src/cluster/state.js';
import { getObject } from '../../src/cluster/store.js';
import { cronJobJobs } from './cronjob-helpers.js';
import { advance, conditionTypes, eventsFor, getJob, jobPods } from './job-helpers.js';

const kubelet = CONTROLLERS.some((c) => c.name === 'kubelet');

/** `kubectl create -f fixtures/NAME`. */
function createFixture(state: State, file: string): State {
  const raw = parse(readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
  return createRaw(state, raw);
}

function createRaw(state: State, raw: Record<string, unknown>): State {
  return transact(state, (tx) => {
    if (raw.kind === 'Job') {
      const r = createJobThroughApiServer(tx, raw);
      if (!r.job) throw new Error(r.errors.join('\n'));
      return;
    }
    const r = admit(raw, { namespace: 'default' });
    if (!r.object) throw new Error(r.errors.join('\n'));
    createObject(tx, r.object);
  });
}

function failingJob(name: string, restartPolicy: 'Never' | 'OnFailure', backoffLimit: number): Record<string, unknown> {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      backoffLimit,
      template: { spec: { restartPolicy, containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'exit 1'] }] } },
    },
  };
}

const seconds = (a?: string, b?: string) => (Date.parse(b ?? '') - Date.parse(a ?? '')) / 1000;
const phases = (pods: Pod[]) => pods.map((p) => p.status.phase).sort();

describe.skipIf(!kubelet)('Jobs from the notes, end to end', () => {
  it('sample-job: sleep 60 completes after a minute and the image pull', () => {
    let s = createFixture(createCluster(), 'sample-job.yaml');
    s = advance(s, 30_000);
    expect(conditionTypes(getJob(s, 'sample.job'))).toEqual([]);
    s = advance(s, 60_000);
    const j = getJob(s, 'sample.job');
    expect(conditionTypes(j)).toEqual(['SuccessCriteriaMet', 'Complete']);
    const took = seconds(j.status.startTime, j.status.completionTime);
    expect(took).toBeGreaterThanOrEqual(60);
    expect(took).toBeLessThan(70);
    expect(phases(jobPods(s, 'sample.job'))).toEqual(['Succeeded']);
    expect(eventsFor(s, 'Job', 'sample.job')).toContain('Normal Completed Job completed');
  });

  it('exporter.yaml (luksa/batch-job): one pod, Complete after about 120 s', () => {
    let s = createFixture(createCluster(), 'exporter.yaml');
    s = advance(s, 150_000);
    const j = getJob(s, 'batch-job');
    expect(conditionTypes(j)).toContain('Complete');
    expect(seconds(j.status.startTime, j.status.completionTime)).toBeGreaterThanOrEqual(120);
    expect(j.status.succeeded).toBe(1);
  });

  it('multi-completion-batch-job: two at a time, three after `kubectl scale --replicas 3`, five in all', () => {
    let s = createFixture(createCluster(), 'multi-completion-batch-job.yaml');
    s = advance(s, 10_000);
    expect(jobPods(s, 'multi-completion-batch-job')).toHaveLength(2);
    s = transact(s, (tx) => {
      tx.update('Job', 'default/multi-completion-batch-job', (j) => {
        j.spec.parallelism = 3;
      });
    });
    expect(jobPods(s, 'multi-completion-batch-job')).toHaveLength(3);
    s = advance(s, 600_000);
    const j = getJob(s, 'multi-completion-batch-job');
    expect(conditionTypes(j)).toContain('Complete');
    expect(j.status.succeeded).toBe(5);
    expect(jobPods(s, 'multi-completion-batch-job')).toHaveLength(5);
  });

  it('Never with a failing command and backoffLimit 1: exactly two failed pods, then Failed', () => {
    let s = createRaw(createCluster(), failingJob('fail-never', 'Never', 1));
    s = advance(s, 120_000);
    const j = getJob(s, 'fail-never');
    expect(conditionTypes(j)).toEqual(['FailureTarget', 'Failed']);
    expect(j.status.failed).toBe(2);
    expect(phases(jobPods(s, 'fail-never'))).toEqual(['Failed', 'Failed']);
    expect(eventsFor(s, 'Job', 'fail-never')).toContain('Warning BackoffLimitExceeded Job has reached the specified backoff limit');
  });

  it('OnFailure with a failing command: the kubelet restarts it in place until the restarts reach backoffLimit', () => {
    let s = createRaw(createCluster(), failingJob('fail-onfailure', 'OnFailure', 3));
    s = advance(s, 600_000);
    const j = getJob(s, 'fail-onfailure');
    expect(conditionTypes(j)).toEqual(['FailureTarget', 'Failed']);
    expect(j.status.conditions![1].reason).toBe('BackoffLimitExceeded');
    expect(j.status.failed).toBe(1);
    expect(eventsFor(s, 'Job', 'fail-onfailure').filter((e) => e.includes('SuccessfulCreate'))).toHaveLength(1);
  });

  it('sample-job-ttl: the Job and its pod are gone about 20 s after the 10 s run', () => {
    let s = createFixture(createCluster(), 'sample-job-ttl.yaml');
    let completedAt: number | undefined;
    for (let t = 0; t < 120 && getObject(s, 'Job', 'default/sample-job-ttl'); t++) {
      s = advance(s, 1_000);
      const j = getObject(s, 'Job', 'default/sample-job-ttl');
      if (j?.status.completionTime && completedAt === undefined) completedAt = Date.parse(j.status.completionTime);
    }
    expect(completedAt).toBeDefined();
    expect(getObject(s, 'Job', 'default/sample-job-ttl')).toBeUndefined();
    expect((s.now - completedAt!) / 1000).toBeGreaterThanOrEqual(20);
    expect((s.now - completedAt!) / 1000).toBeLessThanOrEqual(22);
  });

  it('a pod on a node that dies is evicted after the toleration and replaced elsewhere', () => {
    let s = createFixture(createCluster(), 'exporter.yaml');
    s = advance(s, 5_000);
    const pod = jobPods(s, 'batch-job')[0];
    const node = pod.spec.nodeName!;
    s = dispatch(s, { type: 'nodeKill', node }).state;
    s = advance(s, 400_000);
    const pods = jobPods(s, 'batch-job');
    const replacement = pods.find((p) => p.metadata.name !== pod.metadata.name);
    expect(replacement?.spec.nodeName).toBeDefined();
    expect(replacement?.spec.nodeName).not.toBe(node);
    expect(getJob(s, 'batch-job').status.failed).toBe(1);
    s = advance(s, 200_000);
    // v1.31+: the replacement succeeded, but the terminal condition waits for the evicted pod, which stays
    // Terminating while its kubelet is gone…
    let j = getJob(s, 'batch-job');
    expect(conditionTypes(j)).toEqual(['SuccessCriteriaMet']);
    expect(j.status).toMatchObject({ succeeded: 1, failed: 1, terminating: 1 });
    // …until the Node object is deleted and the pod garbage collector removes it.
    s = dispatch(s, { type: 'nodeDelete', node }).state;
    s = advance(s, 60_000);
    j = getJob(s, 'batch-job');
    expect(conditionTypes(j)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(j.status).toMatchObject({ succeeded: 1, failed: 1, terminating: 0 });
  });
});

describe.skipIf(!kubelet)('CronJobs from the notes, end to end', () => {
  it('sample-cronjob: a Job every minute, random outcomes, history kept to 5 successful and 3 failed', () => {
    let s = createFixture(createCluster(), 'sample-cronjob.yaml');
    s = advance(s, 20 * 60_000 + 100);
    const jobs = cronJobJobs(s, 'sample-cronjob');
    const done = jobs.map((j) => conditionTypes(j));
    const complete = done.filter((c) => c.includes('Complete')).length;
    const failed = done.filter((c) => c.includes('Failed')).length;
    expect(complete).toBeLessThanOrEqual(5);
    expect(failed).toBeLessThanOrEqual(3);
    expect(complete + failed).toBeGreaterThan(0);
    const events = eventsFor(s, 'CronJob', 'sample-cronjob');
    expect(events.filter((e) => e.startsWith('Normal SuccessfulCreate Created job sample-cronjob-'))).toHaveLength(20);
    expect(events.some((e) => e.startsWith('Normal SuccessfulDelete Deleted job sample-cronjob-'))).toBe(true);
    expect(events.filter((e) => e.startsWith('Warning'))).toEqual([]);
  });
});
