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
import type { Bucketed, State, Timer } from './state.js';
import { bucketCount, bucketFor, INDEX, keyOf, TIMER_GRAIN_MS } from './store.js';
import { copyRecord, writeCopy } from './tx-records.js';
import { TxTimers } from './tx-timers.js';
import { nextState, randomValue } from './util/rng.js';

const DELETED = Symbol('deleted');
type Slot = unknown | typeof DELETED;

/** One table as this transaction sees it: the rows it wrote (the overlay) over the base state's buckets. */
interface TableTx {
  readonly name: string;
  readonly base: Bucketed<unknown> | undefined;
  readonly buckets: number;
  readonly rows: Map<string, Slot>;
  /** Writes so far (writesTo). */
  writes: number;
}

/**
 * A group this transaction copied, and how its size moved: `delta` is members added minus members removed since
 * the copy was taken. Emptiness is then O(1) when anything was added (delta > 0); the base group's size is counted
 * only when as many members went as came, once (a `for…in` over a big dictionary-mode object lists every key in
 * V8, so asking "is it empty?" that way cost O(members) each time: pruneEvents asked it of every generation).
 */
interface GroupCopy {
  readonly members: Record<string, true>;
  readonly base: Record<string, true> | undefined;
  delta: number;
  baseSize: number;
}

function copyOf(base: Record<string, true> | undefined): GroupCopy {
  return { members: base ? copyRecord(base) : {}, base, delta: 0, baseSize: base ? -1 : 0 };
}

function isEmptyCopy(c: GroupCopy): boolean {
  if (c.delta > 0) return false;
  if (c.baseSize < 0) c.baseSize = Object.keys(c.base!).length;
  return c.baseSize + c.delta === 0;
}

/**
 * Freezes a new value and its new parts; stops at frozen parts (they are shared with an earlier state). Nothing
 * in kubesim seals objects or only prevents extensions, so "not extensible" means "frozen" here: Object.isExtensible
 * reads a map bit, where Object.isFrozen went to the runtime and walked the property descriptors of each shared part.
 */
function deepFreeze<V>(v: V): V {
  if (v === null || typeof v !== 'object' || !Object.isExtensible(v)) return v;
  Object.freeze(v);
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) deepFreeze(v[i]);
  else for (const k in v) deepFreeze((v as Record<string, unknown>)[k]);
  return v;
}

// uid(): the 36 character codes of a UUID, filled in place and turned into one flat string (a string built with
// `+=` and a template stays a tree of a dozen V8 cons strings, ~400 bytes per uid kept in every object).
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const VARIANT_CODES = Array.from('89ab', (c) => c.charCodeAt(0));
const UUID_CODES = Array.from('xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx', (c) => c.charCodeAt(0));
const UUID_VARIANT_AT = 19;
const UUID_RANDOM_AT = Array.from(UUID_CODES.keys()).filter((i) => UUID_CODES[i] === 0x78 || i === UUID_VARIANT_AT);

/** Called after an object of a kind is created, changed or removed (old/new undefined accordingly). */
export type Watcher = (tx: Tx, oldObj: KubeObject | undefined, newObj: KubeObject | undefined) => void;

export { TIMER_GRAIN_MS };

export class Tx {
  private readonly tables = new Map<string, TableTx>();
  /** Tables written, in the order of their first write (commit creates new tables in the draft in this order). */
  private readonly written: TableTx[] = [];
  readonly queues = new Map<string, Set<string>>();

  constructor(
    readonly d: Draft<State>,
    readonly base: State,
    private readonly watchers: Partial<Record<Kind, Watcher[]>>,
  ) {
    this.timers = new TxTimers(base);
  }

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

  // One lookup of the table per call (its overlay, base buckets and bucket count together), and put/update/remove
  // read a row once: each of them used to look the same key up two or three times.
  private table(name: string): TableTx {
    let t = this.tables.get(name);
    if (!t) this.tables.set(name, (t = { name, base: this.base.tables[name], buckets: bucketCount(name), rows: new Map(), writes: 0 }));
    return t;
  }

  // The last row read, kept in step by write: a fifth of all reads ask for the row just read (read then put,
  // recordEvent's lookup then its put), and each saves a lookup in a big overlay Map and a bucket.
  private lastTable: TableTx | undefined;
  private lastKey = '';
  private lastValue: unknown;

