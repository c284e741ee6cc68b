// Resource naming as the API server's discovery documents it and kubectl prints it: plural/singular/short names,
// API groups, `kind.group/name` qualified names and the NotFound error. kubectl resolves a user's word through its
// RESTMapper (k8s.io/apimachinery/pkg/api/meta/restmapper.go + shortcut expansion in
// staging/src/k8s.io/client-go/restmapper/shortcut.go): short names first, then `resource[.version][.group]`
// matched against plural or singular names, case-insensitively.

import type { Kind } from '../api/types.js';
import { ALL_KINDS, API_VERSION } from '../api/types.js';

export interface ResourceInfo {
  kind: Kind;
  /** Resource name as in URLs and RBAC: `replicasets`. */
  plural: string;
  singular: string;
  shortNames: string[];
  /** API group, '' for the core (legacy) group. */
  group: string;
  version: string;
  namespaced: boolean;
}

function info(kind: Kind, plural: string, shortNames: string[], namespaced = true): ResourceInfo {
  const apiVersion = API_VERSION[kind];
  const slash = apiVersion.indexOf('/');
  return {
    kind,
    plural,
    singular: kind.toLowerCase(),
    shortNames,
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
    namespaced,
  };
}

/** Discovery data for every simulated kind (short names as `kubectl api-resources` lists them in v1.32). */
export const RESOURCES: Record<Kind, ResourceInfo> = {
  Pod: info('Pod', 'pods', ['po']),
  Node: info('Node', 'nodes', ['no'], false),
  ReplicationController: info('ReplicationController', 'replicationcontrollers', ['rc']),
  ReplicaSet: info('ReplicaSet', 'replicasets', ['rs']),
  DaemonSet: info('DaemonSet', 'daemonsets', ['ds']),
  StatefulSet: info('StatefulSet', 'statefulsets', ['sts']),
  Job: info('Job', 'jobs', []),
  CronJob: info('CronJob', 'cronjobs', ['cj']),
  PersistentVolumeClaim: info('PersistentVolumeClaim', 'persistentvolumeclaims', ['pvc']),
  Event: info('Event', 'events', ['ev']),
};

function withGroup(name: string, group: string): string {
  return group ? `${name}.${group}` : name;
}

/**
 * The Kind a user's word names, or undefined. Accepts the kind (`ReplicaSet`), plural (`replicasets`), singular
 * (`replicaset`), short name (`rs`), and the group-qualified forms `replicasets.apps`, `replicaset.apps`,
 * `replicasets.v1.apps`, all case-insensitive.
 */
export function resolveResource(word: string): Kind | undefined {
  const w = word.trim().toLowerCase();
  if (w === '') return undefined;
  for (const kind of ALL_KINDS) {
    const r = RESOURCES[kind];
    if (r.shortNames.includes(w) || w === r.plural || w === r.singular) return kind;
  }
  // resource.group or resource.version.group (schema.ParseResourceArg).
  const parts = w.split('.');
  if (parts.length < 2) return undefined;
  for (const kind of ALL_KINDS) {
    const r = RESOURCES[kind];
    if (r.group === '') continue;
    const name = parts[0];
    if (name !== r.plural && name !== r.singular) continue;
    const rest = parts.slice(1).join('.');
    if (rest === r.group || rest === `${r.version}.${r.group}`) return kind;
  }
  return undefined;
}

/** `kubectl get foo`: `error: the server doesn't have a resource type "foo"`. */
export function unknownResource(word: string): string {
  return `error: the server doesn't have a resource type "${word}"`;
}

/** `replicaset.apps`, `pod`: the lower-cased GroupKind kubectl prints before a name. */
export function qualifiedKindName(kind: Kind): string {
  const r = RESOURCES[kind];
  return withGroup(r.singular, r.group);
}

/** `replicaset.apps/kubia`, `pod/kubia-x2f9k` (kubectl's `-o name` and the `created`/`scaled` messages). */
export function qualifiedName(kind: Kind, name: string): string {
  return `${qualifiedKindName(kind)}/${name}`;
}

/** `replicasets.apps`, `pods`: the GroupResource the API server names in its errors. */
export function resourcePlural(kind: Kind): string {
  const r = RESOURCES[kind];
  return withGroup(r.plural, r.group);
}

/** `Error from server (NotFound): replicasets.apps "x" not found`. */
export function notFound(kind: Kind, name: string): string {
  return `Error from server (NotFound): ${resourcePlural(kind)} "${name}" not found`;
}

/** What `kubectl get` prints (on stderr) when a list is empty (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go). */
export function noResourcesFound(namespace?: string): string {
  return namespace === undefined ? 'No resources found' : `No resources found in ${namespace} namespace.`;
}
