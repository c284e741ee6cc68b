// The Tx overlay over the base state's rows (tx.ts read/write/commit), against a plain Map as the model: what
// get, list and count see inside a transaction, and what commit leaves, over random sets and deletes on a base
// written by an earlier transaction. A row created and deleted in one transaction leaves the overlay, so a
// transaction whose creations were all deleted again sees its table as unchanged.
import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { emptyState, type State } from '../../src/cluster/state.js';
import { listRows } from '../../src/cluster/store.js';
import { Tx } from '../../src/cluster/tx.js';

type Op = { set: number; value: number } | { del: number } | { get: number };
const TABLE = 'podIPs';

function play(s: State, ops: Op[], model: Map<string, number>): State {
  return produce(s, (d) => {
    const tx = new Tx(d, s, {});
    for (const o of ops) {
      if ('set' in o) {
        tx.set(TABLE, `k${o.set}`, o.value);
        model.set(`k${o.set}`, o.value);
      } else if ('del' in o) {
        tx.del(TABLE, `k${o.del}`);
        model.delete(`k${o.del}`);
      } else expect(tx.get(TABLE, `k${o.get}`)).toBe(model.get(`k${o.get}`));
      expect(tx.count(TABLE)).toBe(model.size);
    }
    expect(tx.list<number>(TABLE).sort()).toEqual([...model.values()].sort());
    tx.commit();
  });
}

const key = fc.integer({ min: 0, max: 30 });
const ops = fc.array(
  fc.oneof(fc.record({ set: key, value: fc.integer({ min: 1, max: 9 }) }), fc.record({ del: key }), fc.record({ get: key })),
  { maxLength: 150 },
);

const committed = (s: State) => {
  const out: Record<string, number> = {};
  for (const b of Object.values(s.tables[TABLE] ?? {})) Object.assign(out, b);
  return out;
};

describe('Tx overlay', () => {
  it('reads, lists, counts and commits what a plain Map holds, over two transactions', () => {
    fc.assert(
      fc.property(ops, ops, (first, second) => {
        const model = new Map<string, number>();
        const s1 = play(emptyState(), first, model);
        expect(committed(s1)).toEqual(Object.fromEntries(model));
        const s2 = play(s1, second, model);
        expect(committed(s2)).toEqual(Object.fromEntries(model));
        expect(s2.counts[TABLE] ?? 0).toBe(model.size);
        expect(listRows<number>(s2, TABLE).sort()).toEqual([...model.values()].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('a transaction whose new rows were all deleted again sees its table as unchanged and commits nothing', () => {
    const base = play(emptyState(), [{ set: 1, value: 1 }], new Map());
    const after = produce(base, (d) => {
      const tx = new Tx(d, base, {});
      for (let i = 2; i < 50; i++) tx.set(TABLE, `k${i}`, i);
      for (let i = 2; i < 50; i++) tx.del(TABLE, `k${i}`);
      expect(tx.unchangedTable(TABLE)).toBe(base.tables[TABLE]);
      expect(tx.count(TABLE)).toBe(1);
      tx.commit();
    });
    expect(after.tables[TABLE]).toBe(base.tables[TABLE]);
  });
});
