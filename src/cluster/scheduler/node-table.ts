// The scheduler cache's nodes as columns (struct of arrays), for the columnar Filter/Score loop (fast-path.ts).
// kube-scheduler keeps one NodeInfo per node (pkg/scheduler/framework/types.go) and its plugins read fields of
// it; at 5,000 nodes × 500 nodes filtered and scored per pod, following `info.usage.milliCPU` and looking up
// an owner's spread count by node name cost more than the decisions themselves. Here every name the cache meets
// (a node, or the node of a pod bound to a node that does not exist) gets a slot for the life of the
// transaction; allocatable, requested resources and per-owner pod counts are typed arrays indexed by slot, and
// a few flags say when a node needs the general filters (filters.ts) because a cheap check would not do.
//
// The columns are copies: NodeInfo and NodeUsage stay the source of truth, and the cache writes a row
// whenever it replaces either (SchedulerCache.setUsage / nodeChanged / building a NodeInfo).

import type { NodeInfo, NodeUsage } from './cache.js';
import type { PodRequest } from './resources.js';

/** Unschedulable, or NoSchedule/NoExecute taints: NodeUnschedulable and TaintToleration must look. */
export const NEEDS_FILTER = 1;
/** PreferNoSchedule taints: the TaintToleration score must count the untolerated ones. */
export const PREFER_NO_SCHEDULE = 2;
/** Host ports in use: NodePorts must look when the pod asks for host ports. */
export const HOST_PORTS = 4;

const INITIAL_CAPACITY = 64;

export class NodeTable {
  /** Slots handed out so far (nodes, deleted nodes and names of unknown nodes alike). */
  size = 0;
  allocMilliCPU = new Float64Array(INITIAL_CAPACITY);
  allocMemory = new Float64Array(INITIAL_CAPACITY);
  allocEphemeralStorage = new Float64Array(INITIAL_CAPACITY);
  allocPods = new Float64Array(INITIAL_CAPACITY);
  pods = new Float64Array(INITIAL_CAPACITY);
  milliCPU = new Float64Array(INITIAL_CAPACITY);
  memory = new Float64Array(INITIAL_CAPACITY);
  ephemeralStorage = new Float64Array(INITIAL_CAPACITY);
  nonZeroMilliCPU = new Float64Array(INITIAL_CAPACITY);
  nonZeroMemory = new Float64Array(INITIAL_CAPACITY);
  flags = new Uint8Array(INITIAL_CAPACITY);
  /**
   * The node's resource score (score.ts resourceScore) for the request in `scoredRequest`, where `scored` is 1.
   * Why: a pod scores 500 nodes at 5,000 (four divisions each), but a bind changes one node's usage, and pods
   * created together come from one template and request the same; so most scores are the previous pod's. A row
   * is invalidated whenever setNode or setUsage writes its slot (the only writers of the columns it reads), and
   * all rows when a pod requests something else (resourceScoresFor).
   */
  resourceScore = new Float64Array(INITIAL_CAPACITY);
  scored = new Uint8Array(INITIAL_CAPACITY);
  private readonly scoredRequest = { milliCPU: NaN, memory: NaN, nonZeroMilliCPU: NaN, nonZeroMemory: NaN };
  /** The NodeInfo of each slot whose node exists. */
  readonly infos: (NodeInfo | undefined)[] = [];
  private readonly slots = new Map<string, number>();

  /** Scratch space for one pod's Filter/Score pass (never kept across pods). */
  feasible = new Int32Array(0);
  taintCounts = new Int32Array(0);
  best = new Int32Array(0);
  /** PodTopologySpread's score by an owner's pod count on a node, from the lowest count among the feasible nodes. */
  spreadByCount: Float64Array = new Float64Array(0);

  slotOf(name: string): number {
    let s = this.slots.get(name);
    if (s === undefined) {
      s = this.size++;
      this.slots.set(name, s);
      if (s >= this.flags.length) this.grow(this.flags.length * 2);
    }
    return s;
  }

