// How the screen is divided (k9s view/app.go layout): header, node strip, caption, prompt, the table (or a page),
// the events pane, crumbs and flash — every row of the terminal (ScreenWriter addresses lines absolutely, so the
// last row can be used without scrolling).

import { HEADER_ROWS } from './header.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 14;

export interface Layout {
  width: number;
  /** 0: the header is replaced by a one-line status. */
  header: number;
  nodeStrip: number;
  caption: number;
  prompt: number;
  /** The table or page panel, borders included. */
  main: number;
  events: number;
  crumbs: number;
  flash: number;
}

export function tooSmall(columns: number, rows: number): boolean {
  return columns < MIN_COLUMNS || rows < MIN_ROWS;
}

export function layout(columns: number, rows: number, opts: { caption: boolean; prompt: boolean; events: boolean }): Layout {
  const total = rows;
  const header = rows >= 22 ? HEADER_ROWS : 1;
  const caption = opts.caption ? 1 : 0;
  const prompt = opts.prompt ? 1 : 0;
  const fixed = header + 1 + caption + prompt + 1 + 1;
  const rest = Math.max(4, total - fixed);
  // The events pane takes about a third of what is left, never squeezing the table below 6 lines.
  const events = opts.events ? Math.max(0, Math.min(12, Math.floor(rest / 3), rest - 6)) : 0;
  return { width: columns, header, nodeStrip: 1, caption, prompt, main: rest - (events >= 4 ? events : 0), events: events >= 4 ? events : 0, crumbs: 1, flash: 1 };
}
