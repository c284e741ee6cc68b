// busybox's `test` / `[` (ash's builtin testcmd): unary file and string tests, binary string and integer
// comparisons, `!`, `-a`, `-o`. Errors go out under the shell's name (`sh: missing ]`), exit status 2.

import type { UtilContext } from './shell-applet.js';
import { resolvePath } from './shell-fs.js';

export function test(args: string[], ctx: UtilContext): number {
  const bad = (msg: string): number => {
    ctx.io.err(`${ctx.shellName}: ${msg}\n`);
    return 2;
  };
  const int = (s: string): number | string => (/^\s*-?\d+\s*$/.test(s) ? parseInt(s, 10) : `invalid number '${s}'`);
  const one = (a: string[]): boolean | string => {
    if (a[0] === '!' && a.length > 1) {
      const r = one(a.slice(1));
      return typeof r === 'string' ? r : !r;
    }
    if (a.length === 1) return a[0] !== '';
    if (a.length === 2) {
      const path = resolvePath(ctx.cwd, a[1]);
      switch (a[0]) {
        case '-n': return a[1] !== '';
        case '-z': return a[1] === '';
        case '-f': return ctx.fs.isFile(path);
        case '-d': return ctx.fs.isDir(path);
        case '-e': case '-r': case '-w': case '-x': return ctx.fs.exists(path);
        case '-s': return (ctx.fs.read(path) ?? '') !== '';
        default: return `${a[0]}: unknown operand`;
      }
    }
    if (a.length === 3) {
      const [l, op, r] = a;
      if (op === '=' || op === '==') return l === r;
      if (op === '!=') return l !== r;
      const x = int(l);
      const y = int(r);
      if (typeof x === 'string') return x;
      if (typeof y === 'string') return y;
      const cmp: Record<string, boolean> = { '-eq': x === y, '-ne': x !== y, '-lt': x < y, '-le': x <= y, '-gt': x > y, '-ge': x >= y };
      return op in cmp ? cmp[op] : `${op}: unknown operand`;
    }
    return 'syntax error';
  };
  const expr = (a: string[]): boolean | string => {
    const or = a.indexOf('-o');
    if (or > 0) {
      const l = expr(a.slice(0, or));
      return typeof l === 'string' || l ? l : expr(a.slice(or + 1));
    }
    const and = a.indexOf('-a');
    if (and > 0 && a.length > 3) {
      const l = expr(a.slice(0, and));
      return typeof l === 'string' || !l ? l : expr(a.slice(and + 1));
    }
    return a.length === 0 ? false : one(a);
  };
  const r = expr(args);
  return typeof r === 'string' ? bad(r) : r ? 0 : 1;
}

