// Probe workers (pkg/kubelet/prober/worker.go, prober_manager.go); running one probe is prober.ts.
//
// One worker per (container, probe type), created when the pod is admitted and kept across container
// restarts: after a random first delay within one period it probes every periodSeconds (worker.go run(): the
// ticker is never reset, which is why a liveness-killed container is restarted every failureThreshold × period,
// 30 s by default, as the notes' `kubectl get pods --watch` shows). The random first delay is what kubelets
// before v1.21 always did and v1.32 does after a kubelet restart; the notes' timelines show it. A readiness
// probe also runs at once when the container has started (UpdatePodStatus' manual trigger).
//
// A probe's answer is a pure function of the program, the time and the request count, so instead of a timer
// per period the kubelet asks `nextProbeStep` for the next instant whose outcome is visible (a failure — every
// one is an `Unhealthy` event —, the container starting or turning ready/unready, a kill) and sleeps until then.
// Successful probes change nothing visible and are replayed, not stored (the issue "150,000 pods faster than
// real time"); stretches where nothing can change are skipped arithmetically.

import type { Container, Probe } from '../api/types.js';
import type { ContainerProgram, ContainerRequest } from './program.js';
import { type ProbeOutcome, resolvePort, runProbe } from './prober.js';
import { cloneState, initialProbeState, newWorker, storedState, workerOf } from './probe-state.js';
import type { ProbeState, ProbeType, Run } from './runtime.js';

export { initialProbeState } from './probe-state.js';

const SLOTS: ProbeType[] = ['liveness', 'readiness', 'startup'];
/** Slot of the readiness probe run right after the container started (prober_manager.go manualTriggerCh). */
const TRIGGER_SLOT = 3;
/** Instants examined per call before returning a checkpoint (a healthy stretch the skip could not prove). */
const SCAN_BUDGET = 4000;
/** A request number far beyond any run's, to see whether answers depend on the request count (kubia-unhealthy). */
const FAR_REQUEST = 1_000_000_000;

export interface ProbeSpec {
  type: ProbeType;
  slot: number;
  probe: Probe;
  delaySeconds: number;
  periodMs: number;
  timeoutMs: number;
  success: number;
  failure: number;
}

/** probeSpecs per container object: a stored pod's containers are frozen, and shared by the pods of a template. */
const specsOf = new WeakMap<Container, ProbeSpec[]>();

/** The container's probes with the API defaults (pkg/apis/core/v1/defaults.go SetDefaults_Probe). Not to be changed. */
export function probeSpecs(c: Container): ProbeSpec[] {
  let specs = specsOf.get(c);
  if (!specs) {
    specs = makeProbeSpecs(c);
    if (Object.isFrozen(c)) specsOf.set(c, specs);
  }
  return specs;
}

function makeProbeSpecs(c: Container): ProbeSpec[] {
  const out: ProbeSpec[] = [];
  const probes: Record<ProbeType, Probe | undefined> = { liveness: c.livenessProbe, readiness: c.readinessProbe, startup: c.startupProbe };
  SLOTS.forEach((type, slot) => {
    const probe = probes[type];
    if (!probe) return;
    out.push({
      type,
      slot,
      probe,
      delaySeconds: probe.initialDelaySeconds ?? 0,
      periodMs: Math.max(1, probe.periodSeconds ?? 10) * 1000,
      timeoutMs: Math.max(1, probe.timeoutSeconds ?? 1) * 1000,
      success: type === 'readiness' ? Math.max(1, probe.successThreshold ?? 1) : 1,
      failure: Math.max(1, probe.failureThreshold ?? 3),
    });
  });
  return out;
}

/** Each worker's first delay, a random part of its period (worker.go run()). */
export function drawProbeDelays(c: Container, random: () => number): Partial<Record<ProbeType, number>> | undefined {
  const specs = probeSpecs(c);
  if (specs.length === 0) return undefined;
  // Drawn in the specs' order (liveness, readiness, startup) into named variables: a store under a computed key
  // (`out[s.type] = …`) went through V8's generic keyed store: 0.28 s of a 30,000-pod converge's profile.
  let liveness: number | undefined;
  let readiness: number | undefined;
  let startup: number | undefined;
  for (const s of specs) {
    const delay = Math.floor(random() * s.periodMs);
    if (s.type === 'liveness') liveness = delay;
    else if (s.type === 'readiness') readiness = delay;
    else startup = delay;
  }
  // Kept by every pod with probes: as a literal of the fields it has (an object grown from `{}` has room for 4).
  if (specs.length === 2 && liveness !== undefined && readiness !== undefined) return { liveness, readiness };
  if (specs.length === 1 && liveness !== undefined) return { liveness };
  if (specs.length === 1 && readiness !== undefined) return { readiness };
  const out: Partial<Record<ProbeType, number>> = {};
  if (liveness !== undefined) out.liveness = liveness;
  if (readiness !== undefined) out.readiness = readiness;
  if (startup !== undefined) out.startup = startup;
  return out;
}

