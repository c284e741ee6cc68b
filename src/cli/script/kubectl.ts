// `kubectl VERB ...` → KubectlCommand. Verbs follow kubectl's command tree; a verb kubectl has but kubesim does
// not simulate says so, and an unknown one gets cobra's "unknown command" with its "Did you mean" suggestion.

import { KubectlError, flagsFor } from './args.js';
import { FlagError } from './flags.js';
import { parseDescribe, parseGet, parseLogs } from './kubectl-read.js';
import { parseLabel, parseNodeVerb, parseSetImage } from './kubectl-meta.js';
import { parseRollout, parseWait } from './kubectl-wait.js';
import { parseApply, parseCreate, parseDelete, parsePatch, parseScale } from './kubectl-write.js';
import type { KubectlCommand } from './types.js';

const SUPPORTED = [
  'get', 'describe', 'logs', 'apply', 'create', 'delete', 'label', 'annotate', 'patch', 'scale', 'set',
  'cordon', 'uncordon', 'drain', 'wait', 'rollout', 'version', 'api-resources', 'api-versions',
];

/** Real kubectl commands kubesim does not simulate, with what to do instead. */
const NOT_SIMULATED: Record<string, string> = {
  edit: 'kubesim cannot open an editor: use "kubectl patch", "kubectl label", "kubectl scale", or change the manifest and "kubectl apply -f" it',
  exec: 'kubesim containers are simulated: there is no shell to exec into (use "kubectl logs" to see what they print)',
  'port-forward': 'kubesim has no network to forward ports from',
  proxy: 'kubesim has no API server to proxy',
  attach: 'kubesim containers are simulated: there is nothing to attach to (use "kubectl logs")',
  cp: 'kubesim containers have no file system to copy from',
};
const OTHER_KUBECTL = [
  'run', 'expose', 'top', 'explain', 'autoscale', 'config', 'taint', 'replace', 'diff', 'events', 'debug', 'auth',
  'certificate', 'cluster-info', 'kustomize', 'plugin', 'completion', 'alpha', 'options',
];

/** Levenshtein distance, for cobra's suggestions (SuggestionsMinimumDistance = 2). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

/** cobra's "Did you mean this?" block: commands within distance 2 or starting with the typed word. */
export function suggestions(word: string, candidates: string[]): string[] {
  const w = word.toLowerCase();
  return candidates.filter((c) => distance(w, c) <= 2 || c.startsWith(w));
}

function unknownCommand(word: string, parent: string, candidates: string[]): KubectlError {
  const near = suggestions(word, candidates);
  const hint = near.length > 0 ? `\nDid you mean this?\n${near.map((s) => `\t${s}`).join('\n')}` : undefined;
  return new KubectlError(`unknown command "${word}" for "${parent}"`, hint);
}

/** Skips global flags written before the verb (`kubectl -n default get pods`) and moves them after it. */
function verbFirst(words: string[]): string[] {
  const before: string[] = [];
  let i = 0;
  while (i < words.length && words[i].startsWith('-')) {
    const w = words[i];
    before.push(w);
    if ((w === '-n' || w === '--namespace') && i + 1 < words.length) before.push(words[++i]);
    i++;
  }
  if (i >= words.length) return words;
  return [words[i], ...before, ...words.slice(i + 1)];
}

function parseVerb(words: string[]): KubectlCommand {
  const [verb, ...args] = verbFirst(words);
  switch (verb) {
    case 'get': return parseGet(args);
    case 'describe': return parseDescribe(args);
    case 'logs':
    case 'log': return parseLogs(args);
    case 'apply': return parseApply('apply', args);
    case 'create': return parseCreate(args);
    case 'delete': return parseDelete(args);
    case 'label': return parseLabel('label', args);
    case 'annotate': return parseLabel('annotate', args);
    case 'patch': return parsePatch(args);
    case 'scale': return parseScale(args);
    case 'set':
      if (args[0] === 'image') return parseSetImage(args.slice(1));
      if (args[0] === undefined) throw new KubectlError('kubectl set needs a subcommand: kubesim simulates "kubectl set image"');
      throw new KubectlError(`kubesim simulates "kubectl set image" only, not "kubectl set ${args[0]}"`);
    case 'cordon':
    case 'uncordon':
    case 'drain': return parseNodeVerb(verb, args);
    case 'wait': return parseWait(args);
    case 'rollout': return parseRollout(args);
    case 'version':
    case 'api-resources':
    case 'api-versions':
      flagsFor(verb, args, [{ name: 'output', short: 'o', type: 'string' }, { name: 'client', type: 'bool' }]);
      return { verb };
    case undefined:
      throw new KubectlError('kubectl needs a command, e.g. "kubectl get pods"');
  }
  if (NOT_SIMULATED[verb]) throw new KubectlError(NOT_SIMULATED[verb]);
  if (OTHER_KUBECTL.includes(verb)) throw new KubectlError(`kubesim does not simulate "kubectl ${verb}"`);
  throw unknownCommand(verb, 'kubectl', [...SUPPORTED, ...Object.keys(NOT_SIMULATED), ...OTHER_KUBECTL]);
}

/** The words after `kubectl`, as a command or the text kubectl would print for the mistake. */
export function parseKubectl(words: string[]): KubectlCommand | { error: string } {
  try {
    return parseVerb(words);
  } catch (e) {
    if (e instanceof KubectlError) return { error: `error: ${e.message}${e.hint ? `\n${e.hint}` : ''}` };
    if (e instanceof FlagError) return { error: `error: ${e.message}` };
    throw e;
  }
}
