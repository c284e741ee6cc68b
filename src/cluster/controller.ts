// The controller contract (DESIGN.md "The cluster core"): like pkg/controller/*, a controller is woken by keys
// on its work queue — put there by watchers when objects change (informer event handlers) or by timers
// (`tx.after(ms, name, key)`, like AddAfter on a delaying queue) — and `reconcile` is level-triggered: it looks
// at the current state for that key and writes the difference. No controller scans all pods every tick.

import type { Kind } from './api/types.js';
import type { Tx, Watcher } from './tx.js';

export interface Controller {
  /** The work-queue name; also what `tx.after(ms, name, key)` wakes. */
  name: string;
  /** Informer event handlers: called on every create/update/delete of that kind; they enqueue keys. */
  watches?: Partial<Record<Kind, Watcher>>;
  reconcile(tx: Tx, key: string): void;
}
