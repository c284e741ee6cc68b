// The dashboard: hooks connect the simulation, the UI store and the clock; src/ui/present turns what they hold into
// the screen's lines, drawn through Ink (tests) or handed to `draw` (render.tsx draws them itself: Ink's renderer
// costs more than a frame at 200×50, see ansi.ts). Keys go to src/ui/actions through one useInput. Nothing here
// changes the cluster.

import { Box, useInput } from 'ink';
import React, { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Simulation } from '../session/simulation.js';
import type { UiClock } from './clock.js';
import { applyUi } from './actions/apply-ui.js';
import type { ActionContext, ScreenModel } from './actions/context.js';
import { handleInput } from './actions/input.js';
import { UiLines } from './actions/ui-lines.js';
import { Lines, type LineData } from './components/Line.js';
import { useClusterFacts, useEvents } from './hooks/useClusterFacts.js';
import { useClock, useSimulation, useUiState } from './hooks/useSim.js';
import { useTableModel } from './hooks/useTableModel.js';
import type { InkKey } from './keys/names.js';
import { hintBindings, pageBindings, tableBindings } from './keys/index.js';
import { captionLine, crumbsLine, flashLine, nodeStripLine, promptSegments } from './present/bars.js';
import { headerLines, type ClockFacts } from './present/header.js';
import { layout, MIN_COLUMNS, MIN_ROWS, tooSmall } from './present/layout.js';
import { screenLines, tooSmallLines } from './present/screen.js';
import { dialogLines, eventsPaneLines, pageLines as pagePanelLines } from './present/page.js';
import { tablePanelLines } from './present/table-panel.js';
import { pageLines, searchMatches } from './state/page-text.js';
import { suggestion } from './state/prompt.js';
import { sortOf } from './state/reducer.js';
import type { UiStore } from './state/store.js';
import { currentTable, FLASH_MS, topFrame, type Frame } from './state/types.js';
import { padLine } from './components/Line.js';
import { getObject } from '../cluster/store.js';

export interface AppProps {
  sim: Simulation;
  store: UiStore;
  clock: UiClock;
  columns: number;
  rows: number;
  /** Writes `ui …` lines for recordings; one per dashboard (kept across remounts). */
  uiLines?: UiLines;
  /** Opens $EDITOR on a text (src/ui/render.tsx suspends the screen around it); tests pass a stand-in. */
  editor?: (text: string, name: string) => Promise<string | undefined>;
  onQuit?: () => void;
  /** Draws the screen's lines itself (render.tsx): Ink then renders nothing. Without it, Ink draws them. */
  draw?: (lines: LineData[]) => void;
}

/** The metadata of a row's object (a container row: its pod's). */
function metaOf(obj: unknown): { uid?: string; name?: string } | undefined {
  const o = obj as { metadata?: { uid?: string; name?: string }; pod?: { metadata: { uid?: string; name?: string } } } | undefined;
  return o?.pod?.metadata ?? o?.metadata;
}

function crumbName(f: Frame): string {
  return f.type === 'table' ? f.view : f.page;
}

