// The `Events:` table at the end of every describe (DescribeEvents in kubectl/pkg/describe/describe.go), and how
// the describer finds them: events whose involvedObject is the object (searchEvents' field selector on name,
// namespace, kind and uid). Node events are also looked up by uid = node name, which the kubelet uses.

import type { Event, KubeObject } from '../../api/types.js';
import type { State } from '../../state.js';
import { listObjects } from '../../store.js';
import { since } from '../duration.js';
import type { PrefixWriter } from './writer.js';

export function eventsFor(state: State, obj: KubeObject): Event[] {
  const uids = new Set([obj.metadata.uid]);
  if (obj.kind === 'Node') uids.add(obj.metadata.name);
  const ns = obj.kind === 'Node' ? undefined : (obj.metadata.namespace ?? 'default');
  return listObjects(state, 'Event', ns).filter((e) => {
    const io = e.involvedObject;
    if (io.name !== obj.metadata.name) return false;
    if (io.kind && io.kind !== obj.kind) return false;
    return io.uid === undefined || uids.has(io.uid);
  });
}

/** event.SortableEvents: by lastTimestamp (stable here, so equal times keep first-seen order). */
function sortEvents(events: Event[]): Event[] {
  const t = (e: Event) => Date.parse(e.lastTimestamp || e.firstTimestamp) || 0;
  const f = (e: Event) => Date.parse(e.firstTimestamp) || 0;
  return [...events].sort((a, b) => t(a) - t(b) || f(a) - f(b));
}

/** `Events:  <none>`, or the Type/Reason/Age/From/Message table with `45s (x3 over 2m)` for repeated events. */
export function describeEvents(w: PrefixWriter, events: Event[], now: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sortEvents(events)) {
    const first = since(e.firstTimestamp, now);
    const interval = e.count > 1 ? `${since(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
