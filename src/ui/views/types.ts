// A view is a description, not code (DESIGN.md "The UI"): which rows it lists, which printer draws them, how a
// row is coloured, where Enter goes, and which keys it has. Adding a kind is adding one of these.

import type { Kind, KubeObject } from '../../cluster/api/types.js';
import type { Cell, Column } from '../../cluster/printers/types.js';
import type { State } from '../../cluster/state.js';
import type { KeyBinding } from '../keys/types.js';
import type { Health } from '../theme.js';

export type ViewName =
  | 'pods'
  | 'replicationcontrollers'
  | 'replicasets'
  | 'daemonsets'
  | 'statefulsets'
  | 'jobs'
  | 'cronjobs'
  | 'nodes'
  | 'events'
  | 'persistentvolumeclaims'
  | 'containers';

/** What a drilled-down table is limited to. */
export type Scope =
  /** Objects with a controller ownerReference to `uid` (rs → pods, cronjob → jobs). */
  | { type: 'owner'; uid: string; kind: Kind; name: string }
  /** Pods bound to a node. */
  | { type: 'node'; name: string }
  /** The containers of one pod. */
  | { type: 'pod'; key: string; name: string };

/** One listed thing: its stable key (selection follows it) and the object the row is drawn from. */
export interface Item {
  key: string;
  obj: unknown;
  /** The Kubernetes object behind the row (a container row points at its pod). */
  kind?: Kind;
  objKey?: string;
}

export interface Sort {
  column: string;
  asc: boolean;
}

export interface ResourceView {
  name: ViewName;
  /** Words that open it from the `:` prompt (`po`, `pod`, `pods`). */
  aliases: string[];
  /** The Kubernetes kind behind the rows; undefined for containers. */
  kind?: Kind;
  namespaced: boolean;
  /** Every column, wide ones included, in order. */
  columns: Column[];
  list(state: State, scope?: Scope): Item[];
  /** One cell per column. */
  row(item: Item, now: number, state: State): Cell[];
  /** k9s' ColorerFunc: the row's health from its cells. */
  health(cells: Cell[], item: Item): Health;
  /** Where Enter goes; undefined: Enter describes. */
  drill?(item: Item, state: State): { view: ViewName; scope: Scope } | undefined;
  keys: KeyBinding[];
  defaultSort: Sort;
  /**
   * Time columns whose order changes as time passes (a running Job's DURATION grows, a finished one's does not):
   * sorted by one of them, the table is printed again every second. Ages need not be listed: their order is
   * fixed (state/live-table.ts sortKey).
   */
  movingSort?: string[];
}

/** The object a row stands for, typed. */
export function objectOf(item: Item): KubeObject {
  return item.obj as KubeObject;
}
