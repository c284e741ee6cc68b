// Shared helpers for the scheduler and node tests: pods built as the API server would store them, created
// straight into the State with `transact` (no manifest parsing involved).

import type { Action, ActionResult } from '../../src/cluster/actions.js';
import type { Container, Event, Pod, PodSpec } from '../../src/cluster/api/types.js';
import { createObject } from '../../src/cluster/apiserver.js';
import { dispatch, transact } from '../../src/cluster/engine.js';
import type { State } from '../../src/cluster/state.js';
import { getObject, listObjects } from '../../src/cluster/store.js';

export interface PodOptions {
  requests?: Record<string, string>;
  hostPort?: number;
  nodeSelector?: Record<string, string>;
  nodeName?: string;
  owner?: { kind: string; name: string; uid: string };
  spec?: Partial<PodSpec>;
  status?: Pod['status'];
}

export function pod(name: string, o: PodOptions = {}): Pod {
  const container: Container = { name: 'app', image: 'nginx' };
  if (o.requests) container.resources = { requests: o.requests };
  if (o.hostPort) container.ports = [{ containerPort: 80, hostPort: o.hostPort, protocol: 'TCP' }];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: '',
      creationTimestamp: '',
      ...(o.owner
        ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: o.owner.kind, name: o.owner.name, uid: o.owner.uid, controller: true, blockOwnerDeletion: true }] }
        : {}),
    },
    spec: {
      containers: [container],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}),
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
      ...o.spec,
    },
    status: o.status ?? { phase: 'Pending', qosClass: 'BestEffort' },
  };
}

/** A pod that a kubelet has already started: Running, all conditions True. */
export function runningPod(name: string, node: string, o: PodOptions = {}): Pod {
  const t = '2025-01-01T00:00:00Z';
  return pod(name, {
    ...o,
    nodeName: node,
    status: {
      phase: 'Running',
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
        type,
        status: 'True' as const,
        lastProbeTime: null,
        lastTransitionTime: t,
      })),
      containerStatuses: [
        { name: 'app', image: 'nginx', imageID: '', ready: true, restartCount: 0, started: true, state: { running: { startedAt: t } }, lastState: {} },
      ],
    },
  });
}

export function create(s: State, ...pods: Pod[]): State {
  return transact(s, (tx) => {
    for (const p of pods) createObject(tx, p);
  });
}

export function run(s: State, action: Action): { state: State; result: ActionResult } {
  return dispatch(s, action);
}

export function advance(s: State, ms: number): State {
  return dispatch(s, { type: 'advance', ms }).state;
}

export function getPod(s: State, name: string): Pod | undefined {
  return getObject(s, 'Pod', `default/${name}`);
}

export function podCondition(s: State, name: string, type: string) {
  return getPod(s, name)?.status.conditions?.find((c) => c.type === type);
}

export function eventsFor(s: State, kind: string, name: string): Event[] {
  return listObjects(s, 'Event')
    .filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name)
    .sort((a, b) => a.firstTimestamp.localeCompare(b.firstTimestamp) || a.metadata.name.localeCompare(b.metadata.name));
}

export function eventReasons(s: State, kind: string, name: string): string[] {
  return eventsFor(s, kind, name).map((e) => `${e.type} ${e.reason} ${e.message}`);
}
