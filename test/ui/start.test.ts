// startDashboard on fake TTY streams: the terminal is taken and given back on every way out, and a crash leaves a
// report file and one paragraph on stderr (exit 1).
import { existsSync, readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { setupSimulation } from '../../src/ui/setup.js';
import { runDashboard, startDashboard } from '../../src/ui/start.js';
import { ENTER_SCREEN, LEAVE_SCREEN } from '../../src/ui/terminal.js';

function tty() {
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 100, rows: 30 }) as unknown as NodeJS.WriteStream & PassThrough;
  const out: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  const raw: boolean[] = [];
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode: (on: boolean) => raw.push(on),
    ref: () => stdin,
    unref: () => stdin,
  }) as unknown as NodeJS.ReadStream & PassThrough;
  const stderr = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream & PassThrough;
  const err: string[] = [];
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  return { stdout, stdin, stderr, out, err, raw };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Until the dashboard has drawn its first frame. */
async function drawn(out: string[]): Promise<void> {
  for (let i = 0; i < 200 && !out.join('').includes('pods(default)'); i++) await wait(50);
}

describe('startDashboard', () => {
  it('refuses to start without a terminal', async () => {
    const t = tty();
    const code = await startDashboard({ files: [], stdout: Object.assign(t.stdout, { isTTY: false }), stdin: t.stdin, stderr: t.stderr });
    expect(code).toBe(1);
    expect(t.err.join('')).toContain('kubesim: the dashboard needs a terminal; for output without one use "kubesim run FILES..."');
  });

  it('a missing file is reported before the screen is taken', async () => {
    const t = tty();
    const code = await startDashboard({ files: ['nope.yaml'], stdout: t.stdout, stdin: t.stdin, stderr: t.stderr });
    expect(code).toBe(1);
    expect(t.err.join('')).toContain('error: the path "nope.yaml" does not exist');
    expect(t.out.join('')).not.toContain(ENTER_SCREEN);
  });

  it('q quits with 0 and gives the terminal back', async () => {
    const t = tty();
    const done = startDashboard({ files: [], stdout: t.stdout, stdin: t.stdin, stderr: t.stderr });
    await drawn(t.out);
    const screen = t.out.join('');
    expect(screen.startsWith(ENTER_SCREEN)).toBe(true);
    expect(screen).toContain('pods(default)');
    t.stdin.write('q');
    expect(await done).toBe(0);
    expect(t.out.join('').endsWith(LEAVE_SCREEN)).toBe(true);
    expect(t.raw.at(-1)).toBe(false);
  });

  it('a closed terminal (stdin ends) gives the terminal back and exits 0', async () => {
    const t = tty();
    const done = startDashboard({ files: [], stdout: t.stdout, stdin: t.stdin, stderr: t.stderr });
    await drawn(t.out);
    t.stdin.end();
    expect(await done).toBe(0);
    expect(t.out.join('')).toContain(LEAVE_SCREEN);
  });

  it('a crash restores the terminal, writes a report and says where, and exits 1', async () => {
    const t = tty();
    const setup = setupSimulation({ files: [] });
    if ('error' in setup) throw new Error(setup.error);
    const { sim } = setup;
    const done = runDashboard({ sim, stdout: t.stdout, stdin: t.stdin, stderr: t.stderr });
    await drawn(t.out);
    // A node without metadata: the printers throw while drawing, as a bug would.
    sim.state = { ...sim.state, tables: { ...sim.state.tables, Node: { ...sim.state.tables.Node, '0': { broken: { kind: 'Node' } } } } };
    const quiet = console.error;
    console.error = () => {};
    try {
      sim.advance(1);
      expect(await done).toBe(1);
    } finally {
      console.error = quiet;
    }
    expect(t.out.join('')).toContain(LEAVE_SCREEN);
    expect(t.raw.at(-1)).toBe(false);
    const message = t.err.join('');
    expect(message).toMatch(/^kubesim: the dashboard crashed: .+\. The terminal has been restored\. The full report was written to (\S+kubesim-crash-\d+\.txt); please attach it to a bug report\.\n$/);
    const file = /written to (\S+);/.exec(message)![1];
    expect(existsSync(file)).toBe(true);
    const report = readFileSync(file, 'utf8');
    expect(report).toContain('simulated time: 2025-01-01T00:00:');
    expect(report).toContain('TypeError');
  });
});
