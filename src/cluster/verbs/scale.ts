// `kubectl scale KIND NAME --replicas=N`: spec.replicas for rc/rs/sts; for a Job kubectl (≤1.22, and as the
// notes use it) sets spec.parallelism.

import { qualifiedName, notFound } from '../printers/resources.js';
import { objectKey } from '../store.js';
import type { VerbHandler } from './index.js';

const SCALABLE = new Set(['ReplicationController', 'ReplicaSet', 'StatefulSet', 'Job']);

export const scale: VerbHandler<'scale'> = (tx, action, result) => {
  if (!SCALABLE.has(action.kind)) {
    result.errors.push(`error: no scaler has been implemented for {"" "${action.kind}"}`);
    return;
  }
  if (!Number.isInteger(action.replicas) || action.replicas < 0) {
    result.errors.push('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    return;
  }
  const key = objectKey(action.kind, action.namespace, action.name);
  const updated = tx.update(action.kind, key, (o) => {
    const spec = (o as { spec: Record<string, unknown> }).spec;
    if (action.kind === 'Job') spec.parallelism = action.replicas;
    else spec.replicas = action.replicas;
  });
  if (!updated) {
    result.errors.push(notFound(action.kind, action.name));
    return;
  }
  if (updated.metadata.generation !== undefined) {
    tx.update(action.kind, key, (o) => {
      o.metadata.generation = (o.metadata.generation ?? 0) + 1;
    });
  }
  result.output.push(`${qualifiedName(action.kind, action.name)} scaled`);
};
