import { describe, expect, it } from 'vitest';
import { dispatch, transact } from '../../src/cluster/engine.js';
import type { State } from '../../src/cluster/state.js';
import { VERBS } from '../../src/cluster/verbs/index.js';
import {
  activePods,
  advance,
  conditionTypes,
  createJob,
  emptyCluster,
  eventsFor,
  finishAll,
  getJob,
  job,
  jobPods,
  setPhase,
  T0,
} from './job-helpers.js';

/** `kubectl scale job NAME --replicas=N` through the scale verb when it is registered, else the same spec change. */
function scaleJob(s: State, name: string, replicas: number): State {
  if (VERBS.scale) {
    const r = dispatch(s, { type: 'scale', kind: 'Job', namespace: 'default', name, replicas });
    expect(r.result.output).toEqual([`job.batch/${name} scaled`]);
    return r.state;
  }
  return transact(s, (tx) => {
    tx.update('Job', `default/${name}`, (j) => {
      j.spec.parallelism = replicas;
    });
  });
}

const GENERATED = /^[bcdfghjklmnpqrstvwxz2456789]{5}$/;

describe('Job controller: creating pods', () => {
  it('creates `parallelism` pods named <job>-xxxxx, controlled by the Job, with the generated labels', () => {
    let s = createJob(emptyCluster(), job('pi', { completions: 5, parallelism: 3 }));
    const j = getJob(s, 'pi');
    const pods = jobPods(s, 'pi');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name.startsWith('pi-')).toBe(true);
      expect(p.metadata.name.slice(3)).toMatch(GENERATED);
      expect(p.metadata.generateName).toBe('pi-');
      expect(p.metadata.ownerReferences).toEqual([
        { apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: j.metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
      expect(p.metadata.labels).toMatchObject({ 'job-name': 'pi', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': j.metadata.uid });
      expect(p.spec.restartPolicy).toBe('Never');
    }
    expect(j.status).toEqual({ active: 3, ready: 0, terminating: 0, startTime: '2025-01-01T00:00:00Z', uncountedTerminatedPods: {} });
    expect(eventsFor(s, 'Job', 'pi').sort()).toEqual(pods.map((p) => `Normal SuccessfulCreate Created pod: ${p.metadata.name}`).sort());
    // Nothing more happens while the pods run.
    s = advance(s, 60_000);
    expect(jobPods(s, 'pi')).toHaveLength(3);
  });

  it('completions 5, parallelism 3: three pods, then only the two still needed, then Complete', () => {
    let s = createJob(emptyCluster(), job('multi', { completions: 5, parallelism: 3 }));
    s = advance(s, 30_000);
    s = finishAll(s, 'multi', 'Succeeded');
    expect(activePods(s, 'multi')).toHaveLength(2);
    expect(getJob(s, 'multi').status).toMatchObject({ active: 2, succeeded: 3 });
    s = advance(s, 30_000);
    s = finishAll(s, 'multi', 'Succeeded');
    const j = getJob(s, 'multi');
    expect(jobPods(s, 'multi')).toHaveLength(5);
    expect(j.status.succeeded).toBe(5);
    expect(j.status.active).toBeUndefined();
    expect(conditionTypes(j)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(j.status.conditions![1]).toEqual({
      type: 'Complete',
      status: 'True',
      reason: 'CompletionsReached',
      message: 'Reached expected number of succeeded pods',
      lastProbeTime: '2025-01-01T00:01:00Z',
      lastTransitionTime: '2025-01-01T00:01:00Z',
    });
    expect(j.status.completionTime).toBe('2025-01-01T00:01:00Z');
    expect(eventsFor(s, 'Job', 'multi')).toContain('Normal Completed Job completed');
    // A finished Job stays as it is.
    s = advance(s, 600_000);
    expect(getJob(s, 'multi')).toBe(j);
  });

  it('parallelism may change while the Job runs: more pods at once, fewer by deleting (not counting) the extra', () => {
    let s = createJob(emptyCluster(), job('scale', { completions: 5, parallelism: 2 }));
    expect(activePods(s, 'scale')).toHaveLength(2);
    s = scaleJob(s, 'scale', 3);
    expect(activePods(s, 'scale')).toHaveLength(3);
    s = scaleJob(s, 'scale', 1);
    expect(activePods(s, 'scale')).toHaveLength(1);
    const j = getJob(s, 'scale');
    expect(j.status).toMatchObject({ active: 1 });
    expect(j.status.failed).toBeUndefined();
    expect(eventsFor(s, 'Job', 'scale').filter((e) => e.startsWith('Normal SuccessfulDelete Deleted pod: '))).toHaveLength(2);
    // The remaining completions still run one at a time.
    for (let i = 0; i < 5; i++) s = finishAll(s, 'scale', 'Succeeded');
    expect(getJob(s, 'scale').status.succeeded).toBe(5);
    expect(conditionTypes(getJob(s, 'scale'))).toContain('Complete');
  });

  it('never creates more pods than the completions still missing', () => {
    let s = createJob(emptyCluster(), job('few', { completions: 2, parallelism: 5 }));
    expect(activePods(s, 'few')).toHaveLength(2);
    s = setPhase(s, activePods(s, 'few')[0], 'Succeeded');
    expect(activePods(s, 'few')).toHaveLength(1);
    expect(getJob(s, 'few').status).toMatchObject({ active: 1, succeeded: 1 });
  });
});

describe('Job controller: work queues (completions unset)', () => {
  it('single work queue: one pod at a time until the first success, then Complete', () => {
    let s = createJob(emptyCluster(), job('single', { parallelism: 1, backoffLimit: 1 }));
    expect(getJob(s, 'single').spec.completions).toBeUndefined();
    expect(activePods(s, 'single')).toHaveLength(1);
    s = advance(s, 20_000);
    s = finishAll(s, 'single', 'Succeeded');
    const j = getJob(s, 'single');
    expect(conditionTypes(j)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(j.status.succeeded).toBe(1);
    expect(jobPods(s, 'single')).toHaveLength(1);
  });

  it('multi work queue: after the first success no new pods; running ones finish on their own', () => {
    let s = createJob(emptyCluster(), job('mq', { parallelism: 3, backoffLimit: 1 }));
    const [a, b, c] = activePods(s, 'mq');
    s = advance(s, 20_000);
    s = setPhase(s, a, 'Succeeded');
    expect(activePods(s, 'mq').map((p) => p.metadata.name).sort()).toEqual([b.metadata.name, c.metadata.name].sort());
    expect(conditionTypes(getJob(s, 'mq'))).toEqual([]);
    s = setPhase(s, b, 'Succeeded');
    s = advance(s, 1000);
    s = setPhase(s, c, 'Succeeded');
    const j = getJob(s, 'mq');
    expect(conditionTypes(j)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(j.status.succeeded).toBe(3);
    expect(jobPods(s, 'mq')).toHaveLength(3);
  });

  it('a failed pod before any success is replaced (after the back-off)', () => {
    let s = createJob(emptyCluster(), job('wq', { parallelism: 2 }));
    s = setPhase(s, activePods(s, 'wq')[0], 'Failed');
    expect(activePods(s, 'wq')).toHaveLength(1);
    s = advance(s, 10_000);
    expect(activePods(s, 'wq')).toHaveLength(2);
    expect(getJob(s, 'wq').status.failed).toBe(1);
  });
});

describe('Job controller: startTime and the generated status', () => {
  it('sets startTime when the Job first runs, and ready counts Ready pods', () => {
    let s = advance(emptyCluster(), 5_000);
    s = createJob(s, job('rdy', { completions: 1, parallelism: 1 }));
    expect(getJob(s, 'rdy').status.startTime).toBe('2025-01-01T00:00:05Z');
    s = setPhase(s, activePods(s, 'rdy')[0], 'Running');
    expect(getJob(s, 'rdy').status).toMatchObject({ active: 1, ready: 1 });
    expect(T0).toBeLessThan(s.now);
  });
});
