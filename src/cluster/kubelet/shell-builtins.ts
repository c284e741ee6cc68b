// The busybox applets the tiny shell knows (the ones that take no time; `sleep`, `sh` and the shell's own
// builtins live in shell-exec.ts and shell-special.ts). Messages are busybox's words, e.g. coreutils/cat.c via bb_perror_msg:
// `cat: can't open 'F': No such file or directory`; coreutils/rm.c: `rm: can't remove 'F': …`.

import { NOENT, type Utility, flags } from './shell-applet.js';
import { dirname, resolvePath } from './shell-fs.js';
import { test } from './shell-test.js';
import { date, env, grep, seq, wc } from './shell-textutils.js';

export type { Io, UtilContext, Utility } from './shell-applet.js';

function unescape(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '\\' || i === text.length - 1) {
      out += text[i];
      continue;
    }
    const c = text[++i];
    if (c === 'c') return { text: out, stop: true };
    out += ({ n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v' } as Record<string, string>)[c]
      ?? '\\' + c;
  }
  return { text: out, stop: false };
}

const echo: Utility = (args, { io }) => {
  let i = 0;
  let newline = true;
  let escapes = false;
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    for (const c of args[i].slice(1)) {
      if (c === 'n') newline = false;
      else escapes = c === 'e';
    }
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const u = unescape(text);
    if (u.stop) newline = false;
    text = u.text;
  }
  io.out(text + (newline ? '\n' : ''));
  return 0;
};

const printf: Utility = (args, { io }) => {
  if (args.length === 0) {
    io.err('printf: usage: printf FORMAT [ARGUMENT...]\n');
    return 1;
  }
  const [format, ...values] = args;
  let out = '';
  let v = 0;
  do {
    out += format.replace(/%([-0-9.]*)([sdicxX%])/g, (_m, _w: string, conv: string) => {
      if (conv === '%') return '%';
      const arg = values[v++] ?? '';
      if (conv === 's') return arg;
      if (conv === 'c') return arg.slice(0, 1);
      const n = parseInt(arg || '0', 10) || 0;
      return conv === 'x' ? n.toString(16) : conv === 'X' ? n.toString(16).toUpperCase() : String(n);
    });
  } while (v > 0 && v < values.length);
  io.out(unescape(out).text);
  return 0;
};

const cat: Utility = (args, { fs, cwd, io }) => {
  const { rest } = flags(args, 'nuvetA');
  let status = 0;
  for (const name of rest.length ? rest : ['-']) {
    if (name === '-') {
      io.out(io.stdin ?? '');
      continue;
    }
    const path = resolvePath(cwd, name);
    const content = fs.read(path);
    if (content !== undefined) io.out(content);
    else {
      io.err(fs.isDir(path) ? 'cat: read error: Is a directory\n' : `cat: can't open '${name}': ${NOENT}\n`);
      status = 1;
    }
  }
  return status;
};

const touch: Utility = (args, { fs, cwd, io }) => {
  const { set, rest } = flags(args, 'cam');
  let status = 0;
  for (const name of rest) {
    const path = resolvePath(cwd, name);
    if (fs.exists(path) || set.has('c')) continue;
    if (!fs.isDir(dirname(path))) {
      io.err(`touch: ${name}: ${NOENT}\n`);
      status = 1;
    } else fs.write(path, '');
  }
  return status;
};

const rm: Utility = (args, { fs, cwd, io }) => {
  const { set, rest } = flags(args, 'frRiv');
  const force = set.has('f');
  const recursive = set.has('r') || set.has('R');
  let status = 0;
  for (const name of rest) {
    const path = resolvePath(cwd, name);
    if (!fs.exists(path)) {
      if (!force) {
        io.err(`rm: can't remove '${name}': ${NOENT}\n`);
        status = 1;
      }
    } else if (fs.isDir(path) && !recursive) {
      io.err(`rm: can't remove '${name}': Is a directory\n`);
      status = 1;
    } else fs.remove(path);
  }
  return status;
};

const mkdir: Utility = (args, { fs, cwd, io }) => {
  const { set, rest } = flags(args, 'pv');
  let status = 0;
  for (const name of rest) {
    const path = resolvePath(cwd, name);
    const missing: string[] = [];
    for (let p = path; !fs.exists(p); p = dirname(p)) missing.unshift(p);
    const fail = (why: string): void => {
      io.err(`mkdir: can't create directory '${name}': ${why}\n`);
      status = 1;
    };
    if (missing.length === 0) {
      if (!set.has('p') || !fs.isDir(path)) fail('File exists');
    } else if (!fs.isDir(dirname(missing[0]))) fail('Not a directory');
    else if (missing.length > 1 && !set.has('p')) fail(NOENT);
    else for (const p of missing) fs.mkdir(p);
  }
  return status;
};

const ls: Utility = (args, { fs, cwd, io }) => {
  const { set, rest } = flags(args, 'laA1hRt');
  let status = 0;
  for (const name of rest.length ? rest : ['.']) {
    const path = resolvePath(cwd, name);
    if (fs.isDir(path)) {
      const names = fs.list(path).filter((n) => set.has('a') || set.has('A') || !n.startsWith('.'));
      if (names.length) io.out(names.join('\n') + '\n');
    } else if (fs.isFile(path)) io.out(name + '\n');
    else {
      io.err(`ls: ${name}: ${NOENT}\n`);
      status = 1;
    }
  }
  return status;
};

export const UTILITIES: Record<string, Utility> = {
  echo, printf, cat, touch, rm, mkdir, ls, date, seq, grep, wc,
  env: (_args, ctx) => env([], ctx),
  printenv: env,
  test,
  '[': (args, ctx) => {
    if (args[args.length - 1] !== ']') {
      ctx.io.err(`${ctx.shellName}: missing ]\n`);
      return 2;
    }
    return test(args.slice(0, -1), ctx);
  },
  true: () => 0,
  false: () => 1,
  ':': () => 0,
  pwd: (_a, { cwd, io }) => (io.out(cwd + '\n'), 0),
  hostname: (_a, { hostname, io }) => (io.out(hostname + '\n'), 0),
  whoami: (_a, { io }) => (io.out('root\n'), 0),
  uname: (args, { io, hostname }) => (io.out(args.includes('-a') ? `Linux ${hostname} 6.8.0 #1 SMP x86_64 GNU/Linux\n` : 'Linux\n'), 0),
};
