// The keymap of a screen: the view's own keys first (k9s checks a view's actions before the table's), then
// navigation, the clock and the general keys. Help and header hints read the same lists.

import type { ResourceView } from '../views/types.js';
import { GENERAL_KEYS, PAGE_KEYS, TABLE_NAVIGATION, TIME_KEYS } from './general.js';
import type { ActionName, KeyBinding } from './types.js';

export type { ActionName, KeyBinding, Section } from './types.js';
export { keyLabel } from './types.js';
export { keyName, isPrintable } from './names.js';

/** Every binding active on a table of `view`. */
export function tableBindings(view: ResourceView): KeyBinding[] {
  return [...view.keys, ...TABLE_NAVIGATION, ...TIME_KEYS, ...GENERAL_KEYS];
}

/** Every binding active on a full-page text (describe, YAML, logs, help). */
export function pageBindings(): KeyBinding[] {
  // `q` on a page goes back (k9s view/details.go); quitting from a page is `:q` or ctrl-c.
  const general = GENERAL_KEYS.filter((b) => b.action !== 'filter').map((b) => (b.action === 'quit' ? { ...b, keys: ['ctrl-c'] } : b));
  return [...PAGE_KEYS, ...TIME_KEYS, ...general];
}

/** The action bound to a key name, first match wins. */
export function actionFor(bindings: KeyBinding[], key: string): KeyBinding | undefined {
  return bindings.find((b) => b.keys.includes(key));
}

/** The bindings shown in the header: the view's hinted keys, then the general hinted ones. */
export function hintBindings(bindings: KeyBinding[]): KeyBinding[] {
  return bindings.filter((b) => b.hint);
}

/** Checks a keymap has no key bound twice (a test runs this over every view). */
export function duplicateKeys(bindings: KeyBinding[]): string[] {
  const seen = new Map<string, ActionName>();
  const dups: string[] = [];
  for (const b of bindings) {
    for (const k of b.keys) {
      const prev = seen.get(k);
      if (prev !== undefined && prev !== b.action) dups.push(`${k}: ${prev} and ${b.action}`);
      seen.set(k, b.action);
    }
  }
  return dups;
}
