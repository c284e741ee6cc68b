// Probes (pkg/kubelet/prober): each handler and field, startup gating, readiness, the events and kills they cause.

import { describe, expect, it } from 'vitest';
import type { Container, Event, Probe } from '../../src/cluster/api/types.js';
import type { PodRuntime } from '../../src/cluster/kubelet/runtime.js';
import type { State } from '../../src/cluster/state.js';
import { getRow, listObjects } from '../../src/cluster/store.js';
import { T0, advance, cluster, createPod, events, pod, podManifest, row, watch } from './kubelet-helpers.js';

const myweb = (probes: Partial<Container>): Container => ({ name: 'web', image: 'ghcr.io/c1t1d0s7/go-myweb', imagePullPolicy: 'IfNotPresent', ports: [{ containerPort: 8080, name: 'http' }], ...probes });
const sleeper = (probes: Partial<Container>, script = 'sleep 3600'): Container => ({ name: 'c', image: 'busybox', imagePullPolicy: 'IfNotPresent', command: ['sh', '-c', script], ...probes });
const http = (path: string, extra: Partial<Probe> = {}): Probe => ({ httpGet: { path, port: 8080 }, ...extra });

/** The instants (s after T0) at which the pod's `type` worker probes: admission + its random first delay + k·period. */
function ticks(s: State, name: string, type: 'liveness' | 'readiness' | 'startup', periodS: number, count: number): number[] {
  const rt = getRow<PodRuntime>(s, 'podRuntime', `default/${name}`)!;
  const first = (rt.admittedAt - T0 + rt.containers[0].probeDelays![type]!) / 1000;
  return Array.from({ length: count }, (_, k) => first + k * periodS);
}

function unhealthy(s: State, name: string): Event[] {
  return listObjects(s, 'Event', 'default').filter((e) => e.involvedObject.name === name && e.reason === 'Unhealthy');
}

const restartCount = (s: State, name: string) => pod(s, name)!.status.containerStatuses![0].restartCount;

