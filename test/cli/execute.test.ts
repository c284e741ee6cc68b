import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/cluster/engine.js';
import { getObject, listObjects } from '../../src/cluster/store.js';
import { executeCommand, type Output, type Session } from '../../src/cli/execute.js';
import { parseScriptLine } from '../../src/cli/script/parse.js';

const SCRIPTS = resolve(__dirname, 'scripts');

function newSession(): Session {
  return { state: createCluster({ seed: 1 }), baseDir: SCRIPTS, namespace: 'default' };
}

/** Parses and runs one line, keeping the new state in the session. */
function run(s: Session, line: string): Output {
  const cmd = parseScriptLine(line);
  if ('error' in cmd) throw new Error(`${line}: ${cmd.error}`);
  const out = executeCommand(s, cmd);
  s.state = out.state;
  return out;
}

/** A session with the kubia ReplicaSet's three pods Running and Ready. */
function withReplicaSet(): Session {
  const s = newSession();
  run(s, 'kubectl apply -f kubia-rs.yaml');
  const ok = run(s, 'kubectl wait --for=condition=Ready pods -l app=kubia --timeout=2m');
  expect(ok.failed).toBe(false);
  return s;
}

const podNames = (s: Session) => listObjects(s.state, 'Pod').map((p) => p.metadata.name).sort();

describe('script verbs', () => {
  it('wait advances simulated time; say prints a caption; ui lines do nothing', () => {
    const s = newSession();
    const t0 = s.state.now;
    expect(run(s, 'wait 1m30s')).toMatchObject({ lines: [], errors: [], failed: false });
    expect(s.state.now - t0).toBe(90_000);
    expect(run(s, 'say "Hello there"').lines).toEqual(['== Hello there']);
    const before = s.state;
    expect(run(s, 'ui view pods')).toMatchObject({ lines: [], errors: [], failed: false });
    expect(s.state).toBe(before);
  });

  it('node add puts a labelled node in the cluster', () => {
    const s = newSession();
    run(s, 'node add node-4 disk=ssd');
    expect(getObject(s.state, 'Node', 'node-4')?.metadata.labels?.disk).toBe('ssd');
  });
});

