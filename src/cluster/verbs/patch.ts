// `kubectl patch KIND NAME -p '…' [--type=strategic|merge|json]` (strategic is kubectl's default).
// merge: RFC 7386 JSON merge patch; strategic: the same, but lists of named things (containers, ports, env,
// volumes…) are merged by their `name`/`containerPort` key as the strategic-merge-patch patchMergeKey says;
// json: RFC 6902 operations. The result goes through the same admission and update validation as apply.

import type { KubeObject } from '../api/types.js';
import { admit } from '../manifest/index.js';
import { notFound, qualifiedName } from '../printers/resources.js';
import { objectKey } from '../store.js';
import type { VerbHandler } from './index.js';
import { updateLive } from './apply.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isObj = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  tolerations: 'key',
  volumeClaimTemplates: 'name',
};

export function mergePatch(target: Json, patch: Json, strategic: boolean, field = ''): Json {
  if (!isObj(patch)) {
    if (strategic && Array.isArray(patch) && Array.isArray(target) && MERGE_KEYS[field]) {
      const key = MERGE_KEYS[field];
      const out = [...target];
      for (const item of patch) {
        const i = isObj(item) ? out.findIndex((t) => isObj(t) && t[key] === item[key]) : -1;
        if (i >= 0) out[i] = mergePatch(out[i], item, strategic);
        else out.push(item);
      }
      return out;
    }
    return patch;
  }
  const out: Record<string, Json> = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k] ?? null, v, strategic, k);
  }
  return out;
}

function pointer(path: string): string[] {
  return path
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function jsonPatch(doc: Json, ops: unknown): Json | { error: string } {
  if (!Array.isArray(ops)) return { error: 'error: unable to parse "json patch": expected an array of operations' };
  let out = structuredClone(doc);
  for (const op of ops as Record<string, unknown>[]) {
    const parts = pointer(String(op.path ?? ''));
    const last = parts.pop();
    let parent: Json = out;
    for (const p of parts) {
      parent = Array.isArray(parent) ? parent[Number(p)] : isObj(parent) ? parent[p] : null;
      if (parent === undefined || parent === null) return { error: `The request is invalid: the server rejected our request due to an error in our request` };
    }
    if (last === undefined) {
      if (op.op === 'replace' || op.op === 'add') out = op.value as Json;
      continue;
    }
    const container = parent as Record<string, Json> | Json[];
    switch (op.op) {
      case 'add':
      case 'replace':
        if (Array.isArray(container)) {
          const i = last === '-' ? container.length : Number(last);
          if (op.op === 'add') container.splice(i, 0, op.value as Json);
          else container[i] = op.value as Json;
        } else container[last] = op.value as Json;
        break;
      case 'remove':
        if (Array.isArray(container)) container.splice(Number(last), 1);
        else delete container[last];
        break;
      case 'test':
        if (JSON.stringify((container as Record<string, Json>)[last]) !== JSON.stringify(op.value)) {
          return { error: 'The request is invalid: the server rejected our request due to an error in our request' };
        }
        break;
      default:
        return { error: `error: unable to parse "json patch": unexpected kind: ${String(op.op)}` };
    }
  }
  return out;
}

export const patch: VerbHandler<'patch'> = (tx, action, result) => {
  const existing = tx.obj(action.kind, objectKey(action.kind, action.namespace, action.name)) as KubeObject | undefined;
  if (!existing) {
    result.errors.push(notFound(action.kind, action.name));
    return;
  }
  const patched =
    action.patchType === 'json'
      ? jsonPatch(existing as unknown as Json, action.patch)
      : mergePatch(existing as unknown as Json, action.patch as Json, action.patchType === 'strategic');
  if (isObj(patched) && 'error' in patched && typeof patched.error === 'string' && Object.keys(patched).length === 1) {
    result.errors.push(patched.error);
    return;
  }
  const { status: _status, ...raw } = patched as Record<string, Json>;
  const admitted = admit(raw as Record<string, unknown>, { namespace: action.namespace });
  if (!admitted.object) {
    result.errors.push(...admitted.errors);
    return;
  }
  const outcome = updateLive(tx, existing, admitted.object, result);
  if (outcome === 'changed') result.output.push(`${qualifiedName(action.kind, action.name)} patched`);
  else if (outcome === 'unchanged') result.output.push(`${qualifiedName(action.kind, action.name)} patched (no change)`);
};
