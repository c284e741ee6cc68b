// Box drawing for panels: a titled top border (k9s puts the table title in the border: ` pods(default)[12] `),
// side borders around each content line, and the bottom border. Pure: segments in, segments out.

import type { LineData, Segment } from '../components/Line.js';
import { lineLength, padLine } from '../components/Line.js';

export function topBorder(title: Segment[], width: number, color: string): Segment[] {
  const inner = width - 2;
  const t = lineLength(title);
  if (t + 2 > inner) return [{ text: '┌', color }, ...padLine(title, inner, { color }), { text: '┐', color }];
  const left = Math.floor((inner - t) / 2);
  const right = inner - t - left;
  return [{ text: '┌' + '─'.repeat(left), color }, ...title, { text: '─'.repeat(right) + '┐', color }];
}

export function bottomBorder(width: number, color: string): Segment[] {
  return [{ text: '└' + '─'.repeat(Math.max(0, width - 2)) + '┘', color }];
}

/** A content line between the side borders, padded to the inner width (one space of margin each side). */
export function boxed(content: Segment[], width: number, color: string, fill: Omit<Segment, 'text'> = {}): Segment[] {
  return [{ text: '│', color }, { text: ' ', ...fill }, ...padLine(content, Math.max(0, width - 4), fill), { text: ' ', ...fill }, { text: '│', color }];
}

/** A whole bordered panel of exactly `height` lines. */
export function panel(key: string, title: Segment[], body: Segment[][], width: number, height: number, color: string): LineData[] {
  const lines: LineData[] = [{ key: `${key}-top`, segments: topBorder(title, width, color) }];
  const inner = Math.max(0, height - 2);
  for (let i = 0; i < inner; i++) lines.push({ key: `${key}-${i}`, segments: boxed(body[i] ?? [], width, color) });
  if (height >= 2) lines.push({ key: `${key}-bottom`, segments: bottomBorder(width, color) });
  return lines.slice(0, height);
}

/** The characters [from, to) of a line, styles kept. */
export function sliceSegments(segments: Segment[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const g of segments) {
    const end = pos + g.text.length;
    const a = Math.max(from, pos);
    const b = Math.min(to, end);
    if (a < b) out.push({ ...g, text: g.text.slice(a - pos, b - pos) });
    pos = end;
    if (pos >= to) break;
  }
  return out;
}

/** Draws `box` over `under`, centred: a dialog over the table it belongs to. */
export function overlay(under: LineData[], box: LineData[], width: number): LineData[] {
  const boxWidth = box.length > 0 ? lineLength(box[0].segments) : 0;
  const top = Math.max(0, Math.floor((under.length - box.length) / 2));
  const left = Math.max(0, Math.floor((width - boxWidth) / 2));
  return under.map((line, i) => {
    const b = box[i - top];
    if (!b) return line;
    const base = padLine(line.segments, width);
    return { key: line.key, segments: [...sliceSegments(base, 0, left), ...b.segments, ...sliceSegments(base, left + boxWidth, width)] };
  });
}
