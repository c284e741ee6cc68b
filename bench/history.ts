// Memory held by the Simulation's rewind history (15 minutes, one state per simulated second) for a cluster of
// `sizePods` pods: heapUsed after gc with the history, minus heapUsed after gc without it. Run under
// `node --expose-gc` (without it the numbers include garbage and are only an upper bound).
// sizePods ≤ 30 is the demo cluster (fixtures/demo/setup.ksim); larger sizes scale kubia-rc across nodes.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCluster } from '../src/cluster/engine.js';
import { Simulation } from '../src/session/simulation.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function heap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

export function measureHistory(sizePods: number): { historyMiB: number; snapshots: number } {
  const nodes = Math.max(3, Math.ceil(sizePods / 100));
  const sim = new Simulation({ state: createCluster({ seed: 1, nodes }), baseDir: ROOT, historyMs: 15 * 60_000 });
  if (sizePods <= 30) {
    for (const line of ['kubectl label node node-1 disk=ssd', 'kubectl apply -f fixtures/demo/kubia-rc.yaml', 'kubectl apply -f fixtures/demo/testapp-replica.yml',
      'kubectl apply -f fixtures/demo/ssd-monitor-daemonset.yaml', 'kubectl apply -f fixtures/demo/sample-ss.yaml',
      'kubectl apply -f fixtures/demo/multi-completion-parallel-batch-job.yaml', 'kubectl apply -f fixtures/demo/sample-cronjob.yaml',
      'kubectl apply -f fixtures/demo/testapp-pod-liveness-404.yaml']) sim.run(line);
  } else {
    sim.run('kubectl apply -f fixtures/kubia-rc.yaml');
    sim.run(`kubectl scale rc kubia --replicas=${sizePods}`);
  }
  for (let i = 0; i < 15 * 60; i++) sim.advance(1000);
  const snapshots = sim.history.length;
  const withHistory = heap();
  sim.history = [sim.history[sim.history.length - 1]];
  const without = heap();
  return { historyMiB: Math.max(0, withHistory - without) / 1024 / 1024, snapshots };
}
