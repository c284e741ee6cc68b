import { describe, expect, it } from 'vitest';
import { createCluster, transact } from '../../src/cluster/engine.js';
import { listObjects } from '../../src/cluster/store.js';
import { advance, create, getPod, pod } from '../scheduler/fixtures.js';

describe('pod GC', () => {
  it('deletes the oldest finished pods beyond --terminated-pod-gc-threshold, at the next 20 s check', () => {
    let s = createCluster({ config: { terminatedPodGcThreshold: 2 } });
    for (const name of ['first', 'second', 'third', 'fourth']) {
      s = create(s, pod(name, { nodeName: 'node-1', spec: { restartPolicy: 'Never' } }));
      s = advance(s, 1_000);
    }
    // The kubelet would run them to completion; here they are marked finished directly.
    s = transact(s, (tx) => {
      for (const name of ['first', 'second', 'third', 'fourth']) {
        tx.update('Pod', `default/${name}`, (p) => {
          p.status.phase = 'Succeeded';
        });
      }
    });
    expect(listObjects(s, 'Pod')).toHaveLength(4);
    s = advance(s, 20_000);
    expect(listObjects(s, 'Pod').map((p) => p.metadata.name).sort()).toEqual(['fourth', 'third']);
    expect(s.counts.terminatedPods).toBe(2);
  });

  it('a pod bound to a node that never existed is removed after the quarantine', () => {
    let s = create(createCluster(), pod('lost', { nodeName: 'node-42' }));
    s = advance(s, 39_000);
    expect(getPod(s, 'lost')).toBeDefined();
    s = advance(s, 1_000);
    expect(getPod(s, 'lost')).toBeUndefined();
  });
});
