// Completion for the `:` prompt (k9s ui/prompt.go shows the suggestion greyed after the cursor; tab or → takes it).
// The prompt takes view names and every script line, so it completes both: views, script verbs, kubectl verbs,
// resource names and the names of live objects.

import type { Kind } from '../../cluster/api/types.js';
import { ALL_KINDS } from '../../cluster/api/types.js';
import { RESOURCES, resolveResource } from '../../cluster/printers/resources.js';
import type { State } from '../../cluster/state.js';
import { listObjects } from '../../cluster/store.js';
import { viewWords } from '../views/index.js';

const FIRST_WORDS = ['kubectl', 'node', 'wait', 'say', 'quit', 'help'];
const KUBECTL_VERBS = [
  'get', 'describe', 'logs', 'apply', 'create', 'delete', 'label', 'annotate', 'patch', 'scale', 'set', 'cordon',
  'uncordon', 'drain', 'wait', 'rollout', 'version', 'api-resources', 'api-versions',
];
const KIND_VERBS = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'patch', 'scale', 'wait']);
const NODE_VERBS = new Set(['cordon', 'uncordon', 'drain']);
const NODE_OPS = ['kill', 'restore', 'delete', 'add'];

function resourceWords(): string[] {
  return ALL_KINDS.flatMap((k) => [RESOURCES[k].plural, ...RESOURCES[k].shortNames]);
}

function names(state: State, kind: Kind): string[] {
  return listObjects(state, kind)
    .map((o) => o.metadata.name)
    .sort();
}

/** What the last word of `text` is chosen from: a list of words in order, or the names of a kind's objects. */
function source(text: string): string[] | Kind {
  const words = text.split(' ');
  const i = words.length - 1;
  const [w0, w1, w2] = words;
  if (i === 0) return [...viewWords(), ...FIRST_WORDS];
  if (w0 === 'kubectl') {
    if (i === 1) return KUBECTL_VERBS;
    if (NODE_VERBS.has(w1)) return 'Node';
    if (w1 === 'logs' && i === 2) return 'Pod';
    if (KIND_VERBS.has(w1)) {
      if (i === 2) return resourceWords();
      const kind = resolveResource(w2);
      if (i === 3 && kind) return kind;
    }
    return [];
  }
  if (w0 === 'node') {
    if (i === 1) return NODE_OPS;
    if (i === 2 && w1 !== 'add') return 'Node';
  }
  return [];
}

/** The candidates for the last word of `text`. */
export function candidates(text: string, state: State): string[] {
  const s = source(text);
  return typeof s === 'string' ? names(state, s) : s;
}

/**
 * The rest of the first candidate that extends the last word, or '' (shown greyed after the cursor). Names are
 * not sorted for it (this runs every frame while typing, and a kind may have 150,000 objects): the first in
 * sorted order is the smallest.
 */
export function suggestion(text: string, state: State): string {
  const last = text.slice(text.lastIndexOf(' ') + 1);
  if (last === '' && !text.includes(' ')) return '';
  const s = source(text);
  let match: string | undefined;
  if (typeof s !== 'string') match = s.find((c) => c.startsWith(last) && c !== last);
  else {
    for (const o of listObjects(state, s)) {
      const name = o.metadata.name;
      if (name.startsWith(last) && name !== last && (match === undefined || name < match)) match = name;
    }
  }
  return match ? match.slice(last.length) : '';
}
