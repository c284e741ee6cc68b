// A running simulation for interactive use (the dashboard, replays, asciicast export): the cluster State plus
// wall-clock pacing (speed, pause), a script player that plays `.ksim` lines on the simulated clock, a history
// of past states for rewinding, and a recorder hook. It knows nothing of React: the UI calls `tick(wallMs)` from
// a timer and `run(line)` for what the user types, and re-renders on `subscribe`.
//
// Everything the user changes goes through `run(line)` as a script line, so a recording is just those lines
// with `wait` lines for the simulated time between them, and replaying it gives the same cluster (same seed).

import { executeCommand, type Output } from '../cli/execute.js';
import { parseScriptLine } from '../cli/script/parse.js';
import type { ScriptCommand } from '../cli/script/types.js';
import { dispatch } from '../cluster/engine.js';
import type { State } from '../cluster/state.js';

/** Receives everything needed to write a recording (src/session/recorder.ts). */
export interface Recorder {
  /** A script line the user ran (or a `ui …` navigation line), at simulated time `at`. */
  line(text: string, at: number): void;
  /** The user resumed from a rewound moment `to`: lines after it no longer happened. */
  rewound(to: number): void;
  /** The session ended at simulated time `at` (quit, signal): the time watched since the last line is kept. */
  end?(at: number): void;
}

export interface Snapshot {
  now: number;
  state: State;
}

/** A `kubectl wait` / `rollout status` line being played: re-checked on the simulated clock until met or timed out. */
interface PendingCheck {
  cmd: Extract<ScriptCommand, { type: 'kubectl' }>;
  text: string;
  deadline: number;
}

export interface SimulationOptions {
  state: State;
  baseDir: string;
  speed?: number;
  /** How much simulated past to keep for rewinding (default 15 minutes). */
  historyMs?: number;
  recorder?: Recorder;
}

export type LogEntry = { at: number; text: string; error?: boolean };

/** A line queued by play(). `baseDir` (added for the dashboard, src/ui/start.ts): where the line's `-f` paths
 * start, for a script played from another directory; default the simulation's baseDir. */
export interface ScriptLine {
  text: string;
  line: number;
  baseDir?: string;
}

export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 30, 60, 100, 300, 1000];

export class Simulation {
  state: State;
  speed: number;
  paused = false;
  readonly baseDir: string;
  readonly historyMs: number;
  recorder?: Recorder;
  /** Past states, oldest first, one per simulated second at most. */
  history: Snapshot[] = [];
  /** While rewinding: the index in `history` being shown. */
  cursor: number | undefined;
  /** Lines still to play from a script (replay, demo), and what the player is waiting for. */
  private script: ScriptLine[] = [];
  private waitUntil: number | undefined;
  private pending: PendingCheck | undefined;
  /** The latest `say` caption and the output of played or typed lines. */
  caption: string | undefined;
  log: LogEntry[] = [];
  private listeners = new Set<() => void>();
  /** Set by `ui …` lines of a replayed script, for the dashboard to follow. */
  onUi?: (word: string, args: string[]) => void;

  constructor(opts: SimulationOptions) {
    this.state = opts.state;
    this.baseDir = opts.baseDir;
    this.speed = opts.speed ?? 1;
    this.historyMs = opts.historyMs ?? 15 * 60_000;
    this.recorder = opts.recorder;
    this.history.push({ now: this.state.now, state: this.state });
  }

  /** The state on screen: the live one, or a past one while rewinding. */
  get view(): State {
    return this.cursor === undefined ? this.state : this.history[this.cursor].state;
  }

  get playing(): boolean {
    return this.script.length > 0 || this.waitUntil !== undefined || this.pending !== undefined;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }

  private note(text: string, error = false): void {
    this.log.push({ at: this.state.now, text, error });
    if (this.log.length > 500) this.log.splice(0, this.log.length - 500);
  }

  // ---------- time ----------

  /** Lets `wallMs` of real time pass at the current speed (nothing while paused or rewinding). */
  tick(wallMs: number): void {
    if (this.paused || this.cursor !== undefined) return;
    this.advance(Math.round(wallMs * this.speed));
  }

  /** Advances simulated time by `ms`, playing script lines as their time comes. */
  advance(ms: number): void {
    const target = this.state.now + ms;
    this.playReady();
    while (this.state.now < target) {
      const stop = this.waitUntil !== undefined ? Math.min(this.waitUntil, target) : target;
      this.setState(dispatch(this.state, { type: 'advance', ms: stop - this.state.now }).state);
      if (this.waitUntil !== undefined && this.state.now >= this.waitUntil) this.waitUntil = undefined;
      this.playReady();
      if (this.pending) break; // re-check on the next tick, as kubectl would on the next watch event
    }
    this.emit();
  }

  /** One small simulated step while paused (the "step" key): 1 s. */
  step(ms = 1000): void {
    if (this.cursor !== undefined) return;
    this.advance(ms);
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    this.emit();
  }

  faster(): void {
    this.setSpeed(SPEEDS.find((s) => s > this.speed) ?? this.speed);
  }

  slower(): void {
    this.setSpeed([...SPEEDS].reverse().find((s) => s < this.speed) ?? this.speed);
  }

  togglePause(): string | undefined {
    this.paused = !this.paused;
    let message: string | undefined;
    if (!this.paused && this.cursor !== undefined) message = this.resumeFromPast();
    this.emit();
    return message;
  }