describe('kubectl apply and get', () => {
  it('prints what the engine reports, and the pod table once running', () => {
    const s = newSession();
    expect(run(s, 'kubectl apply -f kubia-pod.yaml')).toMatchObject({ lines: ['pod/kubia-manual created'], failed: false });
    expect(run(s, 'kubectl create -f kubia-pod.yaml')).toMatchObject({
      failed: true,
      errors: ['Error from server (AlreadyExists): error when creating "kubia-pod.yaml": pods "kubia-manual" already exists'],
    });
    expect(run(s, 'kubectl wait --for=condition=Ready pod/kubia-manual').lines).toEqual(['pod/kubia-manual condition met']);
    const table = run(s, 'kubectl get pods').lines;
    expect(table[0]).toBe('NAME           READY   STATUS    RESTARTS   AGE');
    expect(table[1]).toMatch(/^kubia-manual {3}1\/1 {5}Running {3}0 {10}\d+s$/);
  });

  it('says where a rejected manifest is wrong', () => {
    const s = newSession();
    const out = run(s, 'kubectl apply -f bad-job.yaml');
    expect(out.failed).toBe(true);
    expect(out.errors[0]).toMatch(/^The Job "pi" is invalid: spec\.template\.spec\.restartPolicy: /);
    expect(out.errors).toContain('  at bad-job.yaml:12 (spec.template.spec.restartPolicy)');
    expect(listObjects(s.state, 'Job')).toEqual([]);
  });

  it("reports a missing file in kubectl's words", () => {
    const out = run(newSession(), 'kubectl apply -f nope.yaml');
    expect(out).toMatchObject({ failed: true, errors: ['error: the path "nope.yaml" does not exist'] });
  });

  it('-o name, -o jsonpath, -o json (bare object for one name, List otherwise)', () => {
    const s = withReplicaSet();
    const names = run(s, 'kubectl get pods -o name').lines;
    expect(names).toEqual(podNames(s).map((n) => `pod/${n}`));
    expect(run(s, `kubectl get rs kubia -o jsonpath='{.status.readyReplicas}'`).lines).toEqual(['3']);
    expect(run(s, `kubectl get pods -o jsonpath='{.items[*].metadata.labels.app}'`).lines).toEqual(['kubia kubia kubia']);
    const one = JSON.parse(run(s, 'kubectl get rs kubia -o json').lines.join('\n'));
    expect(one).toMatchObject({ kind: 'ReplicaSet', metadata: { name: 'kubia' } });
    const list = JSON.parse(run(s, 'kubectl get rs -o json').lines.join('\n'));
    expect(list).toMatchObject({ apiVersion: 'v1', kind: 'List', items: [{ kind: 'ReplicaSet' }] });
  });

  it('-o custom-columns', () => {
    const s = withReplicaSet();
    const out = run(s, 'kubectl get pods -o custom-columns=NAME:.metadata.name,APP:.metadata.labels.app,GONE:.status.nope').lines;
    expect(out[0]).toBe('NAME          APP     GONE');
    expect(out.slice(1)).toEqual(podNames(s).map((n) => `${n}   kubia   <none>`));
  });

  it('--show-labels, -L, -l and several kinds at once', () => {
    const s = withReplicaSet();
    const labelled = run(s, 'kubectl get pods --show-labels -L app').lines;
    expect(labelled[0]).toMatch(/ APP +LABELS$/);
    expect(labelled.slice(1).every((l) => / kubia +app=kubia$/.test(l))).toBe(true);
    expect(run(s, 'kubectl get pods -l app!=kubia')).toMatchObject({ lines: [], errors: ['No resources found in default namespace.'], failed: false });
    const both = run(s, 'kubectl get rs,pods').lines;
    expect(both[0]).toMatch(/^NAME +DESIRED/);
    expect(both[1]).toMatch(/^replicaset\.apps\/kubia /);
    expect(both[2]).toBe('');
    expect(both.slice(4).every((l) => l.startsWith('pod/kubia-'))).toBe(true);
  });

  it('get all, other namespaces, missing names', () => {
    const s = withReplicaSet();
    const all = run(s, 'kubectl get all').lines;
    expect(all.filter((l) => l.startsWith('pod/'))).toHaveLength(3);
    expect(all.some((l) => l.startsWith('replicaset.apps/kubia'))).toBe(true);
    expect(run(s, 'kubectl get pods -n kube-system')).toMatchObject({ lines: [], errors: ['No resources found in kube-system namespace.'], failed: false });
    expect(run(s, 'kubectl get pod nope')).toMatchObject({ failed: true, errors: ['Error from server (NotFound): pods "nope" not found'] });
    expect(run(s, 'kubectl get pod nope --ignore-not-found')).toMatchObject({ failed: false, lines: [], errors: [] });
  });
});

describe('kubectl describe', () => {
  it('falls back to every object whose name starts with the given name', () => {
    const s = withReplicaSet();
    const out = run(s, 'kubectl describe pod kubia');
    expect(out.lines.filter((l) => l.startsWith('Name:'))).toHaveLength(3);
    expect(out.lines.join('\n')).toContain('\n\n\nName:');
    expect(run(s, 'kubectl describe rs nope')).toMatchObject({ failed: true, errors: ['Error from server (NotFound): replicasets.apps "nope" not found'] });
  });
});

