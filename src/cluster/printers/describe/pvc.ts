// `kubectl describe pvc`: describePersistentVolumeClaim / printPersistentVolumeClaim in
// kubectl/pkg/describe/describe.go. "Used By" lists the namespace's pods that mount the claim.

import type { Event, PersistentVolumeClaim } from '../../api/types.js';
import type { State } from '../../state.js';
import { listObjects } from '../../store.js';
import { humanDuration } from '../duration.js';
import { accessModesAsString, claimClass } from '../pvc.js';
import { canonicalQuantity } from '../quantity.js';
import { parseTime } from '../../util/time.js';
import { describeEvents } from './events.js';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline } from './writer.js';

export function describePersistentVolumeClaim(state: State, pvc: PersistentVolumeClaim, events: Event[]): string {
  const w = new PrefixWriter();
  const ns = pvc.metadata.namespace ?? 'default';
  w.write(0, `Name:\t${pvc.metadata.name}\n`);
  w.write(0, `Namespace:\t${ns}\n`);
  w.write(0, `StorageClass:\t${claimClass(pvc)}\n`);
  if (pvc.metadata.deletionTimestamp) {
    const t = parseTime(pvc.metadata.deletionTimestamp) ?? state.now;
    w.write(0, `Status:\tTerminating (lasts ${humanDuration(state.now - t)})\n`);
  } else w.write(0, `Status:\t${pvc.status?.phase ?? 'Pending'}\n`);
  w.write(0, `Volume:\t${pvc.spec.volumeName ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', pvc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
  // Go's %v of a []string: `[a b]`.
  w.write(0, `Finalizers:\t[${(pvc.metadata.finalizers ?? []).join(' ')}]\n`);
  const bound = !!pvc.spec.volumeName;
  w.write(0, `Capacity:\t${bound ? canonicalQuantity(pvc.status?.capacity?.storage ?? '0') : ''}\n`);
  w.write(0, `Access Modes:\t${bound ? accessModesAsString(pvc.status?.accessModes) : ''}\n`);
  if (pvc.spec.volumeMode) w.write(0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
  const users = listObjects(state, 'Pod', ns)
    .filter((p) => (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name))
    .map((p) => p.metadata.name)
    .sort();
  w.write(0, 'Used By:\t');
  if (users.length === 0) w.line('<none>');
  else users.forEach((n, i) => w.write(0, `${i === 0 ? '' : '\t'}${n}\n`));
  describeEvents(w, events, state.now);
  return w.toString();
}
