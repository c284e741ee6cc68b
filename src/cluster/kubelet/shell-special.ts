// The commands of the tiny shell that are about the shell itself (ash's special builtins: exit, export, cd,
// eval, exec, break…), plus the ones that start shells or take time (`sh`, scripts, `sleep`).

import { resolvePath } from './shell-fs.js';
import { execCmd, runArgv, runScript } from './shell-exec.js';
import { ExitSignal, type Frame, type Gen, LoopSignal, type Machine, OBSERVED, Sh, ShellError } from './shell-machine.js';

/** ash builtins that exist only inside a shell (a container cannot exec them directly). */
export const SPECIAL = new Set(['exit', 'break', 'continue', 'export', 'readonly', 'local', 'unset', 'shift', 'set',
  'trap', 'eval', 'exec', 'cd', 'wait', 'umask', 'ulimit', '.', 'source']);

/** busybox sleep: seconds with optional s/m/h/d suffix and fraction, summed; `inf`/`infinity` never ends. */
export function* sleep(m: Machine, f: Frame, args: string[]): Gen {
  if (args.length === 0) {
    f.io.err('sleep: missing operand\n');
    return 1;
  }
  let ms = 0;
  for (const a of args) {
    const x = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (/^inf(inity)?$/i.test(a)) ms = Infinity;
    else if (x) ms += parseFloat(x[1]) * { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[x[2]]!;
    else {
      f.io.err(`sleep: invalid number '${a}'\n`);
      return 1;
    }
  }
  if (ms > 0) yield m.now + Math.round(ms);
  return 0;
}

/** sh [-e -x …] (-c SCRIPT [ARG0 [ARGS…]] | FILE [ARGS…]); with neither it reads stdin. */
export function* shell(m: Machine, f: Frame, invoked: string, args: string[], assigns: [string, string][]): Gen {
  let i = 0;
  let cMode = false;
  for (; i < args.length && /^[-+][a-z]+$/.test(args[i]); i++) if (args[i].includes('c')) cMode = true;
  if (args[i] === '--') i++;
  let script: string;
  let arg0 = invoked;
  let pos: string[] = [];
  if (cMode) {
    if (i >= args.length) {
      f.io.err(`${invoked}: -c requires an argument\n`);
      return 2;
    }
    script = args[i];
    arg0 = args[i + 1] ?? invoked;
    pos = args.slice(i + 2);
  } else if (i < args.length && args[i] !== '-') {
    const content = m.fs.read(resolvePath(f.sh.cwd, args[i]));
    if (content === undefined) {
      f.io.err(`${invoked}: can't open '${args[i]}': No such file or directory\n`);
      return 2;
    }
    [script, arg0, pos] = [content, args[i], args.slice(i + 1)];
  } else if (f.io.stdin !== null) script = f.io.stdin;
  else if (m.ctx.stdin && m.capture === undefined) {
    yield Infinity; // an interactive shell waiting for input that never comes
    return 0;
  } else return 0; // no tty, no stdin: reads EOF and exits, as busybox's `sh` does
  const env = f.sh.env(assigns);
  const sh = new Sh(new Map(env), new Set(env.map(([k]) => k)), arg0, pos, f.sh.cwd);
  return yield* runScript(m, { sh, io: f.io }, script);
}

export function* scriptFile(m: Machine, f: Frame, name: string, src: string, args: string[], assigns: [string, string][]): Gen {
  const env = f.sh.env(assigns);
  const sh = new Sh(new Map(env), new Set(env.map(([k]) => k)), name, args, f.sh.cwd);
  return yield* runScript(m, { sh, io: f.io }, src);
}

export function* specialBuiltin(m: Machine, f: Frame, name: string, args: string[]): Gen {
  const sh = f.sh;
  const int = (s: string | undefined, dflt: number): number | undefined =>
    s === undefined ? dflt : /^\d+$/.test(s) ? Number(s) : undefined;
  switch (name) {
    case 'exit': {
      const code = int(args[0], sh.status);
      if (code === undefined) throw new ShellError(`exit: Illegal number: ${args[0]}`);
      throw new ExitSignal(code & 255);
    }
    case 'break': case 'continue': {
      const n = int(args[0], 1);
      if (n === undefined || n < 1) throw new ShellError(`${name}: Illegal number: ${args[0]}`);
      if (sh.loops === 0) return 0;
      throw new LoopSignal(name, Math.min(n, sh.loops));
    }
    case 'export': case 'readonly': case 'local':
      for (const a of args) {
        const eq = a.indexOf('=');
        const key = eq < 0 ? a : a.slice(0, eq);
        if (eq >= 0) sh.vars.set(key, a.slice(eq + 1));
        if (name === 'export') sh.exported.add(key);
      }
      if (name === 'export' && args.length === 0) {
        m.observed |= OBSERVED.host;
        for (const [k, v] of sh.env()) f.io.out(`export ${k}='${v}'\n`);
      }
      return 0;
    case 'unset':
      for (const a of args) sh.vars.delete(a), sh.exported.delete(a);
      return 0;
    case 'shift': {
      const n = int(args[0], 1);
      if (n === undefined || n > sh.pos.length) throw new ShellError("shift: can't shift that many");
      sh.pos = sh.pos.slice(n);
      return 0;
    }
    case 'set': {
      const dd = args.indexOf('--');
      if (dd >= 0) sh.pos = args.slice(dd + 1);
      return 0;
    }
    case 'cd': {
      const target = args[0] ?? sh.vars.get('HOME') ?? '/';
      const path = resolvePath(sh.cwd, target);
      if (!m.fs.isDir(path)) {
        f.io.err(`${sh.arg0}: cd: can't cd to ${target}: No such file or directory\n`);
        return 2;
      }
      sh.cwd = path;
      sh.vars.set('PWD', path);
      return 0;
    }
    case 'eval':
      return yield* evalText(m, f, args.join(' '));
    case '.': case 'source': {
      const src = args[0] === undefined ? undefined : m.fs.read(resolvePath(sh.cwd, args[0]));
      if (src === undefined) throw new ShellError(`.: can't open '${args[0] ?? ''}'`);
      return yield* evalText(m, f, src);
    }
    case 'exec': {
      if (args.length === 0) return 0;
      throw new ExitSignal(yield* runArgv(m, f, args));
    }
    default: // trap, wait, umask, ulimit: accepted, no effect here
      return 0;
  }
}

function* evalText(m: Machine, f: Frame, src: string): Gen {
  const script = m.parse(src);
  let status = 0;
  for (const cmd of script.cmds) f.sh.status = status = yield* execCmd(m, f, cmd);
  if (script.error) throw new ShellError(script.error);
  return status;
}
