// A transaction over one immer draft: the only way simulation code reads and writes the State.
//
// Why not use the draft directly: iterating or reading big tables through an immer draft creates a proxy for
// everything touched (reference/simulators-ink-immer.md §4.3). So the Tx reads from the *base* state (plain
// objects, no proxies) plus an overlay of what this transaction wrote, and writes whole replacement values into
// the draft (one bucket copy per touched bucket). Objects are treated as immutable values: `update` runs a nested
// immer `produce` on one object and stores the result, so a no-op update writes nothing.
//
// The Tx also carries the transient work queues (like kubernetes' informer work queues): writes to objects call
// the registered watchers, which enqueue controller keys. Queues are always drained before the transaction ends.

import { produce, type Draft } from 'immer';
import type { Kind, KubeObject, ObjectOfKind } from './api/types.js';
import type { State, Timer } from './state.js';
import { bucketOf, earliestTimerIn, INDEX, keyOf, TIMER_EPOCH_MS, TIMER_GRAIN_MS } from './store.js';
import { nextState, randomValue } from './util/rng.js';

const DELETED = Symbol('deleted');
const HEX = '0123456789abcdef';

function isEmpty(o: object | null | undefined): boolean {
  if (o) for (const _ in o) return false;
  return true;
}

/**
 * Puts a transaction's copies of one level of the State (a table's buckets, an index's groups, the timers' due
 * times) into the draft: a copy left empty, or dropped (null), deletes what the base state had there; any other
 * is frozen and stored. `draft` is asked for the draft object only when something is written.
 */
function writeCopies(copies: Map<string, object | null>, base: Record<string, unknown> | undefined, draft: () => Record<string, unknown>): void {
  for (const [k, copy] of copies) {
    if (!isEmpty(copy)) draft()[k] = Object.freeze(copy);
    else if (base?.[k]) delete draft()[k];
  }
}

/** Freezes a new value and its new parts; stops at frozen parts (they are shared with an earlier state). */
function deepFreeze<V>(v: V): V {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return v;
  Object.freeze(v);
  if (Array.isArray(v)) for (const x of v) deepFreeze(x);
  else for (const k in v) deepFreeze((v as Record<string, unknown>)[k]);
  return v;
}
type Slot = unknown | typeof DELETED;

/** Called after an object of a kind is created, changed or removed (old/new undefined accordingly). */
export type Watcher = (tx: Tx, oldObj: KubeObject | undefined, newObj: KubeObject | undefined) => void;

export { TIMER_GRAIN_MS };

export class Tx {
  private readonly rows = new Map<string, Map<string, Slot>>();
  readonly queues = new Map<string, Set<string>>();

  constructor(
    readonly d: Draft<State>,
    readonly base: State,
    private readonly watchers: Partial<Record<Kind, Watcher[]>>,
  ) {}

  // Hot scalars live in the Tx and are written to the draft once (commit): every read or write of a draft
  // property goes through immer's proxy traps, and these are touched several times per object written.
  private time: number | undefined;
  private seqs: State['seq'] | undefined;
  private rowCounts: Record<string, number> | undefined;

  get now(): number {
    return (this.time ??= this.base.now);
  }

  /** Moves the simulated clock (the engine's advance). */
  setNow(t: number): void {
    this.time = t;
    if (this.d.now !== t) this.d.now = t;
  }

  /** Simulation settings (never changed inside a transaction). */
  get config(): State['config'] {
    return this.base.config;
  }

  /** The next value of one of the State's sequence counters. */
  nextSeq(name: keyof State['seq']): number {
    const seqs = (this.seqs ??= { ...this.base.seq });
    return ++seqs[name];
  }

  private counts(): Record<string, number> {
    return (this.rowCounts ??= { ...this.base.counts });
  }

  // ---------- raw tables ----------

  get<V>(table: string, key: string): V | undefined {
    const overlay = this.rows.get(table);
    if (overlay) {
      const v = overlay.get(key);
      if (v !== undefined) return v === DELETED ? undefined : (v as V);
    }
    const t = this.base.tables[table];
    const b = t?.[bucketOf(table, key)];
    return b ? (b[key] as V | undefined) : undefined;
  }

  set(table: string, key: string, value: unknown): void {
    if (value === undefined) return this.del(table, key);
    this.writes.set(table, (this.writes.get(table) ?? 0) + 1);
    const existed = this.get(table, key) !== undefined;
    let overlay = this.rows.get(table);
    if (!overlay) this.rows.set(table, (overlay = new Map()));
    overlay.set(key, value);
    if (!existed) {
      const counts = this.counts();
      counts[table] = (counts[table] ?? 0) + 1;
    }
  }

