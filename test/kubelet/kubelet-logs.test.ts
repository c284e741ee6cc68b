// `kubectl logs`: current and previous runs, the container kubectl picks, and the errors of the API server and
// the kubelet (kubelet_pods.go validateContainerLogStatus).

import { describe, expect, it } from 'vitest';
import type { Container } from '../../src/cluster/api/types.js';
import { dispatch } from '../../src/cluster/engine.js';
import { podLogs } from '../../src/cluster/kubelet/logs.js';
import { advance, cluster, createPod, pod, podManifest } from './kubelet-helpers.js';

const kubia = (extra: Partial<Container> = {}): Container => ({ name: 'kubia', image: 'luksa/kubia', ...extra });

describe('current and previous logs', () => {
  it('a server logs the probe requests it answered, computed on demand', () => {
    let s = createPod(cluster(), podManifest('k', [kubia({ livenessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 5 } })]));
    s = advance(s, 30_000);
    const logs = podLogs(s, 'default/k');
    if (!('lines' in logs)) throw new Error(logs.error);
    expect(logs.lines[0]).toBe('Kubia server starting...');
    expect(logs.lines.length).toBeGreaterThanOrEqual(5);
    expect(new Set(logs.lines.slice(1))).toEqual(new Set(['Received request from ::ffff:10.244.1.1']));
    // Nothing was stored for them: the pod's runtime record has not changed since it settled.
    expect(advance(s, 60_000).tables.podRuntime).toBe(s.tables.podRuntime);
  });

  it('nginx writes an access-log line per probe', () => {
    let s = createPod(cluster(), podManifest('web', [{ name: 'web', image: 'nginx:1.16', imagePullPolicy: 'IfNotPresent', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 10 } }]));
    s = advance(s, 60_000);
    const logs = podLogs(s, 'default/web');
    if (!('lines' in logs)) throw new Error(logs.error);
    expect(logs.lines.length).toBeGreaterThanOrEqual(5);
    expect(logs.lines[0]).toMatch(/^10\.244\.1\.1 - - \[01\/Jan\/2025:00:00:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "kube-probe\/1\.32" "-"$/);
  });

  it('a script\'s output', () => {
    const s = advance(createPod(cluster(), podManifest('p', [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo one; sleep 5; echo two; sleep 3600'] }])), 5_000);
    expect(podLogs(s, 'default/p')).toEqual({ lines: ['one'] });
    expect(podLogs(advance(s, 5_000), 'default/p')).toEqual({ lines: ['one', 'two'] });
  });

  it('--previous: the run before; a crash-looping container shows its last run', () => {
    let s = createPod(cluster(), podManifest('p', [{ name: 'c', image: 'busybox', imagePullPolicy: 'IfNotPresent', command: ['sh', '-c', 'echo run; exit 1'] }]));
    s = advance(s, 2_000);
    expect(podLogs(s, 'default/p', undefined, true)).toEqual({
      error: 'Error from server (BadRequest): previous terminated container "c" in pod "p" not found',
    });
    s = advance(s, 30_000);
    const cs = pod(s, 'p')!.status.containerStatuses![0];
    expect(cs.restartCount).toBeGreaterThanOrEqual(2);
    expect(cs.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(podLogs(s, 'default/p')).toEqual({ lines: ['run'] });
    expect(podLogs(s, 'default/p', 'c', true)).toEqual({ lines: ['run'] });
  });
});

describe('errors', () => {
  it('the kubelet\'s words for a container that has not started', () => {
    let s = createPod(cluster(), podManifest('x', [kubia()]));
    expect(podLogs(s, 'default/x')).toEqual({ error: 'Error from server (BadRequest): container "kubia" in pod "x" is waiting to start: ContainerCreating' });
    s = createPod(s, podManifest('bad', [{ name: 'c', image: 'nginx:does-not-exist' }], {}, 'node-2'));
    s = advance(s, 3_000);
    expect(podLogs(s, 'default/bad')).toEqual({ error: 'Error from server (BadRequest): container "c" in pod "bad" is waiting to start: image can\'t be pulled' });
    s = advance(s, 22_000);
    expect(podLogs(s, 'default/bad')).toEqual({ error: 'Error from server (BadRequest): container "c" in pod "bad" is waiting to start: trying and failing to pull image' });
  });

  it('no such pod; no such container', () => {
    const s = advance(createPod(cluster(), podManifest('x', [kubia()])), 10_000);
    expect(podLogs(s, 'default/nope')).toEqual({ error: 'Error from server (NotFound): pods "nope" not found' });
    expect(podLogs(s, 'default/x', 'web')).toEqual({ error: 'error: container web is not valid for pod x' });
  });

  it('the node is off: the API server cannot reach its kubelet', () => {
    let s = advance(createPod(cluster(), podManifest('x', [kubia()])), 10_000);
    s = dispatch(s, { type: 'nodeKill', node: 'node-1' }).state;
    const err = podLogs(s, 'default/x');
    expect('error' in err && err.error).toMatch(/^Error from server: Get "https:\/\/192\.168\.\d+\.\d+:10250\/containerLogs\/default\/x\/kubia": dial tcp 192\.168\.\d+\.\d+:10250: connect: no route to host$/);
  });

  it('an unscheduled pod has an empty log', () => {
    const s = createPod(cluster(), podManifest('x', [kubia()], { nodeSelector: { disk: 'none' } }, ''));
    expect(podLogs(s, 'default/x')).toEqual({ lines: [] });
  });
});

describe('choosing the container', () => {
  it('defaults to the first and says so when there are several', () => {
    const two = [{ name: 'a', image: 'busybox', command: ['sh', '-c', 'echo from-a; sleep 3600'] }, { name: 'b', image: 'busybox', command: ['sh', '-c', 'echo from-b; sleep 3600'] }];
    const s = advance(createPod(cluster(), podManifest('two', two, { initContainers: [{ name: 'init', image: 'busybox', command: ['true'] }] })), 20_000);
    expect(podLogs(s, 'default/two')).toEqual({ lines: ['from-a'], defaulted: 'Defaulted container "a" out of: a, b, init (init)' });
    expect(podLogs(s, 'default/two', 'b')).toEqual({ lines: ['from-b'] });
    expect(podLogs(s, 'default/two', 'init')).toEqual({ lines: [] });
  });

  it('honours the kubectl.kubernetes.io/default-container annotation', () => {
    const two = [{ name: 'a', image: 'busybox', command: ['sh', '-c', 'echo from-a; sleep 3600'] }, { name: 'b', image: 'busybox', command: ['sh', '-c', 'echo from-b; sleep 3600'] }];
    const m = podManifest('two', two);
    m.metadata.annotations = { 'kubectl.kubernetes.io/default-container': 'b' };
    const s = advance(createPod(cluster(), m), 20_000);
    expect(podLogs(s, 'default/two')).toEqual({ lines: ['from-b'] });
  });
});
