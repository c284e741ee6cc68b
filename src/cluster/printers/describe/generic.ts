// kubectl's genericDescriber (kubectl/pkg/describe/describe.go), used for kinds without a describer of their own
// (here: Event): Name, Namespace, Labels, Annotations, then every other field sorted, labelled by smartLabelFor.

import type { KubeObject } from '../../api/types.js';
import { toPlain } from '../yaml.js';
import { describeEvents } from './events.js';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline } from './writer.js';

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** smartLabelFor: `involvedObject` → `Involved Object`, `apiVersion` → `API Version`; odd field names as is. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  const parts = field.match(/\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|[^\p{L}]+/gu) ?? [field];
  return parts
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p[0].toUpperCase() + p.slice(1)))
    .join(' ');
}

const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

function printContent(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    const v = content[field];
    if (Array.isArray(v)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of v) {
        if (child !== null && typeof child === 'object') printContent(w, level + 1, child as Record<string, unknown>, path);
        else w.write(level + 1, `${String(child)}\n`);
      }
    } else if (v !== null && typeof v === 'object') {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printContent(w, level + 1, v as Record<string, unknown>, path);
    } else w.write(level, `${smartLabelFor(field)}:\t${v === null ? '<nil>' : String(v)}\n`);
  }
}

export function describeGeneric(obj: KubeObject, now: number): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  printContent(w, 0, toPlain(obj) as Record<string, unknown>, '');
  describeEvents(w, [], now);
  return w.toString();
}
