// The notes' ReplicationController / ReplicaSet sessions (test/scripts/rs-*.ksim) played by the headless runner,
// checked command by command. Pod names in the scripts come from --seed 1.
import { describe, expect, it } from 'vitest';
import { play, table } from './script-transcript.js';

describe('rs-kubia-rc.ksim (notes 002: ReplicationController)', () => {
  const t = play('rs-kubia-rc.ksim');

  it('runs to the end', () => {
    expect(t.err.filter((l) => !l.startsWith('warning: --cascade=false'))).toEqual(['No resources found in default namespace.']);
    expect(t.exitCode).toBe(0);
  });

  it('kubectl create -f kubia-rc.yaml makes three running kubia pods', () => {
    expect(t.section('kubectl create -f ../../fixtures/kubia-rc.yaml')).toEqual(['replicationcontroller/kubia created']);
    const pods = table(t.section('kubectl get pods'));
    expect(pods.map((p) => p.NAME)).toEqual(['kubia-dq6q4', 'kubia-hwqxw', 'kubia-jt8v9']);
    expect(pods.every((p) => p.READY === '1/1' && p.STATUS === 'Running')).toBe(true);
  });

  it('kubectl delete pod kubia-dq6q4: a replacement is created at once', () => {
    expect(t.section('kubectl delete pod kubia-dq6q4')).toEqual(['pod "kubia-dq6q4" deleted']);
    const names = table(t.section('kubectl get pods', 1)).map((p) => p.NAME);
    expect(names).toHaveLength(3);
    expect(names).not.toContain('kubia-dq6q4');
    expect(names.filter((n) => /^kubia-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(n))).toHaveLength(3);
    expect(table(t.section('kubectl get rc'))[0]).toMatchObject({ NAME: 'kubia', DESIRED: '3', CURRENT: '3' });
  });

  it('kubectl describe rc kubia lists the SuccessfulCreate events of replication-controller', () => {
    const d = t.section('kubectl describe rc kubia');
    expect(d).toContain('Selector:     app=kubia');
    expect(d).toContain('Replicas:     3 current / 3 desired');
    const events = d.filter((l) => l.includes('SuccessfulCreate'));
    expect(events).toHaveLength(4);
    expect(events.every((l) => /^ {2}Normal {2}SuccessfulCreate {2}\S+ +replication-controller {2}Created pod: kubia-\w{5}$/.test(l))).toBe(true);
  });

  it('type=special changes nothing; app=foo --overwrite releases the pod and a new one replaces it', () => {
    expect(t.section('kubectl label pod kubia-hwqxw type=special')).toEqual(['pod/kubia-hwqxw labeled']);
    const labelled = table(t.section('kubectl get po --show-labels'));
    expect(labelled).toHaveLength(3);
    expect(labelled.find((p) => p.NAME === 'kubia-hwqxw')!.LABELS).toBe('app=kubia,type=special');
    const byApp = table(t.section('kubectl get po -L app'));
    expect(byApp).toHaveLength(4);
    expect(byApp.find((p) => p.NAME === 'kubia-hwqxw')!.APP).toBe('foo');
    expect(byApp.filter((p) => p.APP === 'kubia')).toHaveLength(3);
    const later = table(t.section('kubectl get po -L app', 1));
    expect(later.every((p) => p.STATUS === 'Running')).toBe(true);
  });

  it('kubectl scale rc kubia --replicas=10', () => {
    expect(t.section('kubectl scale rc kubia --replicas=10')).toEqual(['replicationcontroller/kubia scaled']);
    expect(table(t.section('kubectl get rc', 1))[0]).toMatchObject({ DESIRED: '10', CURRENT: '10', READY: '10' });
  });

  it('kubectl delete rc kubia --cascade=false leaves all the pods running', () => {
    expect(t.section('kubectl delete rc kubia --cascade=false')).toEqual(['replicationcontroller "kubia" deleted']);
    expect(t.section('kubectl get rc', 2)).toEqual([]);
    const pods = table(t.section('kubectl get pods', 2));
    expect(pods).toHaveLength(11); // ten of the RC and the released kubia-hwqxw
    expect(pods.every((p) => p.STATUS === 'Running')).toBe(true);
  });
});

