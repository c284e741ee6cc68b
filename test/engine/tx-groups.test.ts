// The Tx's bookkeeping of what it copies: groups (indexes) and table buckets keep their member counts, so that
// "is this group empty?" is answered without listing members, and empty groups and buckets vanish at commit.
import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { emptyState, type State } from '../../src/cluster/state.js';
import { bucketOf, countRows, getRow, groupMembers, listRows } from '../../src/cluster/store.js';
import { Tx } from '../../src/cluster/tx.js';

/** Runs `fn` in one transaction over `s` (no watchers) and returns the committed state. */
function inTx(s: State, fn: (tx: Tx) => void): State {
  return produce(s, (d) => {
    const tx = new Tx(d, s, {});
    fn(tx);
    tx.commit();
  });
}

const IDX = 'idx';
const sorted = (xs: string[]) => [...xs].sort();

describe('Tx groups: member counts', () => {
  it('adds and removes within one transaction; a group emptied there is not listed and is not stored', () => {
    const s = inTx(emptyState(), (tx) => {
      tx.groupAdd(IDX, 'g', 'a');
      tx.groupAdd(IDX, 'g', 'b');
      tx.groupAdd(IDX, 'g', 'b'); // already a member: not counted twice
      expect(tx.groupHasMembers(IDX, 'g')).toBe(true);
      tx.groupRemove(IDX, 'g', 'a');
      tx.groupRemove(IDX, 'g', 'zzz'); // not a member: not counted
      expect(tx.members(IDX, 'g')).toEqual(['b']);
      expect(tx.groupNames(IDX)).toEqual(['g']);
      tx.groupRemove(IDX, 'g', 'b');
      expect(tx.groupHasMembers(IDX, 'g')).toBe(false);
      expect(tx.groupNames(IDX)).toEqual([]);
      tx.groupAdd(IDX, 'h', 'x');
      tx.groupRemove(IDX, 'h', 'x');
      tx.groupAdd(IDX, 'k', 'y');
    });
    expect(s.groups[IDX]).toEqual({ k: { y: true } });
    expect(Object.isFrozen(s.groups[IDX].k)).toBe(true);
  });

  it('empties a group of the base state member by member (a big one too): it vanishes at commit', () => {
    const members = Array.from({ length: 2000 }, (_, i) => `default/pod-${i}`);
    const s1 = inTx(emptyState(), (tx) => {
      for (const m of members) tx.groupAdd(IDX, 'big', m);
      tx.groupAdd(IDX, 'small', 'a');
    });
    expect(Object.keys(s1.groups[IDX].big)).toHaveLength(2000);
    const s2 = inTx(s1, (tx) => {
      for (const m of members.slice(1)) tx.groupRemove(IDX, 'big', m);
      expect(tx.groupHasMembers(IDX, 'big')).toBe(true);
      tx.groupAdd(IDX, 'big', 'default/late'); // +1 after the removals
      tx.groupRemove(IDX, 'big', members[0]);
      expect(tx.groupHasMembers(IDX, 'big')).toBe(true);
      expect(tx.members(IDX, 'big')).toEqual(['default/late']);
    });
    expect(s2.groups[IDX].big).toEqual({ 'default/late': true });
    expect(s2.groups[IDX].small).toBe(s1.groups[IDX].small); // untouched: shared with the previous state
    const s3 = inTx(s2, (tx) => {
      tx.groupRemove(IDX, 'big', 'default/late');
      expect(tx.groupHasMembers(IDX, 'big')).toBe(false);
      expect(tx.groupNames(IDX)).toEqual(['small']);
    });
    expect(Object.keys(s3.groups[IDX])).toEqual(['small']);
  });

  it('a re-added member of a base group keeps the group listed; add then remove of a base member leaves it as it was', () => {
    const s1 = inTx(emptyState(), (tx) => tx.groupAdd(IDX, 'g', 'a'));
    const s2 = inTx(s1, (tx) => {
      tx.groupRemove(IDX, 'g', 'a');
      expect(tx.groupNames(IDX)).toEqual([]);
      tx.groupAdd(IDX, 'g', 'a');
      expect(tx.groupNames(IDX)).toEqual(['g']);
      expect(tx.groupHasMembers(IDX, 'g')).toBe(true);
    });
    expect(s2.groups[IDX]).toEqual({ g: { a: true } });
  });

  it('drop removes every member at once; members added after a drop start a new group', () => {
    const s1 = inTx(emptyState(), (tx) => {
      for (const m of ['a', 'b', 'c']) tx.groupAdd(IDX, 'g1', m);
      for (const m of ['a', 'b']) tx.groupAdd(IDX, 'g2', m);
    });
    const s2 = inTx(s1, (tx) => {
      tx.groupDrop(IDX, 'g1');
      expect(tx.members(IDX, 'g1')).toEqual([]);
      expect(tx.groupHasMembers(IDX, 'g1')).toBe(false);
      expect(tx.groupHas(IDX, 'g1', 'a')).toBe(false);
      tx.groupRemove(IDX, 'g1', 'a'); // nothing left to remove
      tx.groupAdd(IDX, 'g1', 'd');
      expect(tx.members(IDX, 'g1')).toEqual(['d']);
      tx.groupDrop(IDX, 'g2');
      expect(sorted(tx.groupNames(IDX))).toEqual(['g1']);
    });
    expect(s2.groups[IDX]).toEqual({ g1: { d: true } });
    // Dropped and re-added in the same transaction, then emptied again: gone.
    const s3 = inTx(s2, (tx) => {
      tx.groupDrop(IDX, 'g1');
      tx.groupAdd(IDX, 'g1', 'e');
      tx.groupRemove(IDX, 'g1', 'e');
      expect(tx.groupNames(IDX)).toEqual([]);
    });
    expect(s3.groups[IDX]).toEqual({});
  });

  it('lists base groups first, then the new ones, without the emptied ones', () => {
    const s1 = inTx(emptyState(), (tx) => {
      for (const g of ['3', '1', '2']) tx.groupAdd(IDX, g, 'm');
    });
    inTx(s1, (tx) => {
      tx.groupAdd(IDX, '7', 'm');
      tx.groupRemove(IDX, '1', 'm');
      tx.groupAdd(IDX, '0', 'm');
      expect(tx.groupNames(IDX)).toEqual(Object.keys(s1.groups[IDX]).filter((g) => g !== '1').concat(['7', '0']));
    });
  });
});

