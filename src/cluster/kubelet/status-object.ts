// The PodStatus object the kubelet writes, and the Pod that carries it, made from their parts (status.ts).
//
// Both keep the field order of the object they replace, as `{ ...old, phase, conditions }` then assignments
// would: the old fields in their order, then new ones in the order the kubelet sets them (the order shows in
// `-o json` and in every stored copy). Spreading a stored object is slow, though: stored objects are frozen, and
// V8 copies a frozen object field by field through its runtime (~10× a plain copy). Nearly every status the
// kubelet replaces has one of two field orders (before and after the pod got its address), and nearly every Pod
// one, so those are made as object literals; anything else is spread as before.

import type { ContainerStatus, Pod, PodCondition, PodPhase, PodStatus } from '../api/types.js';

/** What the kubelet sets in a status (generatePodStatus), in the order it sets them. */
export interface StatusParts {
  phase: PodPhase;
  conditions: PodCondition[];
  /** activeDeadlineSeconds passed: reason DeadlineExceeded and its message. */
  deadlineExceeded: boolean;
  hostIP?: string;
  hostIPs?: { ip: string }[];
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime: string;
  initContainerStatuses?: ContainerStatus[];
  containerStatuses: ContainerStatus[];
  qosClass: string;
}

const DEADLINE_REASON = 'DeadlineExceeded';
const DEADLINE_MESSAGE = 'Pod was active on the node longer than the specified deadline';

/** The field order of a status written after the pod got its address (and, first 7, before). */
const LAYOUT = ['phase', 'qosClass', 'conditions', 'hostIP', 'hostIPs', 'startTime', 'containerStatuses', 'podIP', 'podIPs'];

/** n when `old`'s fields are the first n of LAYOUT, in order; else -1. */
function layoutPrefix(old: PodStatus): number {
  let n = 0;
  for (const k in old) if (k !== LAYOUT[n++]) return -1;
  return n;
}

/** Every part is the stored one: `{ ...old, …parts }` would be `old` again. */
function unchanged(old: PodStatus, p: StatusParts): boolean {
  return old.phase === p.phase && old.conditions === p.conditions && old.startTime === p.startTime
    && old.containerStatuses === p.containerStatuses && old.qosClass === p.qosClass
    && (!p.deadlineExceeded || (old.reason === DEADLINE_REASON && old.message === DEADLINE_MESSAGE))
    && (p.hostIP === undefined || (old.hostIP === p.hostIP && (old as { hostIPs?: unknown }).hostIPs === p.hostIPs))
    && (p.podIP === undefined || (old.podIP === p.podIP && old.podIPs === p.podIPs))
    && (p.initContainerStatuses === undefined || old.initContainerStatuses === p.initContainerStatuses);
}

type Status = PodStatus & { hostIPs?: { ip: string }[] };

/** The status with `parts` set over `old` (the pod's status; undefined: none yet). */
export function podStatus(old: PodStatus | undefined, p: StatusParts): PodStatus {
  if (old && unchanged(old, p)) return old;
  if (old && !p.deadlineExceeded && p.hostIP !== undefined && p.initContainerStatuses === undefined) {
    const n = layoutPrefix(old);
    const withIP = p.podIP !== undefined;
    // Fields old lacks are added in the kubelet's order: hostIP, hostIPs, [podIP, podIPs], startTime,
    // containerStatuses. That continues LAYOUT after 2 or 3 fields only when there is no podIP yet.
    if (n === 9 || (n === 7 && withIP)) {
      const o = old as Status;
      return {
        phase: p.phase, qosClass: p.qosClass, conditions: p.conditions, hostIP: p.hostIP, hostIPs: p.hostIPs, startTime: p.startTime,
        containerStatuses: p.containerStatuses, podIP: withIP ? p.podIP : o.podIP, podIPs: withIP ? p.podIPs : o.podIPs,
      } as Status;
    }
    if ((n === 7 || n === 2 || n === 3) && !withIP) {
      return {
        phase: p.phase, qosClass: p.qosClass, conditions: p.conditions, hostIP: p.hostIP, hostIPs: p.hostIPs, startTime: p.startTime,
        containerStatuses: p.containerStatuses,
      } as Status;
    }
  }
  const status: Status = { ...(old ?? { phase: 'Pending' }), phase: p.phase, conditions: p.conditions };
  if (p.deadlineExceeded) {
    status.reason = DEADLINE_REASON;
    status.message = DEADLINE_MESSAGE;
  }
  if (p.hostIP !== undefined) {
    status.hostIP = p.hostIP;
    status.hostIPs = p.hostIPs;
  }
  if (p.podIP !== undefined) {
    status.podIP = p.podIP;
    status.podIPs = p.podIPs;
  }
  status.startTime = p.startTime;
  if (p.initContainerStatuses) status.initContainerStatuses = p.initContainerStatuses;
  status.containerStatuses = p.containerStatuses;
  status.qosClass = p.qosClass;
  return status;
}

const POD_LAYOUT = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];

/** `{ ...pod, status }`. */
export function withStatus(pod: Pod, status: PodStatus): Pod {
  let n = 0;
  let fits = true;
  for (const k in pod) if (k !== POD_LAYOUT[n++]) fits = false;
  if (fits && n === POD_LAYOUT.length) return { apiVersion: pod.apiVersion, kind: pod.kind, metadata: pod.metadata, spec: pod.spec, status };
  return { ...pod, status };
}
