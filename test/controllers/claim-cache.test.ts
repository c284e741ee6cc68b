// The claim cache (src/cluster/controllers/shared/claim-cache.ts) against the straightforward reading it replaces:
// after any sequence of pod writes in one transaction, dependentPods(tx, uid) lists the same keys in the same
// order as tx.members(dependents, uid) and holds the very objects tx.obj returns. The writes go through the real
// watchers, so nested writes (the taint-eviction watcher's DefaultTolerationSeconds update of a new pod) happen too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OwnerReference, Pod } from '../../src/cluster/api/types.js';
import { dependentPods } from '../../src/cluster/controllers/shared/claim-cache.js';
import { claimPods } from '../../src/cluster/controllers/shared/pods.js';
import { createCluster, transact } from '../../src/cluster/engine.js';
import { INDEX } from '../../src/cluster/store.js';
import type { Tx } from '../../src/cluster/tx.js';

const OWNERS = ['uid-a', 'uid-b'];

function ref(uid: string, controller: boolean): OwnerReference {
  return { apiVersion: 'example/v1', kind: 'Example', name: uid, uid, controller, blockOwnerDeletion: true };
}

function pod(i: number, refs: OwnerReference[] | undefined, app: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p${i}`, namespace: 'default', uid: `pod-${i}`, creationTimestamp: '', labels: { app }, ...(refs ? { ownerReferences: refs } : {}) },
    spec: { containers: [{ name: 'main', image: 'nginx' }] },
    status: { phase: 'Pending' },
  };
}

/** What claimPods read before the cache: the group's Pod members, each read now. */
function straightforward(tx: Tx, uid: string): [string, Pod | undefined][] {
  return tx
    .members(INDEX.dependents, uid)
    .filter((m) => m.startsWith('Pod|'))
    .map((m) => [m.slice(4), tx.obj('Pod', m.slice(4))]);
}

const refsArb = fc.subarray(OWNERS).chain((uids) =>
  fc.tuple(...uids.map(() => fc.boolean())).map((ctl) => (uids.length ? uids.map((u, i) => ref(u, ctl[i])) : undefined)),
);

type Op =
  | { op: 'put'; i: number; refs: OwnerReference[] | undefined; app: string }
  | { op: 'status'; i: number; phase: Pod['status']['phase'] }
  | { op: 'refs'; i: number; refs: OwnerReference[] | undefined }
  | { op: 'labels'; i: number; app: string }
  | { op: 'remove'; i: number }
  | { op: 'check' };

const index = fc.integer({ min: 0, max: 7 });
const app = fc.constantFrom('a', 'b');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('put' as const), i: index, refs: refsArb, app }),
  fc.record({ op: fc.constant('status' as const), i: index, phase: fc.constantFrom('Pending', 'Running', 'Succeeded', 'Failed') }),
  fc.record({ op: fc.constant('refs' as const), i: index, refs: refsArb }),
  fc.record({ op: fc.constant('labels' as const), i: index, app }),
  fc.record({ op: fc.constant('remove' as const), i: index }),
  fc.constant({ op: 'check' as const }),
  fc.constant({ op: 'check' as const }),
);

function run(tx: Tx, op: Op): void {
  const key = 'i' in op ? `default/p${op.i}` : '';
  switch (op.op) {
    case 'put':
      tx.put(pod(op.i, op.refs, op.app));
      return;
    case 'status':
      tx.update('Pod', key, (p) => {
        p.status.phase = op.phase;
      });
      return;
    case 'refs':
      tx.update('Pod', key, (p) => {
        if (op.refs) p.metadata.ownerReferences = op.refs;
        else delete p.metadata.ownerReferences;
      });
      return;
    case 'labels':
      tx.update('Pod', key, (p) => {
        p.metadata.labels = { app: op.app };
      });
      return;
    case 'remove':
      tx.remove('Pod', key);
      return;
    case 'check':
      for (const uid of OWNERS) {
        const { keys, pods } = dependentPods(tx, uid);
        const cached = keys.map((k, i) => [k, pods[i]] as const);
        const fresh = straightforward(tx, uid);
        expect(cached.map(([k]) => k)).toEqual(fresh.map(([k]) => k));
        for (let i = 0; i < fresh.length; i++) expect(cached[i][1]).toBe(fresh[i][1]);
      }
  }
}

describe('claim cache', () => {
  it('lists the same pods, in the same order, as the same objects as reading the dependents group', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        transact(createCluster({ nodes: 1 }), (tx) => {
          for (const op of ops) run(tx, op);
          run(tx, { op: 'check' });
        });
      }),
      { numRuns: 300 },
    );
  });

  it('is per transaction: a second transaction from the same state does not see the first one’s reads', () => {
    const base = transact(createCluster({ nodes: 1 }), (tx) => {
      tx.put(pod(1, [ref('uid-a', true)], 'a'));
    });
    const names = (s: typeof base, ops: (tx: Tx) => void) => {
      let seen: string[] = [];
      transact(s, (tx) => {
        ops(tx);
        seen = claimPods(tx, { ...pod(0, undefined, 'a'), metadata: { ...pod(0, undefined, 'a').metadata, uid: 'uid-a' } }, () => true).map(
          (p) => `${p.metadata.name}:${p.status.phase}`,
        );
      });
      return seen;
    };
    // Same starting state, different writes: each transaction claims what it wrote.
    expect(
      names(base, (tx) =>
        tx.update('Pod', 'default/p1', (p) => {
          p.status.phase = 'Running';
        }),
      ),
    ).toEqual(['p1:Running']);
    expect(names(base, (tx) => tx.put(pod(2, [ref('uid-a', true)], 'a')))).toEqual(['p1:Pending', 'p2:Pending']);
  });
});
