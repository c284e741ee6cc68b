// The pod status the kubelet writes, computed from the runtime record: generateAPIPodStatus and
// convertToAPIContainerStatuses (pkg/kubelet/kubelet_pods.go), getPhase (same file), the conditions of
// pkg/kubelet/status/generate.go, the merge rules of the status manager (status_manager.go mergePodStatus,
// updateLastTransitionTime) and the prober manager's ready/started (prober_manager.go UpdatePodStatus).

import type { Container, ContainerState, ContainerStatus, Pod, PodPhase, PodStatus } from '../api/types.js';
import { rfc3339 } from '../util/time.js';
import { podConditions } from './pod-conditions.js';
import { resolvedImage } from './pull.js';
import type { ContainerRuntime, PodRuntime, Run } from './runtime.js';
import { isRunning, restartCount } from './runtime.js';
import { podStatus } from './status-object.js';
import { NO_STATE, STATUS_UNKNOWN, hostIPs, keepContainerStatus, keepList, podIPs, runningState, waitingState } from './status-share.js';

/** The state of a run that ended (its containerID is the run's own string: every status showing it shares it). */
export function terminated(run: Run): ContainerState {
  const startedAt = rfc3339(run.startedAt);
  const finishedAt = rfc3339(run.finishedAt ?? run.startedAt);
  const { exitCode = 0, reason, message, containerID } = run;
  return {
    terminated: message
      ? { exitCode, reason, message, startedAt, finishedAt, containerID }
      : { exitCode, reason, startedAt, finishedAt, containerID },
  };
}

/** kubecontainer.ShouldContainerBeRestarted, for a container whose newest run has exited. */
export function shouldRestart(pod: Pod, cr: ContainerRuntime, init: boolean): boolean {
  if (cr.done) return false;
  const run = cr.cur;
  if (!run || run.finishedAt === undefined) return true;
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (init) return run.exitCode !== 0 && policy !== 'Never';
  if (policy === 'Never') return false;
  if (policy === 'OnFailure') return run.exitCode !== 0;
  return true;
}

// The fields are worked out first and the status made once (every sync of every pod makes one per container).
function containerStatus(pod: Pod, c: Container, cr: ContainerRuntime, init: boolean, defaultReason: string, now: number): ContainerStatus {
  const run = cr.cur;
  let state: ContainerState | undefined;
  let lastState = NO_STATE;
  let ready = false;
  let started = false;
  let image = c.image;
  let imageID = '';
  let shown = false;
  if (run) {
    const img = resolvedImage(run.image ?? c.image);
    image = img.ref;
    imageID = img.id;
    if (cr.prev) lastState = terminated(cr.prev);
    if (run.finishedAt === undefined || cr.pull?.shown) {
      state = runningState(rfc3339(run.startedAt));
      if (cr.pull?.shown) {
        // The run killed for a probe, as the status written before the kill showed it.
        ({ ready, started } = cr.pull.shown);
        shown = true;
      } else {
        started = cr.probe?.started ?? false;
        ready = started && (cr.probe?.ready ?? false);
      }
    } else {
      state = terminated(run);
      // prober_manager UpdatePodStatus: an init container that exited 0 is ready.
      if (init && run.exitCode === 0) ready = true;
    }
  }
  // A container that will be started again shows its last start error instead (the reasonCache).
  const w = cr.waiting;
  if (!shown && w && (w.visibleAt === undefined || w.visibleAt <= now) && (!run || (run.finishedAt !== undefined && shouldRestart(pod, cr, init)))) {
    if (state?.terminated) lastState = state;
    state = waitingState(w.reason, w.message);
  }
  state ??= waitingState(defaultReason);
  return run
    ? { name: c.name, state, lastState, ready, restartCount: restartCount(cr), image, imageID, started, containerID: run.containerID }
    : { name: c.name, state, lastState, ready, restartCount: restartCount(cr), image, imageID, started };
}

/** No containers (a pod without init containers): shared, never changed. */
const NONE: Container[] = Object.freeze([]) as unknown as Container[];
/** Their statuses (only read: generatePodStatus replaces elements of a list it made, and this one has none). */
const NO_STATUSES: ContainerStatus[] = Object.freeze([]) as unknown as ContainerStatus[];

