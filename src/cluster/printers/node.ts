// `kubectl get nodes`: printNode in pkg/printers/internalversion/printers.go.

import type { Node } from '../api/types.js';
import type { Cell, Printer, PrintContext } from './types.js';
import { age, text } from './types.js';

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role=<role>`, sorted, deduplicated. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === ROLE_LABEL && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

/** STATUS: `Ready` / `NotReady` (False or Unknown) / `Unknown` (no Ready condition), `,SchedulingDisabled` if cordoned. */
export function nodeStatus(node: Node): string {
  const parts: string[] = [];
  // The last condition of a type wins, as the conditionMap in printNode does.
  const ready = [...(node.status?.conditions ?? [])].reverse().find((c) => c.type === 'Ready');
  if (ready) parts.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  else parts.push('Unknown');
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

function address(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
}

export const nodePrinter: Printer<'Node'> = {
  kind: 'Node',
  columns: [
    { name: 'NAME' },
    { name: 'STATUS' },
    { name: 'ROLES' },
    { name: 'AGE', time: true },
    { name: 'VERSION' },
    { name: 'INTERNAL-IP', wide: true },
    { name: 'EXTERNAL-IP', wide: true },
    { name: 'OS-IMAGE', wide: true },
    { name: 'KERNEL-VERSION', wide: true },
    { name: 'CONTAINER-RUNTIME', wide: true },
  ],
  row(node: Node, ctx: PrintContext): Cell[] {
    const info = node.status?.nodeInfo ?? {};
    const roles = nodeRoles(node).join(',');
    return [
      text(node.metadata.name),
      text(nodeStatus(node)),
      text(roles || '<none>'),
      age(node.metadata.creationTimestamp, ctx.now),
      text(info.kubeletVersion ?? ''),
      text(address(node, 'InternalIP')),
      text(address(node, 'ExternalIP')),
      text(info.osImage || '<unknown>'),
      text(info.kernelVersion || '<unknown>'),
      text(info.containerRuntimeVersion || '<unknown>'),
    ];
  },
};
