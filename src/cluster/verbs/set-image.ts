// `kubectl set image KIND/NAME CONTAINER=IMAGE…`: edits the pod template (or the pod) and prints
// `replicaset.apps/kubia image updated`.

import type { Container, KubeObject } from '../api/types.js';
import { notFound, qualifiedName } from '../printers/resources.js';
import { objectKey } from '../store.js';
import type { VerbHandler } from './index.js';
import { updateLive } from './apply.js';

function containersOf(obj: KubeObject): Container[] | undefined {
  switch (obj.kind) {
    case 'Pod':
      return obj.spec.containers;
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
      return obj.spec.template.spec.containers;
    case 'CronJob':
      return obj.spec.jobTemplate.spec.template.spec.containers;
    default:
      return undefined;
  }
}

export const setImage: VerbHandler<'setImage'> = (tx, action, result) => {
  const existing = tx.obj(action.kind, objectKey(action.kind, action.namespace, action.name)) as KubeObject | undefined;
  if (!existing) {
    result.errors.push(notFound(action.kind, action.name));
    return;
  }
  const next = structuredClone(existing);
  const containers = containersOf(next);
  if (!containers) {
    result.errors.push(`error: ${qualifiedName(action.kind, action.name)} has no containers to set images on`);
    return;
  }
  for (const [name, image] of Object.entries(action.images)) {
    const targets = name === '*' ? containers : containers.filter((c) => c.name === name);
    if (targets.length === 0) {
      result.errors.push(`error: unable to find container named "${name}"`);
      return;
    }
    for (const c of targets) c.image = image;
  }
  const outcome = updateLive(tx, existing, next, result);
  if (outcome !== 'error') result.output.push(`${qualifiedName(action.kind, action.name)} image updated`);
};
