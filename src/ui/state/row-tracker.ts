// Which rows are new and which cells just changed, so the table can mark them for a moment (k9s model1 RowEvent +
// ui/deltas.go: a new row in the add colour, a changed cell in the modify colour, ↑/↓ after a number that grew or
// shrank). Time here is the UI clock (injectable), never Date.now(), so an asciicast export is reproducible.
// Only objects whose identity changed are compared: immer keeps unchanged objects identical.

import type { Cell, Column } from '../../cluster/printers/types.js';
import type { Row } from './table.js';

/** How long a mark stays (k9s keeps it one 2 s refresh; a little longer reads better at 10 frames a second). */
export const MARK_MS = 3000;

export type CellMark = 'up' | 'down' | 'changed';

interface Entry {
  obj: unknown;
  cells: Cell[];
  addedAt: number;
  changedAt: number[];
  marks: (CellMark | undefined)[];
}

export interface RowMarks {
  added: boolean;
  cells: (CellMark | undefined)[];
}

/** Equal cells; `3 (45s ago)` and `3 (50s ago)` are the same RESTARTS value (the age in brackets moves on its own). */
function sameValue(a: Cell, b: Cell): boolean {
  if (a.text === b.text) return true;
  return a.sort === b.sort && a.text.replace(/ \(.*\)$/, '') === b.text.replace(/ \(.*\)$/, '');
}

export class RowTracker {
  private entries = new Map<string, Entry>();
  private primed = false;
  private lastRows: Row[] | undefined;

  constructor(private columns: Column[]) {}

  /** Compares a new set of rows with the last one, at UI time `at`. The first set marks nothing (no flash on open). */
  update(rows: Row[], at: number): void {
    if (rows === this.lastRows) return;
    this.lastRows = rows;
    const seen = new Set<string>();
    for (const r of rows) {
      seen.add(r.key);
      const e = this.entries.get(r.key);
      if (!e) {
        this.entries.set(r.key, { obj: r.item.obj, cells: r.cells, addedAt: this.primed ? at : -Infinity, changedAt: [], marks: [] });
        continue;
      }
      if (e.obj === r.item.obj || e.cells === r.cells) continue;
      for (let i = 0; i < this.columns.length; i++) {
        // Time columns change every second; k9s never marks them (model1/delta.go).
        if (this.columns[i].time) continue;
        const before = e.cells[i];
        const after = r.cells[i];
        if (!before || !after) continue;
        if (sameValue(before, after)) continue;
        let mark: CellMark = 'changed';
        if (typeof before.sort === 'number' && typeof after.sort === 'number' && before.sort !== after.sort) {
          mark = after.sort > before.sort ? 'up' : 'down';
        }
        e.marks[i] = mark;
        e.changedAt[i] = at;
      }
      e.obj = r.item.obj;
      e.cells = r.cells;
    }
    for (const k of this.entries.keys()) if (!seen.has(k)) this.entries.delete(k);
    this.primed = true;
  }

  /** The marks of a row at UI time `at`, or undefined when nothing is marked. */
  marks(key: string, at: number): RowMarks | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    const added = at - e.addedAt < MARK_MS;
    let any = added;
    const cells: (CellMark | undefined)[] = [];
    for (let i = 0; i < e.marks.length; i++) {
      if (e.marks[i] !== undefined && at - e.changedAt[i] < MARK_MS) {
        cells[i] = e.marks[i];
        any = true;
      }
    }
    return any ? { added, cells } : undefined;
  }
}
