// Word expansion and redirections for the tiny shell (POSIX "2.6 Word Expansions", minus pathname globbing):
// tilde, parameters, command substitution (which runs, and so may take simulated time), arithmetic, then
// field splitting of unquoted results on blanks. Redirection errors are ash's (`can't create F: nonexistent
// directory`, `can't open F: no such file`).

import { ArithError, evalArith } from './shell-arith.js';
import type { Io } from './shell-builtins.js';
import { subshell } from './shell-exec.js';
import { dirname, resolvePath } from './shell-fs.js';
import { type Frame, type Gen, type Machine, OBSERVED, ShellError } from './shell-machine.js';
import type { Cmd, Part, Redir, Word } from './shell-parse.js';

type Piece = { s: string; q: boolean } | { fields: string[] };

function special(m: Machine, f: Frame, name: string): string | undefined {
  const sh = f.sh;
  switch (name) {
    case '?': return String(sh.status);
    case '#': return String(sh.pos.length);
    case '$': return '1';
    case '!': return sh.vars.get('!');
    case '0': return sh.arg0;
    case '-': return '';
    case '@': case '*': return sh.pos.join(' ');
    case 'RANDOM': return String(m.random());
  }
  if (/^\d+$/.test(name)) return sh.pos[Number(name) - 1];
  if (name === 'HOSTNAME') m.observed |= OBSERVED.host;
  return sh.vars.get(name);
}

function* param(m: Machine, f: Frame, p: Extract<Part, { t: 'param' }>): Gen<string> {
  const raw = special(m, f, p.name);
  const arg = function* (): Gen<string> {
    return p.arg ? yield* expandString(m, f, p.arg) : '';
  };
  switch (p.op) {
    case undefined: return raw ?? '';
    case '#len': return String((raw ?? '').length);
    case ':-': return raw ? raw : yield* arg();
    case '-': return raw !== undefined ? raw : yield* arg();
    case ':+': return raw ? yield* arg() : '';
    case '+': return raw !== undefined ? yield* arg() : '';
    case ':=': case '=': {
      if (p.op === ':=' ? raw : raw !== undefined) return raw!;
      const v = yield* arg();
      f.sh.vars.set(p.name, v);
      return v;
    }
    default: {
      // ${X:?message} / ${X?message}
      if (p.op === ':?' ? raw : raw !== undefined) return raw!;
      const msg = yield* arg();
      throw new ShellError(`${p.name}: ${msg || 'parameter not set'}`);
    }
  }
}

/** `$(…)`: runs in a subshell, output captured, trailing newlines dropped. */
function* commandSubstitution(m: Machine, f: Frame, cmd: Cmd): Gen<string> {
  let out = '';
  const io: Io = { out: (t) => (out += t), err: f.io.err, stdin: null };
  f.sh.subStatus = yield* subshell(m, { sh: f.sh, io }, cmd);
  return out.replace(/\n+$/, '');
}

function* pieces(m: Machine, f: Frame, word: Word): Gen<Piece[]> {
  const out: Piece[] = [];
  for (let i = 0; i < word.length; i++) {
    const p = word[i];
    switch (p.t) {
      case 'lit': {
        const tilde = i === 0 && !p.q && /^~(\/|$)/.test(p.s);
        out.push({ s: tilde ? (f.sh.vars.get('HOME') ?? '/root') + p.s.slice(1) : p.s, q: p.q });
        break;
      }
      case 'param':
        if (p.name === '@' && p.q && !p.op) out.push({ fields: [...f.sh.pos] });
        else out.push({ s: yield* param(m, f, p), q: p.q });
        break;
      case 'sub':
        out.push({ s: yield* commandSubstitution(m, f, p.cmd), q: p.q });
        break;
      case 'arith': {
        const expr = yield* expandString(m, f, p.expr);
        try {
          out.push({ s: String(evalArith(expr, (n) => special(m, f, n))), q: p.q });
        } catch (e) {
          if (e instanceof ArithError) throw new ShellError(e.message);
          throw e;
        }
        break;
      }
    }
  }
  return out;
}

/** Expands a word into fields (command arguments). */
export function* expandFields(m: Machine, f: Frame, word: Word): Gen<string[]> {
  const fields: string[] = [];
  let cur = '';
  let has = false;
  for (const p of yield* pieces(m, f, word)) {
    if ('fields' in p) {
      p.fields.forEach((x, i) => {
        if (i > 0) fields.push(cur), (cur = '');
        cur += x;
        has = true;
      });
    } else if (p.q) {
      cur += p.s;
      has = true;
    } else {
      p.s.split(/[ \t\n]+/).forEach((seg, i) => {
        if (i > 0 && has) fields.push(cur), (cur = ''), (has = false);
        if (seg !== '') (cur += seg), (has = true);
      });
    }
  }
  if (has) fields.push(cur);
  return fields;
}

/** Expands a word into one string, without field splitting (assignments, redirection targets). */
export function* expandString(m: Machine, f: Frame, word: Word): Gen<string> {
  const ps = yield* pieces(m, f, word);
  return ps.map((p) => ('fields' in p ? p.fields.join(' ') : p.s)).join('');
}

const fileSinks = new WeakSet<(t: string) => void>();

/** Does this io write into files (a redirection), rather than to the log, a pipe or a capture? */
export function writesFiles(io: Io): boolean {
  return fileSinks.has(io.out) || fileSinks.has(io.err);
}

function openForWrite(m: Machine, f: Frame, target: string, append: boolean): ((t: string) => void) | string {
  if (target === '/dev/null') return () => {};
  if (target === '/dev/stdout') return f.io.out;
  if (target === '/dev/stderr') return f.io.err;
  const path = resolvePath(f.sh.cwd, target);
  if (m.fs.isDir(path)) return `can't create ${target}: Is a directory`;
  if (!m.fs.isDir(dirname(path))) return `can't create ${target}: nonexistent directory`;
  if (!append || !m.fs.isFile(path)) m.fs.write(path, '');
  const sink = (t: string): void => m.fs.append(path, t);
  fileSinks.add(sink);
  return sink;
}

/** The io a command runs with after its redirections, or the error text (the command then fails with 1). */
export function* redirect(m: Machine, f: Frame, redirs: Redir[]): Gen<Io | string> {
  if (redirs.length === 0) return f.io;
  const io: Io = { ...f.io };
  for (const r of redirs) {
    const target = yield* expandString(m, f, r.target);
    if ((r.op === '>&' || r.op === '<&') && /^(\d+|-)$/.test(target)) {
      const src = target === '-' ? () => {} : target === '1' ? io.out : target === '2' ? io.err : undefined;
      if (src && r.fd === 1) io.out = src;
      else if (src && r.fd === 2) io.err = src;
      continue;
    }
    if (r.op === '<' || r.op === '<&') {
      const content = m.fs.read(resolvePath(f.sh.cwd, target));
      if (content === undefined) return `can't open ${target}: no such file`;
      io.stdin = content;
      continue;
    }
    const sink = openForWrite(m, f, target, r.op === '>>');
    if (typeof sink === 'string') return sink;
    if (r.op === '>&') io.out = io.err = sink; // bash's `>& file`
    else if (r.fd === 1) io.out = sink;
    else if (r.fd === 2) io.err = sink;
  }
  return io;
}
