// The default profile's Filter plugins, in the order kube-scheduler runs them
// (pkg/scheduler/apis/config/v1/default_plugins.go): NodeUnschedulable, NodeName, TaintToleration, NodeAffinity,
// NodePorts, NodeResourcesFit. The first plugin that rejects a node decides that node's reasons, as
// RunFilterPlugins stops at the first failure. Reasons are the plugins' own ErrReason strings.

import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod, Toleration } from '../api/types.js';
import { TAINT_NODE_UNSCHEDULABLE, firstUntoleratedTaint, toleratesAny } from '../nodes/taints.js';
import type { NodeInfo, NodeUsage } from './cache.js';
import type { PodRequest } from './resources.js';

/** framework.Code: Unschedulable can be helped by preemption; UnschedulableAndUnresolvable cannot. */
export type Code = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface FilterStatus {
  plugin: string;
  code: Code;
  reasons: string[];
}

export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";
export const ERR_REASON_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
export const ERR_REASON_PORTS = "node(s) didn't have free ports for the requested pod ports";
export const ERR_REASON_AFFINITY_CONFLICT = 'pod affinity terms conflict';

/** What the filters need to know about the pod, computed once per scheduling attempt. */
export interface PodFilterInput {
  pod: Pod;
  request: PodRequest;
  tolerations: Toleration[] | undefined;
  toleratesUnschedulable: boolean;
  hasNodeSelection: boolean;
}

export function filterInput(pod: Pod, request: PodRequest): PodFilterInput {
  const tolerations = pod.spec.tolerations;
  return {
    pod,
    request,
    tolerations,
    toleratesUnschedulable: toleratesAny(tolerations, { key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' }),
    hasNodeSelection:
      Object.keys(pod.spec.nodeSelector ?? {}).length > 0 ||
      !!pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
  };
}

function matchRequirement(r: NodeSelectorRequirement, value: string | undefined): boolean {
  switch (r.operator) {
    case 'In':
      return value !== undefined && (r.values ?? []).includes(value);
    case 'NotIn':
      return value === undefined || !(r.values ?? []).includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      // nodeaffinity.go: both sides must parse as integers.
      if (value === undefined || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(r.values?.[0] ?? '')) return false;
      const a = parseInt(value, 10);
      const b = parseInt(r.values![0], 10);
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** A term matches when every requirement does; a term with none matches no node (nodeaffinity.go). */
function matchTerm(t: NodeSelectorTerm, labels: Record<string, string>, name: string): boolean {
  const exprs = t.matchExpressions ?? [];
  const fields = t.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const r of exprs) if (!matchRequirement(r, labels[r.key])) return false;
  for (const r of fields) if (!matchRequirement(r, r.key === 'metadata.name' ? name : undefined)) return false;
  return true;
}

/** nodeSelector AND (any required nodeSelectorTerm): GetRequiredNodeAffinity(pod).Match(node). */
export function matchesNodeSelection(pod: Pod, info: NodeInfo): boolean {
  return specMatchesNode(pod.spec, info.node);
}

/** The same check for a pod spec (the DaemonSet controller asks it of its template). */
export function specMatchesNode(spec: Pod['spec'], node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const k in spec.nodeSelector ?? {}) if (labels[k] !== spec.nodeSelector![k]) return false;
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms) return true;
  for (const t of terms) if (matchTerm(t, labels, node.metadata.name)) return true;
  return false;
}

/**
 * NodeAffinity PreFilter (getPreFilterNodeNames): when every required term names nodes through
 * `matchFields metadata.name In`, only those nodes are worth filtering — how DaemonSet pods are placed.
 * `undefined` = all nodes.
 */
export function preFilterNodeNames(pod: Pod): Set<string> | undefined {
  const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms) return undefined;
  let names: Set<string> | undefined;
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const s = new Set(r.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
    }
    if (!termNames) return undefined;
    names = new Set([...(names ?? []), ...termNames]);
  }
  return names;
}

/** NodeResourcesFit fitsRequest: every insufficient resource is a reason of its own. */
function fitsRequest(input: PodFilterInput, info: NodeInfo, used: NodeUsage): string[] | undefined {
  const req = input.request;
  const alloc = info.allocatable;
  let out: string[] | undefined;
  if (used.pods + 1 > alloc.pods) (out ??= []).push('Too many pods');
  if (req.milliCPU === 0 && req.memory === 0 && req.ephemeralStorage === 0) return out;
  if (req.milliCPU > 0 && req.milliCPU > alloc.milliCPU - used.milliCPU) (out ??= []).push('Insufficient cpu');
  if (req.memory > 0 && req.memory > alloc.memory - used.memory) (out ??= []).push('Insufficient memory');
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    (out ??= []).push('Insufficient ephemeral-storage');
  }
  return out;
}

/** Runs the filters on one node: undefined when the pod fits. */
export function runFilters(input: PodFilterInput, info: NodeInfo): FilterStatus | undefined {
  if (info.unschedulable && !input.toleratesUnschedulable) {
    return { plugin: 'NodeUnschedulable', code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_UNSCHEDULABLE] };
  }
  if (input.pod.spec.nodeName && input.pod.spec.nodeName !== info.name) {
    return { plugin: 'NodeName', code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_NODE_NAME] };
  }
  if (info.filterTaints) {
    const taint = firstUntoleratedTaint(info.filterTaints, input.tolerations);
    if (taint) {
      const reason = `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
      return { plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: [reason] };
    }
  }
  if (input.hasNodeSelection && !matchesNodeSelection(input.pod, info)) {
    return { plugin: 'NodeAffinity', code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_AFFINITY] };
  }
  const used = info.usage;
  for (const p of input.request.hostPorts) {
    if (used.ports[p]) return { plugin: 'NodePorts', code: 'Unschedulable', reasons: [ERR_REASON_PORTS] };
  }
  const insufficient = fitsRequest(input, info, used);
  if (insufficient) return { plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons: insufficient };
  return undefined;
}
