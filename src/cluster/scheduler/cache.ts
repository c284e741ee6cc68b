// The scheduler's view of the cluster (pkg/scheduler/backend/cache): per-node requested resources and used
// host ports, kept up to date by watching pods rather than summed over a node's pods at every decision.
//
// - `nodeUsage` (a State table, node name → NodeUsage) persists between transactions; the pod watcher applies
//   each pod change as a delta (subtract what the old version counted, add what the new one counts), so the
//   totals do not depend on the order in which watchers see nested writes.
// - `SchedulerCache` lives for one transaction (WeakMap keyed by the Tx): the parsed node list, the usage rows
//   read so far, and per-owner pod counts per node for spreading. It is built lazily and patched by the same
//   watchers, so a transaction that schedules 20,000 pods reads each node once. The same numbers are kept as
//   columns in a NodeTable (node-table.ts) for the columnar Filter/Score loop (fast-path.ts), and the owner
//   counts are arrays indexed by the table's slots.

import type { Node, Pod, Taint } from '../api/types.js';
import { INDEX } from '../store.js';
import type { Tx } from '../tx.js';
import { NodeTable } from './node-table.js';
import { isPodTerminal, nodeAllocatable, podRequest, type Allocatable } from './resources.js';

export const NODE_USAGE = 'nodeUsage';

export interface NodeUsage {
  /** Non-terminal pods bound to the node. */
  pods: number;
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  nonZeroMilliCPU: number;
  nonZeroMemory: number;
  /** `TCP/8080` → number of pods using that host port. */
  ports: Record<string, number>;
}

const EMPTY: NodeUsage = { pods: 0, milliCPU: 0, memory: 0, ephemeralStorage: 0, nonZeroMilliCPU: 0, nonZeroMemory: 0, ports: {} };

/**
 * One node as the filters and scores read it. The object is kept for the whole transaction and refreshed in place
 * when the Node changes, so the sorted node list never has to be searched or rebuilt for an update.
 */
export class NodeInfo {
  node!: Node;
  allocatable!: Allocatable;
  /** The taints the filters consider (NoSchedule / NoExecute), or undefined when there are none. */
  filterTaints: Taint[] | undefined;
  unschedulable = false;

  constructor(
    readonly name: string,
    /** The node's row in the NodeTable. */
    readonly slot: number,
    node: Node,
    public usage: NodeUsage,
  ) {
    this.refresh(node);
  }

  refresh(node: Node): void {
    this.node = node;
    this.allocatable = nodeAllocatable(node);
    const taints = node.spec.taints?.filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
    this.filterTaints = taints?.length ? taints : undefined;
    this.unschedulable = !!node.spec.unschedulable;
  }
}

export class SchedulerCache {
  private nodeMap: Map<string, NodeInfo> | undefined;
  private order: NodeInfo[] | undefined;
  private slotOrder: Int32Array | undefined;
  /** Usage of nodes that have no Node object (pods bound to a deleted or unknown node). */
  private readonly orphanUsage = new Map<string, NodeUsage>();
  readonly table = new NodeTable();
  /** Pods of an owner (controller uid) counted per node: a count per table slot. */
  private readonly spread = new Map<string, Int32Array>();

  constructor(private readonly tx: Tx) {}

  private readUsage(node: string): NodeUsage {
    return this.tx.get<NodeUsage>(NODE_USAGE, node) ?? EMPTY;
  }

  private nodesByName(): Map<string, NodeInfo> {
    if (!this.nodeMap) {
      this.nodeMap = new Map();
      for (const n of this.tx.objects('Node')) {
        const name = n.metadata.name;
        this.addInfo(name, n, this.orphanUsage.get(name) ?? this.readUsage(name));
      }
    }
    return this.nodeMap;
  }

  private addInfo(name: string, node: Node, usage: NodeUsage): void {
    const info = new NodeInfo(name, this.table.slotOf(name), node, usage);
    this.nodeMap!.set(name, info);
    this.orphanUsage.delete(name);
    this.table.setNode(info);
    this.table.setUsage(info.slot, usage);
  }

