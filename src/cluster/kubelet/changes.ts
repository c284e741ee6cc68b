// A container's own next change, for the pod sync (sync.ts) to apply in time order: a kill completing, the
// process exiting by itself, a probe step, an image pull ending, a retry coming due, or its spec changing —
// what kuberuntime_manager.go computePodActions would find to do at that moment.

import { catalogGeneration } from './catalog.js';
import { Recent } from './recent.js';
import { finishPull } from './pull.js';
import { nextProbeStep, type ProbeStep } from './probes.js';
import type { ContainerRuntime, ProbeState } from './runtime.js';
import { isRunning } from './runtime.js';
import { shouldRestart } from './status.js';
import { probeGraceSeconds } from './termination.js';
import type { Change, Slot, SyncCtx } from './containers.js';
import {
  attemptStart, createAndStart, endRun, ev, killContainer, probeEnv, pulling, runExit, startFailed, startPending, startable,
} from './containers.js';

/**
 * The container's image was changed (`kubectl set image`): computePodActions kills a running container
 * ("definition changed") and starts the new one; a waiting one tries the new image at once. Both back-offs
 * start afresh: the kubelet keys them by the container's spec hash and by the image.
 */
function specChanged(ctx: SyncCtx, s: Slot): Change {
  const cr = s.cr;
  return {
    at: ctx.now,
    apply: () => {
      if (isRunning(cr) && !cr.kill) {
        const restart = (ctx.pod.spec.restartPolicy ?? 'Always') !== 'Never';
        ev(ctx, s, 'Normal', 'Killing', `Container ${s.c.name} definition changed${restart ? ', will be restarted' : ''}`);
        killContainer(ctx, s, ctx.now, probeGraceSeconds(ctx.pod, undefined), 'changed');
      } else if (!isRunning(cr)) {
        cr.retryAt = undefined;
      }
      cr.backoff = undefined;
      cr.imageBackoff = undefined;
      cr.image = s.c.image;
    },
  };
}

/**
 * nextProbeStep, remembered per probe state object: a sync asks again after every change it applies (the slot
 * keeps the last answer), and the sync woken for the step asks again too. Probe states are replaced, never
 * changed, and each belongs to one run; what a step depends on besides the state — the run's program and end, the
 * workers' delays, the pod's address — is fixed with the run while it runs.
 *
 * Kept across syncs: the steps still to come, each until it is taken (`containerChange`'s change forgets it),
 * so the memo holds the steps pending now — about the pods started within one probe period — and empties as they
 * settle. It kept every step found until it had 8,192-16,384 newer ones, stale ones included: at 30,000 pods half
 * the steps were gone by the time their sync came (each found again by a scan of the probe instants), at 150,000
 * nearly all. Not kept: "no step" (a settled container's, rarely asked again) and a step due now (taken by the
 * sync that found it). A WeakMap, one entry per pod, cost more to fill than the steps it saved. Bounded as Recent
 * is: a step whose run ended before it came is dropped once 65,536-131,072 newer ones have been kept.
 */
const STEP_MEMO_SIZE = 1 << 17;
let stepMemo = new Recent<ProbeState, ProbeStep>(STEP_MEMO_SIZE);
let stepGeneration = -1;
function nextStep(ctx: SyncCtx, s: Slot, st: ProbeState): ProbeStep | undefined {
  if (s.stepOf === st) return s.step;
  if (stepGeneration !== catalogGeneration()) {
    stepMemo = new Recent(STEP_MEMO_SIZE);
    stepGeneration = catalogGeneration();
  }
  let step = stepMemo.get(st);
  if (!step) {
    const env = probeEnv(ctx, s);
    step = env && nextProbeStep(env, st, Infinity);
    if (step && step.at > ctx.now) stepMemo.set(st, step);
  }
  s.stepOf = st;
  s.step = step;
  return step;
}

/** The waiting reason once the status shows it: the same without `visibleAt` (a new object: stored ones are frozen). */
function shownWaiting(w: NonNullable<ContainerRuntime['waiting']>): NonNullable<ContainerRuntime['waiting']> {
  return w.message !== undefined ? { reason: w.reason, message: w.message } : { reason: w.reason };
}

/** The container's next own change: a kill completing, the process exiting, a probe step, a pull, a retry. */
export function containerChange(ctx: SyncCtx, s: Slot): Change | undefined {
  const cr = s.cr;
  const run = cr.cur;
  if (!s.init && cr.image !== undefined && cr.image !== s.c.image && !cr.pull && !cr.done) return specChanged(ctx, s);
  if (cr.kill && run && run.finishedAt === undefined) {
    const kill = cr.kill;
    return {
      at: kill.stopAt,
      apply: () => {
        const shown = { ready: !!cr.probe?.started && !!cr.probe?.ready, started: !!cr.probe?.started };
        endRun(s, kill.stopAt, kill.exitCode);
        // A container killed for a failed probe is started again in the same sync.
        if (kill.cause === 'pod' || !startable(ctx)) cr.done = true;
        else if (shouldRestart(ctx.pod, cr, s.init)) {
          attemptStart(ctx, s, kill.stopAt, true);
          if (cr.pull) cr.pull = { ...cr.pull, shown };
        }
      },
    };
  }
  if (run && run.finishedAt === undefined) {
    const exit = runExit(ctx, s, run);
    const exitAt = exit ? run.startedAt + exit.afterMs : Infinity;
    const step = !s.init && cr.probe ? nextStep(ctx, s, cr.probe) : undefined;
    if (step && step.at < exitAt) {
      const from = cr.probe!;
      return {
        at: step.at,
        apply: () => {
          stepMemo.delete(from);
          cr.probe = step.state;
          if (step.unhealthy) ev(ctx, s, 'Warning', 'Unhealthy', step.unhealthy);
          if (step.kill) {
            const restart = (ctx.pod.spec.restartPolicy ?? 'Always') !== 'Never';
            ev(ctx, s, 'Normal', 'Killing', `Container ${s.c.name} failed ${step.kill} probe${restart ? ', will be restarted' : ''}`);
            const probe = step.kill === 'liveness' ? s.c.livenessProbe : s.c.startupProbe;
            killContainer(ctx, s, step.at, probeGraceSeconds(ctx.pod, probe), step.kill);
          }
        },
      };
    }
    if (exit) return { at: exitAt, apply: () => endRun(s, exitAt, exit.code) };
    return undefined;
  }
  if (cr.pull) {
    const pull = cr.pull;
    return {
      at: pull.doneAt,
      apply: () => {
        const r = finishPull(ctx.tx, ctx.pod, s.c, cr, ctx, s.field);
        if (r.kind === 'present') createAndStart(ctx, s, pull.doneAt);
        else if (r.kind === 'failed') startFailed(ctx, s, pull.doneAt, r.reason, r.message);
      },
    };
  }
  const visibleAt = cr.waiting?.visibleAt;
  if (visibleAt !== undefined && (cr.retryAt === undefined || visibleAt <= cr.retryAt)) {
    return { at: visibleAt, apply: () => void (cr.waiting = shownWaiting(cr.waiting!)) };
  }
  if (cr.retryAt !== undefined && !cr.done && startable(ctx) && !pulling(ctx)) {
    const at = cr.retryAt;
    return {
      at,
      apply: () => {
        startPending(ctx, at);
        if (cr.retryAt !== undefined && cr.retryAt <= at) cr.retryAt = undefined;
      },
    };
  }
  return undefined;
}
