// Connects a table frame to the cluster state: the memoized pipeline of state/table.ts. Each stage recomputes only
// when its input changed identity (immer keeps an untouched table identical), and only the rows in the window get
// fresh cells (ages move every second) — so 10,000 pods cost a sort when something changes, not per frame.

import { useMemo, useRef } from 'react';
import type { Cell } from '../../cluster/printers/types.js';
import type { State } from '../../cluster/state.js';
import { sortOf } from '../state/reducer.js';
import { RowTracker } from '../state/row-tracker.js';
import {
  columnWidths, filterRows, fitWidths, parseFilter, selectionIndex, sortRows, visibleColumns, windowStart, type Row,
} from '../state/table.js';
import type { TableFrame, UiState } from '../state/types.js';
import type { Health } from '../theme.js';
import { VIEWS } from '../views/index.js';
import type { Item, ResourceView } from '../views/types.js';

export interface WindowRow {
  row: Row;
  cells: Cell[];
  health: Health;
}

export interface TableModel {
  view: ResourceView;
  frame: TableFrame;
  /** Rows after filter and sort. */
  rows: Row[];
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

/** Cells per object identity, per view: unchanged objects are never printed twice. */
const cellCache = new Map<string, WeakMap<object, Cell[]>>();

function cachedCells(view: ResourceView, item: Item, state: State): Cell[] {
  let cache = cellCache.get(view.name);
  if (!cache) cellCache.set(view.name, (cache = new WeakMap()));
  const obj = item.obj as object;
  let cells = cache.get(obj);
  if (!cells) {
    cells = view.row(item, state.now, state);
    cache.set(obj, cells);
  }
  return cells;
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
  const table = state.tables[view.kind ?? 'Pod'];
  const groups = frame.scope ? state.groups : undefined;

  const items = useMemo(() => view.list(state, frame.scope), [view, scope, table, groups]);
  const rows = useMemo<Row[]>(() => items.map((item) => ({ key: item.key, item, cells: cachedCells(view, item, state) })), [items]);

  // One tracker for the table on screen: coming back to a view starts afresh rather than marking everything that
  // changed while it was away.
  const trackerRef = useRef<{ scope: string; tracker: RowTracker } | undefined>(undefined);
  if (trackerRef.current?.scope !== scope) trackerRef.current = { scope, tracker: new RowTracker(view.columns) };
  const tracker = trackerRef.current.tracker;
  tracker.update(rows, uiNow);

  const parsed = useMemo(() => parseFilter(frame.filter), [frame.filter]);
  const shown = useMemo(() => visibleColumns(view.columns, ui.wide), [view, ui.wide]);
  const filtered = useMemo(() => filterRows(rows, parsed, view.columns, shown), [rows, parsed, view, shown]);
  const sort = sortOf(ui, view.name);
  const sortIndex = view.columns.findIndex((c) => c.name === sort.column);
  const sorted = useMemo(() => sortRows(filtered, sortIndex, sort.asc), [filtered, sortIndex, sort.asc]);

  const selectedIndex = selectionIndex(sorted, frame.selected, frame.index);
  const tops = useRef(new Map<string, number>());
  const top = windowStart(tops.current.get(scope) ?? 0, Math.max(0, selectedIndex), bodyHeight, sorted.length);
  tops.current.set(scope, top);

  const window: WindowRow[] = sorted.slice(top, top + Math.max(0, bodyHeight)).map((row) => {
    const cells = view.row(row.item, state.now, state);
    return { row, cells, health: view.health(cells, row.item) };
  });

  const natural = useMemo(() => columnWidths(sorted, view.columns, shown), [sorted, view, shown]);
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
    rows: sorted,
    total: rows.length,
    selectedIndex,
    top,
    window,
    shown,
    widths: fitted,
    filterError: parsed.type === 'error' ? parsed.message : undefined,
    tracker,
  };
}
