// Manifests from text, files and directories, as `kubectl apply -f` reads them
// (staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go: FileVisitor, StreamVisitor, ExpandPathsToFileVisitors;
// k8s.io/apimachinery/pkg/util/yaml YAMLOrJSONDecoder; sigs.k8s.io/yaml for YAML → JSON).
// YAML is read with go-yaml's YAML 1.1 rules (`yes`/`on` are booleans, `010` is octal), documents are split on
// `---`, empty documents are skipped and `kind: List` is expanded. A broken document is rejected on its own; the
// rest of the file still loads. Every error names the file, line and column.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, visit, type Document, type Node as YamlNode, type ParsedNode, type Tags } from 'yaml';
import { goQuote } from './field-errors.js';
import { goYamlMessage, LineIndex, scanStream } from './yaml-compat.js';

export const MAX_MANIFEST_BYTES = 5 * 1024 * 1024;
/** Alias nodes a document may expand (the `yaml` package's guard against "billion laughs"). */
export const MAX_ALIAS_COUNT = 100;

export interface ParsedDocument {
  /** The decoded object (JSON-compatible values only). */
  object: Record<string, unknown>;
  source: { file: string; line: number };
  /** 0-based position of the document in its file (items of a List share the List's). */
  index: number;
  /** 1-based line of the field at `path` (keys and list indexes from the object's root), if it is in the file. */
  lineOf(path: (string | number)[]): number | undefined;
}

export interface ManifestError {
  file: string;
  line?: number;
  col?: number;
  /** The document the error belongs to; absent when the whole file is refused. */
  index?: number;
  /** The whole line kubectl would print (plus where, as `file:line:col`). */
  message: string;
}

export interface LoadResult {
  documents: ParsedDocument[];
  errors: ManifestError[];
}

/** Problems go-yaml reports without a line (reader and alias errors); kubesim still says where, at the end. */
const NO_LINE = /^(control characters|invalid leading UTF-8|unknown anchor|document contains excessive aliasing|json:)/;

const parseError = (file: string, problem: string, line?: number, col?: number, index?: number, note = ''): ManifestError => {
  const where = line !== undefined ? ` (${file}:${line}:${col ?? 1}${note})` : '';
  const lineText = line !== undefined && !NO_LINE.test(problem) ? `line ${line}: ` : '';
  return {
    file,
    line,
    col,
    index,
    message: `error: error parsing ${file}: error converting YAML to JSON: ${problem.startsWith('json:') ? '' : `yaml: ${lineText}`}${problem}${where}`,
  };
};

/** kubectl's client-side check before anything else (kubectl/pkg/validation/schema.go getObjectKind). */
export function objectKindErrors(obj: unknown): string[] {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return ['invalid object to validate'];
  const o = obj as Record<string, unknown>;
  const errs: string[] = [];
  if (o.apiVersion === undefined || o.apiVersion === null) errs.push('apiVersion not set');
  else if (typeof o.apiVersion !== 'string') errs.push("apiVersion isn't string type");
  else if (o.apiVersion.split('/').length > 2) errs.push(`unexpected GroupVersion string: ${o.apiVersion}`);
  if (o.kind === undefined || o.kind === null) errs.push('kind not set');
  else if (typeof o.kind !== 'string') errs.push("kind isn't string type");
  return errs;
}

/** `error: error validating "f.yaml": error validating data: [apiVersion not set, kind not set]; if you …` */
export function validatingDataError(errs: string[], file?: string): string {
  const agg = errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
  const src = file ? `error validating ${goQuote(file)}: ` : '';
  return `error: ${src}error validating data: ${agg}; if you choose to ignore these errors, turn validation off with --validate=false`;
}

