// Per-resource keys, as k9s composes them per view (view/pod.go, view/node.go, view/cronjob.go, scale_extender.go),
// with k9s' sharp edges filed off: every destructive key opens a dialog whose default is Cancel, except ctrl-k,
// which is k9s' "kill" (a pod delete without a prompt) and only ever removes one pod its controller replaces.

import type { KeyBinding } from './types.js';

export const DESCRIBE_KEYS: KeyBinding[] = [
  { keys: ['d'], label: 'Describe', action: 'describe', section: 'resource', hint: true },
  { keys: ['y'], label: 'YAML', action: 'yaml', section: 'resource', hint: true },
];

export const EDIT_DELETE_KEYS: KeyBinding[] = [
  { keys: ['e'], label: 'Edit', action: 'edit', section: 'resource', hint: true },
  { keys: ['ctrl-d'], label: 'Delete', action: 'delete', section: 'resource', dangerous: true, hint: true },
];

export const POD_KEYS: KeyBinding[] = [
  { keys: ['l'], label: 'Logs', action: 'logs', section: 'resource', hint: true },
  { keys: ['p'], label: 'Prev logs', action: 'previousLogs', section: 'resource', hint: true },
  { keys: ['ctrl-k'], label: 'Kill', action: 'kill', section: 'resource', hint: true },
  { keys: ['o'], label: 'Show node', action: 'showNode', section: 'resource' },
];

export const CONTAINER_KEYS: KeyBinding[] = [
  { keys: ['l'], label: 'Logs', action: 'logs', section: 'resource', hint: true },
  { keys: ['p'], label: 'Prev logs', action: 'previousLogs', section: 'resource', hint: true },
];

export const SCALE_KEYS: KeyBinding[] = [{ keys: ['s'], label: 'Scale', action: 'scale', section: 'resource', hint: true }];

export const CRONJOB_KEYS: KeyBinding[] = [
  { keys: ['t'], label: 'Trigger', action: 'trigger', section: 'resource', dangerous: true, hint: true },
  { keys: ['s'], label: 'Suspend/Resume', action: 'suspend', section: 'resource', hint: true },
];

export const NODE_KEYS: KeyBinding[] = [
  { keys: ['c'], label: 'Cordon', action: 'cordon', section: 'resource', hint: true },
  { keys: ['u'], label: 'Uncordon', action: 'uncordon', section: 'resource', hint: true },
  { keys: ['r'], label: 'Drain', action: 'drain', section: 'resource', dangerous: true, hint: true },
  { keys: ['K'], label: 'Kill node', action: 'nodeKill', section: 'resource', dangerous: true, hint: true },
  { keys: ['R'], label: 'Restore node', action: 'nodeRestore', section: 'resource', hint: true },
  { keys: ['a'], label: 'Add node', action: 'nodeAdd', section: 'resource', hint: true },
];
