// `kubectl get pvc`: printPersistentVolumeClaim (pkg/printers/internalversion/printers.go, v1.31+ with
// VOLUMEATTRIBUTESCLASS). CAPACITY and ACCESS MODES are shown only once the claim is bound to a volume.

import type { PersistentVolumeClaim } from '../api/types.js';
import { canonicalQuantity, parseQuantityExact } from './quantity.js';
import type { Printer } from './types.js';
import { age, text } from './types.js';

const MODE_ABBREVIATIONS: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** GetAccessModesAsString: `RWO,RWX`, in this fixed order, duplicates collapsed. */
export function accessModesAsString(modes: string[] | undefined): string {
  const set = new Set(modes ?? []);
  return MODE_ABBREVIATIONS.filter(([m]) => set.has(m))
    .map(([, a]) => a)
    .join(',');
}

/** GetPersistentVolumeClaimClass: the beta annotation wins over spec.storageClassName. */
export function claimClass(pvc: PersistentVolumeClaim): string {
  return pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec.storageClassName ?? '';
}

/** STATUS: the phase, or Terminating once deletion has started. */
export function claimPhase(pvc: PersistentVolumeClaim): string {
  return pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? 'Pending');
}

export const pvcPrinter: Printer<'PersistentVolumeClaim'> = {
  kind: 'PersistentVolumeClaim',
  columns: [
    { name: 'NAME' },
    { name: 'STATUS' },
    { name: 'VOLUME' },
    { name: 'CAPACITY' },
    { name: 'ACCESS MODES' },
    { name: 'STORAGECLASS' },
    { name: 'VOLUMEATTRIBUTESCLASS' },
    { name: 'AGE', time: true },
    { name: 'VOLUMEMODE', wide: true },
  ],
  row(pvc, ctx) {
    const bound = !!pvc.spec.volumeName;
    const storage = pvc.status?.capacity?.storage;
    const bytes = parseQuantityExact(storage);
    const vac = (pvc.spec as { volumeAttributesClassName?: string }).volumeAttributesClassName;
    return [
      text(pvc.metadata.name),
      text(claimPhase(pvc)),
      text(pvc.spec.volumeName ?? ''),
      { text: bound ? canonicalQuantity(storage ?? '0') : '', sort: bound && bytes ? Number(bytes.nanos / 1_000_000_000n) : -1 },
      text(bound ? accessModesAsString(pvc.status?.accessModes) : ''),
      text(claimClass(pvc)),
      text(vac ?? '<unset>'),
      age(pvc.metadata.creationTimestamp, ctx.now),
      text(pvc.spec.volumeMode ?? '<unset>'),
    ];
  },
};
