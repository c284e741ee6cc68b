// One table on screen, kept up to date incrementally (issue 6): the rows (printer output per object, by key),
// their filtered and sorted order, and the natural column widths. A new State costs the objects that changed in
// it — found by bucket identity (row-source.ts) — each printed once, taken out of the order and put back by binary
// search, and counted in or out of the widths. Everything is redone only when the filter, wide or the sort changes.
//
// Rows keep the cells printed when their object last changed (as the memoized pipeline before did): ages are
// printed fresh only for the rows in the window. Sorting by an age uses the timestamp behind it (see sortKey), so
// the order stays right as the clock moves without printing anything again.

import type { Cell, Column } from '../../cluster/printers/types.js';
import type { State } from '../../cluster/state.js';
import type { Item, ResourceView } from '../views/types.js';
import { RowTracker } from './row-tracker.js';
import type { RowSource } from './row-source.js';
import { SortedList } from './sorted.js';
import { compareSort, parseFilter, rowMatches, visibleColumns, type ParsedFilter, type Row } from './table.js';
import { WidthCounts } from './width-counts.js';

export interface TableOptions {
  /** As typed after `/`. */
  filter: string;
  wide: boolean;
  /** Index into the view's columns; -1: by key only. */
  sortColumn: number;
  asc: boolean;
}

interface Entry extends Row {
  /** State.now when the cells were printed. */
  printedAt: number;
  sortKey: number | string | undefined;
  passes: boolean;
  /** The cells printed at a later moment, for the window (ages move every second). */
  fresh?: { now: number; cells: Cell[] };
}

/**
 * The value a row sorts by. A time column's sort value is the milliseconds elapsed when the row was printed; minus
 * the moment it was printed, that is the (negated) timestamp itself — the same whenever it was printed — so rows
 * printed at different moments compare right, and the order of ages never changes as time passes. Unknown times
 * (sort -1: `<unknown>`, `<none>`) stay smallest, as before.
 */
export function sortKey(cells: Cell[], columns: Column[], column: number, printedAt: number): number | string | undefined {
  if (column < 0) return undefined;
  const v = cells[column]?.sort;
  if (columns[column]?.time && typeof v === 'number') return v === -1 ? -Infinity : v - printedAt;
  return v;
}

/** The order of a table: by sort key (reversed when descending), ties by key (so equal rows never swap). */
export function rowOrder(column: number, asc: boolean): (a: { key: string; sortKey: number | string | undefined }, b: { key: string; sortKey: number | string | undefined }) => number {
  const dir = asc ? 1 : -1;
  return (a, b) => {
    if (column >= 0) {
      const c = compareSort(a.sortKey, b.sortKey);
      if (c !== 0) return c * dir;
    }
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  };
}

export class LiveTable {
  readonly tracker: RowTracker;
  /** Indexes of the shown columns (with or without wide). */
  shown: number[];
  private entries = new Map<string, Entry>();
  private order: SortedList<Entry>;
  private counts: WidthCounts;
  private state: State | undefined;
  private opts: TableOptions = { filter: '', wide: false, sortColumn: -1, asc: true };
  private parsed: ParsedFilter = { type: 'none' };
  /** The sort column's order changes with the clock (a running Job's DURATION): printed again every second. */
  private moving = false;

  constructor(
    private view: ResourceView,
    private source: RowSource,
  ) {
    this.tracker = new RowTracker(view.columns);
    this.shown = visibleColumns(view.columns, false);
    this.counts = new WidthCounts(view.columns.length);
    this.order = new SortedList<Entry>(rowOrder(-1, true));
  }

  /** Rows after filter and sort, in screen order, as one array (built on demand: for key handlers, not frames). */
  get rows(): Row[] {
    return this.order.items;
  }

  /** How many rows pass the filter. */
  get count(): number {
    return this.order.length;
  }

  /** The rows at positions [from, to) in screen order. */
  slice(from: number, to: number): Row[] {
    return this.order.slice(from, to);
  }

  at(i: number): Row | undefined {
    return this.order.at(i);
  }

  /** Rows before the filter. */
  get total(): number {
    return this.entries.size;
  }

  get filterError(): string | undefined {
    return this.parsed.type === 'error' ? this.parsed.message : undefined;
  }

