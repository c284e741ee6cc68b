// The `:` prompt: a view (`:po`, `:rs /kubia`), `:q`, `:help`, a `ui …` line, or any script line
// (`:kubectl scale rs kubia --replicas=5`, `:node kill node-2`).

import { suggestions } from '../../cli/script/kubectl.js';
import { quoteWord, splitWords } from '../../cli/script/words.js';
import { viewWords, resolveView } from '../views/index.js';
import { applyUi } from './apply-ui.js';
import { flash, runLine, type ActionContext } from './context.js';
import { openHelp, switchView } from './navigate.js';

const QUIT = new Set(['q', 'q!', 'qa', 'Q', 'quit', 'exit']);
const HELP = new Set(['help', 'h', '?']);
const SCRIPT_VERBS = new Set(['kubectl', 'node', 'wait', 'say']);

export function runCommand(ctx: ActionContext, text: string): void {
  const line = text.trim();
  if (line === '') return;
  ctx.store.dispatch({ type: 'remember', command: line });
  const split = splitWords(line);
  if ('error' in split) {
    flash(ctx, `error: ${split.error}`, 'error');
    return;
  }
  const [first, ...rest] = split.words;
  if (first === undefined) return;
  if (QUIT.has(first)) {
    ctx.store.dispatch({ type: 'quit' });
    return;
  }
  if (HELP.has(first)) {
    openHelp(ctx);
    return;
  }
  // `node kill node-2` is a script line; `node` alone (or with a filter) is the nodes view.
  const nodeLine = first === 'node' && rest.length > 0 && !rest[0].startsWith('/') && !rest[0].includes('=');
  const view = nodeLine ? undefined : resolveView(first);
  if (view) {
    // `:po /kubia` or `:po app=kubia` (k9s view/cmd/args.go): a filter after the view.
    const filter = rest.length > 0 ? rest.join(' ').replace(/^\//, '') : undefined;
    switchView(ctx, view, filter);
    flash(ctx, `Viewing ${view}${filter ? ` matching ${filter}` : ''}…`);
    return;
  }
  if (first === 'ui') {
    ctx.ui.note(['ui', ...rest].map(quoteWord).join(' '));
    applyUi(ctx, rest[0] ?? '', rest.slice(1));
    return;
  }
  if (SCRIPT_VERBS.has(first)) {
    runLine(ctx, line);
    return;
  }
  const near = suggestions(first, [...viewWords(), ...SCRIPT_VERBS, 'quit', 'help']);
  flash(ctx, `Ruroh? "${first}" is not a view or a command${near.length > 0 ? ` (did you mean "${near[0]}"?)` : ' (try :help)'}`, 'error');
}
