// What a key handler needs: the simulation, the UI store, the clock, and what is on screen right now (rows in
// their sorted order, the page's lines). Components never touch these; hooks build the context, actions use it.

import { parseScriptLine } from '../../cli/script/parse.js';
import type { Simulation } from '../../session/simulation.js';
import type { UiClock } from '../clock.js';
import type { UiStore } from '../state/store.js';
import type { Row } from '../state/table.js';
import { currentTable, type FlashLevel, type PageFrame, type TableFrame } from '../state/types.js';
import type { Item, ResourceView } from '../views/types.js';
import { VIEWS } from '../views/index.js';
import { getObject } from '../../cluster/store.js';
import type { UiLines } from './ui-lines.js';

/** The table or page as last drawn. */
export interface ScreenModel {
  view: ResourceView;
  table: TableFrame;
  /** Rows after filter and sort, in screen order. */
  rows: Row[];
  selectedIndex: number;
  /** Data rows that fit in the table. */
  tableHeight: number;
  /** Indexes of the shown columns. */
  columns: number[];
  page?: { frame: PageFrame; lines: string[]; height: number };
}

export interface ActionContext {
  sim: Simulation;
  store: UiStore;
  clock: UiClock;
  model: ScreenModel;
  ui: UiLines;
  /** Opens $EDITOR (or a test's stand-in) on text; resolves with the saved text, or undefined if it failed. */
  editor?: (text: string, name: string) => Promise<string | undefined>;
}

export function flash(ctx: Pick<ActionContext, 'store' | 'clock'>, text: string, level: FlashLevel = 'info'): void {
  ctx.store.dispatch({ type: 'flash', text, level, at: ctx.clock.now() });
}

/** The view of the table on top of the stack (a page's table underneath it). */
export function currentView(ctx: ActionContext): ResourceView {
  return VIEWS[currentTable(ctx.store.state).view];
}

/**
 * The selected row's item. Usually the highlighted row of the last frame; but `ui` lines from a replay can switch
 * view, select and open a page between two frames, so a selection the frame has not drawn yet is looked up in the
 * state directly.
 */
export function selectedItem(ctx: ActionContext): Item | undefined {
  const frame = currentTable(ctx.store.state);
  const { rows, selectedIndex, table } = ctx.model;
  const drawn = table.view === frame.view && JSON.stringify(table.scope) === JSON.stringify(frame.scope);
  if (drawn) {
    const row = selectedIndex >= 0 ? rows[selectedIndex] : undefined;
    if (row && (frame.selected === undefined || row.key === frame.selected || !rows.some((r) => r.key === frame.selected))) return row.item;
    const found = rows.find((r) => r.key === frame.selected);
    if (found) return found.item;
  }
  if (frame.selected === undefined) return undefined;
  const view = VIEWS[frame.view];
  if (frame.scope?.type === 'pod') {
    return view.list(ctx.sim.view, frame.scope).find((i) => i.key === frame.selected);
  }
  if (!view.kind) return undefined;
  const obj = getObject(ctx.sim.view, view.kind, frame.selected);
  return obj ? { key: frame.selected, obj, kind: view.kind, objKey: frame.selected } : undefined;
}

const READ_VERBS = new Set(['get', 'describe', 'logs', 'version', 'api-resources', 'api-versions']);

/** Whether a script line changes the cluster (reading kubectl verbs, `say` and comments do not). */
export function changesCluster(line: string): boolean {
  const p = parseScriptLine(line);
  if ('error' in p) return false;
  if (p.type === 'kubectl') return !READ_VERBS.has(p.command.verb);
  return p.type === 'node' || p.type === 'wait';
}

/**
 * Before the user changes the cluster: nothing may change while rewound; a script that is playing stops (the
 * viewer takes over). Returns the flash prefix to use, or undefined when the change must not happen.
 */
export function beginChange(ctx: ActionContext): string | undefined {
  const { sim } = ctx;
  if (sim.cursor !== undefined) {
    flash(ctx, 'Rewound: resume (space) before changing the cluster', 'error');
    return undefined;
  }
  ctx.ui.flush();
  if (sim.playing && sim.takeOver()) {
    sim.caption = undefined;
    return 'Took over: the rest of the script was dropped — ';
  }
  return '';
}

/**
 * Runs a script line, as typed or as a key's equivalent, through Simulation.run (so it is recorded). The outcome
 * goes to the flash line; output longer than a line or two opens as a page. Returns whether it succeeded.
 */
export function runLine(ctx: ActionContext, line: string): boolean {
  let prefix = '';
  if (changesCluster(line)) {
    const p = beginChange(ctx);
    if (p === undefined) return false;
    prefix = p;
  }
  const out = ctx.sim.run(line);
  if ('error' in out) {
    const all = out.error.split('\n');
    if (all.length > 2) ctx.store.dispatch({ type: 'page', page: { page: 'output', title: line, text: out.error } });
    flash(ctx, prefix + all[0], 'error');
    return false;
  }
  const all = [...out.lines, ...out.errors];
  if (all.length > 2) {
    ctx.store.dispatch({ type: 'page', page: { page: 'output', title: line, text: all.join('\n') } });
    flash(ctx, prefix + `${line}: ${all.length} lines`, out.failed ? 'error' : 'info');
    return !out.failed;
  }
  const text = all.length > 0 ? all.join(' · ') : `${line}: done`;
  flash(ctx, prefix + text, out.failed ? 'error' : out.errors.length > 0 ? 'warn' : 'info');
  return !out.failed;
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return i < 0 ? s : s.slice(0, i);
}
