// `kubectl describe rc|rs|ds|sts`: describeReplicationController, describeReplicaSet, describeDaemonSet,
// describeStatefulSet in kubectl/pkg/describe/describe.go.

import type { DaemonSet, Event, KubeObject, Pod, ReplicaSet, ReplicationController, StatefulSet } from '../../api/types.js';
import { formatLabelSelector, formatLabels, matchesMap, matchesSelector } from '../../labels.js';
import type { State } from '../../state.js';
import { dependentsOf } from '../../store.js';
import { controllerOf } from '../common.js';
import { rfc1123z } from '../duration.js';
import { canonicalQuantity } from '../quantity.js';
import { claimClass } from '../pvc.js';
import { describePodTemplate } from './containers.js';
import { describeEvents } from './events.js';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline } from './writer.js';

/** metav1.LabelSelectorAsSelector(...).String(): like FormatLabelSelector but empty for an empty selector. */
export function selectorString(sel: Parameters<typeof formatLabelSelector>[0]): string {
  const s = formatLabelSelector(sel);
  return s === '<none>' ? '' : s;
}

/** getPodStatusForController: pods the object controls (and its selector matches), counted by phase. */
export function podsStatusLine(state: State, owner: KubeObject, matches: (pod: Pod) => boolean): string {
  let running = 0, waiting = 0, succeeded = 0, failed = 0;
  for (const o of dependentsOf(state, owner.metadata.uid)) {
    if (o.kind !== 'Pod' || controllerOf(o.metadata)?.uid !== owner.metadata.uid || !matches(o)) continue;
    if (o.status?.phase === 'Running') running++;
    else if (o.status?.phase === 'Pending') waiting++;
    else if (o.status?.phase === 'Succeeded') succeeded++;
    else if (o.status?.phase === 'Failed') failed++;
  }
  return `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`;
}

function conditions(w: PrefixWriter, cs: ReplicaSet['status']['conditions']): void {
  if (!cs?.length) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of cs) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

export function describeReplicationController(state: State, rc: ReplicationController, events: Event[]): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${rc.metadata.name}\n`);
  w.write(0, `Namespace:\t${rc.metadata.namespace ?? 'default'}\n`);
  w.write(0, `Selector:\t${formatLabels(rc.spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', rc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', rc.metadata.annotations);
  w.write(0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec.replicas ?? 1} desired\n`);
  w.write(0, `Pods Status:\t${podsStatusLine(state, rc, (p) => matchesMap(rc.spec.selector, p.metadata.labels))}\n`);
  describePodTemplate(w, rc.spec.template);
  conditions(w, rc.status?.conditions);
  describeEvents(w, events, state.now);
  return w.toString();
}

export function describeReplicaSet(state: State, rs: ReplicaSet, events: Event[]): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace ?? 'default'}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', rs.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const owner = controllerOf(rs.metadata);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`);
  w.write(0, `Pods Status:\t${podsStatusLine(state, rs, (p) => matchesSelector(rs.spec.selector, p.metadata.labels))}\n`);
  describePodTemplate(w, rs.spec.template);
  conditions(w, rs.status?.conditions);
  describeEvents(w, events, state.now);
  return w.toString();
}

export function describeDaemonSet(state: State, ds: DaemonSet, events: Event[]): string {
  const w = new PrefixWriter();
  const s = ds.status ?? ({} as Partial<DaemonSet['status']>);
  w.write(0, `Name:\t${ds.metadata.name}\n`);
  w.write(0, `Namespace:\t${ds.metadata.namespace ?? 'default'}\n`);
  w.write(0, `Selector:\t${selectorString(ds.spec.selector)}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(ds.spec.template?.spec?.nodeSelector)}\n`);
  printLabelsMultiline(w, 'Labels', ds.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${s.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${s.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${s.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${s.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${s.numberMisscheduled ?? 0}\n`);
  w.write(0, `Pods Status:\t${podsStatusLine(state, ds, (p) => matchesSelector(ds.spec.selector, p.metadata.labels))}\n`);
  describePodTemplate(w, ds.spec.template);
  describeEvents(w, events, state.now);
  return w.toString();
}

export function describeStatefulSet(state: State, sts: StatefulSet, events: Event[]): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${sts.metadata.name}\n`);
  w.write(0, `Namespace:\t${sts.metadata.namespace ?? 'default'}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${selectorString(sts.spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', sts.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', sts.metadata.annotations);
  w.write(0, `Replicas:\t${sts.spec.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`);
  // apps/v1 defaulting: RollingUpdate with partition 0.
  const strategy = sts.spec.updateStrategy ?? { type: 'RollingUpdate' as const };
  const type = strategy.type ?? 'RollingUpdate';
  w.write(0, `Update Strategy:\t${type}\n`);
  if (type === 'RollingUpdate') {
    const ru = strategy.rollingUpdate ?? {};
    w.write(1, `Partition:\t${ru.partition ?? 0}\n`);
    if (ru.maxUnavailable !== undefined) w.write(1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
  }
  w.write(0, `Pods Status:\t${podsStatusLine(state, sts, (p) => matchesSelector(sts.spec.selector, p.metadata.labels))}\n`);
  describePodTemplate(w, sts.spec.template);
  const claims = sts.spec.volumeClaimTemplates ?? [];
  if (claims.length === 0) w.write(0, 'Volume Claims:\t<none>\n');
  else {
    w.write(0, 'Volume Claims:\n');
    for (const c of claims) {
      w.write(1, `Name:\t${c.metadata.name}\n`);
      const cls = claimClass({ metadata: c.metadata, spec: c.spec } as Parameters<typeof claimClass>[0]);
      w.write(1, `StorageClass:\t${cls}\n`);
      printLabelsMultiline(w, 'Labels', c.metadata.labels, '  ');
      printLabelsMultiline(w, 'Annotations', (c.metadata as { annotations?: Record<string, string> }).annotations, '  ');
      const storage = c.spec.resources?.requests?.storage;
      w.write(1, `Capacity:\t${storage !== undefined ? canonicalQuantity(storage) : '<default>'}\n`);
      w.write(1, `Access Modes:\t[${(c.spec.accessModes ?? []).join(' ')}]\n`);
    }
  }
  describeEvents(w, events, state.now);
  return w.toString();
}
