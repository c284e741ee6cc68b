// What can be told about a loop from its text alone, so that `while true; do …; sleep 1; done` (the usual
// container idiom) is known at once to run forever — and, when it writes no files, to leave the filesystem alone —
// instead of being simulated for an hour to find out.

import type { Cmd, Redir, Word } from './shell-ast.js';

/** Commands that cannot change files or end the shell (busybox applets and ash builtins). */
const HARMLESS = new Set(['echo', 'printf', 'cat', 'ls', 'date', 'sleep', 'test', '[', 'true', 'false', ':', 'seq',
  'grep', 'wc', 'env', 'printenv', 'hostname', 'pwd', 'whoami', 'uname', 'export', 'unset', 'shift', 'set', 'cd',
  'trap', 'wait', 'umask', 'ulimit', 'local', 'readonly']);
/** Builtins that leave the loop or the shell. */
const LEAVERS = new Set(['break', 'exit', 'exec', 'return', 'eval', '.', 'source']);
const QUIET_TARGETS = new Set(['/dev/null', '/dev/stdout', '/dev/stderr']);

const literal = (w: Word | undefined): string | undefined =>
  w && w.length > 0 && w.every((p) => p.t === 'lit') ? w.map((p) => (p.t === 'lit' ? p.s : '')).join('') : undefined;

interface Findings {
  /** Something might end the loop or the shell. */
  mayLeave: boolean;
  /** Something might write a file. */
  mayWrite: boolean;
}

function redirs(rs: Redir[], f: Findings): void {
  for (const r of rs) {
    words([r.target], f);
    const target = literal(r.target);
    if (r.op === '<' || r.op === '<&') continue;
    if (target === undefined || !(QUIET_TARGETS.has(target) || (r.op === '>&' && /^(\d+|-)$/.test(target)))) f.mayWrite = true;
  }
}

function words(ws: Word[], f: Findings): void {
  for (const w of ws) {
    for (const p of w) {
      if (p.t === 'sub') walk(p.cmd, f);
      else if (p.t === 'arith') {
        // Division by zero ends the shell.
        if (p.expr.some((e) => e.t !== 'lit' || /[/%]/.test(e.s))) f.mayLeave = true;
        words([p.expr], f);
      } else if (p.t === 'param') {
        if (p.op === '?' || p.op === ':?') f.mayLeave = true;
        if (p.arg) words([p.arg], f);
      }
    }
  }
}

function walk(cmd: Cmd, f: Findings): void {
  switch (cmd.t) {
    case 'simple': {
      const name = literal(cmd.words[0]);
      if (cmd.words.length > 0) {
        if (name === undefined || LEAVERS.has(name)) f.mayLeave = true;
        if (name === undefined || !HARMLESS.has(name)) f.mayWrite = true;
      }
      words(cmd.words, f);
      for (const a of cmd.assigns) words([a.value], f);
      redirs(cmd.redirs, f);
      return;
    }
    case 'list': for (const i of cmd.items) walk(i.cmd, f); return;
    case 'andor': walk(cmd.first, f); for (const r of cmd.rest) walk(r.cmd, f); return;
    case 'pipe': for (const c of cmd.cmds) walk(c, f); return;
    case 'if':
      for (const a of cmd.arms) walk(a.cond, f), walk(a.body, f);
      if (cmd.else) walk(cmd.else, f);
      redirs(cmd.redirs, f);
      return;
    case 'loop': walk(cmd.cond, f); walk(cmd.body, f); redirs(cmd.redirs, f); return;
    case 'for': words(cmd.words ?? [], f); walk(cmd.body, f); redirs(cmd.redirs, f); return;
    case 'group': walk(cmd.body, f); redirs(cmd.redirs, f); return;
  }
}

/** `true` / `:` (for while) or `false` (for until), alone. */
function alwaysContinues(cmd: Extract<Cmd, { t: 'loop' }>): boolean {
  let c = cmd.cond;
  while (c.t === 'list' && c.items.length === 1 && !c.items[0].bg) c = c.items[0].cmd;
  if (c.t !== 'simple' || c.words.length !== 1 || c.assigns.length || c.redirs.length) return false;
  const name = literal(c.words[0]);
  return cmd.until ? name === 'false' : name === 'true' || name === ':';
}

/**
 * For `while true; do BODY; done`: undefined if it might end; else whether the loop leaves the filesystem
 * untouched (`quiet`). A loop whose body cannot break, exit, exec or fail the shell never ends.
 */
export function endlessLoop(cmd: Extract<Cmd, { t: 'loop' }>): { quiet: boolean } | undefined {
  if (!alwaysContinues(cmd)) return undefined;
  const f: Findings = { mayLeave: false, mayWrite: false };
  walk(cmd.body, f);
  redirs(cmd.redirs, f);
  return f.mayLeave ? undefined : { quiet: !f.mayWrite };
}
