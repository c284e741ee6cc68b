// A SYNTHETIC cluster for measuring the dashboard frame only (issue 6): N nodes and P Running pods written straight
// into the Pod table, without the scheduler or the kubelet (so building 150,000 pods takes seconds, not the ~25 min
// the real pod lifecycle takes today). Nothing here is a valid simulation to advance for engine figures: the pods
// have no kubelet runtime, and the podsByNode/dependents indexes are left empty. Use it only for `frameMs`.
//
//   npm run build && node --expose-gc --max-old-space-size=4096 dist/bench/ui-state.js --pods 3000,30000,150000
//
// Per frame the clock advances 1 s (as in measureUi) and `--churn` pods change (a restart or a status change), so
// the figure covers a busy cluster too: 0 is a settled cluster, as the real steady state is.

import { createCluster, transact } from '../src/cluster/engine.js';
import type { Pod } from '../src/cluster/api/types.js';
import type { State } from '../src/cluster/state.js';
import { getObject, keyOf } from '../src/cluster/store.js';
import { measureUi } from './ui-bench.js';

const APPS = ['web', 'api', 'cache', 'worker', 'batch', 'frontend', 'backend', 'search'];

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}

function syntheticPod(i: number, nodes: number, created: number): Pod {
  const app = APPS[i % APPS.length];
  const name = `${app}-${(i * 2654435761 >>> 0).toString(36).padStart(7, '0').slice(0, 7)}-${i}`;
  const ts = iso(created);
  const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `synthetic-${i}`, creationTimestamp: ts, labels: { app } },
    spec: { nodeName: `node-${(i % nodes) + 1}`, containers: [{ name: app, image: 'nginx' }] },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True' }],
      podIP: ip,
      podIPs: [{ ip }],
      startTime: ts,
      containerStatuses: [{ name: app, ready: true, started: true, restartCount: 0, image: 'nginx', imageID: '', state: { running: { startedAt: ts } } }],
    },
  } as unknown as Pod;
}

/** createCluster with `nodes` nodes, then `pods` Running pods written raw into the Pod table (no watchers). */
export function syntheticState(nodes: number, pods: number): State {
  let s = createCluster({ nodes, seed: 7 });
  const start = s.now;
  const CHUNK = 10_000;
  for (let from = 0; from < pods; from += CHUNK) {
    s = transact(s, (tx) => {
      for (let i = from; i < Math.min(pods, from + CHUNK); i++) {
        // Ages spread over the last hour, so sorting by AGE has work to do.
        const p = syntheticPod(i, nodes, start - ((i * 7919) % 3_600_000));
        tx.set('Pod', keyOf(p), p);
      }
    });
  }
  return s;
}

/** Changes `count` pods (a restart, or a readiness flip), spread over the table: a busy cluster's second. */
export function churnPods(s: State, pods: number, count: number, round: number): State {
  if (count <= 0) return s;
  return transact(s, (tx) => {
    for (let j = 0; j < count; j++) {
      const i = (round * 104729 + j * Math.max(1, Math.floor(pods / count))) % pods;
      const key = keyOf(syntheticPod(i, 1, 0));
      const p = getObject(s, 'Pod', key);
      if (!p) continue;
      const cs = p.status!.containerStatuses![0];
      const restart = j % 2 === 0;
      const next = {
        ...p,
        status: {
          ...p.status,
          containerStatuses: [{ ...cs, restartCount: cs.restartCount + (restart ? 1 : 0), ready: restart ? cs.ready : !cs.ready }],
        },
      } as Pod;
      tx.set('Pod', key, next);
    }
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string, dflt: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const sizes = arg('--pods', '30,3000,30000,150000').split(',').map(Number);
  const churn = arg('--churn', '0').split(',').map(Number);
  for (const pods of sizes) {
    const nodes = Math.max(3, Math.round(pods / 30));
    const t0 = performance.now();
    const s = syntheticState(nodes, pods);
    const built = (performance.now() - t0) / 1000;
    for (const c of churn) {
      const ui = await measureUi(s, 15, (state, i) => churnPods(state, pods, c, i));
      console.log(JSON.stringify({ synthetic: true, nodes, pods, churnPerFrame: c, buildSeconds: Math.round(built * 10) / 10, ...ui }));
    }
  }
}

if (process.argv[1]?.endsWith('ui-state.js')) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
