// One `.ksim` line → ScriptCommand. The language, one command per line:
//   kubectl ...                 any kubectl command kubesim simulates (see kubectl.ts)
//   wait DURATION               let simulated time pass: 30s, 2m, 1h30m
//   node kill|restore|delete N  power a node off / on, or remove it
//   node add NAME [k=v ...]     add a Ready node with labels
//   say "text"                  a caption (printed as `== text`)
//   ui WORD ARGS...             dashboard navigation kept in recordings (ignored headless)
//   # comment                   blank lines and comments are ignored
// Words are split as a POSIX shell splits them (words.ts). The TUI's `:` command line uses the same parser.

import { parseDuration } from '../../cluster/util/time.js';
import { parseKubectl, suggestions } from './kubectl.js';
import { labelKeyError, labelValueError } from './selector.js';
import type { ParseResult, ScriptCommand } from './types.js';
import { quoteWord, splitWords } from './words.js';

const SCRIPT_VERBS = ['kubectl', 'wait', 'node', 'say', 'ui'];

function err(message: string): { error: string } {
  return { error: message };
}

export function parseScriptLine(line: string): ParseResult {
  const split = splitWords(line);
  if ('error' in split) return err(`error: ${split.error}`);
  const { words } = split;
  if (words.length === 0) return { type: 'comment', text: split.comment ?? '' };
  const [verb, ...args] = words;
  switch (verb) {
    case 'kubectl': {
      const cmd = parseKubectl(args);
      if ('error' in cmd) return cmd;
      return { type: 'kubectl', text: words.map(quoteWord).join(' '), command: cmd };
    }
    case 'wait':
      return parseWaitLine(args);
    case 'node':
      return parseNodeLine(args);
    case 'say':
      if (args.length === 0) return err('error: say needs a text, e.g. say "Now we delete a pod"');
      return { type: 'say', text: args.join(' ') };
    case 'ui':
      if (args.length === 0) return err('error: ui needs a word, e.g. "ui view pods"');
      return { type: 'ui', word: args[0], args: args.slice(1) };
  }
  const near = suggestions(verb, SCRIPT_VERBS);
  const hint = near.length > 0 ? ` (did you mean "${near[0]}"?)` : ` (a line starts with ${SCRIPT_VERBS.join(', ')} or #)`;
  return err(`error: unknown command "${verb}"${hint}`);
}

function parseWaitLine(args: string[]): ParseResult {
  if (args.length !== 1) return err('error: wait takes one duration, e.g. "wait 30s", "wait 2m", "wait 1h30m"');
  const ms = parseDuration(args[0]);
  if (ms === undefined || ms < 0) return err(`error: invalid duration "${args[0]}"`);
  return { type: 'wait', ms };
}

function parseNodeLine(args: string[]): ParseResult {
  const [op, name, ...rest] = args;
  const usage = 'error: expected "node kill|restore|delete NAME" or "node add NAME [key=value ...]"';
  if (op === undefined || name === undefined) return err(usage);
  if (op === 'kill' || op === 'restore' || op === 'delete') {
    if (rest.length > 0) return err(`error: node ${op} takes one node name, got ${args.length - 1}`);
    return { type: 'node', op, name };
  }
  if (op !== 'add') return err(`error: unknown node operation "${op}"; ${usage.slice('error: '.length)}`);
  const labels: Record<string, string> = {};
  for (const kv of rest) {
    const i = kv.indexOf('=');
    if (i <= 0) return err(`error: invalid label spec: ${kv}`);
    const key = kv.slice(0, i);
    const value = kv.slice(i + 1);
    const problem = labelKeyError(key) ?? labelValueError(value);
    if (problem) return err(`error: invalid label "${kv}": ${problem}`);
    labels[key] = value;
  }
  return { type: 'node', op: 'add', name, labels };
}

/** `2m`, `1h30m`, `1m30s`, `500ms`: a duration as a script spells it (parseDuration reads it back). */
export function formatDuration(ms: number): string {
  if (ms % 1000 !== 0) return `${ms}ms`;
  const parts: [number, string][] = [
    [Math.floor(ms / 3_600_000), 'h'],
    [Math.floor((ms % 3_600_000) / 60_000), 'm'],
    [(ms % 60_000) / 1000, 's'],
  ];
  const text = parts.filter(([n]) => n > 0).map(([n, u]) => `${n}${u}`).join('');
  return text === '' ? '0s' : text;
}

/**
 * A command as a script line, e.g. for saving a recording: parseScriptLine(formatScriptLine(c)) gives `c` back.
 */
export function formatScriptLine(cmd: ScriptCommand): string {
  switch (cmd.type) {
    case 'comment':
      return cmd.text === '' ? '' : `#${cmd.text}`;
    case 'kubectl':
      return cmd.text;
    case 'wait':
      return `wait ${formatDuration(cmd.ms)}`;
    case 'node':
      if (cmd.op !== 'add') return `node ${cmd.op} ${quoteWord(cmd.name)}`;
      return ['node', 'add', quoteWord(cmd.name), ...Object.entries(cmd.labels).map(([k, v]) => quoteWord(`${k}=${v}`))].join(' ');
    case 'say':
      return `say ${quoteWord(cmd.text)}`;
    case 'ui':
      return ['ui', cmd.word, ...cmd.args].map(quoteWord).join(' ');
  }
}
