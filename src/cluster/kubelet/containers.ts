// The container half of a pod sync (pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions + SyncPod,
// kuberuntime_container.go startContainer/killContainer): start containers in order — init containers one at
// a time, then the app containers in one pass, blocked while an image pulls —, restart exited ones per the
// restart policy behind the crash back-off, kill what a probe condemned. Every change happens at its own
// instant `t`, so a sync that catches up on several changes keeps their true times.

import type { Container, Pod } from '../api/types.js';
import type { Tx } from '../tx.js';
import { goDuration } from '../util/time.js';
import { isInBackOffSince, nextBackoff } from './backoff.js';
import { programFor, sharedCore, type ContainerProgram } from './program.js';
import { initialProbeState, probeSpecs, type ProbeEnv, type ProbeStep } from './probes.js';
import { ensureImage } from './pull.js';
import { NameMessages, containerEvent, fieldPath } from './recorder.js';
import type { ContainerRuntime, Kill, PodRuntime, ProbeState, Run } from './runtime.js';
import { containerID, endedRun, isRunning, newRun, randOf, seedOf } from './runtime.js';
import type { NodeSite } from './sandbox.js';
import { shouldRestart } from './status.js';
import { exitReason, killRun, shortenKill } from './termination.js';

/** pod_workers.go backOffPeriod: a sync that failed (image or crash back-off) is retried 10 s later. */
export const POD_WORKER_BACKOFF_MS = 10_000;

export interface SyncCtx extends NodeSite {
  tx: Tx;
  pod: Pod;
  /** The runtime record being changed (the sync's working copy, runtime-copy.ts). */
  rt: PodRuntime;
  /** The node's bridge address on the pod network, where probes come from. */
  from: string;
  now: number;
  /** slots(), made once per sync: the pod's spec and the records' containers do not change during it. */
  slots?: Slot[];
}

/** Does any container of the pod block the pod worker (an image pull in progress)? */
export const pulling = (ctx: SyncCtx) => slots(ctx).some((s) => s.cr.pull);

/** May the kubelet start containers of this pod at all? */
export const startable = (ctx: SyncCtx) => ctx.rt.sandboxAt !== undefined && !ctx.rt.stopping && !ctx.rt.deadlineExceeded;

export interface Slot {
  init: boolean;
  c: Container;
  cr: ContainerRuntime;
  field: string;
  /** The next probe step of the probe state `stepOf` (changes.ts nextStep), asked again after every change. */
  stepOf?: ProbeState;
  step?: ProbeStep;
  /** The program of the run `programOf`, likewise. */
  programOf?: Run;
  program?: ContainerProgram;
}

/** A change due at `at`. */
export interface Change {
  at: number;
  apply: () => void;
}

export function slots(ctx: SyncCtx): Slot[] {
  if (ctx.slots) return ctx.slots;
  const out: Slot[] = [];
  const init = ctx.pod.spec.initContainers;
  if (init) addSlots(out, true, init, ctx.rt.initContainers);
  addSlots(out, false, ctx.pod.spec.containers, ctx.rt.containers);
  return (ctx.slots = out);
}

function addSlots(out: Slot[], init: boolean, specs: Container[], crs: ContainerRuntime[]): void {
  for (let i = 0; i < specs.length; i++) {
    const c = specs[i];
    if (crs[i] !== undefined) out.push({ init, c, cr: crs[i], field: fieldPath(c.name, init), stepOf: undefined, step: undefined, programOf: undefined, program: undefined });
  }
}

export function hostname(pod: Pod): string {
  return pod.spec.hostname ?? pod.metadata.name;
}

/** The container as the run started it: a run of an image since replaced keeps its own. */
function runSpec(c: Container, run: Run): Container {
  return run.image && run.image !== c.image ? { ...c, image: run.image } : c;
}

/** The program of a run (memoized by program.ts; the run's seed is the number drawn when it started). */
export function programOf(pod: Pod, c: Container, run: Run, podIP: string): ContainerProgram {
  return programFor(runSpec(c, run), () => randOf(run), podIP, { hostname: hostname(pod), startedAt: run.startedAt });
}

