// The UI's own clock, for things that fade (flash messages, changed-cell marks, the debounced `ui select` line).
// Injectable: the live dashboard advances it with wall time, tests and asciicast export advance it by hand, so
// nothing on screen depends on Date.now().

export interface UiClock {
  now(): number;
  subscribe(fn: () => void): () => void;
}

export class ManualClock implements UiClock {
  private t = 0;
  private listeners = new Set<() => void>();

  // Arrow properties: React calls subscribe/now detached from the object (useSyncExternalStore).
  now = (): number => this.t;

  advance = (ms: number): void => {
    this.t += ms;
    for (const fn of this.listeners) fn();
  };

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  };
}
