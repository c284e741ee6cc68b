// apiVersion/kind → the kind kubesim stores, the way kubectl's RESTMapper resolves it against a v1.32 cluster's
// discovery. The notes were written for older clusters, so the beta versions they use (removed since) are
// accepted and converted to the served version, with a warning saying so.

import type { Kind } from '../api/types.js';
import { API_VERSION } from '../api/types.js';
import { goQuote } from './field-errors.js';

/** A version a kind used to be served as, with the Kubernetes release that stopped serving it. */
interface LegacyVersion {
  removedIn?: string;
  /** Never a Kubernetes API version at all (a typo in the notes); accepted anyway, with a plainer warning. */
  neverExisted?: boolean;
}

/** History from the Kubernetes deprecation guide (kubernetes.io/docs/reference/using-api/deprecation-guide). */
const LEGACY: Partial<Record<Kind, Record<string, LegacyVersion>>> = {
  ReplicaSet: { 'apps/v1beta2': { removedIn: 'v1.16' }, 'extensions/v1beta1': { removedIn: 'v1.16' } },
  DaemonSet: { 'apps/v1beta2': { removedIn: 'v1.16' }, 'extensions/v1beta1': { removedIn: 'v1.16' } },
  StatefulSet: { 'apps/v1beta1': { removedIn: 'v1.16' }, 'apps/v1beta2': { removedIn: 'v1.16' } },
  CronJob: {
    'batch/v1beta1': { removedIn: 'v1.25' },
    'batch/v2alpha1': { removedIn: 'v1.21' },
    'batch/v1beta2': { neverExisted: true },
  },
};

/** Real kinds kubesim does not simulate, so the user is told that rather than "no matches". */
const NOT_SIMULATED: Record<string, string[]> = {
  v1: ['Service', 'ConfigMap', 'Secret', 'Namespace', 'ServiceAccount', 'PersistentVolume', 'Endpoints', 'LimitRange', 'ResourceQuota', 'PodTemplate'],
  'apps/v1': ['Deployment', 'ControllerRevision'],
  'networking.k8s.io/v1': ['Ingress', 'NetworkPolicy', 'IngressClass'],
  'autoscaling/v1': ['HorizontalPodAutoscaler'],
  'autoscaling/v2': ['HorizontalPodAutoscaler'],
  'policy/v1': ['PodDisruptionBudget'],
  'rbac.authorization.k8s.io/v1': ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'],
  'storage.k8s.io/v1': ['StorageClass'],
};

const SIMULATED: Kind[] = ['Pod', 'Node', 'ReplicationController', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'PersistentVolumeClaim', 'Event'];

export type KindResolution =
  | {
      ok: true;
      kind: Kind;
      /** The served version the object is converted to (`apps/v1`). */
      apiVersion: string;
      /** The version the manifest asked for. */
      requested: string;
      /** Set when `requested` is an old version kubesim converts. */
      warning?: string;
    }
  | {
      ok: false;
      /** `no matches for kind "X" in version "Y"`, or kubesim's own "does not simulate" text. */
      message: string;
      notSimulated: boolean;
    };

export function resolveKind(apiVersion: string, kind: string): KindResolution {
  const sim = SIMULATED.find((k) => k === kind);
  if (sim && API_VERSION[sim] === apiVersion) return { ok: true, kind: sim, apiVersion, requested: apiVersion };
  const legacy = sim ? LEGACY[sim]?.[apiVersion] : undefined;
  if (sim && legacy) {
    const served = API_VERSION[sim];
    const warning = legacy.neverExisted
      ? `Warning: ${apiVersion} ${sim} is not a Kubernetes API version (a real cluster answers "no matches for kind"); kubesim converts it to ${served}`
      : `Warning: ${apiVersion} ${sim} is deprecated; kubesim converts it to ${served} (removed from Kubernetes in ${legacy.removedIn})`;
    return { ok: true, kind: sim, apiVersion: served, requested: apiVersion, warning };
  }
  if (NOT_SIMULATED[apiVersion]?.includes(kind)) {
    return { ok: false, notSimulated: true, message: `kubesim does not simulate kind ${goQuote(kind)} in version ${goQuote(apiVersion)}` };
  }
  return { ok: false, notSimulated: false, message: `no matches for kind ${goQuote(kind)} in version ${goQuote(apiVersion)}` };
}

/**
 * kubectl's error for a kind it cannot map (staging/src/k8s.io/cli-runtime/pkg/resource/mapper.go + the
 * "ensure CRDs are installed first" hint of kubectl apply), one string with a newline before the hint.
 */
export function resourceMappingError(res: { message: string; notSimulated: boolean }, name: string, namespace: string, file?: string): string {
  const from = file ?? 'STDIN';
  if (res.notSimulated) return `error: unable to recognize ${goQuote(from)}: ${res.message} (${goQuote(name)} was not created)`;
  return `error: resource mapping not found for name: ${goQuote(name)} namespace: ${goQuote(namespace)} from ${goQuote(from)}: ${res.message}\nensure CRDs are installed first`;
}

/** The old versions kubesim accepts for a kind (for help texts and tests). */
export function legacyVersions(kind: Kind): string[] {
  return Object.keys(LEGACY[kind] ?? {});
}
