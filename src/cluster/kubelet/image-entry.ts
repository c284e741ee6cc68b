// One image of the catalog (fixtures/images.yaml documents every field), checked and given its defaults.
// Checking collects readable warnings (`images.foo.pullMs: must be a number`) instead of throwing, because
// the YAML may be a user's own file.

export interface RouteSpec {
  /** `*` any path, `/x/*` a prefix, otherwise the exact path (the query string is not part of it). */
  path: string;
  status: number;
  /** Answer the status given in this query parameter (go-myweb's `/health?code=404`). */
  statusFromQuery?: string;
  body: string;
  /** Serve files under this directory of the container's filesystem (nginx's root) … */
  root?: string;
  /** … and this file for paths ending in `/` (nginx's index). */
  index: string;
  /** Never answer (the client times out). */
  hang: boolean;
}

export interface ServerSpec {
  ports: number[];
  startMs: number;
  log: string[];
  requestLog: string[];
  routes: RouteSpec[];
  failAfterRequests?: number;
  failStatus: number;
  failBody: string;
  errorPages: Record<string, { bytes?: number; body?: string; log: string[] }>;
  exitAfterMs?: number;
  exitCode: number;
}

export interface ImageEntry {
  sizeBytes: number;
  pullMs: number;
  preloaded: boolean;
  missing: boolean;
  pullError?: string;
  entrypoint: string[];
  cmd: string[];
  env: [string, string][];
  workdir: string;
  files: Record<string, string>;
  dirs: string[];
  unknownCommands: 'notFound' | 'runForever';
  programs: Record<string, ServerSpec>;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  constructor(private readonly warnings: string[]) {}
  ok = true;

  warn(at: string, msg: string): undefined {
    this.warnings.push(`${at}: ${msg}`);
    this.ok = false;
    return undefined;
  }
  fields(o: Obj, at: string, known: string[]): void {
    for (const k of Object.keys(o)) if (!known.includes(k)) this.warnings.push(`${at}.${k}: unknown field (ignored)`);
  }
  num(v: unknown, at: string, dflt: number): number {
    if (v === undefined) return dflt;
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : (this.warn(at, 'must be a number ≥ 0'), dflt);
  }
  str(v: unknown, at: string, dflt: string): string {
    if (v === undefined) return dflt;
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : (this.warn(at, 'must be a string'), dflt);
  }
  bool(v: unknown, at: string): boolean {
    if (v === undefined) return false;
    return typeof v === 'boolean' ? v : (this.warn(at, 'must be true or false'), false);
  }
  strings(v: unknown, at: string): string[] {
    if (v === undefined || v === null) return [];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.map(String);
    return this.warn(at, 'must be a list of strings') ?? [];
  }
  map(v: unknown, at: string): Obj {
    if (v === undefined || v === null) return {};
    return isObject(v) ? v : (this.warn(at, 'must be a mapping') ?? {});
  }
}

function route(c: Checker, v: unknown, at: string): RouteSpec | undefined {
  if (!isObject(v)) return c.warn(at, 'must be a mapping');
  c.fields(v, at, ['path', 'status', 'statusFromQuery', 'body', 'root', 'index', 'hang']);
  if (typeof v.path !== 'string') return c.warn(`${at}.path`, 'is required');
  return {
    path: v.path,
    status: c.num(v.status, `${at}.status`, 200),
    statusFromQuery: v.statusFromQuery === undefined ? undefined : c.str(v.statusFromQuery, `${at}.statusFromQuery`, ''),
    body: c.str(v.body, `${at}.body`, ''),
    root: v.root === undefined ? undefined : c.str(v.root, `${at}.root`, '/'),
    index: c.str(v.index, `${at}.index`, 'index.html'),
    hang: c.bool(v.hang, `${at}.hang`),
  };
}

