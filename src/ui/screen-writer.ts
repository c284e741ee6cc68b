// Puts Ink's frames on the alternate screen, rewriting only the lines that changed, each addressed absolutely
// (`ESC[row;1H`), inside a synchronized-update block, at most maxFps times a second.
//
// Why not Ink's own `incrementalRendering`: in Ink 6.8 its line diff moves the cursor up one line too few when the
// frame ends in a newline (log-update.js: `cursorUp(previousVisible - 1)` from the row below the frame), so every
// frame lands a row lower — seen in tmux as a table creeping down the screen. And Ink's standard renderer erases
// and rewrites the whole frame every time (the flicker k9s users complain about, k9s #4107). So Ink renders in its
// `debug` mode (a whole frame per write, no cursor movement of its own) into this writer, which owns the screen.
// An unchanged frame writes nothing; a changed cell rewrites one line.
//
// The dashboard itself (render.tsx) hands over its lines directly (`lines`), and Ink's own frames are discarded:
// Ink's renderer costs more than a frame's budget at 200×50 (see ansi.ts). `frame` takes Ink-style whole frames.

const BSU = '\x1b[?2026h';
const ESU = '\x1b[?2026l';
/** Writes that are only control sequences (cli-cursor's show/hide) are not frames. */
// eslint-disable-next-line no-control-regex
const CONTROL_ONLY = /^(\x1b\[[0-9;?]*[A-Za-z])+$/;

export interface ScreenWriterOptions {
  maxFps: number;
}

export class ScreenWriter {
  private previous: string[] = [];
  private last: string[] | undefined;
  private pending: string[] | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastFlush = -Infinity;
  private clearFirst = true;
  private stopped = false;
  /** Bytes written to the terminal so far (tests check an unchanged frame costs nothing). */
  bytes = 0;

  constructor(
    private out: NodeJS.WriteStream,
    private opts: ScreenWriterOptions,
  ) {}

  /**
   * The stream Ink renders into: the terminal's size and resize events, this writer's write(). With `discard`,
   * Ink's frames go nowhere (the screen is drawn through `lines`).
   */
  stream(opts: { discard?: boolean } = {}): NodeJS.WriteStream {
    const out = this.out;
    const fake = {
      isTTY: true,
      get columns() {
        return out.columns;
      },
      get rows() {
        return out.rows;
      },
      write: (chunk: string | Uint8Array): boolean => {
        const s = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        if (s === '' || opts.discard || CONTROL_ONLY.test(s)) return true;
        this.frame(s);
        return true;
      },
      on: (event: string, fn: (...a: unknown[]) => void) => (out.on(event, fn), fake),
      off: (event: string, fn: (...a: unknown[]) => void) => (out.off(event, fn), fake),
      once: (event: string, fn: (...a: unknown[]) => void) => (out.once(event, fn), fake),
      removeListener: (event: string, fn: (...a: unknown[]) => void) => (out.removeListener(event, fn), fake),
      emit: () => true,
    };
    return fake as unknown as NodeJS.WriteStream;
  }

  /** A new frame from Ink: drawn now, or at the end of the current frame interval. */
  frame(text: string): void {
    this.lines(text.replace(/\n$/, '').split('\n'));
  }

  /** A new frame as its lines (top to bottom, escapes included): drawn now, or at the end of the frame interval. */
  lines(lines: string[]): void {
    if (this.stopped) return;
    this.pending = lines;
    const interval = 1000 / Math.max(1, this.opts.maxFps);
    const wait = this.lastFlush + interval - performance.now();
    if (wait <= 0) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), wait);
  }

  /** The screen no longer shows the last frame (after a resize or $EDITOR): the next flush redraws everything. */
  invalidate(): void {
    this.previous = [];
    this.clearFirst = true;
  }

  /** Writes the pending frame (or, after invalidate, the last one) at once. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.lastFlush = performance.now();
    const lines = this.pending ?? (this.clearFirst ? this.last : undefined);
    this.pending = undefined;
    if (lines === undefined || this.stopped) return;
    this.last = lines;
    const rows = this.out.rows || lines.length;
    const parts: string[] = [];
    if (this.clearFirst) parts.push('\x1b[0m\x1b[2J');
    const full = this.clearFirst;
    this.clearFirst = false;
    for (let i = 0; i < Math.min(lines.length, rows); i++) {
      if (!full && lines[i] === this.previous[i]) continue;
      // Erase first, then write: erasing after a full-width line would eat its last column (pending wrap).
      parts.push(`\x1b[${i + 1};1H\x1b[0m\x1b[2K${lines[i]}\x1b[0m`);
    }
    for (let i = lines.length; i < Math.min(this.previous.length, rows); i++) parts.push(`\x1b[${i + 1};1H\x1b[0m\x1b[2K`);
    this.previous = lines;
    if (parts.length === 0) return;
    const data = BSU + parts.join('') + ESU;
    this.bytes += Buffer.byteLength(data);
    this.out.write(data);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
