// What the header and the node strip say about the cluster (pods by phase, nodes by health) and the events pane's
// list: kept by state/cluster-facts.ts from what changed between two States, so a tick that touched a few pods
// costs a few pods, not a recount of every pod, node and event.

import { useMemo, useRef } from 'react';
import type { Event } from '../../cluster/api/types.js';
import type { State } from '../../cluster/state.js';
import { EventIndex, NodeFacts, PodPhases, type NodeFact, type PodCounts } from '../state/cluster-facts.js';

export type { NodeFact } from '../state/cluster-facts.js';

export interface ClusterFacts {
  pods: PodCounts;
  nodes: NodeFact[];
}

export function useClusterFacts(state: State): ClusterFacts {
  const keep = useRef<{ pods: PodPhases; nodes: NodeFacts } | undefined>(undefined);
  keep.current ??= { pods: new PodPhases(), nodes: new NodeFacts() };
  const pods = keep.current.pods.sync(state);
  const nodes = keep.current.nodes.sync(state);
  return useMemo(() => ({ pods, nodes }), [pods, nodes]);
}

/** The latest `limit` events of one object (by uid), or of the whole cluster; nothing is kept while limit is 0. */
export function useEvents(state: State, uid: string | undefined, limit: number): Event[] {
  const index = useRef<EventIndex | undefined>(undefined);
  if (limit <= 0) return [];
  index.current ??= new EventIndex();
  index.current.sync(state);
  return index.current.latest(uid, limit);
}
