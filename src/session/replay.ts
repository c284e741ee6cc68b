// A recording (or demo) made ready to play on a Simulation: the cluster its header describes (unless the caller
// overrides seed/start/nodes) and its lines queued on the simulated clock, `-f` paths found from the file's
// directory. The TUI replay, `kubesim demo` and the asciicast export all start here.

import { dirname, resolve } from 'node:path';
import { createCluster } from '../cluster/engine.js';
import type { SimConfig } from '../cluster/state.js';
import { readScriptText, type RecordingHeader } from './recording.js';
import { Simulation, type ScriptLine } from './simulation.js';

export interface ReplayOptions {
  seed?: number;
  start?: number;
  nodes?: number;
  /** Playback speed; default the recording's own (its header), else 1. */
  speed?: number;
  config?: Partial<SimConfig>;
  historyMs?: number;
}

export interface Replay {
  sim: Simulation;
  header?: RecordingHeader;
  /** Warnings to show (a recording cut off mid-line). */
  warnings: string[];
  /** How many lines were queued. */
  lines: number;
}

export function loadReplay(file: string, opts: ReplayOptions = {}, cwd = process.cwd()): Replay | { error: string } {
  const path = resolve(cwd, file);
  const text = readScriptText(path, file);
  if ('error' in text) return text;
  const h = text.header;
  const state = createCluster({ seed: opts.seed ?? h?.seed, start: opts.start ?? h?.start, nodes: opts.nodes ?? h?.nodes, config: opts.config });
  const baseDir = dirname(path);
  const sim = new Simulation({ state, baseDir, speed: opts.speed ?? h?.speed ?? 1, historyMs: opts.historyMs });
  const lines: ScriptLine[] = text.lines.map(({ line, text: t }) => ({ text: t, line, baseDir }));
  sim.play(lines);
  return { sim, header: h, warnings: text.warnings, lines: lines.length };
}
