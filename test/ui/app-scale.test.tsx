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

  async function press(keys: string[]): Promise<void> {
    for (const k of keys) {
      r.stdin.write(k);
      await settle();
    }
  }

  it('draws only the rows that fit', async () => {
    await settle();
    const frame = strip(r.lastFrame());
    expect(frame).toContain('pods(default)[10,000]');
    // 30 rows: header 6, node strip, table (2 borders + column header + 18 rows), crumbs, flash.
    expect(frame.split('\n').filter((l) => /│ web-\d{5}/.test(l))).toHaveLength(18);
  });

  // How fast this is, is measured by `npm run bench` (bench/ui-bench.ts), not asserted here: machines are shared.
  it('scrolls, sorts and filters', async () => {
    await press(['j', 'j', 'j', 'G', 'g', '\x1b[6~', '\x1b[6~']);
    expect(strip(r.lastFrame())).toMatch(/web-000\d\d/);
    await press(['S', 'A', 'N']);
    await press(['/', '1', '2', '3', '\r']);
    const matching = Array.from({ length: 10_000 }, (_, i) => `web-${String(i).padStart(5, '0')}`).filter((n) => n.includes('123')).length;
    expect(strip(r.lastFrame())).toContain(`pods(default)[${matching}] </123>`);
    await press(['/', '\x15', ...'-l app=odd', '\r']);
    expect(strip(r.lastFrame())).toContain('pods(default)[5,000] </-l app=odd>');
  });
});