/** go-yaml v2 resolves YAML 1.1 plain scalars, but leaves timestamps and sexagesimal numbers as strings. */
const goYamlTags = (tags: Tags): Tags =>
  tags.filter((t) => typeof t === 'string' || (t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME'));

/** Parses a stream of YAML (or JSON) documents. `file` is the name used in messages. */
export function parseManifests(text: string, file: string): LoadResult {
  const documents: ParsedDocument[] = [];
  const errors: ManifestError[] = [];
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_MANIFEST_BYTES) {
    errors.push({ file, message: tooBig(file, bytes) });
    return { documents, errors };
  }
  if (text.includes('\0')) {
    const { line, col } = new LineIndex(text).pos(text.indexOf('\0'));
    errors.push(parseError(file, 'control characters are not allowed', line, col, undefined, '; the file looks binary, not a YAML or JSON manifest'));
    return { documents, errors };
  }
  const lines = new LineIndex(text);
  let index = -1;
  for (const chunk of scanStream(text)) {
    const chunkText = text.slice(chunk.start, chunk.end);
    if (chunk.problem) {
      if (!/\S/.test(chunkText.replace(/^(---|\.\.\.)/gm, ''))) continue;
      index++;
      const { line, col } = lines.pos(chunk.problem.offset);
      errors.push(parseError(file, chunk.problem.message, line, col, index));
      continue;
    }
    const docs = parseAllDocuments(chunkText, {
      version: '1.1',
      customTags: goYamlTags,
      uniqueKeys: false, // sigs.k8s.io/yaml keeps the last of duplicate keys
      prettyErrors: false,
      logLevel: 'silent',
    });
    for (const doc of 'empty' in docs ? [] : docs) {
      const at = (o: number) => lines.pos(chunk.start + o);
      const docStart = doc.contents?.range?.[0] ?? doc.range[0];
      if (doc.errors.length) {
        index++;
        const e = doc.errors[0];
        const { line, col } = at(e.pos[0]);
        errors.push(parseError(file, goYamlMessage(e.code, e.message), line, col, index));
        continue;
      }
      const decoded = toJS(doc);
      if (decoded.value === null || decoded.value === undefined) {
        if ('error' in decoded) {
          index++;
          const { line, col } = at(decoded.offset ?? docStart);
          errors.push(parseError(file, decoded.error!, line, col, index));
        }
        continue; // an empty document
      }
      index++;
      const lineOf = (path: (string | number)[]) => {
        const o = offsetOf(doc, path);
        return o === undefined ? undefined : at(o).line;
      };
      const problems = objectKindErrors(decoded.value);
      if (problems.length) {
        errors.push({ file, index, line: at(docStart).line, col: at(docStart).col, message: validatingDataError(problems, file) });
        continue;
      }
      const obj = decoded.value as Record<string, unknown>;
      if (isListKind(obj)) {
        (obj.items as unknown[]).forEach((item, i) => {
          const itemLine = lineOf(['items', i]) ?? at(docStart).line;
          const itemProblems = objectKindErrors(item);
          if (itemProblems.length) {
            errors.push({ file, index, line: itemLine, col: 1, message: validatingDataError(itemProblems, file) });
            return;
          }
          documents.push({
            object: item as Record<string, unknown>,
            source: { file, line: itemLine },
            index,
            lineOf: (p) => lineOf(['items', i, ...p]),
          });
        });
        continue;
      }
      documents.push({ object: obj, source: { file, line: at(docStart).line }, index, lineOf });
    }
  }
  return { documents, errors };
}

/** `kind: List` (or any `…List` with items), which kubectl flattens into its items (meta.ExtractList). */
function isListKind(obj: Record<string, unknown>): boolean {
  return typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items);
}

class UnsupportedJSONValue extends Error {}

/**
 * YAML 1.1 values JSON has no word for, as sigs.k8s.io/yaml converts them: sets and ordered maps become arrays
 * and objects, `!!binary` its base64 text, and `.inf`/`.nan` fail (`json: unsupported value: +Inf`).
 */
