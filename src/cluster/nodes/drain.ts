// `kubectl cordon|uncordon|drain` (staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go, pkg/drain/{cordon,
// filters,drain}.go). Cordon sets spec.unschedulable (the node lifecycle controller then adds the
// node.kubernetes.io/unschedulable:NoSchedule taint). Drain cordons, then sorts the node's pods through kubectl's
// filters — DaemonSet-managed, mirror, local storage, unreplicated — and evicts the rest through the Eviction API
// (DisruptionTarget condition, then a graceful delete), or reports why it cannot.

import type { Action, ActionResult } from '../actions.js';
import type { Node, Pod } from '../api/types.js';
import { deleteObject } from '../apiserver.js';
import { notFound } from '../printers/resources.js';
import { INDEX, keyOf } from '../store.js';
import type { Tx } from '../tx.js';
import { rfc3339 } from '../util/time.js';
import type { VerbHandler } from '../verbs/index.js';

/** `--delete-emptydir-data` is read when the action carries it. */
type DrainAction = Extract<Action, { type: 'drain' }> & { deleteEmptyDirData?: boolean };

/** RunCordonOrUncordon for one node: prints `node/x cordoned`, `already cordoned`, … */
function cordonNode(tx: Tx, name: string, desired: boolean, result: ActionResult): Node | undefined {
  const node = tx.obj('Node', name);
  if (!node) {
    result.errors.push(notFound('Node', name));
    return undefined;
  }
  const verb = desired ? 'cordoned' : 'uncordoned';
  if (!!node.spec.unschedulable === desired) {
    result.output.push(`node/${name} already ${verb}`);
    return node;
  }
  const updated = tx.update('Node', name, (n) => {
    if (desired) n.spec.unschedulable = true;
    else delete n.spec.unschedulable;
  });
  result.output.push(`node/${name} ${verb}`);
  return updated;
}

export const cordon: VerbHandler<'cordon'> = (tx, action, result) => {
  cordonNode(tx, action.node, action.unschedulable, result);
};

type DeleteStatus = { delete: boolean; kind: 'okay' | 'skip' | 'warning' | 'error'; message?: string };
const okay: DeleteStatus = { delete: true, kind: 'okay' };

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const UNMANAGED_FATAL = 'Pods declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

function finished(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
}

/** makeFilters, in kubectl's order; the first filter that keeps a pod decides. */
function filterPod(tx: Tx, pod: Pod, a: DrainAction): DeleteStatus {
  const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (ref?.kind === 'DaemonSet' && !finished(pod)) {
    if (!tx.obj('DaemonSet', `${pod.metadata.namespace ?? 'default'}/${ref.name}`)) {
      const err = `daemonsets.apps "${ref.name}" not found`;
      return a.force ? { delete: true, kind: 'warning', message: err } : { delete: false, kind: 'error', message: err };
    }
    return a.ignoreDaemonSets ? { delete: false, kind: 'warning', message: DAEMONSET_WARNING } : { delete: false, kind: 'error', message: DAEMONSET_FATAL };
  }
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) return { delete: false, kind: 'skip' };
  if (!finished(pod) && (pod.spec.volumes ?? []).some((v) => v.emptyDir !== undefined)) {
    if (!a.deleteEmptyDirData) return { delete: false, kind: 'error', message: LOCAL_STORAGE_FATAL };
    // kubectl's localStorageFilter warning is overwritten by the next filter's status (a TODO in filters.go).
  }
  return unreplicated(pod, a);
}

function unreplicated(pod: Pod, a: DrainAction): DeleteStatus {
  if (finished(pod) || pod.metadata.ownerReferences?.some((r) => r.controller)) return okay;
  return a.force ? { delete: true, kind: 'warning', message: UNMANAGED_WARNING } : { delete: false, kind: 'error', message: UNMANAGED_FATAL };
}

/** Groups `default/x` names by message, in the order messages first appear (PodDeleteList.errors / Warnings). */
function byMessage(items: { pod: Pod; status: DeleteStatus }[], kind: DeleteStatus['kind']): [string, string[]][] {
  const out = new Map<string, string[]>();
  for (const { pod, status } of items) {
    if (status.kind !== kind) continue;
    const msg = status.message || 'unexpected error';
    if (!out.has(msg)) out.set(msg, []);
    out.get(msg)!.push(`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`);
  }
  return [...out];
}

/** The Eviction API: DisruptionTarget (EvictionByEvictionAPI), then delete with the requested grace period. */
function evictPod(tx: Tx, pod: Pod, gracePeriodSeconds: number | undefined): void {
  const key = keyOf(pod);
  const now = rfc3339(tx.now);
  if (!pod.metadata.deletionTimestamp) {
    tx.update('Pod', key, (p) => {
      const conds = (p.status.conditions ??= []);
      if (conds.some((c) => c.type === 'DisruptionTarget' && c.status === 'True')) return;
      conds.push({ type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting', lastProbeTime: null, lastTransitionTime: now });
    });
  }
  deleteObject(tx, 'Pod', key, { gracePeriodSeconds });
}

export const drain: VerbHandler<'drain'> = (tx, action, result) => {
  const a = action as DrainAction;
  if (!cordonNode(tx, a.node, true, result)) return;
  const pods = tx
    .members(INDEX.podsByNode, a.node)
    .sort()
    .map((k) => tx.obj('Pod', k))
    .filter((p): p is Pod => p !== undefined);
  const items = pods.map((pod) => ({ pod, status: filterPod(tx, pod, a) }));
  const errors = byMessage(items, 'error').map(([msg, names]) => `cannot delete ${msg}: ${names.join(', ')}`);
  if (errors.length) {
    const agg = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
    result.errors.push(`error: unable to drain node "${a.node}" due to error: ${agg}, continuing command...`);
    result.errors.push('There are pending nodes to be drained:', ` ${a.node}`, ...errors);
    return;
  }
  const warnings = byMessage(items, 'warning').map(([msg, names]) => `${msg}: ${names.join(', ')}`);
  if (warnings.length) result.warnings.push(`Warning: ${warnings.join('; ')}`);
  const evictable = items.filter((i) => i.status.delete).map((i) => i.pod);
  for (const pod of evictable) result.output.push(`evicting pod ${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`);
  for (const pod of evictable) evictPod(tx, pod, a.gracePeriodSeconds);
  for (const pod of evictable) result.output.push(`pod/${pod.metadata.name} evicted`);
  result.output.push(`node/${a.node} drained`);
};