describe('kubectl mutations', () => {
  it('label, overwrite and remove', () => {
    const s = withReplicaSet();
    const pod = podNames(s)[0];
    expect(run(s, `kubectl label pod ${pod} type=special`).lines).toEqual([`pod/${pod} labeled`]);
    expect(run(s, `kubectl label pod ${pod} type=other`)).toMatchObject({ failed: true, errors: ["error: 'type' already has a value (special), and --overwrite is false"] });
    run(s, `kubectl label pod ${pod} type=other --overwrite`);
    expect(getObject(s.state, 'Pod', `default/${pod}`)?.metadata.labels?.type).toBe('other');
    run(s, `kubectl label pod ${pod} type-`);
    expect(getObject(s.state, 'Pod', `default/${pod}`)?.metadata.labels?.type).toBeUndefined();
  });

  it('scale and patch', () => {
    const s = withReplicaSet();
    expect(run(s, 'kubectl scale rs kubia --replicas=5').lines).toEqual(['replicaset.apps/kubia scaled']);
    run(s, 'wait 1s');
    expect(listObjects(s.state, 'Pod')).toHaveLength(5);
    expect(run(s, `kubectl patch rs kubia --type=merge -p '{"spec":{"replicas":2}}'`).lines).toEqual(['replicaset.apps/kubia patched']);
    expect(getObject(s.state, 'ReplicaSet', 'default/kubia')?.spec.replicas).toBe(2);
    expect(run(s, 'kubectl scale rs nope --replicas=1')).toMatchObject({ failed: true, errors: ['Error from server (NotFound): replicasets.apps "nope" not found'] });
  });

  it('delete waits until a running pod is gone; --wait=false does not', () => {
    const s = withReplicaSet();
    const [first, second] = podNames(s);
    const t0 = s.state.now;
    expect(run(s, `kubectl delete pod ${first}`)).toMatchObject({ lines: [`pod "${first}" deleted`], failed: false });
    expect(getObject(s.state, 'Pod', `default/${first}`)).toBeUndefined();
    expect(s.state.now).toBeGreaterThan(t0);
    const t1 = s.state.now;
    run(s, `kubectl delete pod ${second} --wait=false`);
    expect(s.state.now).toBe(t1);
    expect(getObject(s.state, 'Pod', `default/${second}`)?.metadata.deletionTimestamp).toBeDefined();
    expect(run(s, 'kubectl delete pod nope')).toMatchObject({ failed: true, errors: ['Error from server (NotFound): pods "nope" not found'] });
  });

  it('delete --cascade=false warns and orphans the pods', () => {
    const s = withReplicaSet();
    const out = run(s, 'kubectl delete rs kubia --cascade=false');
    expect(out.errors[0]).toBe('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.');
    expect(out.lines).toEqual(['replicaset.apps "kubia" deleted']);
    run(s, 'wait 5s');
    expect(listObjects(s.state, 'Pod')).toHaveLength(3);
  });

  it('delete -f removes what the manifest names', () => {
    const s = withReplicaSet();
    expect(run(s, 'kubectl delete -f kubia-rs.yaml').lines).toEqual(['replicaset.apps "kubia" deleted']);
    expect(getObject(s.state, 'ReplicaSet', 'default/kubia')).toBeUndefined();
  });

  it('create job --image and create cronjob', () => {
    const s = newSession();
    expect(run(s, 'kubectl create job by-cli --image=busybox -- sleep 30').lines).toEqual(['job.batch/by-cli created']);
    expect(run(s, `kubectl create cronjob every --image busybox --schedule "*/1 * * * *" --restart Never`).lines).toEqual(['cronjob.batch/every created']);
    const cj = getObject(s.state, 'CronJob', 'default/every');
    expect(cj?.spec.schedule).toBe('*/1 * * * *');
    expect(cj?.spec.jobTemplate.spec.template.spec.restartPolicy).toBe('Never');
  });

  it('cordon marks the node unschedulable', () => {
    const s = newSession();
    expect(run(s, 'kubectl cordon node-2').lines).toEqual(['node/node-2 cordoned']);
    expect(getObject(s.state, 'Node', 'node-2')?.spec.unschedulable).toBe(true);
    expect(run(s, 'kubectl get nodes').lines[2]).toMatch(/^node-2 +Ready,SchedulingDisabled /);
  });
});

