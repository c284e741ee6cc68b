// `kubectl get -o json|yaml|name`. kubectl fetches objects as unstructured maps, so both JSON and YAML print
// keys sorted (Go's encoding/json sorts map keys; yaml.v2 sorts its own way, see yaml.ts). A listing is wrapped in
// a `List` (kubectl get.go: "apiVersion: v1, kind: List, metadata: {resourceVersion: ''}"), even with one item;
// `kubectl get KIND NAME` prints the bare object.

import type { KubeObject } from '../api/types.js';
import { printNames } from './table.js';
import { toPlain, toYaml } from './yaml.js';

export { toYaml } from './yaml.js';

type Json = ReturnType<typeof toPlain>;

function sortDeep(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v === null || typeof v !== 'object') return v;
  const out: { [k: string]: Json } = {};
  for (const k of Object.keys(v).sort()) out[k] = sortDeep(v[k]);
  return out;
}

/**
 * JSONPrinter: json.MarshalIndent(obj, "", "    ") plus a newline. Go escapes <, > and & (HTML-safe) and the
 * line/paragraph separators; those characters can only occur inside strings, so replacing them is safe.
 */
export function toJson(value: unknown): string {
  const s = JSON.stringify(sortDeep(toPlain(value)), null, 4)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return s + '\n';
}

/** The List kubectl wraps several objects in. */
export function asList(objects: readonly unknown[]): { apiVersion: 'v1'; items: unknown[]; kind: 'List'; metadata: { resourceVersion: string } } {
  return { apiVersion: 'v1', items: [...objects], kind: 'List', metadata: { resourceVersion: '' } };
}

export type OutputFormat = 'json' | 'yaml' | 'name';

/**
 * `-o json|yaml|name` for a `get`. `single` is true for `kubectl get KIND NAME` (one named object, printed bare);
 * otherwise the objects are printed as a List.
 */
export function printObjects(format: OutputFormat, objects: readonly KubeObject[], single: boolean): string {
  if (format === 'name') return printNames(objects);
  const value = single && objects.length === 1 ? objects[0] : asList(objects);
  return format === 'json' ? toJson(value) : toYaml(value);
}
