import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram, reportInternalError } from '../../src/cli/program.js';

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('kubesim command line', () => {
  it('an internal error prints one line and leaves the stack in a report file', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const err = new Error('tick went backwards');
    reportInternalError(err);
    expect(written).toHaveLength(1);
    const m = /^kubesim: internal error: tick went backwards \(report written to (.+)\)\n$/.exec(written[0]);
    expect(m).not.toBeNull();
    const report = readFileSync(m![1], 'utf8');
    expect(report).toContain(err.stack!);
    expect(process.exitCode).toBe(70);
  });

  it('registers run, replay and demo with their options documented', () => {
    const program = buildProgram();
    const names = program.commands.map((c) => c.name());
    expect(names).toEqual(['run', 'replay', 'demo']);
    const run = program.commands[0];
    const flags = run.options.map((o) => o.long);
    for (const f of ['--for', '--output', '--keep-going', '--quiet', '--seed', '--nodes', '--start', '--node-grace', '--eviction-timeout']) expect(flags).toContain(f);
    expect(run.helpInformation()).toContain('print the final state');
  });
});
