// The pod conditions the kubelet writes (pkg/kubelet/status/generate.go, in the order generateAPIPodStatus
// appends them) with status_manager.go updateLastTransitionTime: a condition keeps its lastTransitionTime while
// its status stays the same.
//
// They are shared between pods (status-share.ts says why): a condition is one frozen object per shape — type,
// status, reason, message — and lastTransitionTime, and a list of the kubelet's five conditions one frozen
// array per five conditions. Each shared list remembers the shapes of its conditions, so that a sync that finds
// the same shapes again keeps the stored list without looking anything up.

import type { ContainerStatus, Pod, PodCondition, PodPhase } from '../api/types.js';
import { rfc3339 } from '../util/time.js';
import { Recent } from './recent.js';

/** What a kubelet condition says, without its time: each has the conditions it made, by lastTransitionTime. */
interface ConditionShape {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
  /** For a message listing containers: the list, and the shapes of that kind. */
  names?: string;
  kind?: ShapesByNames;
  byTime: Recent<string | undefined, PodCondition>;
}

const CONDITION_TIMES = 256;

function shape(type: string, status: 'True' | 'False', reason?: string, message?: string): ConditionShape {
  return { type, status, reason, message, names: undefined, kind: undefined, byTime: new Recent(CONDITION_TIMES) };
}

/** Shapes whose message lists containers (not ready, not initialized), by the list. */
class ShapesByNames {
  private readonly shapes = new Recent<string, ConditionShape>(1024);
  constructor(private readonly type: string, private readonly reason: string, private readonly text: string) {}

  /** The shape for `names`: `hint` when it is that shape already (the pod's stored one). */
  get(names: string, hint: ConditionShape | undefined): ConditionShape {
    if (hint && hint.kind === this && hint.names === names) return hint;
    const known = this.shapes.get(names);
    if (known) return known;
    const s = shape(this.type, 'False', this.reason, `${this.text}: [${names}]`);
    s.names = names;
    s.kind = this;
    return this.shapes.set(names, s);
  }
}

/** Conditions the kubelet owns (pkg/kubelet/types PodConditionsByKubelet). */
const KUBELET_CONDITIONS = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);

const SANDBOX_READY = shape('PodReadyToStartContainers', 'True');
const SANDBOX_NOT_READY = shape('PodReadyToStartContainers', 'False');
const INITIALIZED = shape('Initialized', 'True');
const INITIALIZED_COMPLETED = shape('Initialized', 'True', 'PodCompleted');
const NOT_INITIALIZED = new ShapesByNames('Initialized', 'ContainersNotInitialized', 'containers with incomplete status');
const READY = shape('Ready', 'True');
const READY_COMPLETED = shape('Ready', 'False', 'PodCompleted');
const READY_FAILED = shape('Ready', 'False', 'PodFailed');
const NOT_READY = new ShapesByNames('Ready', 'ContainersNotReady', 'containers with unready status');
const CONTAINERS_READY = shape('ContainersReady', 'True');
const CONTAINERS_READY_COMPLETED = shape('ContainersReady', 'False', 'PodCompleted');
const CONTAINERS_READY_FAILED = shape('ContainersReady', 'False', 'PodFailed');
const CONTAINERS_NOT_READY = new ShapesByNames('ContainersReady', 'ContainersNotReady', 'containers with unready status');
const SCHEDULED = shape('PodScheduled', 'True');

/** The condition of `s` at `lastTransitionTime`, one object for every pod (the kubelet's field order). */
function condition(s: ConditionShape, lastTransitionTime: string | undefined): PodCondition {
  const known = s.byTime.get(lastTransitionTime);
  if (known) return known;
  const { type, status, reason, message } = s;
  let c: PodCondition;
  if (!reason) {
    c = message
      ? { type, status, lastProbeTime: null, message, lastTransitionTime }
      : { type, status, lastProbeTime: null, lastTransitionTime };
  } else {
    c = message
      ? { type, status, lastProbeTime: null, reason, message, lastTransitionTime }
      : { type, status, lastProbeTime: null, reason, lastTransitionTime };
  }
  return s.byTime.set(lastTransitionTime, Object.freeze(c));
}

/** The condition of `s` now: lastTransitionTime is the pod's condition's of that type when the status is the same,
 * else now. */
function make(old: PodCondition[], s: ConditionShape, now: number): PodCondition {
  let prev: PodCondition | undefined;
  for (const o of old) {
    if (o.type === s.type) {
      prev = o;
      break;
    }
  }
  return condition(s, prev && prev.status === s.status ? prev.lastTransitionTime : rfc3339(now));
}

