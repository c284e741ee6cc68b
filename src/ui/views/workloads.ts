// The pod controllers: `:rc`, `:rs`, `:ds`, `:sts`. Enter lists the pods the controller owns; a row is red while
// fewer pods are ready than desired (k9s render/rs.go, ds.go, sts.go VALID: "mismatch desired vs ready").

import type { Cell } from '../../cluster/printers/types.js';
import { DESCRIBE_KEYS, EDIT_DELETE_KEYS, SCALE_KEYS } from '../keys/resource.js';
import type { Health } from '../theme.js';
import { columnIndex, fraction, resourceView } from './resource.js';
import type { Item, ResourceView } from './types.js';

function ownedPods(item: Item): ReturnType<NonNullable<ResourceView['drill']>> {
  const o = item.obj as { kind: 'ReplicaSet'; metadata: { uid: string; name: string } };
  return { view: 'pods', scope: { type: 'owner', uid: o.metadata.uid, kind: o.kind, name: o.metadata.name } };
}

function desiredVsReady(columns: ResourceView['columns']): (cells: Cell[]) => Health {
  const desired = columnIndex(columns, 'DESIRED');
  const ready = columnIndex(columns, 'READY');
  return (cells) => (Number(cells[desired]?.sort) > Number(cells[ready]?.sort) ? 'error' : 'ok');
}

export const replicationControllersView = resourceView('ReplicationController', {
  name: 'replicationcontrollers',
  aliases: ['rc', 'replicationcontroller', 'replicationcontrollers'],
  health: (cells) => rcHealth(cells),
  drill: ownedPods,
  keys: [...DESCRIBE_KEYS, ...SCALE_KEYS, ...EDIT_DELETE_KEYS],
  defaultSort: { column: 'NAME', asc: true },
});
const rcHealth = desiredVsReady(replicationControllersView.columns);

export const replicaSetsView = resourceView('ReplicaSet', {
  name: 'replicasets',
  aliases: ['rs', 'replicaset', 'replicasets'],
  health: (cells) => rsHealth(cells),
  drill: ownedPods,
  keys: [...DESCRIBE_KEYS, ...SCALE_KEYS, ...EDIT_DELETE_KEYS],
  defaultSort: { column: 'NAME', asc: true },
});
const rsHealth = desiredVsReady(replicaSetsView.columns);

export const daemonSetsView = resourceView('DaemonSet', {
  name: 'daemonsets',
  aliases: ['ds', 'daemonset', 'daemonsets'],
  health: (cells) => dsHealth(cells),
  drill: ownedPods,
  keys: [...DESCRIBE_KEYS, ...EDIT_DELETE_KEYS],
  defaultSort: { column: 'NAME', asc: true },
});
const dsHealth = desiredVsReady(daemonSetsView.columns);

export const statefulSetsView = resourceView('StatefulSet', {
  name: 'statefulsets',
  aliases: ['sts', 'statefulset', 'statefulsets'],
  health(cells) {
    const f = fraction(cells[stsReady]?.text);
    return f && f[0] < f[1] ? 'error' : 'ok';
  },
  drill: ownedPods,
  keys: [...DESCRIBE_KEYS, ...SCALE_KEYS, ...EDIT_DELETE_KEYS],
  defaultSort: { column: 'NAME', asc: true },
});
const stsReady = columnIndex(statefulSetsView.columns, 'READY');
