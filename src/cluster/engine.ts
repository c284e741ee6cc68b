// The one reducer (DESIGN.md): `dispatch(state, action)` runs one immer `produce`. A user action is applied and
// then every controller reacts at the same instant; `advance` moves the clock from timer to timer, and at each
// due time wakes what was waiting and lets the controllers settle, like kube-controller-manager's work queues.

import { produce } from 'immer';
import type { Kind } from './api/types.js';
import type { Action, ActionResult } from './actions.js';
import { emptyResult } from './actions.js';
import { CONTROLLERS } from './controllers/index.js';
import { addNode } from './nodes/node.js';
import type { InitOptions, State } from './state.js';
import { emptyState } from './state.js';
import { TIMER_GRAIN_MS, Tx, type Watcher } from './tx.js';
import { VERBS } from './verbs/index.js';

/** Bound on reconcile rounds at one instant; work left over is retried one timer grain later. */
const MAX_ROUNDS = 64;

function watchers(): Partial<Record<Kind, Watcher[]>> {
  const out: Partial<Record<Kind, Watcher[]>> = {};
  for (const c of CONTROLLERS) {
    for (const [kind, w] of Object.entries(c.watches ?? {})) (out[kind as Kind] ??= []).push(w as Watcher);
  }
  return out;
}

let cachedWatchers: Partial<Record<Kind, Watcher[]>> | undefined;
function allWatchers() {
  return (cachedWatchers ??= watchers());
}

/** Runs every controller's queue until nothing is left to do at this instant. */
export function settle(tx: Tx): void {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let worked = false;
    for (const c of CONTROLLERS) {
      const q = tx.queues.get(c.name);
      if (!q || q.size === 0) continue;
      const keys = [...q];
      q.clear();
      worked = true;
      for (const key of keys) c.reconcile(tx, key);
    }
    if (!worked) return tx.compact();
  }
  for (const [queue, keys] of tx.queues) {
    for (const key of keys) tx.after(TIMER_GRAIN_MS, queue, key);
    keys.clear();
  }
  tx.compact();
}

export function advanceTx(tx: Tx, ms: number): void {
  const target = tx.now + Math.max(0, ms);
  settle(tx);
  for (;;) {
    const due = tx.nextTimerDue(target);
    if (due === undefined) break;
    if (due > tx.now) tx.setNow(due);
    for (const t of tx.takeTimers(due)) tx.enqueue(t.queue, t.key);
    settle(tx);
  }
  tx.setNow(target);
  settle(tx);
}

export function dispatch(state: State, action: Action): { state: State; result: ActionResult } {
  const result = emptyResult();
  const next = produce(state, (d) => {
    const tx = new Tx(d, state, allWatchers());
    if (action.type === 'advance') {
      advanceTx(tx, action.ms);
    } else {
      const handler = VERBS[action.type] as ((tx: Tx, a: Action, r: ActionResult) => void) | undefined;
      if (!handler) result.errors.push(`error: kubesim cannot do "${action.type}" yet`);
      else {
        handler(tx, action, result);
        settle(tx);
      }
    }
    tx.commit();
  });
  return { state: next, result };
}

/**
 * Runs `fn` inside one transaction and lets the controllers settle: for tests and for code that builds state
 * directly (e.g. putting a pod that bypasses `apply`). User-visible changes should go through `dispatch`.
 */
export function transact(state: State, fn: (tx: Tx) => void): State {
  return produce(state, (d) => {
    const tx = new Tx(d, state, allWatchers());
    fn(tx);
    settle(tx);
    tx.commit();
  });
}

export interface ClusterOptions extends InitOptions {
  /** Worker nodes node-1 … node-N (default 3). */
  nodes?: number;
  /** Images every node has from the start. */
  preloadedImages?: string[];
}

export function createCluster(opts: ClusterOptions = {}): State {
  const s = emptyState(opts);
  return produce(s, (d) => {
    const tx = new Tx(d, s, allWatchers());
    const n = opts.nodes ?? 3;
    for (let i = 1; i <= n; i++) addNode(tx, `node-${i}`, {}, opts.preloadedImages ?? []);
    settle(tx);
    tx.commit();
  });
}