/** GeneratePodInitializedCondition. */
function initializedShape(init: ContainerStatus[], regular: ContainerStatus[], phase: PodPhase, hint: ConditionShape | undefined): ConditionShape {
  if (phase === 'Succeeded') return INITIALIZED_COMPLETED;
  for (const s of regular) if (s.state.running || s.state.terminated) return INITIALIZED;
  const incomplete: string[] = [];
  for (const s of init) if (!(s.state.terminated && s.state.terminated.exitCode === 0)) incomplete.push(s.name);
  return incomplete.length ? NOT_INITIALIZED.get(incomplete.join(' '), hint) : INITIALIZED;
}

/** The containers of the spec whose status is not ready (GeneratePodReadyCondition's message), or undefined. */
function unready(pod: Pod, statuses: ContainerStatus[]): string | undefined {
  // Joined as found, not collected and joined: most pods have one container, whose name is then the answer.
  let names: string | undefined;
  for (const spec of pod.spec.containers) {
    let ready = false;
    for (const s of statuses) {
      if (s.name === spec.name) {
        ready = s.ready;
        break;
      }
    }
    if (!ready) names = names === undefined ? spec.name : `${names} ${spec.name}`;
  }
  return names;
}

/** Shared lists of the kubelet's conditions: a trie keyed by the conditions, in order. */
interface ListNode {
  next?: Map<PodCondition, ListNode>;
  list?: PodCondition[];
}
let lists: ListNode = {};
let listCount = 0;
const LISTS = 8192;
/** The shapes of each shared list's conditions. */
const listShapes = new WeakMap<PodCondition[], ConditionShape[]>();

/** The one list of these (shared) conditions, in this order. */
function conditionList(conditions: PodCondition[], shapes: ConditionShape[]): PodCondition[] {
  if (listCount >= LISTS) {
    lists = {};
    listCount = 0;
  }
  let node = lists;
  for (const c of conditions) {
    const next = (node.next ??= new Map());
    let n = next.get(c);
    if (!n) next.set(c, (n = {}));
    node = n;
  }
  if (!node.list) {
    listCount++;
    node.list = Object.freeze(conditions.slice()) as PodCondition[]; // sized exactly (`conditions` grew by push)
    listShapes.set(node.list, shapes);
  }
  return node.list;
}

/**
 * status.conditions: the pod's conditions the kubelet does not own, then PodReadyToStartContainers, Initialized,
 * Ready, ContainersReady (GeneratePodReadyCondition / GenerateContainersReadyCondition) and PodScheduled. The
 * stored list when nothing changed; else a shared list when the kubelet's are all there is.
 */
export function podConditions(
  pod: Pod, old: PodCondition[], init: ContainerStatus[], regular: ContainerStatus[], phase: PodPhase, sandboxUp: boolean, now: number,
): PodCondition[] {
  const had = listShapes.get(old);
  let ready: ConditionShape;
  let containersReady: ConditionShape;
  if (phase === 'Succeeded') {
    ready = READY_COMPLETED;
    containersReady = CONTAINERS_READY_COMPLETED;
  } else if (phase === 'Failed') {
    ready = READY_FAILED;
    containersReady = CONTAINERS_READY_FAILED;
  } else {
    const names = unready(pod, regular);
    ready = names === undefined ? READY : NOT_READY.get(names, had?.[2]);
    containersReady = names === undefined ? CONTAINERS_READY : CONTAINERS_NOT_READY.get(names, had?.[3]);
  }
  const sandbox = sandboxUp ? SANDBOX_READY : SANDBOX_NOT_READY;
  const initialized = initializedShape(init, regular, phase, had?.[1]);
  // The same shapes as the shared list's: it is the list (known before the lists below are made).
  if (had && had[0] === sandbox && had[1] === initialized && had[2] === ready && had[3] === containersReady && had[4] === SCHEDULED) return old;
  const shapes = [sandbox, initialized, ready, containersReady, SCHEDULED];
  if (had) {
    // A shared list: its conditions whose shape is the same are the conditions to keep (the same status keeps
    // the time, and a shared condition is the one of its shape and time).
    let same = 0;
    const out: PodCondition[] = [];
    for (let i = 0; i < shapes.length; i++) {
      if (had[i] === shapes[i]) {
        same++;
        out.push(old[i]);
      } else out.push(make(old, shapes[i], now));
    }
    return same === shapes.length ? old : conditionList(out, shapes);
  }
  const out: PodCondition[] = [];
  for (const c of old) if (!KUBELET_CONDITIONS.has(c.type)) out.push(c);
  const foreign = out.length > 0;
  for (const s of shapes) out.push(make(old, s, now));
  if (old.length === out.length) {
    let same = true;
    for (let i = 0; i < out.length && same; i++) same = old[i] === out[i];
    if (same) return old;
  }
  // The pod's own list (sized exactly: `out` grew by push) when it has conditions the kubelet does not own.
  return foreign ? out.slice() : conditionList(out, shapes);
}
