// The pieces the incremental dashboard is built from, each against doing the whole thing again: the chunked
// sorted list, the node strip's facts, the events pane's index, the change marks fed one change at a time, and a
// sort whose order moves with the clock (a running Job's DURATION).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Event, Job, Node } from '../../src/cluster/api/types.js';
import { createCluster, dispatch, transact } from '../../src/cluster/engine.js';
import type { State } from '../../src/cluster/state.js';
import { listObjects } from '../../src/cluster/store.js';
import { EventIndex, NodeFacts, newerEvent, nodeFact } from '../../src/ui/state/cluster-facts.js';
import { LiveTable } from '../../src/ui/state/live-table.js';
import { sourceFor } from '../../src/ui/state/row-source.js';
import { MARK_MS, RowTracker } from '../../src/ui/state/row-tracker.js';
import { SortedList } from '../../src/ui/state/sorted.js';
import { VIEWS } from '../../src/ui/views/index.js';

describe('SortedList', () => {
  it('after any inserts and removals holds what sorting everything gives, whatever the chunk size', () => {
    const change = fc.record({ gone: fc.array(fc.nat(40), { maxLength: 8 }), added: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 12 }) });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 25 }), fc.integer({ min: 1, max: 8 }), (changes, chunk) => {
        // Items are boxes (identity matters: removal is by identity, ties by value are allowed).
        const cmp = (a: { v: number }, b: { v: number }) => a.v - b.v;
        const list = new SortedList<{ v: number }>(cmp, chunk);
        let model: { v: number }[] = [];
        for (const c of changes) {
          const gone = [...new Set(c.gone.filter((i) => i < model.length).map((i) => model[i]))];
          const added = c.added.map((v) => ({ v }));
          list.update(gone, added);
          model = [...model.filter((x) => !gone.includes(x)), ...added].sort(cmp);
          expect(list.items.map((x) => x.v)).toEqual(model.map((x) => x.v));
          expect(list.length).toBe(model.length);
          for (const x of model) expect(list.items[list.indexOf(x)]).toBe(x);
          expect(list.slice(1, 4).map((x) => x.v)).toEqual(model.slice(1, 4).map((x) => x.v));
          expect(list.at(model.length - 1)?.v).toBe(model.at(-1)?.v);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('NodeFacts', () => {
  it('follow nodes cordoned, going NotReady, added and removed; sorted node-2 before node-10', () => {
    const nodeOp = fc.record({ node: fc.integer({ min: 1, max: 12 }), what: fc.constantFrom('cordon', 'uncordon', 'notready', 'add', 'remove') });
    fc.assert(
      fc.property(fc.array(nodeOp, { maxLength: 20 }), (ops) => {
        let state = createCluster({ nodes: 3 });
        const template = listObjects(state, 'Node')[0];
        const facts = new NodeFacts();
        facts.sync(state);
        for (const o of ops) {
          const name = `node-${o.node}`;
          state = transact(state, (tx) => {
            const n = tx.obj('Node', name);
            if (o.what === 'remove') return void (n && tx.remove('Node', name));
            if (o.what === 'add') return void tx.put({ ...template, metadata: { ...template.metadata, name, uid: `n-${name}` } } as Node);
            if (!n) return;
            if (o.what === 'notready') tx.put({ ...n, status: { ...n.status, conditions: (n.status?.conditions ?? []).map((c) => (c.type === 'Ready' ? { ...c, status: 'False' } : c)) } } as Node);
            else tx.put({ ...n, spec: { ...n.spec, unschedulable: o.what === 'cordon' } } as Node);
          });
          const expected = listObjects(state, 'Node').map(nodeFact).sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
          expect(facts.sync(state)).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('EventIndex', () => {
  it('gives the latest events of an object or of the cluster, newest first, as events come and go', () => {
    const evOp = fc.record({ n: fc.nat(30), uid: fc.constantFrom('a', 'b', 'c'), t: fc.nat(600), drop: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.array(evOp, { maxLength: 6 }), { maxLength: 15 }), fc.integer({ min: 1, max: 8 }), (batches, limit) => {
        let state: State = createCluster({ nodes: 1 });
        const index = new EventIndex();
        for (const batch of batches) {
          state = transact(state, (tx) => {
            for (const e of batch) {
              const key = `default/ev-${e.n}`;
              if (e.drop) tx.del('Event', key);
              else {
                const at = new Date(Date.UTC(2025, 0, 1) + e.t * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
                tx.set('Event', key, { kind: 'Event', metadata: { name: `ev-${e.n}`, namespace: 'default' }, involvedObject: { uid: e.uid }, lastTimestamp: at, type: 'Normal' });
              }
            }
          });
          index.sync(state);
          const all = (listObjects(state, 'Event') as Event[]).sort(newerEvent);
          expect(index.latest(undefined, limit)).toEqual(all.slice(0, limit));
          for (const uid of ['a', 'b', 'c']) expect(index.latest(uid, limit)).toEqual(all.filter((e) => e.involvedObject.uid === uid).slice(0, limit));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('RowTracker fed one change at a time', () => {
  const cols = [{ name: 'NAME' }, { name: 'RESTARTS', numeric: true }, { name: 'AGE', time: true }];
  const cells = (restarts: number, age: string) => [{ text: 'a', sort: 'a' }, { text: String(restarts), sort: restarts }, { text: age, sort: 0 }];

  it('marks a new row, a changed cell with its direction, never a time column; marks fade', () => {
    const t = new RowTracker(cols);
    t.changed('a', undefined, cells(0, '1s'), 100);
    expect(t.marks('a', 100)).toEqual({ added: true, cells: [] });
    t.changed('a', cells(0, '1s'), cells(2, '9s'), 5000);
    expect(t.marks('a', 5000)).toEqual({ added: false, cells: [undefined, 'up'] });
    expect(t.marks('a', 5000 + MARK_MS)).toBeUndefined();
    t.changed('b', cells(1, '1s'), cells(1, '2s'), 6000);
    expect(t.marks('b', 6000)).toBeUndefined();
    t.forget('a');
    expect(t.marks('a', 5001)).toBeUndefined();
  });
});

describe('a sort that moves with the clock', () => {
  function job(name: string, startS: number, doneS?: number): Job {
    const at = (s: number) => new Date(Date.UTC(2025, 0, 1) + s * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    return {
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: 'default', uid: name, creationTimestamp: at(startS) },
      spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } } },
      status: { startTime: at(startS), ...(doneS !== undefined ? { completionTime: at(doneS), succeeded: 1 } : {}) },
    } as unknown as Job;
  }

  it('jobs sorted by DURATION: a running job passes a finished one as time goes by', () => {
    const view = VIEWS.jobs;
    const start = transact(createCluster({ nodes: 1 }), (tx) => {
      tx.set('Job', 'default/done', job('done', 0, 100));
      tx.set('Job', 'default/running', job('running', 0));
    });
    let state = start;
    const table = new LiveTable(view, sourceFor(view, undefined));
    table.configure({ filter: '', wide: false, sortColumn: view.columns.findIndex((c) => c.name === 'DURATION'), asc: true });
    table.sync(state, 0, false);
    // At 0 s the running job has run 0 s, the finished one 100 s.
    expect(table.rows.map((r) => r.key)).toEqual(['default/running', 'default/done']);
    state = dispatch(state, { type: 'advance', ms: 200_000 }).state;
    table.sync(state, 1, true);
    expect(table.rows.map((r) => r.key)).toEqual(['default/done', 'default/running']);
    // Choosing the sort later, with rows printed at other moments, sorts them as of now too.
    const late = new LiveTable(view, sourceFor(view, undefined));
    late.configure({ filter: '', wide: false, sortColumn: 0, asc: true });
    late.sync(start, 0, false);
    late.sync(state, 1, true);
    expect(late.rows.map((r) => r.key)).toEqual(['default/done', 'default/running']);
    late.configure({ filter: '', wide: false, sortColumn: view.columns.findIndex((c) => c.name === 'DURATION'), asc: false });
    expect(late.rows.map((r) => r.key)).toEqual(['default/running', 'default/done']);
  });
});
