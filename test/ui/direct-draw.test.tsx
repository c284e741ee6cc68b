// The dashboard draws its own frames (render.tsx hands the App's lines to ScreenWriter; Ink's renderer is too slow
// for a 200×50 frame): the lines it draws must read exactly as the same App drawn through Ink, on every kind of
// screen, and carry the colours chalk would give them at each colour level.

import { render } from 'ink-testing-library';
import React from 'react';
import { describe, expect, it } from 'vitest';
import { colourCode, lineText } from '../../src/ui/ansi.js';
import { App } from '../../src/ui/App.js';
import { ManualClock } from '../../src/ui/clock.js';
import type { LineData } from '../../src/ui/components/Line.js';
import { setupSimulation } from '../../src/ui/setup.js';
import { makeDialog } from '../../src/ui/state/dialog.js';
import { UiStore } from '../../src/ui/state/store.js';
import { initialUiState } from '../../src/ui/state/types.js';
import { strip } from './harness.js';

const settle = () => new Promise<void>((r) => setImmediate(() => setTimeout(r, 0)));

describe('lineText', () => {
  it('writes each styled segment in its escapes and leaves out trailing blanks', () => {
    expect(lineText([{ text: 'abc' }, { text: '   ' }])).toBe('abc');
    expect(lineText([{ text: 'ab  ' }, { text: '  ' }])).toBe('ab');
    expect(strip(lineText([{ text: 'x', color: '#ff4500', bold: true }, { text: ' y ', bg: '#00ffff' }]))).toBe('x y ');
  });

  it('converts hex colours as chalk does at each level', () => {
    // chalk 5.6 (new Chalk({ level })).hex / .bgHex, for the theme's colours.
    expect(colourCode('#87cefa', false, 1)).toBe('\x1b[97m');
    expect(colourCode('#00ffff', true, 1)).toBe('\x1b[106m');
    expect(colourCode('#ff4500', false, 1)).toBe('\x1b[91m');
    expect(colourCode('#778899', false, 1)).toBe('\x1b[36m');
    expect(colourCode('#000000', false, 1)).toBe('\x1b[30m');
    expect(colourCode('#483d8b', true, 1)).toBe('\x1b[44m');
    expect(colourCode('#87cefa', false, 2)).toBe('\x1b[38;5;153m');
    expect(colourCode('#00ffff', true, 2)).toBe('\x1b[48;5;51m');
    expect(colourCode('#778899', false, 2)).toBe('\x1b[38;5;109m');
    expect(colourCode('#ffffff', false, 2)).toBe('\x1b[38;5;231m');
    expect(colourCode('#483d8b', true, 2)).toBe('\x1b[48;5;61m');
    expect(colourCode('#ff4500', false, 3)).toBe('\x1b[38;2;255;69;0m');
    expect(colourCode('#483d8b', true, 3)).toBe('\x1b[48;2;72;61;139m');
  });
});

describe('drawn directly or through Ink', () => {
  it('every screen reads the same: table, events pane, wide, drill-down, page, dialog, prompt, too small', async () => {
    const setup = setupSimulation({ files: [] });
    if ('error' in setup) throw new Error(setup.error);
    const { sim } = setup;
    sim.play(setup.script);
    const store = new UiStore(initialUiState('pods', { events: true }));
    const clock = new ManualClock();
    let drawn: LineData[] = [];
    let size = { columns: 120, rows: 40 };
    const direct = () => <App sim={sim} store={store} clock={clock} {...size} draw={(l) => (drawn = l)} />;
    const ink = () => <App sim={sim} store={store} clock={clock} {...size} />;
    const a = render(direct());
    const b = render(ink());
    /** Both frames, compared; what they show, for checking the screen is the one meant. */
    const same = async (shows: string) => {
      await settle();
      expect(strip(a.lastFrame())).toBe('');
      const viaInk = strip(b.lastFrame()).split('\n').map((l) => l.trimEnd());
      expect(drawn.map((l) => strip(lineText(l.segments)).trimEnd())).toEqual(viaInk);
      expect(viaInk.join('\n')).toContain(shows);
    };
    for (let i = 0; i < 20; i++) sim.advance(1000);
    clock.advance(20_000);
    await same('pods(default)[13]');
    store.dispatch({ type: 'select', key: 'default/sample-ss-1', index: 0 });
    await same('events(sample-ss-1)');
    store.dispatch({ type: 'wide' });
    await same('NOMINATED NODE');
    store.dispatch({ type: 'view', view: 'replicasets' });
    await same('replicasets(default)[1]');
    b.stdin.write('\r');
    await same('<replicaset/testapp-replica>');
    store.dispatch({ type: 'page', page: { page: 'describe', kind: 'Pod', key: 'default/sample-ss-0', title: 'describe(sample-ss-0)' } });
    await same('describe(sample-ss-0)');
    store.dispatch({ type: 'back' });
    const purpose = { type: 'nodeKill' as const, node: 'node-2' };
    store.dispatch({ type: 'dialog', dialog: makeDialog({ title: 'Kill', message: ['Power node-2 off?'], purpose, fields: [{ type: 'check', name: 'x', label: 'Sure', value: false }] }, true) });
    await same('Power node-2 off?');
    store.dispatch({ type: 'dialog', dialog: undefined });
    store.dispatch({ type: 'mode', mode: 'command', prompt: 'kubectl get po' });
    await same(':kubectl get po');
    size = { columns: 50, rows: 10 };
    a.rerender(direct());
    b.rerender(ink());
    await same('kubesim needs a terminal');
    a.unmount();
    b.unmount();
  });
});