describe('Tx table buckets', () => {
  it('keeps counts and buckets in step: an emptied bucket vanishes, a row added and deleted leaves nothing', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `k${i}`); // 16 buckets: some hold several keys
    const s1 = inTx(emptyState(), (tx) => {
      for (const k of keys) tx.set('t', k, { k });
      tx.set('t', 'tmp', 1);
      tx.del('t', 'tmp');
      tx.del('t', 'never-there');
      tx.set('u', 'x', 1);
      tx.del('u', 'x');
    });
    expect(s1.counts.t).toBe(40);
    expect(s1.tables.u).toBeUndefined();
    expect(getRow(s1, 't', 'tmp')).toBeUndefined();
    const b = bucketOf('t', 'k0');
    const sameBucket = keys.filter((k) => bucketOf('t', k) === b);
    expect(sameBucket.length).toBeGreaterThan(1);
    const tmp = ['tmp', 'tmp1', 'tmp2', 'tmp3'].find((k) => bucketOf('t', k) !== b && s1.tables.t[bucketOf('t', k)])!;
    const s2 = inTx(s1, (tx) => {
      for (const k of sameBucket.slice(1)) tx.del('t', k);
      tx.set('t', sameBucket[1], { again: true }); // deleted, then written again
      tx.del('t', sameBucket[1]);
      tx.set('t', tmp, 1); // a new row in another bucket, gone again before commit
      tx.del('t', tmp);
    });
    expect(Object.keys(s2.tables.t[b])).toEqual(['k0']);
    expect(s2.counts.t).toBe(40 - (sameBucket.length - 1));
    const s3 = inTx(s2, (tx) => tx.del('t', 'k0'));
    expect(s3.tables.t[b]).toBeUndefined();
    expect(s3.counts.t).toBe(40 - sameBucket.length);
    // Untouched buckets are shared with the previous state; the bucket of `tmp` was never copied.
    for (const other of Object.keys(s2.tables.t)) if (other !== b) expect(s3.tables.t[other]).toBe(s2.tables.t[other]);
    expect(s2.tables.t[bucketOf('t', tmp)]).toBe(s1.tables.t[bucketOf('t', tmp)]);
  });

  it('keeps the order rows were first written in within a bucket, as the overlay had it', () => {
    const s = inTx(emptyState(), (tx) => {
      for (let i = 0; i < 200; i++) tx.set('t', `k${i}`, i);
      tx.del('t', 'k5');
      tx.set('t', 'k5', 'again');
    });
    for (const bucket of Object.values(s.tables.t)) {
      const ks = Object.keys(bucket).map((k) => Number(k.slice(1)));
      expect(ks).toEqual([...ks].sort((a, b) => a - b));
    }
  });
});

