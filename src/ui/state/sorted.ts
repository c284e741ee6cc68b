// A list kept in order by a total comparator, changed a few items at a time: the dashboard's tables, the node
// strip and the events pane update it with what changed in a tick instead of sorting everything again (issue 6:
// a 150,000-pod table re-sorted every second cost more than a frame).
//
// Stored as a run of sorted chunks of at most CHUNK items, not one array: a change is a binary search and a splice
// inside one chunk. One flat array of 150,000 would move up to 150,000 elements per change, and with a big heap
// (concurrent marking running) V8 moves them one by one with write barriers — a millisecond per splice, tens per
// tick. Reading by position walks the chunk lengths (a few hundred) once, then reads on.

const CHUNK = 256;

export class SortedList<T> {
  private chunks: T[][] = [];
  private size = 0;
  private flat: T[] | undefined;

  /** `chunk`: the most items a chunk holds (tests make it small to exercise splitting). */
  constructor(
    private cmp: (a: T, b: T) => number,
    private chunk = CHUNK,
  ) {}

  get length(): number {
    return this.size;
  }

  /** Every item in order, as one array (built on demand, kept until the next change). */
  get items(): T[] {
    if (!this.flat) {
      const out: T[] = [];
      for (const c of this.chunks) for (const x of c) out.push(x);
      this.flat = out;
    }
    return this.flat;
  }

  /** Replaces the contents (sorted here) and, optionally, the order. */
  reset(items: T[], cmp?: (a: T, b: T) => number): void {
    if (cmp) this.cmp = cmp;
    items.sort(this.cmp);
    this.chunks = [];
    for (let i = 0; i < items.length; i += this.half) this.chunks.push(items.slice(i, i + this.half));
    this.size = items.length;
    this.flat = undefined;
  }

  /** The items at positions [from, to). */
  slice(from: number, to: number): T[] {
    const out: T[] = [];
    let { chunk, offset } = this.locate(Math.max(0, from));
    for (let i = Math.max(0, from); i < Math.min(to, this.size); i++) {
      if (offset >= this.chunks[chunk].length) {
        chunk++;
        offset = 0;
      }
      out.push(this.chunks[chunk][offset++]);
    }
    return out;
  }

  at(i: number): T | undefined {
    if (i < 0 || i >= this.size) return undefined;
    const { chunk, offset } = this.locate(i);
    return this.chunks[chunk][offset];
  }

  /** Where `x` is, or -1 (looked for among the items that compare equal to it, if the order has ties). */
  indexOf(x: T): number {
    for (let c = this.chunkFor(x); c < this.chunks.length; c++) {
      const chunk = this.chunks[c];
      for (let i = lowerBound(chunk, x, this.cmp); i < chunk.length; i++) {
        if (chunk[i] === x) return this.countBefore(c) + i;
        if (this.cmp(chunk[i], x) !== 0) return -1;
      }
    }
    return -1;
  }

  /** Takes out `gone` (items in the list, compared as they were when inserted) and puts in `added`. */
  update(gone: T[], added: T[]): void {
    if (gone.length === 0 && added.length === 0) return;
    this.flat = undefined;
    if (this.size === 0 && gone.length === 0) {
      this.reset(added);
      return;
    }
    for (const x of gone) this.remove(x);
    for (const x of added) this.insert(x);
  }

  private insert(x: T): void {
    this.size++;
    if (this.chunks.length === 0) {
      this.chunks.push([x]);
      return;
    }
    const c = Math.min(this.chunkFor(x), this.chunks.length - 1);
    const chunk = this.chunks[c];
    chunk.splice(lowerBound(chunk, x, this.cmp), 0, x);
    if (chunk.length > this.chunk) this.chunks.splice(c + 1, 0, chunk.splice(this.half));
  }

  private remove(x: T): void {
    for (let c = this.chunkFor(x); c < this.chunks.length; c++) {
      const chunk = this.chunks[c];
      for (let i = lowerBound(chunk, x, this.cmp); i < chunk.length; i++) {
        if (chunk[i] === x) {
          chunk.splice(i, 1);
          this.size--;
          if (chunk.length === 0) this.chunks.splice(c, 1);
          return;
        }
        if (this.cmp(chunk[i], x) !== 0) return;
      }
    }
  }

  /** The first chunk whose last item is not before `x` (the last chunk's index + 1 when there is none). */
  private chunkFor(x: T): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.chunks[mid];
      if (this.cmp(c[c.length - 1], x) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private get half(): number {
    return Math.max(1, this.chunk >> 1);
  }

  private countBefore(chunk: number): number {
    let n = 0;
    for (let c = 0; c < chunk; c++) n += this.chunks[c].length;
    return n;
  }

  private locate(i: number): { chunk: number; offset: number } {
    let c = 0;
    while (c < this.chunks.length - 1 && i >= this.chunks[c].length) i -= this.chunks[c++].length;
    return { chunk: c, offset: i };
  }
}

/** The first index of a sorted array whose item is not before `x`. */
function lowerBound<T>(a: T[], x: T, cmp: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(a[mid], x) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
