// The simulated machine a container's processes run on: a clock, a filesystem, the container's log, and a
// scheduler of cooperative processes (the main process and `&` background jobs).
//
// Each process is a generator (shell-exec.ts) that yields the absolute time (ms since the container started) at
// which it wants to run again — `sleep 30` yields now+30000, `sleep infinity` yields Infinity. The scheduler
// always resumes the process that wakes first, so every log line and filesystem change gets the simulated time
// at which it happens. Nothing here reads the real clock; `$RANDOM` comes from a seed fixed at container start.

import { nextRandom } from '../util/rng.js';
import type { Io } from './shell-builtins.js';
import { type Fs, type FsChange } from './shell-fs.js';
import { type Script, parseScript } from './shell-parse.js';

/** What a program of the image (a server such as `node app.js` or `nginx`) does once started. */
export interface ProgramRun {
  /** Lines it prints, `afterMs` after it started; `template`: what the line was rendered from (see programLine). */
  log: { afterMs: number; line: string; template?: unknown }[];
  /** When it exits by itself; undefined = runs until killed. */
  exit?: { afterMs: number; code: number };
}

export interface ShellImage {
  files: Record<string, string>;
  dirs: string[];
  workdir: string;
  /** Executables of the image that are not busybox applets, by name (argv[0]'s basename). */
  programs: Record<string, (argv: string[], atMs: number) => ProgramRun>;
  /**
   * What a command the image does not know does: `notFound` (`sh: X: not found`, 127) for images whose contents
   * we know (busybox, alpine…); `runForever` for images we know nothing about, whose own binaries we cannot run.
   */
  unknownCommands: 'notFound' | 'runForever';
}

export interface ShellContext {
  /** The container's environment: the image's ENV, then the container's `env`, in order. */
  env: [string, string][];
  hostname: string;
  /** Epoch ms of the container start (t = 0), for `date`. */
  startedAt: number;
  /** uint32 seed for `$RANDOM`, drawn once when the container starts. */
  seed: number;
  /** The container has `stdin: true`: a shell given no script waits for input instead of exiting. */
  stdin?: boolean;
}

export interface LogLine {
  atMs: number;
  line: string;
  /** A program's line printed straight to the container log: what it was rendered from (see programLine). */
  template?: unknown;
}

/**
 * What a main process can look at that differs between containers of the same spec: `$RANDOM` (the seed), the
 * clock (`date`), the hostname (`hostname`, `uname -a`, `$HOSTNAME`, an environment listing), and a line of an
 * image program (rendered with the pod's name, address and start time) used otherwise than as a log line. A run
 * that looked at none of them is the run of every container of that spec (program.ts shares it).
 */
export const OBSERVED = { seed: 1, time: 2, host: 4, output: 8 } as const;

export interface StartedProgram {
  name: string;
  argv: string[];
  atMs: number;
}

/** A process body: yields wake-up times, returns the exit status. */
export type Gen<T = number> = Generator<number, T, void>;

/** State of one shell (sh -c, a script, a subshell copy). */
export class Sh {
  status = 0;
  /** Status of the last command substitution in the current command (ash: `x=$(false)` has status 1). */
  subStatus: number | undefined;
  /** Loops currently running in this shell; `break` outside any loop does nothing. */
  loops = 0;
  constructor(
    public vars: Map<string, string>,
    public exported: Set<string>,
    public arg0: string,
    public pos: string[],
    public cwd: string,
  ) {}

  copy(): Sh {
    const sh = new Sh(new Map(this.vars), new Set(this.exported), this.arg0, [...this.pos], this.cwd);
    sh.status = this.status;
    return sh;
  }
  env(extra: [string, string][] = []): [string, string][] {
    const env = new Map([...this.vars].filter(([k]) => this.exported.has(k)));
    for (const [k, v] of extra) env.set(k, v);
    return [...env];
  }
}

export interface Frame {
  sh: Sh;
  io: Io;
}

export class ExitSignal {
  constructor(readonly code: number) {}
}
export class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public n: number,
  ) {}
}
/** An error that ends the shell with status 2, e.g. `arithmetic syntax error` (ash exits on these). */
export class ShellError {
  constructor(readonly message: string) {}
}

interface Proc {
  id: number;
  gen: Gen;
  wake: number;
  main: boolean;
  /** Commands run since the process last let time pass. */
  slice: number;
}

/**
 * A process that runs CPU_SLICE commands without sleeping is charged CPU_SLICE_MS (0.1 ms a command, about what a
 * fork+exec costs), so busy loops still move simulated time on.
 */
const CPU_SLICE = 1000;
const CPU_SLICE_MS = 100;
/** The container log keeps about this many lines, dropping the oldest (the kubelet rotates container logs too). */
const LOG_LINES_KEPT = 100_000;

const parsed = new Map<string, Script>();

