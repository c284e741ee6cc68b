import { describe, expect, it } from 'vitest';
import { formatIndexes, parseIndexes } from '../../src/cluster/controllers/job-indexes.js';
import { activePods, advance, conditionTypes, createJob, emptyCluster, getJob, job, jobPods, setPhase } from './job-helpers.js';

const index = (p: { metadata: { annotations?: Record<string, string> } }) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'];

describe('Indexed Jobs', () => {
  it('gives each pod its index: annotation, label, JOB_COMPLETION_INDEX, hostname and name <job>-<index>-xxxxx', () => {
    const s = createJob(emptyCluster(), job('idx', { completions: 3, parallelism: 2, completionMode: 'Indexed' }));
    const pods = activePods(s, 'idx').sort((a, b) => index(a)!.localeCompare(index(b)!));
    expect(pods.map(index)).toEqual(['0', '1']);
    pods.forEach((p, i) => {
      expect(p.metadata.name).toMatch(new RegExp(`^idx-${i}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.generateName).toBe(`idx-${i}-`);
      expect(p.metadata.labels?.['batch.kubernetes.io/job-completion-index']).toBe(String(i));
      expect(p.spec.hostname).toBe(`idx-${i}`);
      expect(p.spec.containers[0].env).toEqual([{ name: 'JOB_COMPLETION_INDEX', value: String(i) }]);
    });
  });

  it('runs the lowest pending index next, retries a failed index with a new pod, and reports completedIndexes', () => {
    let s = createJob(emptyCluster(), job('ix', { completions: 4, parallelism: 2, completionMode: 'Indexed' }));
    const byIndex = (i: string) => activePods(s, 'ix').find((p) => index(p) === i)!;
    s = setPhase(s, byIndex('0'), 'Succeeded');
    expect(activePods(s, 'ix').map(index).sort()).toEqual(['1', '2']);
    expect(getJob(s, 'ix').status).toMatchObject({ succeeded: 1, completedIndexes: '0' });
    s = setPhase(s, byIndex('1'), 'Failed');
    expect(activePods(s, 'ix').map(index)).toEqual(['2']);
    s = advance(s, 10_000);
    expect(activePods(s, 'ix').map(index).sort()).toEqual(['1', '2']);
    s = setPhase(s, byIndex('2'), 'Succeeded');
    expect(getJob(s, 'ix').status.completedIndexes).toBe('0,2');
    s = setPhase(s, byIndex('1'), 'Succeeded');
    s = setPhase(s, byIndex('3'), 'Succeeded');
    const j = getJob(s, 'ix');
    expect(j.status).toMatchObject({ succeeded: 4, failed: 1, completedIndexes: '0-3' });
    expect(conditionTypes(j)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(jobPods(s, 'ix')).toHaveLength(5);
  });

  it('formats and parses completedIndexes as kubernetes does', () => {
    expect(formatIndexes([0, 1, 2, 4])).toBe('0-2,4');
    expect(formatIndexes([1, 3, 4, 5, 7])).toBe('1,3-5,7');
    expect(formatIndexes([5, 6])).toBe('5,6');
    expect(formatIndexes([])).toBe('');
    expect(parseIndexes('0-2,4', 10)).toEqual([0, 1, 2, 4]);
    expect(parseIndexes('1,3-5,7', 5)).toEqual([1, 3, 4]);
  });
});
