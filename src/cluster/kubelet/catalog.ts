// The simulated image catalog: which images exist, how big they are, how long a pull takes, and what their
// processes do. The data is fixtures/images.yaml (documented there), loaded once, plus the user's
// KUBESIM_IMAGES=/path/extra.yaml whose entries replace/extend it. The kubelet asks `imageInfo(image)` when it
// pulls and `programFor` (program.ts) when it starts a container; it never tests image names itself.
//
//   imageInfo('nginx:1.16')           → { exists: true, sizeBytes: 51015423, pullMs: 3000, preloaded: false,
//                                         ref: 'docker.io/library/nginx:1.16' }
//   imageInfo('nginx:does-not-exist') → { exists: false, pullError: 'rpc error: code = NotFound desc = …', … }
//   imageInfo('Nginx')                → { exists: false, invalid: 'couldn\'t parse image name "Nginx": invalid
//                                         reference format: repository name must be lowercase', … }
//   preloadedImages()                 → ['docker.io/c1t1d0s7/myweb:latest']  (for createCluster)
//
// A bad KUBESIM_IMAGES file never throws: its problems are kept in `catalogWarnings()` and the bad entries
// are left out.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { parseImageRef } from './image-ref.js';
import { type ImageEntry, normaliseEntry } from './image-entry.js';

export type { ImageEntry, RouteSpec, ServerSpec } from './image-entry.js';

export interface ImageInfo {
  exists: boolean;
  /** Compressed size, for the `Pulled` event ("Image size: N bytes"). */
  sizeBytes: number;
  pullMs: number;
  /** Present on every node from the start (e.g. c1t1d0s7/myweb, which the notes run with imagePullPolicy: Never). */
  preloaded: boolean;
  /** Canonical reference (`docker.io/library/nginx:latest`): the key to use for a node's set of images, so that
   * `nginx` and `nginx:latest` are one image. For an invalid name, the name itself. */
  ref: string;
  /** When !exists: the pull error, to follow `Failed to pull image "X": ` in the `Failed` event. */
  pullError?: string;
  /** When the name is not a valid reference (waiting reason InvalidImageName): the parse error, to follow
   * `Failed to apply default image tag "X": ` in the event. */
  invalid?: string;
}

export interface Catalog {
  /** By short name (`nginx`) or name:tag (`nginx:1.16`). */
  entries: Map<string, ImageEntry>;
  /** What images not listed are. */
  unknown: ImageEntry;
  warnings: string[];
}

