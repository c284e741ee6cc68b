// What a busybox applet of the tiny shell gets to work with, and the helpers they share.

import type { Fs } from './shell-fs.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Standard input: the text piped in, or null when there is none (a container without `stdin: true`). */
  stdin: string | null;
}

export interface UtilContext {
  fs: Fs;
  cwd: string;
  io: Io;
  /** The running shell's name, which ash puts before the messages of its builtin `test`/`[`. */
  shellName: string;
  /** Exported environment, for env/printenv (computed only when asked for). */
  env: () => [string, string][];
  nowEpochMs: number;
  hostname: string;
}

/** Runs with argv[1..]; returns the exit status. */
export type Utility = (args: string[], ctx: UtilContext) => number;

export const NOENT = 'No such file or directory';

/** Splits leading `-xyz` flags (until `--` or the first operand). */
export function flags(args: string[], known: string): { set: Set<string>; rest: string[] } {
  const set = new Set<string>();
  let i = 0;
  for (; i < args.length && /^-[A-Za-z]+$/.test(args[i]) && [...args[i].slice(1)].every((c) => known.includes(c)); i++) {
    for (const c of args[i].slice(1)) set.add(c);
  }
  if (args[i] === '--') i++;
  return { set, rest: args.slice(i) };
}

