// `kubectl describe node`: describeNode, describeNodeLease and describeNodeResource in
// kubectl/pkg/describe/describe.go; pod totals as kubectl/pkg/util/resource PodRequestsAndLimits computes them.

import type { Container, Event, Node, Pod } from '../../api/types.js';
import type { NodeRuntime } from '../../nodes/node.js';
import type { State } from '../../state.js';
import { getRow, podsOnNode } from '../../store.js';
import { byNamespaceAndName } from '../common.js';
import { rfc1123z, since } from '../duration.js';
import { nodeRoles } from '../node.js';
import type { Quantity } from '../quantity.js';
import { addQuantity, canonicalQuantity, formatQuantity, parseQuantityExact, quantityMilli, quantityValue } from '../quantity.js';
import { describeEvents } from './events.js';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from './writer.js';

type ResourceList = Map<string, Quantity>;

function containerList(c: Container, which: 'requests' | 'limits'): ResourceList {
  const out: ResourceList = new Map();
  const limits = c.resources?.limits ?? {};
  // Requests default to limits (SetDefaults_Pod), as the API server would have stored them.
  const src = which === 'limits' ? limits : { ...limits, ...(c.resources?.requests ?? {}) };
  for (const [k, v] of Object.entries(src)) {
    const q = parseQuantityExact(v);
    if (q) out.set(k, q);
  }
  return out;
}

const add = (into: ResourceList, from: ResourceList) => {
  for (const [k, q] of from) into.set(k, addQuantity(into.get(k), q));
};
const max = (into: ResourceList, from: ResourceList) => {
  for (const [k, q] of from) {
    const cur = into.get(k);
    if (!cur || q.nanos > cur.nanos) into.set(k, q);
  }
};

/** Sum over app containers and sidecars, at least the largest init container (plus sidecars started before it). */
function podTotals(pod: Pod, which: 'requests' | 'limits'): ResourceList {
  const total: ResourceList = new Map();
  for (const c of pod.spec.containers) add(total, containerList(c, which));
  const sidecars: ResourceList = new Map();
  const init: ResourceList = new Map();
  for (const c of pod.spec.initContainers ?? []) {
    const own = containerList(c, which);
    if ((c as { restartPolicy?: string }).restartPolicy === 'Always') {
      add(total, own);
      add(sidecars, own);
      max(init, sidecars);
    } else {
      const tmp: ResourceList = new Map();
      add(tmp, own);
      add(tmp, sidecars);
      max(init, tmp);
    }
  }
  max(total, init);
  return total;
}

/** `100m (2%)`: the quantity and its share of allocatable, truncated as Go's int64(float) does. */
function share(q: Quantity | undefined, alloc: Quantity | undefined, milli: boolean): string {
  const part = milli ? quantityMilli(q) : quantityValue(q);
  const whole = milli ? quantityMilli(alloc) : quantityValue(alloc);
  const pct = whole === 0n ? 0 : Math.trunc((Number(part) / Number(whole)) * 100);
  return `${q ? formatQuantity(q) : '0'} (${pct}%)`;
}

function describeNodeResource(w: PrefixWriter, node: Node, pods: Pod[], now: number): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocList = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status.allocatable : (node.status?.capacity ?? {});
  const alloc = (r: string) => parseQuantityExact(allocList[r]);
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const pod of pods) {
    const req = podTotals(pod, 'requests');
    const lim = podTotals(pod, 'limits');
    add(reqs, req);
    add(limits, lim);
    w.write(
      1,
      `${pod.metadata.namespace ?? 'default'}\t${pod.metadata.name}\t\t${share(req.get('cpu'), alloc('cpu'), true)}\t${share(lim.get('cpu'), alloc('cpu'), true)}\t` +
        `${share(req.get('memory'), alloc('memory'), false)}\t${share(lim.get('memory'), alloc('memory'), false)}\t${since(pod.metadata.creationTimestamp, now)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  w.write(1, `cpu\t${share(reqs.get('cpu'), alloc('cpu'), true)}\t${share(limits.get('cpu'), alloc('cpu'), true)}\n`);
  for (const r of ['memory', 'ephemeral-storage']) {
    w.write(1, `${r}\t${share(reqs.get(r), alloc(r), false)}\t${share(limits.get(r), alloc(r), false)}\n`);
  }
  const names = Object.keys(allocList).sort();
  for (const r of names.filter((n) => n.startsWith('hugepages-'))) {
    w.write(1, `${r}\t${share(reqs.get(r), alloc(r), false)}\t${share(limits.get(r), alloc(r), false)}\n`);
  }
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);
  for (const r of names.filter((n) => !standard.has(n) && !n.startsWith('hugepages-'))) {
    const q = (m: ResourceList) => (m.get(r) ? formatQuantity(m.get(r)!) : '0');
    w.write(1, `${r}\t${q(reqs)}\t${q(limits)}\n`);
  }
}

export function describeNode(state: State, node: Node, events: Event[]): string {
  const w = new PrefixWriter();
  const name = node.metadata.name;
  w.write(0, `Name:\t${name}\n`);
  const roles = nodeRoles(node);
  w.write(0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', node.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  printTaintsMultiline(w, 'Taints', node.spec?.taints);
  w.write(0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
  // The kubelet's Lease in kube-node-lease: held by the node, never "acquired", renewed with every heartbeat.
  // kubesim keeps the renew time on the simulated machine (the `nodeRuntime` table of src/cluster/nodes/node.ts).
  const runtime = getRow<Partial<NodeRuntime>>(state, 'nodeRuntime', name);
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${runtime ? name : '<unset>'}\n`);
  w.write(1, 'AcquireTime:\t<unset>\n');
  w.write(1, `RenewTime:\t${runtime?.lastHeartbeat !== undefined ? rfc1123z(new Date(runtime.lastHeartbeat).toISOString()) : '<unset>'}\n`);
  const conditions = node.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of node.status?.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [
    ['Capacity', node.status?.capacity],
    ['Allocatable', node.status?.allocatable],
  ] as const) {
    if (Object.keys(list ?? {}).length === 0) continue;
    w.write(0, `${title}:\n`);
    for (const r of Object.keys(list!).sort()) w.write(0, `  ${r}:\t${canonicalQuantity(list![r])}\n`);
  }
  const info = node.status?.nodeInfo ?? {};
  w.write(0, 'System Info:\n');
  const infoLines: [string, string][] = [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ];
  for (const [label, key] of infoLines) w.write(0, `  ${label}:\t${info[key] ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  const pods = podsOnNode(state, name)
    .filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .sort(byNamespaceAndName);
  describeNodeResource(w, node, pods, state.now);
  describeEvents(w, events, state.now);
  return w.toString();
}
