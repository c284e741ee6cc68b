import { it } from 'vitest';
import type { Pod } from '../../src/cluster/api/types.js';
import { createObject } from '../../src/cluster/apiserver.js';
import { createCluster, transact } from '../../src/cluster/engine.js';
import { Simulation } from '../../src/session/simulation.js';

function runningPod(i: number, node: string): Pod {
  const t = '2025-01-01T00:00:00Z';
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: `web-${String(i).padStart(5, '0')}`, namespace: 'default', uid: '', creationTimestamp: '', labels: { app: i % 2 ? 'odd' : 'even' } },
    spec: { containers: [{ name: 'app', image: 'nginx' }], restartPolicy: 'Always', nodeName: node },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: t }],
      containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready: true, restartCount: i % 5, started: true, state: { running: { startedAt: t } }, lastState: {} }] },
  } as Pod;
}
it('x', () => {
  const state = transact(createCluster({ nodes: 20 }), (tx) => { for (let i = 0; i < 10_000; i++) createObject(tx, runningPod(i, `node-${(i % 20) + 1}`)); });
  const sim = new Simulation({ state, baseDir: '.' });
  for (let i = 0; i < 30; i++) { const a = performance.now(); const before = sim.state.tables.Pod; sim.advance(100); console.log(i, (performance.now() - a).toFixed(1), before === sim.state.tables.Pod); }
});
