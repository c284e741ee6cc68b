// Connects React to the things that change outside it: the simulation (re-render on every emit), the UI store,
// and the UI clock (re-rendered at a coarse step: it only drives fading marks and the flash line).

import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { Simulation } from '../../session/simulation.js';
import type { UiClock } from '../clock.js';
import type { UiStore } from '../state/store.js';
import type { UiState } from '../state/types.js';

/**
 * Re-renders whenever the simulation emits (time passed, a line ran, pause, speed, rewind). Through
 * useSyncExternalStore, like the UI clock below: a tick moves both the simulation and the clock, and two
 * external-store updates in the same turn make one render, where a setState here (default lane) and the clock
 * (sync lane) made two — and every render is a whole frame.
 */
export function useSimulation(sim: Simulation): number {
  const version = useRef(0);
  const subscribe = useCallback(
    (fn: () => void) =>
      sim.subscribe(() => {
        version.current++;
        fn();
      }),
    [sim],
  );
  return useSyncExternalStore(subscribe, () => version.current);
}

export function useUiState(store: UiStore): UiState {
  return useSyncExternalStore(store.subscribe, store.getState);
}

/** The UI clock's time, re-rendering every `stepMs` of it. */
export function useClock(clock: UiClock, stepMs = 250): number {
  useSyncExternalStore(clock.subscribe, () => Math.floor(clock.now() / stepMs));
  return clock.now();
}