interface Source {
  /** Where it came from, for warnings. */
  origin: string;
  text: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Catalog key for a YAML entry name: `nginx`, `nginx:1.16`, `ghcr.io/c1t1d0s7/go-myweb`. */
function keyOf(name: string): string | undefined {
  const ref = parseImageRef(name);
  if (typeof ref === 'string') return undefined;
  const explicitTag = /:[^/]+$/.test(name.split('@')[0]);
  return explicitTag ? `${ref.name}:${ref.tag}` : ref.name;
}

/** Builds a catalog from YAML texts, later ones overriding earlier ones field by field. Never throws. */
export function loadCatalog(sources: Source[]): Catalog {
  const warnings: string[] = [];
  const raw = new Map<string, Record<string, unknown>>();
  let rawUnknown: Record<string, unknown> = {};
  for (const { origin, text } of sources) {
    let doc: unknown;
    try {
      doc = parseYaml(text, { merge: true });
    } catch (e) {
      warnings.push(`${origin}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    if (doc === null || doc === undefined) continue;
    if (!isObject(doc)) {
      warnings.push(`${origin}: expected a mapping with "images:" at the top`);
      continue;
    }
    for (const k of Object.keys(doc)) if (k !== 'images' && k !== 'unknown') warnings.push(`${origin}: unknown top-level field "${k}"`);
    if (doc.unknown !== undefined) {
      if (isObject(doc.unknown)) rawUnknown = { ...rawUnknown, ...doc.unknown };
      else warnings.push(`${origin}: unknown: must be a mapping`);
    }
    if (doc.images === undefined) continue;
    if (!isObject(doc.images)) {
      warnings.push(`${origin}: images: must be a mapping of image name to its description`);
      continue;
    }
    for (const [name, value] of Object.entries(doc.images)) {
      const key = keyOf(name);
      if (key === undefined) warnings.push(`${origin}: images.${name}: not a valid image name`);
      else if (!isObject(value)) warnings.push(`${origin}: images.${name}: must be a mapping`);
      else raw.set(key, { ...raw.get(key), ...value });
    }
  }

  /** The entry's fields with its `like` chain applied; `chain` is the way here from the entry being built. */
  const resolve = (key: string, chain: string[]): Record<string, unknown> => {
    const r = raw.get(key)!;
    if (typeof r.like !== 'string') return r;
    const base = keyOf(r.like);
    if (base === undefined || !raw.has(base)) {
      if (chain.length === 1) warnings.push(`images.${key}: like: no image "${r.like}" in the catalog`);
      return r;
    }
    if (chain.includes(base)) {
      warnings.push(`images.${chain[0]}: like: ${[...chain, base].join(' → ')} goes round in a circle`);
      return r;
    }
    return { ...resolve(base, [...chain, base]), ...r };
  };

  const entries = new Map<string, ImageEntry>();
  for (const key of raw.keys()) {
    const { like: _like, ...fields } = resolve(key, [key]);
    const entry = normaliseEntry(fields, `images.${key}`, warnings);
    if (entry) entries.set(key, entry);
  }
  const unknown = normaliseEntry({ unknownCommands: 'runForever', ...rawUnknown }, 'unknown', warnings)
    ?? normaliseEntry({ unknownCommands: 'runForever', cmd: ['/app'] }, 'unknown', [])!;
  return { entries, unknown, warnings };
}

/** fixtures/images.yaml, found from this module in src/ (tests) and in dist/src/ (the built CLI). */
function fixturesText(): Source[] {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++, dir = dirname(dir)) {
    const path = join(dir, 'fixtures', 'images.yaml');
    if (existsSync(path)) return [{ origin: path, text: readFileSync(path, 'utf8') }];
  }
  return [];
}

let current: Catalog | undefined;
let generation = 0;

/** Bumped whenever the catalog in use is replaced (program.ts keys its cache by it). */
export function catalogGeneration(): number {
  return generation;
}

/** The catalog in use: loaded on first use from fixtures/images.yaml and $KUBESIM_IMAGES. */
export function catalog(): Catalog {
  if (!current) {
    const sources = fixturesText();
    const warnings: string[] = sources.length ? [] : ['fixtures/images.yaml not found: every image is unknown'];
    const extra = process.env.KUBESIM_IMAGES;
    if (extra) {
      try {
        sources.push({ origin: extra, text: readFileSync(extra, 'utf8') });
      } catch (e) {
        warnings.push(`KUBESIM_IMAGES=${extra}: cannot read it (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    }
    current = loadCatalog(sources);
    current.warnings.unshift(...warnings);
  }
  return current;
}

/** Replaces the catalog in use (tests; a CLI flag), or with no argument drops it so the next use reloads. */
export function useCatalog(c?: Catalog): void {
  current = c;
  generation++;
}

/** Problems found while loading the catalog, for the CLI to show. */
export function catalogWarnings(): string[] {
  return catalog().warnings;
}

/** The catalog entry describing `image` (the `unknown` entry for images not listed); undefined if invalid. */
export function imageEntry(image: string): ImageEntry | undefined {
  const ref = parseImageRef(image);
  if (typeof ref === 'string') return undefined;
  const c = catalog();
  return (ref.tag !== undefined ? c.entries.get(`${ref.name}:${ref.tag}`) : undefined) ?? c.entries.get(ref.name) ?? c.unknown;
}

const infos = new Map<string, { generation: number; info: ImageInfo }>();

/** What the registry and the nodes know of `image` (see ImageInfo). Do not modify the result. */
export function imageInfo(image: string): ImageInfo {
  catalog();
  const hit = infos.get(image);
  if (hit && hit.generation === generation) return hit.info;
  if (infos.size > 10_000) infos.clear();
  const info = computeInfo(image);
  infos.set(image, { generation, info: Object.freeze(info) });
  return info;
}

function computeInfo(image: string): ImageInfo {
  const ref = parseImageRef(image);
  if (typeof ref === 'string') {
    return { exists: false, sizeBytes: 0, pullMs: 0, preloaded: false, ref: image, invalid: `couldn't parse image name "${image}": ${ref}` };
  }
  const entry = imageEntry(image)!;
  const info: ImageInfo = { exists: true, sizeBytes: entry.sizeBytes, pullMs: entry.pullMs, preloaded: entry.preloaded, ref: ref.canonical };
  if (ref.tag === 'does-not-exist') {
    info.exists = false;
    info.preloaded = false;
    info.pullError = `rpc error: code = NotFound desc = failed to pull and unpack image "${ref.canonical}": failed to `
      + `resolve reference "${ref.canonical}": ${ref.canonical}: not found`;
  } else if (entry.missing) {
    info.exists = false;
    info.pullError = entry.pullError ?? `rpc error: code = Unknown desc = failed to pull and unpack image "${ref.canonical}": `
      + `failed to resolve reference "${ref.canonical}": pull access denied, repository does not exist or may require `
      + 'authorization: server message: insufficient_scope: authorization failed';
  }
  return info;
}

/** Canonical references of the images every node has from the start. */
export function preloadedImages(): string[] {
  const out: string[] = [];
  for (const [key, entry] of catalog().entries) {
    const ref = parseImageRef(key);
    if (entry.preloaded && !entry.missing && typeof ref !== 'string') out.push(ref.canonical);
  }
  return out.sort();
}
