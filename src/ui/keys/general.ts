// Keys every screen has: k9s' global bindings (view/app.go bindKeys) plus kubesim's clock.

import type { KeyBinding } from './types.js';

export const GENERAL_KEYS: KeyBinding[] = [
  { keys: ['?'], label: 'Help', action: 'help', section: 'general', hint: true },
  { keys: [':'], label: 'Command', action: 'command', section: 'general' },
  { keys: ['/'], label: 'Filter', action: 'filter', section: 'general' },
  { keys: ['q', 'ctrl-c'], label: 'Quit', action: 'quit', section: 'general' },
];

/** The simulated clock. `[`/`]` step through history only while paused (Simulation.rewind). */
export const TIME_KEYS: KeyBinding[] = [
  { keys: ['space'], label: 'Pause', action: 'pause', section: 'time', hint: true },
  { keys: ['.'], label: 'Step 1s', action: 'step', section: 'time' },
  { keys: ['>'], label: 'Faster', action: 'faster', section: 'time' },
  { keys: ['<'], label: 'Slower', action: 'slower', section: 'time' },
  { keys: ['['], label: 'Rewind 10s', action: 'rewindBack', section: 'time' },
  { keys: [']'], label: 'Forward 10s', action: 'rewindForward', section: 'time' },
  { keys: ['{'], label: 'Rewind 1m', action: 'rewindBackMinute', section: 'time' },
  { keys: ['}'], label: 'Forward 1m', action: 'rewindForwardMinute', section: 'time' },
];

/** Moving around a table (derailed/tview table.go InputHandler, view/table.go). */
export const TABLE_NAVIGATION: KeyBinding[] = [
  { keys: ['j', 'down'], label: 'Down', action: 'down', section: 'navigation' },
  { keys: ['k', 'up'], label: 'Up', action: 'up', section: 'navigation' },
  { keys: ['g', 'home'], label: 'Top', action: 'top', section: 'navigation' },
  { keys: ['G', 'end'], label: 'Bottom', action: 'bottom', section: 'navigation' },
  { keys: ['pgdn', 'ctrl-f'], label: 'Page down', action: 'pageDown', section: 'navigation' },
  { keys: ['pgup', 'ctrl-b'], label: 'Page up', action: 'pageUp', section: 'navigation' },
  { keys: ['enter'], label: 'View', action: 'enter', section: 'navigation' },
  { keys: ['esc'], label: 'Back/Clear', action: 'back', section: 'navigation' },
  { keys: ['shift-left'], label: 'Column left', action: 'colLeft', section: 'navigation' },
  { keys: ['shift-right'], label: 'Column right', action: 'colRight', section: 'navigation' },
  { keys: ['N'], label: 'Sort name', action: 'sortName', section: 'navigation' },
  { keys: ['A'], label: 'Sort age', action: 'sortAge', section: 'navigation' },
  { keys: ['S'], label: 'Sort status', action: 'sortStatus', section: 'navigation' },
  { keys: ['O'], label: 'Sort column', action: 'sortColumn', section: 'navigation' },
  { keys: ['ctrl-w'], label: 'Wide', action: 'wide', section: 'navigation' },
  { keys: ['E'], label: 'Events', action: 'events', section: 'navigation', hint: true },
];

/** Full-page text (describe, YAML, logs, help): view/details.go, view/log.go. */
export const PAGE_KEYS: KeyBinding[] = [
  { keys: ['j', 'down'], label: 'Down', action: 'down', section: 'navigation' },
  { keys: ['k', 'up'], label: 'Up', action: 'up', section: 'navigation' },
  { keys: ['g', 'home'], label: 'Top', action: 'top', section: 'navigation' },
  { keys: ['G', 'end'], label: 'Bottom (follow)', action: 'bottom', section: 'navigation' },
  { keys: ['pgdn', 'ctrl-f'], label: 'Page down', action: 'pageDown', section: 'navigation' },
  { keys: ['pgup', 'ctrl-b'], label: 'Page up', action: 'pageUp', section: 'navigation' },
  { keys: ['/'], label: 'Search', action: 'search', section: 'navigation', hint: true },
  { keys: ['n'], label: 'Next match', action: 'nextMatch', section: 'navigation', hint: true },
  { keys: ['N'], label: 'Previous match', action: 'prevMatch', section: 'navigation' },
  { keys: ['esc', 'q'], label: 'Back', action: 'back', section: 'navigation', hint: true },
];
