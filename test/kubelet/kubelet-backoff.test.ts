// The crash-loop back-off (kuberuntime_manager.go doBackOff over client-go flowcontrol.Backoff): the first
// restart at once, then 10s, 20s, 40s … capped at 5m, forgotten after 10 minutes of running.

import { describe, expect, it } from 'vitest';
import { hasExpired, isInBackOffSince, isInBackOffSinceUpdate, nextBackoff } from '../../src/cluster/kubelet/backoff.js';
import { T0, advance, cluster, createPod, events, pod, podManifest } from './kubelet-helpers.js';
import type { State } from '../../src/cluster/state.js';

describe('flowcontrol.Backoff', () => {
  it('starts at 10s, doubles to 300s, and expires 600s after its last update', () => {
    let e = nextBackoff(undefined, 0, 0);
    expect(e).toEqual({ backoffMs: 10_000, lastUpdate: 0 });
    const seq = [10_000];
    for (let i = 0; i < 7; i++) seq.push((e = nextBackoff(e, 1000 * i, 1000 * i)).backoffMs);
    expect(seq).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
    expect(hasExpired(600_000, 0)).toBe(false);
    expect(hasExpired(600_001, 0)).toBe(true);
    expect(nextBackoff({ backoffMs: 300_000, lastUpdate: 0 }, 600_001, 600_001)).toEqual({ backoffMs: 10_000, lastUpdate: 600_001 });
  });

  it('is in back-off while now − eventTime < backoff (or now − lastUpdate for image pulls)', () => {
    const e = { backoffMs: 20_000, lastUpdate: 5_000 };
    expect(isInBackOffSince(e, 10_000, 29_999)).toBe(true);
    expect(isInBackOffSince(e, 10_000, 30_000)).toBe(false);
    expect(isInBackOffSince(undefined, 10_000, 10_000)).toBe(false);
    expect(isInBackOffSinceUpdate(e, 24_999)).toBe(true);
    expect(isInBackOffSinceUpdate(e, 25_000)).toBe(false);
  });
});

/** Times (s after T0) at which restartCount went up, watching for `untilS` seconds. */
function restarts(s: State, name: string, untilS: number): { times: number[]; state: State } {
  const times: number[] = [];
  let last = 0;
  while (s.now - T0 < untilS * 1000) {
    s = advance(s, 100);
    const n = pod(s, name)?.status.containerStatuses?.[0]?.restartCount ?? 0;
    if (n !== last) {
      times.push(Math.round((s.now - T0) / 100) / 10);
      last = n;
    }
  }
  return { times, state: s };
}

describe('a container that crashes at once', () => {
  const crasher = () => createPod(cluster(), podManifest('crash', [{ name: 'c', image: 'busybox', imagePullPolicy: 'IfNotPresent', command: ['sh', '-c', 'exit 1'] }]));

  it('is restarted at once, then after 10s, 20s, 40s, 80s, 160s, 300s, 300s', () => {
    // busybox is pulled by 2.8s; each run exits at its start.
    const { times, state } = restarts(crasher(), 'crash', 1000);
    const gaps = times.slice(1).map((t, i) => Math.round(t - times[i]));
    expect(times[0]).toBe(2.8);
    expect(gaps).toEqual([10, 20, 40, 80, 160, 300, 300]);
    const cs = pod(state, 'crash')!.status.containerStatuses![0];
    expect(cs.state.waiting).toEqual({
      reason: 'CrashLoopBackOff',
      message: `back-off 5m0s restarting failed container=c pod=crash_default(${pod(state, 'crash')!.metadata.uid})`,
    });
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
  });

  it('shows Error when it exits, CrashLoopBackOff from the next pod-worker resync, with the delay it waits', () => {
    let s = advance(crasher(), 3000);
    // Restarted at once (RESTARTS 1) and exited again: the status shows that exit.
    expect(pod(s, 'crash')!.status.containerStatuses![0]).toMatchObject({ restartCount: 1, state: { terminated: { exitCode: 1, reason: 'Error' } } });
    s = advance(s, 10_000 + 1000);
    s = advance(s, 10_000); // second back-off (20s) under way
    const cs = pod(s, 'crash')!.status.containerStatuses![0];
    expect(cs.restartCount).toBe(2);
    expect(cs.state.waiting!.reason).toBe('CrashLoopBackOff');
    expect(cs.state.waiting!.message).toMatch(/^back-off 20s restarting failed container=c pod=crash_default\(/);
    const uid = pod(s, 'crash')!.metadata.uid;
    // One at each decision (2.8s, 12.8s) and one at the pod worker's resync 10s into the 20s wait.
    expect(events(s, 'crash')).toContain(`Warning BackOff (x3) Back-off restarting failed container c in pod crash_default(${uid})`);
  });
});

describe('the back-off entry', () => {
  it('is forgotten when the container ran for more than 10 minutes', () => {
    const s0 = createPod(cluster(), podManifest('long', [{ name: 'c', image: 'busybox', imagePullPolicy: 'IfNotPresent', command: ['sh', '-c', 'sleep 610; exit 1'] }]));
    const { times } = restarts(s0, 'long', 1900);
    // Every exit comes 610s after the previous start: always restarted at once.
    expect(times).toEqual([612.8, 1222.8, 1832.8]);
  });

  it('is not forgotten when it ran for less', () => {
    const s0 = createPod(cluster(), podManifest('short', [{ name: 'c', image: 'busybox', imagePullPolicy: 'IfNotPresent', command: ['sh', '-c', 'sleep 30; exit 1'] }]));
    const { times } = restarts(s0, 'short', 200);
    // 1st exit at 32.8: restart at once (entry 10s). 2nd exit at 62.8: wait 10s (entry 20s). 3rd exit at 102.8: 20s.
    expect(times).toEqual([32.8, 72.8, 122.8, 192.8].filter((t) => t < 200));
  });
});
