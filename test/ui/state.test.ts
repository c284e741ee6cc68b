// The UI state reducer: pure, no terminal.
import { describe, expect, it } from 'vitest';
import { sortOf, uiReducer, type UiAction } from '../../src/ui/state/reducer.js';
import { currentTable, initialUiState, topFrame, type UiState } from '../../src/ui/state/types.js';
import { makeDialog } from '../../src/ui/state/dialog.js';

function run(s: UiState, ...actions: UiAction[]): UiState {
  return actions.reduce(uiReducer, s);
}

describe('uiReducer', () => {
  it('starts on the pods table with nothing selected', () => {
    const s = initialUiState();
    expect(s.stack).toEqual([{ type: 'table', view: 'pods', filter: '', index: 0 }]);
    expect(s.mode).toBe('normal');
  });

  it('a view command replaces the whole stack (k9s resets its page stack)', () => {
    const s = run(
      initialUiState(),
      { type: 'drill', view: 'containers', scope: { type: 'pod', key: 'default/a', name: 'a' } },
      { type: 'page', page: { page: 'logs', title: 'logs(a)' } },
      { type: 'view', view: 'replicasets', filter: 'kubia' },
    );
    expect(s.stack).toEqual([{ type: 'table', view: 'replicasets', filter: 'kubia', index: 0 }]);
  });

  it('asking for the same root view again keeps the selection', () => {
    const s = run(initialUiState(), { type: 'select', key: 'default/b', index: 1 }, { type: 'view', view: 'pods' });
    expect(currentTable(s).selected).toBe('default/b');
  });

  it('drill pushes a scoped table and back pops it; back on the root does nothing', () => {
    let s = run(initialUiState('replicasets'), { type: 'drill', view: 'pods', scope: { type: 'owner', uid: 'u1', kind: 'ReplicaSet', name: 'kubia' } });
    expect(s.stack.map((f) => (f.type === 'table' ? f.view : f.page))).toEqual(['replicasets', 'pods']);
    expect(currentTable(s).scope).toEqual({ type: 'owner', uid: 'u1', kind: 'ReplicaSet', name: 'kubia' });
    s = run(s, { type: 'back' });
    expect(s.stack).toHaveLength(1);
    expect(run(s, { type: 'back' })).toBe(s);
  });

  it('a page goes on top of its table; selection and filter act on the table only', () => {
    const s = run(initialUiState(), { type: 'page', page: { page: 'describe', kind: 'Pod', key: 'default/a', title: 'describe(a)' } });
    const top = topFrame(s);
    expect(top).toMatchObject({ type: 'page', page: 'describe', scroll: 0, follow: false, search: '', match: 0 });
    expect(run(s, { type: 'select', key: 'x', index: 3 })).toEqual(s);
    expect(currentTable(s).view).toBe('pods');
  });

  it('remembers the filter before `/` so esc can restore it', () => {
    const s = run(initialUiState(), { type: 'filter', filter: 'kubia' }, { type: 'mode', mode: 'filter', prompt: 'kubia' });
    expect(s.filterBefore).toBe('kubia');
    expect(s.prompt).toBe('kubia');
  });

  it('command history: newest last, no duplicates, ↑/↓ walk it', () => {
    let s = run(initialUiState(), { type: 'remember', command: 'rs' }, { type: 'remember', command: 'no' }, { type: 'remember', command: 'rs' });
    expect(s.history).toEqual(['no', 'rs']);
    s = run(s, { type: 'mode', mode: 'command' }, { type: 'history', delta: -1 });
    expect(s.prompt).toBe('rs');
    s = run(s, { type: 'history', delta: -1 });
    expect(s.prompt).toBe('no');
    s = run(s, { type: 'history', delta: -1 });
    expect(s.prompt).toBe('no');
    s = run(s, { type: 'history', delta: 1 }, { type: 'history', delta: 1 });
    expect(s.prompt).toBe('');
  });

  it('sort is kept per view; the same key again flips the order', () => {
    let s = initialUiState();
    expect(sortOf(s, 'pods')).toEqual({ column: 'NAME', asc: true });
    expect(sortOf(s, 'events')).toEqual({ column: 'LAST SEEN', asc: true });
    s = run(s, { type: 'sort', view: 'pods', column: 'AGE', flip: true });
    expect(sortOf(s, 'pods')).toEqual({ column: 'AGE', asc: true });
    s = run(s, { type: 'sort', view: 'pods', column: 'AGE', flip: true });
    expect(sortOf(s, 'pods')).toEqual({ column: 'AGE', asc: false });
    s = run(s, { type: 'sort', view: 'pods', column: 'STATUS', flip: true });
    expect(sortOf(s, 'pods')).toEqual({ column: 'STATUS', asc: true });
    expect(sortOf(s, 'replicasets')).toEqual({ column: 'NAME', asc: true });
  });

  it('wide and the events pane toggle', () => {
    const s = run(initialUiState(), { type: 'wide' }, { type: 'events' });
    expect([s.wide, s.events]).toEqual([true, true]);
    expect(run(s, { type: 'wide' }).wide).toBe(false);
  });

  it('a dialog takes the keyboard until it closes', () => {
    const d = makeDialog({ title: 'Delete', message: ['Delete pod/a?'], purpose: { type: 'delete', kind: 'Pod', name: 'a' }, fields: [] }, true);
    let s = run(initialUiState(), { type: 'dialog', dialog: d });
    expect(s.mode).toBe('dialog');
    s = run(s, { type: 'dialog', dialog: undefined });
    expect(s.mode).toBe('normal');
    expect(s.dialog).toBeUndefined();
  });

  it('pages scroll (never above the top) and keep a search', () => {
    let s = run(initialUiState(), { type: 'page', page: { page: 'yaml', kind: 'Pod', key: 'default/a', title: 'yaml(a)' } });
    s = run(s, { type: 'scroll', top: -3, follow: false });
    expect(topFrame(s)).toMatchObject({ scroll: 0 });
    s = run(s, { type: 'scroll', top: 12, follow: true }, { type: 'search', text: 'image', match: 1 });
    expect(topFrame(s)).toMatchObject({ scroll: 12, follow: true, search: 'image', match: 1 });
  });

  it('keeps and drops edit drafts', () => {
    let s = run(initialUiState(), { type: 'draft', id: 'Pod|default/a', text: 'kind: Pod' });
    expect(s.drafts).toEqual({ 'Pod|default/a': 'kind: Pod' });
    s = run(s, { type: 'draft', id: 'Pod|default/a', text: undefined });
    expect(s.drafts).toEqual({});
  });
});
