// The pod sync's working copy of a runtime record. A sync changes the record in place (sync.ts and the files it
// calls), so it works on a copy of the parts it may change and, at the end, keeps every part that came out equal
// to what it was: an unchanged record is the stored object itself (nothing to write), and a changed one shares
// its unchanged runs, probe states and back-off entries with the stored one. This is what an immer `produce`
// did, without a proxy on every read (a sync reads the record dozens of times and usually changes a field or two).

import type { ContainerRuntime, PodRuntime } from './runtime.js';

/**
 * The parts a sync changes in place are copied: the record, its container lists, each container, its waiting
 * reason (`visibleAt` is deleted) and its pull (`shown` is set). Everything else — runs, probe states, kills,
 * back-off entries — is only ever replaced whole, so it is shared, and what the sync derives from one of them
 * (a run's program, a probe state's next step) can be remembered with it.
 */
export function workingCopy(rt: PodRuntime): PodRuntime {
  return { ...rt, initContainers: rt.initContainers.map(copyContainer), containers: rt.containers.map(copyContainer) };
}

function copyContainer(cr: ContainerRuntime): ContainerRuntime {
  const c = { ...cr };
  if (cr.waiting) c.waiting = { ...cr.waiting };
  if (cr.pull) c.pull = { ...cr.pull };
  return c;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * `next` with each part that equals (as JSON) the same part of `prev` replaced by `prev`'s — `prev` itself when
 * all of it is equal. Fields set to `undefined` count as absent, as they do in JSON. Neither value is modified.
 */
export function keepUnchanged<T>(prev: T, next: T): T {
  return share(prev, next) as T;
}

function share(a: unknown, b: unknown): unknown {
  if (a === b || !isObject(a) || !isObject(b)) return b;
  if (Array.isArray(a) !== Array.isArray(b)) return b;
  // First which parts are equal, allocating nothing: most of a record is, and often all of it.
  let allPrev = true;
  let swaps: [string | number, unknown][] | undefined;
  let defined = 0;
  if (Array.isArray(a)) {
    const bs = b as unknown as unknown[];
    if (a.length !== bs.length) allPrev = false;
    for (let i = 0; i < bs.length; i++) {
      const v = i < a.length ? share(a[i], bs[i]) : bs[i];
      if (v !== a[i]) allPrev = false;
      if (v !== bs[i]) (swaps ??= []).push([i, v]);
    }
    if (allPrev) return a;
    if (!swaps) return b;
    const out = [...bs];
    for (const [i, v] of swaps) out[i as number] = v;
    return out;
  }
  for (const k in b) {
    const x = b[k];
    if (x === undefined) continue;
    defined++;
    const v = share(a[k], x);
    if (v !== a[k]) allPrev = false;
    if (v !== x) (swaps ??= []).push([k, v]);
  }
  if (allPrev) {
    for (const k in a) if (a[k] !== undefined) defined--;
    if (defined === 0) return a;
  }
  if (!swaps) return b;
  // Fields set to undefined are kept, so that the record's fields stay in the order they were first set (as its
  // JSON shows them).
  const out: Record<string, unknown> = {};
  for (const k in b) out[k] = b[k];
  for (const [k, v] of swaps) out[k] = v;
  return out;
}
