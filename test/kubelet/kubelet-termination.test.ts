// Stopping pods: graceful deletion (kuberuntime killContainer, status manager's final delete), the active
// deadline (pkg/kubelet/active_deadline.go), and a node that is powered off and on again.

import { describe, expect, it } from 'vitest';
import { deleteObject } from '../../src/cluster/apiserver.js';
import { dispatch, transact } from '../../src/cluster/engine.js';
import type { State } from '../../src/cluster/state.js';
import { countRows } from '../../src/cluster/store.js';
import { advance, cluster, createPod, events, pod, podManifest, row, watch } from './kubelet-helpers.js';

const del = (s: State, name: string, gracePeriodSeconds?: number) =>
  transact(s, (tx) => void deleteObject(tx, 'Pod', `default/${name}`, gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds }));

describe('graceful deletion', () => {
  it('a server from the image entrypoint stops about a second after SIGTERM; then the pod is gone', () => {
    let s = advance(createPod(cluster(), podManifest('web', [{ name: 'web', image: 'nginx:1.16' }])), 10_000);
    s = del(s, 'web');
    expect(events(s, 'web').at(-1)).toBe('Normal Killing Stopping container web');
    expect(pod(s, 'web')!.metadata.deletionTimestamp).toBe('2025-01-01T00:00:40Z');
    s = advance(s, 900);
    expect(pod(s, 'web')!.status.containerStatuses![0].state.running).toBeDefined();
    s = advance(s, 200);
    expect(pod(s, 'web')).toBeUndefined();
    expect(countRows(s, 'podRuntime')).toBe(0);
    expect(countRows(s, 'podIPs')).toBe(0);
  });

  it('a shell or sleep as PID 1 ignores SIGTERM and is killed when the grace period ends', () => {
    let s = advance(createPod(cluster(), podManifest('sleeper', [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }])), 10_000);
    s = del(s, 'sleeper');
    s = advance(s, 29_900);
    expect(row(s, 'sleeper')).toBe('1/1 Terminating 0');
    s = advance(s, 200);
    expect(pod(s, 'sleeper')).toBeUndefined();
  });

  it('honours a shorter grace period (terminationGracePeriodSeconds or --grace-period), at least 2s', () => {
    let s = cluster();
    s = createPod(s, podManifest('short', [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }], { terminationGracePeriodSeconds: 5 }));
    s = createPod(s, podManifest('flag', [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }]));
    s = advance(s, 10_000);
    s = del(del(s, 'short'), 'flag', 1);
    s = advance(s, 1_900);
    expect(pod(s, 'flag')).toBeDefined();
    s = advance(s, 200);
    expect(pod(s, 'flag')).toBeUndefined();
    expect(pod(s, 'short')).toBeDefined();
    s = advance(s, 3_000);
    expect(pod(s, 'short')).toBeUndefined();
  });

  it('a second delete with a shorter grace period cuts the wait short', () => {
    let s = advance(createPod(cluster(), podManifest('sleeper', [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }])), 10_000);
    s = advance(del(s, 'sleeper'), 5_000);
    s = del(s, 'sleeper', 2);
    s = advance(s, 1_900);
    expect(pod(s, 'sleeper')).toBeDefined();
    s = advance(s, 200);
    expect(pod(s, 'sleeper')).toBeUndefined();
    expect(events(s, 'sleeper').filter((e) => e.includes('Killing'))).toEqual(['Normal Killing Stopping container c']);
  });

  it('a pod whose containers have all finished is removed at once', () => {
    let s = advance(createPod(cluster(), podManifest('done', [{ name: 'c', image: 'busybox', command: ['true'] }], { restartPolicy: 'Never' })), 10_000);
    expect(pod(s, 'done')!.status.phase).toBe('Succeeded');
    s = del(s, 'done');
    expect(pod(s, 'done')).toBeUndefined();
  });

  it('a pod still pulling its image is removed without waiting', () => {
    let s = advance(createPod(cluster(), podManifest('p', [{ name: 'c', image: 'luksa/kubia' }])), 2_000);
    s = del(s, 'p');
    expect(pod(s, 'p')).toBeUndefined();
  });

  it('a finalizer holds the stopped pod, in its terminal phase, until it is removed', () => {
    const m = podManifest('held', [{ name: 'c', image: 'nginx:1.16' }]);
    m.metadata.finalizers = ['example.com/hold'];
    let s = advance(createPod(cluster(), m), 10_000);
    s = advance(del(s, 'held'), 5_000);
    const p = pod(s, 'held')!;
    expect(p.status.phase).toBe('Failed');
    expect(p.status.containerStatuses![0].state.terminated).toMatchObject({ exitCode: 143, reason: 'Error' });
    s = transact(s, (tx) => void tx.update('Pod', 'default/held', (o) => void delete o.metadata.finalizers));
    expect(pod(s, 'held')).toBeUndefined();
  });
});