describe('Tx against a model', () => {
  // Random writes over a few keys and groups, in several transactions: every read inside a transaction, and the
  // committed rows, counts and groups, match plain Maps and Sets kept alongside.
  type Op =
    | { op: 'set'; k: number; v: number }
    | { op: 'del'; k: number }
    | { op: 'add' | 'remove'; g: number; m: number }
    | { op: 'drop'; g: number };
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant('set' as const), k: fc.nat(40), v: fc.nat(5) }),
    fc.record({ op: fc.constant('del' as const), k: fc.nat(40) }),
    fc.record({ op: fc.constantFrom('add' as const, 'remove' as const), g: fc.nat(3), m: fc.nat(6) }),
    fc.record({ op: fc.constant('drop' as const), g: fc.nat(3) }),
  );

  it('reads its own writes, and commits what a model holds', () => {
    fc.assert(
      fc.property(fc.array(fc.array(opArb, { maxLength: 60 }), { minLength: 1, maxLength: 4 }), (txs) => {
        const rows = new Map<string, number>();
        const groups = new Map<string, Set<string>>();
        let s = emptyState();
        for (const ops of txs) {
          s = inTx(s, (tx) => {
            for (const o of ops) {
              if (o.op === 'set') {
                tx.set('t', `k${o.k}`, o.v);
                rows.set(`k${o.k}`, o.v);
              } else if (o.op === 'del') {
                tx.del('t', `k${o.k}`);
                rows.delete(`k${o.k}`);
              } else if (o.op === 'add') {
                tx.groupAdd(IDX, `g${o.g}`, `m${o.m}`);
                if (!groups.has(`g${o.g}`)) groups.set(`g${o.g}`, new Set());
                groups.get(`g${o.g}`)!.add(`m${o.m}`);
              } else if (o.op === 'remove') {
                tx.groupRemove(IDX, `g${o.g}`, `m${o.m}`);
                groups.get(`g${o.g}`)?.delete(`m${o.m}`);
              } else {
                tx.groupDrop(IDX, `g${o.g}`);
                groups.delete(`g${o.g}`);
              }
              if ('k' in o) expect(tx.get('t', `k${o.k}`)).toBe(rows.get(`k${o.k}`));
              const other = `k${(ops.indexOf(o) * 7) % 41}`;
              expect(tx.get('t', other)).toBe(rows.get(other));
              expect(tx.count('t')).toBe(rows.size);
              const live = [...groups].filter(([, m]) => m.size > 0).map(([g]) => g);
              expect(sorted(tx.groupNames(IDX))).toEqual(sorted(live));
              for (let g = 0; g < 4; g++) expect(tx.groupHasMembers(IDX, `g${g}`)).toBe(live.includes(`g${g}`));
            }
          });
          expect(sorted(listRows<number>(s, 't').map(String))).toEqual(sorted([...rows.values()].map(String)));
          for (const [k, v] of rows) expect(getRow(s, 't', k)).toBe(v);
          expect(countRows(s, 't')).toBe(rows.size);
          for (const bucket of Object.values(s.tables.t ?? {})) expect(Object.keys(bucket).length).toBeGreaterThan(0);
          for (const [g, m] of groups) expect(sorted(groupMembers(s, IDX, g))).toEqual(sorted([...m]));
          for (const g of Object.keys(s.groups[IDX] ?? {})) expect(groups.get(g)?.size).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('Tx uid', () => {
  it('draws 31 numbers, left to right, into a UUIDv4 shape', () => {
    const s = emptyState({ seed: 3 });
    let uid = '';
    let expected = '';
    let rngAfterUid = 0;
    produce(s, (d) => {
      const tx = new Tx(d, s, {});
      uid = tx.uid();
      tx.compact();
      rngAfterUid = d.rng;
    });
    produce(s, (d) => {
      const tx = new Tx(d, s, {});
      const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(tx.random() * 16)]).join('');
      const a = hex(8);
      const b = hex(4);
      const c = hex(3);
      const v = '89ab'[Math.floor(tx.random() * 4)];
      expected = `${a}-${b}-4${c}-${v}${hex(3)}-${hex(12)}`;
      tx.compact();
      expect(d.rng).toBe(rngAfterUid);
    });
    expect(uid).toBe(expected);
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
