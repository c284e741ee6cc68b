// Enter on a pod: its containers, as k9s' render/container.go lists them (NAME, IMAGE, READY, STATE, INIT,
// RESTARTS, PROBES(L:R:S), PORTS, AGE). Not a Kind of its own, so the row function lives here.

import type { Container, ContainerStatus, Pod } from '../../cluster/api/types.js';
import { age, num, text, type Cell, type Column } from '../../cluster/printers/types.js';
import { getObject } from '../../cluster/store.js';
import { CONTAINER_KEYS } from '../keys/resource.js';
import type { Health } from '../theme.js';
import type { Item, ResourceView } from './types.js';

export interface ContainerRow {
  pod: Pod;
  container: Container;
  status?: ContainerStatus;
  init: boolean;
}

const COLUMNS: Column[] = [
  { name: 'NAME' },
  { name: 'IMAGE' },
  { name: 'READY' },
  { name: 'STATE' },
  { name: 'INIT' },
  { name: 'RESTARTS', numeric: true },
  { name: 'PROBES(L:R:S)' },
  { name: 'PORTS' },
  { name: 'AGE', time: true },
  { name: 'LAST STATE', wide: true },
];

/** k9s ToContainerState: the waiting or terminated reason, else the state's name. */
export function containerState(s: ContainerStatus | undefined): string {
  if (!s?.state) return 'Waiting';
  if (s.state.waiting) return s.state.waiting.reason || 'Waiting';
  if (s.state.terminated) return s.state.terminated.reason || 'Terminated';
  if (s.state.running) return 'Running';
  return 'Waiting';
}

const onOff = (p: unknown) => (p ? 'on' : 'off');

function rowOf(c: ContainerRow, now: number): Cell[] {
  const s = c.status;
  const ports = (c.container.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(',');
  const last = s?.lastState?.terminated;
  const started = s?.state?.running?.startedAt ?? c.pod.metadata.creationTimestamp;
  return [
    text(c.container.name),
    text(c.container.image ?? ''),
    text(String(s?.ready ?? false)),
    text(containerState(s)),
    text(String(c.init)),
    num(s?.restartCount ?? 0),
    text(`${onOff(c.container.livenessProbe)}:${onOff(c.container.readinessProbe)}:${onOff(c.container.startupProbe)}`),
    text(ports || '<none>'),
    age(started, now),
    text(last ? `${last.reason ?? 'Terminated'} (exit ${last.exitCode})` : '<none>'),
  ];
}

export function containerHealth(state: string, ready: string, init: boolean): Health {
  if (state === 'Running') return ready === 'true' || init ? 'ok' : 'error';
  if (state === 'Completed') return 'completed';
  if (state === 'ContainerCreating' || state === 'PodInitializing' || state === 'Waiting') return 'pending';
  return 'error';
}

export const containersView: ResourceView = {
  name: 'containers',
  aliases: [],
  namespaced: true,
  columns: COLUMNS,
  list(state, scope) {
    if (scope?.type !== 'pod') return [];
    const pod = getObject(state, 'Pod', scope.key);
    if (!pod) return [];
    const items: Item[] = [];
    const add = (list: Container[] | undefined, statuses: ContainerStatus[] | undefined, init: boolean) => {
      for (const container of list ?? []) {
        const status = statuses?.find((s) => s.name === container.name);
        const row: ContainerRow = { pod, container, status, init };
        items.push({ key: `${scope.key}/${container.name}`, obj: row, kind: 'Pod', objKey: scope.key });
      }
    };
    add(pod.spec.initContainers, pod.status?.initContainerStatuses, true);
    add(pod.spec.containers, pod.status?.containerStatuses, false);
    return items;
  },
  row: (item, now) => rowOf(item.obj as ContainerRow, now),
  health: (cells) => containerHealth(cells[3]?.text ?? '', cells[2]?.text ?? '', cells[4]?.text === 'true'),
  keys: CONTAINER_KEYS,
  defaultSort: { column: 'NAME', asc: true },
};
