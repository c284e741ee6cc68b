// Drives the whole dashboard through ink-testing-library: keys in, frames out, on simulated time only (the test
// calls advance(); no timers run). Frames are compared without colour.

import { render } from 'ink-testing-library';
import React from 'react';
import { App } from '../../src/ui/App.js';
import { UiLines } from '../../src/ui/actions/ui-lines.js';
import { ManualClock } from '../../src/ui/clock.js';
import { setupSimulation, type SetupOptions } from '../../src/ui/setup.js';
import { UiStore } from '../../src/ui/state/store.js';
import { initialUiState } from '../../src/ui/state/types.js';
import type { Recorder, Simulation } from '../../src/session/simulation.js';

const KEYS: Record<string, string> = {
  up: '\x1b[A',
  down: '\x1b[B',
  left: '\x1b[D',
  right: '\x1b[C',
  'shift-left': '\x1b[1;2D',
  'shift-right': '\x1b[1;2C',
  pgup: '\x1b[5~',
  pgdn: '\x1b[6~',
  home: '\x1b[H',
  end: '\x1b[F',
  enter: '\r',
  esc: '\x1b',
  tab: '\t',
  backtab: '\x1b[Z',
  backspace: '\x7f',
  space: ' ',
  'ctrl-c': '\x03',
  'ctrl-d': '\x04',
  'ctrl-k': '\x0b',
  'ctrl-w': '\x17',
  'ctrl-u': '\x15',
  'ctrl-f': '\x06',
  'ctrl-b': '\x02',
};

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

export function strip(s: string | undefined): string {
  return (s ?? '').replace(ANSI, '');
}

const settle = () => new Promise<void>((r) => setImmediate(() => setTimeout(r, 0)));

export interface Harness {
  sim: Simulation;
  store: UiStore;
  clock: ManualClock;
  uiLines: UiLines;
  recorded: string[];
  frame(): string;
  /** Presses keys by name (`j`, `ctrl-d`, `enter`, `shift-left`) or types characters. */
  press(...keys: string[]): Promise<void>;
  type(text: string): Promise<void>;
  /** Lets simulated time pass (and the UI clock with it), then lets React draw. */
  advance(ms: number, step?: number): Promise<void>;
  resize(columns: number, rows: number): Promise<void>;
  edits: { text: string; name: string }[];
  quit: boolean;
  unmount(): void;
}

export interface HarnessOptions extends Partial<SetupOptions> {
  columns?: number;
  rows?: number;
  events?: boolean;
  /** What the fake $EDITOR saves, given what it was opened with. */
  editor?: (text: string) => string | undefined;
}

export async function harness(opts: HarnessOptions = {}): Promise<Harness> {
  const recorded: string[] = [];
  const recorder: Recorder = { line: (text) => recorded.push(text), rewound: () => recorded.push('#rewound') };
  const setup = setupSimulation({ files: [], ...opts, recorder });
  if ('error' in setup) throw new Error(setup.error);
  const h = await mountApp(setup.sim, opts, recorded);
  if (setup.script.length > 0) {
    setup.sim.play(setup.script);
    await settle();
  }
  return h;
}

/**
 * The dashboard on an existing simulation (its own recorder kept: the record → replay tests give it a file
 * recorder); `harness` builds the simulation first.
 */
export async function mountApp(sim: Simulation, opts: HarnessOptions = {}, recorded: string[] = []): Promise<Harness> {
  const store = new UiStore(initialUiState('pods', { events: opts.events ?? false }));
  const clock = new ManualClock();
  const uiLines = new UiLines(sim);
  let columns = opts.columns ?? 100;
  let rows = opts.rows ?? 30;
  const edits: { text: string; name: string }[] = [];
  const h: Partial<Harness> = { quit: false };
  const editor = async (text: string, name: string) => {
    edits.push({ text, name });
    return opts.editor ? opts.editor(text) : text;
  };
  const element = () => (
    <App sim={sim} store={store} clock={clock} columns={columns} rows={rows} uiLines={uiLines} editor={editor} onQuit={() => (h.quit = true)} />
  );
  const r = render(element());
  await settle();
  Object.assign(h, {
    sim,
    store,
    clock,
    uiLines,
    recorded,
    edits,
    frame: () => strip(r.lastFrame()),
    async press(...keys: string[]) {
      for (const k of keys) {
        r.stdin.write(KEYS[k] ?? k);
        await settle();
      }
    },
    async type(text: string) {
      // One chunk, as a paste or `tmux send-keys` delivers it (the dashboard splits it into keys).
      r.stdin.write(text);
      await settle();
    },
    async advance(ms: number, step = 1000) {
      for (let done = 0; done < ms; done += step) {
        const dt = Math.min(step, ms - done);
        sim.advance(dt);
        clock.advance(dt);
      }
      await settle();
    },
    async resize(c: number, rws: number) {
      columns = c;
      rows = rws;
      r.rerender(element());
      await settle();
    },
    unmount: () => r.unmount(),
  });
  return h as Harness;
}

/** Types a line on the `:` command line and runs it. */
export async function command(x: Harness, text: string): Promise<void> {
  await x.press(':');
  await x.type(text);
  await x.press('enter');
}

/** The table's title line (`┌── pods(default)[12] ──┐`). */
export const title = (x: Harness) => x.frame().split('\n').find((l) => l.startsWith('┌')) ?? '';

/** The flash line, the last on screen. */
export const flash = (x: Harness) => x.frame().split('\n').at(-1) ?? '';