/** programOf for the slot's current run, kept with the slot for the sync (asked when the run starts and for its
 * probe steps, often in the same sync). */
function slotProgram(ctx: SyncCtx, s: Slot, run: Run): ContainerProgram {
  if (s.programOf !== run) {
    s.program = programOf(ctx.pod, s.c, run, ctx.rt.podIP ?? '');
    s.programOf = run;
  }
  return s.program!;
}

/** When and how the run's process ends by itself (its program's `exit`); undefined: it runs until killed. A run's
 * program — its image, its seed, its start, the catalog — is fixed with it, and the pod's address plays no part
 * in when it exits; a spec whose programs share one core has the core's exit. */
export function runExit(ctx: SyncCtx, s: Slot, run: Run): ContainerProgram['exit'] {
  const core = sharedCore(runSpec(s.c, run));
  if (core) return core.exit;
  return slotProgram(ctx, s, run).exit;
}

export function probeEnv(ctx: SyncCtx, s: Slot): ProbeEnv | undefined {
  const run = s.cr.cur;
  if (s.init || !run || run.finishedAt !== undefined || s.cr.kill || !s.cr.probe) return undefined;
  const specs = probeSpecs(s.c);
  if (specs.length === 0) return undefined;
  const program = slotProgram(ctx, s, run);
  const endAt = program.exit ? run.startedAt + program.exit.afterMs : Infinity;
  return {
    container: s.c, specs, program, podIP: ctx.rt.podIP ?? '', from: ctx.from, anchor: ctx.rt.admittedAt,
    delays: s.cr.probeDelays ?? {}, run, endAt,
  };
}

const podRef = (pod: Pod) => `${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid})`;

export function ev(ctx: SyncCtx, s: Slot, type: 'Normal' | 'Warning', reason: string, message: string): void {
  containerEvent(ctx.tx, ctx.pod, ctx.node, s.field, type, reason, message);
}

/** A start that failed before the process ran: remembered as the waiting reason, retried by the pod worker. */
export function startFailed(ctx: SyncCtx, s: Slot, t: number, reason: string, message: string): void {
  ev(ctx, s, 'Warning', 'Failed', `Error: ${reason}`);
  s.cr.waiting = { reason, message };
  s.cr.retryAt = t + POD_WORKER_BACKOFF_MS;
}

/** Ends the current run at `t` (a new Run: runs are never changed in place, see runtime-copy.ts). */
export function endRun(s: Slot, t: number, exitCode: number, reason?: string, message?: string): void {
  s.cr.cur = endedRun(s.cr.cur!, t, exitCode, reason ?? exitReason(exitCode), message);
  s.cr.kill = undefined;
  s.cr.probe = undefined;
}

const CREATED = new NameMessages((name) => `Created container ${name}`);
const STARTED = new NameMessages((name) => `Started container ${name}`);

/** createContainer + startContainer once the image is there. */
export function createAndStart(ctx: SyncCtx, s: Slot, t: number): void {
  const cr = s.cr;
  const run = newRun(containerID(ctx.pod.metadata.uid, s.c.name, cr.starts), seedOf(ctx.tx.random()), s.c.image, t);
  if (cr.cur) cr.prev = cr.cur;
  cr.cur = run;
  cr.starts++;
  cr.waiting = undefined;
  cr.retryAt = undefined;
  ev(ctx, s, 'Normal', 'Created', CREATED.of(s.c.name));
  const program = slotProgram(ctx, s, run);
  if (program.startError) {
    // The runtime created the container but could not start its process: exit 128, reason StartError.
    ev(ctx, s, 'Warning', 'Failed', `Error: ${program.startError}`);
    endRun(s, t, 128, 'StartError', program.startError);
    cr.waiting = { reason: 'RunContainerError', message: program.startError };
    // The next sync (at once: the container exited) restarts it behind the crash back-off.
    if (shouldRestart(ctx.pod, cr, s.init)) attemptStart(ctx, s, t);
    return;
  }
  ev(ctx, s, 'Normal', 'Started', STARTED.of(s.c.name));
  if (!s.init) cr.probe = initialProbeState(s.c, t);
}