  /** The node's allocatable and flags (after its NodeInfo was built or refreshed). */
  setNode(info: NodeInfo): void {
    const s = info.slot;
    const a = info.allocatable;
    this.infos[s] = info;
    this.allocMilliCPU[s] = a.milliCPU;
    this.allocMemory[s] = a.memory;
    this.allocEphemeralStorage[s] = a.ephemeralStorage;
    this.allocPods[s] = a.pods;
    let f = this.flags[s] & HOST_PORTS;
    if (info.unschedulable || info.filterTaints) f |= NEEDS_FILTER;
    for (const t of info.node.spec.taints ?? []) if (t.effect === 'PreferNoSchedule') f |= PREFER_NO_SCHEDULE;
    this.flags[s] = f;
    this.scored[s] = 0;
  }

  removeNode(slot: number): void {
    this.infos[slot] = undefined;
  }

  setUsage(s: number, u: NodeUsage): void {
    this.pods[s] = u.pods;
    this.milliCPU[s] = u.milliCPU;
    this.memory[s] = u.memory;
    this.ephemeralStorage[s] = u.ephemeralStorage;
    this.nonZeroMilliCPU[s] = u.nonZeroMilliCPU;
    this.nonZeroMemory[s] = u.nonZeroMemory;
    this.scored[s] = 0;
    let ports = false;
    for (const _ in u.ports) {
      ports = true;
      break;
    }
    this.flags[s] = ports ? this.flags[s] | HOST_PORTS : this.flags[s] & ~HOST_PORTS;
  }

  /** Per-owner counts stay as long as the slots: a shorter array is grown (with zeros) before use. */
  fitSlots(counts: Int32Array): Int32Array {
    if (counts.length >= this.flags.length) return counts;
    const next = new Int32Array(this.flags.length);
    next.set(counts);
    return next;
  }

  /** Readies `resourceScore` for a pod's request: the rows scored for another request are dropped. */
  resourceScoresFor(req: PodRequest): void {
    const r = this.scoredRequest;
    const same = r.milliCPU === req.milliCPU && r.memory === req.memory && r.nonZeroMilliCPU === req.nonZeroMilliCPU && r.nonZeroMemory === req.nonZeroMemory;
    if (same) return;
    r.milliCPU = req.milliCPU;
    r.memory = req.memory;
    r.nonZeroMilliCPU = req.nonZeroMilliCPU;
    r.nonZeroMemory = req.nonZeroMemory;
    this.scored.fill(0);
  }

  /** Makes the scratch arrays hold at least `n` nodes. */
  scratch(n: number): void {
    if (this.feasible.length >= n) return;
    this.feasible = new Int32Array(n);
    this.taintCounts = new Int32Array(n);
    this.best = new Int32Array(n);
  }

  /** Makes spreadByCount hold at least `n` counts. */
  spreadScratch(n: number): Float64Array {
    if (this.spreadByCount.length < n) this.spreadByCount = new Float64Array(Math.max(n, 2 * this.spreadByCount.length));
    return this.spreadByCount;
  }

  private grow(capacity: number): void {
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    this.allocMilliCPU = f64(this.allocMilliCPU);
    this.allocMemory = f64(this.allocMemory);
    this.allocEphemeralStorage = f64(this.allocEphemeralStorage);
    this.allocPods = f64(this.allocPods);
    this.pods = f64(this.pods);
    this.milliCPU = f64(this.milliCPU);
    this.memory = f64(this.memory);
    this.ephemeralStorage = f64(this.ephemeralStorage);
    this.nonZeroMilliCPU = f64(this.nonZeroMilliCPU);
    this.nonZeroMemory = f64(this.nonZeroMemory);
    this.resourceScore = f64(this.resourceScore);
    const u8 = (a: Uint8Array) => {
      const b = new Uint8Array(capacity);
      b.set(a);
      return b;
    };
    this.flags = u8(this.flags);
    this.scored = u8(this.scored);
  }
}
