// Builders and probes for the ReplicaSet / ReplicationController tests: typed objects as admission leaves them.
import type { Labels, Pod, ReplicaSet, ReplicationController } from '../../src/cluster/api/types.js';
import { deleteObject, type DeleteOptions } from '../../src/cluster/apiserver.js';
import { CONTROLLERS } from '../../src/cluster/controllers/index.js';
import { transact } from '../../src/cluster/engine.js';
import type { State } from '../../src/cluster/state.js';
import { getObject, groupMembers, INDEX, listObjects } from '../../src/cluster/store.js';
import { rfc3339 } from '../../src/cluster/util/time.js';
import { template } from './helpers.js';

export const kubeletRegistered = CONTROLLERS.some((c) => c.name === 'kubelet');

/** The pod name suffix alphabet of generateName. */
export const GENERATED = /^[bcdfghjklmnpqrstvwxz2456789]{5}$/;

export function replicaSet(name: string, replicas: number | undefined, labels: Labels = { app: name }, spec: Partial<ReplicaSet['spec']> = {}): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: '', creationTimestamp: '' },
    spec: {
      ...(replicas === undefined ? {} : { replicas }),
      selector: { matchLabels: labels },
      template: template(labels, 'luksa/kubia'),
      ...spec,
    },
    status: { replicas: 0 },
  };
}

export function replicationController(name: string, replicas: number, selector: Labels | undefined, templateLabels: Labels = selector ?? { app: name }): ReplicationController {
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name, namespace: 'default', uid: '', creationTimestamp: '' },
    spec: { replicas, ...(selector ? { selector } : {}), template: template(templateLabels, 'luksa/kubia') },
    status: { replicas: 0 },
  };
}

/** A bare pod as `kubectl create -f pod.yaml` makes it (no owner). */
export function barePod(name: string, labels: Labels, phase: Pod['status']['phase'] = 'Pending'): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: '', creationTimestamp: '', labels },
    spec: { containers: [{ name: 'main', image: 'luksa/kubia' }], restartPolicy: 'Always' },
    status: { phase },
  };
}

/** Pods (not Terminating) whose controller is `owner`, sorted by name. */
export function ownedPods(s: State, kind: string, owner: string): Pod[] {
  return listObjects(s, 'Pod')
    .filter((p) => !p.metadata.deletionTimestamp && p.metadata.ownerReferences?.some((r) => r.controller && r.kind === kind && r.name === owner))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

export function livePods(s: State): Pod[] {
  return listObjects(s, 'Pod')
    .filter((p) => !p.metadata.deletionTimestamp)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

export function eventsFor(s: State, name: string): { reason: string; message: string; component: string }[] {
  return listObjects(s, 'Event')
    .filter((e) => e.involvedObject.name === name)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => ({ reason: e.reason, message: e.message, component: e.source.component }));
}

export function podKey(p: Pod): string {
  return `${p.metadata.namespace}/${p.metadata.name}`;
}

export function del(s: State, kind: Parameters<typeof deleteObject>[1], key: string, opts: DeleteOptions = {}): State {
  return transact(s, (tx) => {
    deleteObject(tx, kind, key, opts);
  });
}

/** `kubectl scale`: spec.replicas and a new generation, as the API server records a spec change. */
export function scale(s: State, kind: 'ReplicaSet' | 'ReplicationController', key: string, replicas: number): State {
  return transact(s, (tx) => {
    tx.update(kind, key, (o) => {
      o.spec.replicas = replicas;
      o.metadata.generation = (o.metadata.generation ?? 0) + 1;
    });
  });
}

export function setLabels(s: State, key: string, labels: Labels): State {
  return transact(s, (tx) => {
    tx.update('Pod', key, (p) => {
      p.metadata.labels = labels;
    });
  });
}

/**
 * Stands in for the scheduler and kubelet on a cluster without nodes: binds the pod to a node name no kubelet
 * runs, and sets phase and Ready as the kubelet would report them.
 */
export function runPod(s: State, key: string, node: string, opts: { ready?: boolean; readyAt?: number; restarts?: number } = {}): State {
  return transact(s, (tx) => {
    tx.update('Pod', key, (p) => {
      p.spec.nodeName = node;
      p.status.phase = 'Running';
      const at = rfc3339(opts.readyAt ?? tx.now);
      p.status.conditions = [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True', lastProbeTime: null, lastTransitionTime: at }];
      p.status.containerStatuses = [
        { name: 'main', state: { running: { startedAt: at } }, lastState: {}, ready: opts.ready !== false, restartCount: opts.restarts ?? 0, image: 'luksa/kubia', imageID: '' },
      ];
    });
  });
}

export function rsStatus(s: State, kind: 'ReplicaSet' | 'ReplicationController', key: string) {
  return getObject(s, kind, key)!.status;
}

export function orphanKeys(s: State): string[] {
  return groupMembers(s, INDEX.orphanPods, 'default').sort();
}
