// Taking the terminal over and giving it back. Ink 6 has no alternate-screen option, so the escapes are written
// here; restore() is idempotent and is called on every way out (quit, signal, crash, closed terminal).

import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Alternate screen on, cleared, cursor home and hidden. */
export const ENTER_SCREEN = '\x1b[?1049h\x1b[2J\x1b[H\x1b[?25l';
/** Cursor shown, alternate screen off (the shell's screen comes back as it was). */
export const LEAVE_SCREEN = '\x1b[?25h\x1b[?1049l';

export class Terminal {
  private entered = false;

  constructor(
    private stdout: NodeJS.WriteStream,
    private stdin: NodeJS.ReadStream,
  ) {}

  enter(): void {
    this.entered = true;
    this.stdout.write(ENTER_SCREEN);
  }

  /** Leaves the alternate screen, shows the cursor, leaves raw mode. Safe to call twice or on a dead stream. */
  restore(): void {
    if (!this.entered) return;
    this.entered = false;
    try {
      if (this.stdin.isTTY) this.stdin.setRawMode(false);
    } catch {
      // stdin may already be closed
    }
    try {
      if (this.stdout.writable && !this.stdout.destroyed) this.stdout.write(LEAVE_SCREEN);
    } catch {
      // the terminal is gone: nothing to restore
    }
  }
}

/** Writes what a bug report needs to a file in the temp directory; returns its path (or undefined). */
export function writeCrashReport(err: unknown, details: string[]): string | undefined {
  const e = err instanceof Error ? err : new Error(String(err));
  const file = join(tmpdir(), `kubesim-crash-${process.pid}.txt`);
  try {
    writeFileSync(file, ['kubesim dashboard crash', `node ${process.version}`, `argv: ${JSON.stringify(process.argv.slice(2))}`, '', e.stack ?? e.message, '', ...details, ''].join('\n'));
    return file;
  } catch {
    return undefined;
  }
}

/** The one paragraph printed after a crash, once the terminal is back. */
export function crashMessage(err: unknown, report: string | undefined): string {
  const message = err instanceof Error ? err.message : String(err);
  const where = report ? `The full report was written to ${report}` : 'The report could not be written';
  return `kubesim: the dashboard crashed: ${message}. The terminal has been restored. ${where}; please attach it to a bug report.\n`;
}