function server(c: Checker, v: unknown, at: string): ServerSpec | undefined {
  if (!isObject(v)) return c.warn(at, 'must be a mapping');
  c.fields(v, at, ['ports', 'startMs', 'log', 'requestLog', 'routes', 'failAfterRequests', 'failStatus', 'failBody',
    'errorPages', 'exitAfterMs', 'exitCode']);
  const ports = Array.isArray(v.ports) && v.ports.every((p) => Number.isInteger(p) && p > 0 && p < 65536)
    ? (v.ports as number[])
    : v.ports === undefined ? [] : (c.warn(`${at}.ports`, 'must be a list of port numbers') ?? []);
  const routes = v.routes === undefined
    ? [{ path: '*', status: 200, body: '', index: 'index.html', hang: false }]
    : Array.isArray(v.routes)
      ? v.routes.map((r, i) => route(c, r, `${at}.routes[${i}]`)).filter((r): r is RouteSpec => r !== undefined)
      : (c.warn(`${at}.routes`, 'must be a list') ?? []);
  const errorPages: ServerSpec['errorPages'] = {};
  for (const [status, page] of Object.entries(c.map(v.errorPages, `${at}.errorPages`))) {
    const p = c.map(page, `${at}.errorPages.${status}`);
    errorPages[status] = {
      bytes: p.bytes === undefined ? undefined : c.num(p.bytes, `${at}.errorPages.${status}.bytes`, 0),
      body: p.body === undefined ? undefined : c.str(p.body, `${at}.errorPages.${status}.body`, ''),
      log: c.strings(p.log, `${at}.errorPages.${status}.log`),
    };
  }
  return {
    ports,
    startMs: c.num(v.startMs, `${at}.startMs`, 0),
    log: c.strings(v.log, `${at}.log`),
    requestLog: c.strings(v.requestLog, `${at}.requestLog`),
    routes,
    failAfterRequests: v.failAfterRequests === undefined ? undefined : c.num(v.failAfterRequests, `${at}.failAfterRequests`, 0),
    failStatus: c.num(v.failStatus, `${at}.failStatus`, 500),
    failBody: c.str(v.failBody, `${at}.failBody`, ''),
    errorPages,
    exitAfterMs: v.exitAfterMs === undefined ? undefined : c.num(v.exitAfterMs, `${at}.exitAfterMs`, 0),
    exitCode: c.num(v.exitCode, `${at}.exitCode`, 0),
  };
}

const ENTRY_FIELDS = ['sizeBytes', 'pullMs', 'preloaded', 'missing', 'pullError', 'entrypoint', 'cmd', 'env', 'workdir',
  'files', 'dirs', 'unknownCommands', 'programs'];

/** Checks one entry (with `like` already applied). Undefined, with warnings, when it cannot be used. */
export function normaliseEntry(v: Obj, at: string, warnings: string[]): ImageEntry | undefined {
  const c = new Checker(warnings);
  c.fields(v, at, ENTRY_FIELDS);
  const sizeBytes = c.num(v.sizeBytes, `${at}.sizeBytes`, 50 * 1024 * 1024);
  const files: Record<string, string> = {};
  for (const [path, content] of Object.entries(c.map(v.files, `${at}.files`))) {
    if (!path.startsWith('/')) c.warn(`${at}.files.${path}`, 'must be an absolute path');
    else files[path] = c.str(content, `${at}.files.${path}`, '');
  }
  const programs: Record<string, ServerSpec> = {};
  for (const [name, spec] of Object.entries(c.map(v.programs, `${at}.programs`))) {
    const s = server(c, spec, `${at}.programs.${name}`);
    if (s) programs[name] = s;
  }
  const unknownCommands = v.unknownCommands ?? 'notFound';
  if (unknownCommands !== 'notFound' && unknownCommands !== 'runForever') {
    c.warn(`${at}.unknownCommands`, 'must be notFound or runForever');
  }
  const entry: ImageEntry = {
    sizeBytes,
    pullMs: c.num(v.pullMs, `${at}.pullMs`, Math.round(500 + (sizeBytes / 1_000_000) * 20)),
    preloaded: c.bool(v.preloaded, `${at}.preloaded`),
    missing: c.bool(v.missing, `${at}.missing`),
    pullError: v.pullError === undefined ? undefined : c.str(v.pullError, `${at}.pullError`, ''),
    entrypoint: c.strings(v.entrypoint, `${at}.entrypoint`),
    cmd: c.strings(v.cmd, `${at}.cmd`),
    env: Object.entries(c.map(v.env, `${at}.env`)).map(([k, val]) => [k, c.str(val, `${at}.env.${k}`, '')]),
    workdir: c.str(v.workdir, `${at}.workdir`, '/'),
    files,
    dirs: c.strings(v.dirs, `${at}.dirs`),
    unknownCommands: unknownCommands === 'runForever' ? 'runForever' : 'notFound',
    programs,
  };
  return c.ok ? entry : undefined;
}