describe('rs-kubia-replicaset.ksim (notes 002: ReplicaSet adopting the orphans)', () => {
  const t = play('rs-kubia-replicaset.ksim');

  it('the new ReplicaSet adopts the three orphaned pods and creates none', () => {
    expect(t.exitCode).toBe(0);
    const orphans = table(t.section('kubectl get pods')).map((p) => p.NAME);
    expect(orphans).toHaveLength(3);
    expect(table(t.section('kubectl get rs'))).toEqual([{ NAME: 'kubia', DESIRED: '3', CURRENT: '3', READY: '3', AGE: '0s' }]);
    expect(table(t.section('kubectl get pods', 1)).map((p) => p.NAME)).toEqual(orphans);
    const d = t.section('kubectl describe rs kubia');
    expect(d).toContain('Replicas:     3 current / 3 desired');
    expect(d).toContain('Events:            <none>');
  });

  it('kubectl delete rs kubia takes the adopted pods with it', () => {
    expect(t.section('kubectl delete rs kubia')).toEqual(['replicaset.apps "kubia" deleted']);
    expect(table(t.section('kubectl get pods', 2)).every((p) => p.STATUS === 'Terminating')).toBe(true);
  });
});

describe('rs-testapp-exp.ksim (notes 003: matchExpressions with pre-created pods)', () => {
  const t = play('rs-testapp-exp.ksim');

  it('pods labelled app=testapp-rs-exp do not match `app in (testapp-rs)`: the ReplicaSet makes four', () => {
    expect(t.exitCode).toBe(0);
    const pods = table(t.section('kubectl get pods --show-labels'));
    expect(pods).toHaveLength(6);
    expect(pods.filter((p) => p.NAME.startsWith('testapp-rs-exp-')).every((p) => p.LABELS === 'app=testapp-rs,env=op')).toBe(true);
    expect(table(t.section('kubectl get rs'))[0]).toMatchObject({ DESIRED: '4', CURRENT: '4' });
  });

  it('relabelled app=testapp-rs they are adopted and count toward replicas: 4; two of its own pods go', () => {
    expect(t.section('kubectl label pod testapp-pod1 testapp-pod2 app=testapp-rs --overwrite')).toEqual([
      'pod/testapp-pod1 labeled',
      'pod/testapp-pod2 labeled',
    ]);
    expect(table(t.section('kubectl get rs', 1))[0]).toMatchObject({ DESIRED: '4', CURRENT: '4' });
    const names = table(t.section('kubectl get pods')).map((p) => p.NAME);
    expect(names).toHaveLength(4);
    expect(names.slice(0, 2)).toEqual(['testapp-pod1', 'testapp-pod2']);
    expect(names.slice(2).every((n) => n.startsWith('testapp-rs-exp-'))).toBe(true);
    expect(table(t.section('kubectl get rs -o wide'))[0]).toMatchObject({ READY: '4', SELECTOR: 'app in (testapp-rs),env' });
  });
});

describe('rs-node-failure.ksim (notes 002: a node fails)', () => {
  const t = play('rs-node-failure.ksim');

  it('the RC replaces its evicted pod on another node; the bare pod is lost', () => {
    expect(t.exitCode).toBe(0);
    const before = table(t.section('kubectl get pods -o wide'));
    const onNode2 = before.filter((p) => p.NODE === 'node-2').map((p) => p.NAME);
    expect(onNode2).toContain('testapp-pod');
    expect(table(t.section('kubectl get rc'))[0]).toMatchObject({ CURRENT: '3', READY: '2' });
    const after = table(t.section('kubectl get pods -o wide', 1));
    for (const name of onNode2) expect(after.find((p) => p.NAME === name)!.STATUS).toBe('Terminating');
    const running = after.filter((p) => p.STATUS === 'Running');
    expect(running).toHaveLength(3);
    expect(running.every((p) => p.NAME.startsWith('kubia-') && p.NODE !== 'node-2')).toBe(true);
    expect(table(t.section('kubectl get rc', 1))[0]).toMatchObject({ DESIRED: '3', CURRENT: '3', READY: '3' });
  });
});
