// Every key press lands here: the mode decides who gets it (a dialog, the `:` or `/` prompt, or the screen's
// keymap). The keymap is the same data the help page and the header hints show.

import { actionFor, isPrintable, keyName, pageBindings, tableBindings } from '../keys/index.js';
import { splitChunk, type InkKey } from '../keys/names.js';
import { dialogKey } from '../state/dialog.js';
import { suggestion } from '../state/prompt.js';
import { topFrame } from '../state/types.js';
import { submitDialog } from './cluster.js';
import { runCommand } from './command.js';
import { flash, type ActionContext } from './context.js';
import { startSearch } from './page.js';
import { perform } from './perform.js';
import { quoteWord } from '../../cli/script/words.js';

function promptKey(ctx: ActionContext, key: string, input: string, printable: boolean): 'enter' | 'esc' | undefined {
  const s = ctx.store.state;
  switch (key) {
    case 'esc':
      return 'esc';
    case 'enter':
      return 'enter';
    case 'backspace':
      ctx.store.dispatch({ type: 'prompt', text: s.prompt.slice(0, -1) });
      return undefined;
    case 'ctrl-u':
    case 'ctrl-w':
      ctx.store.dispatch({ type: 'prompt', text: '' });
      return undefined;
  }
  if (printable) ctx.store.dispatch({ type: 'prompt', text: s.prompt + input });
  return undefined;
}

export function handleInput(ctx: ActionContext, input: string, inkKey: InkKey): void {
  if (input.length > 1 && !input.includes('\x1b') && !inkKey.ctrl && !inkKey.meta) {
    for (const [ch, k] of splitChunk(input)) handleInput(ctx, ch, k);
    return;
  }
  const key = keyName(input, inkKey);
  const printable = isPrintable(input, inkKey);
  const s = ctx.store.state;
  switch (s.mode) {
    case 'dialog': {
      if (!s.dialog) return ctx.store.dispatch({ type: 'dialog', dialog: undefined });
      const { dialog, result } = dialogKey(s.dialog, key, printable ? input : '');
      if (result === 'cancel') {
        ctx.store.dispatch({ type: 'dialog', dialog: undefined });
        return flash(ctx, `${dialog.title}: cancelled`);
      }
      if (result === 'submit') return submitDialog(ctx, dialog);
      ctx.store.dispatch({ type: 'dialog', dialog });
      return;
    }
    case 'command': {
      if (key === 'tab' || (key === 'right' && s.prompt !== '')) {
        const rest = suggestion(s.prompt, ctx.sim.view);
        if (rest) ctx.store.dispatch({ type: 'prompt', text: s.prompt + rest + (key === 'tab' ? ' ' : '') });
        return;
      }
      if (key === 'up' || key === 'down') return ctx.store.dispatch({ type: 'history', delta: key === 'up' ? -1 : 1 });
      const done = promptKey(ctx, key, input, printable);
      if (!done) return;
      const text = s.prompt;
      ctx.store.dispatch({ type: 'mode', mode: 'normal' });
      if (done === 'enter') runCommand(ctx, text);
      return;
    }
    case 'filter': {
      const done = promptKey(ctx, key, input, printable);
      const text = ctx.store.state.prompt;
      if (!done) {
        // Filters as you type (k9s applies the buffer on every change).
        ctx.store.dispatch({ type: 'filter', filter: text });
        return;
      }
      if (done === 'esc') {
        ctx.store.dispatch({ type: 'filter', filter: s.filterBefore ?? '' });
        ctx.store.dispatch({ type: 'mode', mode: 'normal' });
        return;
      }
      ctx.store.dispatch({ type: 'mode', mode: 'normal' });
      ctx.ui.note(text === '' ? 'ui filter' : `ui filter ${quoteWord('/' + text)}`);
      return;
    }
    case 'search': {
      const done = promptKey(ctx, key, input, printable);
      if (!done) return;
      const text = ctx.store.state.prompt;
      ctx.store.dispatch({ type: 'mode', mode: 'normal' });
      if (done === 'enter') startSearch(ctx, text);
      return;
    }
    case 'normal': {
      const top = topFrame(s);
      const bindings = top.type === 'page' ? pageBindings() : tableBindings(ctx.model.view);
      const binding = actionFor(bindings, key);
      if (binding) return perform(ctx, binding.action);
      if (key.length === 1 && key !== ' ') flash(ctx, `No key "${key}" here: press ? for the keys of this screen`, 'warn');
      return;
    }
  }
}
