// The pod sync's working copy of a runtime record, and the record stored after it. A sync changes the record in
// place (sync.ts and the files it calls), so it works on a copy and, at the end, stores what came out: the stored
// record itself when nothing changed (nothing to write), else a new one that keeps every unchanged part of the
// stored one. This is what an immer `produce` did, without a proxy on every read (a sync reads the record dozens
// of times and usually changes a field or two).
//
// Two layouts, because the two are used so differently. The working copy has every field, always in the same
// order, so that every object the sync code reads has one hidden class (the code's property reads stay
// monomorphic). A stored record has only the fields it needs, made as one object literal each (V8 then keeps them
// inside the object, with no separate property array, and no slot for fields that are usually empty): 150,000
// pods keep one each, and none is ever changed in place (the Tx freezes them).

import type { ContainerRuntime, PodRuntime } from './runtime.js';
import { noContainers } from './runtime.js';
import { sameFields } from './status-share.js';

/**
 * The sync's copy: the record and each container are copied; their parts — runs, probe states, kills, waiting
 * reasons, pulls, back-off entries — are only ever replaced whole, never changed, so they are shared, and what
 * the sync derives from one of them (a run's program, a probe state's next step) can be remembered with it.
 */
export function workingCopy(rt: PodRuntime): PodRuntime {
  return {
    uid: rt.uid,
    node: rt.node,
    boot: rt.boot,
    admittedAt: rt.admittedAt,
    sandboxAt: rt.sandboxAt,
    sandboxRetryAt: rt.sandboxRetryAt,
    podIP: rt.podIP,
    stopping: rt.stopping,
    deadlineExceeded: rt.deadlineExceeded,
    // An empty list is the shared, frozen one (runtime.ts): nothing adds to a record's lists.
    initContainers: rt.initContainers.length === 0 ? rt.initContainers : rt.initContainers.map(workingContainer),
    containers: rt.containers.map(workingContainer),
  };
}

function workingContainer(cr: ContainerRuntime): ContainerRuntime {
  return {
    name: cr.name,
    starts: cr.starts,
    image: cr.image,
    cur: cr.cur,
    prev: cr.prev,
    waiting: cr.waiting,
    pull: cr.pull,
    imageBackoff: cr.imageBackoff,
    lastPullError: cr.lastPullError,
    backoff: cr.backoff,
    retryAt: cr.retryAt,
    kill: cr.kill,
    probe: cr.probe,
    probeDelays: cr.probeDelays,
    done: cr.done,
  };
}

/** `next`'s part, or `prev`'s when they are equal (so that an unchanged part stays the stored object). */
function keep<T extends object>(prev: T | undefined, next: T | undefined): T | undefined {
  return sameFields(prev, next) ? prev : next;
}

function unchangedContainer(b: ContainerRuntime, w: ContainerRuntime): boolean {
  return b.name === w.name && b.starts === w.starts && b.image === w.image && b.cur === w.cur && b.prev === w.prev
    && b.probe === w.probe && b.probeDelays === w.probeDelays && b.retryAt === w.retryAt && b.done === w.done
    && b.lastPullError === w.lastPullError && sameFields(b.waiting, w.waiting) && sameFields(b.pull, w.pull)
    && sameFields(b.kill, w.kill) && sameFields(b.backoff, w.backoff) && sameFields(b.imageBackoff, w.imageBackoff);
}

/** The stored form of a working container: the fields every started container has, then those it has now. */
function storedContainer(b: ContainerRuntime | undefined, w: ContainerRuntime): ContainerRuntime {
  if (b && unchangedContainer(b, w)) return b;
  const out: ContainerRuntime = { name: w.name, starts: w.starts, image: w.image, cur: w.cur, probe: w.probe, probeDelays: w.probeDelays };
  if (w.prev !== undefined) out.prev = w.prev;
  if (w.waiting !== undefined) out.waiting = keep(b?.waiting, w.waiting);
  if (w.pull !== undefined) out.pull = keep(b?.pull, w.pull);
  if (w.imageBackoff !== undefined) out.imageBackoff = keep(b?.imageBackoff, w.imageBackoff);
  if (w.lastPullError !== undefined) out.lastPullError = w.lastPullError;
  if (w.backoff !== undefined) out.backoff = keep(b?.backoff, w.backoff);
  if (w.retryAt !== undefined) out.retryAt = w.retryAt;
  if (w.kill !== undefined) out.kill = keep(b?.kill, w.kill);
  if (w.done !== undefined) out.done = w.done;
  return out;
}

function storedContainers(base: ContainerRuntime[], work: ContainerRuntime[]): ContainerRuntime[] {
  if (work.length === 0) return base.length === 0 ? base : noContainers();
  // `map` sizes the list exactly (one grown by `push` has room for 17: 150 bytes of every pod).
  const out = work.map((w, i) => storedContainer(base[i], w));
  if (base.length !== out.length) return out;
  for (let i = 0; i < out.length; i++) if (out[i] !== base[i]) return out;
  return base;
}

/** The record to store after a sync that started from `base` and left `work`: `base` itself when nothing changed. */
export function storedRecord(base: PodRuntime, work: PodRuntime): PodRuntime {
  const initContainers = storedContainers(base.initContainers, work.initContainers);
  const containers = storedContainers(base.containers, work.containers);
  if (initContainers === base.initContainers && containers === base.containers && base.uid === work.uid
    && base.node === work.node && base.boot === work.boot && base.admittedAt === work.admittedAt
    && base.sandboxAt === work.sandboxAt && base.sandboxRetryAt === work.sandboxRetryAt && base.podIP === work.podIP
    && base.deadlineExceeded === work.deadlineExceeded && sameFields(base.stopping, work.stopping)) return base;
  const out: PodRuntime = {
    uid: work.uid, node: work.node, boot: work.boot, admittedAt: work.admittedAt, sandboxAt: work.sandboxAt, podIP: work.podIP,
    initContainers, containers,
  };
  if (work.sandboxRetryAt !== undefined) out.sandboxRetryAt = work.sandboxRetryAt;
  if (work.stopping !== undefined) out.stopping = keep(base.stopping, work.stopping);
  if (work.deadlineExceeded !== undefined) out.deadlineExceeded = work.deadlineExceeded;
  return out;
}
