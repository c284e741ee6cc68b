// Builders for controller tests: typed objects with the defaults admission would apply.
import type { DaemonSet, PodTemplateSpec, StatefulSet } from '../../src/cluster/api/types.js';
import { createObject } from '../../src/cluster/apiserver.js';
import { dispatch, transact } from '../../src/cluster/engine.js';
import type { State } from '../../src/cluster/state.js';
import { listObjects } from '../../src/cluster/store.js';

export function template(labels: Record<string, string>, image = 'nginx:1.16', extra: Partial<PodTemplateSpec['spec']> = {}): PodTemplateSpec {
  return {
    metadata: { labels },
    spec: {
      containers: [{ name: 'main', image, imagePullPolicy: 'IfNotPresent' }],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      ...extra,
    },
  };
}

export function daemonSet(name: string, labels: Record<string, string>, extra: Partial<PodTemplateSpec['spec']> = {}, strategy?: DaemonSet['spec']['updateStrategy']): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'default', uid: '', creationTimestamp: '' },
    spec: {
      selector: { matchLabels: labels },
      template: template(labels, 'nginx:1.16', extra),
      updateStrategy: strategy ?? { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
    },
    status: { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 },
  };
}

export function statefulSet(name: string, replicas: number, labels: Record<string, string>, spec: Partial<StatefulSet['spec']> = {}): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: 'default', uid: '', creationTimestamp: '' },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      serviceName: name,
      template: template(labels),
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      ...spec,
    },
    status: { replicas: 0 },
  };
}

export function create(state: State, obj: Parameters<typeof createObject>[1]): State {
  return transact(state, (tx) => {
    createObject(tx, obj);
  });
}

export function advance(state: State, ms: number): State {
  return dispatch(state, { type: 'advance', ms }).state;
}

export function podNames(state: State): string[] {
  return listObjects(state, 'Pod')
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => p.metadata.name)
    .sort();
}
