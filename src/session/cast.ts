// `kubesim replay FILE --cast OUT.cast`: the dashboard rendered without a terminal into an asciicast v2 file
// (https://docs.asciinema.org/manual/asciicast/v2/). The dashboard's renderApp draws into a stream that looks
// like a TTY and stamps every write with the *simulated* clock, so the same recording gives the same file.
// The simulation advances in fixed simulated steps with a frame flushed after each; time between frames is the
// simulated time divided by the speed, with idle gaps capped at --idle-limit (asciinema's own idle_time_limit).
// Recipe: /work/shared/reference/simulators-ink-immer.md §2.5 (Ink 6 reads CI once: start.ts's renderApp clears it).

import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { loadReplay, type ReplayOptions } from './replay.js';

export interface CastOptions extends ReplayOptions {
  columns?: number;
  rows?: number;
  /** Longest gap between two frames in the cast, ms (default 2 s). */
  idleLimitMs?: number;
  /** Simulated time per frame, ms (default 1 s). */
  stepMs?: number;
  /** Stop after this much simulated time even if the script is still playing (default 24 h). */
  maxMs?: number;
  /** Simulated time to keep rendering after the script ends (default 3 s). */
  tailMs?: number;
}

export interface CastResult {
  /** Output events written. */
  events: number;
  /** Length of the cast, seconds. */
  duration: number;
  warnings: string[];
}

/** The terminal the dashboard draws on: a TTY of a fixed size whose writes are collected with a time. */
class CastTerminal extends EventEmitter {
  isTTY = true;
  chunks: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
    this.chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  }
  take(): string {
    const s = this.chunks.join('');
    this.chunks = [];
    return s;
  }
}

/** A keyboard nobody types on: a TTY stdin (Ink's useInput wants raw mode) that never sends anything. */
function silentKeyboard(): NodeJS.ReadStream {
  const s = new PassThrough() as unknown as NodeJS.ReadStream & { isTTY: boolean; setRawMode: (on: boolean) => unknown };
  s.isTTY = true;
  s.setRawMode = () => s;
  (s as unknown as { ref: () => void; unref: () => void }).ref = () => undefined;
  (s as unknown as { ref: () => void; unref: () => void }).unref = () => undefined;
  return s;
}

const settle = () => new Promise<void>((r) => setImmediate(r));

/** Renders the cast as text (header line + one JSON event per line). */
export async function renderCast(file: string, opts: CastOptions = {}): Promise<{ text: string } & CastResult | { error: string }> {
  const loaded = loadReplay(file, opts);
  if ('error' in loaded) return loaded;
  const { sim, warnings } = loaded;
  const columns = opts.columns ?? 120;
  const rows = opts.rows ?? 36;
  const idle = (opts.idleLimitMs ?? 2000) / 1000;
  const step = opts.stepMs ?? 1000;
  const speed = sim.speed;
  const start = sim.state.now;
  const header = {
    version: 2,
    width: columns,
    height: rows,
    timestamp: Math.floor(start / 1000),
    title: `kubesim replay ${basename(file)}`,
    env: { TERM: 'xterm-256color', SHELL: '/bin/sh' },
  };
  const lines = [JSON.stringify(header)];
  const term = new CastTerminal(columns, rows);
  const { renderApp, ManualClock } = await import('../ui/start.js');
  const clock = new ManualClock();
  const handle = await renderApp({ sim, stdout: term as unknown as NodeJS.WriteStream, stdin: silentKeyboard(), columns, rows, clock, tickMs: 0, maxFps: 1000 });
  let castTime = 0;
  let lastSim = start;
  let events = 0;
  const frame = async () => {
    await settle();
    handle.writer.flush();
    const data = term.take();
    if (data === '') return;
    // The first frame is at 0; later ones after the simulated gap at this speed, capped at the idle limit.
    castTime += Math.min((sim.state.now - lastSim) / 1000 / speed, idle);
    lastSim = sim.state.now;
    lines.push(JSON.stringify([Math.round(castTime * 1e6) / 1e6, 'o', data]));
    events++;
  };
  try {
    await frame();
    const maxMs = opts.maxMs ?? 24 * 3_600_000;
    while (sim.playing && sim.state.now - start < maxMs) {
      sim.advance(step);
      clock.advance(step / speed);
      await frame();
    }
    for (let t = 0; t < (opts.tailMs ?? 3000); t += step) {
      sim.advance(step);
      clock.advance(step / speed);
      await frame();
    }
  } finally {
    handle.unmount();
  }
  return { text: lines.join('\n') + '\n', events, duration: castTime, warnings };
}

/** Writes the cast to `out`. */
export async function exportCast(file: string, out: string, opts: CastOptions = {}): Promise<CastResult | { error: string }> {
  const r = await renderCast(file, opts);
  if ('error' in r) return r;
  try {
    writeFileSync(out, r.text);
  } catch (e) {
    return { error: `error: cannot write ${out}: ${(e as Error).message}` };
  }
  return { events: r.events, duration: r.duration, warnings: r.warnings };
}
