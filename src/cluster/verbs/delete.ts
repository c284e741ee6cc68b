// `kubectl delete`: prints `pod "x" deleted` per object (kubectl v1.32 wording), NotFound errors otherwise.

import type { Action } from '../actions.js';
import { deleteObject } from '../apiserver.js';
import { qualifiedKindName } from '../printers/resources.js';
import { keyOf } from '../store.js';
import type { VerbHandler } from './index.js';
import { VERBS } from './index.js';
import { selectTargets } from './select.js';

export const del: VerbHandler<'delete'> = (tx, action, result) => {
  const targets = selectTargets(tx, action, result);
  if (action.force) {
    result.warnings.push(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
    );
  }
  if (targets.length === 0 && !action.names?.length && result.errors.length === 0) {
    result.output.push(`No resources found`);
    return;
  }
  for (const obj of targets) {
    if (obj.kind === 'Node') {
      const nodeDelete = VERBS.nodeDelete as ((t: typeof tx, a: Extract<Action, { type: 'nodeDelete' }>, r: typeof result) => void) | undefined;
      if (nodeDelete) {
        nodeDelete(tx, { type: 'nodeDelete', node: obj.metadata.name }, { output: [], errors: result.errors, warnings: result.warnings });
        result.output.push(`node "${obj.metadata.name}" deleted`);
        continue;
      }
    }
    deleteObject(tx, obj.kind, keyOf(obj), {
      cascade: action.cascade,
      gracePeriodSeconds: action.gracePeriodSeconds,
      force: action.force,
    });
    result.output.push(`${qualifiedKindName(obj.kind)} "${obj.metadata.name}" ${action.force ? 'force deleted' : 'deleted'}`);
  }
};