  private read(t: TableTx, key: string): unknown {
    if (t === this.lastTable && key === this.lastKey) return this.lastValue;
    let v: unknown;
    if (t.rows.size !== 0) v = t.rows.get(key);
    if (v === undefined) {
      const b = t.base?.[bucketFor(key, t.buckets)];
      v = b ? b[key] : undefined;
    } else if (v === DELETED) v = undefined;
    this.lastTable = t;
    this.lastKey = key;
    return (this.lastValue = v);
  }

  private write(t: TableTx, key: string, slot: Slot, existed: boolean): void {
    t.writes++;
    if (t.rows.size === 0 && !this.written.includes(t)) this.written.push(t);
    t.rows.set(key, slot);
    if (t === this.lastTable && key === this.lastKey) this.lastValue = slot === DELETED ? undefined : slot;
    if (slot === DELETED) {
      const counts = this.counts();
      counts[t.name] = (counts[t.name] ?? 1) - 1;
    } else if (!existed) {
      const counts = this.counts();
      counts[t.name] = (counts[t.name] ?? 0) + 1;
    }
  }

  get<V>(table: string, key: string): V | undefined {
    return this.read(this.table(table), key) as V | undefined;
  }

  set(table: string, key: string, value: unknown): void {
    if (value === undefined) return this.del(table, key);
    const t = this.table(table);
    this.write(t, key, value, this.read(t, key) !== undefined);
  }

  del(table: string, key: string): void {
    const t = this.table(table);
    if (this.read(t, key) !== undefined) this.write(t, key, DELETED, true);
  }

  /**
   * Writes the overlay into the draft: one new bucket per touched bucket, each a shallow copy of the base bucket
   * with this transaction's rows applied, frozen here. Why not write each row through the draft as it happens:
   * immer then registers a cleanup per assignment and walks every new value at finalize to look for drafts
   * (immer's handleValue/nestedDraftCleanup were ~20% of loading 3,000 pods); values that arrive frozen are
   * skipped. Called once, at the end of the reducer (engine.ts).
   */
  commit(): void {
    for (const t of this.written) {
      const copies = new Map<string, Record<string, unknown>>();
      // Buckets that lost a row: only these can be left empty (they are counted once, below).
      const shrunk = new Set<string>();
      for (const [key, v] of t.rows) {
        const b = bucketFor(key, t.buckets);
        let copy = copies.get(b);
        if (v === DELETED) {
          const base = t.base?.[b];
          // A row added and deleted within this transaction leaves its bucket as it was: no copy for it.
          if (!copy && base?.[key] === undefined) continue;
          if (!copy) copies.set(b, (copy = copyRecord(base!)));
          delete copy[key];
          shrunk.add(b);
        } else {
          if (!copy) {
            const base = t.base?.[b];
            copies.set(b, (copy = base ? copyRecord(base) : {}));
          }
          copy[key] = deepFreeze(v);
        }
      }
      const draft = () => (this.d.tables[t.name] ??= {});
      for (const [b, copy] of copies) writeCopy(b, shrunk.has(b) && Object.keys(copy).length === 0 ? null : copy, t.base, draft);
      t.rows.clear();
    }
    this.written.length = 0;
    this.lastTable = undefined;
    this.commitGroups();
    this.timers.commit(this.d);
    if (this.seqs) this.d.seq = this.seqs;
    if (this.rowCounts) this.d.counts = this.rowCounts;
    if (this.rng !== undefined && this.base.rng !== this.rng) this.d.rng = this.rng;
  }

  /** How many writes this transaction has made to a table: a version for caches of data derived from it. */
  writesTo(table: string): number {
    return this.tables.get(table)?.writes ?? 0;
  }

  /** The base state's table when this transaction has not written to it (a key for caches of derived data). */
  unchangedTable(table: string): object | undefined {
    return this.tables.get(table)?.rows.size ? undefined : this.base.tables[table];
  }

