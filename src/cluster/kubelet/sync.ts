// One pod sync (pkg/kubelet/kubelet.go SyncPod / SyncTerminatingPod, pod_workers.go): brings the pod's runtime
// record up to `now` by applying, in time order, every change that has come due since the last sync — the
// sandbox, container starts, exits, probe steps, pulls, retries, the active deadline, deletion — and says when
// the next change is due. Changes carry their own times, so the result does not depend on when the kubelet
// was woken, only on what happened.

import type { Pod } from '../api/types.js';
import { type NodeRuntime, podIP } from '../nodes/node.js';
import type { Tx } from '../tx.js';
import { parseTime } from '../util/time.js';
import type { Change, SyncCtx } from './containers.js';
import { containerChange } from './changes.js';
import { POD_WORKER_BACKOFF_MS, killContainer, slots, startPending } from './containers.js';
import { drawProbeDelays } from './probes.js';
import { NameMessages, containerEvent, podEvent } from './recorder.js';
import type { ContainerRuntime, PodRuntime } from './runtime.js';
import { endedRun, isRunning } from './runtime.js';
import { SANDBOX_MS, allocatePodIP } from './sandbox.js';
import { shouldRestart } from './status.js';
import { podGraceSeconds } from './termination.js';

/** Bound on changes applied in one sync (a sync normally applies one to three). */
const MAX_CHANGES = 10_000;

export interface SyncResult {
  /** The pod has stopped and may be removed from the API (all containers gone, deletion requested). */
  remove: boolean;
  /** When the next change is due, if any. */
  wakeAt?: number;
}

function stopped(cr: ContainerRuntime): boolean {
  return !isRunning(cr) && !cr.pull;
}

/**
 * The machine was powered off and on since the last sync: every process died with it. containerd, starting
 * again, reports them exited (reason Unknown, exit 255) as of its own start; the new kubelet remembers no
 * back-off, starts new probe workers and a new sandbox, and restarts what the restart policy says.
 */
function powerCycle(ctx: SyncCtx, boot: number): void {
  const { rt } = ctx;
  for (const s of slots(ctx)) {
    const run = s.cr.cur;
    if (run && run.finishedAt === undefined) s.cr.cur = endedRun(run, boot, 255, 'Unknown');
    // Emptied, not deleted: the sync's working copy keeps one layout (runtime-copy.ts).
    Object.assign(s.cr, {
      kill: undefined, probe: undefined, pull: undefined, backoff: undefined, imageBackoff: undefined, retryAt: undefined,
      waiting: undefined, probeDelays: undefined,
    });
  }
  rt.boot = boot;
  rt.admittedAt = boot;
  rt.sandboxAt = undefined;
}