describe('activeDeadlineSeconds', () => {
  it('fails the pod with DeadlineExceeded and kills its containers', () => {
    const spec = { activeDeadlineSeconds: 20, terminationGracePeriodSeconds: 5 };
    const { changes, state } = watch(createPod(cluster(), podManifest('dl', [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }], spec)), 'dl', 40_000);
    expect(changes).toEqual([
      [0.1, '0/1 ContainerCreating 0'],
      [2.8, '1/1 Running 0'],
      [20, '1/1 DeadlineExceeded 0'],
      [25, '0/1 Error 0'],
    ]);
    const p = pod(state, 'dl')!;
    expect(p.status).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' });
    expect(p.status.containerStatuses![0].state.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(events(state, 'dl').slice(-2)).toEqual([
      'Normal DeadlineExceeded Pod was active on the node longer than the specified deadline',
      'Normal Killing Stopping container c',
    ]);
    expect(advance(state, 600_000).tables.Pod).toBe(state.tables.Pod);
  });

  it('counts from startTime, also for a pod still waiting for its image', () => {
    const s = advance(createPod(cluster(), podManifest('dl', [{ name: 'c', image: 'nginx:does-not-exist' }], { activeDeadlineSeconds: 30 })), 31_000);
    const p = pod(s, 'dl')!;
    expect(p.status.phase).toBe('Failed');
    expect(p.status.reason).toBe('DeadlineExceeded');
  });
});

describe('a node that is powered off', () => {
  it('reports nothing while off; when it is back, its running containers are restarted (exit 255, Unknown)', () => {
    let s = advance(createPod(cluster(), podManifest('p', [{ name: 'c', image: 'nginx:1.16' }])), 10_000);
    s = dispatch(s, { type: 'nodeKill', node: 'node-1' }).state;
    const before = pod(s, 'p')!.status.containerStatuses;
    s = advance(s, 120_000);
    expect(pod(s, 'p')!.status.containerStatuses![0].state).toEqual(before![0].state);
    s = dispatch(s, { type: 'nodeRestore', node: 'node-1' }).state;
    s = advance(s, 2_000);
    const cs = pod(s, 'p')!.status.containerStatuses![0];
    expect(cs.restartCount).toBe(1);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 255, reason: 'Unknown', finishedAt: '2025-01-01T00:02:10Z' });
    expect(cs.state.running).toEqual({ startedAt: '2025-01-01T00:02:11Z' });
  });

  it('a pod deleted while its node was off is removed when the node is back', () => {
    let s = advance(createPod(cluster(), podManifest('p', [{ name: 'c', image: 'nginx:1.16' }])), 10_000);
    s = dispatch(s, { type: 'nodeKill', node: 'node-1' }).state;
    s = advance(del(s, 'p'), 60_000);
    expect(pod(s, 'p')!.metadata.deletionTimestamp).toBeDefined();
    s = dispatch(s, { type: 'nodeRestore', node: 'node-1' }).state;
    expect(pod(s, 'p')).toBeUndefined();
  });
});