export function App({ sim, store, clock, columns, rows, uiLines, editor, onQuit, draw }: AppProps): React.JSX.Element {
  useSimulation(sim);
  const ui = useUiState(store);
  const uiNow = useClock(clock);
  const state = sim.view;

  const top = topFrame(ui);
  const tableFrame = currentTable(ui);
  const onPage = top.type === 'page';
  const prompting = ui.mode === 'command' || ui.mode === 'filter' || ui.mode === 'search';
  const lay = layout(columns, rows, { caption: sim.caption !== undefined, prompt: prompting, events: ui.events });
  const innerWidth = columns - 4;
  const model = useTableModel(tableFrame, state, ui, Math.max(0, lay.main - 3), innerWidth, uiNow);
  const facts = useClusterFacts(state);
  // 5,000 nodes make a long strip to build: only when a node changed or the width did.
  const nodeStrip = useMemo(() => nodeStripLine(facts.nodes, columns), [facts.nodes, columns]);

  const page = onPage ? top : undefined;
  const lines = useMemo(() => (page ? pageLines(page, state) : []), [page, state]);
  const pageHeight = Math.max(1, lay.main - 2);

  // Events of what is selected: the page's object, else the table's selected row (a container row: its pod).
  const eventsOf = page ? (page.kind && page.key ? metaOf(getObject(state, page.kind, page.key)) : undefined) : metaOf(model.selected?.item.obj);
  const eventUid = tableFrame.view === 'events' ? undefined : eventsOf?.uid;
  const events = useEvents(state, ui.events ? eventUid : undefined, Math.max(0, lay.events - 3));

  // What the key handler sees: rebuilt every render, read through a ref by one stable input callback.
  const linesRef = useRef<UiLines | undefined>(uiLines);
  if (!linesRef.current) linesRef.current = new UiLines(sim);
  const screen: ScreenModel = {
    view: model.view,
    table: tableFrame,
    // Built on demand: a key handler may need every row, a frame never does.
    get rows() {
      return model.rows;
    },
    selectedIndex: model.selectedIndex,
    tableHeight: Math.max(1, lay.main - 3),
    columns: model.shown,
    page: page ? { frame: page, lines, height: pageHeight } : undefined,
  };
  const ctxRef = useRef<ActionContext>({ sim, store, clock, model: screen, ui: linesRef.current, editor });
  ctxRef.current = { sim, store, clock, model: screen, ui: linesRef.current, editor };

  const onInput = useCallback((input: string, key: InkKey) => handleInput(ctxRef.current, input, key), []);
  useInput(onInput);

  // A layout effect: set during the commit, so a script played right after mounting finds it.
  useLayoutEffect(() => {
    sim.onUi = (word, args) => applyUi(ctxRef.current, word, args);
    return () => {
      sim.onUi = undefined;
    };
  }, [sim]);
  useEffect(() => linesRef.current?.tick(uiNow), [uiNow]);
  useEffect(() => {
    if (ui.quit) onQuit?.();
  }, [ui.quit, onQuit]);

  /** Everything but a too-small terminal's message. */
  const full = (): LineData[] => {
    const clockFacts: ClockFacts = {
      now: state.now,
      speed: sim.speed,
      paused: sim.paused,
      behind: sim.state.now - state.now,
      playing: sim.playing,
      seed: state.seed,
    };
    const bindings = onPage ? pageBindings() : tableBindings(model.view);
    const header = lay.header > 1 ? headerLines(clockFacts, facts, hintBindings(bindings), columns) : [padLine([{ text: `kubesim · ${new Date(state.now).toISOString().slice(11, 19)} · ${clockFacts.paused ? 'paused' : 'running'} ${sim.speed}× · ? help` }], columns)];

    const main = page
      ? pagePanelLines({
          title: page.title,
          lines,
          top: page.follow ? Math.max(0, lines.length - pageHeight) : Math.min(page.scroll, Math.max(0, lines.length - pageHeight)),
          height: lay.main,
          width: columns,
          search: page.search,
          matchLine: searchMatches(lines, page.search)[page.match],
        })
      : tablePanelLines(model, sortOf(ui, model.view.name), ui.column[model.view.name], uiNow, columns, lay.main);
    const flash = ui.flash && uiNow - ui.flash.at < FLASH_MS ? ui.flash : undefined;
    const promptText = ui.mode === 'command' ? suggestion(ui.prompt, state) : '';
    const eventsTitle = eventUid && eventsOf?.name ? `events(${eventsOf.name})` : 'events(cluster)';

    return screenLines({
      header,
      nodeStrip,
      caption: lay.caption > 0 ? captionLine(sim.caption ?? '', columns) : undefined,
      prompt: lay.prompt > 0 ? padLine(promptSegments(ui.mode, ui.prompt, promptText), columns) : undefined,
      main,
      dialog: ui.dialog ? dialogLines(ui.dialog, columns) : undefined,
      events: lay.events > 0 ? eventsPaneLines(eventsTitle, events, state.now, columns, lay.events, eventUid === undefined) : undefined,
      crumbs: crumbsLine(ui.stack.map(crumbName), columns),
      flash: flashLine(flash, columns),
      width: columns,
    });
  };
  const drawn = tooSmall(columns, rows) ? tooSmallLines(columns, rows, [MIN_COLUMNS, MIN_ROWS]) : full();
  return <Screen lines={drawn} width={columns} draw={draw} />;
}

/** Hands the lines to `draw` once the frame is committed, or has Ink draw them. */
function Screen({ lines, width, draw }: { lines: LineData[]; width: number; draw?: (lines: LineData[]) => void }): React.JSX.Element {
  useLayoutEffect(() => {
    draw?.(lines);
  }, [draw, lines]);
  if (draw) return <Box />;
  return (
    <Box flexDirection="column" width={width}>
      <Lines lines={lines} />
    </Box>
  );
}
