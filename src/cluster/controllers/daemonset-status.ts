// DaemonSet status (daemon_controller.go updateDaemonSetStatus) and intstr percentages (GetScaledValueFromIntOrPercent).

import type { DaemonSet, Pod } from '../api/types.js';
import { podReadyCondition, readyLongEnough } from './shared/pods.js';
import { REVISION_LABEL } from './shared/revision.js';

export function intOrPercent(v: number | string, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v.trim());
  if (!m) return Number(v) || 0;
  const x = (parseInt(m[1], 10) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** Failed or Succeeded: a daemon pod the controller deletes and replaces. */
export function isFinishedPod(p: Pod): boolean {
  return p.status.phase === 'Failed' || p.status.phase === 'Succeeded';
}

/** Neither terminating nor finished: the pods updateDaemonSetStatus and the rolling update look at. */
export function isLiveDaemonPod(p: Pod): boolean {
  return !p.metadata.deletionTimestamp && !isFinishedPod(p);
}

/**
 * The counts of updateDaemonSetStatus, summed node by node so that the sync can count a node in the same pass
 * that decides what to do there, and count it again only if it created or deleted a pod on it.
 */
export class DaemonSetCounts {
  desired = 0;
  current = 0;
  misscheduled = 0;
  ready = 0;
  available = 0;
  updated = 0;

  constructor(
    private readonly hash: string,
    private readonly minReadySeconds: number,
    private readonly now: number,
  ) {}

  /**
   * Adds (sign 1) or takes back (sign -1) what one node counts besides desiredNumberScheduled. `live` are its
   * daemon pods that are neither terminating nor finished, in the order they were claimed (one pod or several).
   */
  addNode(shouldRun: boolean, live: Pod | readonly Pod[] | undefined, sign: 1 | -1): void {
    if (live === undefined) return;
    let oldest: Pod;
    let updated: boolean;
    if (!Array.isArray(live)) {
      oldest = live as Pod;
      updated = oldest.metadata.labels?.[REVISION_LABEL] === this.hash;
    } else {
      if (live.length === 0) return;
      // The oldest pod speaks for the node (a stable sort by creationTimestamp: the first claimed wins a tie).
      oldest = live[0];
      let t = Date.parse(oldest.metadata.creationTimestamp);
      updated = false;
      for (const p of live) {
        const tp = Date.parse(p.metadata.creationTimestamp);
        if (tp < t) {
          oldest = p;
          t = tp;
        }
        if (p.metadata.labels?.[REVISION_LABEL] === this.hash) updated = true;
      }
    }
    if (!shouldRun) {
      this.misscheduled += sign;
      return;
    }
    this.current += sign;
    const c = podReadyCondition(oldest);
    if (c?.status === 'True') {
      this.ready += sign;
      if (readyLongEnough(c, this.minReadySeconds, this.now)) this.available += sign;
    }
    if (updated) this.updated += sign;
  }

  status(ds: DaemonSet): DaemonSet['status'] {
    const { desired, available } = this;
    return {
      currentNumberScheduled: this.current,
      numberMisscheduled: this.misscheduled,
      desiredNumberScheduled: desired,
      numberReady: this.ready,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: this.updated,
      numberAvailable: available,
      ...(desired - available > 0 ? { numberUnavailable: desired - available } : {}),
    };
  }
}