  /** Every node, sorted by name (the order the scheduler walks them, starting at nextStartNodeIndex). */
  nodeList(): NodeInfo[] {
    if (!this.order) {
      this.order = [...this.nodesByName().values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      this.slotOrder = Int32Array.from(this.order, (info) => info.slot);
    }
    return this.order;
  }

  /** The table slot of each node of nodeList(), in the same order. */
  nodeSlots(): Int32Array {
    this.nodeList();
    return this.slotOrder!;
  }

  nodeInfo(name: string): NodeInfo | undefined {
    return this.nodesByName().get(name);
  }

  nodeChanged(oldNode: Node | undefined, newNode: Node | undefined): void {
    if (!this.nodeMap) return;
    const name = (newNode ?? oldNode)!.metadata.name;
    const existing = this.nodeMap.get(name);
    if (newNode && existing) {
      existing.refresh(newNode);
      this.table.setNode(existing);
    } else if (newNode) {
      this.addInfo(name, newNode, this.usageOf(name));
      this.order = undefined;
    } else if (existing) {
      this.orphanUsage.set(name, existing.usage);
      this.nodeMap.delete(name);
      this.table.removeNode(existing.slot);
      this.order = undefined;
    }
  }

  usageOf(node: string): NodeUsage {
    const info = this.nodeMap?.get(node);
    if (info) return info.usage;
    let u = this.orphanUsage.get(node);
    if (!u) this.orphanUsage.set(node, (u = this.readUsage(node)));
    return u;
  }

  setUsage(node: string, usage: NodeUsage): void {
    const info = this.nodeMap?.get(node);
    if (info) {
      info.usage = usage;
      this.table.setUsage(info.slot, usage);
    } else this.orphanUsage.set(node, usage);
  }

  /**
   * Pods of the owner `uid` counted per node, indexed by table slot (built from the dependents index on first use,
   * then kept in step by trackPod).
   */
  ownerSpread(uid: string): Int32Array {
    const counts = this.table.fitSlots(this.spread.get(uid) ?? this.countOwnerPods(uid));
    this.spread.set(uid, counts);
    return counts;
  }

  private countOwnerPods(uid: string): Int32Array {
    this.nodesByName();
    const slots: number[] = [];
    for (const ref of this.tx.members(INDEX.dependents, uid)) {
      if (!ref.startsWith('Pod|')) continue;
      const p = this.tx.obj('Pod', ref.slice(4));
      const node = p && spreadNode(p);
      if (node && controllerUid(p) === uid) slots.push(this.table.slotOf(node));
    }
    const counts = new Int32Array(this.table.size);
    for (const s of slots) counts[s]++;
    return counts;
  }

  /** One pod of owner `uid` more (sign 1) or less on `node`, if that owner's counts are built. */
  spreadAdd(uid: string, node: string, sign: 1 | -1): void {
    let counts = this.spread.get(uid);
    if (!counts) return;
    const s = this.table.slotOf(node);
    if (s >= counts.length) this.spread.set(uid, (counts = this.table.fitSlots(counts)));
    counts[s] += sign;
  }
}

const caches = new WeakMap<Tx, SchedulerCache>();

export function schedulerCache(tx: Tx): SchedulerCache {
  let c = caches.get(tx);
  if (!c) caches.set(tx, (c = new SchedulerCache(tx)));
  return c;
}

export function existingCache(tx: Tx): SchedulerCache | undefined {
  return caches.get(tx);
}

export function controllerUid(pod: Pod): string | undefined {
  return pod.metadata.ownerReferences?.find((r) => r.controller)?.uid;
}

/** The node whose requested resources this pod counts against: bound and not finished. */
export function usageNode(pod: Pod | undefined): string | undefined {
  if (!pod || !pod.spec.nodeName || isPodTerminal(pod)) return undefined;
  return pod.spec.nodeName;
}

/** Spreading counts pods that are bound, running or pending, and not being deleted (countPodsMatchSelector). */
function spreadNode(pod: Pod | undefined): string | undefined {
  if (!pod || pod.metadata.deletionTimestamp) return undefined;
  return usageNode(pod);
}

function addUsage(tx: Tx, node: string, pod: Pod, sign: 1 | -1): void {
  const cache = existingCache(tx);
  const cur = cache ? cache.usageOf(node) : (tx.get<NodeUsage>(NODE_USAGE, node) ?? EMPTY);
  const r = podRequest(pod);
  let ports = cur.ports;
  if (r.hostPorts.length) {
    ports = { ...ports };
    for (const p of r.hostPorts) {
      const n = (ports[p] ?? 0) + sign;
      if (n > 0) ports[p] = n;
      else delete ports[p];
    }
  }
  const next: NodeUsage = {
    pods: cur.pods + sign,
    milliCPU: cur.milliCPU + sign * r.milliCPU,
    memory: cur.memory + sign * r.memory,
    ephemeralStorage: cur.ephemeralStorage + sign * r.ephemeralStorage,
    nonZeroMilliCPU: cur.nonZeroMilliCPU + sign * r.nonZeroMilliCPU,
    nonZeroMemory: cur.nonZeroMemory + sign * r.nonZeroMemory,
    ports,
  };
  if (cache) cache.setUsage(node, next);
  // A row that has gone back to zero is dropped, so rows exist exactly for nodes with pods on them.
  if (next.pods === 0 && Object.keys(next.ports).length === 0) tx.del(NODE_USAGE, node);
  else tx.set(NODE_USAGE, node, next);
}

/** Applies one pod change to nodeUsage and to the transaction's spreading counts. */
export function trackPod(tx: Tx, oldPod: Pod | undefined, newPod: Pod | undefined): void {
  // Status-only writes (the common case: kubelet updates) keep the spec object and the phase class.
  if (oldPod && newPod && oldPod.spec === newPod.spec && isPodTerminal(oldPod) === isPodTerminal(newPod)) {
    if (!!oldPod.metadata.deletionTimestamp === !!newPod.metadata.deletionTimestamp) return;
  }
  const oldNode = usageNode(oldPod);
  const newNode = usageNode(newPod);
  if (oldNode !== newNode || (oldPod && newPod && oldPod.spec !== newPod.spec)) {
    if (oldNode) addUsage(tx, oldNode, oldPod!, -1);
    if (newNode) addUsage(tx, newNode, newPod!, 1);
  }
  const cache = existingCache(tx);
  if (!cache) return;
  spreadDelta(cache, oldPod, -1);
  spreadDelta(cache, newPod, 1);
}

function spreadDelta(cache: SchedulerCache, pod: Pod | undefined, sign: 1 | -1): void {
  const node = spreadNode(pod);
  const uid = node && controllerUid(pod!);
  if (uid) cache.spreadAdd(uid, node, sign);
}
