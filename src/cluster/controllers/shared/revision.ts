// Template revisions (pkg/controller/history/controller_history.go HashControllerRevision): the
// `controller-revision-hash` label is an FNV-32a hash of the pod template, written with
// rand.SafeEncodeString (each decimal digit mapped into the same vowel-free alphabet as generated names).

import type { PodTemplateSpec } from '../../api/types.js';
import { fnv1a } from '../../util/hash.js';
import { NAME_ALPHABET } from '../../util/names.js';

/** JSON with object keys sorted, so equal templates hash equally whatever the key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export function templateHash(template: PodTemplateSpec, collisionCount = 0): string {
  // The StatefulSet and DaemonSet controllers hash their template at every sync; a stored template is frozen
  // (the Tx deep-freezes what it commits, and in kubesim a frozen object is frozen all the way down, tx.ts
  // deepFreeze), so its hash never changes: kept per template object. Canonical JSON of a template per sync was
  // ~10% of the StatefulSet controller's time converging 30,000 pods.
  const frozen = collisionCount === 0 && !Object.isExtensible(template);
  if (frozen) {
    const known = hashes.get(template);
    if (known !== undefined) return known;
  }
  const digits = String(fnv1a(canonical(template) + (collisionCount ? `#${collisionCount}` : '')));
  let out = '';
  for (let i = 0; i < digits.length; i++) out += NAME_ALPHABET[digits.charCodeAt(i) % NAME_ALPHABET.length];
  if (frozen) hashes.set(template, out);
  return out;
}
const hashes = new WeakMap<PodTemplateSpec, string>();

export const REVISION_LABEL = 'controller-revision-hash';
