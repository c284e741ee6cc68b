// `kubectl get sts`: printStatefulSet (pkg/printers/internalversion/printers.go). READY = readyReplicas/replicas.

import { layoutContainerCells } from './common.js';
import type { Printer } from './types.js';
import { age, text } from './types.js';

export const statefulSetPrinter: Printer<'StatefulSet'> = {
  kind: 'StatefulSet',
  columns: [
    { name: 'NAME' },
    { name: 'READY' },
    { name: 'AGE', time: true },
    { name: 'CONTAINERS', wide: true },
    { name: 'IMAGES', wide: true },
  ],
  row(sts, ctx) {
    const ready = sts.status?.readyReplicas ?? 0;
    const desired = sts.spec.replicas ?? 1;
    const { names, images } = layoutContainerCells(sts.spec.template?.spec?.containers);
    return [
      text(sts.metadata.name),
      { text: `${ready}/${desired}`, sort: desired === 0 ? 0 : ready / desired },
      age(sts.metadata.creationTimestamp, ctx.now),
      text(names),
      text(images),
    ];
  },
};
