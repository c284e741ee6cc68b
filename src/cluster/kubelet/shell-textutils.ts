// More busybox applets for the tiny shell: date, seq, grep, wc, env/printenv.

import { NOENT, type Utility, flags } from './shell-applet.js';
import { busyboxDate, strftime } from './shell-date.js';
import { resolvePath } from './shell-fs.js';

export const date: Utility = (args, { io, nowEpochMs }) => {
  const { set, rest } = flags(args, 'uRI');
  const format = rest.find((a) => a.startsWith('+'));
  if (format !== undefined) io.out(strftime(format.slice(1), nowEpochMs) + '\n');
  else if (set.has('R')) io.out(strftime('%a, %d %b %Y %H:%M:%S %z', nowEpochMs) + '\n');
  else if (set.has('I')) io.out(strftime('%Y-%m-%d', nowEpochMs) + '\n');
  else io.out(busyboxDate(nowEpochMs) + '\n');
  return 0;
};

export const seq: Utility = (args, { io }) => {
  const n = args.map(Number);
  if (n.length === 0 || n.length > 3 || n.some(Number.isNaN)) {
    io.err(`seq: invalid number '${args.find((a) => Number.isNaN(Number(a))) ?? ''}'\n`);
    return 1;
  }
  const [first, step, last] = n.length === 1 ? [1, 1, n[0]] : n.length === 2 ? [n[0], 1, n[1]] : n;
  const lines: number[] = [];
  for (let x = first; step > 0 ? x <= last : x >= last; x += step) {
    lines.push(x);
    if (step === 0 || lines.length > 100_000) break;
  }
  if (lines.length) io.out(lines.join('\n') + '\n');
  return 0;
};

export const grep: Utility = (args, { fs, cwd, io }) => {
  const { set, rest } = flags(args, 'qviFEc');
  if (rest.length === 0) {
    io.err('grep: no pattern\n');
    return 2;
  }
  const [pattern, ...files] = rest;
  let re: RegExp;
  try {
    re = new RegExp(set.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern, set.has('i') ? 'i' : '');
  } catch {
    re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
  let found = 0;
  let status = 0;
  for (const name of files.length ? files : ['-']) {
    const text = name === '-' ? io.stdin ?? '' : fs.read(resolvePath(cwd, name));
    if (text === undefined) {
      io.err(`grep: ${name}: ${NOENT}\n`);
      status = 2;
      continue;
    }
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) {
      if (re.test(line) === set.has('v')) continue;
      found++;
      if (!set.has('q') && !set.has('c')) io.out((files.length > 1 ? `${name}:` : '') + line + '\n');
    }
  }
  if (set.has('c') && !set.has('q')) io.out(`${found}\n`);
  return found > 0 ? 0 : status || 1;
};

export const wc: Utility = (args, { fs, cwd, io }) => {
  const { set, rest } = flags(args, 'lwc');
  const text = rest.length ? fs.read(resolvePath(cwd, rest[0])) : io.stdin ?? '';
  if (text === undefined) {
    io.err(`wc: ${rest[0]}: ${NOENT}\n`);
    return 1;
  }
  const counts = { l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter(Boolean).length, c: text.length };
  const which = (['l', 'w', 'c'] as const).filter((k) => set.size === 0 || set.has(k));
  io.out(which.map((k) => (which.length > 1 ? String(counts[k]).padStart(7) : String(counts[k]))).join(' ')
    + (rest.length ? ` ${rest[0]}` : '') + '\n');
  return 0;
};

export const env: Utility = (args, ctx) => {
  const vars = ctx.env();
  const io = ctx.io;
  if (args.length) {
    const v = vars.find(([k]) => k === args[0]);
    if (v) io.out(v[1] + '\n');
    return v ? 0 : 1;
  }
  io.out(vars.map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
};

