// The status object the kubelet writes keeps the field order `{ ...old, phase, conditions }` and then the kubelet's
// assignments give (status-object.ts makes the common orders as literals): checked against that construction for
// old statuses of any field order, with and without an address, init containers or a deadline.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod, PodStatus } from '../../src/cluster/api/types.js';
import { type StatusParts, podStatus, withStatus } from '../../src/cluster/kubelet/status-object.js';

/** The construction status.ts used before the literals: the reference. */
function spread(old: PodStatus | undefined, p: StatusParts): PodStatus {
  const status: PodStatus & { hostIPs?: { ip: string }[] } = { ...(old ?? { phase: 'Pending' }), phase: p.phase, conditions: p.conditions };
  if (p.deadlineExceeded) {
    status.reason = 'DeadlineExceeded';
    status.message = 'Pod was active on the node longer than the specified deadline';
  }
  if (p.hostIP !== undefined) {
    status.hostIP = p.hostIP;
    status.hostIPs = p.hostIPs;
  }
  if (p.podIP !== undefined) {
    status.podIP = p.podIP;
    status.podIPs = p.podIPs;
  }
  status.startTime = p.startTime;
  if (p.initContainerStatuses) status.initContainerStatuses = p.initContainerStatuses;
  status.containerStatuses = p.containerStatuses;
  status.qosClass = p.qosClass;
  return status;
}

const FIELDS = ['phase', 'qosClass', 'conditions', 'hostIP', 'hostIPs', 'startTime', 'containerStatuses', 'podIP', 'podIPs',
  'initContainerStatuses', 'reason', 'message', 'nominatedNodeName'];

const value = (field: string, v: number): unknown => {
  if (field === 'phase') return ['Pending', 'Running', 'Succeeded'][v % 3];
  if (field.endsWith('IPs')) return [{ ip: `10.0.0.${v}` }];
  if (field === 'conditions' || field.endsWith('Statuses')) return v % 2 ? [] : [{ name: `c${v}` }];
  return `${field}-${v}`;
};

/** An old status: some of the fields, in some order, with some values (undefined ones too). */
const oldStatus = fc.oneof(
  // The orders the kubelet meets in practice: a prefix of its own layout, in order.
  fc.integer({ min: 1, max: 9 }).map((n) => FIELDS.slice(0, n)),
  fc.shuffledSubarray(FIELDS, { minLength: 1 }),
).chain((fields) => fc.tuple(fc.constant(fields), fc.array(fc.integer({ min: 0, max: 5 }), { minLength: fields.length, maxLength: fields.length })))
  .map(([fields, vs]) => Object.fromEntries(fields.map((f, i) => [f, vs[i] === 5 ? undefined : value(f, vs[i])])) as unknown as PodStatus);

const parts = fc.record({
  phase: fc.constantFrom('Pending', 'Running', 'Failed'),
  deadlineExceeded: fc.boolean(),
  hostIP: fc.option(fc.constantFrom('192.168.49.2', '192.168.49.3'), { nil: undefined }),
  podIP: fc.option(fc.constantFrom('10.244.1.2', '10.244.1.3'), { nil: undefined }),
  init: fc.boolean(),
}).map(({ phase, deadlineExceeded, hostIP, podIP, init }): StatusParts => ({
  phase: phase as StatusParts['phase'],
  conditions: [],
  deadlineExceeded,
  hostIP,
  hostIPs: hostIP ? [{ ip: hostIP }] : undefined,
  podIP,
  podIPs: podIP ? [{ ip: podIP }] : undefined,
  startTime: '2025-01-01T00:00:00Z',
  initContainerStatuses: init ? [] : undefined,
  containerStatuses: [],
  qosClass: 'BestEffort',
}));

const entries = (o: object) => Object.entries(o);

describe('podStatus', () => {
  it('has the fields, in the order and with the values, of the spread it replaces', () => {
    fc.assert(fc.property(fc.option(oldStatus, { nil: undefined }), parts, (old, p) => {
      expect(entries(podStatus(old, p))).toEqual(entries(spread(old, p)));
    }), { numRuns: 2000 });
  });

  it('is the old status itself when every part is the stored one', () => {
    const old = { phase: 'Running', qosClass: 'BestEffort', conditions: [], hostIP: 'h', hostIPs: [{ ip: 'h' }], startTime: 't',
      containerStatuses: [], podIP: 'p', podIPs: [{ ip: 'p' }] } as PodStatus & { hostIPs: { ip: string }[] };
    const same: StatusParts = { phase: 'Running', conditions: old.conditions!, deadlineExceeded: false, hostIP: 'h', hostIPs: old.hostIPs,
      podIP: 'p', podIPs: old.podIPs, startTime: 't', containerStatuses: old.containerStatuses!, qosClass: 'BestEffort' };
    expect(podStatus(old, same)).toBe(old);
    expect(podStatus(old, { ...same, phase: 'Failed' })).not.toBe(old);
  });
});

describe('withStatus', () => {
  it('replaces the status and keeps the Pod field order, whatever it is', () => {
    const status = { phase: 'Running' } as PodStatus;
    const usual = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: {}, status: { phase: 'Pending' } } as unknown as Pod;
    const odd = { kind: 'Pod', apiVersion: 'v1', spec: {}, metadata: { name: 'a' }, status: { phase: 'Pending' }, extra: 1 } as unknown as Pod;
    for (const pod of [usual, odd]) expect(entries(withStatus(pod, status))).toEqual(entries({ ...pod, status }));
  });
});
