// Action name → what it does. The one switch between the keymaps (data) and the action modules.

import type { ActionName } from '../keys/types.js';
import { topFrame } from '../state/types.js';
import { askDelete, askDrain, askNodeAdd, askNodeKill, askScale, askTrigger, cordon, kill, nodeRestore, showNode, startEdit, toggleSuspend } from './cluster.js';
import type { ActionContext } from './context.js';
import { back, enter, moveBy, moveColumn, openHelp, openPage, pickedColumn, sortBy, toggleEvents, toggleWide } from './navigate.js';
import { nextMatch, scrollBy, scrollTo } from './page.js';
import { changeSpeed, rewind, step, togglePause } from './time.js';

export function perform(ctx: ActionContext, action: ActionName): void {
  const onPage = topFrame(ctx.store.state).type === 'page';
  const pageSize = Math.max(1, (onPage ? ctx.model.page?.height : ctx.model.tableHeight) ?? 1);
  switch (action) {
    case 'up':
      return onPage ? scrollBy(ctx, -1) : moveBy(ctx, -1);
    case 'down':
      return onPage ? scrollBy(ctx, 1) : moveBy(ctx, 1);
    case 'pageUp':
      return onPage ? scrollBy(ctx, -pageSize) : moveBy(ctx, -pageSize);
    case 'pageDown':
      return onPage ? scrollBy(ctx, pageSize) : moveBy(ctx, pageSize);
    case 'top':
      return onPage ? scrollTo(ctx, 'top') : moveBy(ctx, -Infinity);
    case 'bottom':
      return onPage ? scrollTo(ctx, 'bottom') : moveBy(ctx, Infinity);
    case 'enter':
      return enter(ctx);
    case 'back':
      return back(ctx);
    case 'colLeft':
      return moveColumn(ctx, -1);
    case 'colRight':
      return moveColumn(ctx, 1);
    case 'sortName':
      return sortBy(ctx, ctx.model.view.name === 'events' ? 'OBJECT' : 'NAME');
    case 'sortAge':
      return sortBy(ctx, ctx.model.view.name === 'events' ? 'LAST SEEN' : 'AGE');
    case 'sortStatus':
      return sortBy(ctx, ctx.model.view.columns.some((c) => c.name === 'STATUS') ? 'STATUS' : ctx.model.view.name === 'containers' ? 'STATE' : 'STATUS');
    case 'sortColumn':
      return sortBy(ctx, pickedColumn(ctx));
    case 'wide':
      return toggleWide(ctx);
    case 'events':
      return toggleEvents(ctx);
    case 'help':
      return openHelp(ctx);
    case 'command':
      return ctx.store.dispatch({ type: 'mode', mode: 'command' });
    case 'filter': {
      const top = topFrame(ctx.store.state);
      return ctx.store.dispatch({ type: 'mode', mode: 'filter', prompt: top.type === 'table' ? top.filter : '' });
    }
    case 'search':
      return ctx.store.dispatch({ type: 'mode', mode: 'search' });
    case 'nextMatch':
      return nextMatch(ctx, 1);
    case 'prevMatch':
      return nextMatch(ctx, -1);
    case 'quit':
      return ctx.store.dispatch({ type: 'quit' });
    case 'describe':
      return openPage(ctx, 'describe');
    case 'yaml':
      return openPage(ctx, 'yaml');
    case 'logs':
      return openPage(ctx, 'logs');
    case 'previousLogs':
      return openPage(ctx, 'previous-logs');
    case 'edit':
      return startEdit(ctx);
    case 'delete':
      return askDelete(ctx);
    case 'kill':
      return kill(ctx);
    case 'showNode':
      return showNode(ctx);
    case 'scale':
      return askScale(ctx);
    case 'trigger':
      return askTrigger(ctx);
    case 'suspend':
      return toggleSuspend(ctx);
    case 'cordon':
      return cordon(ctx, true);
    case 'uncordon':
      return cordon(ctx, false);
    case 'drain':
      return askDrain(ctx);
    case 'nodeKill':
      return askNodeKill(ctx);
    case 'nodeRestore':
      return nodeRestore(ctx);
    case 'nodeAdd':
      return askNodeAdd(ctx);
    case 'pause':
      return togglePause(ctx);
    case 'step':
      return step(ctx);
    case 'faster':
      return changeSpeed(ctx, true);
    case 'slower':
      return changeSpeed(ctx, false);
    case 'rewindBack':
      return rewind(ctx, 10_000);
    case 'rewindForward':
      return rewind(ctx, -10_000);
    case 'rewindBackMinute':
      return rewind(ctx, 60_000);
    case 'rewindForwardMinute':
      return rewind(ctx, -60_000);
  }
}