/** The status of each container of `specs`. The list is sized exactly, as `map` makes it (one grown by `push`
 * keeps room for 17 in every stored status); a loop rather than `map`, whose callback was a closure every sync. */
function containerStatuses(pod: Pod, specs: Container[], crs: ContainerRuntime[], init: boolean, defaultReason: string, now: number): ContainerStatus[] {
  const out = new Array<ContainerStatus>(specs.length);
  for (let i = 0; i < specs.length; i++) {
    const c = specs[i];
    out[i] = containerStatus(pod, c, crs[i] ?? { name: c.name, starts: 0 }, init, defaultReason, now);
  }
  return out;
}

/** getPhase (kubelet_pods.go), for pods without sidecars. */
export function getPhase(pod: Pod, init: ContainerStatus[], regular: ContainerStatus[], podIsTerminal: boolean): PodPhase {
  const policy = pod.spec.restartPolicy ?? 'Always';
  let pendingInitialization = 0;
  let failedInitialization = 0;
  for (const s of init) {
    if (s.state.running) pendingInitialization++;
    else if (s.state.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInitialization++;
    } else if (s.lastState.terminated) {
      if (s.lastState.terminated.exitCode !== 0) failedInitialization++;
    } else pendingInitialization++;
  }
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of regular) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.lastState.terminated) stopped++;
    else waiting++;
  }
  const anyRegularStarted = regular.some((s) => s.state.running || s.state.terminated);
  if (failedInitialization > 0 && policy === 'Never') return 'Failed';
  if ((pendingInitialization > 0 && !anyRegularStarted) || waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

/** kubelet's own QoS computation (pkg/apis/core/v1/helper/qos GetPodQOS), used when the API server left it empty. */
export function qosClass(pod: Pod): string {
  const all = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  let anything = false;
  let guaranteed = true;
  for (const c of all) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) anything = true;
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined) guaranteed = false;
      else if (req[r] !== undefined && String(req[r]) !== String(lim[r])) guaranteed = false;
    }
  }
  if (!anything) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export interface StatusContext {
  now: number;
  hostIP?: string;
  /** status.hostIPs for hostIP (status-share.ts hostIPs(), which it is when not given). */
  hostIPs?: { ip: string }[];
}

/**
 * The status the kubelet would write now. Pure: compare it with pod.status before writing. Parts equal to the
 * stored ones are the stored objects (status-share.ts), so an unchanged status is pod.status itself.
 */
export function generatePodStatus(pod: Pod, rt: PodRuntime, ctx: StatusContext): PodStatus {
  const old = pod.status ?? ({ phase: 'Pending' } as PodStatus);
  const initSpecs = pod.spec.initContainers ?? NONE;
  const hasInit = initSpecs.length > 0;
  const initStatuses = hasInit ? containerStatuses(pod, initSpecs, rt.initContainers, true, 'PodInitializing', ctx.now) : NO_STATUSES;
  const statuses = containerStatuses(pod, pod.spec.containers, rt.containers, false, hasInit ? 'PodInitializing' : 'ContainerCreating', ctx.now);
  let allStopped = true;
  for (const cr of rt.initContainers) if (isRunning(cr)) allStopped = false;
  for (const cr of rt.containers) if (isRunning(cr)) allStopped = false;
  const podIsTerminal = !!rt.stopping && allStopped;
  let phase: PodPhase;
  if (old.phase === 'Succeeded' || old.phase === 'Failed') phase = old.phase; // terminal phases are sticky
  else if (rt.deadlineExceeded) phase = 'Failed';
  else phase = getPhase(pod, initStatuses, statuses, podIsTerminal);

  if (podIsTerminal) {
    // status_manager.go TerminatePod: a container that never reached a terminated state is reported failed.
    for (const cs of statuses) {
      if (cs.state.terminated) continue;
      cs.state = STATUS_UNKNOWN;
      cs.ready = false;
      cs.started = false;
    }
  }
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const sandboxUp = rt.sandboxAt !== undefined && !(terminal && allStopped);
  const conditions = podConditions(pod, old.conditions ?? [], initStatuses, statuses, phase, sandboxUp, ctx.now);
  const oldInit = old.initContainerStatuses;
  for (let i = 0; i < initStatuses.length; i++) initStatuses[i] = keepContainerStatus(oldInit?.[i], initStatuses[i]);
  const oldStatuses = old.containerStatuses;
  for (let i = 0; i < statuses.length; i++) statuses[i] = keepContainerStatus(oldStatuses?.[i], statuses[i]);
  const withIP = !!rt.podIP && rt.sandboxAt !== undefined;
  return podStatus(pod.status, {
    phase,
    conditions,
    deadlineExceeded: !!rt.deadlineExceeded,
    hostIP: ctx.hostIP || undefined,
    hostIPs: ctx.hostIP ? ctx.hostIPs ?? hostIPs(ctx.hostIP) : undefined,
    podIP: withIP ? rt.podIP : undefined,
    podIPs: withIP ? podIPs(old.podIPs, rt.podIP!) : undefined,
    startTime: old.startTime ?? rfc3339(rt.admittedAt),
    initContainerStatuses: hasInit ? keepList(oldInit, initStatuses) : undefined,
    containerStatuses: keepList(oldStatuses, statuses),
    qosClass: old.qosClass ?? qosClass(pod),
  });
}

