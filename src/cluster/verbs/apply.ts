// `kubectl apply -f` / `kubectl create -f`: admission (defaulting + validation, src/cluster/manifest) then
// create, or — for apply — update the live object's labels, annotations and spec (status is the controllers').

import type { KubeObject } from '../api/types.js';
import { createObject } from '../apiserver.js';
import { admit, finalizeJobSelector, validateUpdate } from '../manifest/index.js';
import { qualifiedName, resourcePlural } from '../printers/resources.js';
import { keyOf } from '../store.js';
import type { Tx } from '../tx.js';
import type { VerbHandler } from './index.js';

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const apply: VerbHandler<'apply'> = (tx, action, result) => {
  action.objects.forEach((raw, i) => {
    const file = action.sources?.[i]?.file;
    const admitted = admit(raw as Record<string, unknown>, {
      namespace: 'default',
      ...(file ? { file } : {}),
      defaultTolerationSeconds: tx.config.defaultTolerationSeconds,
    });
    result.warnings.push(...admitted.warnings);
    const obj = admitted.object;
    if (!obj) {
      result.errors.push(...admitted.errors);
      return;
    }
    const existing = tx.obj(obj.kind, keyOf(obj)) as KubeObject | undefined;
    if (!existing) {
      result.output.push(`${qualifiedName(obj.kind, obj.metadata.name)} created`);
      create(tx, obj);
      return;
    }
    if (action.mode === 'create') {
      const from = file ? `error when creating "${file}": ` : '';
      result.errors.push(`Error from server (AlreadyExists): ${from}${resourcePlural(obj.kind)} "${obj.metadata.name}" already exists`);
      return;
    }
    const outcome = updateLive(tx, existing, obj, result);
    if (outcome !== 'error') result.output.push(`${qualifiedName(obj.kind, obj.metadata.name)} ${outcome === 'changed' ? 'configured' : 'unchanged'}`);
  });
};

/**
 * Replaces the live object's labels, annotations and spec with the admitted `obj`'s (apply and patch both end
 * here), after the API server's update validation. Bumps metadata.generation when the spec changes.
 */
export function updateLive(tx: Tx, existing: KubeObject, obj: KubeObject, result: { errors: string[] }): 'changed' | 'unchanged' | 'error' {
  const next = {
    ...existing,
    metadata: { ...existing.metadata, labels: obj.metadata.labels, annotations: obj.metadata.annotations },
    spec: (obj as { spec?: unknown }).spec,
  } as KubeObject;
  if (!next.metadata.labels) delete next.metadata.labels;
  if (!next.metadata.annotations) delete next.metadata.annotations;
  if (next.kind === 'Pod' && existing.kind === 'Pod' && existing.spec.nodeName) {
    // The binding is the scheduler's, not the manifest's.
    next.spec = { ...next.spec, nodeName: existing.spec.nodeName };
  }
  if (next.kind === 'Job' && existing.kind === 'Job') {
    // The generated selector and template labels are the API server's, not the manifest's: keep the live ones.
    const labels = { ...existing.spec.template.metadata?.labels, ...next.spec.template.metadata?.labels };
    next.spec = {
      ...next.spec,
      selector: existing.spec.selector,
      template: { ...next.spec.template, metadata: { ...next.spec.template.metadata, labels } },
    };
  }
  if (sameJson(next, existing)) return 'unchanged';
  const errs = validateUpdate(existing, next);
  if (errs.length) {
    result.errors.push(...errs);
    return 'error';
  }
  if (!sameJson((next as { spec?: unknown }).spec, (existing as { spec?: unknown }).spec) && next.metadata.generation !== undefined) {
    next.metadata = { ...next.metadata, generation: next.metadata.generation + 1 };
  }
  tx.put(next);
  return 'changed';
}

/** Creates an admitted object; Jobs get their generated selector from their new uid first. */
export function create(tx: Tx, obj: KubeObject): KubeObject {
  if (obj.kind === 'Job' && !obj.metadata.uid) {
    const uid = tx.uid();
    return createObject(tx, finalizeJobSelector({ ...obj, metadata: { ...obj.metadata, uid } }, uid));
  }
  return createObject(tx, obj);
}
