// The table pipeline, pure: rows → filter → sort by Cell.sort values → the window of rows that fits on screen,
// selection and widths. state/live-table.ts keeps the same result up to date one changed object at a time (the
// dashboard); these whole-table functions define it (and its tests compare the two). Only the window is drawn,
// so 150,000 pods cost what 20 do on screen (k9s re-renders every cell on every refresh).

import type { Labels } from '../../cluster/api/types.js';
import type { Cell, Column } from '../../cluster/printers/types.js';
import { matchesSelectorRequirements, parseSelector, type SelectorRequirement } from '../../cli/script/selector.js';
import type { Item } from '../views/types.js';

export interface Row {
  key: string;
  item: Item;
  /** Cells as of when the object last changed: right for filtering and sorting (ages keep their order). */
  cells: Cell[];
}

export type ParsedFilter =
  | { type: 'none' }
  | { type: 'regex'; re: RegExp; inverse: boolean }
  | { type: 'labels'; requirements: SelectorRequirement[] }
  | { type: 'error'; message: string };

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * k9s' filter grammar (internal/helpers.go, model1/table_data.go): `/term` a case-insensitive regex over the
 * row's cells, `/!term` its inverse, `/-l app=x` (or a bare `k=v`) a label selector. A term that is not a valid
 * regex is matched literally rather than rejected.
 */
export function parseFilter(text: string): ParsedFilter {
  const t = text.trim();
  if (t === '' || t === '!') return { type: 'none' };
  const labels = t.startsWith('-l ') ? t.slice(3).trim() : /^[^\s!=]+!?=[^\s]*$/.test(t) ? t : undefined;
  if (labels !== undefined) {
    const reqs = parseSelector(labels);
    if ('error' in reqs) return { type: 'error', message: reqs.error };
    return { type: 'labels', requirements: reqs };
  }
  const inverse = t.startsWith('!');
  const body = inverse ? t.slice(1) : t;
  let re: RegExp;
  try {
    re = new RegExp(body, 'i');
  } catch {
    re = new RegExp(escapeRegex(body), 'i');
  }
  return { type: 'regex', re, inverse };
}

/** Per cells array, the joined text for the last set of shown columns (they change only with ctrl-w). */
const joined = new WeakMap<Cell[], { visible: number[]; text: string }>();

/** The text a regex filter sees: the visible cells except time columns (k9s leaves AGE out). */
function rowText(cells: Cell[], columns: Column[], visible: number[]): string {
  const hit = joined.get(cells);
  if (hit && hit.visible === visible) return hit.text;
  const text = visible.filter((i) => !columns[i].time).map((i) => cells[i]?.text ?? '').join(' ');
  joined.set(cells, { visible, text });
  return text;
}

function labelsOf(item: Item): Labels | undefined {
  const o = item.obj as { metadata?: { labels?: Labels }; pod?: { metadata: { labels?: Labels } } };
  return o.metadata?.labels ?? o.pod?.metadata.labels;
}

/** Whether one row passes a filter (no filter, or a broken one, passes everything). */
export function rowMatches(r: Row, filter: ParsedFilter, columns: Column[], visible: number[]): boolean {
  switch (filter.type) {
    case 'none':
    case 'error':
      return true;
    case 'labels':
      return matchesSelectorRequirements(filter.requirements, labelsOf(r.item));
    case 'regex':
      return filter.re.test(rowText(r.cells, columns, visible)) !== filter.inverse;
  }
}

export function filterRows(rows: Row[], filter: ParsedFilter, columns: Column[], visible: number[]): Row[] {
  if (filter.type === 'none' || filter.type === 'error') return rows;
  return rows.filter((r) => rowMatches(r, filter, columns, visible));
}

/** Compares sort values: numbers by value (ages, counts), text as text; numbers before text. */
export function compareSort(a: number | string | undefined, b: number | string | undefined): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sorts by one column; ties keep name order, so equal rows never swap places between frames. */
export function sortRows(rows: Row[], column: number, asc: boolean): Row[] {
  const dir = asc ? 1 : -1;
  return [...rows].sort((a, b) => {
    const c = column >= 0 ? compareSort(a.cells[column]?.sort, b.cells[column]?.sort) : 0;
    if (c !== 0) return c * dir;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
}

/** Indexes of the columns shown with or without wide. */
export function visibleColumns(columns: Column[], wide: boolean): number[] {
  const out: number[] = [];
  columns.forEach((c, i) => {
    if (wide || !c.wide) out.push(i);
  });
  return out;
}

/** Where the selection is now: the selected object's row, else the row that took its place. */
export function selectionIndex(rows: Row[], selected: string | undefined, fallback: number): number {
  if (rows.length === 0) return -1;
  if (selected !== undefined) {
    const i = rows.findIndex((r) => r.key === selected);
    if (i >= 0) return i;
  }
  return Math.max(0, Math.min(fallback, rows.length - 1));
}

/** The first row shown: scrolls as little as possible to keep the selection in view. */
export function windowStart(prevTop: number, selected: number, height: number, count: number): number {
  if (height <= 0 || count <= height) return 0;
  let top = Math.max(0, Math.min(prevTop, count - height));
  if (selected < top) top = selected;
  else if (selected >= top + height) top = selected - height + 1;
  return Math.max(0, Math.min(top, count - height));
}

/** The selection after moving by `delta` rows (clamped), as a key and an index. */
export function moveSelection(rows: Row[], current: number, delta: number): { key: string | undefined; index: number } {
  if (rows.length === 0) return { key: undefined, index: 0 };
  const index = Math.max(0, Math.min(rows.length - 1, (current < 0 ? 0 : current) + delta));
  return { key: rows[index].key, index };
}

/** Natural width of each shown column: the widest of its header and its cells. */
export function columnWidths(rows: Row[], columns: Column[], visible: number[]): number[] {
  return visible.map((i) => {
    let w = columns[i].name.length;
    for (const r of rows) {
      const t = r.cells[i]?.text;
      if (t !== undefined && t.length > w) w = t.length;
    }
    return w;
  });
}

/**
 * Fits widths into `available` characters (gaps of `gap` between columns): the widest column gives up a character
 * at a time, down to its header's width, so NAME and STATUS stay readable and MESSAGE or IMAGES are truncated.
 */
export function fitWidths(widths: number[], mins: number[], available: number, gap = 2): number[] {
  const out = widths.slice();
  const total = () => out.reduce((a, b) => a + b, 0) + gap * Math.max(0, out.length - 1);
  let excess = total() - available;
  while (excess > 0) {
    let widest = -1;
    for (let i = 0; i < out.length; i++) if (out[i] > mins[i] && (widest < 0 || out[i] > out[widest])) widest = i;
    if (widest < 0) break;
    const step = Math.min(excess, out[widest] - mins[widest], Math.max(1, Math.ceil(excess / 4)));
    out[widest] -= step;
    excess -= step;
  }
  return out;
}

/** Pads or cuts text to exactly `width` characters (cut text ends in `…`); numbers are right-aligned. */
export function fit(text: string, width: number, right = false): string {
  if (width <= 0) return '';
  if (text.length > width) return width === 1 ? '…' : text.slice(0, width - 1) + '…';
  return right ? text.padStart(width) : text.padEnd(width);
}
