// The table panel: title in the border (`pods(default)[12] </kubia>`, k9s ui/table_helper.go), the header, the
// window of rows, blank lines to the panel's height.

import type { LineData, Segment } from '../components/Line.js';
import type { TableModel } from '../hooks/useTableModel.js';
import type { Sort } from '../views/types.js';
import { COLOURS } from '../theme.js';
import { panel } from './frame.js';
import { headerSegments, rowSegments, type TableLayout } from './table.js';

/** 10000 → `10,000` (k9s AsThousands). */
export function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

export function tableTitle(m: TableModel): Segment[] {
  const f = m.frame;
  const scope = f.scope;
  const where = scope?.type === 'pod' ? `default/${scope.name}` : m.view.namespaced ? 'default' : undefined;
  const out: Segment[] = [
    { text: ` ${m.view.name}`, color: COLOURS.title, bold: true },
    ...(where ? [{ text: '(', color: COLOURS.title }, { text: where, color: COLOURS.namespace, bold: true }, { text: ')', color: COLOURS.title }] : []),
    { text: '[', color: COLOURS.title },
    { text: thousands(m.count), color: COLOURS.count, bold: true },
    { text: ']', color: COLOURS.title },
  ];
  if (scope?.type === 'owner') out.push({ text: ` <${scope.kind.toLowerCase()}/${scope.name}>`, color: COLOURS.crumbActive });
  if (scope?.type === 'node') out.push({ text: ` <node/${scope.name}>`, color: COLOURS.crumbActive });
  if (f.filter) out.push({ text: ` </${f.filter}>`, color: m.filterError ? COLOURS.error : COLOURS.filter, bold: true });
  out.push({ text: ' ' });
  return out;
}

export function tablePanelLines(m: TableModel, sort: Sort, picked: number | undefined, uiNow: number, width: number, height: number): LineData[] {
  const layout: TableLayout = { columns: m.view.columns, shown: m.shown, widths: m.widths, sortColumn: sort.column, sortAsc: sort.asc, picked };
  const body: Segment[][] = [headerSegments(layout)];
  if (m.filterError) body.push([{ text: `Invalid filter: ${m.filterError}`, color: COLOURS.error }]);
  for (const w of m.window) {
    const selected = m.selected?.key === w.row.key;
    body.push(rowSegments(layout, { key: w.row.key, cells: w.cells, health: w.health, marks: m.tracker.marks(w.row.key, uiNow), selected }));
  }
  if (m.count === 0) {
    const msg = m.total > 0 ? `No ${m.view.name} match the filter (esc clears it)` : m.view.namespaced ? 'No resources found in default namespace.' : 'No resources found';
    body.push([{ text: msg, color: COLOURS.completed }]);
  }
  const lines = panel('table', tableTitle(m), body, width, height, COLOURS.border);
  // The selected row's highlight spans the whole inner width.
  const first = m.filterError ? 3 : 2;
  return lines.map((l, i) => {
    const w = m.window[i - first];
    if (!w || m.selected?.key !== w.row.key) return l;
    const segs = l.segments.map((s, j) => (j === 0 || j === l.segments.length - 1 ? s : { ...s, bg: COLOURS.cursorBg, color: s.color ?? COLOURS.cursorFg }));
    return { key: l.key, segments: segs };
  });
}
