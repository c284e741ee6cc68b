// A small cache of values by key that forgets what was not asked for lately: for values the kubelet derives
// again and again for a while (the same second's running state, a run's program), where most lookups are for
// keys seen recently. Like util/time.ts's rfc3339 cache, it keeps the memory bounded whatever the cluster's size.
//
// Two generations rather than least-recently-used order: a hit in the older one moves the entry to the newer;
// when the newer is full, the older is dropped whole. No per-entry bookkeeping on a hit, none per eviction.

export class Recent<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  /** Keeps at least the `size` / 2 most recent entries, at most `size`. */
  constructor(private readonly size: number) {}

  get(key: K): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined || this.old.size === 0) return v;
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  /** Forgets `key` (a value that will not be asked for again, so that it does not take the room of others). */
  delete(key: K): void {
    this.young.delete(key);
    this.old.delete(key);
  }

  set(key: K, value: V): V {
    if (this.young.size >= this.size / 2) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
    return value;
  }
}
