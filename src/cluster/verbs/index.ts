// User actions (everything but `advance`): one handler per Action type, each in its own file, listed here.

import type { Action, ActionResult } from '../actions.js';
import type { Tx } from '../tx.js';
import { cordon, drain } from '../nodes/drain.js';
import { createJob, createJobFromCronJob } from './create-job.js';
import { nodeAdd, nodeDelete, nodeKill, nodeRestore } from '../nodes/verbs.js';
import { apply } from './apply.js';
import { del } from './delete.js';
import { label } from './label.js';
import { patch } from './patch.js';
import { scale } from './scale.js';
import { setImage } from './set-image.js';

export type VerbHandler<T extends Action['type']> = (tx: Tx, action: Extract<Action, { type: T }>, result: ActionResult) => void;

export const VERBS: { [T in Action['type']]?: VerbHandler<T> } = {
  apply,
  delete: del,
  label,
  patch,
  scale,
  setImage,
  cordon,
  createJob,
  createJobFromCronJob,
  drain,
  nodeAdd,
  nodeDelete,
  nodeKill,
  nodeRestore,
};