  private setState(next: State): void {
    this.state = next;
    // The newest snapshot follows the live state until it is a second past the one before it, then stays: one
    // snapshot per simulated second at most. Each is labelled with its own state's time, since resuming from it
    // tells the recorder that time (lines after it are dropped): a label older than the state would drop a line
    // the state already holds, and the replay would differ (with the dashboard's 100 ms ticks it did).
    const n = this.history.length;
    const last = this.history[n - 1];
    const settled = next.now > last.now && (n === 1 || last.now - this.history[n - 2].now >= 1000);
    if (settled) this.history.push({ now: next.now, state: next });
    else this.history[n - 1] = { now: next.now, state: next };
    const oldest = next.now - this.historyMs;
    let drop = 0;
    while (drop < this.history.length - 1 && this.history[drop].now < oldest) drop++;
    if (drop) this.history.splice(0, drop);
  }

  // ---------- rewind ----------

  /** Steps the view `ms` back (negative: forward) through history; only while paused. */
  rewind(ms: number): void {
    if (!this.paused) return;
    const from = this.cursor ?? this.history.length - 1;
    const goal = this.history[from].now - ms;
    let i = from;
    if (ms > 0) while (i > 0 && this.history[i].now > goal) i--;
    else while (i < this.history.length - 1 && this.history[i].now < goal) i++;
    this.cursor = i === this.history.length - 1 ? undefined : i;
    this.emit();
  }

  /** Makes the rewound moment live: later history (and script) is dropped. Returns the flash text. */
  resumeFromPast(): string | undefined {
    if (this.cursor === undefined) return undefined;
    const snap = this.history[this.cursor];
    const dropped = this.state.now - snap.now;
    this.history.splice(this.cursor + 1);
    this.state = snap.state;
    this.cursor = undefined;
    this.script = [];
    this.waitUntil = undefined;
    this.pending = undefined;
    this.recorder?.rewound(snap.now);
    return `Resumed from the past: the later ${Math.round(dropped / 1000)}s of history were dropped`;
  }

  // ---------- running lines ----------

  /** Runs a line the user typed (or a key mapped to a line) now; it is recorded. */
  run(text: string): Output | { error: string } {
    if (this.cursor !== undefined) return { error: 'Rewound: resume (space) before changing the cluster' };
    const parsed = parseScriptLine(text);
    if ('error' in parsed) {
      this.note(parsed.error, true);
      this.emit();
      return parsed;
    }
    if (parsed.type === 'ui') {
      this.recorder?.line(text, this.state.now);
      return { state: this.state, lines: [], errors: [], failed: false };
    }
    const out = executeCommand({ state: this.state, baseDir: this.baseDir, namespace: 'default' }, parsed);
    if (parsed.type !== 'comment' && !(parsed.type === 'kubectl' && isReadOnly(parsed))) {
      this.recorder?.line(text, this.state.now);
    }
    this.setState(out.state);
    for (const l of out.lines) this.note(l);
    for (const l of out.errors) this.note(l, true);
    this.emit();
    return out;
  }

  /** Records a navigation line (`ui view pods`) without running anything. */
  noteUi(text: string): void {
    this.recorder?.line(text, this.state.now);
  }

  /** Queues a script's lines to play on the simulated clock (replay, demo, `kubesim SCRIPT.ksim`). */
  play(lines: ScriptLine[]): void {
    this.script.push(...lines);
    this.playReady();
    this.emit();
  }

  /** Drops the rest of the script (the viewer takes over). Returns whether anything was dropped. */
  takeOver(): boolean {
    const had = this.playing;
    this.script = [];
    this.waitUntil = undefined;
    this.pending = undefined;
    return had;
  }

  /** Plays every script line whose time has come, up to the next `wait` or unmet check. */
  private playReady(): void {
    if (this.pending) {
      if (!this.checkPending()) return;
    }
    while (this.waitUntil === undefined && !this.pending && this.script.length > 0) {
      const { text, line, baseDir } = this.script.shift()!;
      const parsed = parseScriptLine(text);
      if ('error' in parsed) {
        this.note(`line ${line}: ${parsed.error}`, true);
        continue;
      }
      switch (parsed.type) {
        case 'comment':
          break;
        case 'wait':
          this.waitUntil = this.state.now + parsed.ms;
          break;
        case 'say':
          this.caption = parsed.text;
          this.note(`== ${parsed.text}`);
          break;
        case 'ui':
          this.onUi?.(parsed.word, parsed.args);
          break;
        default: {
          if (parsed.type === 'kubectl' && (parsed.command.verb === 'wait' || parsed.command.verb === 'rollout status')) {
            const timeout = parsed.command.timeoutMs ?? 10 * 60_000;
            this.pending = { cmd: parsed, text, deadline: this.state.now + timeout };
            this.checkPending();
            break;
          }
          const out = executeCommand({ state: this.state, baseDir: baseDir ?? this.baseDir, namespace: 'default' }, parsed);
          this.setState(out.state);
          for (const l of out.lines) this.note(l);
          for (const l of out.errors) this.note(`line ${line}: ${l}`, true);
        }
      }
    }
  }

  /** Checks the pending wait once (kubectl's `--timeout=0` semantics); true when the player may go on. */
  private checkPending(): boolean {
    const p = this.pending!;
    const once = { ...p.cmd, command: { ...p.cmd.command, timeoutMs: 0 } } as ScriptCommand;
    const out = executeCommand({ state: this.state, baseDir: this.baseDir, namespace: 'default' }, once);
    if (!out.failed) {
      for (const l of out.lines) this.note(l);
      this.pending = undefined;
      return true;
    }
    if (this.state.now >= p.deadline) {
      for (const l of out.errors) this.note(l, true);
      this.pending = undefined;
      return true;
    }
    return false;
  }
}

function isReadOnly(cmd: Extract<ScriptCommand, { type: 'kubectl' }>): boolean {
  const v = cmd.command.verb;
  return v === 'get' || v === 'describe' || v === 'logs' || v === 'version' || v === 'api-resources';
}
