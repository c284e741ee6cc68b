// The table pipeline, pure: filter, sort by value, window, selection, widths, change marks.
import { describe, expect, it } from 'vitest';
import type { Cell, Column } from '../../src/cluster/printers/types.js';
import { RowTracker, MARK_MS } from '../../src/ui/state/row-tracker.js';
import {
  compareSort, filterRows, fit, fitWidths, moveSelection, parseFilter, selectionIndex, sortRows, visibleColumns, windowStart, type Row,
} from '../../src/ui/state/table.js';

const COLUMNS: Column[] = [{ name: 'NAME' }, { name: 'STATUS' }, { name: 'RESTARTS', numeric: true }, { name: 'AGE', time: true }, { name: 'NODE', wide: true }];

function row(name: string, status: string, restarts: number, ageMs: number, ageText: string, labels: Record<string, string> = {}, node = 'node-1'): Row {
  const cells: Cell[] = [
    { text: name, sort: name },
    { text: status, sort: status },
    { text: String(restarts), sort: restarts },
    { text: ageText, sort: ageMs },
    { text: node, sort: node },
  ];
  return { key: `default/${name}`, item: { key: `default/${name}`, obj: { metadata: { name, labels } }, kind: 'Pod', objKey: `default/${name}` }, cells };
}

const ROWS = [
  row('kubia-a', 'Running', 0, 9 * 60_000, '9m', { app: 'kubia' }),
  row('kubia-b', 'CrashLoopBackOff', 12, 10 * 60_000, '10m', { app: 'kubia' }, 'node-2'),
  row('web-c', 'Pending', 2, 90_000, '90s', { app: 'web', tier: 'fe' }),
];
const SHOWN = visibleColumns(COLUMNS, false);
const names = (rows: Row[]) => rows.map((r) => r.key.slice(8));

describe('filter', () => {
  it('/term is a case-insensitive regex over the shown cells', () => {
    expect(names(filterRows(ROWS, parseFilter('KUBIA'), COLUMNS, SHOWN))).toEqual(['kubia-a', 'kubia-b']);
    expect(names(filterRows(ROWS, parseFilter('crash|pend'), COLUMNS, SHOWN))).toEqual(['kubia-b', 'web-c']);
  });

  it('does not match AGE (k9s leaves time columns out) nor hidden wide columns', () => {
    expect(names(filterRows(ROWS, parseFilter('90s'), COLUMNS, SHOWN))).toEqual([]);
    expect(names(filterRows(ROWS, parseFilter('node-2'), COLUMNS, SHOWN))).toEqual([]);
    expect(names(filterRows(ROWS, parseFilter('node-2'), COLUMNS, visibleColumns(COLUMNS, true)))).toEqual(['kubia-b']);
  });

  it('/!term inverts', () => {
    expect(names(filterRows(ROWS, parseFilter('!kubia'), COLUMNS, SHOWN))).toEqual(['web-c']);
  });

  it('/-l and a bare k=v are label selectors', () => {
    expect(names(filterRows(ROWS, parseFilter('-l app=kubia'), COLUMNS, SHOWN))).toEqual(['kubia-a', 'kubia-b']);
    expect(names(filterRows(ROWS, parseFilter('app!=kubia'), COLUMNS, SHOWN))).toEqual(['web-c']);
    expect(names(filterRows(ROWS, parseFilter('-l tier'), COLUMNS, SHOWN))).toEqual(['web-c']);
    expect(names(filterRows(ROWS, parseFilter('-l app in (web,kubia),tier'), COLUMNS, SHOWN))).toEqual(['web-c']);
  });

  it('a broken selector is reported; a broken regex is matched literally', () => {
    expect(parseFilter('-l app in (')).toMatchObject({ type: 'error' });
    expect(names(filterRows(ROWS, parseFilter('kubia-('), COLUMNS, SHOWN))).toEqual([]);
    expect(parseFilter('')).toEqual({ type: 'none' });
  });
});

describe('sort', () => {
  it('sorts time and numeric columns by value, not as strings (k9s #3294)', () => {
    const age = COLUMNS.findIndex((c) => c.name === 'AGE');
    // As strings "10m" < "90s" < "9m"; by value 90s < 9m < 10m.
    expect(names(sortRows(ROWS, age, true))).toEqual(['web-c', 'kubia-a', 'kubia-b']);
    expect(names(sortRows(ROWS, age, false))).toEqual(['kubia-b', 'kubia-a', 'web-c']);
    expect(names(sortRows(ROWS, 2, false))).toEqual(['kubia-b', 'web-c', 'kubia-a']);
    expect(names(sortRows(ROWS, 1, true))).toEqual(['kubia-b', 'web-c', 'kubia-a']);
  });

  it('ties keep name order so equal rows never swap between frames', () => {
    const tied = [row('b', 'Running', 0, 1, '1s'), row('a', 'Running', 0, 1, '1s'), row('c', 'Running', 0, 1, '1s')];
    expect(names(sortRows(tied, 1, true))).toEqual(['a', 'b', 'c']);
    expect(names(sortRows(tied, 1, false))).toEqual(['a', 'b', 'c']);
  });

  it('numbers sort before text', () => {
    expect([5, 'x', 1].sort(compareSort)).toEqual([1, 5, 'x']);
  });
});

