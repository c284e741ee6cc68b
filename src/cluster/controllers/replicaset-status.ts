// ReplicaSet / ReplicationController status, as calculateStatus and updateReplicaSetStatus compute it
// (pkg/controller/replicaset/replica_set_utils.go).

import type { Labels, Pod, ReplicaSetStatus } from '../api/types.js';
import { podReadyCondition, readyLongEnough } from './shared/pods.js';

/** labels.SelectorFromSet(template labels).Matches: every template label is on the pod (an empty set matches all). */
function hasAllLabels(template: Labels | undefined, labels: Labels | undefined): boolean {
  for (const k in template ?? {}) if (!labels || labels[k] !== template![k]) return false;
  return true;
}

export interface StatusInput {
  templateLabels: Labels | undefined;
  minReadySeconds: number;
  generation: number | undefined;
  /** The active pods the controller owns after claiming (FilterActivePods). */
  pods: Pod[];
  now: number;
}

/**
 * calculateStatus: replicas = active owned pods, fullyLabeledReplicas = those carrying every template label,
 * readyReplicas = Ready, availableReplicas = Ready for minReadySeconds; observedGeneration = metadata.generation.
 * Zero counts are left out as the API's `omitempty` does (`replicas` is always there). Conditions are kept:
 * ReplicaFailure needs a failing create/delete, which the simulated API server never produces.
 */
export function calculateStatus(old: ReplicaSetStatus | undefined, input: StatusInput): ReplicaSetStatus {
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  // Pods of one template share their labels object: the template's labels are compared once per object met in a
  // row, and the Ready condition is looked up once per pod (a sync counts up to 500 pods, every second of a roll).
  let lastLabels: Labels | undefined | null = null;
  let lastFull = false;
  const { templateLabels, minReadySeconds, now } = input;
  for (const pod of input.pods) {
    const labels = pod.metadata.labels;
    if (labels !== lastLabels) {
      lastLabels = labels;
      lastFull = hasAllLabels(templateLabels, labels);
    }
    if (lastFull) fullyLabeled++;
    const c = podReadyCondition(pod);
    if (c?.status === 'True') {
      ready++;
      if (readyLongEnough(c, minReadySeconds, now)) available++;
    }
  }
  const status: ReplicaSetStatus = { replicas: input.pods.length };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  const generation = input.generation ?? old?.observedGeneration;
  if (generation) status.observedGeneration = generation;
  if (old?.conditions) status.conditions = old.conditions;
  return status;
}

/** updateReplicaSetStatus writes only when one of these differs. */
export function sameStatus(a: ReplicaSetStatus | undefined, b: ReplicaSetStatus): boolean {
  return (
    !!a &&
    a.replicas === b.replicas &&
    (a.fullyLabeledReplicas ?? 0) === (b.fullyLabeledReplicas ?? 0) &&
    (a.readyReplicas ?? 0) === (b.readyReplicas ?? 0) &&
    (a.availableReplicas ?? 0) === (b.availableReplicas ?? 0) &&
    (a.observedGeneration ?? 0) === (b.observedGeneration ?? 0) &&
    a.conditions === b.conditions
  );
}

/**
 * When the next ready-but-not-yet-available pod becomes available (minReadySeconds after its Ready transition),
 * so the controller can wake itself then — kubernetes re-queues after minReadySeconds for the same reason.
 */
export function nextAvailableAt(pods: Pod[], minReadySeconds: number, now: number): number | undefined {
  if (minReadySeconds <= 0) return undefined;
  let next: number | undefined;
  for (const pod of pods) {
    const c = podReadyCondition(pod);
    if (c?.status !== 'True' || readyLongEnough(c, minReadySeconds, now)) continue;
    const since = Date.parse(c.lastTransitionTime ?? '');
    if (Number.isNaN(since)) continue;
    const due = since + minReadySeconds * 1000;
    if (next === undefined || due < next) next = due;
  }
  return next;
}
