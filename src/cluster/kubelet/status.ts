// The pod status the kubelet writes, computed from the runtime record: generateAPIPodStatus and
// convertToAPIContainerStatuses (pkg/kubelet/kubelet_pods.go), getPhase (same file), the conditions of
// pkg/kubelet/status/generate.go, the merge rules of the status manager (status_manager.go mergePodStatus,
// updateLastTransitionTime) and the prober manager's ready/started (prober_manager.go UpdatePodStatus).

import type { Container, ContainerState, ContainerStatus, Pod, PodCondition, PodPhase, PodStatus } from '../api/types.js';
import { rfc3339 } from '../util/time.js';
import { resolvedImage } from './pull.js';
import type { ContainerRuntime, PodRuntime, Run } from './runtime.js';
import { isRunning, restartCount } from './runtime.js';

/** Conditions the kubelet owns (pkg/kubelet/types PodConditionsByKubelet), in the order it generates them. */
const KUBELET_CONDITIONS = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);

export function terminated(run: Run): ContainerState {
  return {
    terminated: {
      exitCode: run.exitCode ?? 0,
      reason: run.reason,
      ...(run.message ? { message: run.message } : {}),
      startedAt: rfc3339(run.startedAt),
      finishedAt: rfc3339(run.finishedAt ?? run.startedAt),
      containerID: `containerd://${run.id}`,
    },
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
  let lastState: ContainerState = {};
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
      state = { running: { startedAt: rfc3339(run.startedAt) } };
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
    state = { waiting: w.message ? { reason: w.reason, message: w.message } : { reason: w.reason } };
  }
  state ??= { waiting: { reason: defaultReason } };
  const cs: ContainerStatus = { name: c.name, state, lastState, ready, restartCount: restartCount(cr), image, imageID, started };
  if (run) cs.containerID = `containerd://${run.id}`;
  return cs;
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

/** Makes one of the kubelet's conditions (a reason and a message only when given). */
type MakeCondition = (type: string, status: 'True' | 'False', reason?: string, message?: string) => PodCondition;

/**
 * The condition maker of one status: lastTransitionTime is the pod's condition's of that type when the status is
 * the same, else now (status_manager.go updateLastTransitionTime). One object literal per shape, made once: five
 * conditions of every status of every sync.
 */
function conditionMaker(old: PodCondition[], now: number): MakeCondition {
  return (type, status, reason, message) => {
    let prev: PodCondition | undefined;
    for (const o of old) {
      if (o.type === type) {
        prev = o;
        break;
      }
    }
    const lastTransitionTime = prev && prev.status === status ? prev.lastTransitionTime : rfc3339(now);
    if (!reason) {
      return message
        ? { type, status, lastProbeTime: null, message, lastTransitionTime }
        : { type, status, lastProbeTime: null, lastTransitionTime };
    }
    return message
      ? { type, status, lastProbeTime: null, reason, message, lastTransitionTime }
      : { type, status, lastProbeTime: null, reason, lastTransitionTime };
  };
}

/** GeneratePodReadyCondition / GenerateContainersReadyCondition (status/generate.go), in that order. */
function readyConditions(make: MakeCondition, pod: Pod, statuses: ContainerStatus[], phase: PodPhase): [PodCondition, PodCondition] {
  const both = (status: 'True' | 'False', reason?: string, message?: string): [PodCondition, PodCondition] =>
    [make('Ready', status, reason, message), make('ContainersReady', status, reason, message)];
  if (phase === 'Succeeded') return both('False', 'PodCompleted');
  if (phase === 'Failed') return both('False', 'PodFailed');
  const unready: string[] = [];
  for (const spec of pod.spec.containers) if (!statuses.find((s) => s.name === spec.name)?.ready) unready.push(spec.name);
  return unready.length
    ? both('False', 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`)
    : both('True');
}

/** GeneratePodInitializedCondition. */
function initializedCondition(make: MakeCondition, init: ContainerStatus[], regular: ContainerStatus[], phase: PodPhase): PodCondition {
  if (phase === 'Succeeded') return make('Initialized', 'True', 'PodCompleted');
  if (regular.some((s) => s.state.running || s.state.terminated)) return make('Initialized', 'True');
  const incomplete = init.filter((s) => !(s.state.terminated && s.state.terminated.exitCode === 0)).map((s) => s.name);
  if (incomplete.length) {
    return make('Initialized', 'False', 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`);
  }
  return make('Initialized', 'True');
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
}

/** The status the kubelet would write now. Pure: compare it with pod.status before writing. */
export function generatePodStatus(pod: Pod, rt: PodRuntime, ctx: StatusContext): PodStatus {
  const old = pod.status ?? ({ phase: 'Pending' } as PodStatus);
  const initSpecs = pod.spec.initContainers ?? [];
  const hasInit = initSpecs.length > 0;
  const initStatuses: ContainerStatus[] = [];
  for (let i = 0; i < initSpecs.length; i++) {
    const c = initSpecs[i];
    initStatuses.push(containerStatus(pod, c, rt.initContainers[i] ?? { name: c.name, starts: 0 }, true, 'PodInitializing', ctx.now));
  }
  const statuses: ContainerStatus[] = [];
  for (let i = 0; i < pod.spec.containers.length; i++) {
    const c = pod.spec.containers[i];
    statuses.push(containerStatus(pod, c, rt.containers[i] ?? { name: c.name, starts: 0 }, false, hasInit ? 'PodInitializing' : 'ContainerCreating', ctx.now));
  }
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
      cs.state = {
        terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' },
      };
      cs.ready = false;
      cs.started = false;
    }
  }
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const sandboxUp = rt.sandboxAt !== undefined && !(terminal && allStopped);
  const oldConditions = old.conditions ?? [];
  const make = conditionMaker(oldConditions, ctx.now);
  const conditions: PodCondition[] = [];
  for (const c of oldConditions) if (!KUBELET_CONDITIONS.has(c.type)) conditions.push(c);
  conditions.push(make('PodReadyToStartContainers', sandboxUp ? 'True' : 'False'));
  conditions.push(initializedCondition(make, initStatuses, statuses, phase));
  conditions.push(...readyConditions(make, pod, statuses, phase));
  conditions.push(make('PodScheduled', 'True'));

  const status: PodStatus & { hostIPs?: { ip: string }[] } = { ...old, phase, conditions };
  if (rt.deadlineExceeded) {
    status.reason = 'DeadlineExceeded';
    status.message = 'Pod was active on the node longer than the specified deadline';
  }
  if (ctx.hostIP) {
    status.hostIP = ctx.hostIP;
    status.hostIPs = [{ ip: ctx.hostIP }];
  }
  if (rt.podIP && rt.sandboxAt !== undefined) {
    status.podIP = rt.podIP;
    status.podIPs = [{ ip: rt.podIP }];
  }
  status.startTime = old.startTime ?? rfc3339(rt.admittedAt);
  if (hasInit) status.initContainerStatuses = initStatuses;
  status.containerStatuses = statuses;
  status.qosClass = old.qosClass ?? qosClass(pod);
  return status;
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
