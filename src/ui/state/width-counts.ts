// Natural column widths kept as rows come and go: per column, how many rows have each text length. Adding a row
// can only widen a column; removing one narrows it only when it was the last row at the widest length (then the
// next non-empty length down is found). So a tick costs the changed rows, not a pass over every row.

import type { Cell } from '../../cluster/printers/types.js';

export class WidthCounts {
  private counts: number[][];
  private widest: number[];

  constructor(columns: number) {
    this.counts = Array.from({ length: columns }, () => []);
    this.widest = new Array<number>(columns).fill(0);
  }

  add(cells: Cell[]): void {
    for (let i = 0; i < this.counts.length; i++) {
      const len = cells[i]?.text.length;
      if (len === undefined) continue;
      const c = this.counts[i];
      c[len] = (c[len] ?? 0) + 1;
      if (len > this.widest[i]) this.widest[i] = len;
    }
  }

  remove(cells: Cell[]): void {
    for (let i = 0; i < this.counts.length; i++) {
      const len = cells[i]?.text.length;
      if (len === undefined) continue;
      const c = this.counts[i];
      c[len] = (c[len] ?? 1) - 1;
      if (len === this.widest[i] && c[len] === 0) {
        let w = len;
        while (w > 0 && !c[w]) w--;
        this.widest[i] = w;
      }
    }
  }

  /** The longest text in column `i` (0 when no row has one). */
  max(i: number): number {
    return this.widest[i] ?? 0;
  }

  clear(): void {
    for (const c of this.counts) c.length = 0;
    this.widest.fill(0);
  }
}
