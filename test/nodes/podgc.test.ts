import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/cluster/api/types.js';
import { createCluster, transact } from '../../src/cluster/engine.js';
import { PODGC, podGC } from '../../src/cluster/nodes/podgc.js';
import type { State } from '../../src/cluster/state.js';
import { getObject, listObjects } from '../../src/cluster/store.js';
import { Tx } from '../../src/cluster/tx.js';
import { rfc3339 } from '../../src/cluster/util/time.js';
import { advance, create, getPod, pod, runningPod } from '../scheduler/fixtures.js';

/**
 * Deletes a Node and runs the pod GC on it in one transaction, recording every pod version written from then on
 * (what watchers are shown). `prepare` runs first, unrecorded.
 */
function deleteNodeAndCollect(s: State, node: string, prepare: (tx: Tx) => void): { state: State; written: Pod[] } {
  const written: Pod[] = [];
  let recording = false;
  const state = produce(s, (d) => {
    const tx = new Tx(d, s, { Pod: [(_tx, _old, next) => void (recording && next && written.push(next as Pod))], Node: [podGC.watches!.Node!] });
    prepare(tx);
    recording = true;
    tx.remove('Node', node);
    for (const key of tx.queues.get(PODGC) ?? []) podGC.reconcile(tx, key);
    tx.commit();
  });
  return { state, written };
}

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

  it('marks a pod of a deleted node Failed with DisruptionTarget (DeletionByPodGC) before removing it', () => {
    const done = runningPod('done', 'node-2');
    const s = create(createCluster(), runningPod('web', 'node-2'), runningPod('evicted', 'node-2'), { ...done, status: { ...done.status, phase: 'Succeeded' } });
    const disrupted = { type: 'DisruptionTarget', status: 'True' as const, reason: 'DeletionByTaintManager', lastTransitionTime: '2025-01-01T00:00:00Z' };
    const before = (name: string) => getObject(s, 'Pod', `default/${name}`)!.status.conditions!;
    const { state, written } = deleteNodeAndCollect(s, 'node-2', (tx) => {
      tx.update('Pod', 'default/evicted', (p) => {
        p.status.conditions!.splice(1, 0, disrupted);
      });
    });
    expect(written.map((p) => p.metadata.name).sort()).toEqual(['evicted', 'web']);
    const byPodGC = { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists', lastProbeTime: null, lastTransitionTime: rfc3339(s.now) };
    const web = written.find((p) => p.metadata.name === 'web')!;
    expect(web.status.phase).toBe('Failed');
    expect(web.status.conditions).toEqual([...before('web'), byPodGC]);
    // A DisruptionTarget the pod had is replaced in its place.
    const evicted = written.find((p) => p.metadata.name === 'evicted')!;
    expect(evicted.status.phase).toBe('Failed');
    expect(evicted.status.conditions).toEqual([before('evicted')[0], byPodGC, ...before('evicted').slice(1)]);
    for (const name of ['web', 'evicted', 'done']) expect(getObject(state, 'Pod', `default/${name}`)).toBeUndefined();
  });
});
