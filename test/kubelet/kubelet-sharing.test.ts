// What the kubelet keeps per pod is small (150,000 pods keep it): equal parts of statuses are one object for every
// pod (status-share.ts, pod-conditions.ts), unchanged parts stay the stored objects, container ids are one flat
// string per run, and a run keeps its seed. The values are the same as ever: the other kubelet tests check them.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Container, Pod } from '../../src/cluster/api/types.js';
import { createObject } from '../../src/cluster/apiserver.js';
import { transact } from '../../src/cluster/engine.js';
import { type PodRuntime, type Run, containerID, randOf, seedOf } from '../../src/cluster/kubelet/runtime.js';
import type { State } from '../../src/cluster/state.js';
import { getRow } from '../../src/cluster/store.js';
import { fnv1a } from '../../src/cluster/util/hash.js';
import { advance, cluster, pod, podManifest, row } from './kubelet-helpers.js';

const web: Container = { name: 'web', image: 'nginx:1.16', readinessProbe: { httpGet: { path: '/', port: 80 } } };
const runtime = (s: State, name: string) => getRow<PodRuntime>(s, 'podRuntime', `default/${name}`)!;

function createPods(s: State, pods: Pod[]): State {
  return transact(s, (tx) => {
    for (const p of pods) createObject(tx, p);
  });
}

describe('shared status parts', () => {
  it('pods started together on one node share their conditions, running state, lastState and hostIPs', () => {
    // No probe (ready as soon as started) and an image already on the node: both start in the same second.
    const plain: Container = { name: 'web', image: 'nginx:1.16' };
    let s = advance(createPods(cluster(), [podManifest('warm', [plain])]), 30_000);
    s = advance(createPods(s, [podManifest('a', [plain]), podManifest('b', [plain])]), 30_000);
    expect(row(s, 'a')).toBe('1/1 Running 0');
    const [a, b] = [pod(s, 'a')!.status, pod(s, 'b')!.status];
    expect(b.conditions).toEqual(a.conditions);
    expect(b.conditions).toBe(a.conditions);
    expect(b.containerStatuses![0].state).toBe(a.containerStatuses![0].state);
    expect(b.containerStatuses![0].lastState).toBe(a.containerStatuses![0].lastState);
    expect((b as { hostIPs?: unknown }).hostIPs).toBe((a as { hostIPs?: unknown }).hostIPs);
    // What is the pod's own stays its own.
    expect(b.podIP).not.toBe(a.podIP);
    expect(b.containerStatuses![0].containerID).not.toBe(a.containerStatuses![0].containerID);
    for (const shared of [a.conditions!, a.conditions![0], a.containerStatuses![0].state]) expect(Object.isFrozen(shared)).toBe(true);
  });

  it('a pod in another state has its own conditions', () => {
    const broken: Container = { name: 'web', image: 'nginx:1.16', readinessProbe: { httpGet: { path: '/missing', port: 80 } } };
    const s = advance(createPods(cluster(), [podManifest('ok', [web]), podManifest('unready', [broken])]), 30_000);
    expect(row(s, 'unready')).toBe('0/1 Running 0');
    const ready = (name: string) => pod(s, name)!.status.conditions!.find((c) => c.type === 'Ready')!;
    expect(ready('ok').status).toBe('True');
    expect(ready('unready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' });
  });

  it('a sync that changes nothing keeps the stored status (and writes nothing)', () => {
    let s = advance(createPods(cluster(), [podManifest('p', [web])]), 30_000);
    const before = pod(s, 'p')!;
    // A finalizer wakes the kubelet (its informer acts on finalizers); the status it makes is the stored one.
    s = transact(s, (tx) => void tx.update('Pod', 'default/p', (o) => void (o.metadata.finalizers = ['example.com/hold'])));
    const after = pod(s, 'p')!;
    expect(after.status).toBe(before.status);
    expect(Number(after.metadata.resourceVersion)).toBe(Number(before.metadata.resourceVersion) + 1);
  });
});

describe('the runtime record', () => {
  it('keeps the stored record of a container that did not change when another one restarts', () => {
    const crasher: Container = { name: 'crash', image: 'busybox', command: ['sh', '-c', 'sleep 5; exit 1'] };
    let s = createPods(cluster(), [podManifest('p', [web, crasher])]);
    let kept = 0;
    for (let i = 0; i < 120; i++) {
      const before = runtime(s, 'p');
      s = advance(s, 1_000);
      const after = runtime(s, 'p');
      if (!before || after === before) continue;
      // The record was written; the web container's part of it, unchanged, is the stored object.
      if (JSON.stringify(after.containers[0]) === JSON.stringify(before.containers[0])) {
        expect(after.containers[0]).toBe(before.containers[0]);
        if (after.containers[1].starts > before.containers[1].starts) kept++;
      }
    }
    expect(runtime(s, 'p').containers[1].starts).toBeGreaterThan(2);
    expect(kept).toBeGreaterThan(1);
  });

  it('is the stored object after a sync that changed nothing', () => {
    let s = advance(createPods(cluster(), [podManifest('p', [web])]), 30_000);
    const before = runtime(s, 'p');
    s = transact(s, (tx) => void tx.update('Pod', 'default/p', (o) => void (o.metadata.finalizers = ['example.com/hold'])));
    expect(runtime(s, 'p')).toBe(before);
  });
});

describe('runs', () => {
  it('container ids are containerd://, then FNV-1a of `<uid>/<name>/<run>/<i>` for i = 0…7 in hex', () => {
    fc.assert(fc.property(fc.uuid(), fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), fc.nat(1000), (uid, name, run) => {
      let hex = '';
      for (let i = 0; i < 8; i++) hex += fnv1a(`${uid}/${name}/${run}/${i}`).toString(16).padStart(8, '0');
      expect(containerID(uid, name, run)).toBe(`containerd://${hex}`);
    }));
  });

  it('a run keeps, as its seed, exactly what its program makes of the number drawn at its start', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (rand) => {
      const run = { seed: seedOf(rand) } as Run;
      expect(Number.isInteger(run.seed) && run.seed >= -(2 ** 31) && run.seed < 2 ** 31).toBe(true);
      expect(Math.floor(randOf(run) * 0x1_0000_0000) >>> 0).toBe(Math.floor(rand * 0x1_0000_0000) >>> 0);
    }), { numRuns: 5000 });
  });

  it('the status shows the run\'s own containerID string', () => {
    const s = advance(createPods(cluster(), [podManifest('p', [web])]), 30_000);
    expect(pod(s, 'p')!.status.containerStatuses![0].containerID).toBe(runtime(s, 'p').containers[0].cur!.containerID);
  });
});
