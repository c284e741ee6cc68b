// `kubectl get cronjobs`: printCronJob (pkg/printers/internalversion/printers.go, v1.30+ with TIMEZONE).

import { formatLabelSelector } from '../labels.js';
import { layoutContainerCells, printBool } from './common.js';
import type { Printer } from './types.js';
import { age, num, text } from './types.js';

export const cronJobPrinter: Printer<'CronJob'> = {
  kind: 'CronJob',
  columns: [
    { name: 'NAME' },
    { name: 'SCHEDULE' },
    { name: 'TIMEZONE' },
    { name: 'SUSPEND' },
    { name: 'ACTIVE', numeric: true },
    { name: 'LAST SCHEDULE', time: true },
    { name: 'AGE', time: true },
    { name: 'CONTAINERS', wide: true },
    { name: 'IMAGES', wide: true },
    { name: 'SELECTOR', wide: true },
  ],
  row(cj, ctx) {
    const last = cj.status?.lastScheduleTime;
    const { names, images } = layoutContainerCells(cj.spec.jobTemplate?.spec?.template?.spec?.containers);
    return [
      text(cj.metadata.name),
      text(cj.spec.schedule),
      text(cj.spec.timeZone ?? '<none>'),
      // SetDefaults_CronJob sets suspend=false, so a stored CronJob prints False rather than <unset>.
      text(printBool(cj.spec.suspend ?? false)),
      num((cj.status?.active ?? []).length),
      last ? age(last, ctx.now) : { text: '<none>', sort: -1 },
      age(cj.metadata.creationTimestamp, ctx.now),
      text(names),
      text(images),
      text(formatLabelSelector(cj.spec.jobTemplate?.spec?.selector)),
    ];
  },
};
