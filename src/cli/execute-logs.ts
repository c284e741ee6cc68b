// `kubectl logs POD|TYPE/NAME [-c C] [-p] [--tail N]`. For a controller, kubectl picks one of its pods the way
// polymorphichelpers.logsForObject does: it lists the pods its selector matches (waiting up to
// --pod-running-timeout=20s for one to appear), takes the most active one and says which on stderr.

import type { KubeObject, LabelSelector, Labels, Pod } from '../cluster/api/types.js';
import { podLogs } from '../cluster/kubelet/logs.js';
import { matchesMap, matchesSelector } from '../cluster/labels.js';
import { notFound } from '../cluster/printers/resources.js';
import type { State } from '../cluster/state.js';
import { getObject, keyOf, listObjects, objectKey } from '../cluster/store.js';
import { advanceUntil } from './clock.js';
import type { LogsCommand } from './script/types.js';
import type { OutputBuilder } from './session.js';

const POD_RUNNING_TIMEOUT_MS = 20_000;

function selectorOf(obj: KubeObject): ((labels: Labels | undefined) => boolean) | undefined {
  switch (obj.kind) {
    case 'ReplicationController':
      return (l) => matchesMap(obj.spec.selector, l);
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
      return (l) => matchesSelector(obj.spec.selector as LabelSelector | undefined, l);
    default:
      return undefined;
  }
}

const PHASE_RANK: Record<string, number> = { Running: 3, Unknown: 2, Pending: 1 };

/** The reverse of controller.ActivePods: bound, Running, ready, then oldest first. */
function mostActiveFirst(a: Pod, b: Pod): number {
  const bound = Number(!!b.spec.nodeName) - Number(!!a.spec.nodeName);
  if (bound) return bound;
  const phase = (PHASE_RANK[b.status?.phase ?? ''] ?? 0) - (PHASE_RANK[a.status?.phase ?? ''] ?? 0);
  if (phase) return phase;
  const ready = (p: Pod) => Number(p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false);
  if (ready(b) !== ready(a)) return ready(b) - ready(a);
  const ta = Date.parse(a.metadata.creationTimestamp);
  const tb = Date.parse(b.metadata.creationTimestamp);
  if (ta !== tb) return ta - tb;
  return a.metadata.name < b.metadata.name ? -1 : 1;
}

function podsOf(state: State, owner: KubeObject, matches: (l: Labels | undefined) => boolean): Pod[] {
  return listObjects(state, 'Pod', owner.metadata.namespace ?? 'default').filter((p) => matches(p.metadata.labels));
}

export function runLogs(b: OutputBuilder, cmd: LogsCommand, namespace: string): void {
  const obj = getObject(b.state, cmd.kind, objectKey(cmd.kind, namespace, cmd.name)) as KubeObject | undefined;
  if (!obj) {
    b.fail(notFound(cmd.kind, cmd.name));
    return;
  }
  let pod: Pod;
  if (obj.kind === 'Pod') {
    pod = obj;
  } else {
    const matches = selectorOf(obj);
    if (!matches) {
      b.fail(`error: cannot get the logs from ${obj.kind}: selector for ${obj.kind} not implemented`);
      return;
    }
    const waited = advanceUntil(b.state, POD_RUNNING_TIMEOUT_MS, (s) => podsOf(s, obj, matches).length > 0);
    b.state = waited.state;
    const pods = podsOf(b.state, obj, matches).sort(mostActiveFirst);
    if (pods.length === 0) {
      b.fail('error: timed out waiting for the condition');
      return;
    }
    if (pods.length > 1) b.warn(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}`);
    pod = pods[0];
  }
  const logs = podLogs(b.state, keyOf(pod), cmd.container, cmd.previous);
  if ('error' in logs) {
    b.fail(logs.error);
    return;
  }
  if (logs.defaulted) b.warn(...logs.defaulted.split('\n'));
  const lines = logs.lines;
  b.out(...(cmd.tail !== undefined ? lines.slice(Math.max(0, lines.length - cmd.tail)) : lines));
}
