// Runs a corpus case through the headless runner in-process: files are written to a scratch directory first.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runHeadless, type RunOptions, type RunResult } from '../../src/cli/run.js';
import type { BadInputCase, FileContent } from './cases.js';

export function writeFiles(dir: string, files: Record<string, FileContent>): void {
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, typeof content === 'function' ? content() : content);
  }
}

export function scratchDir(files: Record<string, FileContent>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-bad-'));
  writeFiles(dir, files);
  return dir;
}

export interface CaseRun extends RunResult {
  out: string[];
  err: string[];
}

export function runIn(dir: string, files: string[], opts: Partial<RunOptions> = {}): CaseRun {
  const out: string[] = [];
  const err: string[] = [];
  const r = runHeadless({ files, seed: 1, cwd: dir, ...opts }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { ...r, out, err };
}

export type CaseInput = Omit<BadInputCase, 'expectedStderr' | 'expectedExit'>;
