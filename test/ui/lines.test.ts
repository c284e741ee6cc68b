// Every cluster change from the dashboard is a script line; `e` turns an edit into a merge patch.
import { describe, expect, it } from 'vitest';
import { createCluster, dispatch } from '../../src/cluster/engine.js';
import { parseScriptLine } from '../../src/cli/script/parse.js';
import { mergePatchDiff } from '../../src/ui/actions/edit.js';
import { cordonLine, deleteLine, drainLine, killLine, manualJobName, nextNodeName, nodeLine, patchLine, scaleLine, suspendLine, triggerLine } from '../../src/ui/actions/lines.js';
import { candidates, suggestion } from '../../src/ui/state/prompt.js';
import { changesCluster } from '../../src/ui/actions/context.js';

describe('script lines for keys', () => {
  it('are what a learner would type, and parse', () => {
    const lines = [
      scaleLine('ReplicaSet', 'kubia', 5),
      scaleLine('ReplicationController', 'kubia', 0),
      scaleLine('StatefulSet', 'sample-ss', 2),
      scaleLine('Job', 'pi', 4),
      deleteLine('ReplicaSet', 'kubia'),
      deleteLine('ReplicaSet', 'kubia', 'orphan'),
      killLine('kubia-x2f9k'),
      triggerLine('sample-cronjob', 'sample-cronjob-manual-1'),
      suspendLine('sample-cronjob', true),
      cordonLine('node-1', true),
      cordonLine('node-1', false),
      drainLine('node-1', { ignoreDaemonSets: true, deleteEmptyDirData: true, force: false }),
      nodeLine('kill', 'node-2'),
      nodeLine('restore', 'node-2'),
      nodeLine('add', 'node-4'),
      patchLine('ReplicaSet', 'kubia', { spec: { replicas: 4 } }),
    ];
    expect(lines).toEqual([
      'kubectl scale rs kubia --replicas=5',
      'kubectl scale rc kubia --replicas=0',
      'kubectl scale sts sample-ss --replicas=2',
      'kubectl scale job pi --replicas=4',
      'kubectl delete rs kubia --wait=false',
      'kubectl delete rs kubia --cascade=orphan --wait=false',
      'kubectl delete pod kubia-x2f9k --wait=false',
      'kubectl create job sample-cronjob-manual-1 --from=cronjob/sample-cronjob',
      `kubectl patch cronjob sample-cronjob -p '{"spec":{"suspend":true}}'`,
      'kubectl cordon node-1',
      'kubectl uncordon node-1',
      'kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data',
      'node kill node-2',
      'node restore node-2',
      'node add node-4',
      `kubectl patch rs kubia --type=merge -p '{"spec":{"replicas":4}}'`,
    ]);
    for (const l of lines) expect(parseScriptLine(l), l).not.toHaveProperty('error');
  });

  it('names a new node and a triggered job deterministically', () => {
    let state = createCluster({ nodes: 3 });
    expect(nextNodeName(state)).toBe('node-4');
    state = dispatch(state, { type: 'nodeAdd', node: 'node-4' }).state;
    expect(nextNodeName(state)).toBe('node-5');
    expect(manualJobName(state, 'sample-cronjob')).toBe('sample-cronjob-manual-1');
  });

  it('knows which lines change the cluster (those take over a playing script)', () => {
    expect(changesCluster('kubectl get pods')).toBe(false);
    expect(changesCluster('kubectl describe rs kubia')).toBe(false);
    expect(changesCluster('say "hello"')).toBe(false);
    expect(changesCluster('kubectl scale rs kubia --replicas=2')).toBe(true);
    expect(changesCluster('node kill node-1')).toBe(true);
    expect(changesCluster('wait 10s')).toBe(true);
  });
});

describe('mergePatchDiff (RFC 7386)', () => {
  it('is the smallest patch from before to after', () => {
    const before = { spec: { replicas: 3, template: { metadata: { labels: { app: 'a' } } } }, metadata: { name: 'x', labels: { a: '1', b: '2' } } };
    const after = { spec: { replicas: 5, template: { metadata: { labels: { app: 'a' } } } }, metadata: { name: 'x', labels: { a: '1', c: '3' } } };
    expect(mergePatchDiff(before, after)).toEqual({ spec: { replicas: 5 }, metadata: { labels: { b: null, c: '3' } } });
    expect(mergePatchDiff(before, before)).toBeUndefined();
  });

  it('replaces lists whole', () => {
    expect(mergePatchDiff({ a: [1, 2] }, { a: [1, 3] })).toEqual({ a: [1, 3] });
  });
});

describe('command completion', () => {
  const state = createCluster({ nodes: 3 });
  it('completes views, script verbs, kubectl verbs, resources and live names', () => {
    expect(suggestion('r', state)).toBe('c');
    expect(suggestion('kub', state)).toBe('ectl');
    expect(suggestion('kubectl sc', state)).toBe('ale');
    expect(candidates('kubectl scale ', state)).toContain('replicasets');
    expect(suggestion('kubectl cordon node-', state)).toBe('1');
    expect(suggestion('node kill node-3', state)).toBe('');
    expect(candidates('node ', state)).toEqual(['kill', 'restore', 'delete', 'add']);
    expect(suggestion('', state)).toBe('');
  });
});
