// A settled pod costs nothing: probes that keep succeeding set no timers and write nothing (the issue "150,000
// pods simulated faster than real time"); only changes are written.

import { describe, expect, it } from 'vitest';
import type { Container } from '../../src/cluster/api/types.js';
import { createObject } from '../../src/cluster/apiserver.js';
import { createCluster, transact } from '../../src/cluster/engine.js';
import type { State } from '../../src/cluster/state.js';
import { advance, cluster, createPod, podManifest, row } from './kubelet-helpers.js';

const kubeletTimers = (s: State) => Object.values(s.timers).flatMap((b) => Object.values(b)).filter((t) => t.queue === 'kubelet');

function expectSettled(s1: State, hours = 1): State {
  const s2 = advance(s1, hours * 3_600_000);
  expect(s2.tables.Pod).toBe(s1.tables.Pod);
  expect(s2.tables.podRuntime).toBe(s1.tables.podRuntime);
  expect(s2.tables.Event).toBe(s1.tables.Event);
  expect(kubeletTimers(s2)).toEqual([]);
  return s2;
}

describe('steady state', () => {
  it('a healthy pod with HTTP and TCP probes writes nothing and sets no timer', () => {
    const c: Container = {
      name: 'web', image: 'nginx:1.16',
      livenessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 1 },
      readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 2 },
    };
    let s = advance(createPod(cluster(), podManifest('web', [c])), 30_000);
    expect(row(s, 'web')).toBe('1/1 Running 0');
    expect(kubeletTimers(s)).toEqual([]);
    s = expectSettled(s, 24);
    expect(row(s, 'web')).toBe('1/1 Running 0');
  });

  it('an exec probe against a file the container keeps', () => {
    const c: Container = {
      name: 'c', image: 'busybox', command: ['sh', '-c', 'touch /tmp/healthy; while true; do sleep 60; done'],
      livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5 },
    };
    expectSettled(advance(createPod(cluster(), podManifest('p', [c])), 30_000));
  });

  it('a server whose answers never change, however many requests it gets (kubia)', () => {
    const c: Container = { name: 'kubia', image: 'luksa/kubia', livenessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 1 } };
    expectSettled(advance(createPod(cluster(), podManifest('k', [c])), 30_000), 24);
  });

  it('many pods settle, then an hour costs nothing', () => {
    let s = createCluster({ nodes: 5 });
    s = transact(s, (tx) => {
      for (let i = 0; i < 300; i++) {
        const c: Container = { name: 'web', image: 'nginx:1.16', readinessProbe: { httpGet: { path: '/', port: 80 } }, livenessProbe: { tcpSocket: { port: 80 } } };
        createObject(tx, podManifest(`p${i}`, [c], {}, `node-${(i % 5) + 1}`));
      }
    });
    s = advance(s, 300_000);
    expect(row(s, 'p299')).toBe('1/1 Running 0');
    expectSettled(s);
  });

  it('a pod that fails its readiness probe is not settled: each failure is an event', () => {
    const c: Container = { name: 'web', image: 'nginx:1.16', readinessProbe: { httpGet: { path: '/missing', port: 80 } } };
    const s1 = advance(createPod(cluster(), podManifest('web', [c])), 30_000);
    const s2 = advance(s1, 60_000);
    expect(s2.tables.Pod).toBe(s1.tables.Pod);
    expect(s2.tables.Event).not.toBe(s1.tables.Event);
  });
});
