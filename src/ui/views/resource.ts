// Builds a table view over one Kind from its kubectl printer (src/cluster/printers): the columns and cells are the
// printer's, so the dashboard shows exactly what `kubectl get -o wide` prints, and sorting uses Cell.sort values.

import type { Kind, KubeObject } from '../../cluster/api/types.js';
import { NAMESPACED } from '../../cluster/api/types.js';
import { printerFor } from '../../cluster/printers/registry.js';
import type { Cell, Column } from '../../cluster/printers/types.js';
import type { State } from '../../cluster/state.js';
import { dependentsOf, keyOf, listObjects, podsOnNode } from '../../cluster/store.js';
import type { Item, ResourceView, Scope } from './types.js';

export function itemOf(obj: KubeObject): Item {
  const key = keyOf(obj);
  return { key, obj, kind: obj.kind, objKey: key };
}

/** The objects of `kind` in a scope: all of them, those a controller owns, or the pods on a node (indexes, no scans). */
export function listKind(state: State, kind: Kind, scope?: Scope): Item[] {
  let objs: KubeObject[];
  if (scope?.type === 'owner') {
    objs = dependentsOf(state, scope.uid).filter(
      (o) => o.kind === kind && (o.metadata.ownerReferences ?? []).some((r) => r.uid === scope.uid && r.controller),
    );
  } else if (scope?.type === 'node' && kind === 'Pod') {
    objs = podsOnNode(state, scope.name);
  } else {
    objs = listObjects(state, kind) as KubeObject[];
  }
  return objs.map(itemOf);
}

/** Index of a column by its header, for health rules that read a cell (k9s reads STATUS/READY the same way). */
export function columnIndex(columns: Column[], name: string): number {
  return columns.findIndex((c) => c.name === name);
}

/** A "ready/total" style cell (`2/3`) → its two numbers. */
export function fraction(text: string | undefined): [number, number] | undefined {
  const m = /^(\d+)\/(\d+)/.exec(text ?? '');
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

export function resourceView(
  kind: Kind,
  rest: Omit<ResourceView, 'kind' | 'namespaced' | 'columns' | 'list' | 'row'> & { list?: ResourceView['list'] },
): ResourceView {
  const printer = printerFor(kind);
  return {
    ...rest,
    kind,
    namespaced: NAMESPACED[kind],
    columns: printer.columns,
    list: rest.list ?? ((state, scope) => listKind(state, kind, scope)),
    row: (item, now, state): Cell[] => printer.row(item.obj as never, { now, state }),
  };
}
