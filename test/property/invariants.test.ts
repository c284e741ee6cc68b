// Property tests (issue 7, item 2): random fault sequences keep the cluster's invariants after every step,
// ReplicaSets converge once nodes are back, and replaying a sequence gives the identical State.
// KUBESIM_PROPERTY_RUNS=N runs N sequences (default 1,000). fast-check prints the seed and path of a failure;
// rerun one with KUBESIM_PROPERTY_SEED=… KUBESIM_PROPERTY_PATH=….

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/cluster/actions.js';
import { createCluster, dispatch } from '../../src/cluster/engine.js';
import type { State } from '../../src/cluster/state.js';
import { describeAction, sequenceArb } from './actions.js';
import { replicaSetsConverged, stepProblems } from './invariants.js';

const RUNS = Number(process.env.KUBESIM_PROPERTY_RUNS ?? 1000);
const SEED = process.env.KUBESIM_PROPERTY_SEED ? Number(process.env.KUBESIM_PROPERTY_SEED) : undefined;
const PATH = process.env.KUBESIM_PROPERTY_PATH;

/** Small cluster, small event cap: the bound is reachable within a short sequence. */
const fresh = () => createCluster({ seed: 7, nodes: 3, config: { maxEvents: 150 } });

function params(): fc.Parameters<[Action[]]> {
  return { numRuns: RUNS, verbose: 1, ...(SEED !== undefined ? { seed: SEED } : {}), ...(PATH ? { path: PATH } : {}) };
}

/** Plays the actions, checking every step invariant after each; throws with the step that broke one. */
function play(actions: Action[], opts: { daemonSets?: boolean } = { daemonSets: false }): State {
  let s = fresh();
  const missingSince = new Map<string, number>();
  actions.forEach((a, i) => {
    s = dispatch(s, a).state;
    const problems = stepProblems(s, missingSince, opts);
    if (problems.length > 0) throw new Error(`after step ${i + 1} (${describeAction(a)}):\n  ${problems.join('\n  ')}`);
  });
  return s;
}

fc.configureGlobal({ interruptAfterTimeLimit: undefined });

describe('random fault sequences', () => {
  it(`keep every invariant but the DaemonSet one after every step (${RUNS} sequences)`, { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(sequenceArb, (actions) => {
        play(actions);
      }),
      params(),
    );
  });

  // Known engine bug (reported, not fixed): after `kubectl delete statefulset sample-ss --cascade=orphan`, the
  // Found a real bug: DaemonSet sample-ds adopted the orphaned sample-ss-0 (same app=sample-app selector) and kept
  // two pods on one node; daemonset.ts now deletes all but the oldest unless a maxSurge rollout is under way.
  it('keep at most one DaemonSet pod per node', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(sequenceArb, (actions) => {
        play(actions, { daemonSets: true });
      }),
      params(),
    );
  });

  it('converge: with every node restored and time passing, ReplicaSets have their replicas', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(sequenceArb, (actions) => {
        let s = play(actions);
        for (const node of ['node-1', 'node-2', 'node-3', 'node-4']) s = dispatch(s, { type: 'nodeRestore', node }).state;
        // Enough time for node lifecycle (50s grace, 300s tolerations), pod GC and back-off to play out.
        s = dispatch(s, { type: 'advance', ms: 15 * 60_000 }).state;
        const healthy = ['node-1', 'node-2', 'node-3', 'node-4'].some((n) => s.tables.Node && Object.values(s.tables.Node).some((b) => n in b));
        if (!healthy) return; // every node deleted: nothing can run
        const problems = replicaSetsConverged(s);
        if (problems.length > 0) throw new Error(problems.join('\n'));
      }),
      { ...params(), numRuns: Math.max(1, Math.floor(RUNS / 20)) },
    );
  });

  it('replay: the same actions from the same seed give the identical State', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(sequenceArb, (actions) => {
        expect(play(actions)).toEqual(play(actions));
      }),
      { ...params(), numRuns: Math.max(1, Math.floor(RUNS / 10)) },
    );
  });
});
