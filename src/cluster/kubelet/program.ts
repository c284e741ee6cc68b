// What a container does, as pure functions of the time since it started — for the kubelet, which asks instead
// of polling ("when does something next change?") and sleeps until then.
//
//   const p = programFor(container, rand, '10.244.1.5', { hostname: pod.metadata.name, startedAt: now });
//   p.exit                  → { afterMs: 120000, code: 0 } for luksa/batch-job; undefined = runs until killed
//   p.http(8080, '/', 5000, 1)  → { status: 200, body: "You've hit kubia-x7k2p\n" }
//   p.http(8080, '/', 500, 1)   → { error: 'dial tcp 10.244.1.5:8080: connect: connection refused' }
//                                  (the kubelet adds `Get "http://10.244.1.5:8080/": ` before it)
//   p.exec(['cat', '/tmp/healthy'], 31000) → { exitCode: 1, output: "cat: can't open …", durationMs: 0 }
//   p.logs(60000, [{ atMs: 5000, from: '10.244.1.1' }]) → [{ atMs: 0, line: 'Kubia server starting...' },
//                                  { atMs: 5000, line: 'Received request from ::ffff:10.244.1.1' }]
//
// How: the argv the container runs is the image's ENTRYPOINT/CMD from the catalog (catalog.ts) with the
// container's `command`/`args` replacing them as Kubernetes and containerd do, `$(VAR)` references expanded
// from the container's env first (pkg/kubelet/container/helpers.go ExpandContainerCommandAndArgs). That argv
// runs in the tiny shell (shell.ts); image programs it starts (servers) answer HTTP/TCP as the catalog says.
//
// Randomness: `rand` is called exactly once per container start (a seed for `$RANDOM`), so the cluster's RNG
// advances the same way whatever the image.
//
// Request counting: `requestNumber` is 1 + the number of earlier requests this container *answered* (requests
// refused because nothing listened do not count). `logs` counts the same way over the `requests` it is given,
// which must be the same requests, with the same times, that `http` was asked about.

import { catalog, catalogGeneration, imageEntry } from './catalog.js';
import type { ImageEntry, ServerSpec } from './image-entry.js';
import { answer, render } from './image-server.js';
import { type ProgramRun, type ShellImage, ProcessTimeline, execIn } from './shell.js';

export type HttpAnswer = { status: number; body?: string } | { error: string };

export interface ExecOutcome {
  exitCode: number;
  /** stdout+stderr, final newline removed. */
  output: string;
  /** Infinity when the command never returns (a probe then times out); exitCode is then -1. */
  durationMs: number;
}

export interface ContainerRequest {
  atMs: number;
  /** Client IP. */
  from: string;
  /** Default: the first port the container listens on. */
  port?: number;
  /** Default `/`. */
  path?: string;
  /** For access logs; default `kube-probe/1.32`. */
  userAgent?: string;
}

export interface ContainerProgram {
  /** ms from container start until the process listens on its ports (0 if it listens on none). */
  startMs: number;
  /** TCP ports it listens on once started. */
  ports: number[];
  /** Main process exit; undefined = runs forever. */
  exit?: { afterMs: number; code: number };
  /** The runtime could not start the process at all (e.g. `command: ["foo"]` and no foo in the image): the
   * container's terminated state is reason StartError, exit code 128 (also in `exit`), with this message. */
  startError?: string;
  http(port: number, path: string, atMs: number, requestNumber: number): HttpAnswer;
  tcp(port: number, atMs: number): boolean;
  /** Runs argv (not through a shell) against the filesystem as the main process left it at atMs. Files the
   * command writes are thrown away (a probe's own writes do not persist). */
  exec(argv: string[], atMs: number): ExecOutcome;
  /** Main-process lines up to untilMs, plus per-request lines of servers that log requests, in time order. */
  logs(untilMs: number, requests: ContainerRequest[]): { atMs: number; line: string }[];
  /** The next time after atMs at which http/tcp/exec answers may change (listening starts or stops, exit, a
   * file changes); undefined = never. Changes caused by requests (kubia-unhealthy) are not included. May be
   * a moment at which nothing changes after all (in endless scripts, "look again in an hour"), never later
   * than a real change. */
  nextChangeAfter(atMs: number): number | undefined;
}

