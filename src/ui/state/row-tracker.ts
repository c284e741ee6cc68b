// Which rows are new and which cells just changed, so the table can mark them for a moment (k9s model1 RowEvent +
// ui/deltas.go: a new row in the add colour, a changed cell in the modify colour, ↑/↓ after a number that grew or
// shrank). Time here is the UI clock (injectable), never Date.now(), so an asciicast export is reproducible.
// Only objects whose identity changed are compared: immer keeps unchanged objects identical. Only rows with a mark
// are kept (state/live-table.ts reports its changes with the cells before and after), so a 150,000-row table
// costs nothing here until rows change.

import type { Cell, Column } from '../../cluster/printers/types.js';
import type { Row } from './table.js';

/** How long a mark stays (k9s keeps it one 2 s refresh; a little longer reads better at 10 frames a second). */
export const MARK_MS = 3000;

export type CellMark = 'up' | 'down' | 'changed';

interface Entry {
  addedAt: number;
  changedAt: number[];
  marks: (CellMark | undefined)[];
  /** When it was last marked. */
  latest: number;
}

/** Marked rows kept before the ones whose marks have all faded are dropped. */
const PRUNE_AT = 2048;

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
  /** For update(): each row's object and cells as last compared. */
  private seen = new Map<string, { obj: unknown; cells: Cell[] }>();
  private pruneAt = PRUNE_AT;

  constructor(private columns: Column[]) {}

  /** Compares a new set of rows with the last one, at UI time `at`. The first set marks nothing (no flash on open). */
  update(rows: Row[], at: number): void {
    if (rows === this.lastRows) return;
    this.lastRows = rows;
    const next = new Map<string, { obj: unknown; cells: Cell[] }>();
    for (const r of rows) {
      const before = this.seen.get(r.key);
      if (before && (before.obj === r.item.obj || before.cells === r.cells)) {
        next.set(r.key, before);
        continue;
      }
      next.set(r.key, { obj: r.item.obj, cells: r.cells });
      if (before || this.primed) this.changed(r.key, before?.cells, r.cells, at);
    }
    this.seen = next;
    for (const k of this.entries.keys()) if (!next.has(k)) this.entries.delete(k);
    this.primed = true;
  }

  /** A row appeared (`before` undefined) or its object changed, at UI time `at`: marks it and its changed cells. */
  changed(key: string, before: Cell[] | undefined, after: Cell[], at: number): void {
    let e = this.entries.get(key);
    if (!before) {
      if (!e) this.entries.set(key, (e = { addedAt: at, changedAt: [], marks: [], latest: at }));
      e.addedAt = e.latest = at;
      this.prune(at);
      return;
    }
    for (let i = 0; i < this.columns.length; i++) {
      // Time columns change every second; k9s never marks them (model1/delta.go).
      if (this.columns[i].time) continue;
      const b = before[i];
      const a = after[i];
      if (!b || !a) continue;
      if (sameValue(b, a)) continue;
      let mark: CellMark = 'changed';
      if (typeof b.sort === 'number' && typeof a.sort === 'number' && b.sort !== a.sort) mark = a.sort > b.sort ? 'up' : 'down';
      if (!e) this.entries.set(key, (e = { addedAt: -Infinity, changedAt: [], marks: [], latest: at }));
      e.marks[i] = mark;
      e.changedAt[i] = at;
      e.latest = at;
    }
    this.prune(at);
  }

  /** A row went away. */
  forget(key: string): void {
    this.entries.delete(key);
  }

  /** Drops the rows whose marks have all faded, once there are many (and again when twice as many are left). */
  private prune(at: number): void {
    if (this.entries.size < this.pruneAt) return;
    for (const [k, e] of this.entries) if (at - e.latest >= MARK_MS) this.entries.delete(k);
    this.pruneAt = Math.max(PRUNE_AT, 2 * this.entries.size);
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
