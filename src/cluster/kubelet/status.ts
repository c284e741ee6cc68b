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
const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

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

function containerStatus(pod: Pod, c: Container, cr: ContainerRuntime, init: boolean, defaultReason: string, now: number): ContainerStatus {
  const cs: ContainerStatus = {
    name: c.name,
    state: { waiting: { reason: defaultReason } },
    lastState: {},
    ready: false,
    restartCount: restartCount(cr),
    image: c.image,
    imageID: '',
    started: false,
  };
  const run = cr.cur;
  if (run) {
    const img = resolvedImage(run.image ?? c.image);
    cs.image = img.ref;
    cs.imageID = img.id;
    cs.containerID = `containerd://${run.id}`;
    if (cr.prev) cs.lastState = terminated(cr.prev);
    if (run.finishedAt === undefined || cr.pull?.shown) {
      cs.state = { running: { startedAt: rfc3339(run.startedAt) } };
      if (cr.pull?.shown) return { ...cs, ready: cr.pull.shown.ready, started: cr.pull.shown.started };
      const started = cr.probe?.started ?? false;
      cs.started = started;
      cs.ready = started && (cr.probe?.ready ?? false);
    } else {
      cs.state = terminated(run);
      // prober_manager UpdatePodStatus: an init container that exited 0 is ready.
      if (init && run.exitCode === 0) cs.ready = true;
    }
  }
  // A container that will be started again shows its last start error instead (the reasonCache).
  const w = cr.waiting;
  if (w && (w.visibleAt === undefined || w.visibleAt <= now) && (!run || (run.finishedAt !== undefined && shouldRestart(pod, cr, init)))) {
    if (cs.state.terminated) cs.lastState = cs.state;
    cs.state = { waiting: w.message ? { reason: w.reason, message: w.message } : { reason: w.reason } };
  }
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

function condition(type: string, status: 'True' | 'False', reason?: string, message?: string): PodCondition {
  const c: PodCondition = { type, status, lastProbeTime: null };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/** GenerateContainersReadyCondition / GeneratePodReadyCondition (status/generate.go). */
function readyConditions(pod: Pod, statuses: ContainerStatus[], phase: PodPhase): PodCondition[] {
  let c: PodCondition;
  if (phase === 'Succeeded') c = condition('ContainersReady', 'False', 'PodCompleted');
  else if (phase === 'Failed') c = condition('ContainersReady', 'False', 'PodFailed');
  else {
    const unready = pod.spec.containers.filter((spec) => !statuses.find((s) => s.name === spec.name)?.ready).map((s) => s.name);
    c = unready.length
      ? condition('ContainersReady', 'False', 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`)
      : condition('ContainersReady', 'True');
  }
  return [{ ...c, type: 'Ready' }, c];
}

/** GeneratePodInitializedCondition. */
function initializedCondition(init: ContainerStatus[], regular: ContainerStatus[], phase: PodPhase): PodCondition {
  if (phase === 'Succeeded') return condition('Initialized', 'True', 'PodCompleted');
  if (regular.some((s) => s.state.running || s.state.terminated)) return condition('Initialized', 'True');
  const incomplete = init.filter((s) => !(s.state.terminated && s.state.terminated.exitCode === 0)).map((s) => s.name);
  if (incomplete.length) {
    return condition('Initialized', 'False', 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`);
  }
  return condition('Initialized', 'True');
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
  const hasInit = (pod.spec.initContainers ?? []).length > 0;
  const initStatuses = (pod.spec.initContainers ?? []).map((c, i) =>
    containerStatus(pod, c, rt.initContainers[i] ?? { name: c.name, starts: 0 }, true, 'PodInitializing', ctx.now),
  );
  const statuses = pod.spec.containers.map((c, i) =>
    containerStatus(pod, c, rt.containers[i] ?? { name: c.name, starts: 0 }, false, hasInit ? 'PodInitializing' : 'ContainerCreating', ctx.now),
  );
  const allStopped = [...rt.initContainers, ...rt.containers].every((cr) => !isRunning(cr));
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
  const generated = [
    condition('PodReadyToStartContainers', sandboxUp ? 'True' : 'False'),
    initializedCondition(initStatuses, statuses, phase),
    ...readyConditions(pod, statuses, phase),
    condition('PodScheduled', 'True'),
  ];
  const conditions: PodCondition[] = (old.conditions ?? []).filter((c) => !KUBELET_CONDITIONS.includes(c.type));
  for (const c of generated) {
    const prev = (old.conditions ?? []).find((o) => o.type === c.type);
    conditions.push({ ...c, lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime : rfc3339(ctx.now) });
  }

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

/** Structural equality of two JSON values (statuses are plain data). */
export function sameJSON(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!sameJSON((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}