export interface ContainerInput {
  image: string;
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string }[];
  workingDir?: string;
  /** `stdin: true`: a shell started without a script waits for input (runs forever) instead of exiting. */
  stdin?: boolean;
}

export interface ProgramOptions {
  /** The pod's hostname (its name): `hostname`, $HOSTNAME, kubia's "You've hit …". Default `localhost`. */
  hostname?: string;
  /** Epoch ms of the container start, for `date` and log timestamps. Default 0. */
  startedAt?: number;
}

/**
 * Kubernetes' `$(VAR)` expansion of command, args and env values (third_party/forked/golang/expansion):
 * `$$` is a literal `$`; `$(NAME)` is replaced when NAME is defined and kept as written otherwise — so
 * `args: ["$(sleep 3600)"]` reaches the shell unchanged.
 */
export function expandKubernetesVars(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const next = input[cursor + 1];
    let advance = 1;
    if (next === '$') out += '$';
    else if (next === '(') {
      const close = input.indexOf(')', cursor + 2);
      if (close < 0) out += '$(';
      else {
        const name = input.slice(cursor + 2, close);
        out += lookup(name) ?? `$(${name})`;
        advance = close - cursor;
      }
    } else out += '$' + next;
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

/** The container's env after `$(VAR)` expansion, in order (pkg/kubelet/kubelet_pods.go makeEnvironmentVariables). */
export function containerEnv(env: ContainerInput['env']): [string, string][] {
  const vars = new Map<string, string>();
  for (const e of env ?? []) vars.set(e.name, expandKubernetesVars(e.value ?? '', (n) => vars.get(n)));
  return [...vars];
}

/** The argv the runtime starts: `command` replaces ENTRYPOINT (and drops CMD), `args` replaces CMD
 * (containerd internal/cri/opts/spec_opts.go WithProcessArgs). */
export function containerArgv(entry: Pick<ImageEntry, 'entrypoint' | 'cmd'>, c: ContainerInput): string[] {
  const vars = new Map(containerEnv(c.env));
  const expand = (s: string): string => expandKubernetesVars(s, (n) => vars.get(n));
  let command = (c.command ?? []).map(expand);
  let args = (c.args ?? []).map(expand);
  if (command.length === 0) {
    if (args.length === 0) args = [...entry.cmd];
    command = [...entry.entrypoint];
  }
  return [...command, ...args];
}

interface Listener {
  spec: ServerSpec;
  listenAt: number;
  stopAt: number;
}

/**
 * Programs are pure (their lazily computed parts only ever extend), so the kubelet, which rebuilds them from
 * plain state whenever it needs one, gets the same object back for the same inputs.
 */
const memo = new Map<string, ContainerProgram>();
const MEMO_SIZE = 5000;

export function programFor(container: ContainerInput, rand: () => number, podIP: string, opts: ProgramOptions = {}): ContainerProgram {
  const seed = Math.floor(rand() * 0x1_0000_0000) >>> 0;
  const key = JSON.stringify([catalogGeneration(), container.image, container.command, container.args, container.env,
    container.workingDir, container.stdin, seed, podIP, opts.hostname, opts.startedAt]);
  let p = memo.get(key);
  if (p) {
    memo.delete(key);
  } else {
    p = buildProgram(container, seed, podIP, opts);
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  }
  memo.set(key, p);
  return p;
}

function buildProgram(container: ContainerInput, seed: number, podIP: string, opts: ProgramOptions): ContainerProgram {
  const entry = imageEntry(container.image) ?? catalog().unknown;
  const hostname = opts.hostname ?? 'localhost';
  const startedAt = opts.startedAt ?? 0;
  const env: [string, string][] = [...entry.env, ['HOSTNAME', hostname], ...containerEnv(container.env)];
  const vars = (port: number | undefined): Record<string, string | number | undefined> => ({ hostname, podIP, port });

  const programs: ShellImage['programs'] = {};
  for (const [name, spec] of Object.entries(entry.programs)) {
    programs[name] = (_argv, atMs): ProgramRun => ({
      log: spec.log.map((l) => ({ afterMs: 0, line: render(l, vars(spec.ports[0]), startedAt + atMs) })),
      exit: spec.exitAfterMs !== undefined ? { afterMs: spec.exitAfterMs, code: spec.exitCode } : undefined,
    });
  }
  const image: ShellImage = {
    files: entry.files, dirs: entry.dirs, workdir: container.workingDir ?? entry.workdir, programs,
    unknownCommands: entry.unknownCommands,
  };
  const ctx = { env, hostname, startedAt, seed, stdin: container.stdin };
  const run = new ProcessTimeline(containerArgv(entry, container), image, ctx);
  const exit = run.exit ? { afterMs: run.exit.atMs, code: run.exit.code } : undefined;

  let listeners: Listener[] = [];
  const servers = (): Listener[] => {
    if (listeners.length !== run.programs.length) {
      listeners = run.programs.map((p) => {
        const spec = entry.programs[p.name];
        const stopAt = spec.exitAfterMs !== undefined ? p.atMs + spec.exitAfterMs : Infinity;
        return { spec, listenAt: p.atMs + spec.startMs, stopAt };
      });
    }
    return listeners;
  };
  const listening = (port: number, atMs: number): Listener | undefined =>
    exit && atMs >= exit.afterMs
      ? undefined
      : servers().find((s) => s.spec.ports.includes(port) && s.listenAt <= atMs && atMs < s.stopAt);
  const respond = (l: Listener, port: number, path: string, atMs: number, n: number, from = '') =>
    answer(l.spec, path, n, () => run.fsAt(atMs), { ...vars(port), from, path, n }, startedAt + atMs);

  return {
    startMs: servers().reduce((min, s) => Math.min(min, s.listenAt), servers().length ? Infinity : 0),
    ports: [...new Set(servers().flatMap((s) => s.spec.ports))],
    exit,
    startError: run.startError,
    http(port, path, atMs, requestNumber) {
      const l = listening(port, atMs);
      if (!l) return { error: `dial tcp ${podIP}:${port}: connect: connection refused` };
      const a = respond(l, port, path, atMs, requestNumber);
      return 'error' in a ? a : { status: a.status, body: a.body };
    },
    tcp: (port, atMs) => listening(port, atMs) !== undefined,
    exec: (argv, atMs) => execIn(argv, run.fsAt(atMs), image, ctx, atMs),
    logs(untilMs, requests) {
      const own = run.logsUntil(untilMs);
      const served: { atMs: number; line: string }[] = [];
      let n = 0;
      const ordered = requests.map((r, i) => ({ r, i })).sort((a, b) => a.r.atMs - b.r.atMs || a.i - b.i);
      for (const { r } of ordered) {
        if (r.atMs > untilMs) break;
        const port = r.port ?? servers()[0]?.spec.ports[0];
        const l = port === undefined ? undefined : listening(port, r.atMs);
        if (!l || port === undefined) continue;
        const path = r.path ?? '/';
        const a = respond(l, port, path, r.atMs, ++n, r.from);
        const fields = 'error' in a ? { status: 0, bytes: 0, file: '' } : a;
        const v = { ...vars(port), from: r.from, path, n, ua: r.userAgent ?? 'kube-probe/1.32', status: fields.status, bytes: fields.bytes, file: fields.file };
        for (const t of ['error' in a ? [] : a.log, l.spec.requestLog].flat()) served.push({ atMs: r.atMs, line: render(t, v, startedAt + r.atMs) });
      }
      // Merge, the process's own lines first when times are equal.
      const out: { atMs: number; line: string }[] = [];
      let i = 0;
      for (const s of served) {
        while (i < own.length && own[i].atMs <= s.atMs) out.push(own[i++]);
        out.push(s);
      }
      return out.concat(own.slice(i));
    },
    nextChangeAfter(atMs) {
      const times: number[] = [];
      for (const s of servers()) times.push(s.listenAt, s.stopAt);
      if (exit) times.push(exit.afterMs);
      const fsChange = exit && atMs >= exit.afterMs ? undefined : run.nextFsChangeAfter(atMs);
      if (fsChange !== undefined) times.push(fsChange);
      const later = times.filter((t) => t > atMs && t !== Infinity);
      return later.length ? Math.min(...later) : undefined;
    },
  };
}
