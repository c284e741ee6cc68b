// Event recording (client-go tools/record): events are Kubernetes `Event` objects; repeats of the same
// (object, type, reason, message, source) are aggregated into one Event with `count` and `lastTimestamp`
// (record/events_cache.go). Retention is bounded: the oldest events go when there are more than
// config.maxEvents, and events expire after config.eventTtlMs as the API server's --event-ttl does.

import type { Event, KubeObject, ObjectReference } from './api/types.js';
import { API_VERSION } from './api/types.js';
import type { Tx } from './tx.js';
import { FNV1A_OFFSET, fnv1aChar, fnv1aMore } from './util/hash.js';
import { rfc3339 } from './util/time.js';

export interface EventSpec {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** The reporting component, e.g. `kubelet`, `default-scheduler`, `replicaset-controller`. */
  component: string;
  /** e.g. `spec.containers{kubia}` for container events. */
  fieldPath?: string;
  /** Node name for kubelet events. */
  host?: string;
}

/**
 * Index of event keys by generation: the block of 1,000 resourceVersions in which the Event was last written.
 * The generation is derived from the Event's own resourceVersion, so moving a repeated event to the newest
 * generation needs no other record (a private table of generations cost a write and ~800 bytes per event).
 */
const EVENT_GENERATIONS = 'eventGenerations';
const GENERATION_SIZE = 1000;
const generationOf = (ev: Event) => String(Math.floor(Number(ev.metadata.resourceVersion) / GENERATION_SIZE));

export function recordEvent(tx: Tx, obj: KubeObject, spec: EventSpec): void {
  const ns = obj.metadata.namespace ?? 'default';
  // The aggregation key is (uid, fieldPath, type, reason, message, component) joined by NUL; it is hashed part by
  // part, and its second hash (the key + '#') continues the first by one character: the same numbers as
  // building the key and hashing it twice, without the key.
  let h = fnv1aMore(FNV1A_OFFSET, obj.metadata.uid ?? '');
  h = fnv1aMore(fnv1aChar(h, 0), spec.fieldPath ?? '');
  h = fnv1aMore(fnv1aChar(h, 0), spec.type);
  h = fnv1aMore(fnv1aChar(h, 0), spec.reason);
  h = fnv1aMore(fnv1aChar(h, 0), spec.message);
  h = fnv1aMore(fnv1aChar(h, 0), spec.component);
  // kubelet names events `<object>.<hex unix nanos>`; we derive the suffix from the aggregation key instead, so
  // a repeat finds its Event by name without another index.
  const name = eventName(obj.metadata.name, h >>> 0, fnv1aChar(h, 0x23) >>> 0);
  const key = eventKey(ns, name);
  const now = rfc3339(tx.now);
  const seq = tx.nextSeq('event');
  const existing = tx.obj('Event', key);
  if (existing) {
    // The same fields as `put({ ...existing, count, lastTimestamp })`, in the same order, copied once.
    const stored = tx.putFresh(key, { ...existing, metadata: { ...existing.metadata }, count: existing.count + 1, lastTimestamp: now });
    const oldGen = generationOf(existing);
    const gen = generationOf(stored);
    if (oldGen !== gen) {
      tx.groupRemove(EVENT_GENERATIONS, oldGen, key);
      tx.groupAdd(EVENT_GENERATIONS, gen, key);
      noteGeneration(tx, gen);
    }
    return;
  }
  const apiVersion = API_VERSION[obj.kind];
  const { uid, resourceVersion } = obj.metadata;
  // A Node's events have no namespace in involvedObject (Nodes are cluster-scoped).
  const involvedObject: ObjectReference =
    obj.kind === 'Node'
      ? { apiVersion, kind: obj.kind, name: obj.metadata.name, uid, resourceVersion }
      : { apiVersion, kind: obj.kind, name: obj.metadata.name, namespace: ns, uid, resourceVersion };
  if (spec.fieldPath) involvedObject.fieldPath = spec.fieldPath;
  const ev: Event = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name,
      namespace: ns,
      uid: tx.uid(),
      creationTimestamp: now,
      // Set by putFresh; here so that the field has its place (last, where put's copy would add it).
      resourceVersion: '',
    },
    involvedObject,
    reason: spec.reason,
    message: spec.message,
    source: spec.host ? { component: spec.component, host: spec.host } : { component: spec.component },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    type: spec.type,
    reportingComponent: spec.component,
    reportingInstance: spec.host ?? '',
  };
  const gen = generationOf(tx.putFresh(key, ev));
  tx.groupAdd(EVENT_GENERATIONS, gen, key);
  noteGeneration(tx, gen);
  // The count bound is checked on every new event; the TTL only every 256 events.
  if (tx.count('Event') > tx.config.maxEvents || seq % 256 === 0) pruneEvents(tx, Number(gen));
}

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const NAME_CODES: number[] = [];