  del(table: string, key: string): void {
    if (this.get(table, key) === undefined) return;
    this.writes.set(table, (this.writes.get(table) ?? 0) + 1);
    let overlay = this.rows.get(table);
    if (!overlay) this.rows.set(table, (overlay = new Map()));
    overlay.set(key, DELETED);
    const counts = this.counts();
    counts[table] = (counts[table] ?? 1) - 1;
  }

  /**
   * Writes the overlay into the draft: one new bucket per touched bucket, each a shallow copy of the base bucket
   * with this transaction's rows applied, frozen here. Why not write each row through the draft as it happens:
   * immer then registers a cleanup per assignment and walks every new value at finalize to look for drafts
   * (immer's handleValue/nestedDraftCleanup were ~20% of loading 3,000 pods); values that arrive frozen are
   * skipped. Called once, at the end of the reducer (engine.ts).
   */
  commit(): void {
    for (const [table, overlay] of this.rows) {
      const baseTable = this.base.tables[table];
      const copies = new Map<string, Record<string, unknown>>();
      for (const [key, v] of overlay) {
        const b = bucketOf(table, key);
        let copy = copies.get(b);
        if (!copy) {
          const baseBucket = baseTable?.[b];
          copies.set(b, (copy = baseBucket ? { ...baseBucket } : {}));
        }
        if (v === DELETED) delete copy[key];
        else copy[key] = deepFreeze(v);
      }
      writeCopies(copies, baseTable, () => (this.d.tables[table] ??= {}));
    }
    this.rows.clear();
    this.commitGroups();
    this.commitTimers();
    if (this.seqs) this.d.seq = this.seqs;
    if (this.rowCounts) this.d.counts = this.rowCounts;
    if (this.rng !== undefined && this.base.rng !== this.rng) this.d.rng = this.rng;
  }

  private readonly writes = new Map<string, number>();

  /** How many writes this transaction has made to a table: a version for caches of data derived from it. */
  writesTo(table: string): number {
    return this.writes.get(table) ?? 0;
  }

  /** The base state's table when this transaction has not written to it (a key for caches of derived data). */
  unchangedTable(table: string): object | undefined {
    return this.rows.get(table)?.size ? undefined : this.base.tables[table];
  }

  /** Every row of a table as of now in this transaction (base rows merged with the overlay). */
  list<V>(table: string): V[] {
    const out: V[] = [];
    const overlay = this.rows.get(table);
    const t = this.base.tables[table];
    if (t) {
      for (const b of Object.keys(t)) {
        const bucket = t[b];
        for (const k in bucket) {
          if (overlay && overlay.has(k)) continue;
          out.push(bucket[k] as V);
        }
      }
    }
    if (overlay) for (const v of overlay.values()) if (v !== DELETED) out.push(v as V);
    return out;
  }

  count(table: string): number {
    return (this.rowCounts ?? this.base.counts)[table] ?? 0;
  }

  // ---------- groups (indexes) ----------
  // Like rows: a group written in this transaction is a plain copy kept here (index → group → members, null once
  // dropped) and written to the draft, frozen, at commit; untouched groups are read from the base state. Through
  // the draft, every add cost several proxy traps, and an emptiness check listed every member.

  private readonly groupRows = new Map<string, Map<string, Record<string, true> | null>>();

  private group(index: string, group: string): Record<string, true> | undefined {
    const local = this.groupRows.get(index)?.get(group);
    if (local !== undefined) return local ?? undefined;
    return this.base.groups[index]?.[group];
  }

  private writableGroup(index: string, group: string): Record<string, true> {
    let idx = this.groupRows.get(index);
    if (!idx) this.groupRows.set(index, (idx = new Map()));
    const local = idx.get(group);
    if (local) return local;
    const base = local === null ? undefined : this.base.groups[index]?.[group];
    const g: Record<string, true> = base ? { ...base } : {};
    idx.set(group, g);
    return g;
  }

  members(index: string, group: string): string[] {
    const g = this.group(index, group);
    return g ? Object.keys(g) : [];
  }

  /** The groups of an index that have members (e.g. the event generations). */
  groupNames(index: string): string[] {
    const local = this.groupRows.get(index);
    const names = new Set(Object.keys(this.base.groups[index] ?? {}));
    if (local) for (const [name, g] of local) {
      if (isEmpty(g)) names.delete(name);
      else names.add(name);
    }
    return [...names];
  }

  groupAdd(index: string, group: string, member: string): void {
    if (this.group(index, group)?.[member]) return;
    this.writableGroup(index, group)[member] = true;
  }

