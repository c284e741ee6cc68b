// Event recording (client-go tools/record): events are Kubernetes `Event` objects; repeats of the same
// (object, type, reason, message, source) are aggregated into one Event with `count` and `lastTimestamp`
// (record/events_cache.go). Retention is bounded: the oldest events go when there are more than
// config.maxEvents, and events expire after config.eventTtlMs as the API server's --event-ttl does.

import type { Event, KubeObject } from './api/types.js';
import { API_VERSION } from './api/types.js';
import type { Tx } from './tx.js';
import { fnv1a } from './util/hash.js';
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
  const aggKey = [obj.metadata.uid, spec.fieldPath ?? '', spec.type, spec.reason, spec.message, spec.component].join('\u0000');
  // kubelet names events `<object>.<hex unix nanos>`; we derive the suffix from the aggregation key instead, so
  // a repeat finds its Event by name without another index.
  const name = `${obj.metadata.name}.${fnv1a(aggKey).toString(16).padStart(8, '0')}${fnv1a(aggKey + '#').toString(16).padStart(8, '0')}`;
  const key = `${ns}/${name}`;
  const now = rfc3339(tx.now);
  const seq = tx.nextSeq('event');
  const existing = tx.obj('Event', key);
  if (existing) {
    const stored = tx.put({ ...existing, count: existing.count + 1, lastTimestamp: now });
    const oldGen = generationOf(existing);
    const gen = generationOf(stored);
    if (oldGen !== gen) {
      tx.groupRemove(EVENT_GENERATIONS, oldGen, key);
      tx.groupAdd(EVENT_GENERATIONS, gen, key);
    }
    return;
  }
  const ev: Event = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name,
      namespace: ns,
      uid: tx.uid(),
      creationTimestamp: now,
    },
    involvedObject: {
      apiVersion: API_VERSION[obj.kind],
      kind: obj.kind,
      name: obj.metadata.name,
      namespace: obj.kind === 'Node' ? undefined : ns,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      ...(spec.fieldPath ? { fieldPath: spec.fieldPath } : {}),
    },
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
  if (ev.involvedObject.namespace === undefined) delete ev.involvedObject.namespace;
  tx.groupAdd(EVENT_GENERATIONS, generationOf(tx.put(ev)), key);
  // The count bound is checked on every new event; the TTL only every 256 events (it needs a scan of a generation).
  if (tx.count('Event') > tx.config.maxEvents || seq % 256 === 0) pruneEvents(tx);
}

/** Drops whole oldest generations while over the count bound or past the TTL. */
function pruneEvents(tx: Tx): void {
  const gens = tx.groupNames(EVENT_GENERATIONS)
    .map(Number)
    .sort((a, b) => a - b);
  for (const g of gens) {
    const keys = tx.members(EVENT_GENERATIONS, String(g));
    const over = tx.count('Event') > tx.config.maxEvents;
    // The TTL needs the newest timestamp of the generation: only worth parsing when the count bound holds.
    const expired = !over && keys.length > 0 && Math.max(...keys.map((k) => Date.parse(tx.obj('Event', k)?.lastTimestamp ?? '') || 0)) < tx.now - tx.config.eventTtlMs;
    if (!over && !expired) break;
    if (g === gens[gens.length - 1]) break; // never drop the generation being written
    for (const k of keys) tx.remove('Event', k);
    // The whole generation goes at once (removing its members one by one copied the group each time).
    tx.groupDrop(EVENT_GENERATIONS, String(g));
  }
}
