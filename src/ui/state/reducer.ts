// The UI state reducer: pure, one action at a time. Key handling (src/ui/actions) decides *what* to do from the
// key and the rows on screen; this file only records it.

import type { Scope, Sort, ViewName } from '../views/types.js';
import { VIEWS } from '../views/index.js';
import type { Dialog } from './dialog.js';
import type { EditRequest, FlashLevel, Frame, Mode, PageFrame, TableFrame, UiState } from './types.js';
import { topFrame } from './types.js';

export type UiAction =
  /** `:po` — a fresh stack rooted at the view (k9s resets its page stack on a command). */
  | { type: 'view'; view: ViewName; filter?: string }
  /** Enter on a row: a scoped table on top. */
  | { type: 'drill'; view: ViewName; scope: Scope }
  | { type: 'page'; page: Omit<PageFrame, 'type' | 'scroll' | 'follow' | 'search' | 'match'> & { follow?: boolean } }
  | { type: 'back' }
  | { type: 'select'; key: string | undefined; index: number }
  | { type: 'filter'; filter: string }
  | { type: 'mode'; mode: Mode; prompt?: string }
  | { type: 'prompt'; text: string }
  | { type: 'history'; delta: -1 | 1 }
  | { type: 'remember'; command: string }
  | { type: 'sort'; view: ViewName; column: string; flip: boolean; defaultAsc?: boolean }
  | { type: 'column'; view: ViewName; index: number }
  | { type: 'wide'; value?: boolean }
  | { type: 'events'; value?: boolean }
  | { type: 'flash'; text: string; level: FlashLevel; at: number }
  | { type: 'clearFlash' }
  | { type: 'dialog'; dialog: Dialog | undefined }
  | { type: 'scroll'; top: number; follow: boolean }
  | { type: 'search'; text: string; match: number }
  | { type: 'match'; match: number }
  | { type: 'edit'; request: EditRequest | undefined }
  | { type: 'draft'; id: string; text: string | undefined }
  | { type: 'quit' };

function replaceTop(s: UiState, frame: Frame): UiState {
  return { ...s, stack: [...s.stack.slice(0, -1), frame] };
}

function withTable(s: UiState, fn: (f: TableFrame) => TableFrame): UiState {
  const top = topFrame(s);
  return top.type === 'table' ? replaceTop(s, fn(top)) : s;
}

function withPage(s: UiState, fn: (f: PageFrame) => PageFrame): UiState {
  const top = topFrame(s);
  return top.type === 'page' ? replaceTop(s, fn(top)) : s;
}

/** The sort in force for a view: the user's, else the view's default. */
export function sortOf(s: UiState, view: ViewName): Sort {
  return s.sorts[view] ?? VIEWS[view].defaultSort;
}

export function uiReducer(s: UiState, a: UiAction): UiState {
  switch (a.type) {
    case 'view': {
      const top = topFrame(s);
      // Asking again for the root view keeps the selection; a new view starts at the top.
      const keep = s.stack.length === 1 && top.type === 'table' && top.view === a.view && !top.scope;
      const frame: TableFrame = keep ? { ...top } : { type: 'table', view: a.view, filter: '', index: 0 };
      if (a.filter !== undefined) frame.filter = a.filter;
      return { ...s, stack: [frame], mode: 'normal', prompt: '' };
    }
    case 'drill':
      return { ...s, stack: [...s.stack, { type: 'table', view: a.view, scope: a.scope, filter: '', index: 0 }] };
    case 'page':
      return {
        ...s,
        stack: [...s.stack, { type: 'page', scroll: 0, search: '', match: 0, ...a.page, follow: a.page.follow ?? false }],
      };
    case 'back':
      return s.stack.length > 1 ? { ...s, stack: s.stack.slice(0, -1) } : s;
    case 'select':
      return withTable(s, (f) => ({ ...f, selected: a.key, index: a.index }));
    case 'filter':
      return withTable(s, (f) => ({ ...f, filter: a.filter }));
    case 'mode': {
      const top = topFrame(s);
      const filterBefore = a.mode === 'filter' && top.type === 'table' ? top.filter : s.filterBefore;
      return { ...s, mode: a.mode, prompt: a.prompt ?? '', historyIndex: undefined, filterBefore };
    }
    case 'prompt':
      return { ...s, prompt: a.text };
    case 'history': {
      if (s.history.length === 0) return s;
      const from = s.historyIndex ?? s.history.length;
      const index = Math.max(0, Math.min(s.history.length, from + a.delta));
      return { ...s, historyIndex: index, prompt: index === s.history.length ? '' : s.history[index] };
    }
    case 'remember': {
      const history = s.history.filter((h) => h !== a.command);
      history.push(a.command);
      return { ...s, history: history.slice(-100), historyIndex: undefined };
    }
    case 'sort': {
      const cur = sortOf(s, a.view);
      // Pressing the same sort key again flips the order (k9s view/table.go sortColCmd).
      const asc = a.flip && cur.column === a.column ? !cur.asc : (a.defaultAsc ?? true);
      return { ...s, sorts: { ...s.sorts, [a.view]: { column: a.column, asc } } };
    }
    case 'column':
      return { ...s, column: { ...s.column, [a.view]: a.index } };
    case 'wide':
      return { ...s, wide: a.value ?? !s.wide };
    case 'events':
      return { ...s, events: a.value ?? !s.events };
    case 'flash':
      return { ...s, flash: { text: a.text, level: a.level, at: a.at } };
    case 'clearFlash':
      return s.flash ? { ...s, flash: undefined } : s;
    case 'dialog':
      return { ...s, dialog: a.dialog, mode: a.dialog ? 'dialog' : 'normal' };
    case 'scroll':
      return withPage(s, (f) => ({ ...f, scroll: Math.max(0, a.top), follow: a.follow }));
    case 'search':
      return withPage(s, (f) => ({ ...f, search: a.text, match: a.match }));
    case 'match':
      return withPage(s, (f) => ({ ...f, match: a.match }));
    case 'edit':
      return { ...s, edit: a.request };
    case 'draft': {
      const drafts = { ...s.drafts };
      if (a.text === undefined) delete drafts[a.id];
      else drafts[a.id] = a.text;
      return { ...s, drafts };
    }
    case 'quit':
      return { ...s, quit: true };
  }
}
