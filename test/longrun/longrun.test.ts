// Long run (issue 7, item 4): 24 simulated hours of the demo cluster (fixtures/demo/setup.ksim: a CronJob firing
// every minute, a crash-looping liveness-404 pod, ReplicaSets, a DaemonSet, a StatefulSet, a Job) with a node
// killed and restored every few hours. Memory must stay flat: events are capped (config.maxEvents) and expire
// (--event-ttl), finished Jobs are pruned to the CronJob's history limits (cronjob_controllerv2.go
// cleanupFinishedJobs), their pods go with them (garbage collector), logs are bounded per container.
//
// "Heap" here is the size of the State as JSON (deterministic, unlike heapUsed, and independent of whether the
// test process was started with --expose-gc); heapUsed is also checked when global.gc is exposed.

import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHeadless } from '../../src/cli/run.js';
import { dispatch } from '../../src/cluster/engine.js';
import type { State } from '../../src/cluster/state.js';
import { countRows, listObjects } from '../../src/cluster/store.js';

const ROOT = resolve(__dirname, '../..');
const HOUR = 3_600_000;
// The full day by default (~1 min of CPU); KUBESIM_LONGRUN_HOURS=N runs a shorter or longer one.
const HOURS = Number(process.env.KUBESIM_LONGRUN_HOURS ?? 24);
/** Compare the first and last quarter of the run (at least 3 hourly samples each). */
const WINDOW = Math.max(3, Math.floor(HOURS / 4)); // ≥ 3 so each window holds one node fault (every 3rd hour)
/** Events cap for the run: small, so hitting it (not just expiry) is exercised within a day. */
const MAX_EVENTS = 2_000;

function counts(s: State): Record<string, number> {
  return Object.fromEntries(Object.keys(s.counts).map((t) => [t, countRows(s, t)]));
}

const size = (s: State) => JSON.stringify(s).length;

describe(`${HOURS} simulated hours of the demo cluster`, () => {
  it('keeps object counts bounded and the state flat', { timeout: 600_000 }, () => {
    const errors: string[] = [];
    const setup = runHeadless(
      { files: ['fixtures/demo/setup.ksim'], cwd: ROOT, seed: 1, quiet: true, config: { maxEvents: MAX_EVENTS } },
      { out: () => {}, err: (l) => errors.push(l) },
    );
    expect(errors).toEqual([]);
    expect(setup.exitCode).toBe(0);
    let s = setup.state;
    const gc = (globalThis as { gc?: () => void }).gc;
    const samples: { hour: number; size: number; heap?: number; counts: Record<string, number> }[] = [];

    for (let hour = 1; hour <= HOURS; hour++) {
      // A node fault every 3 hours: killed for 20 minutes (pods evicted after the 300s tolerations), then restored.
      if (hour % 3 === 0) {
        const node = `node-${(hour / 3) % 3 + 1}`;
        s = dispatch(s, { type: 'nodeKill', node }).state;
        s = dispatch(s, { type: 'advance', ms: 20 * 60_000 }).state;
        s = dispatch(s, { type: 'nodeRestore', node }).state;
        s = dispatch(s, { type: 'advance', ms: 40 * 60_000 }).state;
      } else {
        s = dispatch(s, { type: 'advance', ms: HOUR }).state;
      }
      gc?.();
      samples.push({ hour, size: size(s), heap: gc ? process.memoryUsage().heapUsed : undefined, counts: counts(s) });
    }

    const last = samples[samples.length - 1];
    // Bounded counts at the end.
    expect(countRows(s, 'Event')).toBeLessThanOrEqual(MAX_EVENTS);
    const cron = listObjects(s, 'CronJob').find((c) => c.metadata.name === 'sample-cronjob')!;
    const cronJobs = listObjects(s, 'Job').filter((j) => j.metadata.ownerReferences?.some((r) => r.uid === cron.metadata.uid));
    const limit = (cron.spec.successfulJobsHistoryLimit ?? 3) + (cron.spec.failedJobsHistoryLimit ?? 1);
    // Finished jobs within the history limits, plus the one that may be running right now.
    expect(cronJobs.length).toBeLessThanOrEqual(limit + 1);
    // Pods: the demo's workloads (3 kubia + 3 testapp + 1 ds + 3 ss + job + liveness pod) plus the cron jobs' pods.
    expect(countRows(s, 'Pod')).toBeLessThanOrEqual(30);
    // Flat: the last quarter of the run is no bigger than the first quarter, give or take 25%.
    const early = Math.max(...samples.slice(0, WINDOW).map((x) => x.size));
    const late = Math.max(...samples.slice(-WINDOW).map((x) => x.size));
    expect(late, `state size by hour: ${samples.map((x) => x.size).join(', ')}`).toBeLessThanOrEqual(early * 1.25);
    for (const [table, n] of Object.entries(last.counts)) {
      const earlyMax = Math.max(...samples.slice(0, WINDOW).map((x) => x.counts[table] ?? 0));
      expect(n, `${table} by hour: ${samples.map((x) => x.counts[table] ?? 0).join(', ')}`).toBeLessThanOrEqual(Math.max(earlyMax * 1.25, earlyMax + 5));
    }
    if (gc) {
      const earlyHeap = Math.max(...samples.slice(0, WINDOW).map((x) => x.heap!));
      expect(last.heap!).toBeLessThanOrEqual(earlyHeap * 1.5);
    }
    console.log(`long run: ${HOURS}h, state ${samples.map((x) => x.size).join(' ')} bytes; final counts ${JSON.stringify(last.counts)}`);
  });
});
