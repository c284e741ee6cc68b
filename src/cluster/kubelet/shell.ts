// The tiny container shell: runs a container's main process (its argv, often `sh -c "…"`) in simulated time
// and answers, as pure functions of "ms since the container started": what it has logged, what its filesystem
// holds, when it exits and with which code. Also runs `exec` commands (probes, `kubectl exec`) against the
// filesystem as the main process left it at a given moment.
//
//   const run = new ProcessTimeline(['sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
//                                   image, ctx);
//   run.exit                               → { atMs: 630000, code: 0 }
//   execIn(['cat', '/tmp/healthy'], run.fsAt(31_000), image, ctx, 31_000)
//                                          → { exitCode: 1, output: "cat: can't open '/tmp/healthy': No such file or directory", durationMs: 0 }
//
// The language (shell-parse.ts): words and quoting, `;` `&&` `||` `|` `&`, `$(…)`, `$((…))`, `${X:-y}`,
// redirections, if/while/until/for, `sh -c`, scripts in the image. Commands (shell-builtins.ts, shell-exec.ts):
// sleep, echo, printf, cat, touch, rm, mkdir, ls, test/[, date, seq, grep, wc, env, hostname, true, false, exit,
// export, cd, eval, exec… and the image's own programs (servers). Unknown commands: `sh: X: not found`, 127.
// Not simulated: pathname globbing, here-documents, `case`, functions, signals/kill, networking commands.
//
// How the main process is computed: its script runs on a Machine (shell-machine.ts) until it exits, or until it
// is known to loop forever (a `while` loop back in an identical state), or until it has run 5,000 commands and an
// hour, or 50,000 commands (then it is taken to run forever: a loop that would end later than that is not
// supported). Later questions about later times resume the same run, so logs and files of endless loops are
// produced as far as asked.

import { Fs } from './shell-fs.js';
import { isExecutable, processBody, runArgv } from './shell-exec.js';
import {
  type LogLine, Machine, Sh, type ShellContext, type ShellImage, type StartedProgram,
} from './shell-machine.js';

export type { LogLine, ProgramRun, ShellContext, ShellImage, StartedProgram } from './shell-machine.js';
export { OBSERVED } from './shell-machine.js';
export { Fs } from './shell-fs.js';

/**
 * When a main process that has not ended is taken to run forever: after DECIDE_MAX_STEPS commands, or after
 * DECIDE_MIN_STEPS commands once it has also run DECIDE_HORIZON_MS of simulated time.
 */
const DECIDE_MIN_STEPS = 5_000;
const DECIDE_MAX_STEPS = 50_000;
const DECIDE_HORIZON_MS = 3_600_000;
/** Commands one exec (probe) may run before it is taken never to return. */
const EXEC_STEPS = 20_000;
/** At most this many commands are run to answer one question about a later time. */
const CATCH_UP_STEPS = 1_000_000;
/** How far ahead `nextFsChangeAfter` looks in an endless run before answering "check again then". */
const LOOKAHEAD_MS = 3_600_000;

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function rootShell(ctx: ShellContext, cwd: string): Sh {
  const vars = new Map<string, string>([['PATH', DEFAULT_PATH], ['HOSTNAME', ctx.hostname], ['HOME', '/root']]);
  for (const [k, v] of ctx.env) vars.set(k, v);
  return new Sh(vars, new Set(vars.keys()), 'sh', [], cwd);
}

/** Text of the runtime's error when argv[0] cannot be started (containerd + runc, as the kubelet reports it). */
export function execFailure(name: string): string {
  const why = name.includes('/')
    ? `stat ${name}: no such file or directory`
    : 'executable file not found in $PATH';
  return `exec: "${name}": ${why}: unknown`;
}

export class ProcessTimeline {
  /** When and how the main process ends; undefined = it runs until killed. */
  readonly exit: { atMs: number; code: number } | undefined;
  /** Set when the runtime cannot start argv at all (the container ends at once with 128, reason StartError). */
  readonly startError: string | undefined;
  private readonly m: Machine;
  private fsCache: { fs: Fs; next: number } | undefined;
  private readonly initialFs: Fs;

  constructor(
    argv: string[],
    image: ShellImage,
    ctx: ShellContext,
  ) {
    this.initialFs = Fs.of(image.files, image.dirs);
    this.m = new Machine(image, ctx, this.initialFs.clone(), 0, true);
    const m = this.m;
    if (argv.length === 0 || !isExecutable(argv[0], image, m.fs, image.workdir)) {
      this.startError = argv.length === 0
        ? 'failed to generate container spec: no command specified'
        : 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create '
          + `failed: unable to start container process: ${execFailure(argv[0])}`;
      this.exit = { atMs: 0, code: 128 };
      return;
    }
    m.spawn(processBody(runArgv(m, { sh: rootShell(ctx, image.workdir), io: m.containerIo() }, argv)), true);
    m.detectLoops = true;
    const undecided = (): boolean => m.steps < DECIDE_MIN_STEPS || (m.steps < DECIDE_MAX_STEPS && m.now < DECIDE_HORIZON_MS);
    while (!m.exit && !m.endless && undecided() && m.step());
    m.detectLoops = false;
    this.exit = m.exit;
  }