  groupRemove(index: string, group: string, member: string): void {
    if (!this.group(index, group)?.[member]) return;
    delete this.writableGroup(index, group)[member];
  }

  /** Removes a whole group at once. */
  groupDrop(index: string, group: string): void {
    let idx = this.groupRows.get(index);
    if (!idx) this.groupRows.set(index, (idx = new Map()));
    idx.set(group, null);
  }

  private commitGroups(): void {
    for (const [index, local] of this.groupRows) writeCopies(local, this.base.groups[index], () => (this.d.groups[index] ??= {}));
    this.groupRows.clear();
  }

  /** Called when the controllers have settled: the RNG state goes back to the draft. */
  compact(): void {
    if (this.rng !== undefined && this.d.rng !== this.rng) this.d.rng = this.rng;
  }

  // ---------- Kubernetes objects ----------

  obj<K extends Kind>(kind: K, key: string): ObjectOfKind<K> | undefined {
    return this.get<ObjectOfKind<K>>(kind, key);
  }

  objects<K extends Kind>(kind: K): ObjectOfKind<K>[] {
    return this.list<ObjectOfKind<K>>(kind);
  }

  /** Stores an object (create or replace), keeps indexes in step, bumps resourceVersion and wakes watchers. */
  put<T extends KubeObject>(obj: T): T {
    const key = keyOf(obj);
    const old = this.get<KubeObject>(obj.kind, key);
    if (old === obj) return obj;
    const rv = this.nextSeq('resourceVersion');
    const stored = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(rv) } } as T;
    this.set(obj.kind, key, stored);
    this.reindex(old, stored);
    for (const w of this.watchers[obj.kind] ?? []) w(this, old, stored);
    return stored;
  }

  /** Applies an immer recipe to one object; writes (and wakes watchers) only if something changed. */
  update<K extends Kind>(kind: K, key: string, recipe: (o: Draft<ObjectOfKind<K>>) => void): ObjectOfKind<K> | undefined {
    const old = this.obj(kind, key);
    if (!old) return undefined;
    const next = produce(old, recipe as (o: Draft<ObjectOfKind<K>>) => void) as ObjectOfKind<K>;
    if (next === old) return old;
    return this.put(next);
  }

  /** Removes an object from storage now (the API server's final delete). */
  remove(kind: Kind, key: string): KubeObject | undefined {
    const old = this.get<KubeObject>(kind, key);
    if (!old) return undefined;
    this.del(kind, key);
    this.reindex(old, undefined);
    for (const w of this.watchers[kind] ?? []) w(this, old, undefined);
    return old;
  }

  private reindex(old: KubeObject | undefined, next: KubeObject | undefined): void {
    const o = old ?? next!;
    const key = keyOf(o);
    // Most writes keep the ownerReferences array itself (status updates): nothing to re-index then.
    if (old?.metadata.ownerReferences !== next?.metadata.ownerReferences) {
      const ref = `${o.kind}|${key}`;
      const oldOwners = (old?.metadata.ownerReferences ?? []).map((r) => r.uid);
      const newOwners = (next?.metadata.ownerReferences ?? []).map((r) => r.uid);
      for (const uid of oldOwners) if (!newOwners.includes(uid)) this.groupRemove(INDEX.dependents, uid, ref);
      for (const uid of newOwners) if (!oldOwners.includes(uid)) this.groupAdd(INDEX.dependents, uid, ref);
    }
    if (o.kind !== 'Pod') return;
    const oldPod = old as ObjectOfKind<'Pod'> | undefined;
    const newPod = next as ObjectOfKind<'Pod'> | undefined;
    const ns = o.metadata.namespace ?? 'default';
    const oldNode = oldPod?.spec.nodeName;
    const newNode = newPod?.spec.nodeName;
    if (oldNode !== newNode || !newPod) {
      if (oldNode) this.groupRemove(INDEX.podsByNode, oldNode, key);
      if (newPod && newNode) this.groupAdd(INDEX.podsByNode, newNode, key);
    }
    const wasUnscheduled = !!oldPod && !oldNode;
    const isUnscheduled = !!newPod && !newNode;
    if (wasUnscheduled && !isUnscheduled) this.groupRemove(INDEX.unscheduledPods, ns, key);
    if (isUnscheduled && !wasUnscheduled) this.groupAdd(INDEX.unscheduledPods, ns, key);
    if (oldPod && newPod && oldPod.metadata.ownerReferences === newPod.metadata.ownerReferences) return;
    const wasOrphan = !!oldPod && !oldPod.metadata.ownerReferences?.some((r) => r.controller);
    const isOrphan = !!newPod && !newPod.metadata.ownerReferences?.some((r) => r.controller);
    if (wasOrphan && !isOrphan) this.groupRemove(INDEX.orphanPods, ns, key);
    if (isOrphan && !wasOrphan) this.groupAdd(INDEX.orphanPods, ns, key);
  }

  // ---------- work queues and timers ----------

  enqueue(queue: string, key: string): void {
    let q = this.queues.get(queue);
    if (!q) this.queues.set(queue, (q = new Set()));
    q.add(key);
  }

  // Timers live in State as timers[due ms][queue|key] (one bucket per due time, so taking the timers of one
  // instant touches only them). Inside a transaction the touched buckets are plain copies kept here and written
  // to the draft at commit: iterating a draft bucket made immer create a proxy per timer, and at 150,000 pods one
  // instant holds tens of thousands of timers.
  private readonly timerRows = new Map<string, Record<string, Timer> | null>();
  private epochs: Record<string, number> | undefined;

  private timerBucket(due: string): Record<string, Timer> | undefined {
    const local = this.timerRows.get(due);
    if (local !== undefined) return local ?? undefined;
    return this.base.timers[due];
  }

  private epochCounts(): Record<string, number> {
    return (this.epochs ??= { ...this.base.timerEpochs });
  }

  /** Wakes `key` on `queue` at simulated time `due` (rounded up to TIMER_GRAIN_MS); at once if due ≤ now. */
  at(due: number, queue: string, key: string): void {
    const t = Math.ceil(due / TIMER_GRAIN_MS) * TIMER_GRAIN_MS;
    if (t <= this.now) {
      this.enqueue(queue, key);
      return;
    }
    const dueKey = String(t);
    const id = `${queue}|${key}`;
    let bucket = this.timerRows.get(dueKey);
    if (!bucket) {
      const base = bucket === null ? undefined : this.base.timers[dueKey];
      if (base?.[id]) return;
      this.timerRows.set(dueKey, (bucket = base ? { ...base } : {}));
    }
    if (bucket[id]) return;
    bucket[id] = { due: t, queue, key };
    const epochs = this.epochCounts();
    const epoch = String(Math.floor(t / TIMER_EPOCH_MS));
    epochs[epoch] = (epochs[epoch] ?? 0) + 1;
    this.nextSeq('timer');
  }

  after(ms: number, queue: string, key: string): void {
    this.at(this.now + ms, queue, key);
  }

  /** Earliest timer due at or before `limit`, or undefined. */
  nextTimerDue(limit: number): number | undefined {
    return earliestTimerIn((due) => this.timerBucket(due), this.epochs ?? this.base.timerEpochs, this.now, limit);
  }

  /** Removes and returns every timer due exactly at `due`, in the order they were set. */
  takeTimers(due: number): Timer[] {
    const dueKey = String(due);
    const bucket = this.timerBucket(dueKey);
    if (!bucket) return [];
    const out: Timer[] = [];
    for (const id in bucket) {
      const t = bucket[id];
      out.push({ due: t.due, queue: t.queue, key: t.key });
    }
    this.timerRows.set(dueKey, null);
    const epochs = this.epochCounts();
    const epoch = String(Math.floor(due / TIMER_EPOCH_MS));
    const left = (epochs[epoch] ?? 0) - out.length;
    if (left > 0) epochs[epoch] = left;
    else delete epochs[epoch];
    return out;
  }

  private commitTimers(): void {
    for (const bucket of this.timerRows.values()) if (bucket) for (const id in bucket) Object.freeze(bucket[id]);
    writeCopies(this.timerRows, this.base.timers, () => this.d.timers);
    this.timerRows.clear();
    if (this.epochs) this.d.timerEpochs = this.epochs;
    this.epochs = undefined;
  }

  // ---------- randomness and identity ----------

  /** The RNG state while this transaction draws numbers; written back to the draft by `compact` (a uid draws
   * 32 numbers, and a write through the immer draft per draw was a measurable share of creating a pod). */
  private rng: number | undefined;

  random(): number {
    const state = this.rng ?? this.base.rng;
    this.rng = nextState(state);
    return randomValue(state);
  }

  /** A UUID-shaped uid drawn from the seeded RNG (the API server uses a random UUIDv4). */
  uid(): string {
    const hex = (n: number) => {
      let s = '';
      for (let i = 0; i < n; i++) s += HEX[Math.floor(this.random() * 16)];
      return s;
    };
    this.nextSeq('uid');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(this.random() * 4)]}${hex(3)}-${hex(12)}`;
  }
}
