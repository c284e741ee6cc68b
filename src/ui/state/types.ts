// The dashboard's own state (not the cluster's): the stack of screens, the prompt, dialogs, flash, sort per view.
// Plain data changed only by the pure reducer in reducer.ts, so it is tested without a terminal.

import type { Kind } from '../../cluster/api/types.js';
import type { Scope, Sort, ViewName } from '../views/types.js';
import type { Dialog } from './dialog.js';

export interface TableFrame {
  type: 'table';
  view: ViewName;
  scope?: Scope;
  /** As typed after `/`: `kubia`, `!kubia`, `-l app=kubia`. */
  filter: string;
  /** The selected row's key: the selection follows the object when rows move. */
  selected?: string;
  /** Where it was, for when the object goes away. */
  index: number;
}

export type PageKind = 'describe' | 'yaml' | 'logs' | 'previous-logs' | 'output' | 'help';

export interface PageFrame {
  type: 'page';
  page: PageKind;
  /** The object shown (describe, yaml, logs); re-read from the live state on every frame. */
  kind?: Kind;
  key?: string;
  container?: string;
  /** Fixed text (command output). */
  text?: string;
  title: string;
  /** First line shown. */
  scroll: number;
  /** Stick to the end as text grows (logs). */
  follow: boolean;
  search: string;
  /** Index of the current search match. */
  match: number;
}

export type Frame = TableFrame | PageFrame;

export type Mode = 'normal' | 'command' | 'filter' | 'search' | 'dialog';

export type FlashLevel = 'info' | 'warn' | 'error';

export interface Flash {
  text: string;
  level: FlashLevel;
  /** UI clock time it was shown at (it clears FLASH_MS later). */
  at: number;
}

/** k9s model/flash.go DefaultFlashDelay. */
export const FLASH_MS = 6000;

/** `e`: the YAML handed to $EDITOR, for the object at kind/key. */
export interface EditRequest {
  kind: Kind;
  key: string;
  name: string;
  /** What the editor opens with: the live YAML, or the draft a failed edit left. */
  text: string;
  /** The live YAML when the editor opened; the change is the difference between it and what is saved. */
  base: string;
}

export interface UiState {
  stack: Frame[];
  mode: Mode;
  /** The text being typed after `:`, `/` (filter) or `/` (page search). */
  prompt: string;
  /** The filter before `/` was pressed, restored by esc. */
  filterBefore?: string;
  /** Commands run from `:`, oldest first. */
  history: string[];
  /** Position while browsing history with ↑/↓. */
  historyIndex?: number;
  dialog?: Dialog;
  flash?: Flash;
  wide: boolean;
  /** The events pane under the table. */
  events: boolean;
  sorts: Partial<Record<ViewName, Sort>>;
  /** The column picked with shift-←/→ for shift-o, per view. */
  column: Partial<Record<ViewName, number>>;
  edit?: EditRequest;
  /** Edited text kept after a failed edit, by `Kind|key`, so nothing typed is lost. */
  drafts: Record<string, string>;
  quit: boolean;
}

export function initialUiState(view: ViewName = 'pods', opts: { events?: boolean } = {}): UiState {
  return {
    stack: [{ type: 'table', view, filter: '', index: 0 }],
    mode: 'normal',
    prompt: '',
    history: [],
    wide: false,
    events: opts.events ?? false,
    sorts: {},
    column: {},
    drafts: {},
    quit: false,
  };
}

export function topFrame(s: UiState): Frame {
  return s.stack[s.stack.length - 1];
}

/** The nearest table under the top of the stack (the one a page was opened from). */
export function currentTable(s: UiState): TableFrame {
  for (let i = s.stack.length - 1; i >= 0; i--) {
    const f = s.stack[i];
    if (f.type === 'table') return f;
  }
  return { type: 'table', view: 'pods', filter: '', index: 0 };
}
