// What the kubelet and the container runtime know about a pod that the Pod object does not say: the sandbox,
// every container's runs (the containerd containers the kubelet lists: the current one and the dead one it
// keeps, MaxPerPodContainer = 1), its start error (the kubelet's reasonCache), back-off entries and probe
// worker state. One row per pod in table `podRuntime`, keyed like the pod; written only when something
// changes, so a settled pod costs nothing (DESIGN.md, issue "150,000 pods faster than real time").

import type { Container, Pod } from '../api/types.js';
import type { Tx } from '../tx.js';
import { fnv1a } from '../util/hash.js';
import type { BackoffEntry } from './backoff.js';

export const POD_RUNTIME = 'podRuntime';

/** One container instance (a run): what `crictl ps -a` shows for it. Never changed once made: its end is a new
 * Run (what the kubelet derives from a run is remembered with the object, runtime-copy.ts). */
export interface Run {
  /** containerd container id (64 hex digits). */
  id: string;
  /** The random number handed to `programFor`, drawn once per start. */
  rand: number;
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

export function newContainerRuntime(c: Container): ContainerRuntime {
  return { name: c.name, starts: 0 };
}

export function newPodRuntime(pod: Pod, node: string, now: number, boot: number): PodRuntime {
  return {
    uid: pod.metadata.uid,
    node,
    boot,
    admittedAt: now,
    initContainers: (pod.spec.initContainers ?? []).map(newContainerRuntime),
    containers: pod.spec.containers.map(newContainerRuntime),
  };
}

/** A deterministic 64-hex-digit container id (containerd ids are random; ours derive from who and which run). */
export function containerId(podUid: string, name: string, run: number): string {
  let out = '';
  for (let i = 0; out.length < 64; i++) out += fnv1a(`${podUid}/${name}/${run}/${i}`).toString(16).padStart(8, '0');
  return out.slice(0, 64);
}

/** restartCount as the kubelet reports it. */
export function restartCount(cr: ContainerRuntime): number {
  return Math.max(0, cr.starts - 1);
}

/** Is the newest run of this container still alive (running, or running while being killed)? */
export function isRunning(cr: ContainerRuntime): boolean {
  return !!cr.cur && cr.cur.finishedAt === undefined;
}
