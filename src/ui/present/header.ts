// The header, k9s' three columns (view/app.go buildHeader): cluster facts on the left, the key hints of the screen
// in the middle (ui/menu.go: up to 6 rows per column), a small logo on the right when there is room.

import type { Segment } from '../components/Line.js';
import { padLine } from '../components/Line.js';
import type { ClusterFacts } from '../hooks/useClusterFacts.js';
import type { KeyBinding } from '../keys/types.js';
import { COLOURS } from '../theme.js';
import { rewoundLabel } from '../actions/time.js';

export interface ClockFacts {
  now: number;
  speed: number;
  paused: boolean;
  /** How far the screen is behind the live cluster (rewound), ms. */
  behind: number;
  playing: boolean;
  seed: number;
}

export const HEADER_ROWS = 6;
const LOGO = ['█▄▀ █░█ █▄▄ █▀▀ █▀ █ █▀▄▀█', '█░█ █▄█ █▄█ ██▄ ▄█ █ █░▀░█', '', '   simulated Kubernetes', '       v1.32 behaviour'];
const LOGO_WIDTH = 26;

export function clockText(c: ClockFacts): string {
  if (c.behind > 0) return `◀◀ REWOUND ${rewoundLabel(c.behind)}`;
  const state = c.paused ? '‖ paused' : c.playing ? '▶ playing script' : '▶ running';
  return `${state} ${c.speed}×`;
}

function fact(label: string, value: string, color: string = COLOURS.infoValue): Segment[] {
  return [
    { text: `${label}:`.padEnd(9), color: COLOURS.infoLabel, bold: true },
    { text: value, color },
  ];
}

const SHORT_PHASE: Record<string, string> = { Running: 'Run', Pending: 'Pend', Succeeded: 'Succ', Failed: 'Fail', Unknown: 'Unkn' };

/** Ready and cordoned nodes, counted once per list of nodes (a new list only when a node changed). */
const nodeCounts = new WeakMap<ClusterFacts['nodes'], { ready: number; cordoned: number }>();

function countNodes(nodes: ClusterFacts['nodes']): { ready: number; cordoned: number } {
  let c = nodeCounts.get(nodes);
  if (!c) {
    c = { ready: 0, cordoned: 0 };
    for (const n of nodes) {
      if (n.health !== 'notready') c.ready++;
      if (n.health === 'cordoned') c.cordoned++;
    }
    nodeCounts.set(nodes, c);
  }
  return c;
}

export function factLines(c: ClockFacts, f: ClusterFacts, short = false): Segment[][] {
  const date = new Date(c.now).toISOString().slice(0, 19).replace('T', ' ');
  const { ready, cordoned } = countNodes(f.nodes);
  const phases = ['Running', 'Pending', 'Succeeded', 'Failed', 'Unknown']
    .filter((p) => (f.pods.byPhase[p] ?? 0) > 0)
    .map((p) => `${f.pods.byPhase[p]} ${short ? SHORT_PHASE[p] : p}`);
  const clockColor = c.behind > 0 ? COLOURS.error : c.paused ? COLOURS.pending : COLOURS.infoValue;
  return [
    fact('Cluster', `kubesim · seed ${c.seed}`),
    fact('Time', `${date} UTC`),
    fact('Clock', clockText(c), clockColor),
    fact('Nodes', `${ready}/${f.nodes.length} Ready${cordoned ? ` · ${cordoned} cordoned` : ''}`, ready < f.nodes.length ? COLOURS.error : COLOURS.infoValue),
    fact('Pods', `${f.pods.total}${phases.length ? ` (${phases.join(', ')})` : ''}`),
    fact('K8s Rev', 'v1.32.0 (simulated)'),
  ];
}

function hintText(b: KeyBinding): [string, string] {
  return [`<${b.keys[0]}>`, b.label];
}

/** Key hints in columns of HEADER_ROWS, each column as wide as its widest hint, as many as fit in `width`. */
export function hintLines(hints: KeyBinding[], width: number): Segment[][] {
  const pairs = hints.map(hintText);
  const columnsOf = (list: [string, string][]) => {
    const cols: [string, string][][] = [];
    for (let i = 0; i < list.length; i += HEADER_ROWS) cols.push(list.slice(i, i + HEADER_ROWS));
    return cols;
  };
  const widthOf = (col: [string, string][]) => {
    const k = Math.max(...col.map(([key]) => key.length));
    return { k, w: k + 1 + Math.max(...col.map(([, l]) => l.length)) + 2 };
  };
  const fits = (list: [string, string][]) => columnsOf(list).reduce((n, c) => n + widthOf(c).w, 0) <= width;
  let shown = pairs;
  if (!fits(shown)) {
    // Keep <?> Help in the last slot: it lists everything that did not fit.
    const help = pairs.find(([k]) => k === '<?>');
    const rest = pairs.filter(([k]) => k !== '<?>');
    let n = rest.length;
    while (n > 0 && !fits([...rest.slice(0, n), ...(help ? [help] : [])])) n--;
    shown = [...rest.slice(0, n), ...(help ? [help] : [])];
  }
  const rows: Segment[][] = Array.from({ length: HEADER_ROWS }, () => []);
  for (const col of columnsOf(shown)) {
    const { k, w } = widthOf(col);
    col.forEach(([key, label], i) => {
      rows[i].push({ text: key.padEnd(k + 1), color: COLOURS.menuKey, bold: true }, { text: label.padEnd(w - k - 1), color: COLOURS.menuText, dim: true });
    });
    for (let i = col.length; i < HEADER_ROWS; i++) rows[i].push({ text: ' '.repeat(w) });
  }
  return rows;
}

/** The whole header: HEADER_ROWS lines of exactly `width` characters. */
export function headerLines(c: ClockFacts, f: ClusterFacts, hints: KeyBinding[], width: number): Segment[][] {
  const size = (lines: Segment[][]) => Math.max(...lines.map((l) => l.reduce((n, g) => n + g.text.length, 0)));
  let facts = factLines(c, f);
  if (size(facts) + 2 > width / 2) facts = factLines(c, f, true);
  const longest = size(facts);
  const factWidth = Math.min(Math.floor(width / 2), Math.max(38, longest + 2));
  const showLogo = width - factWidth >= LOGO_WIDTH + 40;
  const hintWidth = width - factWidth - (showLogo ? LOGO_WIDTH + 2 : 0);
  const menu = hintLines(hints, hintWidth);
  return Array.from({ length: HEADER_ROWS }, (_, i) => {
    const line = [...padLine(facts[i] ?? [], factWidth), ...padLine(menu[i] ?? [], hintWidth)];
    if (showLogo) line.push({ text: '  ' }, ...padLine([{ text: LOGO[i] ?? '', color: COLOURS.logo, bold: i < 2 }], LOGO_WIDTH));
    return padLine(line, width);
  });
}