/** The pod's own changes: sandbox, deletion, active deadline, final removal. */
function podChanges(ctx: SyncCtx, nr: NodeRuntime, now: number, out: { remove: boolean }): Change[] {
  const { pod, rt, tx } = ctx;
  const changes: Change[] = [];
  const all = slots(ctx);
  if (rt.sandboxAt === undefined && !rt.stopping && !rt.deadlineExceeded) {
    const at = Math.max(rt.admittedAt + SANDBOX_MS, rt.sandboxRetryAt ?? 0);
    changes.push({
      at,
      apply: () => {
        rt.podIP ??= allocatePodIP(tx, ctx, `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`);
        if (rt.podIP) {
          rt.sandboxAt = at;
          rt.sandboxRetryAt = undefined;
          return;
        }
        podEvent(tx, pod, ctx.node, 'Warning', 'FailedCreatePodSandBox',
          `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox: plugin type="bridge" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${podIP(nr.cidrIndex, 1)}-${podIP(nr.cidrIndex, 254)}`);
        rt.sandboxRetryAt = at + POD_WORKER_BACKOFF_MS;
      },
    });
  }
  const grace = pod.metadata.deletionGracePeriodSeconds ?? podGraceSeconds(pod);
  // A deletion, or a second one with a shorter grace period (kill containers again with it).
  if (pod.metadata.deletionTimestamp && (rt.stopping?.cause !== 'delete' || grace < (rt.stopping.grace ?? Infinity))) {
    changes.push({
      at: Math.max(now, rt.admittedAt),
      apply: () => {
        const t = Math.max(now, rt.admittedAt);
        rt.stopping = { at: rt.stopping?.cause === 'delete' ? rt.stopping.at : t, cause: 'delete', grace };
        stopAll(ctx, t, grace);
      },
    });
  }
  const deadline = pod.spec.activeDeadlineSeconds;
  // `done` last: it asks every container, and most pods have no deadline.
  if (deadline !== undefined && !rt.deadlineExceeded && !rt.stopping && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed'
    && !rt.containers.every((cr) => cr.cur?.finishedAt !== undefined && !shouldRestart(pod, cr, false))) {
    const start = parseTime(pod.status?.startTime) ?? rt.admittedAt;
    const at = Math.max(start + deadline * 1000, rt.admittedAt);
    changes.push({
      at,
      apply: () => {
        // pkg/kubelet/active_deadline.go: the pod is evicted with this reason; its containers are killed.
        rt.deadlineExceeded = true;
        podEvent(tx, pod, ctx.node, 'Normal', 'DeadlineExceeded', 'Pod was active on the node longer than the specified deadline');
        if (!rt.stopping) rt.stopping = { at, cause: 'deadline' };
        stopAll(ctx, at, podGraceSeconds(pod));
      },
    });
  }
  if (pod.metadata.deletionTimestamp && rt.stopping && all.every((s) => stopped(s.cr))) {
    changes.push({ at: Math.max(now, rt.stopping.at), apply: () => void (out.remove = true) });
  }
  return changes;
}

const STOPPING = new NameMessages((name) => `Stopping container ${name}`);

/** Kills every running container (event `Killing`, `Stopping container x`); nothing will start again. */
function stopAll(ctx: SyncCtx, t: number, graceSeconds: number): void {
  for (const s of slots(ctx)) {
    s.cr.pull = undefined;
    s.cr.retryAt = undefined;
    s.cr.done = true;
    if (!isRunning(s.cr)) continue;
    if (!s.cr.kill) containerEvent(ctx.tx, ctx.pod, ctx.node, s.field, 'Normal', 'Killing', STOPPING.of(s.c.name));
    killContainer(ctx, s, t, graceSeconds, 'pod');
  }
}

function allChanges(ctx: SyncCtx, nr: NodeRuntime, now: number, out: { remove: boolean }): Change[] {
  const changes = podChanges(ctx, nr, now, out);
  for (const s of slots(ctx)) {
    const c = containerChange(ctx, s);
    if (c) changes.push(c);
  }
  return changes;
}

function earliest(changes: Change[]): Change | undefined {
  let best: Change | undefined;
  for (const c of changes) if (!best || c.at < best.at) best = c;
  return best;
}

/** Applies every change due up to `now` to `rt` (the sync's working copy, runtime-copy.ts). */
export function syncPodRuntime(tx: Tx, pod: Pod, node: string, nr: NodeRuntime, from: string, rt: PodRuntime): SyncResult {
  const now = tx.now;
  const ctx: SyncCtx = { tx, pod, node, nr, rt, from, now, slots: undefined };
  const out = { remove: false };
  if (rt.boot !== nr.lastHeartbeat) powerCycle(ctx, nr.lastHeartbeat);
  // New probe workers (at admission, and after a kubelet restart) start after a random part of their period.
  for (const s of slots(ctx)) if (!s.init && !s.cr.probeDelays) s.cr.probeDelays = drawProbeDelays(s.c, () => tx.random());
  // The changes are found again after each one applied (it may have changed what the others are), and once
  // more at the end only if starting what was pending at `now` changed anything.
  let changes = allChanges(ctx, nr, now, out);
  for (let i = 0; i < MAX_CHANGES; i++) {
    const next = earliest(changes);
    if (!next || next.at > now) break;
    next.apply();
    if (out.remove) return { remove: true };
    startPending(ctx, next.at);
    changes = allChanges(ctx, nr, now, out);
  }
  if (startPending(ctx, now)) changes = allChanges(ctx, nr, now, out);
  return { remove: false, wakeAt: earliest(changes)?.at };
}
