// Which objects a verb acts on: named ones (NotFound errors in kubectl's words), a label selector, or --all.

import type { Kind, KubeObject } from '../api/types.js';
import type { ActionResult } from '../actions.js';
import { matchesSelectorRequirements, parseSelector } from '../../cli/script/selector.js';
import { notFound } from '../printers/resources.js';
import { keyOf, objectKey } from '../store.js';
import type { Tx } from '../tx.js';

export interface Target {
  kind: Kind;
  namespace: string;
  names?: string[];
  selector?: string;
  all?: boolean;
  ignoreNotFound?: boolean;
}

/** Returns the targeted objects, pushing kubectl's errors for missing names or a bad selector. */
export function selectTargets(tx: Tx, t: Target, result: ActionResult): KubeObject[] {
  if (t.names && t.names.length > 0) {
    const out: KubeObject[] = [];
    for (const name of t.names) {
      const obj = tx.obj(t.kind, objectKey(t.kind, t.namespace, name)) as KubeObject | undefined;
      if (obj) out.push(obj);
      else if (!t.ignoreNotFound) result.errors.push(notFound(t.kind, name));
    }
    return out;
  }
  let reqs: ReturnType<typeof parseSelector> = [];
  if (t.selector !== undefined) {
    reqs = parseSelector(t.selector);
    if ('error' in reqs) {
      result.errors.push(reqs.error);
      return [];
    }
  } else if (!t.all) {
    result.errors.push('error: resource(s) were provided, but no name was specified');
    return [];
  }
  const sel = reqs;
  return (tx.objects(t.kind) as KubeObject[])
    .filter((o) => t.kind === 'Node' || (o.metadata.namespace ?? 'default') === t.namespace)
    .filter((o) => matchesSelectorRequirements(sel, o.metadata.labels))
    .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}