  /** Sets filter, wide and sort; refilters or re-sorts everything only when one of them changed. */
  configure(o: TableOptions): void {
    const refilter = o.filter !== this.opts.filter || o.wide !== this.opts.wide;
    const resort = o.sortColumn !== this.opts.sortColumn || o.asc !== this.opts.asc;
    if (!refilter && !resort) return;
    this.opts = { ...o };
    if (refilter) {
      this.parsed = parseFilter(o.filter);
      this.shown = visibleColumns(this.view.columns, o.wide);
    }
    const name = this.view.columns[o.sortColumn]?.name;
    this.moving = name !== undefined && (this.view.movingSort ?? []).includes(name);
    if (this.moving && this.state) return this.reprint(this.state);
    if (resort) for (const e of this.entries.values()) e.sortKey = sortKey(e.cells, this.view.columns, o.sortColumn, e.printedAt);
    this.rebuild(refilter);
  }

  /**
   * Brings the table to `state`: only the rows whose objects changed since the last State are printed again.
   * Changes are marked at UI time `at` when `mark` (not on the first load, nor when coming back to the table).
   */
  sync(state: State, at: number, mark: boolean): void {
    const prev = this.state;
    if (state === prev) return;
    this.state = state;
    const markAt = mark && prev ? at : undefined;
    const gone: Entry[] = [];
    const added: Entry[] = [];
    this.source.changes(prev, state, (key, item) => {
      const old = this.entries.get(key);
      if (old && item && old.item.obj === item.obj) return;
      if (old?.passes) {
        gone.push(old);
        this.counts.remove(old.cells);
      }
      if (!item) {
        if (!old) return;
        this.entries.delete(key);
        this.tracker.forget(key);
        return;
      }
      const e = this.entry(key, item, state.now, state);
      this.entries.set(key, e);
      if (markAt !== undefined) this.tracker.changed(key, old?.cells, e.cells, markAt);
      if (e.passes) {
        added.push(e);
        this.counts.add(e.cells);
      }
    });
    if (this.moving && prev && prev.now !== state.now) return this.reprint(state);
    this.order.update(gone, added);
  }

  /** Prints every row again at `state`'s moment, then filters and sorts them all (a moving sort). */
  private reprint(state: State): void {
    for (const [key, e] of this.entries) if (e.printedAt !== state.now) this.entries.set(key, this.entry(key, e.item, state.now, state));
    this.rebuild(true);
  }

  /** Where the selected object's row is now, else the row that took its place (index), -1 when empty. */
  selectionIndex(selected: string | undefined, fallback: number): number {
    const n = this.order.length;
    if (n === 0) return -1;
    if (selected !== undefined) {
      const e = this.entries.get(selected);
      if (e?.passes) {
        const i = this.order.indexOf(e);
        if (i >= 0) return i;
      }
    }
    return Math.max(0, Math.min(fallback, n - 1));
  }

  /** Natural width of each shown column: the widest of its header and its rows' cells (as last printed). */
  naturalWidths(): number[] {
    return this.shown.map((i) => Math.max(this.view.columns[i].name.length, this.counts.max(i)));
  }

  /** A row's cells at `state`'s moment (fresh ages), printed at most once per moment. */
  cellsAt(row: Row, state: State): Cell[] {
    const e = row as Entry;
    if (e.printedAt === state.now) return e.cells;
    if (e.fresh?.now === state.now) return e.fresh.cells;
    const cells = this.view.row(e.item, state.now, state);
    e.fresh = { now: state.now, cells };
    return cells;
  }

  private entry(key: string, item: Item, now: number, state: State): Entry {
    const cells = this.view.row(item, now, state);
    const e: Entry = { key, item, cells, printedAt: now, sortKey: sortKey(cells, this.view.columns, this.opts.sortColumn, now), passes: true };
    e.passes = rowMatches(e, this.parsed, this.view.columns, this.shown);
    return e;
  }

  /** Filters (when asked) and sorts every row again. */
  private rebuild(refilter: boolean): void {
    if (refilter) this.counts.clear();
    const pass: Entry[] = [];
    for (const e of this.entries.values()) {
      if (refilter) {
        e.passes = rowMatches(e, this.parsed, this.view.columns, this.shown);
        if (e.passes) this.counts.add(e.cells);
      }
      if (e.passes) pass.push(e);
    }
    this.order.reset(pass, rowOrder(this.opts.sortColumn, this.opts.asc));
  }
}