/**
 * `<object>.<h1><h2>` (each hash as 8 hex digits) as one flat string: a template leaves a tree of V8 cons strings
 * (~150 bytes) in every Event's name.
 */
function eventName(object: string, h1: number, h2: number): string {
  const c = NAME_CODES;
  let n = 0;
  for (let i = 0; i < object.length; i++) c[n++] = object.charCodeAt(i);
  c[n++] = 0x2e; // '.'
  for (let s = 28; s >= 0; s -= 4) c[n++] = HEX_CODES[(h1 >>> s) & 15];
  for (let s = 28; s >= 0; s -= 4) c[n++] = HEX_CODES[(h2 >>> s) & 15];
  c.length = n;
  return String.fromCharCode.apply(null, c);
}

/**
 * `<namespace>/<name>` as one flat string. Why not a template: a template is a V8 cons string, flattened (a copy)
 * and hashed again by each Map and property lookup of a new string; every Event key is looked up at least twice.
 */
function eventKey(ns: string, name: string): string {
  const c = NAME_CODES;
  let n = 0;
  for (let i = 0; i < ns.length; i++) c[n++] = ns.charCodeAt(i);
  c[n++] = 0x2f; // '/'
  for (let i = 0; i < name.length; i++) c[n++] = name.charCodeAt(i);
  c.length = n;
  return String.fromCharCode.apply(null, c);
}

/**
 * What pruneEvents keeps for the rest of a transaction: the generations that may have members, oldest first
 * (listed and sorted once, then extended as events are written: a new generation is always the newest), and
 * per generation a member found within the TTL. Without it every call listed and sorted every generation, and
 * checked the TTL by parsing every timestamp of the oldest one.
 */
interface Pruning {
  generations: number[];
  inTtl: Map<string, string>;
}
const pruning = new WeakMap<Tx, Pruning>();

function noteGeneration(tx: Tx, gen: string): void {
  const gens = pruning.get(tx)?.generations;
  if (gens && !(gens[gens.length - 1] >= Number(gen))) gens.push(Number(gen));
}

/**
 * Drops whole oldest generations while over the count bound or past the TTL; never `newest`, the generation
 * being written.
 */
function pruneEvents(tx: Tx, newest: number): void {
  let p = pruning.get(tx);
  if (!p) {
    const generations = tx.groupNames(EVENT_GENERATIONS).map(Number).sort((a, b) => a - b);
    pruning.set(tx, (p = { generations, inTtl: new Map() }));
  }
  const gens = p.generations;
  while (gens.length > 0) {
    const g = String(gens[0]);
    // A generation whose events were all repeated since (moved to a newer one) is empty: it is not one.
    if (tx.groupHasMembers(EVENT_GENERATIONS, g)) {
      if (gens[0] === newest) break;
      // The TTL needs the newest timestamp of the generation: only worth looking when the count bound holds.
      if (tx.count('Event') <= tx.config.maxEvents && !expired(tx, p, g)) break;
      for (const k of tx.members(EVENT_GENERATIONS, g)) tx.remove('Event', k);
      // The whole generation goes at once (removing its members one by one copied the group each time).
      tx.groupDrop(EVENT_GENERATIONS, g);
    }
    gens.shift();
  }
}

/** Whether every event of a generation is past --event-ttl (their newest lastTimestamp is older). */
function expired(tx: Tx, p: Pruning, gen: string): boolean {
  const cutoff = tx.now - tx.config.eventTtlMs;
  const known = p.inTtl.get(gen);
  if (known !== undefined && tx.groupHas(EVENT_GENERATIONS, gen, known) && lastSeen(tx, known) >= cutoff) return false;
  // The newest events of a generation are its last members: look from the end.
  const keys = tx.members(EVENT_GENERATIONS, gen);
  for (let i = keys.length - 1; i >= 0; i--) {
    if (lastSeen(tx, keys[i]) >= cutoff) {
      p.inTtl.set(gen, keys[i]);
      return false;
    }
  }
  return keys.length > 0;
}

const lastSeen = (tx: Tx, key: string) => Date.parse(tx.obj('Event', key)?.lastTimestamp ?? '') || 0;
