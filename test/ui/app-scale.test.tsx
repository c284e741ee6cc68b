// 10,000 pods on screen: only the window is drawn, so scrolling, sorting and filtering stay quick.
import { render } from 'ink-testing-library';
import React from 'react';
import { afterAll, describe, expect, it } from 'vitest';
import type { Pod } from '../../src/cluster/api/types.js';
import { createObject } from '../../src/cluster/apiserver.js';
import { createCluster, transact } from '../../src/cluster/engine.js';
import { Simulation } from '../../src/session/simulation.js';
import { App } from '../../src/ui/App.js';
import { ManualClock } from '../../src/ui/clock.js';
import { UiStore } from '../../src/ui/state/store.js';
import { initialUiState } from '../../src/ui/state/types.js';
import { strip } from './harness.js';

/** A pod a kubelet has started (built straight into the state: no kubelet work to wait for). */
function runningPod(i: number, node: string): Pod {
  const t = '2025-01-01T00:00:00Z';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `web-${String(i).padStart(5, '0')}`, namespace: 'default', uid: '', creationTimestamp: '', labels: { app: i % 2 ? 'odd' : 'even' } },
    spec: { containers: [{ name: 'app', image: 'nginx' }], restartPolicy: 'Always', nodeName: node },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: t }],
      containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready: true, restartCount: i % 5, started: true, state: { running: { startedAt: t } }, lastState: {} }],
    },
  } as Pod;
}

const settle = () => new Promise<void>((r) => setImmediate(() => setTimeout(r, 0)));

describe('10,000 pods', () => {
  const state = transact(createCluster({ nodes: 20 }), (tx) => {
    for (let i = 0; i < 10_000; i++) createObject(tx, runningPod(i, `node-${(i % 20) + 1}`));
  });
  const sim = new Simulation({ state, baseDir: '.' });
  const store = new UiStore(initialUiState());
  const clock = new ManualClock();
  const r = render(<App sim={sim} store={store} clock={clock} columns={100} rows={30} />);
  afterAll(() => r.unmount());

  async function timed(keys: string[]): Promise<number> {
    const start = performance.now();
    for (const k of keys) {
      r.stdin.write(k);
      await settle();
    }
    return (performance.now() - start) / keys.length;
  }

  it('draws only the rows that fit', async () => {
    await settle();
    const frame = strip(r.lastFrame());
    expect(frame).toContain('pods(default)[10,000]');
    expect(frame.split('\n').filter((l) => /│ web-\d{5}/.test(l))).toHaveLength(19);
  });

  it('scrolls, sorts and filters without lag', async () => {
    const perKey = await timed(['j', 'j', 'j', 'G', 'g', '\x1b[6~', '\x1b[6~']);
    expect(strip(r.lastFrame())).toMatch(/web-000\d\d/);
    const sort = await timed(['S', 'A', 'N']);
    const filter = await timed(['/', '1', '2', '3', '\r']);
    expect(strip(r.lastFrame())).toContain('pods(default)[40] </123>');
    const selector = await timed(['/', '\x15', ...'-l app=odd', '\r']);
    expect(strip(r.lastFrame())).toContain('pods(default)[5,000] </-l app=odd>');
    // Generous bounds for a slow CI machine running React's development build; typical is a few ms per key.
    expect(perKey).toBeLessThan(150);
    expect(sort).toBeLessThan(400);
    expect(filter).toBeLessThan(250);
    expect(selector).toBeLessThan(250);
  });

  it('a tick that changes nothing on screen costs little', async () => {
    const start = performance.now();
    for (let i = 0; i < 10; i++) {
      sim.advance(100);
      clock.advance(100);
      await settle();
    }
    expect((performance.now() - start) / 10).toBeLessThan(200);
  });
});