/**
 * Does writing `next` change the stored status `old`, as JSON (not sameJSON)? Fields the kubelet sets to a value
 * that is not an object are looked at first — phase, hostIP, podIP, startTime, then each condition's status and
 * each container status' ready —: one that differs decides it (a value that is not an object is sameJSON only to
 * itself, and objects are sameJSON only if each of their fields is), without sameJSON's walk of the two statuses
 * (`for…in` over the frozen stored ones). Counted at 3,000 pods: every status write of the benchmark's pods is
 * decided here (the kubelet's first write adds hostIP and startTime, the next podIP, the next turns the pod
 * Running, the last Ready); anything else, and every status that is the same, goes on to sameJSON.
 */
export function statusChanged(old: PodStatus | undefined, next: PodStatus): boolean {
  if (old === next) return false;
  if (!old) return true;
  if (differsAsValue(old.phase, next.phase) || differsAsValue(old.hostIP, next.hostIP)
    || differsAsValue(old.podIP, next.podIP) || differsAsValue(old.startTime, next.startTime)
    || elementsDiffer(old.conditions, next.conditions, 'status') || elementsDiffer(old.containerStatuses, next.containerStatuses, 'ready')) {
    return true;
  }
  return !sameJSON(old, next);
}

/** `b` is not an object and `a` is not `b`: sameJSON(a, b) is false (and so for the objects holding them). */
function differsAsValue(a: unknown, b: unknown): boolean {
  return a !== b && (b === null || typeof b !== 'object');
}

/** Is sameJSON(a, b) false for the list `b`, as its elements' `field` shows? (False when it cannot tell.) */
function elementsDiffer(a: unknown, b: unknown, field: string): boolean {
  if (a === b || !Array.isArray(b)) return false;
  // b is a list: sameJSON(a, b) only if a is a list too.
  if (!Array.isArray(a)) return true;
  for (let i = 0; i < b.length; i++) {
    const y: unknown = b[i];
    if (y === null || typeof y !== 'object') continue;
    const x: unknown = a[i];
    if (x === y) continue;
    if (x === null || typeof x !== 'object') return true;
    if (differsAsValue((x as Record<string, unknown>)[field], (y as Record<string, unknown>)[field])) return true;
  }
  return false;
}

/** Structural equality of two JSON values (statuses are plain data); fields set to undefined count as absent. */
export function sameJSON(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  // Walks the fields without building key lists: every sync of every pod compares its status.
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let defined = 0;
  for (const k in ra) {
    const v = ra[k];
    if (v === undefined) continue;
    defined++;
    if (!sameJSON(v, rb[k])) return false;
  }
  for (const k in rb) if (rb[k] !== undefined) defined--;
  return defined === 0;
}
