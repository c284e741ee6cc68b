// Following `ui …` lines from a replayed recording (Simulation.onUi) or typed after `:`. They move the dashboard
// the way the recorded user did; they are not written again.

import { objectKey } from '../../cluster/store.js';
import { currentTable } from '../state/types.js';
import { VIEWS } from '../views/index.js';
import { flash, type ActionContext } from './context.js';
import { enter, knownView, openPage, toggleEvents, toggleWide } from './navigate.js';
import { resolveView } from '../views/index.js';

/** The key of `name` in the table on screen (a container row: the pod's key plus the container). */
function keyIn(ctx: ActionContext, name: string): string {
  const frame = currentTable(ctx.store.state);
  if (frame.scope?.type === 'pod') return `${frame.scope.key}/${name}`;
  const view = VIEWS[frame.view];
  return view.kind ? objectKey(view.kind, 'default', name) : name;
}

export function applyUi(ctx: ActionContext, word: string, args: string[]): void {
  switch (word) {
    case 'view': {
      const view = knownView(args[0] ?? '') ?? resolveView(args[0] ?? '');
      if (!view) return flash(ctx, `ui view: unknown view "${args[0] ?? ''}"`, 'error');
      ctx.ui.reset();
      ctx.store.dispatch({ type: 'view', view });
      return;
    }
    case 'filter': {
      const filter = args.join(' ').replace(/^\//, '');
      ctx.store.dispatch({ type: 'filter', filter });
      return;
    }
    case 'select': {
      const name = args[0];
      if (name === undefined) return;
      const key = keyIn(ctx, name);
      const index = ctx.model.rows.findIndex((r) => r.key === key);
      ctx.store.dispatch({ type: 'select', key, index: Math.max(0, index) });
      return;
    }
    case 'page': {
      const page = args[0];
      if (page === 'describe' || page === 'yaml' || page === 'logs' || page === 'previous-logs') return openPage(ctx, page, false);
      return flash(ctx, `ui page: unknown page "${page ?? ''}" (describe, yaml, logs, previous-logs)`, 'error');
    }
    case 'drill':
      return enter(ctx, false);
    case 'back':
      // A recorded `ui back` always left a screen (clearing a filter is recorded as `ui filter`).
      ctx.store.dispatch({ type: 'back' });
      return;
    case 'wide':
      return toggleWide(ctx, false);
    case 'events':
      return toggleEvents(ctx, false);
    case 'sort': {
      const [column, dir] = args;
      if (!column) return;
      const view = currentTable(ctx.store.state).view;
      ctx.store.dispatch({ type: 'sort', view, column, flip: false, defaultAsc: dir !== 'desc' });
      return;
    }
    default:
      flash(ctx, `ui: unknown word "${word}"`, 'error');
  }
}
