// Where a table's rows come from, as changes: which rows appeared, changed or went away between two States. A view
// over a Kind diffs that Kind's table by bucket identity (table-diff.ts), so a tick that touched 10 of 150,000
// pods costs 10 rows; a drilled-down view keeps only the objects of its scope (the same rule as listKind's index
// lookups). The containers of one pod are listed again only when that pod changed.

import type { Kind, KubeObject } from '../../cluster/api/types.js';
import type { State } from '../../cluster/state.js';
import { getObject } from '../../cluster/store.js';
import { itemOf } from '../views/resource.js';
import type { Item, ResourceView, Scope } from '../views/types.js';
import { diffTable } from './table-diff.js';

export interface RowSource {
  /**
   * Calls `visit` for every row that appeared or changed (with its item) or went away (undefined) between `prev`
   * and `next`; every row of `next` when `prev` is undefined. A row may be visited unchanged (identical object).
   */
  changes(prev: State | undefined, next: State, visit: (key: string, item: Item | undefined) => void): void;
}

/**
 * Membership in a scope, for one object: what listKind finds through the dependents and podsByNode indexes
 * (tx.ts reindex keeps them from ownerReferences and spec.nodeName), asked of the object itself.
 */
export function scopeMember(kind: Kind, scope: Scope | undefined): ((obj: KubeObject) => boolean) | undefined {
  if (scope?.type === 'owner') {
    return (o) => o.kind === kind && (o.metadata.ownerReferences ?? []).some((r) => r.uid === scope.uid && r.controller);
  }
  if (scope?.type === 'node' && kind === 'Pod') return (o) => (o as { spec?: { nodeName?: string } }).spec?.nodeName === scope.name;
  return undefined;
}

/** The objects of one Kind (in a scope): the first listing through the view (indexes), then table diffs. */
export class KindSource implements RowSource {
  private member: ((obj: KubeObject) => boolean) | undefined;

  constructor(
    private view: ResourceView,
    private kind: Kind,
    private scope: Scope | undefined,
  ) {
    this.member = scopeMember(kind, scope);
  }

  changes(prev: State | undefined, next: State, visit: (key: string, item: Item | undefined) => void): void {
    if (!prev) {
      for (const item of this.view.list(next, this.scope)) visit(item.key, item);
      return;
    }
    const member = this.member;
    diffTable<KubeObject>(prev, next, this.kind, (key, _before, after) => {
      visit(key, after !== undefined && (!member || member(after)) ? itemOf(after) : undefined);
    });
  }
}

/**
 * A view listed as a whole (the containers of a pod): listed again when `depends` changes identity, and compared
 * with the last listing by key.
 */
export class ListSource implements RowSource {
  private keys = new Set<string>();

  constructor(
    private view: ResourceView,
    private scope: Scope | undefined,
    private depends: (state: State) => unknown,
  ) {}

  changes(prev: State | undefined, next: State, visit: (key: string, item: Item | undefined) => void): void {
    if (prev && this.depends(prev) === this.depends(next)) return;
    const keys = new Set<string>();
    for (const item of this.view.list(next, this.scope)) {
      keys.add(item.key);
      visit(item.key, item);
    }
    if (prev) for (const k of this.keys) if (!keys.has(k)) visit(k, undefined);
    this.keys = keys;
  }
}

/** The source for a view in a scope. */
export function sourceFor(view: ResourceView, scope: Scope | undefined): RowSource {
  if (view.kind) return new KindSource(view, view.kind, scope);
  if (scope?.type === 'pod') return new ListSource(view, scope, (s) => getObject(s, 'Pod', scope.key));
  return new ListSource(view, scope, (s) => s);
}
