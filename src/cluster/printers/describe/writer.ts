// The PrefixWriter every kubectl describer writes through (staging/src/k8s.io/kubectl/pkg/describe/describe.go):
// levels of two spaces, '\t' between a label and its value, and at the end Go's tabwriter with minwidth 0,
// padding 2 (tabbedString), which aligns each run of tabbed lines to its widest label.

import type { Labels, Taint, Toleration } from '../../api/types.js';
import { DESCRIBE_TABWRITER, tabwrite } from '../tabwriter.js';

export class PrefixWriter {
  private buf = '';

  /** PrefixWriter.Write(level, ...): the text, indented by `level` × 2 spaces. */
  write(level: number, text: string): void {
    this.buf += '  '.repeat(level) + text;
  }

  /** PrefixWriter.WriteLine: text and a newline, no indentation. */
  line(text = ''): void {
    this.buf += text + '\n';
  }

  /** tabbedString: the aligned result. */
  toString(): string {
    return tabwrite(this.buf, DESCRIBE_TABWRITER);
  }
}

/** printLabelsMultilineWithIndent: `Labels:  a=b` then one `k=v` per line, keys sorted, or `<none>`. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Labels | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.line('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, initialIndent + innerIndent);
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** printAnnotationsMultiline: `key: value` per line; long or multi-line values on their own indented lines. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIPPED_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) {
    w.line('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, indent);
    const value = annotations![k].replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) {
        w.write(0, `${indent}  ${s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 2) + '...' : s}\n`);
      }
    } else w.write(0, `${k}: ${value}\n`);
  });
}

/** Taint.ToString(): `key=value:effect`, `key:effect`. */
export function taintString(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

/** printTaintsMultilineWithIndent: sorted by effect then key. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Taint[] | undefined): void {
  w.write(0, `${title}:\t`);
  const ts = [...(taints ?? [])];
  if (ts.length === 0) {
    w.line('<none>');
    return;
  }
  const key = (t: Taint) => `${t.effect},${t.key}`;
  ts.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  ts.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${taintString(t)}\n`);
  });
}

/** printTolerationsMultilineWithIndent: `key=value:effect op=Exists for 300s`, sorted by key. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined, initialIndent = ''): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const ts = [...(tolerations ?? [])];
  if (ts.length === 0) {
    w.line('<none>');
    return;
  }
  ts.sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  ts.forEach((t, i) => {
    if (i !== 0) w.write(0, initialIndent + '\t');
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    // `operator: Exists` with no key and no effect tolerates everything and prints as just `op=Exists`.
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${s}\n`);
  });
}
