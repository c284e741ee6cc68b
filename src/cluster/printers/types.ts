// The column model shared by `kubectl get` text output and the TUI tables (DESIGN.md "Printers", like k9s'
// renderers): a printer is data (its columns) plus one pure row function. Every cell carries the text kubectl
// prints and a sort value, so AGE sorts by elapsed time and RESTARTS by count, never as strings.

import type { Kind, ObjectOfKind } from '../api/types.js';
import type { State } from '../state.js';
import { ageMs, since } from './duration.js';

export interface Column {
  /** Header as kubectl prints it (already upper-case): `NAME`, `NOMINATED NODE`. */
  name: string;
  /** Shown only with `-o wide` (TableColumnDefinition.Priority 1). */
  wide?: boolean;
  /** Sorted by number. */
  numeric?: boolean;
  /** A duration-since column (AGE, LAST SEEN…): sort value is elapsed milliseconds. */
  time?: boolean;
}

export interface Cell {
  text: string;
  sort: number | string;
}

export interface PrintContext {
  /** Simulated time (State.now). */
  now: number;
  /** The whole cluster, for printers that look at other objects; row functions work without it. */
  state?: State;
}

export interface Printer<K extends Kind = Kind> {
  kind: K;
  /** Every column, wide ones included, in kubectl's order. */
  columns: Column[];
  /** One cell per column of `columns`. */
  row(obj: ObjectOfKind<K>, ctx: PrintContext): Cell[];
}

export const text = (t: string): Cell => ({ text: t, sort: t });
export const num = (n: number): Cell => ({ text: String(n), sort: n });
/** An age cell: HumanDuration text, elapsed-ms sort value. */
export const age = (timestamp: string | undefined | null, now: number): Cell => ({
  text: since(timestamp, now),
  sort: ageMs(timestamp, now),
});
