// `kubectl apply|create -f PATH` and `kubectl delete -f PATH`. Manifests are read and validated here, before
// the engine sees them, so a rejected document can be pointed at: after kubectl's own message comes the
// file and line of the offending field (`  at kubia.yaml:12 (spec.template.spec.restartPolicy)`). Valid
// documents go to the engine in one `apply` action, with their sources.

import { resolve } from 'node:path';
import type { ManifestSource } from '../cluster/actions.js';
import type { Kind, KubeObject } from '../cluster/api/types.js';
import { admit } from '../cluster/manifest/index.js';
import { loadManifestPath, type LoadResult, type ParsedDocument } from '../cluster/manifest/load.js';
import { resolveResource } from '../cluster/printers/resources.js';
import { getObject, objectKey } from '../cluster/store.js';
import type { ApplyCommand, DeleteCommand } from './script/types.js';
import type { OutputBuilder } from './session.js';

/** Loads `-f` paths relative to `baseDir`, naming files in messages as the user wrote them. */
function load(b: OutputBuilder, files: string[], baseDir: string): ParsedDocument[] {
  const documents: ParsedDocument[] = [];
  for (const file of files) {
    if (/^https?:\/\//.test(file)) {
      b.fail(`error: kubesim cannot download ${file}: save the manifest and use -f PATH`);
      continue;
    }
    const abs = resolve(baseDir, file);
    const shown = file.replace(/\/+$/, '') || file;
    const r = renamed(loadManifestPath(abs), abs, shown);
    for (const e of r.errors) b.fail(e.message);
    documents.push(...r.documents);
  }
  return documents;
}

/** The loader names files by the path it read; show the path as typed in the script instead. */
function renamed(r: LoadResult, abs: string, shown: string): LoadResult {
  if (abs === shown) return r;
  const fix = (s: string) => s.split(abs).join(shown);
  return {
    errors: r.errors.map((e) => ({ ...e, file: fix(e.file), message: fix(e.message) })),
    documents: r.documents.map((d) => ({ ...d, source: { ...d.source, file: fix(d.source.file) }, lineOf: d.lineOf })),
  };
}

/** The line of the field at `path`, or of its nearest ancestor present in the file (a Required field is absent). */
function lineNear(doc: ParsedDocument, path: (string | number)[]): number {
  for (let n = path.length; n > 0; n--) {
    const line = doc.lineOf(path.slice(0, n));
    if (line !== undefined) return line;
  }
  return doc.source.line;
}

export function runApply(b: OutputBuilder, cmd: ApplyCommand, baseDir: string, namespace = 'default'): void {
  const documents = load(b, cmd.files, baseDir);
  const objects: unknown[] = [];
  const sources: ManifestSource[] = [];
  for (const doc of documents) {
    const admitted = admit(doc.object, {
      namespace: cmd.namespace ?? namespace,
      enforceNamespace: cmd.namespace !== undefined,
      file: doc.source.file,
      defaultTolerationSeconds: b.state.config.defaultTolerationSeconds,
    });
    if (admitted.object) {
      objects.push(doc.object);
      sources.push(doc.source);
      continue;
    }
    b.fail(...admitted.errors);
    const where = admitted.fieldErrors.length > 0 ? admitted.fieldErrors : [{ field: '', path: [] as (string | number)[] }];
    for (const fe of where) {
      const line = fe.path.length > 0 ? lineNear(doc, fe.path) : doc.source.line;
      b.warn(`  at ${doc.source.file}:${line}${fe.field ? ` (${fe.field})` : ''}`);
    }
  }
  if (objects.length > 0) b.dispatch({ type: 'apply', mode: cmd.verb, objects, sources });
  else if (documents.length === 0 && !b.failed) b.fail(`error: no objects passed to ${cmd.verb}`);
}

export interface Doomed {
  kind: Kind;
  key: string;
  name: string;
  uid: string;
}

/** `kubectl delete -f`: the objects the manifests name, one delete action per kind. Returns what existed. */
export function runDeleteFiles(b: OutputBuilder, cmd: DeleteCommand, namespace: string, baseDir: string): Doomed[] {
  const byKind = new Map<Kind, string[]>();
  for (const doc of load(b, cmd.files, baseDir)) {
    const kind = typeof doc.object.kind === 'string' ? resolveResource(doc.object.kind) : undefined;
    const meta = doc.object.metadata as { name?: unknown } | undefined;
    if (!kind || typeof meta?.name !== 'string') {
      b.fail(`error: ${doc.source.file}:${doc.source.line}: cannot tell which object this document names`);
      continue;
    }
    const names = byKind.get(kind) ?? [];
    if (!names.includes(meta.name)) names.push(meta.name);
    byKind.set(kind, names);
  }
  const doomed: Doomed[] = [];
  for (const [kind, names] of byKind) {
    for (const name of names) {
      const key = objectKey(kind, namespace, name);
      const obj = getObject(b.state, kind, key) as KubeObject | undefined;
      if (obj) doomed.push({ kind, key, name, uid: obj.metadata.uid });
    }
    b.dispatch({
      type: 'delete',
      kind,
      namespace,
      names,
      cascade: cmd.cascade,
      ...(cmd.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: cmd.gracePeriodSeconds } : {}),
      force: cmd.force,
      ignoreNotFound: cmd.ignoreNotFound,
    });
  }
  return doomed;
}
