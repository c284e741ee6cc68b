// The DaemonSet sync beyond one pod per node: rolling updates (maxUnavailable, maxSurge), failed and duplicate
// pods, taints, and the status it counts node by node (checked against a count from scratch at every step).
import { describe, expect, it } from 'vitest';
import type { DaemonSet, Node, Pod } from '../../src/cluster/api/types.js';
import { daemonPodTargetNode, nodeShouldRunDaemonPod } from '../../src/cluster/controllers/daemonset-nodes.js';
import { DaemonSetCounts, isLiveDaemonPod } from '../../src/cluster/controllers/daemonset-status.js';
import { isPodAvailable } from '../../src/cluster/controllers/shared/pods.js';
import { REVISION_LABEL, templateHash } from '../../src/cluster/controllers/shared/revision.js';
import { createCluster, dispatch, transact } from '../../src/cluster/engine.js';
import type { State } from '../../src/cluster/state.js';
import { getObject, listObjects } from '../../src/cluster/store.js';
import { pod } from '../scheduler/fixtures.js';
import { advance, create, daemonSet } from './helpers.js';

/** The status from scratch, over every node and claimed pod (what the sync's running counts must equal). */
function daemonSetStatus(ds: DaemonSet, nodes: readonly Node[], pods: readonly Pod[], hash: string, now: number): DaemonSet['status'] {
  const counts = new DaemonSetCounts(hash, ds.spec.minReadySeconds ?? 0, now);
  const byNode = new Map<string, Pod[]>();
  for (const p of pods) {
    if (!isLiveDaemonPod(p)) continue;
    const n = daemonPodTargetNode(p);
    if (n) (byNode.get(n) ?? byNode.set(n, []).get(n)!).push(p);
  }
  for (const node of nodes) {
    const { shouldRun } = nodeShouldRunDaemonPod(ds, node);
    if (shouldRun) counts.desired++;
    counts.addNode(shouldRun, byNode.get(node.metadata.name), 1);
  }
  return counts.status(ds);
}

const NAME = 'agent';
const LABELS = { app: 'agent' };

function ds(s: State): DaemonSet {
  return getObject(s, 'DaemonSet', `default/${NAME}`)!;
}

/** The DaemonSet's pods that are neither terminating nor finished. */
function livePods(s: State): Pod[] {
  const uid = ds(s).metadata.uid;
  return listObjects(s, 'Pod').filter(
    (p) =>
      p.metadata.ownerReferences?.some((r) => r.uid === uid && r.controller) &&
      !p.metadata.deletionTimestamp &&
      p.status.phase !== 'Failed' &&
      p.status.phase !== 'Succeeded',
  );
}

/** Nodes without an available daemon pod. */
function nodesUnavailable(s: State): number {
  const available = new Set(livePods(s).filter((p) => isPodAvailable(p, 0, s.now)).map((p) => daemonPodTargetNode(p)));
  return listObjects(s, 'Node').filter((n) => !available.has(n.metadata.name)).length;
}

/** updateDaemonSetStatus from scratch over every node and owned pod. */
function statusFromScratch(s: State): DaemonSet['status'] {
  const d = ds(s);
  const owned = listObjects(s, 'Pod').filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid && r.controller));
  const nodes = listObjects(s, 'Node').sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  return daemonSetStatus(d, nodes, owned, templateHash(d.spec.template), s.now);
}

function setImage(s: State, image: string): State {
  return dispatch(s, { type: 'setImage', kind: 'DaemonSet', namespace: 'default', name: NAME, images: { main: image } }).state;
}

function started(nodes: number, strategy: DaemonSet['spec']['updateStrategy']): State {
  const s = create(createCluster({ nodes }), daemonSet(NAME, LABELS, {}, strategy));
  return advance(s, 30_000);
}

describe('DaemonSet rolling update', () => {
  it('replaces at most maxUnavailable pods at a time, and its status always equals a count from scratch', () => {
    let s = started(6, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2, maxSurge: 0 } });
    expect(nodesUnavailable(s)).toBe(0);
    const before = ds(s).status.updatedNumberScheduled;
    expect(before).toBe(6);
    s = setImage(s, 'nginx:1.17');
    const hash = templateHash(ds(s).spec.template);
    let worst = 0;
    for (let t = 0; t < 120; t++) {
      s = advance(s, 1_000);
      worst = Math.max(worst, nodesUnavailable(s));
      expect(ds(s).status).toEqual(statusFromScratch(s));
      // Never two live pods on a node without surge.
      const targets = livePods(s).map((p) => daemonPodTargetNode(p));
      expect(new Set(targets).size).toBe(targets.length);
    }
    expect(worst).toBe(2);
    expect(livePods(s).map((p) => p.metadata.labels?.[REVISION_LABEL])).toEqual(Array(6).fill(hash));
    expect(ds(s).status).toMatchObject({ desiredNumberScheduled: 6, updatedNumberScheduled: 6, numberAvailable: 6, numberReady: 6 });
  });

  // The surge budget limits the creations of one sync (nodes already running two pods are not counted against
  // it as update.go counts them), so every node may surge at once: what holds is that none is ever unavailable.
  it('with maxSurge starts the new pod beside the old one and deletes the old one once the new one is available', () => {
    let s = started(4, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } });
    s = setImage(s, 'nginx:1.17');
    const hash = templateHash(ds(s).spec.template);
    let doubled = 0;
    for (let t = 0; t < 120; t++) {
      s = advance(s, 1_000);
      expect(nodesUnavailable(s)).toBe(0);
      expect(ds(s).status).toEqual(statusFromScratch(s));
      const targets = livePods(s).map((p) => daemonPodTargetNode(p));
      const extra = targets.length - new Set(targets).size;
      expect(extra).toBeLessThanOrEqual(4);
      doubled += extra;
    }
    expect(doubled).toBeGreaterThan(0);
    expect(livePods(s).map((p) => p.metadata.labels?.[REVISION_LABEL])).toEqual(Array(4).fill(hash));
  });

  it('OnDelete leaves old pods alone until they are deleted', () => {
    let s = started(3, { type: 'OnDelete' });
    const oldHash = livePods(s)[0].metadata.labels?.[REVISION_LABEL];
    s = advance(setImage(s, 'nginx:1.17'), 60_000);
    expect(livePods(s).map((p) => p.metadata.labels?.[REVISION_LABEL])).toEqual([oldHash, oldHash, oldHash]);
    expect(ds(s).status.updatedNumberScheduled).toBe(0);
    const victim = livePods(s)[0];
    s = dispatch(s, { type: 'delete', kind: 'Pod', namespace: 'default', names: [victim.metadata.name], force: true, gracePeriodSeconds: 0 }).state;
    const replacement = livePods(s).find((p) => daemonPodTargetNode(p) === daemonPodTargetNode(victim))!;
    expect(replacement.metadata.labels?.[REVISION_LABEL]).toBe(templateHash(ds(s).spec.template));
    expect(ds(s).status.updatedNumberScheduled).toBe(1);
  });

  it('pods of one revision share one labels object', () => {
    const s = started(3, undefined);
    const [a, b, c] = livePods(s);
    expect(a.metadata.labels).toBe(b.metadata.labels);
    expect(b.metadata.labels).toBe(c.metadata.labels);
    expect(a.metadata.labels).toEqual({ ...LABELS, [REVISION_LABEL]: templateHash(ds(s).spec.template), 'pod-template-generation': '1' });
  });
});