describe('liveness', () => {
  it('httpGet: every failure is an Unhealthy event; the third kills and restarts the container', () => {
    let s = createPod(cluster(), podManifest('p', [myweb({ livenessProbe: http('/health?code=500') })]));
    s = advance(s, 1);
    // go-myweb runs from 4s; its first three probes after that fail.
    const t = ticks(s, 'p', 'liveness', 10, 6).filter((x) => x >= 4.2).slice(0, 3);
    s = advance(s, t[2] * 1000 - 100);
    expect(events(s, 'p')).toContain('Warning Unhealthy (x2) Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(restartCount(s, 'p')).toBe(0);
    s = advance(s, 200);
    expect(events(s, 'p')).toContain('Warning Unhealthy (x3) Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(events(s, 'p')).toContain('Normal Killing Container web failed liveness probe, will be restarted');
    const ev = unhealthy(s, 'p')[0];
    expect(Date.parse(ev.lastTimestamp) - Date.parse(ev.firstTimestamp)).toBe(20_000); // "(x3 over 20s)"
    // A server started from the image's entrypoint stops about a second after SIGTERM; it is restarted at once.
    s = advance(s, 1000);
    expect(restartCount(s, 'p')).toBe(1);
    expect(row(s, 'p')).toBe('1/1 Running 1');
    expect(pod(s, 'p')!.status.containerStatuses![0].lastState.terminated).toMatchObject({ exitCode: 143, reason: 'Error' });
  });

  it('a closed port: the Go client error with the URL', () => {
    const s = advance(createPod(cluster(), podManifest('p', [myweb({ livenessProbe: { httpGet: { path: '/healthz', port: 9090 } } })])), 20_000);
    expect(events(s, 'p').find((e) => e.includes('Unhealthy'))).toMatch(
      /^Warning Unhealthy (\(x\d\) )?Liveness probe failed: Get "http:\/\/10\.244\.1\.2:9090\/healthz": dial tcp 10\.244\.1\.2:9090: connect: connection refused$/,
    );
  });

  it('tcpSocket: connection refused on a closed port, none on an open one', () => {
    let s = createPod(cluster(), podManifest('bad', [myweb({ livenessProbe: { tcpSocket: { port: 8081 } } })]));
    s = createPod(s, podManifest('good', [myweb({ livenessProbe: { tcpSocket: { port: 8080 } } })]));
    s = advance(s, 60_000);
    expect(unhealthy(s, 'bad').map((e) => e.message)).toEqual(['Liveness probe failed: dial tcp 10.244.1.2:8081: connect: connection refused']);
    expect(restartCount(s, 'bad')).toBeGreaterThanOrEqual(1);
    expect(unhealthy(s, 'good')).toEqual([]);
    expect(restartCount(s, 'good')).toBe(0);
  });

  it('a named port resolves to the container port; an unknown name is a probe error', () => {
    let s = createPod(cluster(), podManifest('named', [myweb({ livenessProbe: { httpGet: { path: '/health', port: 'http' } } })]));
    s = createPod(s, podManifest('unknown', [myweb({ livenessProbe: { httpGet: { path: '/health', port: 'metrics' } } })]));
    s = advance(s, 40_000);
    expect(unhealthy(s, 'named')).toEqual([]);
    expect(unhealthy(s, 'unknown').map((e) => e.message)).toEqual([
      'Liveness probe errored and resulted in unknown state: strconv.Atoi: parsing "metrics": invalid syntax',
    ]);
  });

  it('exec: the command output is the message; a shell as PID 1 ignores SIGTERM and is killed when the grace period ends', () => {
    const script = 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600';
    let s = createPod(cluster(), podManifest('p', [sleeper({ livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5 } }, script)]));
    s = advance(s, 1);
    // Running from 2.8s; the file is gone at 32.8s.
    const fails = ticks(s, 'p', 'liveness', 5, 20).filter((x) => x > 32.8).slice(0, 3);
    s = advance(s, fails[2] * 1000 + 100 - (s.now - T0));
    expect(events(s, 'p')).toContain("Warning Unhealthy (x3) Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(events(s, 'p')).toContain('Normal Killing Container c failed liveness probe, will be restarted');
    s = advance(s, 29_000);
    expect(restartCount(s, 'p')).toBe(0);
    s = advance(s, 2_000);
    expect(restartCount(s, 'p')).toBe(1);
    expect(pod(s, 'p')!.status.containerStatuses![0].lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('exec timeoutSeconds: a command slower than the timeout fails the probe', () => {
    let s = createPod(cluster(), podManifest('slow', [sleeper({ livenessProbe: { exec: { command: ['sh', '-c', 'sleep 5'] }, timeoutSeconds: 2 } })]));
    s = createPod(s, podManifest('patient', [sleeper({ livenessProbe: { exec: { command: ['sh', '-c', 'sleep 5'] }, timeoutSeconds: 10 } })]));
    s = advance(s, 45_000);
    expect(events(s, 'slow')).toContain('Warning Unhealthy (x3) Liveness probe failed: command "sh -c sleep 5" timed out');
    expect(unhealthy(s, 'patient')).toEqual([]);
  });

  it('failureThreshold: that many consecutive failures before the kill', () => {
    let s = createPod(cluster(), podManifest('p', [myweb({ livenessProbe: http('/health?code=503', { failureThreshold: 5, periodSeconds: 2 }) })]));
    s = advance(s, 1);
    const t = ticks(s, 'p', 'liveness', 2, 20).filter((x) => x >= 4.2);
    s = advance(s, t[3] * 1000 + 100 - (s.now - T0));
    expect(events(s, 'p').some((e) => e.includes('Killing'))).toBe(false);
    s = advance(s, 2000);
    expect(events(s, 'p')).toContain('Warning Unhealthy (x5) Liveness probe failed: HTTP probe failed with statuscode: 503');
    expect(events(s, 'p')).toContain('Normal Killing Container web failed liveness probe, will be restarted');
  });

  it('initialDelaySeconds: no probe before it', () => {
    let s = createPod(cluster(), podManifest('p', [myweb({ livenessProbe: http('/health?code=500', { initialDelaySeconds: 25 }) })]));
    s = advance(s, 28_000);
    expect(unhealthy(s, 'p')).toEqual([]);
    s = advance(s, 12_000);
    expect(unhealthy(s, 'p')[0].count).toBeGreaterThanOrEqual(1);
    expect(Date.parse(unhealthy(s, 'p')[0].firstTimestamp) - T0).toBeGreaterThanOrEqual(4_000 + 25_000);
  });

  it('restartPolicy Never: the container is killed without ", will be restarted" and the pod fails', () => {
    const s = advance(createPod(cluster(), podManifest('p', [myweb({ livenessProbe: http('/health?code=404') })], { restartPolicy: 'Never' })), 60_000);
    expect(events(s, 'p')).toContain('Normal Killing Container web failed liveness probe');
    expect(pod(s, 'p')!.status.phase).toBe('Failed');
    expect(row(s, 'p')).toBe('0/1 Error 0');
  });

  it('probe kills use the probe terminationGracePeriodSeconds', () => {
    let s = createPod(cluster(), podManifest('p', [sleeper({ livenessProbe: { exec: { command: ['false'] }, periodSeconds: 2, terminationGracePeriodSeconds: 5 } })]));
    s = advance(s, 1);
    const kill = ticks(s, 'p', 'liveness', 2, 20).filter((x) => x >= 2.8)[2];
    s = advance(s, (kill + 5) * 1000 - 100 - (s.now - T0));
    expect(restartCount(s, 'p')).toBe(0);
    s = advance(s, 200);
    expect(restartCount(s, 'p')).toBe(1);
  });
});

describe('readiness', () => {
  it('a failing readiness probe keeps the pod 0/1 Running and never restarts it', () => {
    let s = createPod(cluster(), podManifest('p', [myweb({ readinessProbe: http('/health?code=503') })]));
    s = advance(s, 120_000);
    expect(row(s, 'p')).toBe('0/1 Running 0');
    const p = pod(s, 'p')!;
    expect(p.status.conditions!.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]',
    });
    expect(p.status.containerStatuses![0]).toMatchObject({ ready: false, started: true });
    // One Unhealthy per probe: the one at start, then every 10 s.
    expect(unhealthy(s, 'p')[0].count).toBeGreaterThanOrEqual(11);
    expect(events(s, 'p').some((e) => e.includes('Killing'))).toBe(false);
  });

  it('is probed at once when the container starts, then on its ticks after initialDelaySeconds', () => {
    let s = createPod(cluster(), podManifest('now', [myweb({ readinessProbe: http('/health') })]));
    s = createPod(s, podManifest('later', [myweb({ readinessProbe: http('/health', { initialDelaySeconds: 15 }) })], {}, 'node-2'));
    s = advance(s, 4500);
    // go-myweb listens 200 ms after it starts: the probe at start is refused, the next tick makes it ready.
    expect(events(s, 'now')).toContain('Warning Unhealthy Readiness probe failed: Get "http://10.244.1.2:8080/health": dial tcp 10.244.1.2:8080: connect: connection refused');
    const first = ticks(s, 'now', 'readiness', 10, 3).find((x) => x >= 4.2)!;
    s = advance(s, first * 1000 - 100 - (s.now - T0));
    expect(row(s, 'now')).toBe('0/1 Running 0');
    s = advance(s, 200);
    expect(row(s, 'now')).toBe('1/1 Running 0');
    const readyAt = ticks(s, 'later', 'readiness', 10, 5).find((x) => x >= 4 + 15)!;
    s = advance(s, readyAt * 1000 - 100 - (s.now - T0));
    expect(row(s, 'later')).toBe('0/1 Running 0');
    s = advance(s, 200);
    expect(row(s, 'later')).toBe('1/1 Running 0');
    expect(unhealthy(s, 'later')).toEqual([]);
  });

  it('successThreshold: that many consecutive successes before ready', () => {
    let s = createPod(cluster(), podManifest('p', [myweb({ readinessProbe: http('/health', { successThreshold: 3, periodSeconds: 2 }) })]));
    s = advance(s, 1);
    const t = ticks(s, 'p', 'readiness', 2, 20).filter((x) => x >= 4.2);
    s = advance(s, t[2] * 1000 - 100 - (s.now - T0));
    expect(row(s, 'p')).toBe('0/1 Running 0');
    s = advance(s, 200);
    expect(row(s, 'p')).toBe('1/1 Running 0');
  });

  it('periodSeconds spaces the probes', () => {
    let s = createPod(cluster(), podManifest('p', [myweb({ readinessProbe: http('/health?code=500', { periodSeconds: 3 }) })]));
    s = advance(s, 64_000);
    const ev = unhealthy(s, 'p').find((e) => e.message.includes('statuscode: 500'))!;
    const span = Date.parse(ev.lastTimestamp) - Date.parse(ev.firstTimestamp);
    expect(span % 3000).toBe(0);
    expect(ev.count).toBe(span / 3000 + 1);
    expect(ev.count).toBeGreaterThanOrEqual(19);
  });
});

describe('startup', () => {
  it('gates liveness and readiness until it succeeds; failing, it restarts the container', () => {
    const c = myweb({ startupProbe: http('/health?code=404'), livenessProbe: http('/health?code=500'), readinessProbe: http('/health') });
    let s = createPod(cluster(), podManifest('p', [c]));
    s = advance(s, 40_000);
    expect(row(s, 'p').startsWith('0/1 Running')).toBe(true);
    expect(pod(s, 'p')!.status.containerStatuses![0].started).toBe(false);
    const ev = events(s, 'p');
    expect(unhealthy(s, 'p').map((e) => e.message)).toEqual(['Startup probe failed: HTTP probe failed with statuscode: 404']);
    expect(ev).toContain('Normal Killing Container web failed startup probe, will be restarted');
    expect(ev.some((e) => e.includes('Liveness') || e.includes('Readiness'))).toBe(false);
    expect(restartCount(s, 'p')).toBe(1);
  });

  it('once it succeeds the container is started and readiness is probed at once', () => {
    const c = myweb({ startupProbe: http('/health', { periodSeconds: 5 }), readinessProbe: http('/health', { periodSeconds: 30 }) });
    let s = createPod(cluster(), podManifest('p', [c]));
    s = advance(s, 1);
    const startedAt = ticks(s, 'p', 'startup', 5, 5).find((x) => x >= 4.2)!;
    s = advance(s, startedAt * 1000 - 100 - (s.now - T0));
    expect(pod(s, 'p')!.status.containerStatuses![0]).toMatchObject({ started: false, ready: false });
    s = advance(s, 200);
    expect(pod(s, 'p')!.status.containerStatuses![0]).toMatchObject({ started: true, ready: true });
  });

  it('the notes: testapp-pod-startup-404 stays 0/1 Running and is restarted', () => {
    const c: Container = { name: 'testapp', image: 'ghcr.io/c1t1d0s7/go-myweb', ports: [{ containerPort: 8080 }],
      startupProbe: { httpGet: { path: '/health?code=404', port: 8080 } }, livenessProbe: { httpGet: { path: '/health', port: 8080 } } };
    const { changes } = watch(createPod(cluster(), podManifest('testapp-pod-startup-404', [c])), 'testapp-pod-startup-404', 100_000, 500);
    expect(changes.every(([, r]) => r.startsWith('0/1'))).toBe(true);
    expect(changes.map(([, r]) => r)).toEqual(['0/1 ContainerCreating 0', '0/1 Running 0', '0/1 Running 1', '0/1 Running 2', '0/1 Running 3']);
  });
});
