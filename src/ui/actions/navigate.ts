// Moving around: the selection, drill-down and back, views, sorting, wide, the events pane, pages and help.
// Each user move that changes the screen is also written as a `ui …` line for recordings.

import type { Kind } from '../../cluster/api/types.js';
import { splitKey } from '../../cluster/store.js';
import { quoteWord } from '../../cli/script/words.js';
import { pageBindings, tableBindings } from '../keys/index.js';
import { helpText } from '../state/page-text.js';
import { sortOf } from '../state/reducer.js';
import { moveSelection } from '../state/table.js';
import { topFrame, type PageKind } from '../state/types.js';
import { VIEWS } from '../views/index.js';
import type { ViewName } from '../views/types.js';
import { currentView, flash, selectedItem, type ActionContext } from './context.js';

export function moveBy(ctx: ActionContext, delta: number): void {
  const { rows, selectedIndex } = ctx.model;
  const next = moveSelection(rows, selectedIndex, delta);
  ctx.store.dispatch({ type: 'select', key: next.key, index: next.index });
  const row = next.key !== undefined ? rows[next.index] : undefined;
  ctx.ui.select(row ? nameOf(row.key) : undefined, ctx.clock.now());
}

/** The name a `ui select` line uses: the object's name (a container row: the container's). */
export function nameOf(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

export function switchView(ctx: ActionContext, view: ViewName, filter?: string): void {
  ctx.ui.reset();
  ctx.store.dispatch({ type: 'view', view, filter });
  ctx.ui.note(`ui view ${view}`);
  if (filter) ctx.ui.note(`ui filter ${quoteWord('/' + filter)}`);
}

/** Enter: drill into the selected row, or describe it when the view has nowhere to go. */
export function enter(ctx: ActionContext, record = true): void {
  const item = selectedItem(ctx);
  if (!item) return;
  const target = currentView(ctx).drill?.(item, ctx.sim.view);
  if (!target) {
    openPage(ctx, 'describe', record);
    return;
  }
  if (record) ctx.ui.note('ui drill');
  ctx.store.dispatch({ type: 'drill', view: target.view, scope: target.scope });
}

/** esc: clears the filter if there is one, else goes back (k9s view/browser.go resetCmd). */
export function back(ctx: ActionContext, record = true): void {
  const s = ctx.store.state;
  const top = topFrame(s);
  if (top.type === 'table' && top.filter !== '') {
    ctx.store.dispatch({ type: 'filter', filter: '' });
    if (record) ctx.ui.note('ui filter');
    return;
  }
  if (s.stack.length <= 1) return;
  ctx.store.dispatch({ type: 'back' });
  if (record) ctx.ui.note('ui back');
}

const PAGE_TITLES: Record<PageKind, string> = {
  describe: 'describe',
  yaml: 'yaml',
  logs: 'logs',
  'previous-logs': 'logs(previous)',
  output: 'output',
  help: 'help',
};

/** `d`, `y`, `l`, `p`: a live page about the selected object (a container row: its pod, that container's logs). */
export function openPage(ctx: ActionContext, page: 'describe' | 'yaml' | 'logs' | 'previous-logs', record = true): void {
  const item = selectedItem(ctx);
  if (!item || !item.kind || !item.objKey) {
    flash(ctx, 'Nothing selected', 'warn');
    return;
  }
  const kind: Kind = item.kind;
  const view = currentView(ctx);
  const isContainer = view.name === 'containers';
  if ((page === 'logs' || page === 'previous-logs') && kind !== 'Pod') {
    flash(ctx, `Logs are for pods and containers, not ${view.name}`, 'warn');
    return;
  }
  const container = isContainer ? nameOf(item.key) : undefined;
  const name = splitKey(item.objKey).name;
  const what = isContainer && (page === 'describe' || page === 'yaml') ? `pod ${name}` : container ? `${name}:${container}` : name;
  if (record) ctx.ui.note(`ui page ${page}`);
  ctx.store.dispatch({
    type: 'page',
    page: { page, kind, key: item.objKey, container, title: `${PAGE_TITLES[page]}(${what})`, follow: page === 'logs' || page === 'previous-logs' },
  });
}

export function openHelp(ctx: ActionContext): void {
  const top = topFrame(ctx.store.state);
  const onPage = top.type === 'page';
  const bindings = onPage ? pageBindings() : tableBindings(ctx.model.view);
  const title = onPage ? top.title : ctx.model.view.name;
  const extra = [
    'COMMANDS (after :)',
    '  po rc rs ds sts job cj no ev pvc   switch view (full names work too), e.g. :rs or :pods /kubia',
    '  kubectl …, node kill|restore|add NAME, wait 30s   run a script line, e.g. :kubectl scale rs kubia --replicas=5',
    '  q, quit   quit',
    '',
    'FILTERS (after /)',
    '  /regex   rows whose cells match      /!regex   rows that do not match      /-l app=kubia   a label selector',
  ];
  ctx.store.dispatch({ type: 'page', page: { page: 'help', title: 'help', text: helpText(title, bindings, extra) } });
}

/** shift-n/a/s/o: sort by a column; the same key again flips the order. */
export function sortBy(ctx: ActionContext, column: string | undefined, record = true): void {
  const view = ctx.model.view;
  if (column === undefined || !view.columns.some((c) => c.name === column)) {
    flash(ctx, `${view.name} have no ${column ?? 'such'} column to sort by`, 'warn');
    return;
  }
  // Ages read best newest first; names and states A→Z.
  ctx.store.dispatch({ type: 'sort', view: view.name, column, flip: true, defaultAsc: true });
  const sort = sortOf(ctx.store.state, view.name);
  if (record) ctx.ui.note(`ui sort ${quoteWord(column)} ${sort.asc ? 'asc' : 'desc'}`);
}

/** The column shift-o sorts by: the one picked with shift-←/→, else the current sort column. */
export function pickedColumn(ctx: ActionContext): string | undefined {
  const view = ctx.model.view;
  const i = ctx.store.state.column[view.name];
  if (i !== undefined && ctx.model.columns[i] !== undefined) return view.columns[ctx.model.columns[i]].name;
  return sortOf(ctx.store.state, view.name).column;
}

export function moveColumn(ctx: ActionContext, delta: number): void {
  const view = ctx.model.view;
  const count = ctx.model.columns.length;
  if (count === 0) return;
  const current = ctx.store.state.column[view.name] ?? Math.max(0, ctx.model.columns.findIndex((i) => view.columns[i].name === sortOf(ctx.store.state, view.name).column));
  ctx.store.dispatch({ type: 'column', view: view.name, index: Math.max(0, Math.min(count - 1, current + delta)) });
}

export function toggleWide(ctx: ActionContext, record = true): void {
  ctx.store.dispatch({ type: 'wide' });
  if (record) ctx.ui.note('ui wide');
}

export function toggleEvents(ctx: ActionContext, record = true): void {
  ctx.store.dispatch({ type: 'events' });
  if (record) ctx.ui.note('ui events');
}

/** The view a name opens, checked against the registry (for `ui view` lines from recordings). */
export function knownView(name: string): ViewName | undefined {
  return (Object.keys(VIEWS) as ViewName[]).find((v) => v === name);
}