describe('kubectl drain', () => {
  it('waits until the evicted pods are gone, leaving DaemonSet pods', () => {
    const s = withReplicaSet();
    run(s, 'kubectl apply -f ds.yaml');
    run(s, 'kubectl rollout status ds ssd-monitor');
    const onNode = () => listObjects(s.state, 'Pod').filter((p) => p.spec.nodeName === 'node-1');
    expect(onNode().some((p) => p.metadata.name.startsWith('kubia-'))).toBe(true);
    const t0 = s.state.now;
    const out = run(s, 'kubectl drain node-1 --ignore-daemonsets');
    expect(out.failed).toBe(false);
    expect(out.lines[0]).toBe('node/node-1 cordoned');
    expect(out.lines[out.lines.length - 1]).toBe('node/node-1 drained');
    expect(onNode().map((p) => p.metadata.name.replace(/-[a-z0-9]{5}$/, ''))).toEqual(['ssd-monitor']);
    expect(s.state.now).toBeGreaterThan(t0);
  });
});

describe('kubectl wait and rollout status', () => {
  it('times out in kubectl words after advancing exactly the timeout', () => {
    const s = newSession();
    run(s, 'kubectl apply -f kubia-pod.yaml');
    const t0 = s.state.now;
    expect(run(s, 'kubectl wait --for=delete pod/kubia-manual --timeout=10s')).toMatchObject({
      failed: true,
      errors: ['error: timed out waiting for the condition on pods/kubia-manual'],
    });
    expect(s.state.now - t0).toBe(10_000);
    expect(run(s, 'kubectl wait --for=condition=Ready pod/nope')).toMatchObject({ failed: true, errors: ['Error from server (NotFound): pods "nope" not found'] });
    expect(run(s, 'kubectl wait --for=condition=Ready pod -l app=nothing')).toMatchObject({ failed: true, errors: ['error: no matching resources found'] });
    expect(run(s, 'kubectl wait --for=delete pod/nope')).toMatchObject({ failed: false, lines: [] });
  });

  it('jsonpath and --timeout=0', () => {
    const s = newSession();
    run(s, 'kubectl apply -f kubia-pod.yaml');
    expect(run(s, `kubectl wait --for=jsonpath='{.status.phase}'=Running pod/kubia-manual --timeout=0`)).toMatchObject({
      failed: true,
      errors: ['error: condition not met for pods/kubia-manual'],
    });
    expect(run(s, `kubectl wait --for=jsonpath='{.status.phase}'=Running pod/kubia-manual`).lines).toEqual(['pod/kubia-manual condition met']);
  });

  it('rollout status prints progress until the daemon set is rolled out', () => {
    const s = newSession();
    run(s, 'kubectl apply -f ds.yaml');
    const out = run(s, 'kubectl rollout status ds ssd-monitor');
    expect(out.failed).toBe(false);
    expect(out.lines[out.lines.length - 1]).toBe('daemon set "ssd-monitor" successfully rolled out');
    expect(out.lines.slice(0, -1).every((l) => l.startsWith('Waiting for daemon set "ssd-monitor" rollout to finish: '))).toBe(true);
    expect(run(s, 'kubectl rollout status rs kubia')).toMatchObject({ failed: true, errors: ['error: no status viewer has been implemented for ReplicaSet.apps'] });
  });
});

describe('kubectl logs', () => {
  it('prints a job pod’s log, saying which pod when there is a choice', () => {
    const s = newSession();
    run(s, 'kubectl apply -f job.yaml');
    run(s, 'kubectl wait --for=condition=complete job/batch-job --timeout=5m');
    const out = run(s, 'kubectl logs job/batch-job');
    expect(out.failed).toBe(false);
    expect(out.lines[out.lines.length - 1]).toMatch(/Finished succesfully$/);
    expect(run(s, 'kubectl logs job/batch-job --tail=1').lines).toHaveLength(1);
    expect(run(s, 'kubectl logs nope')).toMatchObject({ failed: true, errors: ['Error from server (NotFound): pods "nope" not found'] });
  });
});
