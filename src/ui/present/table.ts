// What a resource table looks like, as lines of segments: the header with the sort arrow, each visible row in its
// health colour (k9s DefaultColorer + per-kind ColorerFunc), the selected row inverted, new rows and changed cells
// marked, ↑/↓ after numbers that moved (k9s ui/deltas.go).

import type { Cell, Column } from '../../cluster/printers/types.js';
import type { Segment } from '../components/Line.js';
import type { RowMarks } from '../state/row-tracker.js';
import { fit } from '../state/table.js';
import { COLOURS, HEALTH_COLOUR, type Health } from '../theme.js';

export interface TableRowInput {
  key: string;
  cells: Cell[];
  health: Health;
  marks?: RowMarks;
  selected: boolean;
}

export interface TableLayout {
  columns: Column[];
  /** Indexes of the shown columns. */
  shown: number[];
  widths: number[];
  sortColumn?: string;
  sortAsc: boolean;
  /** The column picked with shift-←/→ (index into `shown`). */
  picked?: number;
}

const GAP = 2;

function alignRight(c: Column): boolean {
  return c.numeric === true;
}

export function headerSegments(t: TableLayout): Segment[] {
  const out: Segment[] = [];
  t.shown.forEach((ci, i) => {
    const c = t.columns[ci];
    const arrow = c.name === t.sortColumn ? (t.sortAsc ? '↑' : '↓') : '';
    const label = fit(c.name + arrow, t.widths[i], alignRight(c));
    out.push({ text: label, color: i === t.picked ? COLOURS.std : COLOURS.header, bold: true, inverse: i === t.picked });
    if (i < t.shown.length - 1) out.push({ text: ' '.repeat(GAP) });
  });
  return out;
}

export function rowSegments(t: TableLayout, row: TableRowInput): Segment[] {
  // k9s DefaultColorer: an unhealthy row keeps its health colour; only a healthy one shows it is new.
  const base = row.marks?.added && row.health === 'ok' ? COLOURS.add : HEALTH_COLOUR[row.health];
  const bg = row.selected ? COLOURS.cursorBg : undefined;
  const out: Segment[] = [];
  t.shown.forEach((ci, i) => {
    const c = t.columns[ci];
    const mark = row.marks?.cells[ci];
    const color = row.selected ? COLOURS.cursorFg : mark && row.health === 'ok' ? COLOURS.mod : base;
    const width = t.widths[i];
    const last = i === t.shown.length - 1;
    if (!mark) {
      out.push({ text: fit(row.cells[ci]?.text ?? '', width, alignRight(c)), color, bg });
      if (!last) out.push({ text: ' '.repeat(GAP), bg });
      return;
    }
    // The mark follows the value (`1/1↑`, `   3↑`), using one character of the gap.
    const arrow = mark === 'up' ? '↑' : mark === 'down' ? '↓' : 'Δ';
    const arrowColor = row.selected ? COLOURS.cursorFg : mark === 'up' ? COLOURS.grow : mark === 'down' ? COLOURS.shrink : COLOURS.mod;
    const text = fit(row.cells[ci]?.text ?? '', width, alignRight(c));
    const value = alignRight(c) ? text : text.trimEnd();
    out.push({ text: value, color, bg, bold: true }, { text: arrow, color: arrowColor, bold: true, bg });
    const used = value.length + 1;
    const pad = width + (last ? 1 : GAP) - used;
    if (pad > 0) out.push({ text: ' '.repeat(pad), bg });
  });
  return out;
}
