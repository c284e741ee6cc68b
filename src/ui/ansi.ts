// Lines of segments as terminal text, for the dashboard drawing its frames itself (render.tsx). Ink's renderer
// rebuilds the whole screen for every frame — a styled object per cell, every line tokenized and measured with
// string-width's grapheme segmenter — which costs 15–50 ms for a 200×50 frame on our machines whatever changed
// (issue 6: the frame target is 16 ms). Our lines are already laid out to the cell (present/*), so they only need
// their escapes: the ones Ink's <Text> writes through chalk, at the colour level chalk detected (asked of Ink once,
// outside any render), converted the way chalk's ansi-styles converts hex colours.

import { renderToString, Text } from 'ink';
import React from 'react';
import type { Segment } from './components/Line.js';

/** chalk's levels: 0 no styles at all, 1 the 16 basic colours, 2 the 256-colour palette, 3 truecolor. */
function detectLevel(): number {
  const out = renderToString(React.createElement(Text, { color: '#ff8000' }, 'X'), { columns: 8 });
  if (!out.includes('\x1b[')) return 0;
  if (out.includes('38;2;')) return 3;
  if (out.includes('38;5;')) return 2;
  return 1;
}

let level: number | undefined;

function hexToRgb(hex: string): [number, number, number] {
  const m = /[a-f\d]{6}|[a-f\d]{3}/i.exec(hex);
  if (!m) return [0, 0, 0];
  const s = m[0].length === 3 ? [...m[0]].map((c) => c + c).join('') : m[0];
  const n = Number.parseInt(s, 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** ansi-styles rgbToAnsi256: the greyscale ramp for greys, else the 6×6×6 cube. */
function rgbToAnsi256(r: number, g: number, b: number): number {
  if (r === g && g === b) {
    if (r < 8) return 16;
    if (r > 248) return 231;
    return Math.round(((r - 8) / 247) * 24) + 232;
  }
  return 16 + 36 * Math.round((r / 255) * 5) + 6 * Math.round((g / 255) * 5) + Math.round((b / 255) * 5);
}

/** ansi-styles ansi256ToAnsi: a 256-palette code to a 16-colour SGR foreground code (30–37, 90–97). */
function ansi256ToAnsi(code: number): number {
  if (code < 8) return 30 + code;
  if (code < 16) return 90 + (code - 8);
  let r: number;
  let g: number;
  let b: number;
  if (code >= 232) {
    r = g = b = ((code - 232) * 10 + 8) / 255;
  } else {
    const c = code - 16;
    const rem = c % 36;
    r = Math.floor(c / 36) / 5;
    g = Math.floor(rem / 6) / 5;
    b = (rem % 6) / 5;
  }
  const value = Math.max(r, g, b) * 2;
  if (value === 0) return 30;
  let result = 30 + ((Math.round(b) << 2) | (Math.round(g) << 1) | Math.round(r));
  if (value === 2) result += 60;
  return result;
}

/** The SGR that sets a hex colour as foreground or background at chalk's level. */
export function colourCode(hex: string, bg: boolean, lvl: number): string {
  const [r, g, b] = hexToRgb(hex);
  if (lvl >= 3) return `\x1b[${bg ? 48 : 38};2;${r};${g};${b}m`;
  if (lvl === 2) return `\x1b[${bg ? 48 : 38};5;${rgbToAnsi256(r, g, b)}m`;
  return `\x1b[${ansi256ToAnsi(rgbToAnsi256(r, g, b)) + (bg ? 10 : 0)}m`;
}

const escapes = new Map<string, [string, string]>();

const plain = (g: Segment): boolean => !g.color && !g.bg && !g.bold && !g.dim && !g.inverse;

/** What Ink's <Text color backgroundColor bold dimColor inverse> writes before and after its text. */
function escapesOf(g: Segment): [string, string] {
  const key = `${g.color ?? ''}|${g.bg ?? ''}|${g.bold ? 'b' : ''}${g.dim ? 'd' : ''}${g.inverse ? 'i' : ''}`;
  let e = escapes.get(key);
  if (e) return e;
  level ??= detectLevel();
  let open = '';
  let close = '';
  if (level > 0) {
    if (g.inverse) (open += '\x1b[7m'), (close = '\x1b[27m' + close);
    if (g.bold) (open += '\x1b[1m'), (close = '\x1b[22m' + close);
    if (g.dim) (open += '\x1b[2m'), (close = '\x1b[22m' + close);
    if (g.bg) (open += colourCode(g.bg, true, level)), (close = '\x1b[49m' + close);
    if (g.color) (open += colourCode(g.color, false, level)), (close = '\x1b[39m' + close);
  }
  e = [open, close];
  escapes.set(key, e);
  return e;
}

/** Looks up the colour level now (render.tsx calls it before mounting: the lookup must not run inside a render). */
export function prepareEscapes(): void {
  level ??= detectLevel();
}

/** One screen line: each segment in its style. Trailing unstyled blanks are left out, as Ink leaves them out. */
export function lineText(segments: Segment[]): string {
  let end = segments.length;
  let tail = '';
  while (end > 0 && plain(segments[end - 1])) {
    const t = segments[end - 1].text.trimEnd();
    end--;
    if (t !== '') {
      tail = t;
      break;
    }
  }
  let out = '';
  for (let i = 0; i < end; i++) {
    const g = segments[i];
    if (g.text === '') continue;
    if (plain(g)) {
      out += g.text;
      continue;
    }
    const [open, close] = escapesOf(g);
    out += open + g.text + close;
  }
  return out + tail;
}
