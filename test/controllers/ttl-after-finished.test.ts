import { describe, expect, it } from 'vitest';
import { transact } from '../../src/cluster/engine.js';
import { getObject } from '../../src/cluster/store.js';
import { activePods, advance, bind, createJob, emptyCluster, finishAll, getJob, job, jobPods } from './job-helpers.js';

describe('TTL after finished', () => {
  it('sample-job-ttl: a 10 s job with ttlSecondsAfterFinished 20 is deleted, with its pods, 20 s after it completed', () => {
    let s = createJob(emptyCluster(), job('sample-job-ttl', { ttlSecondsAfterFinished: 20 }));
    s = advance(s, 10_000);
    s = finishAll(s, 'sample-job-ttl', 'Succeeded');
    expect(getJob(s, 'sample-job-ttl').status.completionTime).toBe('2025-01-01T00:00:10Z');
    const pod = jobPods(s, 'sample-job-ttl')[0];
    s = advance(s, 19_900);
    expect(getObject(s, 'Job', 'default/sample-job-ttl')).toBeDefined();
    s = advance(s, 100);
    expect(s.now).toBe(Date.UTC(2025, 0, 1, 0, 0, 30));
    expect(getObject(s, 'Job', 'default/sample-job-ttl')).toBeUndefined();
    expect(getObject(s, 'Pod', `default/${pod.metadata.name}`)).toBeUndefined();
  });

  it('applies to failed Jobs too, counting from the Failed condition', () => {
    let s = createJob(emptyCluster(), job('f', { ttlSecondsAfterFinished: 5, backoffLimit: 0 }));
    s = advance(s, 3_000);
    s = finishAll(s, 'f', 'Failed');
    s = advance(s, 4_900);
    expect(getObject(s, 'Job', 'default/f')).toBeDefined();
    s = advance(s, 100);
    expect(getObject(s, 'Job', 'default/f')).toBeUndefined();
  });

  it('ttl 0 deletes the Job as soon as it finishes; Jobs without a TTL stay', () => {
    let s = createJob(emptyCluster(), job('zero', { ttlSecondsAfterFinished: 0 }));
    s = createJob(s, job('keep'));
    s = finishAll(s, 'zero', 'Succeeded');
    s = finishAll(s, 'keep', 'Succeeded');
    expect(getObject(s, 'Job', 'default/zero')).toBeUndefined();
    s = advance(s, 86_400_000);
    expect(getObject(s, 'Job', 'default/keep')).toBeDefined();
  });

  it('deletes in the foreground: the Job stays (Terminating) until its pods are gone', () => {
    let s = createJob(emptyCluster(), job('fg', { ttlSecondsAfterFinished: 1 }));
    const pod = activePods(s, 'fg')[0];
    s = bind(s, pod);
    s = finishAll(s, 'fg', 'Succeeded');
    s = advance(s, 1_000);
    const j = getJob(s, 'fg');
    expect(j.metadata.deletionTimestamp).toBe('2025-01-01T00:00:01Z');
    expect(j.metadata.finalizers).toContain('foregroundDeletion');
    // The kubelet removes the finished pod; the GC then removes the Job.
    s = transact(s, (tx) => {
      tx.remove('Pod', `default/${pod.metadata.name}`);
    });
    expect(getObject(s, 'Job', 'default/fg')).toBeUndefined();
  });

  it('a TTL added to an already finished Job is honoured', () => {
    let s = createJob(emptyCluster(), job('late'));
    s = finishAll(s, 'late', 'Succeeded');
    s = advance(s, 60_000);
    s = transact(s, (tx) => {
      tx.update('Job', 'default/late', (o) => {
        o.spec.ttlSecondsAfterFinished = 30;
      });
    });
    expect(getObject(s, 'Job', 'default/late')).toBeUndefined(); // finished 60 s ago, TTL 30 s
  });
});
