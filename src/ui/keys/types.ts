// Keys are data (DESIGN.md "The UI"): one list per view says which key does what, so the `?` help page, the
// header hints and the key handler all read the same rows, and a key cannot work without being documented.

export type ActionName =
  // navigation
  | 'up' | 'down' | 'top' | 'bottom' | 'pageUp' | 'pageDown' | 'enter' | 'back'
  | 'colLeft' | 'colRight' | 'sortName' | 'sortAge' | 'sortStatus' | 'sortColumn' | 'wide' | 'events'
  // general
  | 'help' | 'command' | 'filter' | 'quit'
  // resources
  | 'describe' | 'yaml' | 'edit' | 'delete' | 'logs' | 'previousLogs' | 'kill' | 'showNode' | 'scale'
  | 'trigger' | 'suspend' | 'cordon' | 'uncordon' | 'drain' | 'nodeKill' | 'nodeRestore' | 'nodeAdd'
  // time
  | 'pause' | 'step' | 'faster' | 'slower' | 'rewindBack' | 'rewindForward' | 'rewindBackMinute' | 'rewindForwardMinute'
  // text pages
  | 'search' | 'nextMatch' | 'prevMatch';

export type Section = 'resource' | 'general' | 'navigation' | 'time';

export interface KeyBinding {
  /** Key names as keyName() spells them: `j`, `down`, `ctrl-d`, `shift-left`, `N`, `space`, `enter`, `esc`. */
  keys: string[];
  /** What the help page and the header hints say. */
  label: string;
  action: ActionName;
  section: Section;
  /** Changes or destroys something: always behind a dialog whose default button is Cancel (k9s #146). */
  dangerous?: boolean;
  /** Shown in the header hints (help shows every binding). */
  hint?: boolean;
}

/** How a key reads in help and hints: `<ctrl-d>`, `<j>`. */
export function keyLabel(b: KeyBinding): string {
  return b.keys.map((k) => `<${k}>`).join(' ');
}
