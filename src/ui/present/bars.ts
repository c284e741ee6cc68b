// The one-line bars: node strip, crumbs, flash, prompt, caption.

import type { Segment } from '../components/Line.js';
import { padLine } from '../components/Line.js';
import type { NodeFact } from '../hooks/useClusterFacts.js';
import type { Flash, Mode } from '../state/types.js';
import { COLOURS } from '../theme.js';

const NODE_GLYPH: Record<NodeFact['health'], [string, string]> = {
  ready: ['●', '#32cd32'],
  notready: ['✗', COLOURS.error],
  cordoned: ['◐', COLOURS.pending],
};

/**
 * Every node's health at a glance: `● node-1  ✗ node-2 NotReady  ◐ node-3 cordoned`; when the names do not fit,
 * one glyph per node and the counts (a 5,000-node cluster still fits on a line).
 */
export function nodeStripLine(nodes: NodeFact[], width: number): Segment[] {
  const label: Segment = { text: 'Nodes ', color: COLOURS.infoLabel, bold: true };
  const named: Segment[] = [label];
  for (const n of nodes) {
    const [glyph, color] = NODE_GLYPH[n.health];
    const note = n.health === 'notready' ? ' NotReady' : n.health === 'cordoned' ? ' cordoned' : '';
    named.push({ text: `${glyph} `, color }, { text: `${n.name}${note}  `, color: n.health === 'ready' ? COLOURS.std : color });
  }
  if (named.reduce((w, s) => w + s.text.length, 0) <= width) return padLine(named, width);
  const counts = { ready: 0, notready: 0, cordoned: 0 };
  for (const n of nodes) counts[n.health]++;
  const summary = ` ${counts.ready} Ready, ${counts.notready} NotReady, ${counts.cordoned} cordoned`;
  const room = Math.max(0, width - label.text.length - summary.length);
  const glyphs: Segment[] = nodes.slice(0, room).map((n) => ({ text: NODE_GLYPH[n.health][0], color: NODE_GLYPH[n.health][1] }));
  const more = nodes.length > room ? [{ text: '…', color: COLOURS.std }] : [];
  return padLine([label, ...glyphs.slice(0, Math.max(0, room - more.length)), ...more, { text: summary, color: COLOURS.infoValue }], width);
}

/** `<pods> <containers> <logs>`: one crumb per screen on the stack, the current one highlighted (k9s ui/crumbs.go). */
export function crumbsLine(crumbs: string[], width: number): Segment[] {
  const out: Segment[] = [];
  crumbs.forEach((c, i) => {
    const last = i === crumbs.length - 1;
    out.push({ text: ` <${c}> `, color: COLOURS.cursorFg, bg: last ? COLOURS.crumbActive : COLOURS.crumb }, { text: ' ' });
  });
  return padLine(out, width);
}

const FLASH_STYLE: Record<Flash['level'], [string, string]> = {
  info: ['›', COLOURS.flashInfo],
  warn: ['!', COLOURS.flashWarn],
  error: ['✗', COLOURS.flashError],
};

export function flashLine(flash: Flash | undefined, width: number): Segment[] {
  if (!flash) return padLine([], width);
  const [icon, color] = FLASH_STYLE[flash.level];
  return padLine([{ text: ` ${icon} ${flash.text}`, color, bold: flash.level === 'error' }], width);
}

const PROMPT_STYLE: Partial<Record<Mode, [string, string]>> = {
  command: [':', COLOURS.highlight],
  filter: ['/', COLOURS.filter],
  search: ['/', COLOURS.filter],
};

/** The prompt line: `:po▏` with the completion greyed after the cursor (k9s ui/prompt.go). */
export function promptSegments(mode: Mode, text: string, suggestion: string): Segment[] {
  const [sigil, color] = PROMPT_STYLE[mode] ?? ['>', COLOURS.highlight];
  return [
    { text: `${sigil}`, color, bold: true },
    { text, color: COLOURS.menuText },
    { text: '▏', color },
    { text: suggestion, color: COLOURS.add, dim: true },
  ];
}

export function captionLine(text: string, width: number): Segment[] {
  return padLine([{ text: ` ▶ ${text}`, color: COLOURS.caption, bold: true }], width);
}
