// One screen line made of coloured segments. Panels describe their lines as data (text + colour); this draws
// them through Ink, and skips the redraw when a line's signature is unchanged (React.memo). The dashboard on a
// terminal draws the same lines itself (render.tsx, ansi.ts); Ink draws them in tests (ink-testing-library).

import { Text } from 'ink';
import React, { memo } from 'react';

export interface Segment {
  text: string;
  color?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

export interface LineData {
  key: string;
  segments: Segment[];
}

/** A line's identity for memoization: its text and styles. */
export function signature(segments: Segment[]): string {
  let s = '';
  for (const g of segments) s += `${g.text}\u0000${g.color ?? ''}${g.bg ?? ''}${g.bold ? 'b' : ''}${g.dim ? 'd' : ''}${g.inverse ? 'i' : ''}\u0001`;
  return s;
}

function LineView({ segments }: { segments: Segment[]; sig: string }): React.JSX.Element {
  return (
    <Text wrap="truncate">
      {segments.map((g, i) => (
        <Text key={i} color={g.color} backgroundColor={g.bg} bold={g.bold} dimColor={g.dim} inverse={g.inverse}>
          {g.text}
        </Text>
      ))}
    </Text>
  );
}

export const Line = memo(LineView, (a, b) => a.sig === b.sig);

/** Lines in a column. */
export function Lines({ lines }: { lines: LineData[] }): React.JSX.Element {
  return (
    <>
      {lines.map((l) => (
        <Line key={l.key} segments={l.segments} sig={signature(l.segments)} />
      ))}
    </>
  );
}

/** The visible length of a line. */
export function lineLength(segments: Segment[]): number {
  return segments.reduce((n, g) => n + g.text.length, 0);
}

/** Pads (or cuts) a line of segments to exactly `width` characters. */
export function padLine(segments: Segment[], width: number, fill: Omit<Segment, 'text'> = {}): Segment[] {
  const out: Segment[] = [];
  let used = 0;
  for (const g of segments) {
    if (used >= width) break;
    const room = width - used;
    const text = g.text.length > room ? g.text.slice(0, room) : g.text;
    out.push({ ...g, text });
    used += text.length;
  }
  if (used < width) out.push({ ...fill, text: ' '.repeat(width - used) });
  return out;
}
