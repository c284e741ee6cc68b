// Writing a recording: the Simulation calls `line(text, at)` for every change the user makes (and `ui …` lines
// for navigation); the file gets `wait` lines for the simulated time between them, so `kubesim run FILE` and
// `kubesim replay FILE` play the same session on the same clock. Each line is appended (and flushed by the OS)
// as it happens: a crash or ctrl-c loses nothing already done. The lines are also kept in memory so that a
// rewind (`rewound(to)`) can rewrite the file to what is still true.

import { appendFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parseScriptLine } from '../cli/script/parse.js';
import { quoteWord, splitWords } from '../cli/script/words.js';
import { createCluster } from '../cluster/engine.js';
import type { State } from '../cluster/state.js';
import { listObjects } from '../cluster/store.js';
import { rfc3339 } from '../cluster/util/time.js';
import { RECORDING_MAGIC, RECORDING_VERSION } from './recording.js';
import type { Recorder } from './simulation.js';

export interface RecorderOptions {
  /** The cluster as the session starts (seed, clock and node count are read from it). */
  state?: State;
  /** Or the options it was created with (default: createCluster's defaults). */
  seed?: number;
  start?: number;
  nodes?: number;
  speed?: number;
  /** Where the session's relative `-f` paths start (the Simulation's baseDir; default the working directory). */
  baseDir?: string;
}

interface Entry {
  text: string;
  at: number;
}

/** `wait 1m30s`, `wait 2m`, `wait 36s650ms`: exact to the millisecond, so the replay's clock matches. */
export function waitLine(ms: number): string {
  const parts: string[] = [];
  const units: [string, number][] = [['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]];
  let rest = ms;
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n}${unit}`);
  }
  return `wait ${parts.join('') || '0s'}`;
}

export class FileRecorder implements Recorder {
  readonly path: string;
  private readonly header: string[];
  private readonly baseDir: string;
  private entries: Entry[] = [];
  /** Simulated time the file has reached (the last line's time, or the start). */
  private until: number;

  constructor(path: string, opts: RecorderOptions = {}) {
    this.path = resolve(path);
    this.baseDir = opts.baseDir ?? process.cwd();
    const state = opts.state ?? createCluster({ seed: opts.seed, start: opts.start, nodes: opts.nodes });
    this.until = state.now;
    this.header = [
      `# ${RECORDING_MAGIC} v${RECORDING_VERSION}`,
      `# seed: ${state.seed}`,
      `# start: ${rfc3339(state.now)}`,
      `# nodes: ${opts.nodes ?? listObjects(state, 'Node').length}`,
      `# speed: ${opts.speed ?? 1}`,
    ];
    writeFileSync(this.path, this.header.map((l) => l + '\n').join(''));
  }

  line(text: string, at: number): void {
    const out: Entry[] = [];
    if (at > this.until) out.push({ text: waitLine(at - this.until), at });
    out.push({ text: this.rewrite(text), at });
    this.until = Math.max(this.until, at);
    this.entries.push(...out);
    appendFileSync(this.path, out.map((e) => e.text + '\n').join(''));
  }

  rewound(to: number): void {
    // The cluster goes back to `to`, the dashboard does not: the `ui …` lines since stay, moved to `to`, so the
    // replay resumes on the screen the user resumed on (dropped, it showed the screen of before the rewind).
    const navigation = this.entries.filter((e) => e.at > to && /^ui\s/.test(e.text)).map((e) => ({ text: e.text, at: to }));
    this.entries = this.entries.filter((e) => e.at <= to);
    const last = this.entries.reduce((t, e) => Math.max(t, e.at), this.startTime());
    if (to > last) this.entries.push({ text: waitLine(to - last), at: to });
    this.entries.push({ text: `# rewound to ${rfc3339(to)}: later lines were dropped`, at: to }, ...navigation);
    this.until = to;
    writeFileSync(this.path, [...this.header, ...this.entries.map((e) => e.text)].map((l) => l + '\n').join(''));
  }

  /** A closing `wait` up to `at`, so a replay ends where the live session ended, not at its last action. */
  end(at: number): void {
    if (at <= this.until) return;
    const entry = { text: waitLine(at - this.until), at };
    this.until = at;
    this.entries.push(entry);
    appendFileSync(this.path, entry.text + '\n');
  }

  /** The lines written after the header (for tests and the rewind). */
  get lines(): string[] {
    return this.entries.map((e) => e.text);
  }

  private startTime(): number {
    return Date.parse(this.header[2].slice('# start: '.length));
  }

  /**
   * The line as it should replay: `-f` paths made relative to the recording's directory (absolute when outside
   * it), and commands that let time pass while they run (`kubectl delete` waits for the objects to be gone,
   * `kubectl wait`) turned into ones that do not, since the `wait` lines already carry that time.
   */
  private rewrite(text: string): string {
    const parsed = parseScriptLine(text);
    if ('error' in parsed || parsed.type !== 'kubectl') return text;
    const verb = parsed.command.verb;
    if (verb === 'wait' || verb === 'rollout status') return `# ${text}`;
    const split = splitWords(text);
    if ('error' in split) return text;
    const words = split.words.map((w, i, all) => {
      const prev = all[i - 1];
      if (prev === '-f' || prev === '--filename') return this.path_(w);
      const eq = /^(-f=|--filename=)(.*)$/.exec(w);
      return eq ? eq[1] + this.path_(eq[2]) : w;
    });
    if (verb === 'delete' && parsed.command.wait) words.push('--wait=false');
    return words.map(quoteWord).join(' ');
  }

  private path_(file: string): string {
    const abs = resolve(this.baseDir, file);
    const rel = relative(dirname(this.path), abs);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
  }
}

/** What the dashboard calls for `kubesim --record FILE` (src/ui/start.ts). */
export function createRecorder(path: string, opts: RecorderOptions = {}): FileRecorder {
  return new FileRecorder(path, opts);
}
