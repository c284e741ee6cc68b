// Executes parsed shell commands as generator processes on a Machine (shell-machine.ts). Commands that take
// time (`sleep`, a server program, `sleep infinity`) yield their wake-up time; everything else is instant.
// Command lookup follows ash: special builtins, then the image's programs and busybox applets, then script
// files in the image's filesystem; anything else is `sh: X: not found` (127).

import { UTILITIES } from './shell-builtins.js';
import { expandFields, expandString, redirect, writesFiles } from './shell-expand.js';
import { type Fs, basename, dirname, resolvePath } from './shell-fs.js';
import {
  ExitSignal, type Frame, type Gen, LoopSignal, type Machine, OBSERVED, ShellError, type ShellImage,
} from './shell-machine.js';
import { SPECIAL, scriptFile, shell, sleep, specialBuiltin } from './shell-special.js';
import type { Cmd, Word } from './shell-parse.js';
import { endlessLoop } from './shell-static.js';

const SHELLS = new Set(['sh', 'ash', 'bash', 'dash']);
const BIN_DIRS = new Set(['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin']);
const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

function known(image: ShellImage, name: string): boolean {
  return Object.hasOwn(image.programs, name) || SHELLS.has(name) || name === 'sleep' || name === 'busybox'
    || Object.hasOwn(UTILITIES, name);
}

function inPath(fs: Fs, name: string): string | undefined {
  return PATH_DIRS.map((d) => `${d}/${name}`).find((p) => fs.isFile(p));
}

/** Whether the runtime can start `name` as a process (what runc checks before it execs argv[0]). */
export function isExecutable(name: string, image: ShellImage, fs: Fs, cwd = '/'): boolean {
  if (image.unknownCommands === 'runForever') return true;
  if (name.includes('/')) {
    const path = resolvePath(cwd, name);
    const base = basename(path);
    return fs.isFile(path) || Object.hasOwn(image.programs, base) || (BIN_DIRS.has(dirname(path)) && known(image, base));
  }
  return known(image, name) || inPath(fs, name) !== undefined;
}

/** Runs a process body, turning `exit N` into its return value. */
export function* processBody(body: Gen): Gen {
  try {
    return yield* body;
  } catch (e) {
    if (e instanceof ExitSignal) return e.code;
    throw e;
  }
}

/** Runs `cmd` in a copy of the shell (`( … )`, `$( … )`, pipeline members). */
export function* subshell(m: Machine, f: Frame, cmd: Cmd): Gen {
  const sh = f.sh.copy();
  return yield* processBody(withErrors({ sh, io: f.io }, execCmd(m, { sh, io: f.io }, cmd)));
}