/** Everything a probe of one run depends on. */
export interface ProbeEnv {
  container: Container;
  specs: ProbeSpec[];
  program: ContainerProgram;
  podIP: string;
  /** The address probes come from (the node's bridge on the pod network), for request logs. */
  from: string;
  /** When the workers started (pod admission); each ticks from there after its own first delay. */
  anchor: number;
  delays: Partial<Record<ProbeType, number>>;
  run: Run;
  /** No probe at or after this time (the process exited, or a kill was decided). */
  endAt: number;
}

/** A probe instant: a time, and the slot that orders instants at the same time. */
interface Instant {
  t: number;
  slot: number;
}

/** The worker's first delay (by name: a load by computed key goes through V8's generic keyed load). */
function delayOf(delays: ProbeEnv['delays'], type: ProbeType): number | undefined {
  return type === 'liveness' ? delays.liveness : type === 'readiness' ? delays.readiness : delays.startup;
}

/**
 * The next probe instant after the cursor (through, slot), ordered by time then slot, written into `next`; false
 * when there is none. Into the caller's object, and without a closure: a scan looks at several instants per step,
 * and each made a closure and an object per candidate.
 */
function nextInstant(env: ProbeEnv, st: ProbeState, next: Instant): boolean {
  let found = false;
  let bestT = 0;
  let bestSlot = 0;
  let readiness = false;
  const from = Math.max(st.through, env.run.startedAt);
  for (const s of env.specs) {
    if (s.type === 'readiness') readiness = true;
    const first = env.anchor + (delayOf(env.delays, s.type) ?? 0);
    let t = first + Math.max(0, Math.ceil((from - first) / s.periodMs)) * s.periodMs;
    if (t === st.through && s.slot <= st.slot) t += s.periodMs;
    if (after(st, t, s.slot) && (!found || t < bestT || (t === bestT && s.slot < bestSlot))) {
      found = true;
      bestT = t;
      bestSlot = s.slot;
    }
  }
  const trigger = st.startedAt;
  if (trigger !== undefined && readiness && after(st, trigger, TRIGGER_SLOT)
    && (!found || trigger < bestT || (trigger === bestT && TRIGGER_SLOT < bestSlot))) {
    found = true;
    bestT = trigger;
    bestSlot = TRIGGER_SLOT;
  }
  next.t = bestT;
  next.slot = bestSlot;
  return found;
}

/** Is the instant (t, slot) after the cursor? */
function after(st: ProbeState, t: number, slot: number): boolean {
  return !(t < st.through || (t === st.through && slot <= st.slot));
}

/** The spec of a probe slot. */
function specOf(specs: ProbeSpec[], slot: number): ProbeSpec {
  for (const s of specs) if (s.slot === slot) return s;
  throw new Error(`no probe in slot ${slot}`);
}

/** What one probe instant did. */
export interface ProbeStep {
  at: number;
  /** The probe state after this instant. */
  state: ProbeState;
  type?: ProbeType;
  unhealthy?: string;
  kill?: 'liveness' | 'startup';
  /** Nothing visible happened: the scan budget ran out; store the state to go on from here later. */
  checkpoint?: boolean;
}

/** Applies one probe instant to `st` (mutating it); returns what is visible, or undefined for a silent one. */
function applyInstant(env: ProbeEnv, st: ProbeState, t: number, slot: number, onRequest?: (r: ContainerRequest) => void): ProbeStep | undefined {
  st.through = t;
  st.slot = slot;
  const s = specOf(env.specs, slot === TRIGGER_SLOT ? 1 : slot);
  // worker.go doProbe: nothing before initialDelaySeconds (whole seconds since startedAt, truncated) …
  if (Math.floor((t - env.run.startedAt) / 1000) < s.delaySeconds) return undefined;
  // … startup stops once started; liveness and readiness wait for it.
  if (s.type === 'startup' ? st.started : !st.started) return undefined;
  const r = runProbe(env, s, st.requests, t);
  if (r.request) {
    st.requests++;
    onRequest?.(r.request);
  }
  const result = r.ok ? 'Success' : 'Failure';
  const w = workerOf(st.workers, s.type) ?? newWorker(st.workers, s.type);
  if (w.last === result) w.run = Math.min(w.run + 1, 1_000_000);
  else {
    w.last = result;
    w.run = 1;
  }
  // The step is made only for a visible instant (most are silent successes).
  if (s.type === 'readiness') {
    if (r.ok && w.run >= s.success && !st.ready) st.ready = true;
    else if (!r.ok && w.run >= s.failure && st.ready) st.ready = false;
    else if (r.ok) return undefined;
    return visibleStep(t, st, s.type, r);
  }
  if (r.ok) {
    if (s.type !== 'startup') return undefined;
    st.started = true;
    st.startedAt = t;
    return visibleStep(t, st, s.type, r);
  }
  const step = visibleStep(t, st, s.type, r);
  if (w.run >= s.failure) {
    // worker.go: a published liveness/startup failure puts the worker on hold until a new container.
    w.run = 0;
    step.kill = s.type === 'startup' ? 'startup' : 'liveness';
  }
  return step;
}