function plainJSON(v: unknown): unknown {
  if (typeof v === 'number' && !Number.isFinite(v)) throw new UnsupportedJSONValue(Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf');
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (v instanceof Set || Array.isArray(v)) return [...v].map(plainJSON);
  const out: Record<string, unknown> = {};
  const entries = v instanceof Map ? [...v.entries()].map(([k, x]) => [String(k), x] as const) : Object.entries(v);
  // defineProperty, so that a `__proto__` key stays a plain key
  for (const [k, x] of entries) Object.defineProperty(out, k, { value: plainJSON(x), enumerable: true, writable: true, configurable: true });
  return out;
}

/** Document → plain JSON values; alias problems become go-yaml's messages (toJS throws rather than reporting). */
function toJS(doc: Document.Parsed): { value: unknown; error?: string; offset?: number } {
  try {
    return { value: plainJSON(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })) };
  } catch (e) {
    if (e instanceof UnsupportedJSONValue) return { value: null, error: `json: unsupported value: ${e.message}` };
    const msg = e instanceof Error ? e.message : String(e);
    if (/Unresolved alias/.test(msg)) {
      let found: { name: string; offset?: number } | undefined;
      visit(doc, {
        Alias(_, node) {
          if (!found && !node.resolve(doc)) found = { name: node.source, offset: node.range?.[0] };
        },
      });
      return { value: null, error: `unknown anchor '${found?.name ?? '?'}' referenced`, offset: found?.offset };
    }
    if (/Excessive alias count/.test(msg)) return { value: null, error: 'document contains excessive aliasing' };
    return { value: null, error: msg };
  }
}

/** Offset (in the document's text) of the key or item at `path`; the last of duplicate keys, as decoding keeps. */
function offsetOf(doc: Document.Parsed, path: (string | number)[]): number | undefined {
  let node: YamlNode | null | undefined = doc.contents as ParsedNode | null;
  let offset = (node as ParsedNode | null)?.range?.[0];
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = [...node.items].reverse().find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return undefined;
      offset = (pair.key as ParsedNode).range?.[0];
      node = pair.value as YamlNode | null;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg] as YamlNode | undefined;
      if (!node) return undefined;
      offset = (node as ParsedNode).range?.[0];
    } else {
      return undefined;
    }
  }
  return offset;
}

function tooBig(file: string, bytes: number): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `error: error reading ${file}: the file is ${mb(bytes)}; kubesim refuses manifests larger than ${mb(MAX_MANIFEST_BYTES)}`;
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * `kubectl apply -f PATH`: a file (any name), or a directory's `*.yaml`, `*.yml` and `*.json` files in name
 * order (not recursive, as without `-R`).
 */
export function loadManifestPath(path: string): LoadResult {
  if (!existsSync(path)) return { documents: [], errors: [{ file: path, message: `error: the path ${goQuote(path)} does not exist` }] };
  const st = statSync(path);
  if (!st.isDirectory()) return loadFile(path, st.size);
  const out: LoadResult = { documents: [], errors: [] };
  for (const name of readdirSync(path).sort()) {
    const full = join(path, name);
    if (!MANIFEST_EXTENSIONS.has(extname(name).toLowerCase())) continue;
    const s = statSync(full);
    if (s.isDirectory()) continue;
    const r = loadFile(full, s.size);
    out.documents.push(...r.documents);
    out.errors.push(...r.errors);
  }
  return out;
}

function loadFile(file: string, size: number): LoadResult {
  if (size > MAX_MANIFEST_BYTES) return { documents: [], errors: [{ file, message: tooBig(file, size) }] };
  const buf = readFileSync(file);
  const text = decodeText(buf);
  if (text === undefined) {
    const at = invalidUtf8Offset(buf);
    const { line, col } = new LineIndex(buf.subarray(0, at).toString('latin1')).pos(at);
    return { documents: [], errors: [parseError(file, 'invalid leading UTF-8 octet', line, col)] };
  }
  return parseManifests(text, file);
}

/** UTF-8 (BOM optional) or UTF-16 with a BOM, as go-yaml's reader detects; undefined for invalid UTF-8. */
function decodeText(buf: Buffer): string | undefined {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  // A binary file is reported as such by parseManifests (its NUL bytes), not as bad UTF-8.
  if (buf.includes(0)) return buf.toString('latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return undefined;
  }
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence. */
function invalidUtf8Offset(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= buf.length || (buf[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return 0;
}
