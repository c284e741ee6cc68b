// Events the kubelet records (pkg/kubelet/events): source `kubelet` on the pod's node; container events carry
// the container's field path, `spec.containers{kubia}` (pkg/kubelet/container/ref.go GenerateContainerRef).

import type { Pod } from '../api/types.js';
import { recordEvent } from '../events.js';
import type { Tx } from '../tx.js';

/** The field path of a container, one string per name (every sync of every pod asks for each of its containers;
 * a template literal made a new one each time). Bounded: names come from manifests. */
export function fieldPath(name: string, init: boolean): string {
  const paths = init ? initPaths : appPaths;
  let path = paths.get(name);
  if (path === undefined) {
    path = init ? `spec.initContainers{${name}}` : `spec.containers{${name}}`;
    if (paths.size >= 1024) paths.clear();
    paths.set(name, path);
  }
  return path;
}
const appPaths = new Map<string, string>();
const initPaths = new Map<string, string>();

/**
 * An event message made of one name (a container's, an image's): the same string for every event that says it.
 * Event messages stay with their Events (several per pod, hundreds of thousands at 150,000 pods); made by a
 * template each time, every one was a string of its own, copied once more when recordEvent hashed it. Bounded:
 * names come from manifests.
 */
export class NameMessages {
  private readonly made = new Map<string, string>();
  constructor(private readonly text: (name: string) => string) {}

  of(name: string): string {
    let m = this.made.get(name);
    if (m === undefined) {
      if (this.made.size >= 1024) this.made.clear();
      this.made.set(name, (m = this.text(name)));
    }
    return m;
  }
}

export function containerEvent(
  tx: Tx, pod: Pod, node: string, field: string, type: 'Normal' | 'Warning', reason: string, message: string,
): void {
  recordEvent(tx, pod, { type, reason, message, component: 'kubelet', fieldPath: field, host: node });
}

export function podEvent(tx: Tx, pod: Pod, node: string, type: 'Normal' | 'Warning', reason: string, message: string): void {
  recordEvent(tx, pod, { type, reason, message, component: 'kubelet', host: node });
}
