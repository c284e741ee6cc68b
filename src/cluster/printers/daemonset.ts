// `kubectl get ds`: printDaemonSet (pkg/printers/internalversion/printers.go).

import type { DaemonSet } from '../api/types.js';
import { formatLabelSelector, formatLabels } from '../labels.js';
import { layoutContainerCells } from './common.js';
import type { Printer } from './types.js';
import { age, num, text } from './types.js';

export const daemonSetPrinter: Printer<'DaemonSet'> = {
  kind: 'DaemonSet',
  columns: [
    { name: 'NAME' },
    { name: 'DESIRED', numeric: true },
    { name: 'CURRENT', numeric: true },
    { name: 'READY', numeric: true },
    { name: 'UP-TO-DATE', numeric: true },
    { name: 'AVAILABLE', numeric: true },
    { name: 'NODE SELECTOR' },
    { name: 'AGE', time: true },
    { name: 'CONTAINERS', wide: true },
    { name: 'IMAGES', wide: true },
    { name: 'SELECTOR', wide: true },
  ],
  row(ds, ctx) {
    const s = ds.status ?? ({} as Partial<DaemonSet['status']>);
    const { names, images } = layoutContainerCells(ds.spec.template?.spec?.containers);
    return [
      text(ds.metadata.name),
      num(s.desiredNumberScheduled ?? 0),
      num(s.currentNumberScheduled ?? 0),
      num(s.numberReady ?? 0),
      num(s.updatedNumberScheduled ?? 0),
      num(s.numberAvailable ?? 0),
      text(formatLabels(ds.spec.template?.spec?.nodeSelector)),
      age(ds.metadata.creationTimestamp, ctx.now),
      text(names),
      text(images),
      text(formatLabelSelector(ds.spec.selector)),
    ];
  },
};
