// Copies of frozen records, for the Tx (tx.ts) and its timers (tx-timers.ts): a transaction copies a bucket, a
// group or a timer bucket on its first write to it and puts the copy into the draft, frozen, at commit.

/**
 * A mutable copy of a frozen record (a bucket, a group, a timer bucket). Why not `{ ...base }`: V8 builds a spread
 * copy of a big dictionary-mode object one property at a time through hidden-class transitions (~0.8 ms for
 * 1,000 members; a node delete copied some thirty such groups). Starting from an object already in dictionary
 * mode (two deletes put it there) makes each key a plain hash insert, 3-7x cheaper; key order is the same.
 */
export function copyRecord<V>(base: Record<string, V>): Record<string, V> {
  const c: Record<string, V> = { '#a': undefined as V, '#b': undefined as V };
  delete c['#a'];
  delete c['#b'];
  for (const k in base) c[k] = base[k];
  return c;
}

/**
 * Puts one copy into the draft level it came from (a table's buckets, an index's groups, the timers' due times):
 * an empty or dropped (null) copy deletes what the base state had there; any other is frozen and stored.
 * `draft` is asked for the draft object only when something is written.
 */
export function writeCopy(k: string, copy: object | null, base: Record<string, unknown> | undefined, draft: () => Record<string, unknown>): void {
  if (copy) draft()[k] = Object.freeze(copy);
  else if (base?.[k]) delete draft()[k];
}