export class Machine {
  now: number;
  steps = 0;
  readonly fsEvents: { atMs: number; change: FsChange }[] = [];
  /** What the processes wrote, oldest first (at most about LOG_LINES_KEPT lines). */
  readonly logs: LogLine[] = [];
  readonly programs: StartedProgram[] = [];
  exit: { atMs: number; code: number } | undefined;
  /** Set when the main process is known never to end (see shell-exec.ts `loop`); `fsQuiet`: nor to change files. */
  endless: { fsQuiet: boolean } | undefined;
  /** Look for repeating loops (only while deciding whether the main process ever exits). */
  detectLoops = false;
  /** exec sessions: output goes here instead of the container log. */
  capture: ((text: string) => void) | undefined;
  /** exec sessions in images we know nothing about: unknown commands succeed at once. */
  unknownSucceeds = false;
  /** OBSERVED flags: what the processes have looked at so far. */
  observed = 0;
  current!: Proc;
  private procs: Proc[] = [];
  private nextId = 1;
  /** The container's stdout, one function for the machine's life, so output can be told to go there. */
  private readonly stdout = (t: string): void => this.write('out', t);
  private readonly stderr = (t: string): void => this.write('err', t);
  private rng: number;
  private partial = { out: '', err: '' };

  constructor(
    readonly image: ShellImage,
    readonly ctx: ShellContext,
    readonly fs: Fs,
    startMs: number,
    record: boolean,
  ) {
    this.now = startMs;
    this.rng = ctx.seed >>> 0;
    if (record) fs.onChange = (change) => this.fsEvents.push({ atMs: this.now, change });
  }

  get rngState(): number {
    return this.rng;
  }
  epochNow(): number {
    this.observed |= OBSERVED.time;
    return this.ctx.startedAt + this.now;
  }
  /** `$RANDOM`: 0…32767, as in ash. */
  random(): number {
    this.observed |= OBSERVED.seed;
    const [v, next] = nextRandom(this.rng);
    this.rng = next;
    return Math.floor(v * 32768);
  }

  parse(src: string): Script {
    let s = parsed.get(src);
    if (!s) {
      if (parsed.size > 1000) parsed.clear();
      s = parseScript(src);
      parsed.set(src, s);
    }
    return s;
  }

  /** The container's stdout/stderr. */
  containerIo(): Io {
    return { out: this.stdout, err: this.stderr, stdin: null };
  }

  /**
   * A line an image's program prints to `io`. Printed straight to the container log (not a pipe, a file or a
   * command substitution) it is kept with its `template`, so that a run shared by several containers can show
   * each its own text (program.ts); used any other way, its text may steer the run, which is noted.
   */
  programLine(io: Io, l: { line: string; template?: unknown }): void {
    if (l.template === undefined) return io.out(l.line + '\n');
    if (io.out !== this.stdout || this.capture || this.partial.out !== '' || l.line.includes('\n')) {
      this.observed |= OBSERVED.output;
      return io.out(l.line + '\n');
    }
    // What write() does with a whole line, keeping the template.
    this.logs.push({ atMs: this.now, line: l.line, template: l.template });
    if (this.logs.length > LOG_LINES_KEPT) this.logs.splice(0, this.logs.length - LOG_LINES_KEPT / 2);
  }

  private write(stream: 'out' | 'err', text: string): void {
    if (this.capture) return this.capture(text);
    const lines = (this.partial[stream] + text).split('\n');
    this.partial[stream] = lines.pop()!;
    for (const line of lines) this.logs.push({ atMs: this.now, line });
    if (this.logs.length > LOG_LINES_KEPT) this.logs.splice(0, this.logs.length - LOG_LINES_KEPT / 2);
  }

  private flush(): void {
    for (const stream of ['out', 'err'] as const) {
      if (this.partial[stream]) this.logs.push({ atMs: this.now, line: this.partial[stream] });
      this.partial[stream] = '';
    }
  }

  spawn(gen: Gen, main: boolean): void {
    this.procs.push({ id: this.nextId++, gen, wake: this.now, main, slice: 0 });
  }

  /** When the next process wakes (Infinity: nothing will ever run again). */
  nextWake(): number {
    let wake = Infinity;
    for (const p of this.procs) wake = Math.min(wake, p.wake);
    return wake;
  }

  /** True when no process other than the running one will ever wake. */
  alone(): boolean {
    return this.procs.every((p) => p === this.current || p.wake === Infinity);
  }

  /** Resumes the process that wakes first (ties: the older one). False when nothing will ever run again. */
  step(): boolean {
    let p: Proc | undefined;
    for (const q of this.procs) if (q.wake !== Infinity && (!p || q.wake < p.wake)) p = q;
    if (!p) return false;
    this.now = Math.max(this.now, p.wake);
    this.current = p;
    const r = p.gen.next();
    if (!r.done) {
      p.wake = r.value;
      p.slice = 0;
      return true;
    }
    this.procs.splice(this.procs.indexOf(p), 1);
    if (p.main) {
      // The container ends with its main process; background jobs die with it.
      this.flush();
      this.exit = { atMs: this.now, code: r.value & 255 };
      this.procs = [];
    }
    return true;
  }

  /** Counts one command. Returns the time to yield until when CPU time is to be charged (after CPU_SLICE
   * commands without a sleep), else undefined. */
  charge(): number | undefined {
    this.steps++;
    return ++this.current.slice > CPU_SLICE ? this.now + CPU_SLICE_MS : undefined;
  }
}
