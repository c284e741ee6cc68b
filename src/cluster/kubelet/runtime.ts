// What the kubelet and the container runtime know about a pod that the Pod object does not say: the sandbox,
// every container's runs (the containerd containers the kubelet lists: the current one and the dead one it
// keeps, MaxPerPodContainer = 1), its start error (the kubelet's reasonCache), back-off entries and probe
// worker state. One row per pod in table `podRuntime`, keyed like the pod; written only when something
// changes, so a settled pod costs nothing (DESIGN.md, issue "150,000 pods faster than real time").

import type { Pod } from '../api/types.js';
import type { Tx } from '../tx.js';
import { FNV1A_OFFSET, fnv1aChar, fnv1aMore } from '../util/hash.js';
import type { BackoffEntry } from './backoff.js';

export const POD_RUNTIME = 'podRuntime';

/** One container instance (a run): what `crictl ps -a` shows for it. Never changed once made: its end is a new
 * Run (what the kubelet derives from a run, its program, is fixed with it). */
export interface Run {
  /** The container status' containerID: `containerd://` and 64 hex digits, one flat string that every status
   * showing the run points at. */
  containerID: string;
  /** The random number drawn when the run started, as the seed `programFor` makes of it (a 32-bit integer, kept
   * signed so that V8 stores it inline rather than as a boxed double: see seedOf/randOf). */
  seed: number;
  /** The image it runs. */
  image: string;
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
  /** containerd's reason: `Completed`, `Error`, `StartError`, `Unknown` (lost with its machine). */
  reason?: string;
  message?: string;
}

/** A container being stopped: SIGTERM sent at `at`, the process gone at `stopAt`. */
export interface Kill {
  at: number;
  stopAt: number;
  exitCode: number;
  /** `liveness`/`startup`: a probe failed, `changed`: its spec changed (the kubelet restarts it if the policy
   * allows); `pod`: the pod stops. */
  cause: 'liveness' | 'startup' | 'changed' | 'pod';
}

export type ProbeType = 'liveness' | 'readiness' | 'startup';

/** A prober worker's memory (pkg/kubelet/prober/worker.go lastResult / resultRun). */
export interface WorkerState {
  last?: 'Success' | 'Failure';
  run: number;
}

/** Probe state of the current run, as of instant `through` (all probe instants ≤ through are accounted for).
 * Replaced whole, never changed (its next step is remembered with the object, changes.ts). */
export interface ProbeState {
  through: number;
  /** Order among probes at the same instant: 0 liveness, 1 readiness, 2 startup, 3 readiness triggered by start. */
  slot: number;
  /** HTTP requests the container has answered in this run (probes of every worker). */
  requests: number;
  /** status.containerStatuses[].started: the startup probe succeeded (or there is none). */
  started: boolean;
  startedAt?: number;
  /** The published readiness result. */
  ready: boolean;
  workers: Partial<Record<ProbeType, WorkerState>>;
}

/** An image pull under way for this container. */
export interface Pull {
  /** When the kubelet asked (the `Pulling` event); the serialized puller may start later. */
  requestedAt: number;
  startAt: number;
  doneAt: number;
  ok: boolean;
  /** A restart after a probe kill: the kubelet is inside the sync that killed the container, so the status it
   * last wrote — the killed run, still running — stands until the new run starts. */
  shown?: { ready: boolean; started: boolean };
}

export interface ContainerRuntime {
  name: string;
  /** How many runs have been started. restartCount = starts - 1. */
  starts: number;
  /** The image of the last start attempt: a spec with another one (`kubectl set image`) is acted on at once. */
  image?: string;
  /** The newest run (running, being killed, or exited). */
  cur?: Run;
  /** The run before it: status.lastState and `kubectl logs --previous`. */
  prev?: Run;
  /** The last start error (reasonCache): ErrImagePull, ImagePullBackOff, ErrImageNeverPull, CrashLoopBackOff.
   * `visibleAt`: not in the API status before then (see attemptStart). */
  waiting?: { reason: string; message?: string; visibleAt?: number };
  pull?: Pull;
  imageBackoff?: BackoffEntry;
  /** The last pull error, repeated in the ImagePullBackOff message (image_manager.go prevPullErrMsg). */
  lastPullError?: string;
  /** The crash-loop back-off entry (kuberuntime doBackOff). */
  backoff?: BackoffEntry;
  /** When the kubelet tries to start it again on its own: the pod worker's resync after a start error (every
   * 10 s, repeating the `BackOff` event), or the end of a crash back-off, whichever comes first. */
  retryAt?: number;
  kill?: Kill;
  probe?: ProbeState;
  /** Each probe worker's random first delay within its period, drawn when the pod is admitted (worker.go run()). */
  probeDelays?: Partial<Record<ProbeType, number>>;
  /** The container will not be started again (restart policy, or the pod is terminating). */
  done?: boolean;
}

