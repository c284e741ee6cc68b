// The text of a full page (describe, YAML, logs, command output, help), computed from the state on screen every
// frame, so a describe page follows the object as the cluster changes (k9s view/live_view.go).

import type { KubeObject } from '../../cluster/api/types.js';
import { describe } from '../../cluster/printers/describe/index.js';
import { toYaml } from '../../cluster/printers/output.js';
import { notFound } from '../../cluster/printers/resources.js';
import type { State } from '../../cluster/state.js';
import { getObject, splitKey } from '../../cluster/store.js';
import { executeCommand } from '../../cli/execute.js';
import { parseScriptLine } from '../../cli/script/parse.js';
import { quoteWord } from '../../cli/script/words.js';
import { keyLabel, type KeyBinding, type Section } from '../keys/index.js';
import type { PageFrame } from './types.js';

function lines(text: string): string[] {
  const t = text.endsWith('\n') ? text.slice(0, -1) : text;
  return t === '' ? [] : t.split('\n');
}

/** `kubectl logs NAME [-c C] [-p]` run against the state on screen (reading only: the state is not kept). */
function logs(state: State, frame: PageFrame): string[] {
  const name = splitKey(frame.key ?? '').name;
  const line = `kubectl logs ${quoteWord(name)}${frame.container ? ` -c ${quoteWord(frame.container)}` : ''}${frame.page === 'previous-logs' ? ' -p' : ''}`;
  const parsed = parseScriptLine(line);
  if ('error' in parsed) return [parsed.error];
  const out = executeCommand({ state, baseDir: '.', namespace: 'default' }, parsed);
  return [...out.lines, ...out.errors];
}

export function pageLines(frame: PageFrame, state: State): string[] {
  switch (frame.page) {
    case 'output':
    case 'help':
      return lines(frame.text ?? '');
    case 'describe':
      return lines(describe(state, frame.kind!, frame.key!));
    case 'yaml': {
      const obj = getObject(state, frame.kind!, frame.key!) as KubeObject | undefined;
      return lines(obj ? toYaml(obj) : notFound(frame.kind!, splitKey(frame.key!).name));
    }
    case 'logs':
    case 'previous-logs':
      return logs(state, frame);
  }
}

/** Indexes of the lines containing `search` (case-insensitive). */
export function searchMatches(lines: string[], search: string): number[] {
  if (search === '') return [];
  const s = search.toLowerCase();
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (l.toLowerCase().includes(s)) out.push(i);
  });
  return out;
}

const SECTION_TITLES: [Section, string][] = [
  ['resource', 'RESOURCE'],
  ['general', 'GENERAL'],
  ['navigation', 'NAVIGATION'],
  ['time', 'TIME'],
];

/** The `?` page: every binding of the screen it was opened from, by section (k9s view/help.go). */
export function helpText(title: string, bindings: KeyBinding[], extra: string[] = []): string {
  const out: string[] = [`Keys for ${title}`, ''];
  for (const [section, heading] of SECTION_TITLES) {
    const list = bindings.filter((b) => b.section === section);
    if (list.length === 0) continue;
    out.push(heading);
    for (const b of list) out.push(`  ${keyLabel(b).padEnd(22)} ${b.label}${b.dangerous ? '  (asks first)' : ''}`);
    out.push('');
  }
  out.push(...extra);
  return out.join('\n');
}