describe('DaemonSet syncNodes', () => {
  it('deletes a failed daemon pod with a FailedDaemonPod warning and creates a new one on its node', () => {
    let s = started(3, undefined);
    const failed = livePods(s).find((p) => daemonPodTargetNode(p) === 'node-2')!;
    s = transact(s, (tx) => {
      tx.update('Pod', `default/${failed.metadata.name}`, (p) => {
        p.status.phase = 'Failed';
      });
    });
    const events = listObjects(s, 'Event').filter((e) => e.involvedObject.name === NAME);
    expect(events.map((e) => e.reason)).toContain('FailedDaemonPod');
    expect(events.find((e) => e.reason === 'FailedDaemonPod')!.message).toBe(
      `Found failed daemon pod default/${failed.metadata.name} on node node-2, will try to kill it`,
    );
    const onNode2 = livePods(s).filter((p) => daemonPodTargetNode(p) === 'node-2');
    expect(onNode2).toHaveLength(1);
    expect(onNode2[0].metadata.name).not.toBe(failed.metadata.name);
    expect(ds(s).status).toEqual(statusFromScratch(s));
  });

  it('adopts a matching pod on a node that already has one, and keeps only the older', () => {
    let s = started(3, undefined);
    const original = livePods(s).find((p) => daemonPodTargetNode(p) === 'node-1')!;
    const stray = pod('stray', { nodeName: 'node-1' });
    s = create(s, { ...stray, metadata: { ...stray.metadata, labels: { ...LABELS } } });
    const onNode1 = livePods(s).filter((p) => daemonPodTargetNode(p) === 'node-1');
    expect(onNode1.map((p) => p.metadata.name)).toEqual([original.metadata.name]);
    // Adopted, then deleted as the newer of the two (the kubelet removes it at once: it never started).
    const strayLeft = getObject(s, 'Pod', 'default/stray');
    expect(strayLeft === undefined || strayLeft.metadata.deletionTimestamp !== undefined).toBe(true);
    const messages = listObjects(s, 'Event').filter((e) => e.involvedObject.name === NAME).map((e) => e.message);
    expect(messages).toContain('Deleted pod: stray');
    expect(ds(s).status).toMatchObject({ currentNumberScheduled: 3, numberMisscheduled: 0 });
  });

  it('an untolerated NoSchedule taint keeps the pod (misscheduled); NoExecute deletes it', () => {
    let s = started(3, undefined);
    const taint = (effect: 'NoSchedule' | 'NoExecute') =>
      transact(s, (tx) => {
        tx.update('Node', 'node-3', (n) => {
          n.spec.taints = [{ key: 'dedicated', value: 'db', effect }];
        });
      });
    s = taint('NoSchedule');
    expect(livePods(s).filter((p) => daemonPodTargetNode(p) === 'node-3')).toHaveLength(1);
    expect(ds(s).status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberMisscheduled: 1 });
    s = taint('NoExecute');
    expect(livePods(s).filter((p) => daemonPodTargetNode(p) === 'node-3')).toHaveLength(0);
    expect(ds(s).status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberMisscheduled: 0 });
    expect(ds(s).status).toEqual(statusFromScratch(s));
  });

  it('with minReadySeconds counts a ready pod as available only once it has been ready that long', () => {
    let s = create(createCluster({ nodes: 2 }), { ...daemonSet(NAME, LABELS), spec: { ...daemonSet(NAME, LABELS).spec, minReadySeconds: 20 } });
    let sawReadyNotAvailable = false;
    for (let t = 0; t < 60; t++) {
      s = advance(s, 1_000);
      const st = ds(s).status;
      if (st.numberReady > (st.numberAvailable ?? 0)) sawReadyNotAvailable = true;
    }
    expect(sawReadyNotAvailable).toBe(true);
    expect(ds(s).status).toMatchObject({ numberReady: 2, numberAvailable: 2 });
    expect(ds(s).status.numberUnavailable).toBeUndefined();
  });
});