describe('selection and window', () => {
  it('the selection follows its object when rows move', () => {
    const sorted = sortRows(ROWS, 2, false);
    expect(selectionIndex(sorted, 'default/kubia-a', 0)).toBe(2);
    expect(selectionIndex(sorted, 'default/gone', 1)).toBe(1);
    expect(selectionIndex(sorted, 'default/gone', 9)).toBe(2);
    expect(selectionIndex([], 'x', 0)).toBe(-1);
  });

  it('moves are clamped', () => {
    expect(moveSelection(ROWS, 0, 1)).toEqual({ key: 'default/kubia-b', index: 1 });
    expect(moveSelection(ROWS, 1, -Infinity)).toEqual({ key: 'default/kubia-a', index: 0 });
    expect(moveSelection(ROWS, 1, Infinity)).toEqual({ key: 'default/web-c', index: 2 });
    expect(moveSelection([], 0, 1)).toEqual({ key: undefined, index: 0 });
  });

  it('the window scrolls as little as possible to keep the selection in view', () => {
    expect(windowStart(0, 5, 10, 100)).toBe(0);
    expect(windowStart(0, 10, 10, 100)).toBe(1);
    expect(windowStart(40, 45, 10, 100)).toBe(40);
    expect(windowStart(40, 30, 10, 100)).toBe(30);
    expect(windowStart(95, 99, 10, 100)).toBe(90);
    expect(windowStart(7, 3, 10, 5)).toBe(0);
  });
});

describe('widths', () => {
  it('the widest column gives way, down to its header', () => {
    expect(fitWidths([10, 40, 6], [4, 7, 3], 50)).toEqual([10, 30, 6]);
    expect(fitWidths([10, 40, 6], [4, 7, 3], 200)).toEqual([10, 40, 6]);
    expect(fitWidths([10, 10], [4, 4], 5)).toEqual([4, 4]);
  });

  it('fit pads, right-aligns numbers and cuts with an ellipsis', () => {
    expect(fit('abc', 5)).toBe('abc  ');
    expect(fit('12', 5, true)).toBe('   12');
    expect(fit('abcdefgh', 5)).toBe('abcd…');
  });
});

describe('RowTracker', () => {
  it('marks nothing on the first load, then new rows and changed cells for a moment', () => {
    const t = new RowTracker(COLUMNS);
    const a1 = row('a', 'Pending', 0, 1000, '1s');
    t.update([a1], 0);
    expect(t.marks('default/a', 0)).toBeUndefined();
    const a2 = row('a', 'Running', 1, 2000, '2s');
    const b = row('b', 'Pending', 0, 0, '0s');
    t.update([a2, b], 1000);
    expect(t.marks('default/a', 1000)).toEqual({ added: false, cells: [undefined, 'changed', 'up'] });
    expect(t.marks('default/b', 1000)).toEqual({ added: true, cells: [] });
    expect(t.marks('default/a', 1000 + MARK_MS)).toBeUndefined();
    const a3 = row('a', 'Running', 0, 9000, '9s');
    t.update([a3, b], 5000);
    // AGE changed too, but time columns are never marked (k9s model1/delta.go).
    expect(t.marks('default/a', 5000)?.cells).toEqual([undefined, undefined, 'down']);
  });

  it('RESTARTS "3 (45s ago)" → "3 (50s ago)" is not a change', () => {
    const t = new RowTracker([{ name: 'RESTARTS', numeric: true }]);
    const mk = (text: string, obj: object) => ({ key: 'k', item: { key: 'k', obj }, cells: [{ text, sort: 3 }] });
    t.update([mk('3 (45s ago)', {})], 0);
    t.update([mk('3 (50s ago)', {})], 100);
    expect(t.marks('k', 100)).toBeUndefined();
  });
});

describe('10,000 rows', () => {
  // Speed is measured by `npm run bench`, not asserted here (shared machines make timed tests flaky).
  it('filters and sorts correctly', () => {
    const many: Row[] = [];
    for (let i = 0; i < 10_000; i++) many.push(row(`pod-${String(i).padStart(5, '0')}`, i % 7 === 0 ? 'Pending' : 'Running', i % 13, i * 1000, `${i}s`));
    const filtered = filterRows(many, parseFilter('pod-0[0-4]'), COLUMNS, SHOWN);
    const sorted = sortRows(filtered, 3, false);
    const again = filterRows(many, parseFilter('pending'), COLUMNS, SHOWN);
    expect(filtered).toHaveLength(5000);
    expect(sorted[0].key).toBe('default/pod-04999');
    expect(again.length).toBe(Math.ceil(10_000 / 7));
  });
});
