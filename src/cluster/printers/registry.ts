// Kind → printer: the one table the headless runner, the TUI views and the tests look printers up in.

import type { Kind, ObjectOfKind } from '../api/types.js';
import { cronJobPrinter } from './cronjob.js';
import { daemonSetPrinter } from './daemonset.js';
import { eventPrinter } from './event.js';
import { jobPrinter } from './job.js';
import { nodePrinter } from './node.js';
import { podPrinter } from './pod.js';
import { pvcPrinter } from './pvc.js';
import { replicaSetPrinter, replicationControllerPrinter } from './replicaset.js';
import { statefulSetPrinter } from './statefulset.js';
import type { Cell, Column, Printer, PrintContext } from './types.js';

export const PRINTERS: { [K in Kind]: Printer<K> } = {
  Pod: podPrinter,
  Node: nodePrinter,
  ReplicationController: replicationControllerPrinter,
  ReplicaSet: replicaSetPrinter,
  DaemonSet: daemonSetPrinter,
  StatefulSet: statefulSetPrinter,
  Job: jobPrinter,
  CronJob: cronJobPrinter,
  PersistentVolumeClaim: pvcPrinter,
  Event: eventPrinter,
};

export function printerFor<K extends Kind>(kind: K): Printer<K> {
  return PRINTERS[kind] as Printer<K>;
}

/** The columns shown with or without `-o wide`. */
export function visibleColumns(kind: Kind, wide: boolean): Column[] {
  return PRINTERS[kind].columns.filter((c) => wide || !c.wide);
}

/** One object's cells for every column of its printer (wide included). */
export function rowOf<K extends Kind>(kind: K, obj: ObjectOfKind<K>, ctx: PrintContext): Cell[] {
  return printerFor(kind).row(obj, ctx);
}
