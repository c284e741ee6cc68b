// The kubelet's per-sync shortcuts give what the straightforward code gave: statusChanged is `!sameJSON` (the
// status write decision), drawProbeDelays draws in the same order and keeps the same fields, and storedState
// shares workers' memories equal to the state's, whichever way it finds them.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Container, PodStatus } from '../../src/cluster/api/types.js';
import { cloneState, storedState } from '../../src/cluster/kubelet/probe-state.js';
import { drawProbeDelays, probeSpecs } from '../../src/cluster/kubelet/probes.js';
import type { ProbeState, WorkerState } from '../../src/cluster/kubelet/runtime.js';
import { sameJSON, statusChanged } from '../../src/cluster/kubelet/status.js';

// Values of every kind a status field can hold, few enough that equal ones come up often.
const leaf = fc.constantFrom<unknown>(undefined, null, 'Pending', 'Running', '10.244.0.2', '10.244.0.3', 0, 1, true, false);
const json: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('ip', 'type', 'status', 'ready', 'phase'), tie('v'), { maxKeys: 3 }),
  ),
})).v;
const status = fc.record(
  { phase: json, hostIP: json, podIP: json, startTime: json, qosClass: json, conditions: json, containerStatuses: json },
  { requiredKeys: [] },
) as fc.Arbitrary<PodStatus>;

describe('statusChanged', () => {
  it('is !sameJSON for any two statuses', () => {
    fc.assert(
      fc.property(fc.option(status, { nil: undefined }), status, (a, b) => {
        expect(statusChanged(a, b)).toBe(!sameJSON(a, b));
      }),
      { numRuns: 3000 },
    );
  });

  it('is !sameJSON for a status and an edited copy of it (mostly equal ones)', () => {
    fc.assert(
      fc.property(status, fc.constantFrom('phase', 'hostIP', 'podIP', 'startTime', 'qosClass', 'conditions', 'containerStatuses'), fc.nat(3), fc.constantFrom('status', 'ready', 'type'), json, fc.nat(2), (a, field, i, inner, v, edit) => {
        const b = structuredClone(a) as unknown as Record<string, unknown>;
        // A field replaced, or a field of one element of a list of the status (a condition, a container status).
        if (edit === 1) b[field] = v;
        const list = b[field];
        if (edit === 2 && Array.isArray(list) && list[i] !== null && typeof list[i] === 'object') (list[i] as Record<string, unknown>)[inner] = v;
        expect(statusChanged(a, b as unknown as PodStatus)).toBe(!sameJSON(a, b));
        expect(statusChanged(a, a)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

/** drawProbeDelays as it was written before (the reference): a keyed store per spec, then the same literals. */
function drawReference(c: Container, random: () => number): Record<string, number> | undefined {
  const specs = probeSpecs(c);
  if (specs.length === 0) return undefined;
  const out: Record<string, number> = {};
  for (const s of specs) out[s.type] = Math.floor(random() * s.periodMs);
  const { liveness, readiness } = out;
  if (specs.length === 2 && liveness !== undefined && readiness !== undefined) return { liveness, readiness };
  if (specs.length === 1 && liveness !== undefined) return { liveness };
  if (specs.length === 1 && readiness !== undefined) return { readiness };
  return out;
}

describe('drawProbeDelays', () => {
  const probe = fc.option(fc.record({ httpGet: fc.constant({ path: '/', port: 80 }), periodSeconds: fc.integer({ min: 1, max: 30 }) }), { nil: undefined });
  it('draws as many numbers, in the same order, into the same fields in the same order', () => {
    fc.assert(
      fc.property(probe, probe, probe, fc.array(fc.double({ min: 0, max: 0.999999, noNaN: true }), { minLength: 3, maxLength: 3 }), (l, r, s, draws) => {
        const c = { name: 'c', image: 'nginx', livenessProbe: l, readinessProbe: r, startupProbe: s } as Container;
        const seq = () => {
          let i = 0;
          return { next: () => draws[i++], used: () => i };
        };
        const a = seq();
        const b = seq();
        const got = drawProbeDelays(c, a.next);
        const want = drawReference(c, b.next);
        expect(a.used()).toBe(b.used());
        expect(got === undefined ? undefined : Object.entries(got)).toEqual(want === undefined ? undefined : Object.entries(want));
      }),
    );
  });
});

describe('storedState', () => {
  const worker = fc.option(
    fc.record({ last: fc.constantFrom<WorkerState['last']>('Success', 'Failure', undefined), run: fc.oneof(fc.integer({ min: 0, max: 17 }), fc.constant(1_000_000)) }),
    { nil: undefined },
  );
  it('keeps the state and workers equal to the given ones, one shared object per distinct usual workers', () => {
    const seen = new Map<string, ProbeState['workers']>();
    fc.assert(
      fc.property(worker, worker, worker, (liveness, readiness, startup) => {
        const st: ProbeState = { through: 5, slot: 1, requests: 2, started: true, ready: false, workers: { liveness, readiness, startup }, startedAt: 3 };
        const kept = storedState(cloneState(st));
        expect(kept).toEqual(st);
        expect(Object.isFrozen(kept.workers)).toBe(true);
        // Usual memories (each none, or a result repeated at most 15 times) are kept for good: always the same
        // object. Others are remembered for a while (a bounded cache), so only their content is checked.
        const usual = [liveness, readiness, startup].every((w) => !w || w.run <= 15);
        const key = JSON.stringify([liveness, readiness, startup]);
        const before = seen.get(key);
        if (before && usual) expect(kept.workers).toBe(before);
        seen.set(key, kept.workers);
      }),
      { numRuns: 2000 },
    );
  });
});
