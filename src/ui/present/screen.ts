// The whole screen as lines, top to bottom (k9s view/app.go layout, present/layout.ts sizes): header, node strip,
// caption, prompt, the table or page (a dialog drawn over it), the events pane, crumbs, flash. One list, drawn
// either through Ink (tests, components/Line.tsx) or straight to the terminal (render.tsx, ansi.ts).

import type { LineData, Segment } from '../components/Line.js';
import { overlay } from './frame.js';
import { wrap } from './page.js';

export interface ScreenParts {
  header: Segment[][];
  nodeStrip: Segment[];
  caption?: Segment[];
  prompt?: Segment[];
  main: LineData[];
  /** A dialog box, drawn centred over `main`. */
  dialog?: LineData[];
  events?: LineData[];
  crumbs: Segment[];
  flash: Segment[];
  width: number;
}

export function screenLines(p: ScreenParts): LineData[] {
  const out: LineData[] = p.header.map((segments, i) => ({ key: `header-${i}`, segments }));
  out.push({ key: 'nodes', segments: p.nodeStrip });
  if (p.caption) out.push({ key: 'caption', segments: p.caption });
  if (p.prompt) out.push({ key: 'prompt', segments: p.prompt });
  out.push(...(p.dialog ? overlay(p.main, p.dialog, p.width) : p.main));
  if (p.events) out.push(...p.events);
  out.push({ key: 'crumbs', segments: p.crumbs }, { key: 'flash', segments: p.flash });
  return out;
}

/** What a terminal too small for the dashboard shows instead of a broken layout (wrapped to its width). */
export function tooSmallLines(columns: number, rows: number, min: [number, number]): LineData[] {
  const say = (text: string, style: Omit<Segment, 'text'>, key: string) =>
    wrap(text, Math.max(1, columns)).map((t, i) => ({ key: `${key}-${i}`, segments: [{ text: t, ...style }] }));
  return [
    ...say(`kubesim needs a terminal of at least ${min[0]}×${min[1]}`, { color: '#ff4500', bold: true }, 'small'),
    ...say(`This one is ${columns}×${rows}. Make it bigger, or press q to quit.`, {}, 'size'),
  ].slice(0, Math.max(1, rows));
}
