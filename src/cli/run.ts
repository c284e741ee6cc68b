// `kubesim run SCRIPT|MANIFEST... [--for D] [-o table|wide|json|yaml]`: the headless runner. Manifests are
// applied, scripts played line by line (like `sh -e`: the first failing line stops the run unless --keep-going),
// then time runs on for --for, then the final state is printed. Every problem names its place as FILE:LINE.

import { statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { KubeObject } from '../cluster/api/types.js';
import { ALL_KINDS } from '../cluster/api/types.js';
import { createCluster } from '../cluster/engine.js';
import { byNamespaceAndName } from '../cluster/printers/common.js';
import { asList, toJson, toYaml } from '../cluster/printers/output.js';
import { printGetAll, printTable } from '../cluster/printers/table.js';
import type { SimConfig, State } from '../cluster/state.js';
import { listObjects } from '../cluster/store.js';
import { executeCommand, type Output } from './execute.js';
import { formatScriptLine, parseScriptLine } from './script/parse.js';
import type { ScriptCommand } from './script/types.js';
import { quoteWord } from './script/words.js';
import { readScriptText, recordingHeader } from '../session/recording.js';

export type FinalOutput = 'table' | 'wide' | 'json' | 'yaml';

export interface RunOptions {
  files: string[];
  /** Advance this long after everything has run. */
  forMs?: number;
  output?: FinalOutput;
  seed?: number;
  nodes?: number;
  start?: number;
  config?: Partial<SimConfig>;
  keepGoing?: boolean;
  /** Print only the final state and errors (no command echo, no command output). */
  quiet?: boolean;
  /** Where relative paths on the command line start (the working directory). */
  cwd?: string;
}

export interface RunIO {
  out(line: string): void;
  err(line: string): void;
}

export interface RunResult {
  exitCode: number;
  state: State;
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Manifests (by extension, or a directory of them) are applied; anything else is a script. */
export function isManifestPath(path: string): boolean {
  if (MANIFEST_EXTENSIONS.has(extname(path).toLowerCase())) return true;
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** One command to run, with where it came from (`script.ksim:12`) and the directory its paths are relative to. */
export interface Step {
  where: string;
  command: ScriptCommand;
  baseDir: string;
}

/** Reads and parses a whole script first, so a typo on line 50 is reported before 49 lines have run. */
function loadScript(file: string, cwd: string, io: RunIO): { steps: Step[]; errors: number } {
  const path = resolve(cwd, file);
  // A recording (src/session/recording.ts) is a script with a header; its cut-off last line is dropped with a warning.
  const text = readScriptText(path, file);
  if ('error' in text) {
    io.err(text.error);
    return { steps: [], errors: 1 };
  }
  text.warnings.forEach((w) => io.err(w));
  const steps: Step[] = [];
  let errors = 0;
  for (const { line, text: lineText } of text.lines) {
    const parsed = parseScriptLine(lineText);
    if ('error' in parsed) {
      const [first, ...rest] = parsed.error.split('\n');
      io.err(`${file}:${line}: ${first}`);
      rest.forEach((l) => io.err(l));
      errors++;
      continue;
    }
    if (parsed.type !== 'comment') steps.push({ where: `${file}:${line}`, command: parsed, baseDir: dirname(path) });
  }
  return { steps, errors };
}

/**
 * The steps for the files on a command line: a manifest (or directory) becomes `kubectl apply -f FILE`, a
 * script its lines. Parse errors are reported through `io` and counted. The dashboard preloads files with this too.
 */
export function loadFiles(files: string[], cwd: string, io: RunIO): { steps: Step[]; parseErrors: number } {
  const steps: Step[] = [];
  let parseErrors = 0;
  for (const file of files) {
    if (isManifestPath(resolve(cwd, file))) {
      const command = parseScriptLine(`kubectl apply -f ${quoteWord(file)}`);
      if ('error' in command) throw new Error(command.error);
      steps.push({ where: file, command, baseDir: cwd });
      continue;
    }
    const loaded = loadScript(file, cwd, io);
    parseErrors += loaded.errors;
    steps.push(...loaded.steps);
  }
  return { steps, parseErrors };
}

/** The line a command is echoed as before its output (`$ kubectl get pods`), so a transcript reads like a shell session. */
function echo(cmd: ScriptCommand): string | undefined {
  return cmd.type === 'kubectl' || cmd.type === 'wait' || cmd.type === 'node' ? `$ ${formatScriptLine(cmd)}` : undefined;
}

export interface PlayOptions {
  keepGoing?: boolean;
  /** No command echo and no stdout output (errors still go to `io.err`). */
  quiet?: boolean;
}

/** Runs steps in order like `sh -e`: the first failing one stops the play unless keepGoing. */
export function playSteps(state: State, steps: Step[], io: RunIO, opts: PlayOptions = {}): { state: State; failures: number } {
  let failures = 0;
  for (const step of steps) {
    const e = echo(step.command);
    if (e && !opts.quiet) io.out(e);
    const result: Output = executeCommand({ state, baseDir: step.baseDir, namespace: 'default' }, step.command);
    state = result.state;
    if (!opts.quiet) result.lines.forEach((l) => io.out(l));
    result.errors.forEach((l) => io.err(l));
    if (!result.failed) continue;
    failures++;
    const what = step.command.type === 'kubectl' ? `"${step.command.text}" failed` : 'the command failed';
    if (!opts.keepGoing) {
      io.err(`${step.where}: ${what}; stopping (--keep-going runs the rest)`);
      break;
    }
    io.err(`${step.where}: ${what}; continuing (--keep-going)`);
  }
  return { state, failures };
}

export function runHeadless(opts: RunOptions, io: RunIO): RunResult {
  const cwd = opts.cwd ?? process.cwd();
  // A recording's header gives the cluster it was made on, unless the command line says otherwise.
  const header = recordingHeader(opts.files.filter((f) => !isManifestPath(resolve(cwd, f))), cwd);
  if (header && 'error' in header) {
    io.err(header.error);
    return { exitCode: 1, state: createCluster({ seed: opts.seed, start: opts.start, nodes: opts.nodes, config: opts.config }) };
  }
  let state = createCluster({ seed: opts.seed ?? header?.seed, start: opts.start ?? header?.start, nodes: opts.nodes ?? header?.nodes, config: opts.config });
  const { steps, parseErrors } = loadFiles(opts.files, cwd, io);
  if (parseErrors > 0 && !opts.keepGoing) return { exitCode: 1, state };
  const played = playSteps(state, steps, io, opts);
  state = played.state;
  if (played.failures > 0 && !opts.keepGoing) return { exitCode: 1, state };
  if (opts.forMs !== undefined && opts.forMs > 0) {
    state = executeCommand({ state, baseDir: cwd, namespace: 'default' }, { type: 'wait', ms: opts.forMs }).state;
  }
  if (opts.output) printFinalState(state, opts.output, io);
  return { exitCode: played.failures > 0 || parseErrors > 0 ? 1 : 0, state };
}

/** Every object of every kind, kinds in ALL_KINDS order (Node first, Event last), then by namespace/name. */
export function allObjects(state: State): KubeObject[] {
  return ALL_KINDS.flatMap((kind) => [...(listObjects(state, kind) as KubeObject[])].sort(byNamespaceAndName));
}

export function printFinalState(state: State, output: FinalOutput, io: RunIO): void {
  const emit = (text: string) => {
    if (text === '') return;
    (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n').forEach((l) => io.out(l));
  };
  if (output === 'json') return emit(toJson(asList(allObjects(state))));
  if (output === 'yaml') return emit(toYaml(asList(allObjects(state))));
  const wide = output === 'wide';
  const all = printGetAll(state, 'default', { wide });
  emit(all);
  if (all !== '') io.out('');
  emit(printTable('Node', listObjects(state, 'Node'), { now: state.now, state, wide }));
}
