// `kubectl wait` and `kubectl rollout status`, run against the simulation: time advances (clock.ts) until the
// condition holds. Conditions and messages follow staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go and
// staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go.

import type { DaemonSet, Kind, KubeObject, StatefulSet } from '../cluster/api/types.js';
import { notFound, qualifiedName, RESOURCES } from '../cluster/printers/resources.js';
import type { State } from '../cluster/state.js';
import { getObject, listObjects, objectKey } from '../cluster/store.js';
import { advanceUntil, FOREVER_CAP_MS } from './clock.js';
import { JsonPathError, jsonPathValues } from './jsonpath.js';
import { matchesSelectorRequirements } from './script/selector.js';
import type { RolloutStatusCommand, WaitCommand, WaitFor } from './script/types.js';
import type { OutputBuilder } from './session.js';

interface WaitTarget {
  kind: Kind;
  name: string;
  namespace: string;
  /** uid when the wait began: for --for=delete a new object with the same name does not count. */
  uid?: string;
}

function lookup(state: State, t: WaitTarget): KubeObject | undefined {
  return getObject(state, t.kind, objectKey(t.kind, t.namespace, t.name)) as KubeObject | undefined;
}

/** ConditionalWait.checkCondition: type and status compared case-insensitively; stale generations ignored. */
export function conditionMet(obj: KubeObject, name: string, value: string): boolean {
  const status = (obj as { status?: { conditions?: unknown; observedGeneration?: number } }).status;
  const conditions = Array.isArray(status?.conditions) ? (status!.conditions as Record<string, unknown>[]) : [];
  for (const c of conditions) {
    if (typeof c.type !== 'string' || c.type.toLowerCase() !== name.toLowerCase()) continue;
    if (typeof c.status !== 'string') continue;
    const generation = obj.metadata.generation;
    const observed = typeof c.observedGeneration === 'number' ? c.observedGeneration : status?.observedGeneration;
    if (generation !== undefined && observed !== undefined && observed < generation) return false;
    return c.status.toLowerCase() === value.toLowerCase();
  }
  return false;
}

/** JSONPathWait.checkCondition; throws kubectl's error for a path reaching several values or a map/list. */
export function jsonPathMet(obj: KubeObject, path: string, value: string | undefined): boolean {
  const results = jsonPathValues(path, obj);
  if (results.length === 0) return false;
  if (results.length > 1) throw new JsonPathError('given jsonpath expression matches more than one value');
  if (value === undefined) return true;
  const r = results[0];
  if (r !== null && typeof r === 'object') throw new JsonPathError('jsonpath leads to a nested object or list which is not supported');
  return String(r).trim() === value.trim();
}

function targetsOf(b: OutputBuilder, cmd: WaitCommand, namespace: string): WaitTarget[] {
  const out: WaitTarget[] = [];
  for (const t of cmd.targets) {
    const ns = namespace;
    if (t.names.length > 0) {
      for (const name of t.names) {
        const obj = getObject(b.state, t.kind, objectKey(t.kind, ns, name)) as KubeObject | undefined;
        if (!obj && cmd.for.type === 'delete') continue; // already gone: nothing to wait for
        if (!obj && cmd.for.type !== 'create') {
          b.fail(notFound(t.kind, name));
          continue;
        }
        out.push({ kind: t.kind, name, namespace: ns, uid: obj?.metadata.uid });
      }
      continue;
    }
    const reqs = cmd.selector?.requirements ?? [];
    const objs = (listObjects(b.state, t.kind, ns) as KubeObject[])
      .filter((o) => matchesSelectorRequirements(reqs, o.metadata.labels))
      .sort((x, y) => (x.metadata.name < y.metadata.name ? -1 : x.metadata.name > y.metadata.name ? 1 : 0));
    for (const o of objs) out.push({ kind: t.kind, name: o.metadata.name, namespace: ns, uid: o.metadata.uid });
  }
  return out;
}

function isMet(state: State, t: WaitTarget, f: WaitFor): boolean | 'gone' {
  const obj = lookup(state, t);
  switch (f.type) {
    case 'delete':
      return !obj || obj.metadata.uid !== t.uid;
    case 'create':
      return obj !== undefined;
    case 'condition':
      return obj ? conditionMet(obj, f.condition, f.value) : 'gone';
    case 'jsonpath':
      return obj ? jsonPathMet(obj, f.path, f.value) : 'gone';
  }
}

