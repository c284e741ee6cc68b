// The incremental table model (state/live-table.ts) against a from-scratch computation: after any sequence of
// pod writes (added, changed, deleted — many in one bucket, several in one transaction), clock ticks, rewinds to
// earlier States and changes of filter, sort and wide, its rows, order, widths, selection and window are what
// listing, filtering, sorting and measuring every pod again gives. Pods are written with tx.put (indexes and
// watchers as in the cluster), so the node- and owner-scoped tables are checked too.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/cluster/api/types.js';
import { createCluster, dispatch, transact } from '../../src/cluster/engine.js';
import type { State } from '../../src/cluster/state.js';
import { bucketOf, keyOf, listObjects } from '../../src/cluster/store.js';
import { PodPhases } from '../../src/ui/state/cluster-facts.js';
import { LiveTable } from '../../src/ui/state/live-table.js';
import { sourceFor, scopeMember } from '../../src/ui/state/row-source.js';
import { columnWidths, filterRows, parseFilter, visibleColumns, type Row } from '../../src/ui/state/table.js';
import { itemOf } from '../../src/ui/views/resource.js';
import { VIEWS } from '../../src/ui/views/index.js';
import type { Scope } from '../../src/ui/views/types.js';

const view = VIEWS.pods;

/** Names crowded into two buckets (so one bucket gains, loses and changes rows at once), and a few elsewhere. */
const NAMES = (() => {
  const crowded: string[] = [];
  const other: string[] = [];
  const buckets: string[] = [];
  for (let i = 0; crowded.length < 14 || other.length < 6; i++) {
    const name = `web-${i}`;
    const b = bucketOf('Pod', `default/${name}`);
    if (buckets.length < 2 && !buckets.includes(b)) buckets.push(b);
    if (buckets.includes(b)) {
      if (crowded.length < 14) crowded.push(name);
    } else if (other.length < 6) other.push(name);
  }
  return [...crowded, ...other];
})();

const OWNER = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-web', controller: true };

interface PodSpec {
  name: string;
  node: string;
  app: string;
  restarts: number;
  ready: boolean;
  waiting?: string;
  owned: boolean;
  ageS: number;
}

function pod(p: PodSpec, now: number): Pod {
  const started = new Date(now - p.ageS * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: p.name, namespace: 'default', uid: `uid-${p.name}`, labels: { app: p.app },
      ...(p.ageS >= 0 ? { creationTimestamp: started } : {}),
      ...(p.owned ? { ownerReferences: [OWNER] } : {}),
    },
    spec: { nodeName: p.node, containers: [{ name: 'c', image: 'nginx' }] },
    status: {
      phase: p.waiting ? 'Pending' : 'Running',
      podIP: `10.0.0.${p.restarts}`,
      containerStatuses: [{
        name: 'c', image: 'nginx', imageID: '', ready: p.ready, started: true, restartCount: p.restarts,
        state: p.waiting ? { waiting: { reason: p.waiting } } : { running: { startedAt: started } },
      }],
    },
  } as unknown as Pod;
}

const podSpec = fc.record({
  name: fc.constantFrom(...NAMES),
  node: fc.constantFrom('node-1', 'node-2'),
  app: fc.constantFrom('web', 'api', 'kubia'),
  restarts: fc.nat(12),
  ready: fc.boolean(),
  waiting: fc.option(fc.constantFrom('CrashLoopBackOff', 'ContainerCreating', 'ErrImagePull'), { nil: undefined }),
  owned: fc.boolean(),
  ageS: fc.integer({ min: -1, max: 900 }),
});

type Op =
  | { type: 'write'; pods: PodSpec[]; deletes: string[] }
  | { type: 'tick'; ms: number }
  /** Back to an earlier State, as the dashboard's rewind shows one. */
  | { type: 'rewind'; back: number }
  | { type: 'view'; filter: string; sort: number; asc: boolean; wide: boolean };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('write' as const), pods: fc.array(podSpec, { maxLength: 5 }), deletes: fc.array(fc.constantFrom(...NAMES), { maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('tick' as const), ms: fc.constantFrom(1000, 7000, 65_000) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('rewind' as const), back: fc.integer({ min: 1, max: 6 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('view' as const),
      filter: fc.constantFrom('', 'web', '!web', '-l app=kubia', 'app!=api', 'crash|err', '1/1', '-l app in ('),
      sort: fc.integer({ min: -1, max: view.columns.length - 1 }),
      asc: fc.boolean(),
      wide: fc.boolean(),
    }),
  },
);

