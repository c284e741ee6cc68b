// Read access to a State's tables and indexes. Pure functions over the plain (immutable) state: printers, the
// TUI and tests read through these; writes go through src/cluster/tx.ts inside the one immer reducer.

import type { Kind, ObjectOfKind, KubeObject } from './api/types.js';
import { NAMESPACED } from './api/types.js';
import type { State, Timer } from './state.js';
import { fnv1a } from './util/hash.js';

/** Buckets per table: big tables get many small buckets so a write copies little (simulators-ink-immer.md §4.4). */
const BUCKETS: Record<string, number> = {
  Pod: 1024,
  podRuntime: 1024,
  // One reservation per running pod: at 16 buckets each held ~9,400 at 150,000 pods, and every tick that started
  // or removed pods copied such a bucket (a large-object-space allocation) per write: ~300 MiB of garbage in the
  // benchmark's churn, the whole of its peak heap's overshoot.
  podIPs: 1024,
  Event: 256,
  PersistentVolumeClaim: 64,
  Node: 64,
  nodeRuntime: 64,
  Job: 64,
};
const DEFAULT_BUCKETS = 16;

const BUCKET_NAMES = Array.from({ length: 1024 }, (_, i) => String(i));

export function bucketOf(table: string, key: string): string {
  return bucketFor(key, bucketCount(table));
}

/** How many buckets a table has (the Tx looks it up once per table, not per row). */
export function bucketCount(table: string): number {
  return BUCKETS[table] ?? DEFAULT_BUCKETS;
}

/** The bucket of `key` in a table of `buckets` buckets. */
export function bucketFor(key: string, buckets: number): string {
  return BUCKET_NAMES[fnv1a(key) % buckets];
}

/** The key an object is stored under: `namespace/name`, or `name` for cluster-scoped kinds. */
export function objectKey(kind: Kind, namespace: string | undefined, name: string): string {
  return NAMESPACED[kind] ? `${namespace ?? 'default'}/${name}` : name;
}

export function keyOf(obj: KubeObject): string {
  return objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name);
}

export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

export function getRow<V>(state: State, table: string, key: string): V | undefined {
  const t = state.tables[table];
  if (!t) return undefined;
  const b = t[bucketOf(table, key)];
  return b ? (b[key] as V | undefined) : undefined;
}

export function getObject<K extends Kind>(state: State, kind: K, key: string): ObjectOfKind<K> | undefined {
  return getRow<ObjectOfKind<K>>(state, kind, key);
}

/** Every row of a table, in a stable order (bucket, then insertion). Sort for display. */
export function listRows<V>(state: State, table: string): V[] {
  const t = state.tables[table];
  if (!t) return [];
  const out: V[] = [];
  for (const b of Object.keys(t)) {
    const bucket = t[b];
    for (const k in bucket) out.push(bucket[k] as V);
  }
  return out;
}

export function listObjects<K extends Kind>(state: State, kind: K, namespace?: string): ObjectOfKind<K>[] {
  const all = listRows<ObjectOfKind<K>>(state, kind);
  if (namespace === undefined || !NAMESPACED[kind]) return all;
  return all.filter((o) => (o.metadata.namespace ?? 'default') === namespace);
}

export function countRows(state: State, table: string): number {
  return state.counts[table] ?? 0;
}

export function groupMembers(state: State, index: string, group: string): string[] {
  const g = state.groups[index]?.[group];
  return g ? Object.keys(g) : [];
}

/** Names of the indexes kept by tx.ts. */
export const INDEX = {
  /** node name → pod keys bound to it. */
  podsByNode: 'podsByNode',
  /** owner uid → `Kind|key` of every object with an ownerReference to it (controller or not). */
  dependents: 'dependents',
  /** namespace → pod keys with no controller ownerReference (candidates for adoption). */
  orphanPods: 'orphanPods',
  /** namespace → pod keys not yet bound to a node. */
  unscheduledPods: 'unscheduledPods',
} as const;

/** Pods bound to a node, read from the index (no scan). */
export function podsOnNode(state: State, node: string): ObjectOfKind<'Pod'>[] {
  return groupMembers(state, INDEX.podsByNode, node)
    .map((k) => getObject(state, 'Pod', k))
    .filter((p): p is ObjectOfKind<'Pod'> => p !== undefined);
}

/** Objects that carry an ownerReference to `uid`. */
export function dependentsOf(state: State, uid: string): KubeObject[] {
  return groupMembers(state, INDEX.dependents, uid)
    .map((ref) => {
      const i = ref.indexOf('|');
      return getObject(state, ref.slice(0, i) as Kind, ref.slice(i + 1));
    })
    .filter((o): o is KubeObject => o !== undefined);
}

/** Timer due times are rounded up to this grain, so simultaneous work is batched into one step. */
export const TIMER_GRAIN_MS = 100;
/** timerEpochs counts the timers due in each slot of this length, so empty stretches are skipped. */
export const TIMER_EPOCH_MS = 10_000;

/**
 * The earliest timer due in [from, limit], from the timers layout tx.ts keeps: timers[due ms][id], due times on
 * the timer grain, with a count per epoch (TIMER_EPOCH_MS) so that empty stretches cost one lookup per epoch.
 */
export function earliestTimer(timers: Record<string, Record<string, Timer>>, epochs: Record<string, number>, from: number, limit: number): number | undefined {
  return earliestTimerIn((due) => timers[due], epochs, from, limit);
}

/** earliestTimer over any bucket lookup (the Tx reads its own copies of the buckets it changed). */
export function earliestTimerIn(
  bucket: (due: string) => Record<string, Timer> | undefined,
  epochs: Record<string, number>,
  from: number,
  limit: number,
): number | undefined {
  const first = Math.ceil(from / TIMER_GRAIN_MS) * TIMER_GRAIN_MS;
  for (let epoch = Math.floor(first / TIMER_EPOCH_MS); epoch <= Math.floor(limit / TIMER_EPOCH_MS); epoch++) {
    if (!epochs[String(epoch)]) continue;
    const end = Math.min(limit, (epoch + 1) * TIMER_EPOCH_MS - 1);
    for (let due = Math.max(first, epoch * TIMER_EPOCH_MS); due <= end; due += TIMER_GRAIN_MS) {
      const b = bucket(String(due));
      if (b) for (const _ in b) return due;
    }
  }
  return undefined;
}
