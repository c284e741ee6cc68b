// Stopping containers (pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer): SIGTERM, then SIGKILL
// when the grace period ends. How long a process takes to go is its own business: a server started from the
// image's entrypoint handles SIGTERM and is gone about a second later (exit 143, reason Error); a container
// whose main process is the one given as `command` (a shell, `sleep`) runs it as PID 1, which the kernel
// protects from signals it has no handler for, so it ignores SIGTERM and is killed at the end (exit 137).

import type { Container, Pod, Probe } from '../api/types.js';
import type { ContainerProgram } from './program.js';
import type { Kill, Run } from './runtime.js';

/** killContainer's floor (minimumGracePeriodInSeconds). */
export const MIN_GRACE_SECONDS = 2;
export const DEFAULT_GRACE_SECONDS = 30;
/** How long a server that handles SIGTERM takes to exit. */
export const SIGTERM_EXIT_MS = 1000;
export const SIGTERM_EXIT_CODE = 143;
export const SIGKILL_EXIT_CODE = 137;

/** The grace period of a kill: the probe's own terminationGracePeriodSeconds for probe kills, else the pod's. */
export function podGraceSeconds(pod: Pod): number {
  return pod.spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
}

export function probeGraceSeconds(pod: Pod, probe: Probe | undefined): number {
  return probe?.terminationGracePeriodSeconds ?? podGraceSeconds(pod);
}

/** The kill of `run` sent at `at` with `graceSeconds`: when the process is gone and with which exit code. */
export function killRun(c: Container, exit: ContainerProgram['exit'], run: Run, at: number, graceSeconds: number, cause: Kill['cause']): Kill {
  const graceMs = Math.max(graceSeconds, MIN_GRACE_SECONDS) * 1000;
  const ignoresSigterm = (c.command ?? []).length > 0;
  let stopAt = ignoresSigterm ? at + graceMs : at + Math.min(SIGTERM_EXIT_MS, graceMs);
  let exitCode = ignoresSigterm ? SIGKILL_EXIT_CODE : SIGTERM_EXIT_CODE;
  // A process that ends by itself before the signal takes effect keeps its own exit.
  const own = exit ? run.startedAt + exit.afterMs : Infinity;
  if (own < stopAt) {
    stopAt = own;
    exitCode = exit!.code;
  }
  return { at, stopAt, exitCode, cause };
}

/** A kill already under way is only ever shortened (a second delete with a smaller grace period). */
export function shortenKill(kill: Kill, next: Kill): Kill {
  return next.stopAt < kill.stopAt ? { ...kill, stopAt: next.stopAt, exitCode: next.exitCode } : kill;
}

/** containerd's reason for an exited process. */
export function exitReason(exitCode: number): string {
  return exitCode === 0 ? 'Completed' : 'Error';
}
