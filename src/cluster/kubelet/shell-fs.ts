// The container's filesystem as the tiny shell sees it: regular files (path → content) and directories.
// No permissions, links or times. Every change is reported through `onChange`, so the main process's run can
// keep a timeline of changes and answer "what did the filesystem look like at t?" (see shell.ts).

export type FsChange =
  | { k: 'write'; path: string; content: string }
  | { k: 'remove'; path: string }
  | { k: 'mkdir'; path: string };

/** Directories every Linux image has. */
export const BASE_DIRS = ['/', '/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sbin', '/sys', '/tmp', '/usr',
  '/usr/bin', '/usr/local', '/usr/local/bin', '/usr/sbin', '/var', '/var/log', '/var/tmp'];

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || trimmed;
}

/** `//`, a `.` or `..` segment, or a trailing slash. */
const NEEDS_NORMALISING = /\/\/|\/\.\.?(\/|$)|.\/$/;

/** Absolute, normalised path (`.`, `..` and repeated slashes resolved) of `path` seen from `cwd`. */
export function resolvePath(cwd: string, path: string): string {
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  if (!NEEDS_NORMALISING.test(full)) return full;
  let known = normalised.get(full);
  if (known === undefined) {
    if (normalised.size >= 1000) normalised.clear();
    normalised.set(full, (known = normalise(full)));
  }
  return known;
}

/** Normalised paths, remembered: a web server's probes ask for the same directory (`/…/html/`) over and over. */
const normalised = new Map<string, string>();

function normalise(full: string): string {
  const parts: string[] = [];
  for (const seg of full.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

export class Fs {
  onChange?: (change: FsChange) => void;

  constructor(
    private readonly files = new Map<string, string>(),
    private readonly dirs = new Set<string>(BASE_DIRS),
  ) {}

  /** An image's filesystem: BASE_DIRS, `dirs`, and `files` with their parent directories. */
  static of(files: Record<string, string>, dirs: string[] = []): Fs {
    const fs = new Fs();
    for (const d of dirs) fs.mkdirAll(resolvePath('/', d));
    for (const [p, content] of Object.entries(files)) {
      const path = resolvePath('/', p);
      fs.mkdirAll(dirname(path));
      fs.files.set(path, content);
    }
    return fs;
  }

  clone(): Fs {
    return new Fs(new Map(this.files), new Set(this.dirs));
  }

  isFile(path: string): boolean {
    return this.files.has(path);
  }
  isDir(path: string): boolean {
    return this.dirs.has(path);
  }
  exists(path: string): boolean {
    return this.files.has(path) || this.dirs.has(path);
  }
  read(path: string): string | undefined {
    return this.files.get(path);
  }

  /** Names directly inside `dir`, sorted as `ls` prints them. */
  list(dir: string): string[] {
    const prefix = dir === '/' ? '/' : dir + '/';
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p !== dir && p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) names.add(p.slice(prefix.length));
    }
    return [...names].sort();
  }

  write(path: string, content: string): void {
    this.apply({ k: 'write', path, content });
  }
  append(path: string, content: string): void {
    this.apply({ k: 'write', path, content: (this.files.get(path) ?? '') + content });
  }
  /** Removes a file, or a directory with everything under it. */
  remove(path: string): void {
    this.apply({ k: 'remove', path });
  }
  mkdir(path: string): void {
    this.apply({ k: 'mkdir', path });
  }

  apply(change: FsChange): void {
    switch (change.k) {
      case 'write':
        this.files.set(change.path, change.content);
        break;
      case 'mkdir':
        this.dirs.add(change.path);
        break;
      case 'remove': {
        const prefix = change.path + '/';
        this.files.delete(change.path);
        this.dirs.delete(change.path);
        for (const p of [...this.files.keys()]) if (p.startsWith(prefix)) this.files.delete(p);
        for (const p of [...this.dirs]) if (p.startsWith(prefix)) this.dirs.delete(p);
        break;
      }
    }
    this.onChange?.(change);
  }

  private mkdirAll(path: string): void {
    for (let p = path; !this.dirs.has(p); p = dirname(p)) this.dirs.add(p);
  }

  /** A stable text of the whole content, to tell whether two moments' filesystems are the same. */
  signature(): string {
    return JSON.stringify([[...this.files].sort(), [...this.dirs].sort()]);
  }
}
