// `kubectl get events`: printEvent (pkg/printers/internalversion/printers.go). OBJECT is `<lower-case kind>/<name>`
// without the API group; wide adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME around MESSAGE.

import type { Event } from '../api/types.js';
import { ageMs, since } from './duration.js';
import type { Cell, Printer } from './types.js';
import { text } from './types.js';

/** formatEventSource: `component, host`, falling back to reportingController/Instance. */
export function eventSource(e: Event): string {
  const component = e.source?.component || e.reportingComponent || '';
  const host = e.source?.host || e.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

export function eventObject(e: Event): string {
  const kind = (e.involvedObject.kind ?? '').toLowerCase();
  return e.involvedObject.name ? `${kind}/${e.involvedObject.name}` : kind;
}

export const eventPrinter: Printer<'Event'> = {
  kind: 'Event',
  // NAME is the event's own name, shown only wide; `-o name` still uses it.
  columns: [
    { name: 'LAST SEEN', time: true },
    { name: 'TYPE' },
    { name: 'REASON' },
    { name: 'OBJECT' },
    { name: 'SUBOBJECT', wide: true },
    { name: 'SOURCE', wide: true },
    { name: 'MESSAGE' },
    { name: 'FIRST SEEN', wide: true, time: true },
    { name: 'COUNT', wide: true, numeric: true },
    { name: 'NAME', wide: true },
  ],
  row(e, ctx): Cell[] {
    const first: Cell = { text: since(e.firstTimestamp, ctx.now), sort: ageMs(e.firstTimestamp, ctx.now) };
    const last: Cell = e.lastTimestamp ? { text: since(e.lastTimestamp, ctx.now), sort: ageMs(e.lastTimestamp, ctx.now) } : first;
    const count = e.count || 1;
    return [
      last,
      text(e.type),
      text(e.reason),
      text(eventObject(e)),
      text(e.involvedObject.fieldPath ?? ''),
      text(eventSource(e)),
      text((e.message ?? '').trim()),
      first,
      { text: String(count), sort: count },
      text(e.metadata.name),
    ];
  },
};
