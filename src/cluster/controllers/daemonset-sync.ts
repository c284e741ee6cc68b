// One DaemonSet sync over every node (pkg/controller/daemon/daemon_controller.go manage/syncNodes, update.go
// rollingUpdate, updateDaemonSetStatus) in one pass over the nodes. Per node it decides what syncNodes does, notes
// what rollingUpdate needs (live pods, whether any is available) and counts the node's status; the rolling update's
// decisions and the status of nodes where this sync created or deleted pods come after, as in kubernetes.
//
// Why one pass: a sync reads every node and every daemon pod (5,000 of each at the largest size) and runs with
// every daemon pod that starts or becomes ready while the DaemonSet rolls. Nodes are taken by position in the
// cached node list, with their eligibility cached; the common node — eligible, one live pod — costs a few
// property reads of its pod, and no arrays or closures.
//
// What a pass reads of a pod is the version claimed at the start of the sync: within the sync only the sync's own
// creations and deletions write daemon pods (watchers enqueue; taint-eviction's DefaultTolerationSeconds touches
// only a new pod's tolerations), so a node's pods change only where the sync itself acted, and those nodes are
// read again from the store before their status is counted.

import type { DaemonSet, Pod } from '../api/types.js';
import { recordEvent } from '../events.js';
import { keyOf } from '../store.js';
import type { Tx } from '../tx.js';
import { daemonPodTargetNode, type NodeList, SHOULD_CONTINUE_RUNNING, SHOULD_RUN } from './daemonset-nodes.js';
import { DaemonSetCounts, intOrPercent, isFinishedPod, isLiveDaemonPod } from './daemonset-status.js';
import { isPodAvailable, podReadyCondition, readyLongEnough, slowStartBatch } from './shared/pods.js';
import { REVISION_LABEL } from './shared/revision.js';

export const COMPONENT = 'daemonset-controller';

/** A node's claimed pods that are not terminating, in claim order: one pod (the common case) or several. */
type NodePods = Pod | Pod[];

/** Oldest first; equal creation times by name (syncNodes keeps the oldest pod of a node). */
function byAge(a: Pod, b: Pod): number {
  const d = Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp);
  return d !== 0 ? d : a.metadata.name < b.metadata.name ? -1 : 1;
}

/** The live (not finished) pods of a node's claimed, non-terminating pods, in claim order. */
function livePods(here: NodePods | undefined): Pod | Pod[] | undefined {
  if (here === undefined) return undefined;
  if (!Array.isArray(here)) return isFinishedPod(here) ? undefined : here;
  return here.filter((p) => !isFinishedPod(p));
}

export interface DaemonSetActions {
  create(tx: Tx, ds: DaemonSet, node: string, hash: string): Pod;
  remove(tx: Tx, ds: DaemonSet, pod: Pod): void;
}

export class DaemonSetSync {
  readonly counts: DaemonSetCounts;
  /** Nodes the pods should run on (desiredNumberScheduled; rollingUpdate's percentages are of it). */
  private eligible = 0;
  /** Eligible nodes with no pods left to run (syncNodes' nodesNeedingDaemonPods), in node order. */
  private readonly toCreate: number[] = [];
  /** Eligible nodes without an available live pod (rollingUpdate's count before it deletes anything). */
  private unavailable = 0;
  /** Eligible nodes that run an old-revision pod, with their live pods oldest first: rollingUpdate's work. */
  private readonly withOld: { node: number; live: NodePods }[] = [];
  /** Nodes whose pods this sync created or deleted, and whether the pods should run there. */
  private readonly touched = new Map<number, boolean>();
  /** Pods this sync created, by node. */
  private readonly created = new Map<number, Pod[]>();
  /** Set once every node has been through the pass (and counted unless touched). */
  private passDone = false;
  /** The claimed, non-terminating pods of each node, by position in the node list. */
  private readonly here: (NodePods | undefined)[];
  private readonly minReady: number;
  private readonly surgeAllowed: boolean;
  readonly rolling: boolean;

