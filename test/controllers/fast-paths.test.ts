// The controllers' fast paths against the straightforward code they replace (each was measured to pay; see the
// comments at each function): the same answers on random inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OwnerReference, Pod, PodCondition, PodTemplateSpec, ReplicaSet, StatefulSet } from '../../src/cluster/api/types.js';
import { createNewObject, createObject } from '../../src/cluster/apiserver.js';
import {
  controlledByOtherKind,
  enqueueControllerOf,
  enqueueMatchingControllers,
  readinessKey,
  resyncControllerOfNextSecond,
  sameReadiness,
} from '../../src/cluster/controllers/shared/pods.js';
import { templateHash } from '../../src/cluster/controllers/shared/revision.js';
import { ordinalOf } from '../../src/cluster/controllers/statefulset-pods.js';
import { createCluster, transact } from '../../src/cluster/engine.js';
import { listObjects } from '../../src/cluster/store.js';

function named(name: string): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, uid: '', creationTimestamp: '' }, spec: { containers: [] }, status: { phase: 'Pending' } };
}

describe('ordinalOf', () => {
  const set = (name: string) => ({ metadata: { name } }) as StatefulSet;
  /** The regexp version it replaces. */
  const byRegexp = (setName: string, podName: string) => {
    const prefix = `${setName}-`;
    const rest = podName.startsWith(prefix) ? podName.slice(prefix.length) : '';
    return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : -1;
  };
  const part = fc.stringMatching(/^[a-z0-9-]{0,6}$/);

  it('agrees with the regexp on random names', () => {
    fc.assert(
      fc.property(part, part, (s, rest) => {
        for (const podName of [`${s}-${rest}`, rest, `${s}${rest}`, `${s}-0${rest}`]) expect(ordinalOf(set(s), named(podName))).toBe(byRegexp(s, podName));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads ordinals and rejects other shapes', () => {
    expect(ordinalOf(set('web'), named('web-0'))).toBe(0);
    expect(ordinalOf(set('web'), named('web-12'))).toBe(12);
    for (const n of ['web-', 'web-01', 'web-1a', 'web1', 'webx-1', 'we-1', 'web--1', 'web-1-2']) expect(ordinalOf(set('web'), named(n))).toBe(-1);
  });
});

describe('sameReadiness', () => {
  const cond = fc.option(
    fc.record({
      type: fc.constant('Ready'),
      status: fc.constantFrom('True', 'False', 'Unknown'),
      lastTransitionTime: fc.option(fc.constantFrom('2025-01-01T00:00:00Z', '2025-01-01T00:00:01Z', ''), { nil: undefined }),
    }),
    { nil: undefined },
  );
  const withReady = (c: PodCondition | undefined): Pod => ({
    ...named('p'),
    status: { phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }, ...(c ? [c] : [])] },
  });

  it('is readinessKey(a) === readinessKey(b)', () => {
    fc.assert(
      fc.property(cond, cond, (a, b) => {
        const pa = withReady(a as PodCondition | undefined);
        const pb = withReady(b as PodCondition | undefined);
        expect(sameReadiness(pa, pb)).toBe(readinessKey(pa) === readinessKey(pb));
        expect(sameReadiness(pa, pa)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('templateHash', () => {
  it('gives a frozen template the hash of an equal unfrozen one, and follows a changed template', () => {
    const t = (image: string): PodTemplateSpec => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'main', image }] } });
    const frozen = Object.freeze(t('nginx:1'));
    const first = templateHash(frozen);
    expect(templateHash(frozen)).toBe(first);
    expect(templateHash(t('nginx:1'))).toBe(first);
    expect(templateHash(frozen, 1)).toBe(templateHash(t('nginx:1'), 1));
    expect(templateHash(t('nginx:2'))).not.toBe(first);
  });
});

describe('createNewObject', () => {
  it('stores what createObject stores (same keys in the same order, same uid, name and resourceVersion)', () => {
    const pod = (): Pod => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: '', generateName: 'web-', namespace: 'default', uid: '', creationTimestamp: '', labels: { app: 'web' } },
      spec: { containers: [{ name: 'main', image: 'nginx' }] },
      status: { phase: 'Pending' },
    });
    const start = createCluster({ nodes: 1 });
    const byCopy = transact(start, (tx) => void createObject(tx, pod()));
    const inPlace = transact(start, (tx) => void createNewObject(tx, pod()));
    expect(JSON.stringify(listObjects(inPlace, 'Pod'))).toBe(JSON.stringify(listObjects(byCopy, 'Pod')));
    expect(inPlace.seq).toEqual(byCopy.seq);
    expect(inPlace.rng).toBe(byCopy.rng);
  });
});

describe('controlledByOtherKind', () => {
  const KINDS = ['ReplicaSet', 'ReplicationController', 'DaemonSet', 'StatefulSet', 'Job'];
  const refArb = fc.record({
    apiVersion: fc.constant('apps/v1'),
    kind: fc.constantFrom(...KINDS),
    name: fc.constantFrom('a', 'b'),
    uid: fc.constantFrom('u1', 'u2'),
    controller: fc.boolean(),
  });
  const withRefs = (refs: OwnerReference[] | undefined): Pod => ({ ...named('p'), metadata: { ...named('p').metadata, namespace: 'default', ...(refs ? { ownerReferences: refs } : {}) } });

  // What the Pod watchers do with a pod of a `kind` controller: if the helper says "another kind's pod", none of
  // them has anything to enqueue, no timer to set, and no orphan to offer for adoption.
  it('is true only when the watchers’ enqueueing would do nothing', () => {
    fc.assert(
      fc.property(fc.option(fc.array(refArb, { maxLength: 3 }), { nil: undefined }), fc.boolean(), fc.constantFrom(...KINDS), (refs, sameArray, kind) => {
        const old = withRefs(refs);
        const cur = withRefs(sameArray || !refs ? refs : [...refs]);
        if (!controlledByOtherKind(old, cur, kind)) return;
        expect(cur.metadata.ownerReferences).toBe(old.metadata.ownerReferences);
        transact(createCluster({ nodes: 1 }), (tx) => {
          const timers = tx.nextTimerDue(tx.now + 60_000);
          enqueueControllerOf(tx, 'q', kind, old, cur);
          resyncControllerOfNextSecond(tx, 'q', kind, cur);
          const anyOwner = { metadata: { name: 'a', namespace: 'default', uid: 'u1' } } as ReplicaSet;
          enqueueMatchingControllers(tx, 'q', [anyOwner], cur, () => true);
          expect(tx.queues.get('q')?.size ?? 0).toBe(0);
          expect(tx.nextTimerDue(tx.now + 60_000)).toBe(timers);
        });
      }),
      { numRuns: 1000 },
    );
  });
});
