// Scrolling and searching a full page (describe, YAML, logs, output, help): k9s view/details.go and view/log.go.

import { searchMatches } from '../state/page-text.js';
import { flash, type ActionContext } from './context.js';

function maxTop(ctx: ActionContext): number {
  const p = ctx.model.page;
  return p ? Math.max(0, p.lines.length - p.height) : 0;
}

/** Scrolls by `delta` lines; leaving the end stops following, reaching it follows again (logs). */
export function scrollBy(ctx: ActionContext, delta: number): void {
  const p = ctx.model.page;
  if (!p) return;
  const max = maxTop(ctx);
  const from = p.frame.follow ? max : Math.min(p.frame.scroll, max);
  const top = Math.max(0, Math.min(max, from + delta));
  ctx.store.dispatch({ type: 'scroll', top, follow: top >= max && delta > 0 && (p.frame.page === 'logs' || p.frame.page === 'previous-logs') });
}

export function scrollTo(ctx: ActionContext, where: 'top' | 'bottom'): void {
  const p = ctx.model.page;
  if (!p) return;
  if (where === 'top') ctx.store.dispatch({ type: 'scroll', top: 0, follow: false });
  else ctx.store.dispatch({ type: 'scroll', top: maxTop(ctx), follow: true });
}

/** Enter after `/` on a page: finds the first match at or after the current line. */
export function startSearch(ctx: ActionContext, text: string): void {
  const p = ctx.model.page;
  if (!p) return;
  const matches = searchMatches(p.lines, text);
  if (text !== '' && matches.length === 0) {
    ctx.store.dispatch({ type: 'search', text, match: 0 });
    flash(ctx, `No match for "${text}"`, 'warn');
    return;
  }
  const from = p.frame.follow ? 0 : p.frame.scroll;
  const i = Math.max(0, matches.findIndex((m) => m >= from));
  ctx.store.dispatch({ type: 'search', text, match: i });
  if (matches.length > 0) showLine(ctx, matches[i]);
}

/** n / N: the next or previous match, wrapping around. */
export function nextMatch(ctx: ActionContext, delta: 1 | -1): void {
  const p = ctx.model.page;
  if (!p || p.frame.search === '') return;
  const matches = searchMatches(p.lines, p.frame.search);
  if (matches.length === 0) return;
  const i = (p.frame.match + delta + matches.length) % matches.length;
  ctx.store.dispatch({ type: 'match', match: i });
  showLine(ctx, matches[i]);
  flash(ctx, `Match ${i + 1} of ${matches.length}`);
}

function showLine(ctx: ActionContext, line: number): void {
  const p = ctx.model.page!;
  const top = Math.max(0, Math.min(maxTop(ctx), line - Math.floor(p.height / 3)));
  ctx.store.dispatch({ type: 'scroll', top, follow: false });
}
