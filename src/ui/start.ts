// `kubesim [FILE|DIR ...] [--nodes N] [--seed S] [--speed X]`: the dashboard, full screen. Builds the simulation
// (setup.ts), takes the terminal (alternate screen), renders (render.tsx), and gives the terminal back on every
// way out: quit, SIGINT/SIGTERM/SIGHUP, a closed terminal, or a crash (which also writes a report file).

import type { SimConfig } from '../cluster/state.js';
import type { Recorder, ScriptLine, Simulation } from '../session/simulation.js';
import { setupSimulation } from './setup.js';
import { crashMessage, Terminal, writeCrashReport } from './terminal.js';

export type { AppHandle, RenderAppOptions } from './render.js';
export { ManualClock, type UiClock } from './clock.js';

export interface DashboardOptions {
  files: string[];
  nodes?: number;
  seed?: number;
  speed?: number;
  /** Simulated start time, ms since the epoch. */
  start?: number;
  /** A .ksim script to play on the simulated clock (as if given last in `files`). */
  script?: string;
  /** Write a recording of the session here (src/session/recorder.ts). */
  recordTo?: string;
  /** Simulated history kept for rewinding, ms (default 15 minutes). */
  history?: number;
  config?: Partial<SimConfig>;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
  stderr?: NodeJS.WriteStream;
  /** Take the terminal even if stdout is not a TTY (default: only on a TTY). */
  interactive?: boolean;
}

/**
 * Before Ink and React are first imported: Ink reads CI once and would then draw nothing until exit (ink.js isInCi),
 * and React picks its build from NODE_ENV (the development build checks every render, slowing a 10 Hz dashboard).
 */
function allowInteractiveInk(): void {
  for (const v of ['CI', 'CONTINUOUS_INTEGRATION']) if (process.env[v] !== undefined) process.env[v] = 'false';
  process.env.NODE_ENV ??= 'production';
}

/**
 * renderApp (render.tsx) for callers outside startDashboard — e.g. asciicast export into a fake TTY on simulated
 * time: pass `tickMs: 0` and a ManualClock, then call sim.advance and clock.advance per frame.
 */
export async function renderApp(opts: import('./render.js').RenderAppOptions): Promise<import('./render.js').AppHandle> {
  allowInteractiveInk();
  const mod = await import('./render.js');
  return mod.renderApp(opts);
}

type RecorderFactory = (path: string, opts: { seed?: number; start?: number; nodes?: number; speed?: number; baseDir?: string }) => Recorder;

/** src/session/recorder.ts's createRecorder, loaded only for `--record` (a build without it says so). */
async function loadRecorder(): Promise<RecorderFactory | { error: string }> {
  const modulePath = '../session/recorder.js';
  try {
    const mod = (await import(modulePath)) as { createRecorder?: RecorderFactory };
    if (mod.createRecorder) return mod.createRecorder;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw e;
  }
  return { error: 'kubesim: recording is not available in this build' };
}

export async function startDashboard(opts: DashboardOptions): Promise<number> {
  allowInteractiveInk();
  // Loading Ink and React is most of the start-up time: begin now, build the cluster meanwhile.
  const loading = import('./render.js');
  loading.catch(() => undefined);
  const stdout = opts.stdout ?? process.stdout;
  const stdin = opts.stdin ?? process.stdin;
  const stderr = opts.stderr ?? process.stderr;
  if (!(opts.interactive ?? (stdout.isTTY && stdin.isTTY))) {
    stderr.write('kubesim: the dashboard needs a terminal; for output without one use "kubesim run FILES..."\n');
    return 1;
  }
  let recorder: Recorder | undefined;
  if (opts.recordTo) {
    const create = await loadRecorder();
    if ('error' in create) {
      stderr.write(`${create.error}\n`);
      return 1;
    }
    try {
      recorder = create(opts.recordTo, { seed: opts.seed, start: opts.start, nodes: opts.nodes, speed: opts.speed, baseDir: process.cwd() });
    } catch (e) {
      stderr.write(`kubesim: cannot write the recording ${opts.recordTo}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 1;
    }
  }
  const setup = setupSimulation({ ...opts, files: opts.script ? [...opts.files, opts.script] : opts.files, recorder });
  if ('error' in setup) {
    stderr.write(`${setup.error}\n`);
    return 1;
  }
  return runDashboard({ sim: setup.sim, script: setup.script, warnings: setup.warnings, stdout, stdin, stderr });
}

export interface RunOptions {
  sim: Simulation;
  /** Lines to play once the screen is up. */
  script?: ScriptLine[];
  /** Shown in the flash line at start. */
  warnings?: string[];
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
}

/** Takes the terminal, runs the dashboard on `sim` until quit, signal, closed terminal or crash; gives it back. */
export async function runDashboard(opts: RunOptions): Promise<number> {
  const { sim, stdout, stdin, stderr } = opts;
  const warnings = opts.warnings ?? [];
  const script = opts.script ?? [];
  allowInteractiveInk();
  const { renderApp: mount } = await import('./render.js');
  const term = new Terminal(stdout, stdin);
  const ownProcess = stdout === process.stdout;

  return new Promise<number>((resolve) => {
    let handle: ReturnType<typeof mount> | undefined;
    let finished = false;
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const onSignal = () => finish(0);
    const onClosed = () => finish(0);
    const onCrash = (e: unknown) => finish(1, e);

    function finish(code: number, error?: unknown): void {
      if (finished) return;
      finished = true;
      try {
        sim.recorder?.end?.(sim.state.now);
      } catch {
        // the recording's disk is gone: the terminal still has to be restored
      }
      try {
        handle?.unmount();
      } catch {
        // already broken: restoring the terminal matters more
      }
      term.restore();
      // Not now: while a signal is being delivered, Ink's signal-exit listener re-raises it (killing us with 143)
      // if it finds itself the only listener left.
      setImmediate(() => {
        for (const s of signals) process.off(s, onSignal);
        process.off('uncaughtException', onCrash);
        process.off('unhandledRejection', onCrash);
        stdout.off('error', onClosed);
        stdin.off('end', onClosed);
        stdin.off('error', onClosed);
      });
      if (error !== undefined) {
        const report = writeCrashReport(error, [
          `simulated time: ${new Date(sim.state.now).toISOString()} (seed ${sim.state.seed}, speed ${sim.speed}×)`,
          `screens: ${JSON.stringify(handle?.store.state.stack ?? [])}`,
          'last output:',
          ...sim.log.slice(-40).map((l) => `  ${new Date(l.at).toISOString()} ${l.error ? 'ERR ' : ''}${l.text}`),
        ]);
        try {
          stderr.write(crashMessage(error, report));
        } catch {
          // nowhere left to say it
        }
      }
      resolve(code);
      // The dashboard is the whole process: do not let a leftover handle keep it alive.
      if (ownProcess) setImmediate(() => process.exit(code));
    }

    for (const s of signals) process.on(s, onSignal);
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    stdout.on('error', onClosed);
    stdin.on('end', onClosed);
    stdin.on('error', onClosed);

    term.enter();
    try {
      handle = mount({ sim, stdout, stdin, stderr });
    } catch (e) {
      finish(1, e);
      return;
    }
    if (warnings.length > 0) handle.store.dispatch({ type: 'flash', text: warnings[0], level: 'error', at: handle.clock.now() });
    if (script.length > 0) sim.play(script);
    handle.waitUntilQuit().then(
      () => finish(0),
      (e: unknown) => finish(1, e),
    );
  });
}
