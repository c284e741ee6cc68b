// `ui …` script lines: navigation kept in recordings so a replay shows the same screens. The dashboard writes
// them (Simulation.noteUi) as the user moves around, and follows them (Simulation.onUi) when a recording plays.
// Moving the selection row by row would write a line per key, so `ui select` waits until the cursor rests (1 s of
// UI time) or something else happens.

import type { Simulation } from '../../session/simulation.js';
import { quoteWord } from '../../cli/script/words.js';

export const SELECT_SETTLE_MS = 1000;

export class UiLines {
  private pending: { name: string; at: number } | undefined;
  private last: string | undefined;

  constructor(private sim: Simulation) {}

  /** Records a navigation line now (after any pending selection). */
  note(line: string): void {
    this.flush();
    this.sim.noteUi(line);
  }

  /** The cursor moved to `name`; recorded once it rests. */
  select(name: string | undefined, at: number): void {
    if (name === undefined) return;
    this.pending = { name, at };
  }

  /** Writes the pending selection, unless it is the one already recorded. */
  flush(): void {
    if (!this.pending) return;
    const { name } = this.pending;
    this.pending = undefined;
    if (name === this.last) return;
    this.last = name;
    this.sim.noteUi(`ui select ${quoteWord(name)}`);
  }

  /** Called as the UI clock moves: writes a selection that has rested long enough. */
  tick(at: number): void {
    if (this.pending && at - this.pending.at >= SELECT_SETTLE_MS) this.flush();
  }

  /** A view change forgets which row was recorded as selected. */
  reset(): void {
    this.pending = undefined;
    this.last = undefined;
  }
}