/**
 * One start attempt (SyncPod's start step). For a restart, doBackOff first: `ts` is the finish time of the
 * newest exited run the sync saw — the run that just exited, or, when the kubelet killed the container in the
 * same sync (a failed liveness probe), the one before it (kuberuntime_manager.go doBackOff with the pod status
 * read before the kill); with no exited run at all there is no back-off and no entry.
 */
export function attemptStart(ctx: SyncCtx, s: Slot, t: number, afterKill = false): void {
  const cr = s.cr;
  if (cr.cur && cr.cur.finishedAt !== undefined) {
    const ts = afterKill ? cr.prev?.finishedAt : cr.cur.finishedAt;
    if (ts !== undefined) {
      if (isInBackOffSince(cr.backoff, ts, t)) {
        const ms = cr.backoff!.backoffMs;
        // A sync publishes the status it read when it began. The sync woken by a container's exit shows the
        // exit (`Error`); the back-off it then decides shows from the pod worker's next resync, 10 s later.
        // After a kill, the sync woken by the container's end shows the back-off decided before it at once.
        const visibleAt = cr.waiting?.reason === 'CrashLoopBackOff'
          ? cr.waiting.visibleAt
          : !afterKill && t === cr.cur.finishedAt ? t + POD_WORKER_BACKOFF_MS : undefined;
        cr.waiting = {
          reason: 'CrashLoopBackOff',
          message: `back-off ${goDuration(ms)} restarting failed container=${s.c.name} pod=${podRef(ctx.pod)}`,
          ...(visibleAt !== undefined ? { visibleAt } : {}),
        };
        ev(ctx, s, 'Warning', 'BackOff', `Back-off restarting failed container ${s.c.name} in pod ${podRef(ctx.pod)}`);
        cr.retryAt = Math.min(cr.cur.finishedAt + ms, t + POD_WORKER_BACKOFF_MS);
        if (cr.retryAt <= t) cr.retryAt = t + POD_WORKER_BACKOFF_MS;
        return;
      }
      cr.backoff = nextBackoff(cr.backoff, ts, t);
    }
  }
  cr.retryAt = undefined;
  cr.image = s.c.image;
  const r = ensureImage(ctx.tx, ctx.pod, s.c, cr, ctx, t, s.field);
  if (r.kind === 'failed') startFailed(ctx, s, t, r.reason, r.message);
  else if (r.kind === 'present') createAndStart(ctx, s, t);
}

/** Sends the kill for a running container (or shortens one under way). */
export function killContainer(ctx: SyncCtx, s: Slot, t: number, graceSeconds: number, cause: Kill['cause']): void {
  const run = s.cr.cur!;
  const kill = killRun(s.c, runExit(ctx, s, run), run, t, graceSeconds, cause);
  s.cr.kill = s.cr.kill ? shortenKill(s.cr.kill, kill) : kill;
}

/** Starts whatever may start at `t`: the next init container, or every app container that is due. True when it
 * tried to start anything (and so changed the record). */
export function startPending(ctx: SyncCtx, t: number): boolean {
  if (!startable(ctx) || pulling(ctx)) return false;
  const all = slots(ctx);
  for (const s of all) {
    if (!s.init) continue;
    const run = s.cr.cur;
    if (run && run.finishedAt !== undefined && run.exitCode === 0) continue;
    if (isRunning(s.cr) || (run && !shouldRestart(ctx.pod, s.cr, true))) return false;
    if (s.cr.retryAt === undefined || s.cr.retryAt <= t) {
      attemptStart(ctx, s, t);
      return true;
    }
    return false;
  }
  let tried = false;
  for (const s of all) {
    if (s.init || isRunning(s.cr) || s.cr.done) continue;
    if (s.cr.cur && !shouldRestart(ctx.pod, s.cr, false)) continue;
    if (s.cr.retryAt !== undefined && s.cr.retryAt > t) continue;
    attemptStart(ctx, s, t);
    tried = true;
    if (s.cr.pull) return true;
  }
  return tried;
}
