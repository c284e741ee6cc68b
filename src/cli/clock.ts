// Letting simulated time pass until something is true, for `kubectl wait`, `rollout status` and kubectl
// delete's wait. kubectl watches and re-checks on every change; in the simulation the state only changes when a
// timer fires, so time moves in 1 s steps but jumps straight over stretches where no timer is due.

import { dispatch } from '../cluster/engine.js';
import type { State } from '../cluster/state.js';
import { earliestTimer } from '../cluster/store.js';

/** How long kubesim waits where kubectl would wait forever (rollout status, delete's --wait). */
export const FOREVER_CAP_MS = 10 * 60_000;

/** The earliest timer due at or before `limit` (src/cluster/store.ts earliestTimer). */
export function nextTimerDue(state: State, limit: number): number | undefined {
  return earliestTimer(state.timers, state.timerEpochs, state.now, limit);
}

export interface Waited {
  state: State;
  met: boolean;
}

/**
 * Advances `state` until `check` holds or `timeoutMs` has passed. `check` runs first at the current time, then
 * after every step (it may print: rollout status reports each new message). Timeout 0 checks once.
 */
export function advanceUntil(state: State, timeoutMs: number, check: (s: State) => boolean): Waited {
  const start = state.now;
  const deadline = start + Math.max(0, timeoutMs);
  let s = state;
  for (;;) {
    if (check(s)) return { state: s, met: true };
    if (s.now >= deadline) return { state: s, met: false };
    let target = s.now + 1000;
    const due = nextTimerDue(s, deadline);
    if (due === undefined) target = deadline;
    else if (due > target) target = start + Math.ceil((due - start) / 1000) * 1000;
    target = Math.min(target, deadline);
    s = dispatch(s, { type: 'advance', ms: target - s.now }).state;
  }
}
