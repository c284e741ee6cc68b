// Events the kubelet records (pkg/kubelet/events): source `kubelet` on the pod's node; container events carry
// the container's field path, `spec.containers{kubia}` (pkg/kubelet/container/ref.go GenerateContainerRef).

import type { Pod } from '../api/types.js';
import { recordEvent } from '../events.js';
import type { Tx } from '../tx.js';

export function fieldPath(name: string, init: boolean): string {
  return init ? `spec.initContainers{${name}}` : `spec.containers{${name}}`;
}

export function containerEvent(
  tx: Tx, pod: Pod, node: string, field: string, type: 'Normal' | 'Warning', reason: string, message: string,
): void {
  recordEvent(tx, pod, { type, reason, message, component: 'kubelet', fieldPath: field, host: node });
}

export function podEvent(tx: Tx, pod: Pod, node: string, type: 'Normal' | 'Warning', reason: string, message: string): void {
  recordEvent(tx, pod, { type, reason, message, component: 'kubelet', host: node });
}
