// The Tx's timers (tx-timers.ts) against a straightforward model of a delaying queue: due times rounded up to the
// timer grain, one timer per queue|key and due time, timers taken in the order they were set, counts per epoch;
// over several transactions, so that buckets are copied from a committed state as well as made anew.
import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { emptyState, type State } from '../../src/cluster/state.js';
import { TIMER_EPOCH_MS, TIMER_GRAIN_MS } from '../../src/cluster/store.js';
import { Tx } from '../../src/cluster/tx.js';

type Op = { op: 'at'; in: number; queue: number; key: number } | { op: 'fire'; within: number };

/** Timers by due time, each due time's `queue|key` ids in the order they were set. */
type Model = Map<number, string[]>;

const QUEUES = ['kubelet', 'replicaset'];

/** Plays one transaction over `s` and the model; returns the committed state and what fired (or was enqueued). */
function play(s: State, model: Model, ops: Op[]): { state: State; fired: string[]; expected: string[] } {
  const fired: string[] = [];
  const expected: string[] = [];
  const state = produce(s, (d) => {
    const tx = new Tx(d, s, {});
    let now = s.now;
    for (const o of ops) {
      if (o.op === 'at') {
        const queue = QUEUES[o.queue];
        const key = `default/pod-${o.key}`;
        tx.at(now + o.in, queue, key);
        const t = Math.ceil((now + o.in) / TIMER_GRAIN_MS) * TIMER_GRAIN_MS;
        const id = `${queue}|${key}`;
        if (t <= now) expected.push(`${id}@now`);
        else if (!model.get(t)?.includes(id)) model.set(t, [...(model.get(t) ?? []), id]);
        for (const [q, keys] of tx.queues) for (const k of keys) fired.push(`${q}|${k}@now`);
        tx.queues.clear();
      } else {
        // As the engine's advance does: the earliest due time within reach, its timers, then the clock moves.
        const limit = now + o.within;
        const due = tx.nextTimerDue(limit);
        const modelDue = Math.min(...[...model.keys()].filter((t) => t >= now && t <= limit));
        expect(due).toBe(Number.isFinite(modelDue) ? modelDue : undefined);
        if (due === undefined) continue;
        for (const t of tx.takeTimers(due)) fired.push(`${t.queue}|${t.key}@${t.due}`);
        for (const id of model.get(due)!) expected.push(`${id}@${due}`);
        model.delete(due);
        now = due;
        tx.setNow(now);
      }
    }
    tx.commit();
  });
  return { state, fired, expected };
}

/** The committed timers as the model has them: buckets (in order), epoch counts, and the timer sequence. */
function expectState(state: State, model: Model, setBefore: number, set: number): void {
  const buckets = Object.fromEntries([...model].sort((a, b) => a[0] - b[0]).map(([t, ids]) => [String(t), ids]));
  const actual = Object.fromEntries(
    Object.keys(state.timers)
      .sort()
      .map((t) => [t, Object.keys(state.timers[t])]),
  );
  expect(actual).toEqual(buckets);
  for (const [t, ids] of model) for (const id of ids) expect(state.timers[String(t)][id]).toEqual({ due: t, queue: id.split('|')[0], key: id.split('|')[1] });
  const epochs: Record<string, number> = {};
  for (const [t, ids] of model) epochs[String(Math.floor(t / TIMER_EPOCH_MS))] = (epochs[String(Math.floor(t / TIMER_EPOCH_MS))] ?? 0) + ids.length;
  expect(state.timerEpochs).toEqual(epochs);
  expect(state.seq.timer - setBefore).toBe(set);
}

const ops = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('at' as const), in: fc.integer({ min: -150, max: 25_000 }), queue: fc.integer({ min: 0, max: 1 }), key: fc.integer({ min: 0, max: 6 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('fire' as const), within: fc.integer({ min: 0, max: 30_000 }) }) },
  ),
  { maxLength: 80 },
);

describe('Tx timers', () => {
  it('set, deduplicate, find and take timers as a delaying queue does, over three transactions', () => {
    fc.assert(
      fc.property(fc.array(ops, { minLength: 1, maxLength: 3 }), (txs) => {
        const model: Model = new Map();
        let s = emptyState();
        for (const txOps of txs) {
          const before = s.seq.timer;
          const sizeBefore = [...model.values()].reduce((n, ids) => n + ids.length, 0);
          const r = play(s, model, txOps);
          expect(r.fired).toEqual(r.expected);
          const firedTimers = r.expected.filter((f) => !f.endsWith('@now')).length;
          const sizeAfter = [...model.values()].reduce((n, ids) => n + ids.length, 0);
          // Timers set in this transaction = those still waiting that were not before, plus those taken since.
          expectState(r.state, model, before, sizeAfter - sizeBefore + firedTimers);
          s = r.state;
        }
      }),
      { numRuns: 300 },
    );
  });
});
