// Small formatting helpers shared by the per-kind printers (pkg/printers/internalversion/printers.go).

import type { Container, ObjectMeta } from '../api/types.js';

/** layoutContainerCells: container names and images, comma-joined, for the wide CONTAINERS/IMAGES columns. */
export function layoutContainerCells(containers: Container[] | undefined): { names: string; images: string } {
  const cs = containers ?? [];
  return { names: cs.map((c) => c.name).join(','), images: cs.map((c) => c.image).join(',') };
}

/** printBool / printBoolPtr: `True`, `False`, `<unset>`. */
export function printBool(value: boolean | undefined): string {
  if (value === undefined) return '<unset>';
  return value ? 'True' : 'False';
}

/** Sort key kubectl's list order follows: the API server returns items ordered by `namespace/name`. */
export function byNamespaceAndName(a: { metadata: ObjectMeta }, b: { metadata: ObjectMeta }): number {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The ownerReference with controller=true, as metav1.GetControllerOf. */
export function controllerOf(meta: ObjectMeta): { kind: string; name: string; uid: string } | undefined {
  return meta.ownerReferences?.find((r) => r.controller === true);
}
