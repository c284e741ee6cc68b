// Holds the UI state outside React, so the dashboard can be unmounted and mounted again (around $EDITOR) without
// losing where the user was, and so tests and replays can read and drive it directly.

import { uiReducer, type UiAction } from './reducer.js';
import type { UiState } from './types.js';

export class UiStore {
  private listeners = new Set<() => void>();
  constructor(public state: UiState) {}

  dispatch = (action: UiAction): void => {
    const next = uiReducer(this.state, action);
    if (next === this.state) return;
    this.state = next;
    for (const fn of this.listeners) fn();
  };

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  };

  getState = (): UiState => this.state;
}
