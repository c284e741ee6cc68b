// `kubectl describe KIND NAME`: one entry point over the per-kind describers, with the object's events.

import type { Kind } from '../../api/types.js';
import type { State } from '../../state.js';
import { getObject, splitKey } from '../../store.js';
import { notFound } from '../resources.js';
import { describeCronJob, describeJob } from './batch.js';
import { describeGeneric } from './generic.js';
import { eventsFor } from './events.js';
import { describeNode } from './node.js';
import { describePod } from './pod.js';
import { describePersistentVolumeClaim } from './pvc.js';
import { describeDaemonSet, describeReplicaSet, describeReplicationController, describeStatefulSet } from './workloads.js';

export { describeProbe } from './containers.js';
export { podQOS } from './pod.js';
export { eventsFor } from './events.js';

/**
 * The describe text for the object stored under `key` (`namespace/name`, or `name` for nodes). A missing object
 * gives kubectl's NotFound error line instead.
 */
export function describe(state: State, kind: Kind, key: string): string {
  const obj = getObject(state, kind, key);
  if (!obj) return `${notFound(kind, splitKey(key).name)}\n`;
  const events = eventsFor(state, obj);
  switch (obj.kind) {
    case 'Pod':
      return describePod(obj, events, state.now);
    case 'Node':
      return describeNode(state, obj, events);
    case 'ReplicationController':
      return describeReplicationController(state, obj, events);
    case 'ReplicaSet':
      return describeReplicaSet(state, obj, events);
    case 'DaemonSet':
      return describeDaemonSet(state, obj, events);
    case 'StatefulSet':
      return describeStatefulSet(state, obj, events);
    case 'Job':
      return describeJob(obj, events, state.now);
    case 'CronJob':
      return describeCronJob(obj, events, state.now);
    case 'PersistentVolumeClaim':
      return describePersistentVolumeClaim(state, obj, events);
    case 'Event':
      return describeGeneric(obj, state.now);
  }
}
