// Every view, and the words that open them from the `:` prompt.

import type { Kind } from '../../cluster/api/types.js';
import { cronJobsView, jobsView } from './batch.js';
import { eventsView, nodesView, pvcsView } from './cluster.js';
import { containersView } from './containers.js';
import { podsView } from './pods.js';
import type { ResourceView, ViewName } from './types.js';
import { daemonSetsView, replicaSetsView, replicationControllersView, statefulSetsView } from './workloads.js';

export type { Item, ResourceView, Scope, Sort, ViewName } from './types.js';

export const VIEWS: Record<ViewName, ResourceView> = {
  pods: podsView,
  replicationcontrollers: replicationControllersView,
  replicasets: replicaSetsView,
  daemonsets: daemonSetsView,
  statefulsets: statefulSetsView,
  jobs: jobsView,
  cronjobs: cronJobsView,
  nodes: nodesView,
  events: eventsView,
  persistentvolumeclaims: pvcsView,
  containers: containersView,
};

/** The views the `:` prompt can open, in the order help lists them. */
export const COMMAND_VIEWS: ViewName[] = [
  'pods', 'replicationcontrollers', 'replicasets', 'daemonsets', 'statefulsets', 'jobs', 'cronjobs', 'nodes', 'events', 'persistentvolumeclaims',
];

/** `po`, `pods`, `ReplicaSet`, `rs` → the view; undefined for anything else. */
export function resolveView(word: string): ViewName | undefined {
  const w = word.toLowerCase();
  for (const name of COMMAND_VIEWS) if (VIEWS[name].aliases.includes(w) || name === w) return name;
  return undefined;
}

export function viewOfKind(kind: Kind): ViewName | undefined {
  return COMMAND_VIEWS.find((v) => VIEWS[v].kind === kind);
}

/** Every word the `:` prompt knows for a view (for completion). */
export function viewWords(): string[] {
  return [...new Set(COMMAND_VIEWS.flatMap((v) => VIEWS[v].aliases))];
}
