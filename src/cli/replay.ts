// `kubesim replay FILE.ksim [--speed X] [--headless] [--cast OUT.cast --cols 120 --rows 36 --idle-limit 2s]`:
// a recording played in the dashboard (same cluster, same screens at each moment), headless (what `kubesim run`
// prints), or rendered into an asciicast v2 file. `kubesim demo` plays its demos through playInDashboard too.

import { Command, InvalidArgumentError, Option } from 'commander';
import { loadReplay, type Replay, type ReplayOptions } from '../session/replay.js';
import { clusterOptions, duration, simConfig, type ClusterFlags } from './options.js';
import { runHeadless } from './run.js';

export interface ReplayFlags extends ClusterFlags {
  speed?: number;
  headless?: boolean;
  cast?: string;
  cols?: number;
  rows?: number;
  idleLimit?: number;
}

const say = (stream: NodeJS.WriteStream, line: string) => stream.write(line + '\n');

export function speedOption(): Option {
  return new Option('--speed <factor>', 'playback speed, 0.25 to 1000 (default: the recording\'s own)').argParser((v: string) => {
    const n = Number(v);
    if (!(n >= 0.25 && n <= 1000)) throw new InvalidArgumentError('the speed must be a number from 0.25 to 1000.');
    return n;
  });
}

function size(what: string) {
  return (v: string): number => {
    if (!/^\d+$/.test(v) || parseInt(v, 10) < 20 || parseInt(v, 10) > 1000) throw new InvalidArgumentError(`${what} must be a whole number from 20 to 1000.`);
    return parseInt(v, 10);
  };
}

/** Takes over the terminal and plays the replay in the dashboard until the viewer quits. Returns the exit code. */
export async function playInDashboard(replay: Replay): Promise<number> {
  const { sim } = replay;
  if (!(process.stdout.isTTY && process.stdin.isTTY)) {
    say(process.stderr, 'kubesim: the dashboard needs a terminal; for output without one add --headless');
    return 1;
  }
  const { renderApp } = await import('../ui/start.js');
  const { Terminal } = await import('../ui/terminal.js');
  const term = new Terminal(process.stdout, process.stdin);
  term.enter();
  let code = 0;
  const restore = () => term.restore();
  process.on('exit', restore);
  try {
    const handle = await renderApp({ sim, stdout: process.stdout, stdin: process.stdin, stderr: process.stderr });
    const flash = (text: string, level: 'info' | 'warn' = 'info') => handle.store.dispatch({ type: 'flash', text, level, at: handle.clock.now() });
    for (const w of replay.warnings) flash(w, 'warn');
    // Taking over: the first change the viewer makes drops the rest of the recording (Simulation.takeOver).
    const run = sim.run.bind(sim);
    sim.run = (text: string) => {
      if (sim.playing && sim.takeOver()) flash('You took over: the rest of the recording was dropped');
      return run(text);
    };
    const stop = () => handle.unmount();
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(s, stop);
    await handle.waitUntilQuit();
  } catch (e) {
    restore();
    say(process.stderr, `kubesim: the dashboard failed: ${(e as Error).message}`);
    code = 1;
  }
  restore();
  process.off('exit', restore);
  return code;
}

export async function replay(file: string, flags: ReplayFlags): Promise<number> {
  if (flags.headless) {
    const r = runHeadless(
      { files: [file], seed: flags.seed, nodes: flags.nodes, start: flags.start, config: simConfig(flags) },
      { out: (l) => say(process.stdout, l), err: (l) => say(process.stderr, l) },
    );
    return r.exitCode;
  }
  const opts: ReplayOptions = { seed: flags.seed, nodes: flags.nodes, start: flags.start, speed: flags.speed, config: simConfig(flags) };
  if (flags.cast) {
    const { exportCast } = await import('../session/cast.js');
    const r = await exportCast(file, flags.cast, { ...opts, columns: flags.cols, rows: flags.rows, idleLimitMs: flags.idleLimit });
    if ('error' in r) {
      say(process.stderr, r.error);
      return 1;
    }
    r.warnings.forEach((w) => say(process.stderr, w));
    say(process.stderr, `wrote ${flags.cast}: ${r.events} frames, ${r.duration.toFixed(1)}s`);
    return 0;
  }
  const loaded = loadReplay(file, opts);
  if ('error' in loaded) {
    say(process.stderr, loaded.error);
    return 1;
  }
  return playInDashboard(loaded);
}

export function replayCommand(): Command {
  const cmd = new Command('replay')
    .description('play a recording (kubesim --record FILE) in the dashboard, headless, or into an asciicast file')
    .argument('<recording>', 'a .ksim recording or script')
    .addOption(speedOption())
    .option('--headless', 'print what kubectl would print instead of opening the dashboard (as kubesim run)')
    .option('--cast <file>', 'render the replay without a terminal into an asciicast v2 file')
    .addOption(new Option('--cols <n>', 'asciicast width (default 120)').argParser(size('the width')))
    .addOption(new Option('--rows <n>', 'asciicast height (default 36)').argParser(size('the height')))
    .addOption(new Option('--idle-limit <duration>', 'longest pause between asciicast frames (default 2s)').argParser(duration))
    .showHelpAfterError('(run kubesim replay --help for usage)');
  for (const o of clusterOptions()) cmd.addOption(o);
  return cmd.action(async (file: string, flags: ReplayFlags) => {
    process.exitCode = await replay(file, flags);
  });
}
