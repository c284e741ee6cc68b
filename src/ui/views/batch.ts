// `:job` and `:cj`. A Job's row follows its STATUS column (Failed red, Complete grey); Enter on a Job lists its
// pods, on a CronJob the Jobs it created (k9s view/cronjob.go). CronJobs add `t` trigger and `s` suspend/resume.

import { CRONJOB_KEYS, DESCRIBE_KEYS, EDIT_DELETE_KEYS, SCALE_KEYS } from '../keys/resource.js';
import { columnIndex, resourceView } from './resource.js';

export const jobsView = resourceView('Job', {
  name: 'jobs',
  aliases: ['job', 'jobs', 'jo'],
  health(cells) {
    const status = cells[jobStatus]?.text;
    if (status === 'Failed' || status === 'FailureTarget') return 'error';
    if (status === 'Complete') return 'completed';
    if (status === 'Terminating') return 'terminating';
    if (status === 'Suspended') return 'pending';
    return 'ok';
  },
  drill(item) {
    const o = item.obj as { metadata: { uid: string; name: string } };
    return { view: 'pods', scope: { type: 'owner', uid: o.metadata.uid, kind: 'Job', name: o.metadata.name } };
  },
  keys: [...DESCRIBE_KEYS, ...SCALE_KEYS, ...EDIT_DELETE_KEYS],
  defaultSort: { column: 'NAME', asc: true },
  movingSort: ['DURATION'],
});
const jobStatus = columnIndex(jobsView.columns, 'STATUS');

export const cronJobsView = resourceView('CronJob', {
  name: 'cronjobs',
  aliases: ['cj', 'cronjob', 'cronjobs'],
  // k9s never colours a CronJob red; a suspended one is shown as waiting.
  health: (cells) => (cells[cjSuspend]?.text === 'True' ? 'pending' : 'ok'),
  drill(item) {
    const o = item.obj as { metadata: { uid: string; name: string } };
    return { view: 'jobs', scope: { type: 'owner', uid: o.metadata.uid, kind: 'CronJob', name: o.metadata.name } };
  },
  keys: [...DESCRIBE_KEYS, ...CRONJOB_KEYS, ...EDIT_DELETE_KEYS],
  defaultSort: { column: 'NAME', asc: true },
});
const cjSuspend = columnIndex(cronJobsView.columns, 'SUSPEND');
