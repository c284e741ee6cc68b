// Shared setup for the kubelet tests: a cluster, a pod created directly (as the API server stores it, already
// bound to a node so the scheduler is not involved), time advanced in steps, and kubectl-level reads.

import type { Container, Pod, PodSpec } from '../../src/cluster/api/types.js';
import { createObject } from '../../src/cluster/apiserver.js';
import { createCluster, dispatch, transact } from '../../src/cluster/engine.js';
import { summarizePod } from '../../src/cluster/printers/pod.js';
import type { State } from '../../src/cluster/state.js';
import { getObject, listObjects } from '../../src/cluster/store.js';

export const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);

export function cluster(seed = 1): State {
  return createCluster({ seed, nodes: 2 });
}

export function podManifest(name: string, containers: Container[], spec: Partial<PodSpec> = {}, node = 'node-1'): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: '', creationTimestamp: '' },
    spec: { nodeName: node, restartPolicy: 'Always', terminationGracePeriodSeconds: 30, ...spec, containers },
    status: { phase: 'Pending' },
  };
}

export function createPod(s: State, pod: Pod): State {
  return transact(s, (tx) => void createObject(tx, pod));
}

export function advance(s: State, ms: number): State {
  return dispatch(s, { type: 'advance', ms }).state;
}

export function pod(s: State, name: string): Pod | undefined {
  return getObject(s, 'Pod', `default/${name}`);
}

/** READY, STATUS, RESTARTS as `kubectl get pods` prints them. */
export function row(s: State, name: string): string {
  const p = pod(s, name);
  if (!p) return '<gone>';
  const sum = summarizePod(p);
  return `${sum.ready}/${sum.total} ${sum.status} ${sum.restarts}`;
}

/** Steps time by `stepMs` until `untilMs` after T0 and records every change of `row` with its second. */
export function watch(s: State, name: string, untilMs: number, stepMs = 100): { state: State; changes: [number, string][] } {
  const changes: [number, string][] = [];
  let last = '';
  while (s.now - T0 < untilMs) {
    s = advance(s, stepMs);
    const r = row(s, name);
    if (r !== last) {
      changes.push([Math.round((s.now - T0) / 100) / 10, r]);
      last = r;
    }
  }
  return { state: s, changes };
}

/** Events of a pod as `kubectl describe` lists them: `Type Reason (xN) Message`, oldest first. */
export function events(s: State, name: string): string[] {
  return listObjects(s, 'Event', 'default')
    .filter((e) => e.involvedObject.name === name)
    .sort((a, b) => Date.parse(a.firstTimestamp) - Date.parse(b.firstTimestamp) || Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${e.type} ${e.reason}${e.count > 1 ? ` (x${e.count})` : ''} ${e.message}`);
}
