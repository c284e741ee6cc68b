// calculateStatus and nextAvailableAt over pods as a sync sees them: pods of one template share their labels
// object, relabelled or adopted pods have their own, and readiness comes from the Ready condition.
import { describe, expect, it } from 'vitest';
import type { Labels, Pod } from '../../src/cluster/api/types.js';
import { calculateStatus, nextAvailableAt } from '../../src/cluster/controllers/replicaset-status.js';
import { pod } from '../scheduler/fixtures.js';

const NOW = Date.parse('2025-01-01T00:01:00Z');

/** A pod with these labels, Ready since `readySince` seconds before NOW (or not ready). */
function member(name: string, labels: Labels | undefined, readySince?: number): Pod {
  const p = pod(name);
  const conditions =
    readySince === undefined
      ? [{ type: 'Ready', status: 'False' as const }]
      : [
          { type: 'Initialized', status: 'True' as const },
          { type: 'Ready', status: 'True' as const, lastTransitionTime: new Date(NOW - readySince * 1000).toISOString() },
        ];
  return { ...p, metadata: { ...p.metadata, ...(labels ? { labels } : {}) }, status: { phase: 'Running', conditions } };
}

describe('ReplicaSet calculateStatus', () => {
  const template = { app: 'web', tier: 'front' };

  it('counts fully labelled pods whether their labels object is shared, their own, or missing', () => {
    const shared = { ...template };
    const pods = [
      member('a', shared, 30),
      member('b', shared, 30),
      member('c', { app: 'web' }, 30), // relabelled: tier removed
      member('d', shared),
      member('e', { ...template, extra: 'x' }, 2),
      member('f', undefined, 30),
      member('g', shared, 30),
    ];
    const status = calculateStatus(undefined, { templateLabels: template, minReadySeconds: 10, generation: 3, pods, now: NOW });
    expect(status).toEqual({ replicas: 7, fullyLabeledReplicas: 5, readyReplicas: 6, availableReplicas: 5, observedGeneration: 3 });
  });

  it('leaves zero counts out and keeps the old conditions', () => {
    const conditions = [{ type: 'ReplicaFailure', status: 'True' as const }];
    const status = calculateStatus({ replicas: 1, conditions }, { templateLabels: template, minReadySeconds: 0, generation: undefined, pods: [member('a', { app: 'x' })], now: NOW });
    expect(status).toEqual({ replicas: 1, conditions });
  });

  it('nextAvailableAt: when the next ready pod has been ready for minReadySeconds', () => {
    const pods = [member('a', template, 30), member('b', template, 2), member('c', template, 5), member('d', template)];
    expect(nextAvailableAt(pods, 10, NOW)).toBe(NOW + 5_000);
    expect(nextAvailableAt(pods, 0, NOW)).toBeUndefined();
    expect(nextAvailableAt([pods[0], pods[3]], 10, NOW)).toBeUndefined();
  });
});
