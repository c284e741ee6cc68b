// The invariants of issue 7, item 2, checked against the State after every step. Each returns the problems it
// finds as readable lines (empty = holds), so a failing fast-check run shows what broke, not just "false".

import type { KubeObject, Pod } from '../../src/cluster/api/types.js';
import { daemonPodTargetNode } from '../../src/cluster/controllers/daemonset-nodes.js';
import type { State } from '../../src/cluster/state.js';
import { countRows, getObject, listObjects, objectKey } from '../../src/cluster/store.js';

const live = (p: Pod) => p.metadata.deletionTimestamp === undefined;
const ownerUid = (o: KubeObject, kind: string) => o.metadata.ownerReferences?.find((r) => r.controller && r.kind === kind)?.uid;

/** At most one (live) daemon pod per node for each DaemonSet (daemon_controller.go podsShouldBeOnNode). */
export function daemonSetOnePodPerNode(s: State): string[] {
  const problems: string[] = [];
  for (const ds of listObjects(s, 'DaemonSet')) {
    const seen = new Map<string, string>();
    for (const p of listObjects(s, 'Pod')) {
      if (!live(p) || ownerUid(p, 'DaemonSet') !== ds.metadata.uid) continue;
      const node = daemonPodTargetNode(p) ?? '(none)';
      if (seen.has(node)) problems.push(`DaemonSet ${ds.metadata.name}: pods ${seen.get(node)} and ${p.metadata.name} both on ${node}`);
      seen.set(node, p.metadata.name);
    }
  }
  return problems;
}

/** A StatefulSet's pods are NAME-ORDINAL with one pod per ordinal (stateful_set_utils.go getOrdinal). */
export function statefulSetOrdinalsUnique(s: State): string[] {
  const problems: string[] = [];
  for (const ss of listObjects(s, 'StatefulSet')) {
    const ordinals = new Set<number>();
    for (const p of listObjects(s, 'Pod')) {
      if (!live(p) || ownerUid(p, 'StatefulSet') !== ss.metadata.uid) continue;
      const m = new RegExp(`^${ss.metadata.name}-(\\d+)$`).exec(p.metadata.name);
      if (!m) problems.push(`StatefulSet ${ss.metadata.name} owns ${p.metadata.name}, which has no ordinal`);
      else if (ordinals.has(Number(m[1]))) problems.push(`StatefulSet ${ss.metadata.name}: ordinal ${m[1]} twice`);
      else ordinals.add(Number(m[1]));
    }
  }
  return problems;
}

/** Job status.succeeded never exceeds spec.completions (job_controller.go caps at completions). */
export function jobSucceededWithinCompletions(s: State): string[] {
  return listObjects(s, 'Job')
    .filter((j) => j.spec.completions != null && (j.status?.succeeded ?? 0) > j.spec.completions)
    .map((j) => `Job ${j.metadata.name}: succeeded ${j.status?.succeeded} > completions ${j.spec.completions}`);
}

/**
 * No pod stays Running on a node that no longer exists: the pod GC deletes pods bound to missing nodes
 * (pkg/controller/podgc/gc_controller.go gcOrphaned, 40s quarantine, checked every 20s). `missingSince` records when
 * each node was first seen gone; a Running pod on a node gone longer than `graceMs` breaks the invariant.
 */
export function noRunningPodOnMissingNode(s: State, missingSince: Map<string, number>, graceMs = 120_000): string[] {
  const problems: string[] = [];
  for (const p of listObjects(s, 'Pod')) {
    const node = p.spec.nodeName;
    if (!node || getObject(s, 'Node', objectKey('Node', undefined, node))) continue;
    if (!missingSince.has(node)) missingSince.set(node, s.now);
    if (p.status?.phase === 'Running' && s.now - missingSince.get(node)! > graceMs) {
      problems.push(`pod ${p.metadata.name} still Running on node ${node}, gone for ${(s.now - missingSince.get(node)!) / 1000}s`);
    }
  }
  return problems;
}

/** Tracks node disappearance between checks (a node deleted and re-added starts a new absence). */
export function noteNodes(s: State, missingSince: Map<string, number>): void {
  for (const name of [...missingSince.keys()]) if (getObject(s, 'Node', objectKey('Node', undefined, name))) missingSince.delete(name);
}

/**
 * Every ownerReference names an existing object with that uid, or the dependent is already being deleted
 * (garbagecollector.go: orphaned dependents are deleted in the background once their owner is gone).
 */
export function ownersExist(s: State): string[] {
  const problems: string[] = [];
  const uids = new Set<string>();
  for (const kind of ['ReplicaSet', 'ReplicationController', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob'] as const) {
    for (const o of listObjects(s, kind)) uids.add(o.metadata.uid);
  }
  for (const kind of ['Pod', 'Job'] as const) {
    for (const o of listObjects(s, kind) as KubeObject[]) {
      if (o.metadata.deletionTimestamp !== undefined) continue;
      for (const ref of o.metadata.ownerReferences ?? []) {
        if (!uids.has(ref.uid)) problems.push(`${kind} ${o.metadata.name}: owner ${ref.kind}/${ref.name} (${ref.uid}) does not exist`);
      }
    }
  }
  return problems;
}

/** Events never exceed config.maxEvents. */
export function eventsBounded(s: State): string[] {
  const n = countRows(s, 'Event');
  return n > s.config.maxEvents ? [`${n} events > maxEvents ${s.config.maxEvents}`] : [];
}

/** Every step invariant, with its name. */
export function stepProblems(s: State, missingSince: Map<string, number>, opts: { daemonSets?: boolean } = {}): string[] {
  noteNodes(s, missingSince);
  return [
    ...(opts.daemonSets === false ? [] : daemonSetOnePodPerNode(s)),
    ...statefulSetOrdinalsUnique(s),
    ...jobSucceededWithinCompletions(s),
    ...noRunningPodOnMissingNode(s, missingSince),
    ...ownersExist(s),
    ...eventsBounded(s),
  ];
}

/** ReplicaSets have spec.replicas live pods (and say so in status) once nodes are healthy and time has passed. */
export function replicaSetsConverged(s: State): string[] {
  const problems: string[] = [];
  for (const rs of listObjects(s, 'ReplicaSet')) {
    if (rs.metadata.deletionTimestamp !== undefined) continue;
    const want = rs.spec.replicas ?? 1;
    const have = listObjects(s, 'Pod').filter((p) => live(p) && ownerUid(p, 'ReplicaSet') === rs.metadata.uid).length;
    if (have !== want) problems.push(`ReplicaSet ${rs.metadata.name}: ${have} live pods, want ${want}`);
    if ((rs.status?.replicas ?? 0) !== want) problems.push(`ReplicaSet ${rs.metadata.name}: status.replicas ${rs.status?.replicas}, want ${want}`);
  }
  return problems;
}