  /** Programs of the image (servers) the process started, with when. */
  get programs(): readonly StartedProgram[] {
    return this.m.programs;
  }

  /** What the run has looked at so far that differs between containers of one spec (OBSERVED flags). */
  get observed(): number {
    return this.m.observed;
  }

  /** Nothing will ever run again: every later question is answered from what has been computed. */
  get finished(): boolean {
    return this.startError !== undefined || this.m.nextWake() === Infinity;
  }

  /** Runs the simulation on until everything up to `atMs` has happened (bounded work per call). */
  private catchUp(atMs: number): void {
    if (this.startError) return;
    const m = this.m;
    const limit = m.steps + CATCH_UP_STEPS;
    // A run judged endless whose main process ends after all produces nothing past that point.
    while (m.nextWake() <= atMs && m.steps < limit && !(m.exit && !this.exit) && m.step());
  }

  /** Lines the processes wrote to stdout/stderr at or before `untilMs`, in order. */
  logsUntil(untilMs: number): LogLine[] {
    this.catchUp(untilMs);
    const logs = this.m.logs;
    let n = logs.length;
    while (n > 0 && logs[n - 1].atMs > untilMs) n--;
    return logs.slice(0, n);
  }

  /** The filesystem as it is at `atMs` (changes made at exactly `atMs` included). Do not modify it. */
  fsAt(atMs: number): Fs {
    this.catchUp(atMs);
    const events = this.m.fsEvents;
    // How many changes have happened by atMs (events are in time order).
    let lo = 0;
    let hi = events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (events[mid].atMs <= atMs) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return this.initialFs;
    if (!this.fsCache || this.fsCache.next > lo) this.fsCache = { fs: this.initialFs.clone(), next: 0 };
    const c = this.fsCache;
    while (c.next < lo) c.fs.apply(events[c.next++].change);
    return c.fs;
  }

  /**
   * The first time after `atMs` at which the filesystem changes. Undefined when it never will; in a run that
   * goes on forever and has not changed it for an hour of simulated time, `atMs + 1h` ("ask again then").
   */
  nextFsChangeAfter(atMs: number): number | undefined {
    const find = (): number | undefined => this.m.fsEvents.find((e) => e.atMs > atMs)?.atMs;
    const found = find();
    if (found !== undefined || this.startError || this.m.endless?.fsQuiet) return found;
    this.catchUp(atMs + LOOKAHEAD_MS);
    const later = find();
    if (later !== undefined) return later;
    return this.m.nextWake() === Infinity || (this.m.exit && !this.exit) ? undefined : atMs + LOOKAHEAD_MS;
  }
}

export interface ExecResult {
  exitCode: number;
  /** stdout and stderr together, without the final newline (as probe messages show it). */
  output: string;
  /** Simulated time the command took; Infinity if it never returns (exitCode is then -1). */
  durationMs: number;
}

/**
 * Runs argv (not through a shell, as the CRI's ExecSync does) in a container whose filesystem is `fs`, starting
 * at `atMs` ms after the container started. Files the command writes are thrown away: a probe's own writes do
 * not persist into the main process's timeline (which stays a pure function of time).
 */
export function execIn(argv: string[], fs: Fs, image: ShellImage, ctx: ShellContext, atMs: number): ExecResult {
  if (argv.length === 0 || !isExecutable(argv[0], image, fs, image.workdir)) {
    const name = argv[0] ?? '';
    return {
      exitCode: 126,
      output: `OCI runtime exec failed: exec failed: unable to start container process: ${execFailure(name)}`,
      durationMs: 0,
    };
  }
  const m = new Machine(image, { ...ctx, seed: (ctx.seed ^ atMs) >>> 0 }, fs.clone(), atMs, false);
  let output = '';
  m.capture = (t) => void (output += t);
  m.unknownSucceeds = true;
  m.spawn(processBody(runArgv(m, { sh: rootShell(ctx, image.workdir), io: m.containerIo() }, argv)), true);
  while (!m.exit && m.steps < EXEC_STEPS && m.step());
  output = output.replace(/\n$/, '');
  if (!m.exit) return { exitCode: -1, output, durationMs: Infinity };
  return { exitCode: m.exit.code, output, durationMs: m.exit.atMs - atMs };
}
