// The notes' own manifests (fixtures/*.yaml) and the `kubectl get pods --watch` timelines they show
// (notes 003: testapp-pod-liveness-404, testapp-pod-startup-404; notes 002: kubia-liveness).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Pod } from '../../src/cluster/api/types.js';
import { createCluster } from '../../src/cluster/engine.js';
import { podLogs } from '../../src/cluster/kubelet/logs.js';
import { createPod, events, watch } from './kubelet-helpers.js';

function fixture(file: string): Pod {
  const m = parse(readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8'));
  return { ...m, metadata: { ...m.metadata, uid: '', creationTimestamp: '' }, spec: { ...m.spec, nodeName: 'node-1' }, status: { phase: 'Pending' } };
}

/** The watch lines (second, `READY STATUS RESTARTS`) of a fixture pod over `untilS` seconds. */
function timeline(file: string, untilS: number, seed = 1) {
  const pod = fixture(file);
  return watch(createPod(createCluster({ seed, nodes: 2 }), pod), pod.metadata.name, untilS * 1000, 500);
}

const at = (changes: [number, string][], r: string) => changes.find(([, x]) => x === r)?.[0];

describe('testapp-pod-liveness-404 (liveness /health?code=404, all defaults)', () => {
  it('runs at 4s, restarts about every 30s and is in CrashLoopBackOff at about 2.5 minutes, as the notes show', () => {
    const { changes } = timeline('testapp-pod-liveness-404.yaml', 240);
    expect(changes.map(([, r]) => r)).toEqual([
      '0/1 ContainerCreating 0', '1/1 Running 0', '1/1 Running 1', '1/1 Running 2', '1/1 Running 3', '1/1 Running 4',
      '0/1 CrashLoopBackOff 4', '1/1 Running 5', '0/1 CrashLoopBackOff 5',
    ]);
    // The notes: Running 4s, RESTARTS 1 at 27s, 2 at 56s, 3 at 86s, 4 at 117s, CrashLoopBackOff at 2m25s.
    const notes: [string, number][] = [
      ['1/1 Running 0', 4], ['1/1 Running 1', 27], ['1/1 Running 2', 56], ['1/1 Running 3', 86], ['1/1 Running 4', 117], ['0/1 CrashLoopBackOff 4', 145],
    ];
    for (const [r, t] of notes) expect(Math.abs(at(changes, r)! - t), r).toBeLessThanOrEqual(5);
  });

  it('keeps that rhythm whatever the probe workers\' random start', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const { changes } = timeline('testapp-pod-liveness-404.yaml', 160, seed);
      const restarts = [1, 2, 3, 4].map((n) => at(changes, `1/1 Running ${n}`)!);
      expect(at(changes, '1/1 Running 0')).toBe(4);
      // First kill: the third failed probe, the first being within one period (10s) after the start.
      expect(restarts[0]).toBeGreaterThanOrEqual(4 + 20);
      expect(restarts[0]).toBeLessThanOrEqual(4 + 10 + 20 + 2);
      // The probe ticker is never reset: one kill per 3 × 10s.
      expect(restarts.slice(1).map((t, i) => t - restarts[i])).toEqual([30, 30, 30]);
      // The fifth kill comes within the 40s back-off: CrashLoopBackOff.
      expect(at(changes, '0/1 CrashLoopBackOff 4')! - restarts[3]).toBeCloseTo(29.5, 0);
    }
  });
});

describe('testapp-pod-startup-404 (startup /health?code=404, liveness /health)', () => {
  it('never gets ready: 0/1 Running, restarted by the startup probe, liveness never probed', () => {
    const { changes, state } = timeline('testapp-pod-startup-404.yaml', 100);
    expect(changes.map(([, r]) => r)).toEqual(['0/1 ContainerCreating 0', '0/1 Running 0', '0/1 Running 1', '0/1 Running 2', '0/1 Running 3']);
    expect(events(state, 'testapp-pod-startup-404')).toContain('Normal Killing (x3) Container testapp failed startup probe, will be restarted');
    expect(events(state, 'testapp-pod-startup-404').some((e) => e.includes('Liveness'))).toBe(false);
  });
});

describe('kubia-liveness (luksa/kubia-unhealthy: 500 from its 6th request)', () => {
  it('is restarted after five good probes and three failed ones; --previous shows the dead container\'s requests', () => {
    const { changes, state } = timeline('kubia-liveness-probe.yaml', 120);
    const first = at(changes, '1/1 Running 1')!;
    // Listening from 5.5s; eight probes 10s apart, the first within 10s of that; then ~1.5s to stop and start.
    expect(first).toBeGreaterThanOrEqual(5.5 + 70);
    expect(first).toBeLessThanOrEqual(5.5 + 10 + 70 + 2);
    const ev = events(state, 'kubia-liveness');
    expect(ev).toContain('Warning Unhealthy (x3) Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(ev).toContain('Normal Killing Container kubia failed liveness probe, will be restarted');
    const prev = podLogs(state, 'default/kubia-liveness', undefined, true);
    expect(prev).toEqual({ lines: ['Kubia server starting...', ...Array(8).fill('Received request from ::ffff:10.244.1.1')] });
  });

  it('with initialDelaySeconds: 15 the first probe waits 15s after the start', () => {
    const { changes } = timeline('kubia-liveness-probe-initial-delay.yaml', 120);
    const first = at(changes, '1/1 Running 1')!;
    expect(first).toBeGreaterThanOrEqual(4.5 + 15 + 70);
    expect(first).toBeLessThanOrEqual(4.5 + 15 + 10 + 70 + 2);
  });
});
