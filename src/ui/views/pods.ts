// `:po` — pods, coloured as k9s' render/pod.go ColorerFunc: Pending/ContainerCreating orange, Completed grey,
// Terminating purple, and red for anything unhealthy (a failed state, or Running with containers not ready,
// which k9s flags through its VALID column). Enter opens the pod's containers.

import { DESCRIBE_KEYS, EDIT_DELETE_KEYS, POD_KEYS } from '../keys/resource.js';
import type { Health } from '../theme.js';
import { columnIndex, fraction, resourceView } from './resource.js';

const PENDING = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'SchedulingGated']);

/** The pod row's health from STATUS and READY. */
export function podHealth(status: string, ready: string): Health {
  if (status === 'Completed' || status === 'Succeeded') return 'completed';
  if (status === 'Terminating') return 'terminating';
  if (PENDING.has(status) || /^Init:\d+\/\d+$/.test(status)) return 'pending';
  if (status === 'Running') {
    const f = fraction(ready);
    return f && f[0] < f[1] ? 'error' : 'ok';
  }
  return 'error';
}

export const podsView = resourceView('Pod', {
  name: 'pods',
  aliases: ['po', 'pod', 'pods'],
  health(cells) {
    return podHealth(cells[STATUS]?.text ?? '', cells[READY]?.text ?? '');
  },
  drill(item) {
    return { view: 'containers', scope: { type: 'pod', key: item.key, name: (item.obj as { metadata: { name: string } }).metadata.name } };
  },
  keys: [...DESCRIBE_KEYS, ...POD_KEYS, ...EDIT_DELETE_KEYS],
  defaultSort: { column: 'NAME', asc: true },
});

const STATUS = columnIndex(podsView.columns, 'STATUS');
const READY = columnIndex(podsView.columns, 'READY');
