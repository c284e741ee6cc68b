// Full pages (describe, YAML, logs, output, help) and dialogs, as lines of segments.

import type { Event } from '../../cluster/api/types.js';
import { eventPrinter } from '../../cluster/printers/event.js';
import type { LineData, Segment } from '../components/Line.js';
import { padLine } from '../components/Line.js';
import { cancelIndex, okIndex, type Dialog } from '../state/dialog.js';
import { fit } from '../state/table.js';
import { COLOURS } from '../theme.js';
import { bottomBorder, boxed, panel, topBorder } from './frame.js';

/** One text line with every occurrence of `search` highlighted (the current match line brighter). */
function highlighted(line: string, search: string, current: boolean): Segment[] {
  if (search === '') return [{ text: line, color: COLOURS.std }];
  const out: Segment[] = [];
  const lower = line.toLowerCase();
  const s = search.toLowerCase();
  let i = 0;
  for (;;) {
    const j = lower.indexOf(s, i);
    if (j < 0) break;
    if (j > i) out.push({ text: line.slice(i, j), color: COLOURS.std });
    out.push({ text: line.slice(j, j + s.length), color: COLOURS.cursorFg, bg: current ? COLOURS.crumbActive : COLOURS.highlight });
    i = j + s.length;
  }
  if (i < line.length) out.push({ text: line.slice(i), color: COLOURS.std });
  return out;
}

export function pageLines(opts: {
  title: string;
  lines: string[];
  top: number;
  height: number;
  width: number;
  search: string;
  matchLine?: number;
}): LineData[] {
  const { lines, top, height, width } = opts;
  const body = Math.max(0, height - 2);
  const end = Math.min(lines.length, top + body);
  const where = lines.length === 0 ? '[empty]' : `[${top + 1}-${end}/${lines.length}]`;
  const title: Segment[] = [
    { text: ` ${opts.title} `, color: COLOURS.title, bold: true },
    { text: `${where} `, color: COLOURS.count },
    ...(opts.search ? [{ text: `</${opts.search}> `, color: COLOURS.filter }] : []),
  ];
  const content: Segment[][] = [];
  for (let i = top; i < end; i++) content.push(highlighted(lines[i].replace(/\t/g, '    '), opts.search, i === opts.matchLine));
  return panel('page', title, content, width, height, COLOURS.border);
}

/** The events pane: the latest events of the selected object (or the cluster, with an OBJECT column), newest first. */
export function eventsPaneLines(title: string, events: Event[], now: number, width: number, height: number, showObject = true): LineData[] {
  const inner = width - 4;
  // LAST SEEN, TYPE, REASON, [OBJECT,] MESSAGE: printEvent's columns without the wide ones.
  const cols = showObject ? [0, 1, 2, 3, 6] : [0, 1, 2, 6];
  const rows = events.map((e) => eventPrinter.row(e, { now }));
  const longest = (c: number, cap: number) => Math.min(cap, Math.max(eventPrinter.columns[c].name.length, ...rows.map((r) => r[c].text.length)));
  const widths = cols.slice(0, -1).map((c) => (c === 0 ? 9 : c === 1 ? 7 : c === 2 ? longest(2, 24) : longest(3, 34)));
  // MESSAGE gets what is left, at least 24 (OBJECT gives way first).
  const rest = () => inner - widths.reduce((a, b) => a + b + 2, 0);
  if (showObject && rest() < 24) widths[3] = Math.max(12, widths[3] - (24 - rest()));
  widths.push(Math.max(10, rest()));
  const fmt = (cells: string[]) => cells.map((c, i) => fit(c, widths[i])).join('  ');
  const body: Segment[][] = [
    [{ text: fmt(cols.map((i) => eventPrinter.columns[i].name)), color: COLOURS.header, bold: true }],
    ...rows.map((cells, i) => [{ text: fmt(cols.map((c) => cells[c].text)), color: events[i].type === 'Warning' ? COLOURS.pending : COLOURS.std }]),
  ];
  if (events.length === 0) body.push([{ text: 'No events yet', color: COLOURS.completed }]);
  return panel('events', [{ text: ` ${title}[${events.length}] `, color: COLOURS.title, bold: true }], body, width, height, COLOURS.border);
}

/** Breaks text into lines of at most `width` characters at spaces. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/** A dialog box (k9s ui/dialog): message, fields, then [Cancel] [OK]; the focused element inverted. */
export function dialogLines(d: Dialog, width: number): LineData[] {
  const w = Math.min(width, 72);
  const color = COLOURS.dialogFocus;
  const body: Segment[][] = [[], ...d.message.flatMap((m) => wrap(m, w - 4)).map((m) => [{ text: m, color: COLOURS.menuText, bold: true }]), []];
  d.fields.forEach((f, i) => {
    const focused = d.focus === i;
    const label: Segment = { text: `${f.label}: `.padStart(24), color: COLOURS.infoLabel };
    if (f.type === 'choice') {
      body.push([label, ...f.options.flatMap((o, j) => [{ text: j === f.value ? `(•) ${o}` : `( ) ${o}`, color: j === f.value ? COLOURS.highlight : COLOURS.std, inverse: focused && j === f.value }, { text: '  ' }])]);
    } else if (f.type === 'check') {
      body.push([label, { text: f.value ? '[x]' : '[ ]', color: COLOURS.highlight, inverse: focused }]);
    } else {
      body.push([label, { text: ` ${f.value}${focused ? '▏' : ' '}`.padEnd(12), color: COLOURS.menuText, bg: COLOURS.dialog, inverse: focused }]);
    }
  });
  if (d.fields.length > 0) body.push([]);
  const button = (text: string, focused: boolean): Segment => ({ text: ` ${text} `, color: focused ? COLOURS.cursorFg : COLOURS.menuText, bg: focused ? COLOURS.dialogFocus : COLOURS.dialog, bold: focused });
  body.push([{ text: ' '.repeat(Math.max(0, Math.floor((w - 4 - 16) / 2))) }, button('Cancel', d.focus === cancelIndex(d)), { text: '    ' }, button('OK', d.focus === okIndex(d))]);
  body.push(d.error ? [{ text: d.error, color: COLOURS.error, bold: true }] : [{ text: 'tab/↑↓ move · ←→ change · enter choose · esc cancel', color: COLOURS.completed }]);
  const lines: LineData[] = [{ key: 'dlg-top', segments: topBorder([{ text: ` ${d.title} `, color: COLOURS.title, bold: true }], w, color) }];
  body.forEach((b, i) => lines.push({ key: `dlg-${i}`, segments: boxed(b, w, color) }));
  lines.push({ key: 'dlg-bottom', segments: bottomBorder(w, color) });
  return lines.map((l) => ({ ...l, segments: padLine(l.segments, w) }));
}