function visibleStep(t: number, st: ProbeState, type: ProbeType, r: ProbeOutcome): ProbeStep {
  const step: ProbeStep = { at: t, state: st, type };
  if (!r.ok) step.unhealthy = r.message;
  return step;
}

/** True when no probe outcome can change after the cursor, so scanning may stop. */
function settled(env: ProbeEnv, st: ProbeState): boolean {
  if (!st.started) return false;
  for (const s of env.specs) {
    if (s.type === 'startup') continue;
    if (workerOf(st.workers, s.type)?.last !== 'Success') return false;
    if (s.type === 'readiness' && !st.ready) return false;
  }
  return true;
}

/** Do the HTTP probes still succeed for a far later request number? (answers that change with the count) */
function countIndependent(env: ProbeEnv, rel: number): boolean {
  for (const s of env.specs) {
    if (s.type === 'startup' || !s.probe.httpGet) continue;
    const port = resolvePort(s.probe.httpGet.port, env.container);
    if (typeof port !== 'number') return false;
    const a = env.program.http(port, s.probe.httpGet.path ?? '/', rel, FAR_REQUEST);
    if ('error' in a || a.status < 200 || a.status >= 400) return false;
  }
  return true;
}

/** HTTP requests the settled probes make in [from, to) — for skipping a stretch without visiting it. */
function requestsBetween(env: ProbeEnv, from: number, to: number): number {
  let n = 0;
  for (const s of env.specs) {
    if (s.type === 'startup' || !s.probe.httpGet) continue;
    const anchor = env.anchor + (delayOf(env.delays, s.type) ?? 0);
    const first = Math.max(0, Math.ceil((from - anchor) / s.periodMs));
    const last = Math.ceil((to - anchor) / s.periodMs) - 1;
    if (last >= first) n += last - first + 1;
  }
  return n;
}

/**
 * The next visible probe step after `st`, no later than `until`; undefined when none comes before then (or ever:
 * the run's end, or a settled container whose program never changes). Does not modify `st`.
 */
export function nextProbeStep(env: ProbeEnv, st: ProbeState, until: number): ProbeStep | undefined {
  const cur = cloneState(st);
  const next: Instant = { t: 0, slot: 0 };
  for (let i = 0; i < SCAN_BUDGET; i++) {
    if (!nextInstant(env, cur, next) || next.t >= env.endAt || next.t > until) return undefined;
    const step = applyInstant(env, cur, next.t, next.slot);
    if (step) {
      step.state = storedState(cur);
      return step;
    }
    if (!settled(env, cur)) continue;
    const rel = cur.through - env.run.startedAt;
    if (!countIndependent(env, rel)) continue;
    const change = env.program.nextChangeAfter(rel);
    if (change === undefined) return undefined;
    // Nothing can change before the program does: jump to just before it, counting the requests skipped.
    const to = Math.min(env.run.startedAt + change, env.endAt, until + 1);
    if (to - 1 > cur.through) {
      cur.requests += requestsBetween(env, cur.through + 1, to);
      cur.through = to - 1;
      cur.slot = TRIGGER_SLOT;
    }
  }
  return { at: cur.through, state: storedState(cur), checkpoint: true };
}

/** Every HTTP request the probes made to a run from its start up to `until` (for its logs). */
export function probeRequests(env: ProbeEnv, until: number): ContainerRequest[] {
  const st = cloneState(initialProbeState(env.container, env.run.startedAt));
  const out: ContainerRequest[] = [];
  const end = Math.min(env.endAt, until + 1);
  const next: Instant = { t: 0, slot: 0 };
  while (nextInstant(env, st, next) && next.t < end) {
    const step = applyInstant(env, st, next.t, next.slot, (r) => out.push(r));
    if (step?.kill) break;
  }
  return out;
}
