// `kubectl label` / `kubectl annotate`: k=v sets, k- removes; changing an existing value needs --overwrite
// (kubectl's error: `'app' already has a value (kubia), and --overwrite is false`).

import { qualifiedName } from '../printers/resources.js';
import { keyOf } from '../store.js';
import type { VerbHandler } from './index.js';
import { selectTargets } from './select.js';

export const label: VerbHandler<'label'> = (tx, action, result) => {
  const field = action.target ?? 'labels';
  for (const obj of selectTargets(tx, action, result)) {
    const current = { ...(obj.metadata[field] ?? {}) };
    let changed = false;
    let refused = false;
    for (const [k, v] of Object.entries(action.set)) {
      if (k in current && current[k] !== v && !action.overwrite) {
        result.errors.push(`error: '${k}' already has a value (${current[k]}), and --overwrite is false`);
        refused = true;
        break;
      }
      if (current[k] !== v) changed = true;
      current[k] = v;
    }
    if (refused) continue;
    for (const k of action.remove) {
      if (k in current) {
        delete current[k];
        changed = true;
      } else {
        result.warnings.push(`${field === 'labels' ? 'label' : 'annotation'} "${k}" not found.`);
      }
    }
    const verb = field === 'labels' ? 'labeled' : 'annotated';
    if (!changed) {
      result.output.push(`${qualifiedName(obj.kind, obj.metadata.name)} not ${verb}`);
      continue;
    }
    tx.update(obj.kind, keyOf(obj), (o) => {
      if (Object.keys(current).length) o.metadata[field] = current;
      else delete o.metadata[field];
    });
    result.output.push(`${qualifiedName(obj.kind, obj.metadata.name)} ${verb}`);
  }
};
