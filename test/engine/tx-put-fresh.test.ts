// Tx.putFresh (an object the caller has just built, stored without a copy: recordEvent's path) against Tx.put:
// the same committed state, field order included, the same resourceVersions, counts and watcher calls.
import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Event, KubeObject } from '../../src/cluster/api/types.js';
import { emptyState, type State } from '../../src/cluster/state.js';
import { keyOf } from '../../src/cluster/store.js';
import { Tx, type Watcher } from '../../src/cluster/tx.js';

type Op = { op: 'store'; name: number; count: number } | { op: 'remove'; name: number };

/** A fresh Event each call (its metadata too), in recordEvent's field order; no resourceVersion yet. */
function event(name: number, count: number): Event {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `e-${name}`, namespace: 'default', uid: `uid-${name}`, creationTimestamp: '2025-01-01T00:00:00Z' },
    involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' },
    reason: 'Tick',
    message: `tick ${name}`,
    source: { component: 'test' },
    count,
    type: 'Normal',
  } as Event;
}

/** Plays `ops` over `s`, storing with put or putFresh; returns the committed state and what the watcher saw. */
function play(s: State, ops: Op[], fresh: boolean): { state: State; seen: string[] } {
  const seen: string[] = [];
  const watcher: Watcher = (_tx, o, n) => seen.push(JSON.stringify([o, n]));
  const state = produce(s, (d) => {
    const tx = new Tx(d, s, { Event: [watcher] });
    for (const o of ops) {
      const ev = event(o.name, o.op === 'store' ? o.count : 0);
      if (o.op === 'remove') tx.remove('Event', keyOf(ev));
      else if (fresh) tx.putFresh(keyOf(ev), ev);
      else tx.put(ev);
    }
    tx.commit();
  });
  return { state, seen };
}

const ops = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('store' as const), name: fc.integer({ min: 0, max: 40 }), count: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ op: fc.constant('remove' as const), name: fc.integer({ min: 0, max: 40 }) }),
  ),
  { maxLength: 120 },
);

describe('Tx.putFresh', () => {
  it('commits what put commits, over one or two transactions, and wakes the watchers alike', () => {
    fc.assert(
      fc.property(ops, ops, (first, second) => {
        const a1 = play(emptyState(), first, false);
        const b1 = play(emptyState(), first, true);
        expect(JSON.stringify(b1.state)).toBe(JSON.stringify(a1.state));
        expect(b1.seen).toEqual(a1.seen);
        // Over a base state that has rows (replacing and removing committed Events).
        const a2 = play(a1.state, second, false);
        const b2 = play(b1.state, second, true);
        expect(JSON.stringify(b2.state)).toBe(JSON.stringify(a2.state));
        expect(b2.seen).toEqual(a2.seen);
      }),
      { numRuns: 200 },
    );
  });

  it('sets the resourceVersion on the object it is given and returns it', () => {
    produce(emptyState(), (d) => {
      const tx = new Tx(d, emptyState(), {});
      const ev = event(1, 1);
      const stored: KubeObject = tx.putFresh(keyOf(ev), ev);
      expect(stored).toBe(ev);
      expect(stored.metadata.resourceVersion).toBe('1');
      expect(tx.obj('Event', keyOf(ev))).toBe(ev);
    });
  });
});
