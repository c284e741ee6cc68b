import { describe, expect, it } from 'vitest';
import { createCluster, dispatch } from '../../src/cluster/engine.js';
import { listObjects, getObject } from '../../src/cluster/store.js';
import { Tx } from '../../src/cluster/tx.js';
import { produce } from 'immer';
import { emptyState } from '../../src/cluster/state.js';

describe('engine core', () => {
  it('creates the default cluster: three Ready nodes with podCIDRs, at 2025-01-01T00:00:00Z', () => {
    const s = createCluster();
    const nodes = listObjects(s, 'Node').map((n) => n.metadata.name).sort();
    expect(nodes).toEqual(['node-1', 'node-2', 'node-3']);
    const n1 = getObject(s, 'Node', 'node-1')!;
    expect(n1.spec.podCIDR).toBe('10.244.1.0/24');
    expect(n1.status.capacity).toMatchObject({ cpu: '4', memory: '8Gi', pods: '110' });
    expect(n1.metadata.labels).toMatchObject({ 'kubernetes.io/hostname': 'node-1', 'kubernetes.io/os': 'linux' });
    expect(n1.metadata.creationTimestamp).toBe('2025-01-01T00:00:00Z');
    expect(n1.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('is deterministic: same seed, same state; another seed, other uids', () => {
    expect(JSON.stringify(createCluster({ seed: 7 }))).toBe(JSON.stringify(createCluster({ seed: 7 })));
    expect(getObject(createCluster({ seed: 7 }), 'Node', 'node-1')!.metadata.uid).not.toBe(
      getObject(createCluster({ seed: 8 }), 'Node', 'node-1')!.metadata.uid,
    );
  });

  it('advance moves the clock exactly', () => {
    const s = dispatch(createCluster(), { type: 'advance', ms: 90_000 }).state;
    expect(s.now).toBe(Date.UTC(2025, 0, 1, 0, 1, 30));
  });

  it('timers fire in due order and are removed once taken', () => {
    const s0 = emptyState();
    const fired: string[] = [];
    produce(s0, (d) => {
      const tx = new Tx(d, s0, {});
      tx.after(2500, 'q', 'b');
      tx.after(1000, 'q', 'a');
      tx.after(1000, 'q', 'a'); // deduplicated
      tx.after(4_000_000, 'q', 'far');
      let due: number | undefined;
      while ((due = tx.nextTimerDue(s0.now + 5_000_000)) !== undefined) {
        d.now = due;
        for (const t of tx.takeTimers(due)) fired.push(`${t.key}@${t.due - s0.now}`);
      }
      tx.commit();
      expect(Object.keys(d.timers)).toEqual([]);
      expect(Object.keys(d.timerEpochs)).toEqual([]);
    });
    expect(fired).toEqual(['a@1000', 'b@2500', 'far@4000000']);
  });
});
