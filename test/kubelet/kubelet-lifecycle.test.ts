// Pod phases, container states and the status the kubelet writes (kubelet_pods.go generateAPIPodStatus,
// status/generate.go), over simulated time, for each restart policy; init containers; several containers.

import { describe, expect, it } from 'vitest';
import type { Container, PodCondition } from '../../src/cluster/api/types.js';
import { imageInfo } from '../../src/cluster/kubelet/catalog.js';
import { transact } from '../../src/cluster/engine.js';
import { getObject } from '../../src/cluster/store.js';
import { advance, cluster, createPod, events, pod, podManifest, row, watch } from './kubelet-helpers.js';

const busybox = (name: string, script: string): Container => ({ name, image: 'busybox', command: ['sh', '-c', script] });
const cond = (conds: PodCondition[] | undefined, type: string) => conds?.find((c) => c.type === type);

describe('a pod bound to a node', () => {
  it('goes Pending/ContainerCreating → Running with the status the kubelet writes', () => {
    let s = createPod(cluster(), podManifest('web', [{ name: 'web', image: 'nginx:1.16' }]));
    const hostIP = getObject(s, 'Node', 'node-1')!.status.addresses!.find((a) => a.type === 'InternalIP')!.address;
    let p = pod(s, 'web')!;
    expect(p.status.phase).toBe('Pending');
    expect(p.status.startTime).toBe('2025-01-01T00:00:00Z');
    expect(p.status.hostIP).toBe(hostIP);
    expect(p.status.podIP).toBeUndefined();
    expect(p.status.qosClass).toBe('BestEffort');
    expect(p.status.containerStatuses).toEqual([
      { name: 'web', state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, ready: false, restartCount: 0, image: 'nginx:1.16', imageID: '', started: false },
    ]);
    expect(p.status.conditions!.map((c) => [c.type, c.status, c.reason ?? '', c.message ?? ''])).toEqual([
      ['PodReadyToStartContainers', 'False', '', ''],
      ['Initialized', 'True', '', ''],
      ['Ready', 'False', 'ContainersNotReady', 'containers with unready status: [web]'],
      ['ContainersReady', 'False', 'ContainersNotReady', 'containers with unready status: [web]'],
      ['PodScheduled', 'True', '', ''],
    ]);
    expect(row(s, 'web')).toBe('0/1 ContainerCreating 0');

    // The sandbox is up after a second: the pod has its address, and the image pull starts.
    s = advance(s, 1000);
    p = pod(s, 'web')!;
    expect(p.status.podIP).toBe('10.244.1.2');
    expect(p.status.podIPs).toEqual([{ ip: '10.244.1.2' }]);
    expect(cond(p.status.conditions, 'PodReadyToStartContainers')).toMatchObject({ status: 'True', lastTransitionTime: '2025-01-01T00:00:01Z' });
    expect(events(s, 'web')).toEqual(['Normal Pulling Pulling image "nginx:1.16"']);

    const pullMs = imageInfo('nginx:1.16').pullMs;
    s = advance(s, pullMs - 100);
    expect(row(s, 'web')).toBe('0/1 ContainerCreating 0');
    s = advance(s, 100);
    p = pod(s, 'web')!;
    expect(p.status.phase).toBe('Running');
    expect(row(s, 'web')).toBe('1/1 Running 0');
    const cs = p.status.containerStatuses![0];
    expect(cs).toMatchObject({ name: 'web', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:1.16', lastState: {} });
    expect(cs.state).toEqual({ running: { startedAt: '2025-01-01T00:00:04Z' } });
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cond(p.status.conditions, 'Ready')).toEqual({ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:04Z' });
    expect(events(s, 'web')).toEqual([
      'Normal Pulling Pulling image "nginx:1.16"',
      `Normal Pulled Successfully pulled image "nginx:1.16" in 3s (3s including waiting). Image size: ${imageInfo('nginx:1.16').sizeBytes} bytes.`,
      'Normal Created Created container web',
      'Normal Started Started container web',
    ]);
  });

  it('records kubelet events with the container field path and the node', () => {
    const s = advance(createPod(cluster(), podManifest('web', [{ name: 'web', image: 'nginx:1.16' }])), 10_000);
    const ev = Object.values(s.tables.Event).flatMap((b) => Object.values(b)) as { reason: string; source: unknown; involvedObject: { fieldPath?: string } }[];
    const started = ev.find((e) => e.reason === 'Started')!;
    expect(started.source).toEqual({ component: 'kubelet', host: 'node-1' });
    expect(started.involvedObject.fieldPath).toBe('spec.containers{web}');
  });

  it('gives each pod of a node the next address of its podCIDR', () => {
    let s = cluster();
    for (const n of ['a', 'b', 'c']) s = createPod(s, podManifest(n, [{ name: 'c', image: 'nginx:1.16' }]));
    s = createPod(s, podManifest('d', [{ name: 'c', image: 'nginx:1.16' }], {}, 'node-2'));
    s = advance(s, 2000);
    expect(['a', 'b', 'c', 'd'].map((n) => pod(s, n)!.status.podIP)).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4', '10.244.2.2']);
  });

  it('does nothing for a pod bound to a node that does not exist', () => {
    const s = advance(createPod(cluster(), podManifest('ghost', [{ name: 'c', image: 'nginx:1.16' }], {}, 'node-9')), 30_000);
    expect(pod(s, 'ghost')!.status).toEqual({ phase: 'Pending' });
  });
});

describe('restart policies', () => {
  it('Always: a container that completes is started again', () => {
    const { changes, state } = watch(createPod(cluster(), podManifest('p', [busybox('c', 'sleep 5')])), 'p', 30_000);
    expect(changes.slice(0, 4)).toEqual([
      [0.1, '0/1 ContainerCreating 0'],
      [2.8, '1/1 Running 0'],
      [7.8, '0/1 Completed 0'],
      [8.3, '1/1 Running 1'],
    ]);
    const p = pod(state, 'p')!;
    expect(p.status.phase).toBe('Running');
    expect(p.status.containerStatuses![0].lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('OnFailure: exit 0 completes the pod (Succeeded) and tears the sandbox down', () => {
    const { changes, state } = watch(createPod(cluster(), podManifest('p', [busybox('c', 'sleep 2')], { restartPolicy: 'OnFailure' })), 'p', 20_000);
    expect(changes).toEqual([
      [0.1, '0/1 ContainerCreating 0'],
      [2.8, '1/1 Running 0'],
      [4.8, '0/1 Completed 0'],
    ]);
    const p = pod(state, 'p')!;
    expect(p.status.phase).toBe('Succeeded');
    expect(p.status.containerStatuses![0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed', startedAt: '2025-01-01T00:00:02Z', finishedAt: '2025-01-01T00:00:04Z' });
    expect(p.status.conditions!.map((c) => [c.type, c.status, c.reason ?? ''])).toEqual([
      ['PodReadyToStartContainers', 'False', ''],
      ['Initialized', 'True', 'PodCompleted'],
      ['Ready', 'False', 'PodCompleted'],
      ['ContainersReady', 'False', 'PodCompleted'],
      ['PodScheduled', 'True', ''],
    ]);
  });

  it('OnFailure: a failing container is restarted behind the back-off; the pod stays Running', () => {
    const { changes, state } = watch(createPod(cluster(), podManifest('p', [busybox('c', 'exit 1')], { restartPolicy: 'OnFailure' })), 'p', 20_000);
    expect(changes.map((c) => c[1])).toEqual(['0/1 ContainerCreating 0', '0/1 Error 0', '0/1 Error 1', '0/1 CrashLoopBackOff 1', '0/1 Error 2']);
    expect(pod(state, 'p')!.status.phase).toBe('Running');
  });

  it('Never: a failed container fails the pod, which keeps its address', () => {
    const { changes, state } = watch(createPod(cluster(), podManifest('p', [busybox('c', 'sleep 1; exit 3')], { restartPolicy: 'Never' })), 'p', 20_000);
    expect(changes.map((c) => c[1])).toEqual(['0/1 ContainerCreating 0', '1/1 Running 0', '0/1 Error 0']);
    const p = pod(state, 'p')!;
    expect(p.status.phase).toBe('Failed');
    expect(p.status.podIP).toBe('10.244.1.2');
    expect(p.status.containerStatuses![0].state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(cond(p.status.conditions, 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' });
  });

  it('Never: a container that exits 0 completes the pod', () => {
    const s = advance(createPod(cluster(), podManifest('p', [busybox('c', 'echo done')], { restartPolicy: 'Never' })), 10_000);
    expect(pod(s, 'p')!.status.phase).toBe('Succeeded');
    expect(row(s, 'p')).toBe('0/1 Completed 0');
  });

  it('a command the image does not have ends at once with StartError and is retried behind the back-off', () => {
    const s = advance(createPod(cluster(), podManifest('p', [{ name: 'c', image: 'busybox', command: ['nosuchcmd'] }])), 20_000);
    const cs = pod(s, 'p')!.status.containerStatuses![0];
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 128, reason: 'StartError' });
    expect(cs.lastState.terminated!.message).toContain('exec: "nosuchcmd": executable file not found in $PATH');
    expect(events(s, 'p').some((e) => e.startsWith('Warning Failed') && e.includes('executable file not found'))).toBe(true);
  });
});

describe('several containers', () => {
  it('starts them in order and counts READY per container', () => {
    const two = [{ name: 'a', image: 'nginx:1.16' }, busybox('b', 'sleep 10; exit 2')];
    const { changes } = watch(createPod(cluster(), podManifest('two', two)), 'two', 20_000);
    expect(changes).toEqual([
      [0.1, '0/2 ContainerCreating 0'],
      [4, '1/2 ContainerCreating 0'],
      [5.8, '2/2 Running 0'],
      [15.8, '1/2 Error 0'],
      [16.3, '2/2 Running 1'],
    ]);
  });
});

describe('init containers', () => {
  it('run to completion before the app containers start', () => {
    const spec = { initContainers: [busybox('wait', 'sleep 5')] };
    const { changes, state } = watch(createPod(cluster(), podManifest('p', [{ name: 'app', image: 'nginx:1.16' }], spec)), 'p', 15_000);
    expect(changes).toEqual([
      [0.1, '0/1 Init:0/1 0'],
      [7.8, '0/1 PodInitializing 0'],
      [10.8, '1/1 Running 0'],
    ]);
    const p = pod(state, 'p')!;
    expect(p.status.initContainerStatuses![0]).toMatchObject({ name: 'wait', ready: true, started: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    expect(cond(p.status.conditions, 'Initialized')).toMatchObject({ status: 'True' });
  });

  it('a failed init container fails a Never pod; app containers never start', () => {
    const spec = { restartPolicy: 'Never' as const, initContainers: [busybox('wait', 'exit 3')] };
    const s = advance(createPod(cluster(), podManifest('p', [{ name: 'app', image: 'nginx:1.16' }], spec)), 20_000);
    const p = pod(s, 'p')!;
    expect(p.status.phase).toBe('Failed');
    expect(row(s, 'p')).toBe('0/1 Init:Error 0');
    expect(p.status.containerStatuses![0].state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(cond(p.status.conditions, 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [wait]' });
  });

  it('a failing init container of an Always pod crash-loops (Init:CrashLoopBackOff)', () => {
    const spec = { initContainers: [busybox('wait', 'exit 3')] };
    const { changes } = watch(createPod(cluster(), podManifest('p', [{ name: 'app', image: 'nginx:1.16' }], spec)), 'p', 30_000);
    expect(changes.map((c) => c[1])).toEqual([
      '0/1 Init:0/1 0', '0/1 Init:Error 0', '0/1 Init:Error 1', '0/1 Init:CrashLoopBackOff 1', '0/1 Init:Error 2', '0/1 Init:CrashLoopBackOff 2',
    ]);
  });
});

describe('a changed image (kubectl set image on a pod)', () => {
  const setImage = (s: ReturnType<typeof cluster>, name: string, image: string) =>
    transact(s, (tx) => void tx.update('Pod', `default/${name}`, (p) => void (p.spec.containers[0].image = image)));

  it('kills the running container ("definition changed") and starts the new image', () => {
    let s = advance(createPod(cluster(), podManifest('p', [{ name: 'c', image: 'nginx:1.16' }])), 10_000);
    s = setImage(s, 'p', 'luksa/kubia');
    expect(events(s, 'p')).toContain('Normal Killing Container c definition changed, will be restarted');
    s = advance(s, 10_000);
    const cs = pod(s, 'p')!.status.containerStatuses![0];
    expect(cs).toMatchObject({ restartCount: 1, image: 'docker.io/luksa/kubia:latest', ready: true });
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 143, reason: 'Error' });
  });

  it('a container stuck on a bad image tries the fixed one at once', () => {
    let s = advance(createPod(cluster(), podManifest('p', [{ name: 'c', image: 'nginx:does-not-exist' }])), 30_000);
    expect(row(s, 'p')).toBe('0/1 ImagePullBackOff 0');
    s = setImage(s, 'p', 'nginx:1.16');
    expect(events(s, 'p').at(-1)).toBe('Normal Pulling Pulling image "nginx:1.16"');
    s = advance(s, 3_000);
    expect(row(s, 'p')).toBe('1/1 Running 0');
  });
});
