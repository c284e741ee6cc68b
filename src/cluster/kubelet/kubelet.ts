// The kubelet (pkg/kubelet), one per node, as one controller: queue `kubelet`, key = pod key. It syncs a pod
// bound to a node whose kubelet is up — admits it, runs its containers (sync.ts), writes the status the real
// kubelet would (status.ts), removes the pod once it has stopped after a deletion — and sleeps until the next
// change is due. A pod on a machine that is off is not synced: its status stays as it was last reported.
// Writes happen only when something changed, so a settled pod costs nothing.

import type { KubeObject, Node, Pod } from '../api/types.js';
import type { Controller } from '../controller.js';
import { nodeRuntime } from '../nodes/node.js';
import { INDEX, keyOf } from '../store.js';
import type { Tx } from '../tx.js';
import type { PodRuntime } from './runtime.js';
import { POD_RUNTIME, getPodRuntime, newPodRuntime } from './runtime.js';
import { storedRecord, workingCopy } from './runtime-copy.js';
import { bridgeIP, releasePodIP } from './sandbox.js';
import { generatePodStatus, statusChanged } from './status.js';
import { withStatus } from './status-object.js';
import { hostIPs } from './status-share.js';
import { type SyncResult, syncPodRuntime } from './sync.js';

export const KUBELET = 'kubelet';

function dropRuntime(tx: Tx, key: string, rt: PodRuntime): void {
  releasePodIP(tx, rt.node, rt.podIP, key);
  tx.del(POD_RUNTIME, key);
}

const isTerminal = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/** The node's InternalIP (status.hostIP) and its status.hostIPs, remembered per Node object (weakly: an old
 * version of a node is not kept for it): every sync of every pod asks. */
function nodeAddress(node: Node): NodeAddress {
  let address = addresses.get(node);
  if (!address) {
    let ip: string | undefined;
    for (const a of node.status.addresses ?? []) {
      if (a.type === 'InternalIP') {
        ip = a.address;
        break;
      }
    }
    address = { hostIP: ip, hostIPs: ip ? hostIPs(ip) : undefined };
    addresses.set(node, address);
  }
  return address;
}
interface NodeAddress {
  hostIP: string | undefined;
  hostIPs: { ip: string }[] | undefined;
}
const addresses = new WeakMap<Node, NodeAddress>();

function writeStatus(tx: Tx, pod: Pod, rt: PodRuntime, node: Node, now = tx.now): void {
  const { hostIP, hostIPs } = nodeAddress(node);
  const status = generatePodStatus(pod, rt, { now, hostIP, hostIPs });
  // The pod is the one read at the start of this sync; nothing else wrote it since.
  if (statusChanged(pod.status, status)) tx.put(withStatus(pod, status));
}

/**
 * The status manager's final delete (status_manager.go canBeDeleted/deletePod): a stopped pod with a
 * deletionTimestamp is removed — once no finalizer holds it; until then it shows its terminal phase.
 */
function finishPod(tx: Tx, key: string, pod: Pod, rt: PodRuntime | undefined, node: Node): void {
  if ((pod.metadata.finalizers ?? []).length > 0) {
    if (rt) {
      tx.set(POD_RUNTIME, key, rt);
      writeStatus(tx, pod, rt, node);
    }
    return;
  }
  tx.remove('Pod', key);
  if (rt) dropRuntime(tx, key, rt);
}

export function syncPod(tx: Tx, key: string): void {
  const pod = tx.obj('Pod', key);
  let base = getPodRuntime(tx, key);
  if (base && (!pod || base.uid !== pod.metadata.uid)) {
    dropRuntime(tx, key, base);
    base = undefined;
  }
  // What is stored now (nothing else writes this row during the sync).
  const stored = base;
  if (!pod?.spec.nodeName) return;
  const nodeName = pod.spec.nodeName;
  const node = tx.obj('Node', nodeName);
  const nr = nodeRuntime(tx, nodeName);
  if (!node || !nr || !nr.kubeletUp) return;
  const now = tx.now;
  if (!base) {
    // A pod that finished before this kubelet knew of it (or was created finished) has nothing to run.
    if (isTerminal(pod)) {
      if (pod.metadata.deletionTimestamp) finishPod(tx, key, pod, undefined, node);
      return;
    }
    base = newPodRuntime(pod, nodeName, now, nr.lastHeartbeat);
  }
  const work = workingCopy(base);
  const result: SyncResult = syncPodRuntime(tx, pod, nodeName, nr, bridgeIP(nr.cidrIndex), work);
  const next = storedRecord(base, work);
  if (result.remove) {
    finishPod(tx, key, pod, next, node);
    return;
  }
  if (next !== stored) tx.set(POD_RUNTIME, key, next);
  writeStatus(tx, pod, next, node, now);
  if (result.wakeAt !== undefined) tx.at(result.wakeAt, KUBELET, key);
}

const readyStatus = (n: Node | undefined) => n?.status.conditions.find((c) => c.type === 'Ready')?.status;

export const kubelet: Controller = {
  name: KUBELET,
  watches: {
    // The kubelet's pod informer: what it must act on is a new binding, a spec change, a deletion, finalizers.
    // Its own status writes leave spec and metadata as they were and wake nothing.
    Pod: (tx: Tx, oldObj: KubeObject | undefined, newObj: KubeObject | undefined) => {
      const o = oldObj as Pod | undefined;
      const n = newObj as Pod | undefined;
      const p = n ?? o!;
      if (!p.spec.nodeName && !getPodRuntime(tx, keyOf(p))) return;
      if (o && n && o.spec === n.spec && o.metadata.uid === n.metadata.uid
        && o.metadata.deletionTimestamp === n.metadata.deletionTimestamp
        && o.metadata.deletionGracePeriodSeconds === n.metadata.deletionGracePeriodSeconds
        && o.metadata.finalizers === n.metadata.finalizers) return;
      tx.enqueue(KUBELET, keyOf(p));
    },
    // A node coming back (Ready again) or (re)appearing: its pods are synced again.
    Node: (tx: Tx, oldObj: KubeObject | undefined, newObj: KubeObject | undefined) => {
      const o = oldObj as Node | undefined;
      const n = newObj as Node | undefined;
      if (o && n && readyStatus(o) === readyStatus(n)) return;
      for (const k of tx.members(INDEX.podsByNode, (n ?? o)!.metadata.name)) tx.enqueue(KUBELET, k);
    },
  },
  reconcile: syncPod,
};
