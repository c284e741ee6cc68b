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

import { catalogGeneration } from './catalog.js';
import { ProgramCore, type RunInputs, RunProgram } from './program-core.js';

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

export { containerArgv, containerEnv, expandKubernetesVars } from './container-argv.js';

/**
 * Programs are pure (their lazily computed parts only ever extend), so the kubelet, which rebuilds them from
 * plain state whenever it needs one, gets the same program back for the same inputs: a core shared by every
 * container of its spec (program-core.ts), or, for a run that differs from container to container, a program
 * remembered per run.
 */
const shared = new Map<string, ProgramCore | 'per-run'>();
let sharedGeneration = -1;
const SHARED_SIZE = 1000;
const memo = new Map<string, ContainerProgram>();
const MEMO_SIZE = 5000;
/** The spec part of the key, per frozen container object (a stored pod's containers are the same objects sync
 * after sync, and cannot change). */
const specKeys = new WeakMap<ContainerInput, string>();

function specKey(c: ContainerInput): string {
  let key = specKeys.get(c);
  if (key === undefined) {
    key = JSON.stringify([c.image, c.command, c.args, c.env, c.workingDir, c.stdin]);
    if (Object.isFrozen(c)) specKeys.set(c, key);
  }
  return key;
}

/**
 * The core every container of this spec shares, once one has been made (a program of it, whatever the run, has
 * the core's `exit`): asking it makes no run key. Undefined when the spec's programs are made per run, or not yet.
 */
export function sharedCore(container: ContainerInput): ProgramCore | undefined {
  if (sharedGeneration !== catalogGeneration()) return undefined;
  const core = shared.get(specKey(container));
  return core instanceof ProgramCore ? core : undefined;
}

export function programFor(container: ContainerInput, rand: () => number, podIP: string, opts: ProgramOptions = {}): ContainerProgram {
  const seed = Math.floor(rand() * 0x1_0000_0000) >>> 0;
  if (sharedGeneration !== catalogGeneration()) {
    shared.clear();
    sharedGeneration = catalogGeneration();
  }
  const spec = specKey(container);
  const inputs = (): RunInputs => ({ seed, podIP, hostname: opts.hostname ?? 'localhost', startedAt: opts.startedAt ?? 0 });
  const core = shared.get(spec);
  // A shared core's program of a run is only the run's inputs over the core: found by them, without writing out
  // a key (the kubelet asks once per run and probe step, and keeps recent runs' programs itself).
  if (core instanceof ProgramCore) return core.runProgram(inputs());
  const run = JSON.stringify([seed, podIP, opts.hostname, opts.startedAt]);
  const key = `${sharedGeneration}${spec}${run}`;
  let p = memo.get(key);
  if (p) {
    memo.delete(key);
  } else {
    const own = new ProgramCore(container, inputs());
    p = own.runProgram(inputs());
    if (core === undefined) {
      if (shared.size >= SHARED_SIZE) shared.clear();
      shared.set(spec, own.shareable ? own : 'per-run');
      if (own.shareable) return p;
    }
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  }
  memo.set(key, p);
  return p;
}
