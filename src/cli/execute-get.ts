// `kubectl get`: which objects (names, -l, all), in what order (API order, --sort-by), printed how (tables from
// src/cluster/printers, -o json|yaml|name|jsonpath). Mirrors staging/src/k8s.io/kubectl/pkg/cmd/get/get.go.

import type { Kind, KubeObject } from '../cluster/api/types.js';
import { NAMESPACED } from '../cluster/api/types.js';
import { asList, printObjects } from '../cluster/printers/output.js';
import { noResourcesFound, notFound } from '../cluster/printers/resources.js';
import { GET_ALL_KINDS, printTable, sortForGet } from '../cluster/printers/table.js';
import { GET_TABWRITER, tabwrite } from '../cluster/printers/tabwriter.js';
import { toPlain } from '../cluster/printers/yaml.js';
import type { State } from '../cluster/state.js';
import { getObject, listObjects, objectKey } from '../cluster/store.js';
import { executeJsonPath, formatValue, jsonPathValues, relaxedJsonPath } from './jsonpath.js';
import { matchesSelectorRequirements } from './script/selector.js';
import type { GetCommand, ResourceTarget, Selector } from './script/types.js';
import type { OutputBuilder } from './session.js';

export interface Section {
  kind: Kind;
  objects: KubeObject[];
  /** Objects were named: keep the order they were asked for. */
  named: boolean;
}

/**
 * The objects a get/describe-style command names: each target's names (NotFound errors pushed to `missing`),
 * or every object of the kind in `namespace` (undefined = all namespaces) that the selector matches.
 */
export function collect(
  state: State,
  targets: ResourceTarget[],
  namespace: string | undefined,
  selector: Selector | undefined,
  missing: string[],
): Section[] {
  return targets.map((t) => {
    if (t.names.length > 0) {
      const objects: KubeObject[] = [];
      for (const name of t.names) {
        const obj = getObject(state, t.kind, objectKey(t.kind, namespace ?? 'default', name)) as KubeObject | undefined;
        if (obj) objects.push(obj);
        else missing.push(notFound(t.kind, name));
      }
      return { kind: t.kind, objects, named: true };
    }
    const reqs = selector?.requirements ?? [];
    const objects = (listObjects(state, t.kind, NAMESPACED[t.kind] ? namespace : undefined) as KubeObject[]).filter((o) =>
      matchesSelectorRequirements(reqs, o.metadata.labels),
    );
    return { kind: t.kind, objects: sortForGet(objects), named: false };
  });
}

/** --sort-by: orders by the value at a JSONPath; numbers numerically, the rest as text; missing values first. */
function sortBy(objects: KubeObject[], expr: string): KubeObject[] {
  const path = relaxedJsonPath(expr);
  const keyed = objects.map((o) => ({ o, v: jsonPathValues(path, toPlain(o))[0] }));
  keyed.sort((a, b) => {
    if (a.v === undefined || b.v === undefined) return a.v === undefined ? (b.v === undefined ? 0 : -1) : 1;
    if (typeof a.v === 'number' && typeof b.v === 'number') return a.v - b.v;
    const sa = typeof a.v === 'string' ? a.v : JSON.stringify(a.v);
    const sb = typeof b.v === 'string' ? b.v : JSON.stringify(b.v);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
  return keyed.map((k) => k.o);
}

/**
 * kubectl's CustomColumnsPrinter: one row per object, `<none>` where the path finds nothing, several values
 * joined by commas.
 */
function customColumns(columns: { header: string; path: string }[], objects: KubeObject[], noHeaders: boolean): string {
  const rows = objects.map((o) => {
    const plain = toPlain(o);
    return columns.map((c) => {
      const values = jsonPathValues(c.path, plain);
      return values.length === 0 ? '<none>' : values.map(formatValue).join(',');
    });
  });
  if (!noHeaders) rows.unshift(columns.map((c) => c.header));
  return tabwrite(rows.map((r) => r.join('\t') + '\n').join(''), GET_TABWRITER);
}

export function runGet(b: OutputBuilder, cmd: GetCommand, sessionNamespace: string): void {
  const namespace = cmd.allNamespaces ? undefined : (cmd.namespace ?? sessionNamespace);
  const targets: ResourceTarget[] = cmd.all
    ? [...GET_ALL_KINDS.map((kind) => ({ kind, names: [] as string[] })), ...cmd.targets.filter((t) => !GET_ALL_KINDS.includes(t.kind))]
    : cmd.targets;
  if (cmd.allNamespaces && targets.some((t) => t.names.length > 0)) {
    b.fail('error: a resource cannot be retrieved by name across all namespaces');
    return;
  }
  const missing: string[] = [];
  const sections = collect(b.state, targets, namespace, cmd.selector, missing);
  if (cmd.sortBy) for (const s of sections) s.objects = sortBy(s.objects, cmd.sortBy);
  if (!cmd.ignoreNotFound && missing.length > 0) b.fail(...missing);
  const objects = sections.flatMap((s) => s.objects);
  const single = targets.length === 1 && targets[0].names.length === 1 && !cmd.all;
  const out = cmd.output;

  if (out === 'json' || out === 'yaml' || out === 'name') {
    if (objects.length > 0 || out !== 'name') {
      if (!(single && objects.length === 0)) b.text(printObjects(out, objects, single));
    }
    return;
  }
  if (typeof out === 'object' && 'jsonpath' in out) {
    if (single && objects.length === 0) return;
    b.out(executeJsonPath(out.jsonpath, toPlain(single ? objects[0] : asList(objects))));
    return;
  }
  if (typeof out === 'object') {
    if (objects.length > 0) b.text(customColumns(out.customColumns, objects, cmd.noHeaders));
    else if (missing.length === 0) b.warn(noResourcesFound(namespace));
    return;
  }
  const tables = sections
    .filter((s) => s.objects.length > 0)
    .map((s) =>
      printTable(s.kind, s.objects as never[], {
        now: b.state.now,
        state: b.state,
        wide: out === 'wide',
        showLabels: cmd.showLabels,
        labelColumns: cmd.labelColumns,
        noHeaders: cmd.noHeaders,
        withNamespace: cmd.allNamespaces,
        withKind: cmd.showKind,
        keepOrder: s.named || cmd.sortBy !== undefined,
      }),
    );
  // Several kinds print one table each, separated by a blank line (get.go's printer resets per kind).
  tables.forEach((t, i) => {
    if (i > 0) b.out('');
    b.text(t);
  });
  if (objects.length === 0 && missing.length === 0) {
    const clusterScoped = targets.every((t) => !NAMESPACED[t.kind]);
    b.warn(noResourcesFound(clusterScoped || namespace === undefined ? undefined : namespace));
  }
}
