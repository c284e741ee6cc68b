// Event aggregation and retention (src/cluster/events.ts): names derived from the aggregation key, whole oldest
// generations (blocks of 1,000 resourceVersions) dropped while over config.maxEvents or past config.eventTtlMs,
// never the generation being written; the same outcome whether events come in one transaction or many.
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/cluster/api/types.js';
import { recordEvent } from '../../src/cluster/events.js';
import { emptyState, type SimConfig, type State } from '../../src/cluster/state.js';
import { getObject, listObjects } from '../../src/cluster/store.js';
import { Tx } from '../../src/cluster/tx.js';
import { fnv1a } from '../../src/cluster/util/hash.js';

function inTx(s: State, fn: (tx: Tx) => void): State {
  return produce(s, (d) => {
    const tx = new Tx(d, s, {});
    fn(tx);
    tx.commit();
  });
}

const pod = (name: string) => ({ kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}` } }) as Pod;
/** Event number `i`: one new Event each (a distinct message), or a repeat when `i` was recorded before. */
const record = (tx: Tx, i: number) => recordEvent(tx, pod('web'), { type: 'Normal', reason: 'Tick', message: `tick ${i}`, component: 'test' });
const start = (config: Partial<SimConfig>) => emptyState({ config: { maxEvents: 100_000, eventTtlMs: 3_600_000, ...config } });
/** The message numbers of the stored events, ascending. */
const kept = (s: State) =>
  listObjects(s, 'Event')
    .map((e) => Number(e.message.slice(5)))
    .sort((a, b) => a - b);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('recordEvent', () => {
  it('names an Event <object>.<fnv1a of the aggregation key><fnv1a of the key + "#"> and aggregates repeats', () => {
    const s = inTx(start({}), (tx) => {
      const spec = { type: 'Warning' as const, reason: 'BackOff', message: 'Back-off restarting failed container', component: 'kubelet', fieldPath: 'spec.containers{app}', host: 'node-1' };
      recordEvent(tx, pod('web-0'), spec);
      recordEvent(tx, pod('web-0'), spec);
    });
    const aggKey = ['uid-web-0', 'spec.containers{app}', 'Warning', 'BackOff', 'Back-off restarting failed container', 'kubelet'].join('\u0000');
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const name = `web-0.${hex(fnv1a(aggKey))}${hex(fnv1a(aggKey + '#'))}`;
    const ev = getObject(s, 'Event', `default/${name}`)!;
    expect(ev.count).toBe(2);
    expect(ev.involvedObject).toEqual({ apiVersion: 'v1', kind: 'Pod', name: 'web-0', namespace: 'default', uid: 'uid-web-0', resourceVersion: undefined, fieldPath: 'spec.containers{app}' });
    expect(ev.source).toEqual({ component: 'kubelet', host: 'node-1' });
    expect(listObjects(s, 'Event')).toHaveLength(1);
  });

  it('leaves the namespace out of a Node event’s involvedObject', () => {
    const node = { kind: 'Node', metadata: { name: 'node-1', uid: 'n1' } } as unknown as Pod;
    const s = inTx(start({}), (tx) => recordEvent(tx, node, { type: 'Normal', reason: 'NodeReady', message: 'ready', component: 'kubelet' }));
    const [ev] = listObjects(s, 'Event');
    expect(Object.keys(ev.involvedObject)).toEqual(['apiVersion', 'kind', 'name', 'uid', 'resourceVersion']);
    expect(ev.metadata.namespace).toBe('default');
  });
});

describe('event retention', () => {
  it('drops whole oldest generations once over maxEvents, in one transaction or many', () => {
    // Event i has resourceVersion i: generation 0 holds 1–999, generation 1 holds 1000–1999, …
    // #1201 makes 1,201 > 1,200: generation 0 goes (202 left). #2200 makes 1,201 again: generation 1 goes.
    const one = inTx(start({ maxEvents: 1200 }), (tx) => {
      for (let i = 1; i <= 2500; i++) record(tx, i);
    });
    expect(kept(one)).toEqual(range(2000, 2500));
    let many = start({ maxEvents: 1200 });
    for (let from = 1; from <= 2500; from += 97) many = inTx(many, (tx) => {
      for (let i = from; i < from + 97 && i <= 2500; i++) record(tx, i);
    });
    expect(kept(many)).toEqual(range(2000, 2500));
    expect(many.groups.eventGenerations).toEqual(one.groups.eventGenerations);
    expect(Object.keys(many.groups.eventGenerations)).toEqual(['2']);
  });

  it('never drops the generation being written, however far over the bound', () => {
    const s = inTx(start({ maxEvents: 10 }), (tx) => {
      for (let i = 1; i <= 500; i++) record(tx, i);
    });
    expect(kept(s)).toHaveLength(500);
  });

  it('keeps a repeated event: a repeat moves it to the newest generation', () => {
    const s = inTx(start({ maxEvents: 1200 }), (tx) => {
      for (let i = 1; i <= 1100; i++) record(tx, i);
      record(tx, 7); // resourceVersion 1101: generation 1
      for (let i = 1101; i <= 1201; i++) record(tx, i); // 1,201 events: generation 0 (998 left in it) goes
    });
    expect(kept(s)).toEqual([7, ...range(1000, 1201)]);
    expect(listObjects(s, 'Event').find((e) => e.message === 'tick 7')!.count).toBe(2);
  });

  it('skips a generation emptied by repeats and drops the next one', () => {
    const s = inTx(start({ maxEvents: 1500 }), (tx) => {
      for (let i = 1; i <= 999; i++) record(tx, i); // generation 0
      for (let i = 1; i <= 999; i++) record(tx, i); // all repeated: generation 0 is empty, they are in 1
      for (let i = 1000; i <= 2600; i++) record(tx, i); // event i has rv i + 999
    });
    // #1501 (1,501 events, rv 2500): generation 1 (the 999 repeats and #1000) goes, generation 0 being empty.
    // #2501 (1,501 again, rv 3500): generation 2 (#1001–#2000) goes.
    expect(kept(s)).toEqual(range(2001, 2600));
  });

  it('expires whole generations past the TTL at the next check (every 256 events)', () => {
    const s0 = start({ eventTtlMs: 60_000 });
    // Generation 0: events 1–999 at t0 and 1,000 at t0+30s (rv 999 is the last of generation 0).
    const s1 = inTx(s0, (tx) => {
      for (let i = 1; i <= 998; i++) record(tx, i);
      tx.setNow(s0.now + 30_000);
      record(tx, 999);
      for (let i = 1000; i <= 1100; i++) record(tx, i);
    });
    // t0+70s: events 1–998 are past the TTL, 999 is not, so generation 0 stays at the check at #1280.
    const s2 = inTx(s1, (tx) => {
      tx.setNow(s0.now + 70_000);
      for (let i = 1101; i <= 1300; i++) record(tx, i);
    });
    expect(kept(s2)).toEqual(range(1, 1300));
    // Event 999 repeats (moves to the newest generation): at the check at #1536, generation 0 has expired.
    const s3 = inTx(s2, (tx) => {
      tx.setNow(s0.now + 71_000);
      record(tx, 999);
      for (let i = 1301; i <= 1600; i++) record(tx, i);
    });
    expect(kept(s3)).toEqual(range(999, 1600));
    // The same history in one transaction gives the same events.
    const one = inTx(s0, (tx) => {
      for (let i = 1; i <= 998; i++) record(tx, i);
      tx.setNow(s0.now + 30_000);
      record(tx, 999);
      for (let i = 1000; i <= 1100; i++) record(tx, i);
      tx.setNow(s0.now + 70_000);
      for (let i = 1101; i <= 1300; i++) record(tx, i);
      tx.setNow(s0.now + 71_000);
      record(tx, 999);
      for (let i = 1301; i <= 1600; i++) record(tx, i);
    });
    expect(kept(one)).toEqual(range(999, 1600));
    expect(one.groups.eventGenerations).toEqual(s3.groups.eventGenerations);
  });
});