function apply(s: State, o: Op, history: State[]): State {
  if (o.type === 'tick') return dispatch(s, { type: 'advance', ms: o.ms }).state;
  if (o.type === 'rewind') return history[Math.max(0, history.length - 1 - o.back)];
  if (o.type === 'view') return s;
  return transact(s, (tx) => {
    for (const name of o.deletes) if (tx.obj('Pod', `default/${name}`)) tx.remove('Pod', `default/${name}`);
    for (const p of o.pods) tx.put(pod(p, s.now));
  });
}

/** From scratch: every pod of the scope printed as of its last change; sorted by its cells printed now. */
function reference(state: State, printedAt: Map<string, number>, scope: Scope | undefined, v: { filter: string; sort: number; asc: boolean; wide: boolean }) {
  const member = scopeMember('Pod', scope);
  const rows: Row[] = listObjects(state, 'Pod')
    .filter((p) => !member || member(p))
    .map((p) => {
      const item = itemOf(p);
      return { key: item.key, item, cells: view.row(item, printedAt.get(item.key)!, state) };
    });
  const shown = visibleColumns(view.columns, v.wide);
  const filtered = filterRows(rows, parseFilter(v.filter), view.columns, shown);
  const now = new Map(filtered.map((r) => [r.key, view.row(r.item, state.now, state)]));
  const dir = v.asc ? 1 : -1;
  const sorted = [...filtered].sort((a, b) => {
    if (v.sort >= 0) {
      const x = now.get(a.key)![v.sort].sort;
      const y = now.get(b.key)![v.sort].sort;
      if (x !== y) return (typeof x === 'number' && typeof y === 'number' ? (x < y ? -1 : 1) : typeof x === 'number' ? -1 : typeof y === 'number' ? 1 : x < y ? -1 : 1) * dir;
    }
    return a.key < b.key ? -1 : 1;
  });
  return { rows: sorted, total: rows.length, widths: columnWidths(filtered, view.columns, shown) };
}

describe('LiveTable', () => {
  it('after any sequence of changes equals a from-scratch listing, filter, sort and measure', () => {
    const SCOPES: (Scope | undefined)[] = [undefined, { type: 'node', name: 'node-1' }, { type: 'owner', uid: 'rs-web', kind: 'ReplicaSet', name: 'web' }];
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), fc.nat(40), (ops, pick) => {
        let state = createCluster({ nodes: 2 });
        const history = [state];
        const tables = SCOPES.map((scope) => ({ scope, table: new LiveTable(view, sourceFor(view, scope)) }));
        const phases = new PodPhases();
        const printedAt = new Map<string, number>();
        let seen = new Map<string, unknown>();
        let v = { filter: '', sort: 0, asc: true, wide: false };
        for (const o of ops) {
          state = apply(state, o, history);
          history.push(state);
          if (o.type === 'view') v = { filter: o.filter, sort: o.sort, asc: o.asc, wide: o.wide };
          const now = new Map<string, unknown>();
          for (const p of listObjects(state, 'Pod')) {
            now.set(keyOf(p), p);
            if (seen.get(keyOf(p)) !== p) printedAt.set(keyOf(p), state.now);
          }
          seen = now;
          for (const { scope, table } of tables) {
            table.configure({ filter: v.filter, wide: v.wide, sortColumn: v.sort, asc: v.asc });
            table.sync(state, state.now, true);
            const ref = reference(state, printedAt, scope, v);
            expect(table.rows.map((r) => r.key)).toEqual(ref.rows.map((r) => r.key));
            expect(table.rows.map((r) => r.cells)).toEqual(ref.rows.map((r) => r.cells));
            expect(table.count).toBe(ref.rows.length);
            expect(table.total).toBe(ref.total);
            expect(table.naturalWidths()).toEqual(ref.widths);
            const key = NAMES[pick % NAMES.length];
            const at = ref.rows.findIndex((r) => r.key === `default/${key}`);
            expect(table.selectionIndex(`default/${key}`, 3)).toBe(ref.rows.length === 0 ? -1 : at >= 0 ? at : Math.min(3, ref.rows.length - 1));
            expect(table.slice(2, 5).map((r) => r.key)).toEqual(ref.rows.slice(2, 5).map((r) => r.key));
          }
          const byPhase: Record<string, number> = {};
          for (const p of listObjects(state, 'Pod')) byPhase[p.status?.phase ?? 'Pending'] = (byPhase[p.status?.phase ?? 'Pending'] ?? 0) + 1;
          expect(phases.sync(state)).toEqual({ total: listObjects(state, 'Pod').length, byPhase });
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
