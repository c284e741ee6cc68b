// Connects a table frame to the cluster state through a LiveTable (state/live-table.ts): each new State costs the
// objects that changed in it, not a pass over every row, and only the rows in the window get fresh cells (ages
// move every second). The tables of the last few screens are kept, so going back from a drill-down does not
// list and sort 150,000 pods again: they catch up with what changed meanwhile (without marking it).

import { useRef } from 'react';
import type { Cell } from '../../cluster/printers/types.js';
import type { State } from '../../cluster/state.js';
import { LiveTable } from '../state/live-table.js';
import { sortOf } from '../state/reducer.js';
import type { RowTracker } from '../state/row-tracker.js';
import { sourceFor } from '../state/row-source.js';
import { fitWidths, windowStart, type Row } from '../state/table.js';
import type { TableFrame, UiState } from '../state/types.js';
import type { Health } from '../theme.js';
import { VIEWS } from '../views/index.js';
import type { ResourceView } from '../views/types.js';

export interface WindowRow {
  row: Row;
  cells: Cell[];
  health: Health;
}

export interface TableModel {
  view: ResourceView;
  frame: TableFrame;
  /** Rows after filter and sort, as one array: built when asked for (key handlers), never for a frame. */
  readonly rows: Row[];
  /** How many rows pass the filter. */
  count: number;
  /** The selected row. */
  selected?: Row;
  /** Rows before the filter. */
  total: number;
  selectedIndex: number;
  top: number;
  window: WindowRow[];
  shown: number[];
  widths: number[];
  filterError?: string;
  tracker: RowTracker;
}

/** Tables kept for the screens visited last (the one on screen included). */
const KEEP_TABLES = 4;

/** The live tables by scope, most recently shown last. */
export class TableCache {
  private tables = new Map<string, LiveTable>();
  private current: string | undefined;

  /** The table for `scope` (made if needed); `fresh` when it was not the one shown last time. */
  get(scope: string, make: () => LiveTable): { table: LiveTable; fresh: boolean } {
    let table = this.tables.get(scope);
    if (table) this.tables.delete(scope);
    else table = make();
    this.tables.set(scope, table);
    for (const k of this.tables.keys()) {
      if (this.tables.size <= KEEP_TABLES) break;
      this.tables.delete(k);
    }
    const fresh = scope !== this.current;
    this.current = scope;
    return { table, fresh };
  }
}

/**
 * How far each column may shrink to fit: the first (the name) is protected longest, the others first give up
 * what is past 12 characters, then down to their header, then to 3 — whichever tier is the first that fits.
 */
export function minimumWidths(widths: number[], headers: number[], available: number): number[] {
  const tiers: ((w: number, header: number, first: boolean) => number)[] = [
    (w, header, first) => (first ? Math.min(w, 40) : Math.min(w, Math.max(header, 12))),
    (w, header, first) => (first ? Math.min(w, 32) : Math.min(w, header)),
    (w, _header, first) => (first ? Math.min(w, 20) : Math.min(w, 3)),
  ];
  let mins: number[] = [];
  for (const tier of tiers) {
    mins = widths.map((w, i) => tier(w, headers[i], i === 0));
    if (mins.reduce((a, b) => a + b, 0) + 2 * Math.max(0, mins.length - 1) <= available) break;
  }
  return mins;
}

export function scopeKey(frame: TableFrame): string {
  const s = frame.scope;
  if (!s) return frame.view;
  return `${frame.view}|${s.type}|${s.type === 'owner' ? s.uid : s.type === 'node' ? s.name : s.key}`;
}

const MIN_TIME_WIDTH = 6;

export function useTableModel(frame: TableFrame, state: State, ui: UiState, bodyHeight: number, innerWidth: number, uiNow: number): TableModel {
  const view = VIEWS[frame.view];
  const scope = scopeKey(frame);
  const cache = useRef<TableCache | undefined>(undefined);
  cache.current ??= new TableCache();
  const { table, fresh } = cache.current.get(scope, () => new LiveTable(view, sourceFor(view, frame.scope)));

  const sort = sortOf(ui, view.name);
  table.configure({ filter: frame.filter, wide: ui.wide, sortColumn: view.columns.findIndex((c) => c.name === sort.column), asc: sort.asc });
  table.sync(state, uiNow, !fresh);

  const count = table.count;
  const shown = table.shown;
  const selectedIndex = table.selectionIndex(frame.selected, frame.index);
  const tops = useRef(new Map<string, number>());
  const top = windowStart(tops.current.get(scope) ?? 0, Math.max(0, selectedIndex), bodyHeight, count);
  tops.current.set(scope, top);

  const window: WindowRow[] = table.slice(top, top + Math.max(0, bodyHeight)).map((row) => {
    const cells = table.cellsAt(row, state);
    return { row, cells, health: view.health(cells, row.item) };
  });

  const natural = table.naturalWidths();
  const widths = natural.map((w, i) => {
    const c = view.columns[shown[i]];
    let width = c.time ? Math.max(w, MIN_TIME_WIDTH) : w;
    for (const r of window) width = Math.max(width, r.cells[shown[i]]?.text.length ?? 0);
    // Room for the sort arrow after the header.
    return Math.max(width, c.name.length + (c.name === sort.column ? 1 : 0));
  });
  const fitted = fitWidths(widths, minimumWidths(widths, shown.map((i) => view.columns[i].name.length), innerWidth), innerWidth);

  return {
    view,
    frame,
    get rows() {
      return table.rows;
    },
    count,
    selected: table.at(selectedIndex),
    total: table.total,
    selectedIndex,
    top,
    window,
    shown,
    widths: fitted,
    filterError: table.filterError,
    tracker: table.tracker,
  };
}
