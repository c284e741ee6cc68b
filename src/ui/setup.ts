// What the dashboard opens on: the command line's manifests applied and scripts queued to play on the simulated
// clock, or with no files the built-in demo cluster (fixtures/demo/setup.ksim), so the screen is alive at once.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCluster } from '../cluster/engine.js';
import type { SimConfig } from '../cluster/state.js';
import { isManifestPath } from '../cli/run.js';
import { parseScriptLine } from '../cli/script/parse.js';
import { logicalLines, quoteWord } from '../cli/script/words.js';
import { Simulation, type Recorder, type ScriptLine } from '../session/simulation.js';

export interface SetupOptions {
  files: string[];
  nodes?: number;
  seed?: number;
  speed?: number;
  start?: number;
  config?: Partial<SimConfig>;
  /** Simulated history kept for rewinding, ms. */
  history?: number;
  recorder?: Recorder;
  cwd?: string;
}

export interface Setup {
  sim: Simulation;
  /** Problems to show once the dashboard is up (a manifest that failed to apply). */
  warnings: string[];
  /** Script lines to play once the dashboard is on screen (so it follows their `ui` lines from the first). */
  script: ScriptLine[];
}

/** fixtures/demo, found from this module in src/ (tests) and dist/src/ (the built CLI), as catalog.ts does. */
export function demoDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++, dir = dirname(dir)) {
    const path = join(dir, 'fixtures', 'demo');
    if (existsSync(join(path, 'setup.ksim'))) return path;
  }
  return undefined;
}

/** A path as a recording should hold it: relative to the working directory when inside it. */
function pathFor(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** A script file's lines, each knowing its directory; a file that cannot be read is an error. */
export function readScript(path: string): ScriptLine[] | { error: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { error: `${path}: cannot read the script: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}` };
  }
  const baseDir = dirname(resolve(path));
  const lines: ScriptLine[] = [];
  for (const { line, text: lineText } of logicalLines(text)) {
    const parsed = parseScriptLine(lineText);
    if ('error' in parsed) return { error: `${path}:${line}: ${parsed.error.split('\n')[0]}` };
    lines.push({ text: lineText, line, baseDir });
  }
  return lines;
}

/**
 * Runs the demo's setup lines through Simulation.run (so a recording starts with them), with `-f` paths rewritten
 * to be found from the working directory.
 */
function runDemo(sim: Simulation, cwd: string, warnings: string[]): void {
  const dir = demoDir();
  if (!dir) {
    warnings.push('The demo cluster (fixtures/demo) is missing from this installation: starting empty');
    return;
  }
  const script = readScript(join(dir, 'setup.ksim'));
  if ('error' in script) {
    warnings.push(script.error);
    return;
  }
  for (const { text } of script) {
    const parsed = parseScriptLine(text);
    if ('error' in parsed || parsed.type === 'comment') continue;
    let line = text;
    if (parsed.type === 'kubectl' && parsed.command.verb === 'apply') {
      line = `kubectl apply ${parsed.command.files.map((f) => `-f ${quoteWord(pathFor(resolve(dir, f), cwd))}`).join(' ')}`;
    }
    const out = sim.run(line);
    if ('error' in out) warnings.push(out.error);
    else if (out.failed) warnings.push(...out.errors);
  }
}

export function setupSimulation(opts: SetupOptions): Setup | { error: string } {
  const cwd = opts.cwd ?? process.cwd();
  const state = createCluster({ seed: opts.seed, start: opts.start, nodes: opts.nodes, config: opts.config });
  const sim = new Simulation({ state, baseDir: cwd, speed: opts.speed, historyMs: opts.history, recorder: opts.recorder });
  const warnings: string[] = [];
  if (opts.files.length === 0) {
    runDemo(sim, cwd, warnings);
    return { sim, warnings, script: [] };
  }
  const scripts: ScriptLine[] = [];
  for (const file of opts.files) {
    const path = resolve(cwd, file);
    if (isManifestPath(path)) {
      if (!existsSync(path)) return { error: `error: the path "${file}" does not exist` };
      const out = sim.run(`kubectl apply -f ${quoteWord(pathFor(path, cwd))}`);
      if ('error' in out) warnings.push(out.error);
      else if (out.failed) warnings.push(...out.errors);
      continue;
    }
    const lines = readScript(path);
    if ('error' in lines) return lines;
    scripts.push(...lines);
  }
  return { sim, warnings, script: scripts };
}
