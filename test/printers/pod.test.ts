import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from '../../src/cluster/api/types.js';
import { podPrinter, summarizePod } from '../../src/cluster/printers/pod.js';
import { at, conditions, container, pod, runningPod, runningStatus, T0 } from './fixtures.js';

const NOW = T0 + 600_000; // 10 minutes after creation

const waiting = (name: string, reason: string, extra: Partial<ContainerStatus> = {}): ContainerStatus => ({
  ...runningStatus(name),
  state: { waiting: { reason } },
  ready: false,
  started: false,
  ...extra,
});
const terminated = (name: string, t: { exitCode: number; reason?: string; signal?: number }, extra: Partial<ContainerStatus> = {}): ContainerStatus => ({
  ...runningStatus(name),
  state: { terminated: { ...t, startedAt: at(5), finishedAt: at(60) } },
  ready: false,
  started: false,
  ...extra,
});

function cells(p: Pod) {
  return podPrinter.row(p, { now: NOW }).map((c) => c.text);
}

describe('printPod STATUS', () => {
  it('is the phase when nothing else applies (unscheduled pod)', () => {
    expect(cells(pod('p'))).toEqual(['p', '0/1', 'Pending', '0', '10m', '<none>', '<none>', '<none>', '<none>']);
  });

  it('shows a container waiting reason: ContainerCreating, ErrImagePull, ImagePullBackOff, CrashLoopBackOff', () => {
    for (const reason of ['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff', 'CrashLoopBackOff']) {
      const p = pod('p', { spec: { nodeName: 'node-1' }, status: { phase: 'Pending', containerStatuses: [waiting('kubia', reason)] } });
      expect(summarizePod(p).status).toBe(reason);
    }
  });

  it('Running and ready counts the container; Running but not ready shows 0/1', () => {
    expect(summarizePod(runningPod('p'))).toMatchObject({ status: 'Running', ready: 1, total: 1 });
    const unready = runningPod('p', { status: { conditions: conditions(false), containerStatuses: [runningStatus('kubia', { ready: false })] } });
    expect(summarizePod(unready)).toMatchObject({ status: 'Running', ready: 0, total: 1 });
  });

  it('shows terminated reasons, and Signal:N / ExitCode:N when the runtime gave none', () => {
    const term = (t: { exitCode: number; reason?: string; signal?: number }, phase: Pod['status']['phase'] = 'Failed') =>
      summarizePod(pod('p', { status: { phase, containerStatuses: [terminated('kubia', t)] } })).status;
    expect(term({ exitCode: 0, reason: 'Completed' }, 'Succeeded')).toBe('Completed');
    expect(term({ exitCode: 1, reason: 'Error' })).toBe('Error');
    expect(term({ exitCode: 137, reason: 'OOMKilled' })).toBe('OOMKilled');
    expect(term({ exitCode: 2 })).toBe('ExitCode:2');
    expect(term({ exitCode: 137, signal: 9 })).toBe('Signal:9');
  });

  it('lets the first container win (statuses are scanned last to first)', () => {
    const p = runningPod('p', {
      spec: { containers: [container('a', 'img'), container('b', 'img')] },
      status: { containerStatuses: [waiting('a', 'ErrImagePull'), runningStatus('b')] },
    });
    expect(summarizePod(p)).toMatchObject({ status: 'ErrImagePull', ready: 1, total: 2 });
  });

  it('turns Completed back into Running / NotReady while another container still runs', () => {
    const spec = { containers: [container('a', 'img'), container('b', 'img')] };
    const statuses = [terminated('a', { exitCode: 0, reason: 'Completed' }), runningStatus('b')];
    expect(summarizePod(runningPod('p', { spec, status: { containerStatuses: statuses } })).status).toBe('Running');
    expect(summarizePod(runningPod('p', { spec, status: { containerStatuses: statuses, conditions: conditions(false) } })).status).toBe('NotReady');
  });

  it('prefers status.reason over the phase (Evicted, DeadlineExceeded) and shows SchedulingGated', () => {
    expect(summarizePod(pod('p', { status: { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' } })).status).toBe('Evicted');
    expect(summarizePod(pod('p', { status: { phase: 'Failed', reason: 'DeadlineExceeded' } })).status).toBe('DeadlineExceeded');
    const gated = pod('p', { status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] } });
    expect(summarizePod(gated).status).toBe('SchedulingGated');
  });

  describe('init containers', () => {
    const spec = { initContainers: [container('init-a', 'busybox'), container('init-b', 'busybox')] };
    const app = waiting('kubia', 'PodInitializing');
    const done = terminated('init-a', { exitCode: 0, reason: 'Completed' });
    const initPod = (inits: ContainerStatus[]) =>
      pod('p', { spec: { ...spec, nodeName: 'node-1' }, status: { phase: 'Pending', initContainerStatuses: inits, containerStatuses: [app] } });

    it('shows Init:i/n for the running init container', () => {
      expect(summarizePod(initPod([runningStatus('init-a', { ready: false }), waiting('init-b', 'PodInitializing')])).status).toBe('Init:0/2');
      expect(summarizePod(initPod([done, runningStatus('init-b', { ready: false })])).status).toBe('Init:1/2');
    });

    it('shows Init:<reason> for a waiting or failed init container', () => {
      expect(summarizePod(initPod([waiting('init-a', 'CrashLoopBackOff', { restartCount: 2 })])).status).toBe('Init:CrashLoopBackOff');
      expect(summarizePod(initPod([terminated('init-a', { exitCode: 1, reason: 'Error' })])).status).toBe('Init:Error');
      expect(summarizePod(initPod([terminated('init-a', { exitCode: 3 })])).status).toBe('Init:ExitCode:3');
      expect(summarizePod(initPod([terminated('init-a', { exitCode: 0, signal: 15 }), waiting('init-b', 'PodInitializing')])).status).toBe('Init:1/2');
      expect(summarizePod(initPod([terminated('init-a', { exitCode: 143, signal: 15 })])).status).toBe('Init:Signal:15');
    });

    it('counts init restarts while initializing, only app restarts afterwards', () => {
      expect(summarizePod(initPod([waiting('init-a', 'CrashLoopBackOff', { restartCount: 2 })])).restarts).toBe(2);
      const initialized = runningPod('p', {
        spec,
        status: {
          initContainerStatuses: [{ ...done, restartCount: 2 }, terminated('init-b', { exitCode: 0, reason: 'Completed' })],
          containerStatuses: [runningStatus('kubia', { restartCount: 1 })],
        },
      });
      expect(summarizePod(initialized)).toMatchObject({ status: 'Running', restarts: 1 });
    });

    it('counts a started sidecar (restartPolicy Always) in READY and lets initialization continue', () => {
      const sidecarSpec = { initContainers: [container('proxy', 'envoy', { restartPolicy: 'Always' } as never)] };
      const p = runningPod('p', { spec: sidecarSpec, status: { initContainerStatuses: [runningStatus('proxy')] } });
      expect(summarizePod(p)).toMatchObject({ status: 'Running', ready: 2, total: 2 });
    });
  });

  describe('deletion', () => {
    const deleting = { deletionTimestamp: at(590), deletionGracePeriodSeconds: 30 };
    it('shows Terminating for a pod being deleted', () => {
      expect(summarizePod(runningPod('p', { meta: deleting })).status).toBe('Terminating');
    });
    it('keeps a terminal pod terminal while it is deleted', () => {
      const p = pod('p', { meta: deleting, status: { phase: 'Succeeded', containerStatuses: [terminated('kubia', { exitCode: 0, reason: 'Completed' })] } });
      expect(summarizePod(p).status).toBe('Completed');
    });
    it('shows Unknown for a deleted pod whose node was lost', () => {
      expect(summarizePod(runningPod('p', { meta: deleting, status: { reason: 'NodeLost' } })).status).toBe('Unknown');
    });
  });
});

describe('printPod READY, RESTARTS and wide columns', () => {
  it('prints RESTARTS as `N (age ago)` from the latest lastState.terminated.finishedAt', () => {
    const s = runningStatus('kubia', {
      restartCount: 3,
      lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: at(500), finishedAt: at(555) } },
    });
    const row = podPrinter.row(runningPod('p', { status: { containerStatuses: [s] } }), { now: NOW });
    expect(row[3]).toEqual({ text: '3 (45s ago)', sort: 3 });
  });

  it('prints a bare count when no termination time is known', () => {
    const row = podPrinter.row(runningPod('p', { status: { containerStatuses: [runningStatus('kubia', { restartCount: 3 })] } }), { now: NOW });
    expect(row[3].text).toBe('3');
  });

  it('fills IP, NODE, NOMINATED NODE and READINESS GATES', () => {
    const p = runningPod('p', {
      spec: { readinessGates: [{ conditionType: 'example.com/gate-a' }, { conditionType: 'example.com/gate-b' }] } as never,
      status: { conditions: [...conditions(true), { type: 'example.com/gate-a', status: 'True' }] },
    });
    expect(cells(p)).toEqual(['p', '1/1', 'Running', '0', '10m', '10.244.1.5', 'node-1', '<none>', '1/2']);
  });

  it('sorts AGE by elapsed time, not text', () => {
    const young = podPrinter.row(pod('a', { meta: { creationTimestamp: at(591) } }), { now: NOW })[4];
    const old = podPrinter.row(pod('b', { meta: { creationTimestamp: at(0) } }), { now: NOW })[4];
    expect(young).toEqual({ text: '9s', sort: 9000 });
    expect(old).toEqual({ text: '10m', sort: 600_000 });
    expect((old.sort as number) > (young.sort as number)).toBe(true);
  });
});
