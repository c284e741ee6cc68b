// What the header and the node strip say about the cluster: pods by phase, nodes by health. Recounted only when
// the Pod or Node table changes (immer identity), not every frame.

import { useMemo } from 'react';
import type { Event, Node, Pod } from '../../cluster/api/types.js';
import { nodeStatus } from '../../cluster/printers/node.js';
import type { State } from '../../cluster/state.js';
import { listObjects } from '../../cluster/store.js';
import { parseTime } from '../../cluster/util/time.js';

export interface NodeFact {
  name: string;
  status: string;
  health: 'ready' | 'notready' | 'cordoned';
}

export interface ClusterFacts {
  pods: { total: number; byPhase: Record<string, number> };
  nodes: NodeFact[];
}

export function nodeFacts(nodes: Node[]): NodeFact[] {
  return nodes
    .map((n) => {
      const status = nodeStatus(n);
      const health: NodeFact['health'] = !status.startsWith('Ready') ? 'notready' : status.includes('SchedulingDisabled') ? 'cordoned' : 'ready';
      return { name: n.metadata.name, status, health };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

export function podPhases(pods: Pod[]): ClusterFacts['pods'] {
  const byPhase: Record<string, number> = {};
  for (const p of pods) {
    const phase = p.status?.phase ?? 'Pending';
    byPhase[phase] = (byPhase[phase] ?? 0) + 1;
  }
  return { total: pods.length, byPhase };
}

export function useClusterFacts(state: State): ClusterFacts {
  const podTable = state.tables.Pod;
  const nodeTable = state.tables.Node;
  const pods = useMemo(() => podPhases(listObjects(state, 'Pod')), [podTable]);
  const nodes = useMemo(() => nodeFacts(listObjects(state, 'Node')), [nodeTable]);
  return { pods, nodes };
}

/** Events newest first (by last timestamp; the order does not change as time passes). */
export function newestFirst(events: Event[]): Event[] {
  const t = (e: Event) => parseTime(e.lastTimestamp ?? e.firstTimestamp) ?? 0;
  return [...events].sort((a, b) => t(b) - t(a) || (a.metadata.name < b.metadata.name ? -1 : 1));
}

/** The latest `limit` events of one object (by uid), or of the whole cluster. */
export function latestEvents(sorted: Event[], uid: string | undefined, limit: number): Event[] {
  const out: Event[] = [];
  for (const e of sorted) {
    if (out.length >= limit) break;
    if (uid === undefined || e.involvedObject.uid === uid) out.push(e);
  }
  return out;
}

export function useEvents(state: State, uid: string | undefined, limit: number): Event[] {
  const table = state.tables.Event;
  const sorted = useMemo(() => newestFirst(listObjects(state, 'Event')), [table]);
  return useMemo(() => latestEvents(sorted, uid, limit), [sorted, uid, limit]);
}