/** Visits the objects in order, as RunWait does; all share one deadline. */
export function runWait(b: OutputBuilder, cmd: WaitCommand, namespace: string): void {
  const targets = targetsOf(b, cmd, namespace);
  if (b.failed) return;
  if (targets.length === 0) {
    if (cmd.for.type !== 'delete') b.fail('error: no matching resources found');
    return;
  }
  const deadline = b.state.now + cmd.timeoutMs;
  for (const t of targets) {
    const plural = `${RESOURCES[t.kind].plural}/${t.name}`;
    // Written by the check callback; held in an object so TypeScript does not narrow it to its initial value.
    const seen: { outcome: boolean | 'gone' } = { outcome: false };
    try {
      const waited = advanceUntil(b.state, Math.max(0, deadline - b.state.now), (s) => {
        seen.outcome = isMet(s, t, cmd.for);
        return seen.outcome !== false;
      });
      b.state = waited.state;
    } catch (e) {
      if (!(e instanceof JsonPathError)) throw e;
      b.fail(`error: ${e.message}`);
      continue;
    }
    const outcome = seen.outcome;
    if (outcome === true) b.out(`${qualifiedName(t.kind, t.name)} condition met`);
    else if (outcome === 'gone') b.fail(notFound(t.kind, t.name));
    else if (cmd.timeoutMs === 0) b.fail(`error: condition not met for ${plural}`);
    else b.fail(`error: timed out waiting for the condition on ${plural}`);
  }
}

type Status = { message: string; done: boolean } | { error: string };

/** DaemonSetStatusViewer.Status. */
export function daemonSetStatus(ds: DaemonSet): Status {
  if ((ds.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    return { error: 'rollout status is only available for RollingUpdate strategy type' };
  }
  const st = ds.status;
  if ((ds.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const updated = st.updatedNumberScheduled ?? 0;
    if (updated < st.desiredNumberScheduled) {
      return { message: `Waiting for daemon set "${ds.metadata.name}" rollout to finish: ${updated} out of ${st.desiredNumberScheduled} new pods have been updated...`, done: false };
    }
    const available = st.numberAvailable ?? 0;
    if (available < st.desiredNumberScheduled) {
      return { message: `Waiting for daemon set "${ds.metadata.name}" rollout to finish: ${available} of ${st.desiredNumberScheduled} updated pods are available...`, done: false };
    }
    return { message: `daemon set "${ds.metadata.name}" successfully rolled out`, done: true };
  }
  return { message: 'Waiting for daemon set spec update to be observed...', done: false };
}

/** StatefulSetStatusViewer.Status. */
export function statefulSetStatus(sts: StatefulSet): Status {
  const strategy = sts.spec.updateStrategy;
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    return { error: 'rollout status is only available for RollingUpdate strategy type' };
  }
  const st = sts.status;
  const observed = st.observedGeneration ?? 0;
  if (observed === 0 || (sts.metadata.generation ?? 0) > observed) {
    return { message: 'Waiting for statefulset spec update to be observed...', done: false };
  }
  const replicas = sts.spec.replicas;
  if (replicas !== undefined && (st.readyReplicas ?? 0) < replicas) {
    return { message: `Waiting for ${replicas - (st.readyReplicas ?? 0)} pods to be ready...`, done: false };
  }
  const updated = st.updatedReplicas ?? 0;
  if (strategy?.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && updated < replicas - partition) {
      return { message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...`, done: false };
    }
    return { message: `partitioned roll out complete: ${updated} new pods have been updated...`, done: true };
  }
  if (st.updateRevision !== st.currentRevision) {
    return { message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${st.updateRevision}...`, done: false };
  }
  return { message: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision}...`, done: true };
}

/** `kubectl rollout status`: prints each new status message until done (kubectl prints on every watch event). */
export function runRolloutStatus(b: OutputBuilder, cmd: RolloutStatusCommand, namespace: string): void {
  if (cmd.kind !== 'DaemonSet' && cmd.kind !== 'StatefulSet') {
    const group = RESOURCES[cmd.kind].group;
    b.fail(`error: no status viewer has been implemented for ${cmd.kind}${group ? `.${group}` : ''}`);
    return;
  }
  const key = objectKey(cmd.kind, namespace, cmd.name);
  if (!getObject(b.state, cmd.kind, key)) {
    b.fail(notFound(cmd.kind, cmd.name));
    return;
  }
  let last = '';
  let error: string | undefined;
  const waited = advanceUntil(b.state, cmd.timeoutMs ?? FOREVER_CAP_MS, (s) => {
    const obj = getObject(s, cmd.kind, key);
    if (!obj) {
      error = `object has been deleted`;
      return true;
    }
    const st = obj.kind === 'DaemonSet' ? daemonSetStatus(obj) : statefulSetStatus(obj as StatefulSet);
    if ('error' in st) {
      error = st.error;
      return true;
    }
    if (st.message !== last) b.out(st.message);
    last = st.message;
    return st.done;
  });
  b.state = waited.state;
  if (error) b.fail(`error: ${error}`);
  else if (!waited.met) {
    b.fail('error: timed out waiting for the condition');
    if (cmd.timeoutMs === undefined) {
      b.warn(`kubesim: stopped after ${FOREVER_CAP_MS / 60_000}m of simulated time (kubectl would keep waiting; pass --timeout to choose)`);
    }
  }
}