/** ash ends a shell on expansion errors, with status 2 and the message on stderr. */
function* withErrors(f: Frame, body: Gen): Gen {
  try {
    return yield* body;
  } catch (e) {
    if (e instanceof ShellError) {
      f.io.err(`${f.sh.arg0}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** Runs a script's text in shell `f.sh`: the commands before a syntax error run, then ash reports it, exit 2. */
export function* runScript(m: Machine, f: Frame, src: string): Gen {
  const script = m.parse(src);
  return yield* processBody(withErrors(f, (function* (): Gen {
    let status = 0;
    for (const cmd of script.cmds) f.sh.status = status = yield* execCmd(m, f, cmd);
    if (script.error) {
      f.io.err(`${f.sh.arg0}: ${script.error}\n`);
      return 2;
    }
    return status;
  })()));
}

export function* execCmd(m: Machine, f: Frame, cmd: Cmd): Gen {
  switch (cmd.t) {
    case 'simple': return yield* simple(m, f, cmd);
    case 'list': {
      let status = 0;
      for (const item of cmd.items) {
        if (item.bg) {
          const bg: Frame = { sh: f.sh.copy(), io: f.io };
          m.spawn(processBody(withErrors(bg, execCmd(m, bg, item.cmd))), false);
          f.sh.vars.set('!', String(1000 + m.steps));
          status = 0;
        } else status = yield* execCmd(m, f, item.cmd);
        f.sh.status = status;
      }
      return status;
    }
    case 'andor': {
      let status = yield* execCmd(m, f, cmd.first);
      for (const r of cmd.rest) {
        f.sh.status = status;
        if ((r.op === '&&') === (status === 0)) status = yield* execCmd(m, f, r.cmd);
      }
      return status;
    }
    case 'pipe': {
      // Members run one after the other, each reading what the previous one wrote (a simplification: real
      // pipelines run concurrently, so the time taken is the longest member's, not the sum).
      let stdin = f.io.stdin;
      let status = 0;
      for (const [i, c] of cmd.cmds.entries()) {
        let buf = '';
        const last = i === cmd.cmds.length - 1;
        const io = { out: last ? f.io.out : (t: string) => void (buf += t), err: f.io.err, stdin };
        status = cmd.cmds.length > 1 ? yield* subshell(m, { sh: f.sh, io }, c) : yield* execCmd(m, { sh: f.sh, io }, c);
        stdin = buf;
      }
      return cmd.negate ? Number(status === 0) : status;
    }
    case 'if': case 'loop': case 'for': case 'group': {
      const io = yield* redirect(m, f, cmd.redirs);
      if (typeof io === 'string') {
        f.io.err(`${f.sh.arg0}: ${io}\n`);
        return 1;
      }
      const fr: Frame = { sh: f.sh, io };
      if (cmd.t === 'group') return cmd.subshell ? yield* subshell(m, fr, cmd.body) : yield* execCmd(m, fr, cmd.body);
      if (cmd.t === 'if') {
        for (const arm of cmd.arms) if ((yield* execCmd(m, fr, arm.cond)) === 0) return yield* execCmd(m, fr, arm.body);
        return cmd.else ? yield* execCmd(m, fr, cmd.else) : 0;
      }
      const words = cmd.t === 'for' ? (cmd.words ? yield* fieldsOf(m, fr, cmd.words) : [...f.sh.pos]) : undefined;
      f.sh.loops++;
      try {
        return yield* loop(m, fr, cmd, words);
      } finally {
        f.sh.loops--;
      }
    }
  }
}

function* fieldsOf(m: Machine, f: Frame, words: Word[]): Gen<string[]> {
  const out: string[] = [];
  for (const w of words) {
    // Most words are one plain literal (`sleep`, `30`): no expansion to run.
    if (w.length === 1 && w[0].t === 'lit' && !(!w[0].q && w[0].s.startsWith('~'))) out.push(w[0].s);
    else out.push(...(yield* expandFields(m, f, w)));
  }
  return out;
}

/** Loops already looked at by `endlessLoop` (parsed scripts are shared, so this is per script text). */
const endlessCache = new WeakMap<Cmd, { quiet: boolean } | null>();

/**
 * while/until/for. While deciding whether the main process ever ends (m.detectLoops), a while loop is judged
 * endless (1) from its text: `while true` with a body that cannot break out, exit or fail (shell-static.ts), or
 * (2) by watching it: its shell state (variables, filesystem, `$RANDOM` state) is the same at the start of two
 * iterations, time having passed — it will then repeat forever. (2) is not tried on loops that put `$(date …)`
 * into their state, since time could change their course.
 */
function* loop(m: Machine, f: Frame, cmd: Extract<Cmd, { t: 'loop' | 'for' }>, words?: string[]): Gen {
  let status = 0;
  let prev: { key: string; now: number; fsEvents: number } | undefined;
  const watching = m.detectLoops && !m.endless && m.current.main;
  if (watching && cmd.t === 'loop') {
    let known = endlessCache.get(cmd);
    if (known === undefined) endlessCache.set(cmd, (known = endlessLoop(cmd) ?? null));
    if (known) m.endless = { fsQuiet: known.quiet && !writesFiles(f.io) && m.alone() };
  }
  const judge = watching && cmd.t === 'loop' && !(/\bdate\b/.test(cmd.src) && /\$\(|`/.test(cmd.src));
  for (let i = 0; ; i++) {
    if (cmd.t === 'for') {
      if (i >= words!.length) break;
      f.sh.vars.set(cmd.name, words![i]);
    } else {
      if (judge && !m.endless && m.alone()) {
        const key = JSON.stringify([m.fs.signature(), [...f.sh.vars], f.sh.pos, f.sh.status, f.sh.cwd, m.rngState]);
        if (prev && prev.key === key && m.now > prev.now) m.endless = { fsQuiet: m.fsEvents.length === prev.fsEvents };
        prev = { key, now: m.now, fsEvents: m.fsEvents.length };
      }
      if (((yield* execCmd(m, f, cmd.cond)) === 0) === cmd.until) break;
    }
    try {
      status = yield* execCmd(m, f, cmd.body);
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.n > 1) {
        e.n--;
        throw e;
      }
      if (e.kind === 'break') break;
    }
  }
  return status;
}

function* simple(m: Machine, f: Frame, cmd: Extract<Cmd, { t: 'simple' }>): Gen {
  const busyUntil = m.charge();
  if (busyUntil !== undefined) yield busyUntil;
  f.sh.subStatus = undefined;
  const argv = yield* fieldsOf(m, f, cmd.words);
  const assigns: [string, string][] = [];
  for (const a of cmd.assigns) assigns.push([a.name, yield* expandString(m, f, a.value)]);
  const io = yield* redirect(m, f, cmd.redirs);
  if (typeof io === 'string') {
    f.io.err(`${f.sh.arg0}: ${io}\n`);
    return 1;
  }
  if (argv.length === 0) {
    for (const [k, v] of assigns) f.sh.vars.set(k, v);
    return f.sh.subStatus ?? 0;
  }
  return yield* runArgv(m, { sh: f.sh, io }, argv, assigns);
}

/** Runs one command line (argv already expanded). `assigns` are `X=1 cmd` prefixes, for cmd's environment. */
export function* runArgv(m: Machine, f: Frame, argv: string[], assigns: [string, string][] = []): Gen {
  const [name, ...args] = argv;
  if (SPECIAL.has(name)) return yield* specialBuiltin(m, f, name, args);
  const base = basename(name);
  if (name.includes('/')) {
    const path = resolvePath(f.sh.cwd, name);
    if (m.fs.isFile(path) && !Object.hasOwn(m.image.programs, base)) {
      return yield* scriptFile(m, f, name, m.fs.read(path)!, args, assigns);
    }
    if (!Object.hasOwn(m.image.programs, base) && !(BIN_DIRS.has(dirname(path)) && known(m.image, base))) {
      return yield* unknown(m, f, name);
    }
  } else if (!known(m.image, name)) {
    const path = inPath(m.fs, name);
    if (path) return yield* scriptFile(m, f, name, m.fs.read(path)!, args, assigns);
    return yield* unknown(m, f, name);
  }
  const program = Object.hasOwn(m.image.programs, base) ? m.image.programs[base] : undefined;
  if (program) return yield* runProgram(m, f, base, argv, program);
  if (SHELLS.has(base)) return yield* shell(m, f, name, args, assigns);
  if (base === 'busybox') return args.length ? yield* runArgv(m, f, args, assigns) : 0;
  if (base === 'sleep') return yield* sleep(m, f, args);
  // The clock, the hostname and the environment are looked at only by the applets that ask (OBSERVED).
  return UTILITIES[base](args, {
    fs: m.fs, cwd: f.sh.cwd, io: f.io, shellName: f.sh.arg0,
    env: () => {
      m.observed |= OBSERVED.host;
      return f.sh.env(assigns);
    },
    get nowEpochMs() {
      return m.epochNow();
    },
    get hostname() {
      m.observed |= OBSERVED.host;
      return m.ctx.hostname;
    },
  });
}

/** A command the image does not have: `sh: X: not found`, or, in images we know nothing about, a process of
 * theirs that we cannot simulate — it runs until killed (and, in an exec, succeeds at once). */
function* unknown(m: Machine, f: Frame, name: string): Gen {
  if (m.image.unknownCommands === 'runForever') {
    if (m.unknownSucceeds) return 0;
    yield Infinity;
    return 0;
  }
  f.io.err(`${f.sh.arg0}: ${name}: not found\n`);
  return 127;
}

function* runProgram(m: Machine, f: Frame, name: string, argv: string[], program: ShellImage['programs'][string]): Gen {
  const start = m.now;
  const run = program(argv, start);
  m.programs.push({ name, argv, atMs: start });
  for (const l of [...run.log].sort((a, b) => a.afterMs - b.afterMs)) {
    if (start + l.afterMs > m.now) yield start + l.afterMs;
    m.programLine(f.io, l);
  }
  if (!run.exit) {
    yield Infinity;
    return 0;
  }
  if (start + run.exit.afterMs > m.now) yield start + run.exit.afterMs;
  return run.exit.code;
}
