// `kubectl get pods`: printPod in pkg/printers/internalversion/printers.go (v1.32), step for step.

import type { Container, ContainerStatus, Pod, PodCondition } from '../api/types.js';
import { parseTime } from '../util/time.js';
import { humanDuration } from './duration.js';
import type { Cell, Printer, PrintContext } from './types.js';
import { age, text } from './types.js';

/** podutil.IsRestartableInitContainer: an init container with restartPolicy Always (a sidecar). */
function isSidecar(c: Container | undefined): boolean {
  return (c as { restartPolicy?: string } | undefined)?.restartPolicy === 'Always';
}

function conditionTrue(conditions: PodCondition[] | undefined, type: string): boolean {
  return (conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

/** isPodInitializedConditionTrue: looks at the first Initialized condition only. */
function initializedTrue(conditions: PodCondition[] | undefined): boolean {
  const c = (conditions ?? []).find((x) => x.type === 'Initialized');
  return c?.status === 'True';
}

function lastTerminated(cs: ContainerStatus): number | undefined {
  return parseTime(cs.lastState?.terminated?.finishedAt);
}

export interface PodSummary {
  /** The STATUS column. */
  status: string;
  ready: number;
  total: number;
  restarts: number;
  /** finishedAt of the most recent restart, ms, if any. */
  lastRestart?: number;
}

/** Computes READY, STATUS and RESTARTS exactly as printPod does. */
export function summarizePod(pod: Pod): PodSummary {
  const spec = pod.spec;
  const status = pod.status ?? ({ phase: 'Pending' } as Pod['status']);
  let restarts = 0;
  let sidecarRestarts = 0;
  let total = spec.containers.length;
  let ready = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  const later = (a: number | undefined, b: number | undefined) => (b !== undefined && (a === undefined || a < b) ? b : a);

  const phase = status.phase;
  let reason: string = status.reason ? status.reason : phase;
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initContainers = new Map<string, Container>();
  for (const c of spec.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isSidecar(c)) total++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    restarts += cs.restartCount;
    lastRestart = later(lastRestart, lastTerminated(cs));
    const sidecar = isSidecar(initContainers.get(cs.name));
    if (sidecar) {
      sidecarRestarts += cs.restartCount;
      lastSidecarRestart = later(lastSidecarRestart, lastTerminated(cs));
    }
    const term = cs.state?.terminated;
    const wait = cs.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (sidecar && cs.started === true) {
      if (cs.ready) ready++;
      continue;
    }
    if (term) {
      // initialization has failed
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      else reason = `Init:${term.reason}`;
    } else if (wait && wait.reason && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || initializedTrue(status.conditions)) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // Last to first, so the first container's state wins.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount;
      lastRestart = later(lastRestart, lastTerminated(cs));
      const wait = cs.state?.waiting;
      const term = cs.state?.terminated;
      if (wait && wait.reason) reason = wait.reason;
      else if (term && term.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    // A Completed container next to one still running: the pod is not done.
    if (reason === 'Completed' && hasRunning) {
      reason = conditionTrue(status.conditions, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  return { status: reason, ready, total, restarts, lastRestart };
}

/** RESTARTS: `3`, or `3 (45s ago)` when the last restart time is known (v1.22+). */
export function restartsText(s: PodSummary, now: number): string {
  if (s.restarts !== 0 && s.lastRestart !== undefined) return `${s.restarts} (${humanDuration(now - s.lastRestart)} ago)`;
  return String(s.restarts);
}

function readinessGates(pod: Pod): string {
  const gates = (pod.spec as { readinessGates?: { conditionType: string }[] }).readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  let trueCount = 0;
  for (const g of gates) {
    const c = (pod.status?.conditions ?? []).find((x) => x.type === g.conditionType);
    if (c?.status === 'True') trueCount++;
  }
  return `${trueCount}/${gates.length}`;
}

export const podPrinter: Printer<'Pod'> = {
  kind: 'Pod',
  columns: [
    { name: 'NAME' },
    { name: 'READY' },
    { name: 'STATUS' },
    { name: 'RESTARTS', numeric: true },
    { name: 'AGE', time: true },
    { name: 'IP', wide: true },
    { name: 'NODE', wide: true },
    { name: 'NOMINATED NODE', wide: true },
    { name: 'READINESS GATES', wide: true },
  ],
  row(pod: Pod, ctx: PrintContext): Cell[] {
    const s = summarizePod(pod);
    const ip = pod.status?.podIPs?.[0]?.ip || '<none>';
    return [
      text(pod.metadata.name),
      { text: `${s.ready}/${s.total}`, sort: s.total === 0 ? 0 : s.ready / s.total },
      text(s.status),
      { text: restartsText(s, ctx.now), sort: s.restarts },
      age(pod.metadata.creationTimestamp, ctx.now),
      text(ip),
      text(pod.spec.nodeName || '<none>'),
      text(pod.status?.nominatedNodeName || '<none>'),
      text(readinessGates(pod)),
    ];
  },
};
