// What a script line runs against, and what running it gives back. Shared by the headless runner (run.ts) and
// the TUI's `:` command line: both hold a Session and replace its state with Output.state.

import { dispatch } from '../cluster/engine.js';
import type { Action, ActionResult } from '../cluster/actions.js';
import type { State } from '../cluster/state.js';

export interface Session {
  state: State;
  /** Directory `-f PATH` is resolved against (the script's directory; the working directory in the TUI). */
  baseDir: string;
  /** The namespace commands use without `-n` (kubesim has one: `default`). */
  namespace: string;
}

export interface Output {
  state: State;
  /** What kubectl prints on stdout. */
  lines: string[];
  /** What kubectl prints on stderr: errors, warnings, `No resources found in default namespace.`. */
  errors: string[];
  /** The command failed (kubectl would exit non-zero); a headless run stops here unless --keep-going. */
  failed: boolean;
}

/** Accumulates output while a command dispatches one or more actions. */
export class OutputBuilder {
  lines: string[] = [];
  errors: string[] = [];
  failed = false;
  constructor(public state: State) {}

  /** Dispatches an action, collecting kubectl's output lines, warnings and errors from its result. */
  dispatch(action: Action): ActionResult {
    const { state, result } = dispatch(this.state, action);
    this.state = state;
    this.lines.push(...result.output);
    this.errors.push(...result.warnings, ...result.errors);
    if (result.errors.length > 0) this.failed = true;
    return result;
  }

  out(...lines: string[]): this {
    this.lines.push(...lines);
    return this;
  }

  /** Text that may end in a newline (printer output) → lines. */
  text(s: string): this {
    if (s === '') return this;
    this.lines.push(...(s.endsWith('\n') ? s.slice(0, -1) : s).split('\n'));
    return this;
  }

  warn(...lines: string[]): this {
    this.errors.push(...lines);
    return this;
  }

  fail(...lines: string[]): this {
    this.errors.push(...lines);
    this.failed = true;
    return this;
  }

  done(): Output {
    return { state: this.state, lines: this.lines, errors: this.errors, failed: this.failed };
  }
}
