// podRequest (src/cluster/scheduler/resources.ts) is memoized by the identity of the pod's containers array,
// which pods of one template share. What the memo must not do: give a pod the request of another pod that shares
// its containers but not its init containers (PodRequests takes the largest init container when that is more).

import { describe, expect, it } from 'vitest';
import type { Container, Pod } from '../../src/cluster/api/types.js';
import { podRequest } from '../../src/cluster/scheduler/resources.js';
import { pod } from './fixtures.js';

const container = (name: string, cpu: string, memory: string): Container => ({ name, image: 'nginx', resources: { requests: { cpu, memory } } });

function withSpec(name: string, containers: Container[], initContainers?: Container[]): Pod {
  const p = pod(name);
  return { ...p, spec: { ...p.spec, containers, ...(initContainers ? { initContainers } : {}) } };
}

describe('podRequest', () => {
  it('sums app containers; a larger init container wins per resource', () => {
    const containers = Object.freeze([container('a', '100m', '64Mi'), container('b', '200m', '64Mi')]) as Container[];
    expect(podRequest(withSpec('p', containers))).toMatchObject({ milliCPU: 300, memory: 128 * 2 ** 20, nonZeroMilliCPU: 300 });
    const init = [container('init', '1', '32Mi')];
    expect(podRequest(withSpec('q', containers, init))).toMatchObject({ milliCPU: 1000, memory: 128 * 2 ** 20 });
  });

  it('pods sharing a containers array get their own init containers counted, in any order', () => {
    const containers = Object.freeze([container('a', '100m', '64Mi')]) as Container[];
    const small = withSpec('small', containers);
    const big = withSpec('big', containers, [container('init', '2', '1Gi')]);
    const other = withSpec('other', containers, [container('init', '500m', '16Mi')]);
    for (const order of [
      [small, big, other],
      [big, small, other, big],
      [other, big, small, small],
    ]) {
      for (const p of order) {
        const want = p === small ? [100, 64 * 2 ** 20] : p === big ? [2000, 2 ** 30] : [500, 64 * 2 ** 20];
        const r = podRequest(p);
        expect([r.milliCPU, r.memory]).toEqual(want);
      }
    }
  });

  it('a bound pod (a new spec sharing the containers) has the pending pod’s request', () => {
    const containers = Object.freeze([container('a', '250m', '100Mi')]) as Container[];
    const pending = withSpec('p', containers);
    const bound: Pod = { ...pending, spec: { ...pending.spec, nodeName: 'node-1' } };
    expect(podRequest(bound)).toEqual(podRequest(pending));
    expect(podRequest(bound).milliCPU).toBe(250);
  });
});
