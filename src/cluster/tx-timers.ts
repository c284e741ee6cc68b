// The timers of one transaction (tx.ts keeps one TxTimers per Tx; Tx.at/after/takeTimers/nextTimerDue use it).
//
// Timers live in State as timers[due ms][queue|key] (one bucket per due time, so taking the timers of one
// instant touches only them), with a count per epoch (timerEpochs, store.ts TIMER_EPOCH_MS) so that empty
// stretches are skipped. A key set on a queue twice for the same due time is one timer (the work queue it wakes
// would dedupe the key anyway). Inside a transaction the touched buckets are plain copies kept here and written
// to the draft at commit: iterating a draft bucket made immer create a proxy per timer, and at 150,000 pods one
// instant holds tens of thousands of timers.

import type { Draft } from 'immer';
import type { State, Timer } from './state.js';
import { earliestTimerIn, TIMER_EPOCH_MS } from './store.js';
import { copyRecord, writeCopy } from './tx-records.js';

export class TxTimers {
  /** Timer buckets copied (or taken: null) in this transaction, by due time. */
  private readonly rows = new Map<string, Record<string, Timer> | null>();
  private epochs: Record<string, number> | undefined;

  // The due time of the last add and its keys. Three adds in four have the due time of the one before (9,000
  // pods converging: the kubelet and replicaset wakes of a batch fall on one grain), and String() of a millisecond
  // timestamp (a heap number, not a small integer) cost ~350 ns per call, the cached strings ~10 ns.
  private lastDue = NaN;
  private lastDueKey = '';
  private lastEpochKey = '';

  constructor(private readonly base: State) {}

  private bucket(due: string): Record<string, Timer> | undefined {
    const local = this.rows.get(due);
    if (local !== undefined) return local ?? undefined;
    return this.base.timers[due];
  }

  private epochCounts(): Record<string, number> {
    return (this.epochs ??= { ...this.base.timerEpochs });
  }

  /** Sets a timer for `key` on `queue` at `due` (on the timer grain); false if that timer was already set. */
  add(due: number, queue: string, key: string): boolean {
    if (due !== this.lastDue) {
      this.lastDue = due;
      this.lastDueKey = String(due);
      this.lastEpochKey = String(Math.floor(due / TIMER_EPOCH_MS));
    }
    const dueKey = this.lastDueKey;
    const id = `${queue}|${key}`;
    let bucket = this.rows.get(dueKey);
    if (!bucket) {
      const base = bucket === null ? undefined : this.base.timers[dueKey];
      if (base?.[id]) return false;
      this.rows.set(dueKey, (bucket = base ? copyRecord(base) : {}));
    } else if (bucket[id]) return false;
    // Frozen as made: commit used to freeze every timer of each copied bucket again, the base state's included.
    bucket[id] = Object.freeze({ due, queue, key });
    const epochs = this.epochCounts();
    const epoch = this.lastEpochKey;
    epochs[epoch] = (epochs[epoch] ?? 0) + 1;
    return true;
  }

  /** Earliest timer due in [from, limit], or undefined. */
  nextDue(from: number, limit: number): number | undefined {
    return earliestTimerIn((due) => this.bucket(due), this.epochs ?? this.base.timerEpochs, from, limit);
  }

  /** Removes and returns every timer due exactly at `due`, in the order they were set. */
  take(due: number): Timer[] {
    const dueKey = String(due);
    const bucket = this.bucket(dueKey);
    if (!bucket) return [];
    const out: Timer[] = [];
    for (const id in bucket) {
      const t = bucket[id];
      out.push({ due: t.due, queue: t.queue, key: t.key });
    }
    this.rows.set(dueKey, null);
    const epochs = this.epochCounts();
    const epoch = String(Math.floor(due / TIMER_EPOCH_MS));
    const left = (epochs[epoch] ?? 0) - out.length;
    if (left > 0) epochs[epoch] = left;
    else delete epochs[epoch];
    return out;
  }

  // A copied timer bucket is never empty: `add` copies one only to add a timer to it, and `take` drops it whole.
  commit(d: Draft<State>): void {
    for (const [due, bucket] of this.rows) writeCopy(due, bucket, this.base.timers, () => d.timers);
    this.rows.clear();
    if (this.epochs) d.timerEpochs = this.epochs;
    this.epochs = undefined;
  }
}
