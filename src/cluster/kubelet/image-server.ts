// How an image's server (a `programs:` entry of the catalog) answers one HTTP request, and what it logs for
// it. Pure: the answer depends only on the spec, the path, the request number and the container's filesystem.

import type { RouteSpec, ServerSpec } from './image-entry.js';
import { busyboxDate, clfTime, nginxErrorLogTime } from './shell-date.js';
import { type Fs, resolvePath } from './shell-fs.js';
import { rfc3339 } from '../util/time.js';

/** Go's net/http client error text when the server accepts the request but never answers in time. */
export const CLIENT_TIMEOUT = 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)';

export interface ServerAnswer {
  status: number;
  body: string;
  /** Body size as an access log counts it. */
  bytes: number;
  /** The file served or looked for (nginx's `root` routes), for log lines. */
  file: string;
  /** Lines the server logs before its per-request lines (nginx's error log), unrendered. */
  log: string[];
}

/** Fills `{name}` placeholders; {date} {nginxtime} {clf} {iso} are the time `epochMs` in those formats. */
export function render(template: string, vars: Record<string, string | number | undefined>, epochMs: number): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    switch (key) {
      case 'date': return busyboxDate(epochMs);
      case 'nginxtime': return nginxErrorLogTime(epochMs);
      case 'clf': return clfTime(epochMs);
      case 'iso': return rfc3339(epochMs);
    }
    const v = vars[key];
    return v === undefined ? whole : String(v);
  });
}

function matches(pattern: string, path: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('/*')) return path === pattern.slice(0, -2) || path.startsWith(pattern.slice(0, -1));
  return pattern === path;
}

/** Body sizes, remembered per body: probes ask a server for the same file every few seconds in every pod. */
const lengths = new Map<string, number>();
function utf8Length(s: string): number {
  let n = lengths.get(s);
  if (n === undefined) {
    if (lengths.size >= 1000) lengths.clear();
    lengths.set(s, (n = Buffer.byteLength(s, 'utf8')));
  }
  return n;
}

/** Where a `root` route looks for a path: the file, and for a directory (a path ending in `/`) its index. */
interface Lookup {
  file: string;
  index?: string;
}

/** Lookups per route and path: every probe of every pod of an image asks its server for the same path. */
const lookups = new WeakMap<RouteSpec, Map<string, Lookup>>();

function lookup(route: RouteSpec, path: string): Lookup {
  let byPath = lookups.get(route);
  if (!byPath) lookups.set(route, (byPath = new Map()));
  let l = byPath.get(path);
  if (!l) {
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // keep it as it came
    }
    const root = resolvePath('/', route.root!);
    const file = resolvePath('/', root + (decoded.startsWith('/') ? '' : '/') + decoded);
    l = decoded.endsWith('/') ? { file, index: resolvePath(file, route.index) } : { file };
    if (byPath.size >= 1000) byPath.clear();
    byPath.set(path, l);
  }
  return l;
}

/** nginx's static file handler for a `root` route: 200, 301 (a directory without the slash), 403, 404. */
function serveFile(route: RouteSpec, path: string, fs: Fs): { status: number; file: string; body: string } {
  const { file, index } = lookup(route, path);
  if (index !== undefined) {
    if (fs.isFile(index)) return { status: 200, file: index, body: fs.read(index)! };
    return fs.isDir(file) ? { status: 403, file: file === '/' ? '/' : file + '/', body: '' } : { status: 404, file: index, body: '' };
  }
  if (fs.isFile(file)) return { status: 200, file, body: fs.read(file)! };
  return { status: fs.isDir(file) ? 301 : 404, file, body: '' };
}

/**
 * The answer to `GET pathWithQuery`, the server's `requestNumber`-th request. `fs` gives the container's
 * filesystem at that moment (only read by `root` routes). An error string means no HTTP answer at all.
 */
export function answer(
  spec: ServerSpec,
  pathWithQuery: string,
  requestNumber: number,
  fs: () => Fs,
  vars: Record<string, string | number | undefined>,
  epochMs: number,
): ServerAnswer | { error: string } {
  const q = pathWithQuery.indexOf('?');
  const path = q < 0 ? pathWithQuery : pathWithQuery.slice(0, q);
  const page = (status: number, body: string, file = ''): ServerAnswer => {
    const ep = spec.errorPages[String(status)];
    const b = ep?.body !== undefined ? render(ep.body, vars, epochMs) : body;
    return { status, body: b, bytes: ep?.bytes ?? utf8Length(b), file, log: ep?.log ?? [] };
  };
  if (spec.failAfterRequests !== undefined && requestNumber > spec.failAfterRequests) {
    return page(spec.failStatus, render(spec.failBody, vars, epochMs));
  }
  const route = spec.routes.find((r) => matches(r.path, path));
  if (!route) return page(404, '');
  if (route.hang) return { error: CLIENT_TIMEOUT };
  if (route.root !== undefined) {
    const served = serveFile(route, path, fs());
    return page(served.status, served.body, served.file);
  }
  let status = route.status;
  const asked = route.statusFromQuery !== undefined && q >= 0
    ? new URLSearchParams(pathWithQuery.slice(q + 1)).get(route.statusFromQuery)
    : null;
  // net/http accepts any three-digit code from a handler (WriteHeader panics outside 100–999).
  if (asked !== null && /^\d{3}$/.test(asked.trim())) status = Number(asked.trim());
  return page(status, render(route.body, vars, epochMs));
}