  constructor(
    private readonly tx: Tx,
    private readonly ds: DaemonSet,
    private readonly hash: string,
    private readonly nodes: NodeList,
    claimed: readonly Pod[],
    private readonly act: DaemonSetActions,
  ) {
    this.minReady = ds.spec.minReadySeconds ?? 0;
    this.counts = new DaemonSetCounts(hash, this.minReady, tx.now);
    this.rolling = (ds.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
    this.surgeAllowed = this.rolling && intOrPercent(ds.spec.updateStrategy?.rollingUpdate?.maxSurge ?? 0, nodes.nodes.length, true) > 0;
    // Terminating pods are left out (syncNodes ignores them); pods meant for nodes that do not exist too (they
    // are the pod GC's, and status counts nodes).
    const here: (NodePods | undefined)[] = (this.here = new Array(nodes.nodes.length));
    for (const p of claimed) {
      if (p.metadata.deletionTimestamp) continue;
      const name = daemonPodTargetNode(p);
      const i = name === undefined ? undefined : nodes.index.get(name);
      if (i === undefined) continue;
      const cur = here[i];
      if (cur === undefined) here[i] = p;
      else if (Array.isArray(cur)) cur.push(p);
      else here[i] = [cur, p];
    }
  }

  /** syncNodes over every node, noting what rollingUpdate and the status need of each. */
  syncNodes(): void {
    const flags = this.nodes.flags(this.ds);
    const { here, counts, hash, minReady } = this;
    const now = this.tx.now;
    for (let i = 0; i < flags.length; i++) {
      const f = flags[i];
      const shouldRun = (f & SHOULD_RUN) !== 0;
      if (shouldRun) {
        this.eligible++;
        counts.desired++;
      }
      const pods = here[i];
      if (pods === undefined) {
        if (shouldRun) this.needsPod(i);
      } else if ((f & SHOULD_CONTINUE_RUNNING) === 0) {
        if (!Array.isArray(pods)) this.remove(pods, i, shouldRun);
        else for (const p of pods.slice().sort(byAge)) this.remove(p, i, shouldRun);
      } else if (Array.isArray(pods)) {
        this.syncSeveral(i, pods, shouldRun);
      } else if (isFinishedPod(pods)) {
        this.removeFinished(pods, i, shouldRun);
        if (shouldRun) this.needsPod(i);
      } else {
        // The common node: one live pod. Its Ready condition serves the status and the rolling update.
        const old = pods.metadata.labels?.[REVISION_LABEL] !== hash;
        const c = podReadyCondition(pods);
        const ready = c?.status === 'True';
        const available = ready && readyLongEnough(c, minReady, now);
        if (!shouldRun) counts.misscheduled++;
        else {
          counts.current++;
          if (ready) counts.ready++;
          if (available) counts.available++;
          if (!old) counts.updated++;
          if (!available) this.unavailable++;
          if (old && this.rolling) this.withOld.push({ node: i, live: pods });
        }
      }
    }
    this.passDone = true;
  }

  /** More than one non-terminating pod on the node: finished ones go, and the oldest running one stays. */
  private syncSeveral(i: number, pods: Pod[], shouldRun: boolean): void {
    const running: Pod[] = [];
    for (const p of pods.slice().sort(byAge)) {
      if (isFinishedPod(p)) this.removeFinished(p, i, shouldRun);
      else running.push(p);
    }
    if (running.length === 0) {
      if (shouldRun) this.needsPod(i);
      return;
    }
    // With maxSurge a new-revision pod may run beside the old one until it is available (rollingUpdate handles it).
    const surging =
      this.surgeAllowed &&
      running.length === 2 &&
      running.some((p) => p.metadata.labels?.[REVISION_LABEL] === this.hash) &&
      running.some((p) => p.metadata.labels?.[REVISION_LABEL] !== this.hash);
    let live = running;
    if (running.length > 1 && !surging) {
      for (const p of running.slice(1)) this.remove(p, i, shouldRun);
      live = [running[0]];
    }
    if (!this.touched.has(i)) this.counts.addNode(shouldRun, livePods(pods), 1);
    if (!shouldRun) return;
    const now = this.tx.now;
    if (!live.some((p) => isPodAvailable(p, this.minReady, now))) this.unavailable++;
    if (this.rolling && live.some((p) => p.metadata.labels?.[REVISION_LABEL] !== this.hash)) {
      this.withOld.push({ node: i, live: live.length === 1 ? live[0] : live });
    }
  }

  private needsPod(i: number): void {
    this.toCreate.push(i);
    this.unavailable++;
  }

  private removeFinished(p: Pod, i: number, shouldRun: boolean): void {
    if (p.status.phase === 'Failed') {
      recordEvent(this.tx, this.ds, {
        type: 'Warning',
        reason: 'FailedDaemonPod',
        message: `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${this.nodes.nodes[i].metadata.name}, will try to kill it`,
        component: COMPONENT,
      });
    }
    this.remove(p, i, shouldRun);
  }

  /** Deletes a pod of node `i` and marks the node for a recount. */
  private remove(p: Pod, i: number, shouldRun: boolean): void {
    this.act.remove(this.tx, this.ds, p);
    this.touch(i, shouldRun);
  }

  /** Creates a pod on eligible node `i`. */
  private create(i: number): void {
    const pod = this.act.create(this.tx, this.ds, this.nodes.nodes[i].metadata.name, this.hash);
    const list = this.created.get(i);
    if (list) list.push(pod);
    else this.created.set(i, [pod]);
    this.touch(i, true);
  }

  /**
   * A node whose pods change: what it counted in the pass (if anything) is taken back, and `statusCounts` counts
   * it again from the store. Nodes touched during their own turn in the pass have not been counted yet.
   */
  private touch(i: number, shouldRun: boolean): void {
    if (this.touched.has(i)) return;
    this.touched.set(i, shouldRun);
    if (this.passDone) this.counts.addNode(shouldRun, livePods(this.here[i]), -1);
  }

  /** syncNodes' creations: at most `burst` per sync (slow start batches), in node order. Returns how many wait. */
  createPods(burst: number): number {
    const n = Math.min(this.toCreate.length, burst);
    let next = 0;
    slowStartBatch(n, () => {
      this.create(this.toCreate[next++]);
      return true;
    });
    return this.toCreate.length - n;
  }

  /**
   * update.go rollingUpdate: replace old-revision pods while respecting maxUnavailable / maxSurge. Runs after
   * createPods; the nodes' live pods are those syncNodes left (pods created since are not looked at).
   */
  rollingUpdate(): void {
    const { hash, minReady } = this;
    const now = this.tx.now;
    const desired = this.eligible;
    const ru = this.ds.spec.updateStrategy?.rollingUpdate;
    const maxSurge = intOrPercent(ru?.maxSurge ?? 0, desired, true);
    const maxUnavailable = intOrPercent(ru?.maxUnavailable ?? (maxSurge > 0 ? 0 : 1), desired, true);
    const available = (p: Pod) => isPodAvailable(p, minReady, now);
    const isOld = (p: Pod) => p.metadata.labels?.[REVISION_LABEL] !== hash;
    let unavailable = this.unavailable;
    let surgeCount = 0;
    const candidates: Pod[] = [];
    const candidateNodes: number[] = [];
    for (const { node, live } of this.withOld) {
      if (!Array.isArray(live)) {
        // The common entry: one live pod, of an old revision.
        if (maxSurge > 0) {
          if (surgeCount < maxSurge) {
            surgeCount++;
            this.create(node);
          }
        } else if (!available(live)) this.remove(live, node, true);
        else {
          candidates.push(live);
          candidateNodes.push(node);
        }
        continue;
      }
      const pods = live;
      const old = pods.filter(isOld);
      if (maxSurge > 0) {
        if (old.length === pods.length) {
          if (surgeCount < maxSurge) {
            surgeCount++;
            this.create(node);
          }
        } else if (pods.some((p) => !isOld(p) && available(p))) {
          for (const p of old) this.remove(p, node, true);
        }
      } else if (!old.some(available)) {
        // An old pod that is not available anyway can go at once: it changes nothing for availability.
        for (const p of old) this.remove(p, node, true);
      } else {
        for (const p of old) {
          candidates.push(p);
          candidateNodes.push(node);
        }
      }
    }
    for (let k = 0; k < candidates.length; k++) {
      if (unavailable >= maxUnavailable) break;
      unavailable++;
      this.remove(candidates[k], candidateNodes[k], true);
    }
  }

  /** The final counts: nodes where pods were created or deleted are counted from their current pods. */
  statusCounts(): DaemonSetCounts {
    for (const [i, shouldRun] of this.touched) {
      const live: Pod[] = [];
      const here = this.here[i];
      const claimed = here === undefined ? [] : Array.isArray(here) ? here : [here];
      for (const p of [...claimed, ...(this.created.get(i) ?? [])]) {
        const cur = this.tx.obj('Pod', keyOf(p));
        if (cur && isLiveDaemonPod(cur)) live.push(cur);
      }
      this.counts.addNode(shouldRun, live, 1);
    }
    return this.counts;
  }
}
