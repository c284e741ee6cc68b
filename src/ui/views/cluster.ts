// `:no`, `:ev`, `:pvc`. Nodes: NotReady red, cordoned orange (k9s render/node.go), Enter lists the node's pods.
// Events: Warnings orange (k9s leaves them plain; ctrl-z there filters them instead), newest first (LAST SEEN,
// sorted by elapsed time — k9s #3294 sorted it as a string). PVCs: Pending orange, Lost red.

import { DESCRIBE_KEYS, EDIT_DELETE_KEYS, NODE_KEYS } from '../keys/resource.js';
import { columnIndex, resourceView } from './resource.js';

export const nodesView = resourceView('Node', {
  name: 'nodes',
  aliases: ['no', 'node', 'nodes'],
  health(cells) {
    const status = cells[nodeStatus]?.text ?? '';
    if (status.startsWith('NotReady') || status.startsWith('Unknown')) return 'error';
    if (status.includes('SchedulingDisabled')) return 'pending';
    return 'ok';
  },
  drill(item) {
    const name = (item.obj as { metadata: { name: string } }).metadata.name;
    return { view: 'pods', scope: { type: 'node', name } };
  },
  keys: [...DESCRIBE_KEYS, ...NODE_KEYS, ...EDIT_DELETE_KEYS],
  defaultSort: { column: 'NAME', asc: true },
});
const nodeStatus = columnIndex(nodesView.columns, 'STATUS');

export const eventsView = resourceView('Event', {
  name: 'events',
  aliases: ['ev', 'event', 'events'],
  health: (cells) => (cells[eventType]?.text === 'Warning' ? 'warning' : 'ok'),
  // k9s removes delete/edit from events (view/event.go).
  keys: [...DESCRIBE_KEYS],
  defaultSort: { column: 'LAST SEEN', asc: true },
});
const eventType = columnIndex(eventsView.columns, 'TYPE');

export const pvcsView = resourceView('PersistentVolumeClaim', {
  name: 'persistentvolumeclaims',
  aliases: ['pvc', 'persistentvolumeclaim', 'persistentvolumeclaims'],
  health(cells) {
    const status = cells[pvcStatus]?.text;
    if (status === 'Pending') return 'pending';
    if (status === 'Lost') return 'error';
    return 'ok';
  },
  keys: [...DESCRIBE_KEYS, ...EDIT_DELETE_KEYS],
  defaultSort: { column: 'NAME', asc: true },
});
const pvcStatus = columnIndex(pvcsView.columns, 'STATUS');
