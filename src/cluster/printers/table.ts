// `kubectl get` text output: rows from the per-kind printers, decorated the way cli-runtime's table printer does
// (staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go: decorateTable + printTable) and laid out by the
// tabwriter kubectl uses (minwidth 6, padding 3). Also `kubectl get all` and `-o name`.

import type { Event, Kind, KubeObject, ObjectOfKind } from '../api/types.js';
import { NAMESPACED } from '../api/types.js';
import type { State } from '../state.js';
import { listObjects } from '../store.js';
import { formatLabels } from '../labels.js';
import { byNamespaceAndName } from './common.js';
import { printerFor } from './registry.js';
import { qualifiedKindName, qualifiedName } from './resources.js';
import { GET_TABWRITER, tabwrite } from './tabwriter.js';

export interface TableOptions {
  /** Simulated time (State.now). */
  now: number;
  /** `-o wide`. */
  wide?: boolean;
  /** `--show-labels`: a LABELS column last. */
  showLabels?: boolean;
  /** `-L key1,key2`: one upper-cased column per key (the part after the last '/'). */
  labelColumns?: string[];
  /** `--no-headers`. */
  noHeaders?: boolean;
  /** `-A`: a NAMESPACE column first (ignored for cluster-scoped kinds, as kubectl does). */
  withNamespace?: boolean;
  /** Prefix names with `kind.group/` (several resource types in one `get`, e.g. `kubectl get all`). */
  withKind?: boolean;
  /** Keep the given order instead of the API server's namespace/name order. */
  keepOrder?: boolean;
  state?: State;
}

/** The order the API server lists objects in: by etcd key, namespace/name. */
export function sortForGet<T extends KubeObject>(objects: readonly T[]): T[] {
  const out = [...objects];
  if (out.length > 0 && out[0].kind === 'Event') {
    // Real event names are `<object>.<hex unix nanos>`, so the key order groups an object's events
    // chronologically; kubesim's event names hash instead, so sort on what the real name encodes.
    return (out as unknown as Event[]).sort((a, b) => {
      const ka = `${a.metadata.namespace ?? ''}/${a.involvedObject.name ?? ''}`;
      const kb = `${b.metadata.namespace ?? ''}/${b.involvedObject.name ?? ''}`;
      if (ka !== kb) return ka < kb ? -1 : 1;
      const ta = Date.parse(a.firstTimestamp || a.metadata.creationTimestamp) || 0;
      const tb = Date.parse(b.firstTimestamp || b.metadata.creationTimestamp) || 0;
      if (ta !== tb) return ta - tb;
      return byNamespaceAndName(a, b);
    }) as unknown as T[];
  }
  return out.sort(byNamespaceAndName);
}

/** kubectl prints only the first line of a multi-line cell, followed by `...`. */
function oneLine(s: string): string {
  const i = s.indexOf('\n');
  return i < 0 ? s : `${s.slice(0, i)}...`;
}

/** Header cells for `kind` with the given options. */
export function tableHeaders(kind: Kind, opts: Omit<TableOptions, 'now'>): string[] {
  const headers = printerFor(kind)
    .columns.filter((c) => opts.wide || !c.wide)
    .map((c) => c.name);
  for (const l of opts.labelColumns ?? []) {
    const parts = l.split('/');
    headers.push(parts[parts.length - 1].toUpperCase());
  }
  if (opts.showLabels) headers.push('LABELS');
  if (opts.withNamespace && NAMESPACED[kind]) headers.unshift('NAMESPACE');
  return headers;
}

/** Rows of cell texts (no layout) for `kind`, as kubectl decorates them. */
export function tableRows<K extends Kind>(kind: K, objects: readonly ObjectOfKind<K>[], opts: TableOptions): string[][] {
  const printer = printerFor(kind);
  const nameIndex = printer.columns.findIndex((c) => c.name === 'NAME');
  const prefix = qualifiedKindName(kind);
  const ordered = opts.keepOrder ? [...objects] : sortForGet(objects);
  return ordered.map((obj) => {
    const cells = printer.row(obj, { now: opts.now, state: opts.state });
    const texts: string[] = [];
    printer.columns.forEach((c, i) => {
      if (!opts.wide && c.wide) return;
      const t = oneLine(cells[i].text);
      texts.push(opts.withKind && i === nameIndex ? `${prefix}/${t}` : t);
    });
    const labels = obj.metadata.labels ?? {};
    for (const key of opts.labelColumns ?? []) texts.push(labels[key] ?? '');
    if (opts.showLabels) texts.push(formatLabels(labels));
    if (opts.withNamespace && NAMESPACED[kind]) texts.unshift(obj.metadata.namespace ?? '');
    return texts;
  });
}

/**
 * `kubectl get KIND` output. Empty string when there are no objects: kubectl then prints
 * `No resources found in <ns> namespace.` on stderr (see noResourcesFound in resources.ts).
 */
export function printTable<K extends Kind>(kind: K, objects: readonly ObjectOfKind<K>[], opts: TableOptions): string {
  if (objects.length === 0) return '';
  const lines = tableRows(kind, objects, opts);
  if (!opts.noHeaders) lines.unshift(tableHeaders(kind, opts));
  return tabwrite(lines.map((l) => l.join('\t') + '\n').join(''), GET_TABWRITER);
}

/**
 * The kinds of the `all` category, in discovery order (core group first, then apps, then batch; resources
 * alphabetical within a group), limited to what kubesim simulates.
 */
export const GET_ALL_KINDS: Kind[] = ['Pod', 'ReplicationController', 'DaemonSet', 'ReplicaSet', 'StatefulSet', 'CronJob', 'Job'];

/**
 * `kubectl get all [-n ns | -A]`: one table per kind with `kind.group/name` names, each laid out on its own,
 * separated by a blank line. `namespace` undefined means all namespaces.
 */
export function printGetAll(state: State, namespace: string | undefined, opts: Omit<TableOptions, 'now' | 'withKind'> = {}): string {
  const sections: string[] = [];
  for (const kind of GET_ALL_KINDS) {
    const objects = listObjects(state, kind, namespace);
    const out = printTable(kind, objects, {
      ...opts,
      now: state.now,
      state,
      withKind: true,
      withNamespace: opts.withNamespace ?? namespace === undefined,
    });
    if (out) sections.push(out);
  }
  return sections.join('\n');
}

/** `-o name`: `pod/kubia-x2f9k`, `replicaset.apps/kubia`, one per line. */
export function printNames(objects: readonly KubeObject[]): string {
  return objects.map((o) => `${qualifiedName(o.kind, o.metadata.name)}\n`).join('');
}
