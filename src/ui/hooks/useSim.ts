// Connects React to the things that change outside it: the simulation (re-render on every emit), the UI store,
// and the UI clock (re-rendered at a coarse step: it only drives fading marks and the flash line).

import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Simulation } from '../../session/simulation.js';
import type { UiClock } from '../clock.js';
import type { UiStore } from '../state/store.js';
import type { UiState } from '../state/types.js';

/** Re-renders whenever the simulation emits (time passed, a line ran, pause, speed, rewind). */
export function useSimulation(sim: Simulation): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const off = sim.subscribe(() => setVersion((v) => v + 1));
    return () => {
      off();
    };
  }, [sim]);
  return version;
}

export function useUiState(store: UiStore): UiState {
  return useSyncExternalStore(store.subscribe, store.getState);
}

/** The UI clock's time, re-rendering every `stepMs` of it. */
export function useClock(clock: UiClock, stepMs = 250): number {
  useSyncExternalStore(clock.subscribe, () => Math.floor(clock.now() / stepMs));
  return clock.now();
}
