// Screen layout, header hints, node strip, and the screen writer's byte budget.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { hintBindings, tableBindings } from '../../src/ui/keys/index.js';
import { nodeStripLine } from '../../src/ui/present/bars.js';
import { headerLines, hintLines } from '../../src/ui/present/header.js';
import { layout, tooSmall } from '../../src/ui/present/layout.js';
import { ScreenWriter } from '../../src/ui/screen-writer.js';
import { VIEWS } from '../../src/ui/views/index.js';

const text = (segs: { text: string }[]) => segs.map((s) => s.text).join('');

describe('layout', () => {
  it('uses every row: header 6, node strip, table, crumbs, flash', () => {
    const l = layout(80, 24, { caption: false, prompt: false, events: false });
    expect(l.header + l.nodeStrip + l.caption + l.prompt + l.main + l.events + l.crumbs + l.flash).toBe(24);
    expect(l.main).toBe(15);
  });

  it('gives the events pane about a third, never squeezing the table under 6 lines', () => {
    const l = layout(120, 40, { caption: true, prompt: true, events: true });
    expect(l.events).toBe(9);
    expect(l.header + l.nodeStrip + l.caption + l.prompt + l.main + l.events + l.crumbs + l.flash).toBe(40);
    const small = layout(80, 16, { caption: false, prompt: false, events: true });
    expect(small.main).toBeGreaterThanOrEqual(6);
  });

  it('refuses terminals smaller than 60×14', () => {
    expect(tooSmall(59, 24)).toBe(true);
    expect(tooSmall(80, 13)).toBe(true);
    expect(tooSmall(60, 14)).toBe(false);
  });
});

describe('header', () => {
  it('hints fit the width and keep <?> Help when they do not all fit', () => {
    const hints = hintBindings(tableBindings(VIEWS.nodes));
    const lines = hintLines(hints, 30);
    for (const l of lines) expect(text(l).length).toBeLessThanOrEqual(30);
    expect(lines.map(text).join('\n')).toContain('<?> Help');
  });

  it('every line is exactly the terminal width', () => {
    const clock = { now: Date.UTC(2025, 0, 1), speed: 1, paused: true, behind: 130_000, playing: false, seed: 7 };
    const facts = { pods: { total: 3, byPhase: { Running: 2, Pending: 1 } }, nodes: [{ name: 'node-1', status: 'Ready', health: 'ready' as const }] };
    const lines = headerLines(clock, facts, hintBindings(tableBindings(VIEWS.pods)), 120);
    for (const l of lines) expect(text(l)).toHaveLength(120);
    const all = lines.map(text).join('\n');
    expect(all).toContain('REWOUND -2m10s');
    expect(all).toContain('seed 7');
    expect(all).toContain('2025-01-01 00:00:00 UTC');
    expect(all).toContain('1/1 Ready');
    expect(all).toContain('<ctrl-d> Delete');
    expect(all).toContain('█▄▀'); // the logo, on a wide terminal
  });
});

describe('node strip', () => {
  it('names every node with its health when they fit', () => {
    const line = text(
      nodeStripLine(
        [
          { name: 'node-1', status: 'Ready', health: 'ready' },
          { name: 'node-2', status: 'NotReady', health: 'notready' },
          { name: 'node-3', status: 'Ready,SchedulingDisabled', health: 'cordoned' },
        ],
        80,
      ),
    );
    expect(line).toContain('● node-1');
    expect(line).toContain('✗ node-2 NotReady');
    expect(line).toContain('◐ node-3 cordoned');
  });

  it('5,000 nodes still fit on one line, as glyphs and counts', () => {
    const nodes = Array.from({ length: 5000 }, (_, i) => ({ name: `node-${i}`, status: 'Ready', health: (i === 7 ? 'notready' : 'ready') as 'ready' | 'notready' }));
    const line = text(nodeStripLine(nodes, 100));
    expect(line).toHaveLength(100);
    expect(line).toContain('4999 Ready, 1 NotReady, 0 cordoned');
  });
});

describe('ScreenWriter', () => {
  function writer() {
    const out = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
    Object.assign(out, { columns: 20, rows: 5, isTTY: true });
    const chunks: string[] = [];
    out.on('data', (c: Buffer) => chunks.push(c.toString()));
    const w = new ScreenWriter(out, { maxFps: 1000 });
    return { w, chunks, stream: w.stream() };
  }
  const settle = () => new Promise((r) => setTimeout(r, 5));

  it('an unchanged frame writes nothing; a changed line rewrites that line only', async () => {
    const { w, chunks, stream } = writer();
    stream.write('one\ntwo\nthree');
    await settle();
    const first = w.bytes;
    expect(first).toBeGreaterThan(0);
    expect(chunks.join('')).toContain('\x1b[2J');
    stream.write('one\ntwo\nthree');
    await settle();
    expect(w.bytes).toBe(first);
    chunks.length = 0;
    stream.write('one\nTWO\nthree');
    await settle();
    const update = chunks.join('');
    expect(update).toContain('\x1b[2;1H\x1b[0m\x1b[2KTWO');
    expect(update).not.toContain('one');
    expect(update).not.toContain('three');
  });

  it('passes cursor show/hide through instead of drawing it; redraws everything after invalidate', async () => {
    const { w, chunks, stream } = writer();
    stream.write('a\nb');
    await settle();
    stream.write('\x1b[?25h');
    await settle();
    chunks.length = 0;
    w.invalidate();
    w.flush();
    const all = chunks.join('');
    expect(all).toContain('\x1b[1;1H\x1b[0m\x1b[2Ka');
    expect(all).toContain('\x1b[2;1H\x1b[0m\x1b[2Kb');
  });

  it('throttles: frames within one interval become one write of the last', async () => {
    const out = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
    Object.assign(out, { columns: 20, rows: 5, isTTY: true });
    const chunks: string[] = [];
    out.on('data', (c: Buffer) => chunks.push(c.toString()));
    const w = new ScreenWriter(out, { maxFps: 10 });
    const s = w.stream();
    s.write('f1');
    s.write('f2');
    s.write('f3');
    await new Promise((r) => setTimeout(r, 150));
    const all = chunks.join('');
    expect(all).toContain('f1');
    expect(all).not.toContain('f2');
    expect(all).toContain('f3');
    w.stop();
  });
});