  /** Every row of a table as of now in this transaction (base rows merged with the overlay). */
  list<V>(table: string): V[] {
    const out: V[] = [];
    const overlay = this.tables.get(table)?.rows;
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
  // Like rows: a group written in this transaction is a plain copy kept here (index → group → copy, null once
  // dropped) and written to the draft, frozen, at commit; untouched groups are read from the base state. Through
  // the draft, every add cost several proxy traps. Each copy keeps its member count (GroupCopy): emptiness is O(1).
  // The base state holds no empty group (commit deletes them), so a group read from the base has members.

  private readonly groupRows = new Map<string, Map<string, GroupCopy | null>>();

  private group(index: string, group: string): Record<string, true> | undefined {
    const local = this.groupRows.get(index)?.get(group);
    if (local !== undefined) return local?.members;
    return this.base.groups[index]?.[group];
  }

  private localGroups(index: string): Map<string, GroupCopy | null> {
    let idx = this.groupRows.get(index);
    if (!idx) this.groupRows.set(index, (idx = new Map()));
    return idx;
  }

  members(index: string, group: string): string[] {
    const g = this.group(index, group);
    return g ? Object.keys(g) : [];
  }

  /** Whether a group has `member`. */
  groupHas(index: string, group: string, member: string): boolean {
    return this.group(index, group)?.[member] === true;
  }

  /** Whether a group has any member, in O(1). */
  groupHasMembers(index: string, group: string): boolean {
    const local = this.groupRows.get(index)?.get(group);
    if (local !== undefined) return local !== null && !isEmptyCopy(local);
    return this.base.groups[index]?.[group] !== undefined;
  }

  /** The groups of an index that have members (e.g. the event generations): base groups first, then new ones. */
  groupNames(index: string): string[] {
    const base = this.base.groups[index];
    const local = this.groupRows.get(index);
    if (!local) return base ? Object.keys(base) : [];
    const names = new Set(base ? Object.keys(base) : []);
    for (const [name, g] of local) {
      if (g === null || isEmptyCopy(g)) names.delete(name);
      else names.add(name);
    }
    return [...names];
  }

  // groupAdd and groupRemove copy a group on its first write in this transaction (a dropped group starts empty).
  groupAdd(index: string, group: string, member: string): void {
    let g = this.groupRows.get(index)?.get(group);
    if (g === undefined) {
      const base = this.base.groups[index]?.[group];
      if (base?.[member]) return;
      this.localGroups(index).set(group, (g = copyOf(base)));
    } else if (g === null) this.localGroups(index).set(group, (g = copyOf(undefined)));
    else if (g.members[member]) return;
    g.members[member] = true;
    g.delta++;
  }

  groupRemove(index: string, group: string, member: string): void {
    let g = this.groupRows.get(index)?.get(group);
    if (g === null) return;
    if (g === undefined) {
      const base = this.base.groups[index]?.[group];
      if (!base?.[member]) return;
      this.localGroups(index).set(group, (g = copyOf(base)));
    } else if (!g.members[member]) return;
    delete g.members[member];
    g.delta--;
  }

  /** Removes a whole group at once. */
  groupDrop(index: string, group: string): void {
    this.localGroups(index).set(group, null);
  }

  private commitGroups(): void {
    for (const [index, local] of this.groupRows) {
      const base = this.base.groups[index];
      const draft = () => (this.d.groups[index] ??= {});
      for (const [name, g] of local) writeCopy(name, g === null || isEmptyCopy(g) ? null : g.members, base, draft);
    }
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
    const t = this.table(obj.kind);
    const key = keyOf(obj);
    const old = this.read(t, key) as KubeObject | undefined;
    if (old === obj) return obj;
    return this.store(t, key, old, obj);
  }

  /**
   * put for an object the caller has just built and shares with nothing (its metadata too), stored under `key`
   * (its keyOf): the resourceVersion is set in place instead of on a copy, and the key is not built again.
   * recordEvent stores ~7 Events per pod this way; store's two spreads and keyOf were a third of storing one.
   */
  putFresh<T extends KubeObject>(key: string, obj: T): T {
    const t = this.table(obj.kind);
    const old = this.read(t, key) as KubeObject | undefined;
    obj.metadata.resourceVersion = String(this.nextSeq('resourceVersion'));
    return this.stored(t, key, old, obj);
  }

  private store<T extends KubeObject>(t: TableTx, key: string, old: KubeObject | undefined, obj: T): T {
    const rv = this.nextSeq('resourceVersion');
    return this.stored(t, key, old, { ...obj, metadata: { ...obj.metadata, resourceVersion: String(rv) } } as T);
  }

  /** Writes an object that has its new resourceVersion, keeps the indexes in step and wakes the watchers. */
  private stored<T extends KubeObject>(t: TableTx, key: string, old: KubeObject | undefined, stored: T): T {
    this.write(t, key, stored, old !== undefined);
    this.reindex(old, stored);
    const watchers = this.watchers[stored.kind];
    if (watchers) for (const w of watchers) w(this, old, stored);
    return stored;
  }

  /** Applies an immer recipe to one object; writes (and wakes watchers) only if something changed. */
  update<K extends Kind>(kind: K, key: string, recipe: (o: Draft<ObjectOfKind<K>>) => void): ObjectOfKind<K> | undefined {
    const t = this.table(kind);
    const old = this.read(t, key) as ObjectOfKind<K> | undefined;
    if (!old) return undefined;
    const next = produce(old, recipe as (o: Draft<ObjectOfKind<K>>) => void) as ObjectOfKind<K>;
    if (next === old) return old;
    // Same name and namespace: the row's key (a recipe that renamed the object is stored by put, under the new key).
    if (next.metadata.name !== old.metadata.name || next.metadata.namespace !== old.metadata.namespace) return this.put(next);
    return this.store(t, key, old, next);
  }

  /** Removes an object from storage now (the API server's final delete). */
  remove(kind: Kind, key: string): KubeObject | undefined {
    const t = this.table(kind);
    const old = this.read(t, key) as KubeObject | undefined;
    if (!old) return undefined;
    this.write(t, key, DELETED, true);
    this.reindex(old, undefined);
    const watchers = this.watchers[kind];
    if (watchers) for (const w of watchers) w(this, old, undefined);
    return old;
  }

  private reindex(old: KubeObject | undefined, next: KubeObject | undefined): void {
    const o = old ?? next!;
    // Most writes keep the ownerReferences array itself (status updates): nothing to re-index then, and only
    // Pods have other indexes (so an Event, which has no owners, returns before its key is built again).
    const sameOwners = old?.metadata.ownerReferences === next?.metadata.ownerReferences;
    if (sameOwners && o.kind !== 'Pod') return;
    const key = keyOf(o);
    if (!sameOwners) {
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

  // Timers: tx-timers.ts keeps this transaction's timer buckets.
  private readonly timers: TxTimers;

  /** Wakes `key` on `queue` at simulated time `due` (rounded up to TIMER_GRAIN_MS); at once if due ≤ now. */
  at(due: number, queue: string, key: string): void {
    const t = Math.ceil(due / TIMER_GRAIN_MS) * TIMER_GRAIN_MS;
    if (t <= this.now) this.enqueue(queue, key);
    else if (this.timers.add(t, queue, key)) this.nextSeq('timer');
  }

  after(ms: number, queue: string, key: string): void {
    this.at(this.now + ms, queue, key);
  }

  /** Earliest timer due at or before `limit`, or undefined. */
  nextTimerDue(limit: number): number | undefined {
    return this.timers.nextDue(this.now, limit);
  }

  /** Removes and returns every timer due exactly at `due`, in the order they were set. */
  takeTimers(due: number): Timer[] {
    return this.timers.take(due);
  }

  // ---------- randomness and identity ----------

  /** The RNG state while this transaction draws numbers; written back to the draft by `compact` (a uid draws
   * 31 numbers, and a write through the immer draft per draw was a measurable share of creating a pod). */
  private rng: number | undefined;

  random(): number {
    const state = this.rng ?? this.base.rng;
    this.rng = nextState(state);
    return randomValue(state);
  }

  /** A UUID-shaped uid drawn from the seeded RNG (the API server uses a random UUIDv4): 31 draws, left to right. */
  uid(): string {
    this.nextSeq('uid');
    let state = this.rng ?? this.base.rng;
    for (const i of UUID_RANDOM_AT) {
      const r = randomValue(state);
      state = nextState(state);
      UUID_CODES[i] = i === UUID_VARIANT_AT ? VARIANT_CODES[Math.floor(r * 4)] : HEX_CODES[Math.floor(r * 16)];
    }
    this.rng = state;
    return String.fromCharCode.apply(null, UUID_CODES);
  }
}
