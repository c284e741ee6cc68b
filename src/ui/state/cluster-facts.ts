// The header's and node strip's facts and the events pane's list, kept up to date from the changes between two
// States (table-diff.ts) instead of a pass over every pod, node or event each time a table changes: at 150,000
// pods and 5,000 nodes those passes (and a localeCompare sort of the nodes) cost more than a whole frame.

import type { Event, Node, Pod } from '../../cluster/api/types.js';
import { nodeStatus } from '../../cluster/printers/node.js';
import type { State } from '../../cluster/state.js';
import { parseTime } from '../../cluster/util/time.js';
import { SortedList } from './sorted.js';
import { diffTable } from './table-diff.js';

export interface NodeFact {
  name: string;
  status: string;
  health: 'ready' | 'notready' | 'cordoned';
}

export interface PodCounts {
  total: number;
  byPhase: Record<string, number>;
}

export function nodeFact(n: Node): NodeFact {
  const status = nodeStatus(n);
  const health: NodeFact['health'] = !status.startsWith('Ready') ? 'notready' : status.includes('SchedulingDisabled') ? 'cordoned' : 'ready';
  return { name: n.metadata.name, status, health };
}

/** node-2 before node-10 (the same order as localeCompare('en', { numeric: true }), at a fraction of its cost). */
const collator = new Intl.Collator('en', { numeric: true });
export const byNodeName = (a: NodeFact, b: NodeFact): number => collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const phaseOf = (p: Pod): string => p.status?.phase ?? 'Pending';

/** Pods by phase, counted in and out as pods change. */
export class PodPhases {
  private state: State | undefined;
  private counts: PodCounts = { total: 0, byPhase: {} };

  /** The counts at `state`; a new object when they changed. */
  sync(state: State): PodCounts {
    if (state === this.state) return this.counts;
    const prev = this.state;
    this.state = state;
    if (prev?.tables.Pod === state.tables.Pod) return this.counts;
    const byPhase = { ...this.counts.byPhase };
    let total = this.counts.total;
    diffTable<Pod>(prev, state, 'Pod', (_key, before, after) => {
      if (before) {
        byPhase[phaseOf(before)]--;
        total--;
      }
      if (after) {
        const ph = phaseOf(after);
        byPhase[ph] = (byPhase[ph] ?? 0) + 1;
        total++;
      }
    });
    for (const k of Object.keys(byPhase)) if (byPhase[k] === 0) delete byPhase[k];
    this.counts = { total, byPhase };
    return this.counts;
  }
}

/** Every node's fact, sorted by name; a new array when one changed. */
export class NodeFacts {
  private state: State | undefined;
  private byKey = new Map<string, NodeFact>();
  private list = new SortedList<NodeFact>(byNodeName);
  private snapshot: NodeFact[] = [];

  sync(state: State): NodeFact[] {
    if (state === this.state) return this.snapshot;
    const prev = this.state;
    this.state = state;
    if (prev?.tables.Node === state.tables.Node) return this.snapshot;
    const gone: NodeFact[] = [];
    const added: NodeFact[] = [];
    diffTable<Node>(prev, state, 'Node', (key, _before, after) => {
      const old = this.byKey.get(key);
      const fact = after ? nodeFact(after) : undefined;
      if (old && fact && old.status === fact.status && old.health === fact.health) return;
      if (old) gone.push(old);
      if (fact) {
        added.push(fact);
        this.byKey.set(key, fact);
      } else this.byKey.delete(key);
    });
    if (gone.length === 0 && added.length === 0) return this.snapshot;
    this.list.update(gone, added);
    this.snapshot = this.list.items;
    return this.snapshot;
  }
}

const eventTime = (e: Event): number => parseTime(e.lastTimestamp ?? e.firstTimestamp) ?? 0;

/** Newest first (by last timestamp; the order does not change as time passes), then by name. */
export function newerEvent(a: Event, b: Event): number {
  return eventTime(b) - eventTime(a) || (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0);
}

/** The events newest first, in all and per involved object, for the events pane. */
export class EventIndex {
  private state: State | undefined;
  private all = new SortedList<Event>(newerEvent);
  private byUid = new Map<string, SortedList<Event>>();

  sync(state: State): void {
    if (state === this.state) return;
    const prev = this.state;
    this.state = state;
    const gone: Event[] = [];
    const added: Event[] = [];
    const perUid = new Map<string, { gone: Event[]; added: Event[] }>();
    const of = (uid: string) => {
      let c = perUid.get(uid);
      if (!c) perUid.set(uid, (c = { gone: [], added: [] }));
      return c;
    };
    diffTable<Event>(prev, state, 'Event', (_key, before, after) => {
      if (before) {
        gone.push(before);
        of(before.involvedObject.uid ?? '').gone.push(before);
      }
      if (after) {
        added.push(after);
        of(after.involvedObject.uid ?? '').added.push(after);
      }
    });
    this.all.update(gone, added);
    for (const [uid, c] of perUid) {
      let list = this.byUid.get(uid);
      if (!list) this.byUid.set(uid, (list = new SortedList<Event>(newerEvent)));
      list.update(c.gone, c.added);
      if (list.length === 0) this.byUid.delete(uid);
    }
  }

  /** The latest `limit` events of one object (by uid), or of the whole cluster. */
  latest(uid: string | undefined, limit: number): Event[] {
    const list = uid === undefined ? this.all : this.byUid.get(uid);
    return list ? list.slice(0, limit) : [];
  }
}