export interface PodRuntime {
  /** The pod's uid: a new pod with the same name gets a new record. */
  uid: string;
  node: string;
  /** When the kubelet admitted the pod: probe workers tick from here (prober/worker.go run()). */
  admittedAt: number;
  /** Sandbox ready (RunPodSandbox done, IP assigned). */
  sandboxAt?: number;
  /** RunPodSandbox failed (no free address): when the pod worker tries again. */
  sandboxRetryAt?: number;
  podIP?: string;
  /** When the node's kubelet started (nodeRuntime.lastHeartbeat while it is up): a different value later means
   * the machine was powered off and on since, and every process of the pod died with it. */
  boot: number;
  /** Pod-level stop under way: deletion or activeDeadlineSeconds. */
  stopping?: { at: number; cause: 'delete' | 'deadline'; grace?: number };
  deadlineExceeded?: boolean;
  initContainers: ContainerRuntime[];
  containers: ContainerRuntime[];
}

export function getPodRuntime(tx: Tx, key: string): PodRuntime | undefined {
  return tx.get<PodRuntime>(POD_RUNTIME, key);
}

/** Pods without init containers (most) share one empty list. */
const NO_CONTAINERS: ContainerRuntime[] = Object.freeze([]) as unknown as ContainerRuntime[];

export function newPodRuntime(pod: Pod, node: string, now: number, boot: number): PodRuntime {
  const init = pod.spec.initContainers ?? [];
  return {
    uid: pod.metadata.uid,
    node,
    boot,
    admittedAt: now,
    initContainers: init.length ? init.map((c) => ({ name: c.name, starts: 0 })) : NO_CONTAINERS,
    containers: pod.spec.containers.map((c) => ({ name: c.name, starts: 0 })),
  };
}

/** The empty list of a pod without init containers (a stored record keeps the shared one). */
export function noContainers(): ContainerRuntime[] {
  return NO_CONTAINERS;
}

const SLASH = 47;
const DIGIT_0 = 48;
const PREFIX = Array.from('containerd://', (ch) => ch.charCodeAt(0));
const HEX = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));

/**
 * A deterministic container id as the status shows it, `containerd://` + 64 hex digits (containerd ids are random;
 * ours derive from who and which run): the FNV-1a hashes of `<uid>/<name>/<run>/<i>`, i = 0…7, 8 hex digits each.
 * The shared prefix is hashed once. The text is made from its character codes in one go, so that it is one flat
 * string: built with `+`, V8 keeps a tree of 15 partial strings (~430 bytes instead of ~100) for every run of
 * every pod.
 */
export function containerID(podUid: string, name: string, run: number): string {
  let h = fnv1aMore(FNV1A_OFFSET, podUid);
  h = fnv1aChar(fnv1aMore(fnv1aChar(h, SLASH), name), SLASH);
  h = fnv1aChar(fnv1aMore(h, String(run)), SLASH);
  const codes = PREFIX.slice();
  for (let i = 0; i < 8; i++) {
    let x = fnv1aChar(h, DIGIT_0 + i) >>> 0;
    for (let j = 7; j >= 0; j--) {
      codes[PREFIX.length + i * 8 + j] = HEX[x & 15];
      x >>>= 4;
    }
  }
  return String.fromCharCode(...codes);
}

/** The seed of a run from the number drawn at its start (program.ts programFor's `Math.floor(rand * 2^32)`). */
export function seedOf(rand: number): number {
  return Math.floor(rand * 0x1_0000_0000) | 0;
}

/** A number that programFor turns back into the run's seed (exactly: seed / 2^32 is a dyadic fraction). */
export function randOf(run: Run): number {
  return (run.seed >>> 0) / 0x1_0000_0000;
}

/**
 * A run starting now. Made with `finishedAt` (undefined) as a fifth field: measured on Node 20, once a cluster
 * has some 10,000 pods V8 makes every object literal of exactly four fields one of which holds a number it keeps
 * as a double (here startedAt: milliseconds since 1970 are beyond its small integers) in dictionary mode, ~450
 * bytes for each run instead of 64 (`%HasFastProperties`). Pull (pull.ts) has a fifth field for the same reason.
 */
export function newRun(containerID: string, seed: number, image: string, startedAt: number): Run {
  return { containerID, seed, image, startedAt, finishedAt: undefined };
}

/** `run` ended at `finishedAt` (a new Run: runs are never changed; a message it had stays unless given another). */
export function endedRun(run: Run, finishedAt: number, exitCode: number, reason: string, message?: string): Run {
  const { containerID, seed, image, startedAt } = run;
  const m = message ? message : run.message;
  return m !== undefined
    ? { containerID, seed, image, startedAt, finishedAt, exitCode, reason, message: m }
    : { containerID, seed, image, startedAt, finishedAt, exitCode, reason };
}

/** restartCount as the kubelet reports it. */
export function restartCount(cr: ContainerRuntime): number {
  return Math.max(0, cr.starts - 1);
}

/** Is the newest run of this container still alive (running, or running while being killed)? */
export function isRunning(cr: ContainerRuntime): boolean {
  return !!cr.cur && cr.cur.finishedAt === undefined;
}
