// Which nodes a DaemonSet's pod should run on, after pkg/controller/daemon/daemon_controller.go
// NodeShouldRunDaemonPod and pkg/controller/daemon/util/daemonset_util.go (the tolerations every daemon pod gets).

import type { DaemonSet, Node, Pod, Toleration } from '../api/types.js';
import { toleratesAny } from '../nodes/taints.js';
import { specMatchesNode } from '../scheduler/filters.js';
import type { Tx } from '../tx.js';

/**
 * AddOrUpdateDaemonPodTolerations: daemon pods tolerate a lost or unready node forever (no tolerationSeconds, so
 * they are never evicted from it), node pressure conditions, and cordon (`unschedulable`), so cordoned nodes
 * keep and still get their daemon pods.
 */
export const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

export function withDaemonTolerations(tolerations: Toleration[] | undefined): Toleration[] {
  const out = [...(tolerations ?? [])];
  for (const t of DAEMON_TOLERATIONS) {
    if (!out.some((o) => o.key === t.key && o.effect === t.effect && o.operator === t.operator)) out.push(t);
  }
  return out;
}

/** NodeShouldRunDaemonPod: shouldRun = may be placed there now; shouldContinueRunning = may stay. */
export function nodeShouldRunDaemonPod(ds: DaemonSet, node: Node): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const spec = ds.spec.template.spec;
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return { shouldRun: false, shouldContinueRunning: false };
  if (!specMatchesNode(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const tolerations = withDaemonTolerations(spec.tolerations);
  const taints = node.spec.taints ?? [];
  const untoleratedNoExecute = taints.some((t) => t.effect === 'NoExecute' && !toleratesAny(tolerations, t));
  const untoleratedNoSchedule = taints.some((t) => t.effect === 'NoSchedule' && !toleratesAny(tolerations, t));
  return { shouldRun: !untoleratedNoExecute && !untoleratedNoSchedule, shouldContinueRunning: !untoleratedNoExecute };
}

/** nodeShouldRunDaemonPod as bits: SHOULD_RUN (implies SHOULD_CONTINUE_RUNNING) and SHOULD_CONTINUE_RUNNING. */
export const SHOULD_RUN = 1;
export const SHOULD_CONTINUE_RUNNING = 2;

/**
 * nodeShouldRunDaemonPod for a sync, remembered per (template spec, Node object): both are immutable values (a
 * changed node or template is a new object), and a sync asks it of every node — 5,000 times per sync, with a
 * new array of tolerations each time, when computed afresh. Nodes change rarely; the cache forgets them with them.
 */
export function daemonNodeFlags(ds: DaemonSet, node: Node): number {
  const spec = ds.spec.template.spec;
  let bySpec = flagsCache.get(spec);
  if (!bySpec) flagsCache.set(spec, (bySpec = new WeakMap()));
  let flags = bySpec.get(node);
  if (flags === undefined) {
    const r = nodeShouldRunDaemonPod(ds, node);
    flags = (r.shouldRun ? SHOULD_RUN : 0) | (r.shouldContinueRunning ? SHOULD_CONTINUE_RUNNING : 0);
    bySpec.set(node, flags);
  }
  return flags;
}
const flagsCache = new WeakMap<Pod['spec'], WeakMap<Node, number>>();

/**
 * Every node, by name, with what a sync asks of the list: a node's position by name, and daemonNodeFlags of
 * every node per template spec. Cached per Node table while no node is written (a sync reads all 5,000 nodes,
 * and syncs come with every daemon pod that becomes ready), so the common sync reads no Node object at all.
 */
export class NodeList {
  readonly index = new Map<string, number>();
  private readonly flagsBySpec = new WeakMap<Pod['spec'], Uint8Array>();

  constructor(readonly nodes: readonly Node[]) {
    for (let i = 0; i < nodes.length; i++) this.index.set(nodes[i].metadata.name, i);
  }

  /** daemonNodeFlags of every node, in list order. */
  flags(ds: DaemonSet): Uint8Array {
    const spec = ds.spec.template.spec;
    let flags = this.flagsBySpec.get(spec);
    if (!flags) {
      flags = new Uint8Array(this.nodes.length);
      for (let i = 0; i < this.nodes.length; i++) flags[i] = daemonNodeFlags(ds, this.nodes[i]);
      this.flagsBySpec.set(spec, flags);
    }
    return flags;
  }
}

export function sortedNodes(tx: Tx): NodeList {
  const table = tx.unchangedTable('Node');
  const cached = table ? listsByTable.get(table) : listsInTx.get(tx);
  if (cached && (table || cached.version === tx.writesTo('Node'))) return cached.list;
  const list = new NodeList(Object.freeze(tx.objects('Node').sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))));
  if (table) listsByTable.set(table, { version: 0, list });
  else listsInTx.set(tx, { version: tx.writesTo('Node'), list });
  return list;
}
const listsByTable = new WeakMap<object, { version: number; list: NodeList }>();
/** While nodes are being written (a node added, killed, tainted), per transaction and Node-table version. */
const listsInTx = new WeakMap<Tx, { version: number; list: NodeList }>();

/** The node a daemon pod is meant for: bound node, or the matchFields metadata.name affinity the controller set. */
export function daemonPodTargetNode(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  for (const t of pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    const f = t.matchFields?.find((r) => r.key === 'metadata.name' && r.operator === 'In');
    if (f?.values?.[0]) return f.values[0];
  }
  return undefined;
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: pin the pod to one node through required node affinity. */
export function pinToNode(pod: Pod, node: string): void {
  pod.spec.affinity = {
    ...pod.spec.affinity,
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
      },
    },
  };
  pod.spec.tolerations = withDaemonTolerations(pod.spec.tolerations);
}
