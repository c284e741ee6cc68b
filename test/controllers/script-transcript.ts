// Plays a test/scripts/*.ksim session through the headless runner (--seed 1) and lets a test look at what each
// command printed, as in a terminal transcript. Shared by the script tests of every controller.
import { resolve } from 'node:path';
import { runHeadless } from '../../src/cli/run.js';

const ROOT = resolve(import.meta.dirname, '../..');

export interface Transcript {
  exitCode: number;
  out: string[];
  err: string[];
  /** The lines a command printed: the `nth` time `$ command` appears. */
  section(command: string, nth?: number): string[];
}

export function play(script: string): Transcript {
  const out: string[] = [];
  const err: string[] = [];
  const { exitCode } = runHeadless({ files: [resolve(ROOT, 'test/scripts', script)], seed: 1, cwd: ROOT }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return {
    exitCode,
    out,
    err,
    section(command, nth = 0) {
      let seen = -1;
      const start = out.findIndex((l) => l === `$ ${command}` && ++seen === nth);
      if (start < 0) throw new Error(`"$ ${command}" (#${nth + 1}) is not in the transcript:\n${out.join('\n')}`);
      const end = out.findIndex((l, i) => i > start && l.startsWith('$ '));
      return out.slice(start + 1, end < 0 ? undefined : end);
    },
  };
}

/** A kubectl table as rows of named cells (columns are separated by at least two spaces). */
export function table(lines: string[]): Record<string, string>[] {
  const [header, ...rows] = lines;
  const names = header.trim().split(/ {2,}/);
  return rows.map((r) => Object.fromEntries(r.trim().split(/ {2,}/).map((cell, i) => [names[i], cell])));
}
