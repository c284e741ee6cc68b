// `kubectl get rs` and `kubectl get rc`: printReplicaSet / printReplicationController
// (pkg/printers/internalversion/printers.go). They differ only in how the wide SELECTOR is formatted.

import type { ReplicaSet, ReplicationController } from '../api/types.js';
import { formatLabelSelector, formatLabels } from '../labels.js';
import { layoutContainerCells } from './common.js';
import type { Cell, Column, Printer, PrintContext } from './types.js';
import { age, num, text } from './types.js';

const columns: Column[] = [
  { name: 'NAME' },
  { name: 'DESIRED', numeric: true },
  { name: 'CURRENT', numeric: true },
  { name: 'READY', numeric: true },
  { name: 'AGE', time: true },
  { name: 'CONTAINERS', wide: true },
  { name: 'IMAGES', wide: true },
  { name: 'SELECTOR', wide: true },
];

function row(obj: ReplicaSet | ReplicationController, selector: string, ctx: PrintContext): Cell[] {
  const { names, images } = layoutContainerCells(obj.spec.template?.spec?.containers);
  return [
    text(obj.metadata.name),
    num(obj.spec.replicas ?? 1),
    num(obj.status?.replicas ?? 0),
    num(obj.status?.readyReplicas ?? 0),
    age(obj.metadata.creationTimestamp, ctx.now),
    text(names),
    text(images),
    text(selector),
  ];
}

export const replicaSetPrinter: Printer<'ReplicaSet'> = {
  kind: 'ReplicaSet',
  columns,
  row: (rs, ctx) => row(rs, formatLabelSelector(rs.spec.selector), ctx),
};

export const replicationControllerPrinter: Printer<'ReplicationController'> = {
  kind: 'ReplicationController',
  columns,
  row: (rc, ctx) => row(rc, formatLabels(rc.spec.selector), ctx),
};
