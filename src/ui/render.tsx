// Mounts the dashboard on a terminal (or a fake TTY stream, for asciicast export): React and Ink run the App and
// its keys, the App hands each frame's lines to ScreenWriter (ansi.ts gives them their escapes), which puts the
// changed lines on screen (throttled); Ink's own output is discarded — its renderer rebuilds every cell of the
// screen per frame, more than a frame's budget at 200×50 (issue 6). The simulation ticks on its own wall-clock
// timer (independent of rendering), and the screen is handed to $EDITOR and back for `e`. Ink's debug mode, used
// here, does not depend on the CI variable; start.ts clears CI anyway in case Ink is imported elsewhere first.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render, type Instance } from 'ink';
import React from 'react';
import type { Simulation } from '../session/simulation.js';
import { App } from './App.js';
import { lineText, prepareEscapes } from './ansi.js';
import type { LineData } from './components/Line.js';
import { UiLines } from './actions/ui-lines.js';
import { ManualClock, type UiClock } from './clock.js';
import { UiStore } from './state/store.js';
import { initialUiState } from './state/types.js';
import { ScreenWriter } from './screen-writer.js';
import { ENTER_SCREEN, LEAVE_SCREEN } from './terminal.js';

export interface RenderAppOptions {
  sim: Simulation;
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  stderr?: NodeJS.WriteStream;
  /** A fixed size (asciicast export); default: the stdout's size, following resizes. */
  columns?: number;
  rows?: number;
  /** Frames per second at most (ScreenWriter throttles output to this). Default 15. */
  maxFps?: number;
  /** The UI clock; default: one advanced by the tick timer. Pass a ManualClock to drive everything by hand. */
  clock?: UiClock;
  /** Wall ms between simulation ticks; 0: no timer (the caller calls sim.advance and clock.advance). Default 100. */
  tickMs?: number;
  store?: UiStore;
  /** Replaces $EDITOR (tests). */
  editor?: (text: string, name: string) => Promise<string | undefined>;
  /** Show the events pane from the start (default: when the terminal has 40 rows or more). */
  events?: boolean;
  /** Called after every Ink render with its time (slow-frame measurement). */
  onRender?: (metrics: { renderTime: number }) => void;
}

export interface AppHandle {
  store: UiStore;
  clock: UiClock;
  uiLines: UiLines;
  writer: ScreenWriter;
  /** Resolves when the user quits; rejects if rendering failed. */
  waitUntilQuit(): Promise<void>;
  unmount(): void;
  /** Changes the size (a fixed-size render; a real terminal follows its resize events). */
  resize(columns: number, rows: number): void;
}

/** $VISUAL, $EDITOR or vi on a temporary file; undefined when the editor fails. */
function runEditor(text: string, name: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-edit-'));
  const file = join(dir, name.replace(/[^A-Za-z0-9._-]/g, '_'));
  try {
    writeFileSync(file, text);
    const editor = process.env.VISUAL || process.env.EDITOR || 'vi';
    const r = spawnSync(`${editor} '${file.replace(/'/g, `'\\''`)}'`, { stdio: 'inherit', shell: true });
    if (r.status !== 0) return undefined;
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function renderApp(opts: RenderAppOptions): AppHandle {
  const { sim, stdout, stdin } = opts;
  const size = () => ({ columns: opts.columns ?? stdout.columns ?? 80, rows: opts.rows ?? stdout.rows ?? 24 });
  let fixed = opts.columns !== undefined && opts.rows !== undefined ? { columns: opts.columns, rows: opts.rows } : undefined;
  const store = opts.store ?? new UiStore(initialUiState('pods', { events: opts.events ?? size().rows >= 40 }));
  const manual = opts.clock ? undefined : new ManualClock();
  const clock = opts.clock ?? manual!;
  const uiLines = new UiLines(sim);
  const writer = new ScreenWriter(stdout, { maxFps: opts.maxFps ?? 15 });

  let resolveQuit!: () => void;
  let rejectQuit!: (e: unknown) => void;
  const quit = new Promise<void>((res, rej) => {
    resolveQuit = res;
    rejectQuit = rej;
  });
  let done = false;

  const setRaw = (on: boolean) => {
    if (stdin.isTTY) stdin.setRawMode(on);
  };
  const editor =
    opts.editor ??
    (async (text: string, name: string) => {
      // The editor gets the terminal: our screen off, cooked mode; then everything is drawn again.
      writer.flush();
      stdout.write(LEAVE_SCREEN);
      setRaw(false);
      try {
        return runEditor(text, name);
      } finally {
        setRaw(true);
        stdout.write(ENTER_SCREEN);
        writer.invalidate();
        writer.flush();
      }
    });

  prepareEscapes();
  const draw = (lines: LineData[]) => writer.lines(lines.map((l) => lineText(l.segments)));
  const element = () => {
    const { columns, rows } = fixed ?? size();
    return <App sim={sim} store={store} clock={clock} columns={columns} rows={rows} uiLines={uiLines} editor={editor} onQuit={() => finish()} draw={draw} />;
  };

  // Ink in debug mode never moves the cursor; what it would draw is discarded (the App draws through `draw`).
  const instance: Instance = render(element(), {
    stdout: writer.stream({ discard: true }),
    stdin,
    stderr: opts.stderr,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
    onRender: opts.onRender,
  });
  instance.waitUntilExit().catch((e: unknown) => fail(e));

  function finish(): void {
    if (done) return;
    done = true;
    stop();
    resolveQuit();
  }

  function fail(e: unknown): void {
    if (done) return;
    done = true;
    stop();
    rejectQuit(e);
  }

  // The simulation's own clock: wall time since the last tick, at the simulation's speed.
  const tickMs = opts.tickMs ?? 100;
  let last = performance.now();
  const timer =
    tickMs > 0
      ? setInterval(() => {
          const now = performance.now();
          const dt = now - last;
          last = now;
          try {
            sim.tick(dt);
            manual?.advance(dt);
          } catch (e) {
            fail(e);
          }
        }, tickMs)
      : undefined;

  // A resize redraws from scratch: the terminal has reflowed the old frame.
  const onResize = () => {
    if (fixed || done) return;
    writer.invalidate();
    instance.rerender(element());
    writer.flush();
  };
  stdout.on('resize', onResize);

  function stop(): void {
    if (timer) clearInterval(timer);
    stdout.off('resize', onResize);
  }

  return {
    store,
    clock,
    uiLines,
    writer,
    waitUntilQuit: () => quit,
    unmount: () => {
      stop();
      instance.unmount();
      writer.stop();
    },
    resize: (columns, rows) => {
      fixed = { columns, rows };
      writer.invalidate();
      instance.rerender(element());
    },
  };
}
