// The syntax tree of the tiny container shell (shell-parse.ts builds it, shell-exec.ts runs it).

export type Part =
  | { t: 'lit'; s: string; q: boolean }
  | { t: 'param'; name: string; q: boolean; op?: string; arg?: Word }
  | { t: 'sub'; cmd: Cmd; src: string; q: boolean }
  | { t: 'arith'; expr: Word; q: boolean };
/** A word before expansion; `q` marks quoted parts (not field-split). */
export type Word = Part[];

export interface Redir {
  fd: number;
  op: '>' | '>>' | '<' | '>&' | '<&';
  target: Word;
}

export type Cmd =
  | { t: 'simple'; assigns: { name: string; value: Word }[]; words: Word[]; redirs: Redir[] }
  | { t: 'list'; items: { cmd: Cmd; bg: boolean }[] }
  | { t: 'andor'; first: Cmd; rest: { op: '&&' | '||'; cmd: Cmd }[] }
  | { t: 'pipe'; cmds: Cmd[]; negate: boolean }
  | { t: 'if'; arms: { cond: Cmd; body: Cmd }[]; else?: Cmd; redirs: Redir[] }
  | { t: 'loop'; until: boolean; cond: Cmd; body: Cmd; redirs: Redir[]; src: string }
  | { t: 'for'; name: string; words?: Word[]; body: Cmd; redirs: Redir[] }
  | { t: 'group'; body: Cmd; subshell: boolean; redirs: Redir[] };

/** The complete commands parsed before any syntax error, and that error (ash runs the ones before it). */
export interface Script {
  cmds: Cmd[];
  error?: string;
}

export class ShellSyntaxError extends Error {}

export function listOf(cmds: Cmd[]): Cmd {
  return { t: 'list', items: cmds.map((cmd) => ({ cmd, bg: false })) };
}
