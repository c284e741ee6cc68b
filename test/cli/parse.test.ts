import { describe, expect, it } from 'vitest';
import { formatDuration, formatScriptLine, parseScriptLine } from '../../src/cli/script/parse.js';
import type { KubectlCommand, ParseResult, ScriptCommand } from '../../src/cli/script/types.js';

function ok(line: string): ScriptCommand {
  const r: ParseResult = parseScriptLine(line);
  if ('error' in r) throw new Error(`${line}: ${r.error}`);
  return r;
}
function kubectl(line: string): KubectlCommand {
  const r = ok(line);
  if (r.type !== 'kubectl') throw new Error(`not kubectl: ${line}`);
  return r.command;
}
function error(line: string): string {
  const r = parseScriptLine(line);
  if (!('error' in r)) throw new Error(`expected an error for: ${line}`);
  return r.error;
}

describe('script verbs', () => {
  it('blank lines and comments', () => {
    expect(ok('')).toEqual({ type: 'comment', text: '' });
    expect(ok('   # hello')).toEqual({ type: 'comment', text: ' hello' });
  });

  it('wait DURATION', () => {
    expect(ok('wait 30s')).toEqual({ type: 'wait', ms: 30_000 });
    expect(ok('wait 2m')).toEqual({ type: 'wait', ms: 120_000 });
    expect(ok('wait 1h30m')).toEqual({ type: 'wait', ms: 5_400_000 });
    expect(error('wait x')).toBe('error: invalid duration "x"');
    expect(error('wait')).toMatch(/^error: wait takes one duration/);
  });

  it('node kill|restore|delete|add', () => {
    expect(ok('node kill node-2')).toEqual({ type: 'node', op: 'kill', name: 'node-2' });
    expect(ok('node restore node-2')).toEqual({ type: 'node', op: 'restore', name: 'node-2' });
    expect(ok('node delete node-2')).toEqual({ type: 'node', op: 'delete', name: 'node-2' });
    expect(ok('node add node-4 disk=ssd zone=a')).toEqual({ type: 'node', op: 'add', name: 'node-4', labels: { disk: 'ssd', zone: 'a' } });
    expect(error('node explode node-1')).toMatch(/^error: unknown node operation "explode"/);
    expect(error('node add node-4 disk')).toBe('error: invalid label spec: disk');
    expect(error('node kill')).toMatch(/^error: expected "node kill/);
  });

  it('say and ui', () => {
    expect(ok('say "Delete a pod and watch the RS replace it"')).toEqual({ type: 'say', text: 'Delete a pod and watch the RS replace it' });
    expect(ok('ui view pods')).toEqual({ type: 'ui', word: 'view', args: ['pods'] });
    expect(ok('ui filter /kubia')).toEqual({ type: 'ui', word: 'filter', args: ['/kubia'] });
    expect(ok('ui key ctrl-d')).toEqual({ type: 'ui', word: 'key', args: ['ctrl-d'] });
  });

  it('unknown verbs', () => {
    expect(error('foo bar')).toBe('error: unknown command "foo" (a line starts with kubectl, wait, node, say, ui or #)');
    expect(error('kubeclt get pods')).toBe('error: unknown command "kubeclt" (did you mean "kubectl"?)');
  });

  it('shell syntax errors', () => {
    expect(error(`say 'unterminated`)).toBe("error: unexpected EOF while looking for matching `''");
  });
});

describe('kubectl get', () => {
  it('kinds, names and KIND/NAME', () => {
    expect(kubectl('kubectl get pods')).toMatchObject({ verb: 'get', targets: [{ kind: 'Pod', names: [] }], all: false, showKind: false, output: 'table' });
    expect(kubectl('kubectl get po kubia-1 kubia-2')).toMatchObject({ targets: [{ kind: 'Pod', names: ['kubia-1', 'kubia-2'] }] });
    expect(kubectl('kubectl get rs,pods')).toMatchObject({ targets: [{ kind: 'ReplicaSet' }, { kind: 'Pod' }], showKind: true });
    expect(kubectl('kubectl get pod/a rs/b pod/c')).toMatchObject({
      targets: [{ kind: 'Pod', names: ['a', 'c'] }, { kind: 'ReplicaSet', names: ['b'] }],
      showKind: true,
    });
    expect(kubectl('kubectl get replicasets.apps kubia')).toMatchObject({ targets: [{ kind: 'ReplicaSet', names: ['kubia'] }] });
    expect(kubectl('kubectl get all')).toMatchObject({ all: true, targets: [], showKind: true });
  });

  it('flags in any position and in every pflag form', () => {
    const c = kubectl(`kubectl get -l app=kubia pods -owide --show-labels -L app,tier -L env -n default -A --no-headers`);
    expect(c).toMatchObject({
      verb: 'get',
      selector: { text: 'app=kubia', requirements: [{ key: 'app', operator: '=', values: ['kubia'] }] },
      output: 'wide',
      showLabels: true,
      labelColumns: ['app', 'tier', 'env'],
      namespace: 'default',
      allNamespaces: true,
      noHeaders: true,
    });
    expect(kubectl('kubectl -n default get pods')).toMatchObject({ namespace: 'default' });
    expect(kubectl('kubectl get pods --namespace=kube-system')).toMatchObject({ namespace: 'kube-system' });
    expect(kubectl('kubectl get pods -o=yaml')).toMatchObject({ output: 'yaml' });
    expect(kubectl(`kubectl get pod x -o jsonpath='{.status.phase}'`)).toMatchObject({ output: { jsonpath: '{.status.phase}' } });
    expect(kubectl('kubectl get events --sort-by=.metadata.creationTimestamp')).toMatchObject({ sortBy: '.metadata.creationTimestamp' });
    expect(kubectl('kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:spec.nodeName')).toMatchObject({
      output: { customColumns: [{ header: 'NAME', path: '{.metadata.name}' }, { header: 'NODE', path: '{.spec.nodeName}' }] },
    });
    expect(error('kubectl get pods -o custom-columns=NAME')).toBe('error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>');
  });

  it("kubectl's errors", () => {
    expect(error('kubectl get foo')).toBe('error: the server doesn\'t have a resource type "foo"');
    expect(error('kubectl get pods --foo')).toBe("error: unknown flag: --foo\nSee 'kubectl get --help' for usage.");
    expect(error('kubectl get pods -z')).toBe("error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.");
    expect(error('kubectl get pods -l')).toBe("error: flag needs an argument: 'l' in -l\nSee 'kubectl get --help' for usage.");
    expect(error('kubectl get pods -o foo')).toMatch(/^error: unable to match a printer suitable for the output format "foo", allowed formats are: /);
    expect(error('kubectl get pods -l "a in b"')).toBe("error: unable to parse requirement: found 'b' expected: '('");
    expect(error('kubectl get pods -w')).toMatch(/^error: kubectl get --watch is not supported/);
    expect(error('kubectl get pod a pod/b')).toMatch(/^error: there is no need to specify a resource type as a separate argument/);
    expect(error('kubectl get pod x -l a=b')).toBe('error: name cannot be provided when a selector is specified');
    expect(error('kubectl get deployments')).toMatch(/^error: kubesim does not simulate deployments/);
    expect(error('kubectl get')).toMatch(/^error: You must specify the type of resource to get/);
  });
});

describe('kubectl describe and logs', () => {
  it('describe', () => {
    expect(kubectl('kubectl describe rs kubia')).toMatchObject({ verb: 'describe', targets: [{ kind: 'ReplicaSet', names: ['kubia'] }] });
    expect(kubectl('kubectl describe pods')).toMatchObject({ targets: [{ kind: 'Pod', names: [] }] });
    expect(kubectl('kubectl describe pod/x')).toMatchObject({ targets: [{ kind: 'Pod', names: ['x'] }] });
    expect(error('kubectl describe replicaset/apps kubia')).toMatch(/there is no need to specify a resource type/);
  });

  it('logs', () => {
    expect(kubectl('kubectl logs kubia-x')).toEqual({ verb: 'logs', kind: 'Pod', name: 'kubia-x', previous: false, namespace: undefined });
    expect(kubectl('kubectl logs kubia-x -c main --previous')).toMatchObject({ container: 'main', previous: true });
    expect(kubectl('kubectl logs -p kubia-x')).toMatchObject({ previous: true });
    expect(kubectl('kubectl logs job/pi --tail=5')).toMatchObject({ kind: 'Job', name: 'pi', tail: 5 });
    expect(kubectl('kubectl logs kubia-x sidecar')).toMatchObject({ container: 'sidecar' });
    expect(error('kubectl logs')).toMatch(/^error: expected 'logs \[-f\] \[-p\] \(POD \| TYPE\/NAME\) \[-c CONTAINER\]'\./);
    expect(error('kubectl logs -f x')).toMatch(/not supported/);
  });
});

describe('kubectl apply/create/delete', () => {
  it('apply and create -f (repeatable, comma lists)', () => {
    expect(kubectl('kubectl apply -f a.yaml -f dir/')).toEqual({ verb: 'apply', files: ['a.yaml', 'dir/'], namespace: undefined });
    expect(kubectl('kubectl create -f a.yaml,b.yaml')).toMatchObject({ verb: 'create', files: ['a.yaml', 'b.yaml'] });
    expect(error('kubectl apply')).toBe("error: must specify one of -f and -k\nSee 'kubectl apply -h' for help and examples");
  });

  it('create job / cronjob', () => {
    expect(kubectl('kubectl create job sample-job --from=cronjob/sample-cronjob')).toEqual({ verb: 'create job', name: 'sample-job', fromCronJob: 'sample-cronjob', namespace: undefined });
    expect(kubectl('kubectl create job sample-job --from cronjob/sample-cronjob')).toMatchObject({ fromCronJob: 'sample-cronjob' });
    expect(kubectl('kubectl create job by-cli --image=amsy810/tools:v2.0 -- sleep 30')).toMatchObject({ name: 'by-cli', image: 'amsy810/tools:v2.0', command: ['sleep', '30'] });
    expect(error('kubectl create job x')).toBe('error: either --image or --from must be specified');
    expect(error('kubectl create job --image=busybox')).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create job -h' for help and examples");
    expect(error('kubectl create job x --from=rs/y')).toBe('error: from must be an existing cronjob: rs');
    expect(kubectl(`kubectl create cronjob c --image amsy810/random-exit:v2.0 --schedule "*/1 * * * *" --restart Never`)).toEqual({
      verb: 'create cronjob', name: 'c', image: 'amsy810/random-exit:v2.0', schedule: '*/1 * * * *', restart: 'Never', namespace: undefined,
    });
    expect(error('kubectl create cronjob c --image x')).toBe('error: --schedule must be specified');
    expect(error('kubectl create deployment x --image=nginx')).toMatch(/^error: kubesim cannot create deployment/);
  });

  it('delete by name, selector, all, with cascade and grace flags', () => {
    expect(kubectl('kubectl delete pod a b')).toMatchObject({
      verb: 'delete', targets: [{ kind: 'Pod', names: ['a', 'b'] }], cascade: 'background', force: false, ignoreNotFound: false, wait: true, warnings: [],
    });
    expect(kubectl('kubectl delete rs kubia --cascade=orphan')).toMatchObject({ cascade: 'orphan' });
    expect(kubectl('kubectl delete rs kubia --cascade=false')).toMatchObject({
      cascade: 'orphan',
      warnings: ['warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.'],
    });
    expect(kubectl('kubectl delete rs kubia --cascade')).toMatchObject({ cascade: 'background' });
    expect(kubectl('kubectl delete pods -l app=kubia')).toMatchObject({ selector: { text: 'app=kubia' }, ignoreNotFound: true });
    expect(kubectl('kubectl delete pods --all')).toMatchObject({ all: true, ignoreNotFound: true });
    expect(kubectl('kubectl delete pod x --grace-period=0 --force')).toMatchObject({ gracePeriodSeconds: 0, force: true });
    expect(kubectl('kubectl delete pod x --force')).toMatchObject({ gracePeriodSeconds: 0 });
    expect(kubectl('kubectl delete pod x --grace-period=0')).toMatchObject({ gracePeriodSeconds: 1, force: false });
    expect(kubectl('kubectl delete pod x --now')).toMatchObject({ gracePeriodSeconds: 1 });
    expect(kubectl('kubectl delete pod x --wait=false')).toMatchObject({ wait: false });
    expect(kubectl('kubectl delete -f kubia.yaml')).toMatchObject({ files: ['kubia.yaml'], targets: [] });
    expect(error('kubectl delete pods')).toBe('error: resource(s) were provided, but no name was specified');
    expect(error('kubectl delete')).toMatch(/^error: You must provide one or more resources by argument or filename\./);
    expect(error('kubectl delete rs x --cascade=maybe')).toBe('error: invalid cascade value (maybe). Must be "background", "foreground", or "orphan"');
    expect(error('kubectl delete pod x --force --grace-period=5')).toBe('error: --force and --grace-period greater than 0 cannot be specified together');
    expect(error('kubectl delete pods --all -l a=b')).toBe('error: cannot set --all and --selector at the same time');
    expect(error('kubectl delete pod x --grace-period=soon')).toBe(
      'error: invalid argument "soon" for "--grace-period" flag: strconv.ParseInt: parsing "soon": invalid syntax\nSee \'kubectl delete --help\' for usage.',
    );
  });
});

describe('kubectl label/annotate/patch/scale/set image', () => {
  it('label', () => {
    expect(kubectl('kubectl label pod kubia-47vjv type=special')).toEqual({
      verb: 'label', targets: [{ kind: 'Pod', names: ['kubia-47vjv'] }], set: { type: 'special' }, remove: [], overwrite: false, selector: undefined, all: false, namespace: undefined,
    });
    expect(kubectl('kubectl label pod kubia-47vjv app=foo --overwrite')).toMatchObject({ set: { app: 'foo' }, overwrite: true });
    expect(kubectl('kubectl label node node-1 disk=ssd gpu-')).toMatchObject({ targets: [{ kind: 'Node', names: ['node-1'] }], set: { disk: 'ssd' }, remove: ['gpu'] });
    expect(kubectl('kubectl label pods -l app=kubia env=prod')).toMatchObject({ targets: [{ kind: 'Pod', names: [] }], selector: { text: 'app=kubia' } });
    expect(kubectl('kubectl label pods --all env=prod')).toMatchObject({ all: true });
    expect(error('kubectl label pod x')).toBe("error: at least one label update is required\nSee 'kubectl label -h' for help and examples");
    expect(error('kubectl label pod x a=b=c')).toBe('error: invalid label spec: a=b=c');
    expect(error('kubectl label pod x a=b a-')).toBe('error: can not both modify and remove a label in the same command');
    expect(error('kubectl label pod a=b x')).toBe('error: all resources must be specified before label changes: x');
    expect(error('kubectl label pods a=b')).toBe('error: resource(s) were provided, but no name was specified');
    expect(error('kubectl label pod x a=b/c')).toMatch(/^error: invalid label value: "a=b\/c": a valid label must be/);
  });

  it('annotate', () => {
    expect(kubectl('kubectl annotate pod x note="hello world" old-')).toMatchObject({ verb: 'annotate', set: { note: 'hello world' }, remove: ['old'] });
    expect(kubectl('kubectl annotate pod x url=http://a/b=c')).toMatchObject({ set: { url: 'http://a/b=c' } });
    expect(error('kubectl annotate pod x')).toBe("error: at least one annotation update is required\nSee 'kubectl annotate -h' for help and examples");
  });

  it('patch', () => {
    expect(kubectl(`kubectl patch cronjob sample -p '{"spec":{"suspend":true}}'`)).toEqual({
      verb: 'patch', targets: [{ kind: 'CronJob', names: ['sample'] }], patch: { spec: { suspend: true } }, patchType: 'strategic', namespace: undefined,
    });
    expect(kubectl(`kubectl patch sts/web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":3}]'`)).toMatchObject({
      patchType: 'json', patch: [{ op: 'replace', path: '/spec/replicas', value: 3 }],
    });
    expect(kubectl(`kubectl patch rs x --type merge -p '{spec: {replicas: 2}}'`)).toMatchObject({ patchType: 'merge', patch: { spec: { replicas: 2 } } });
    expect(error('kubectl patch rs x')).toBe("error: Must specify -p to patch\nSee 'kubectl patch -h' for help and examples");
    expect(error(`kubectl patch rs x -p '{}' --type=xml`)).toBe('error: --type must be one of [json merge strategic], not "xml"');
    expect(error(`kubectl patch rs x -p '{"a":'`)).toMatch(/^error: unable to parse "\{"a":": /);
    expect(error(`kubectl patch rs -p '{}'`)).toBe('error: resource(s) were provided, but no name was specified');
  });

  it('scale', () => {
    expect(kubectl('kubectl scale rc kubia --replicas=10')).toMatchObject({ verb: 'scale', targets: [{ kind: 'ReplicationController', names: ['kubia'] }], replicas: 10 });
    expect(kubectl('kubectl scale job multi-completion-batch-job --replicas 3')).toMatchObject({ targets: [{ kind: 'Job' }], replicas: 3 });
    expect(kubectl('kubectl scale statefulset.apps/sample-ss --replicas=5')).toMatchObject({ targets: [{ kind: 'StatefulSet', names: ['sample-ss'] }] });
    expect(error('kubectl scale rs --replicas=3')).toBe('error: resource(s) were provided, but no name was specified');
    expect(error('kubectl scale rs x')).toBe('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    expect(error('kubectl scale rs x --replicas=many')).toMatch(/^error: invalid argument "many" for "--replicas" flag: strconv.ParseInt/);
  });

  it('set image', () => {
    expect(kubectl('kubectl set image ds/ssd-monitor main=luksa/ssd-monitor:v2')).toEqual({
      verb: 'set image', targets: [{ kind: 'DaemonSet', names: ['ssd-monitor'] }], images: { main: 'luksa/ssd-monitor:v2' }, namespace: undefined,
    });
    expect(kubectl('kubectl set image sts web *=nginx:1.27')).toMatchObject({ images: { '*': 'nginx:1.27' } });
    expect(error('kubectl set image ds/x')).toBe("error: at least one image update is required\nSee 'kubectl set image -h' for help and examples");
    expect(error('kubectl set env ds/x A=B')).toMatch(/set image" only/);
  });
});

describe('kubectl nodes, wait, rollout, info', () => {
  it('cordon/uncordon/drain', () => {
    expect(kubectl('kubectl cordon node-1')).toMatchObject({ verb: 'cordon', nodes: ['node-1'] });
    expect(kubectl('kubectl uncordon node/node-1')).toMatchObject({ verb: 'uncordon', nodes: ['node-1'] });
    expect(kubectl('kubectl drain node-1 --ignore-daemonsets --force --delete-emptydir-data --grace-period=5')).toEqual({
      verb: 'drain', nodes: ['node-1'], ignoreDaemonSets: true, force: true, deleteEmptyDirData: true, gracePeriodSeconds: 5,
    });
    expect(error('kubectl drain')).toBe("error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples");
    expect(error('kubectl cordon node-1 --ignore-daemonsets')).toBe("error: unknown flag: --ignore-daemonsets\nSee 'kubectl cordon --help' for usage.");
  });

  it('wait', () => {
    expect(kubectl('kubectl wait --for=condition=Ready pod/x --timeout=60s')).toEqual({
      verb: 'wait', for: { type: 'condition', condition: 'Ready', value: 'true' }, targets: [{ kind: 'Pod', names: ['x'] }], selector: undefined, all: false, timeoutMs: 60_000, namespace: undefined,
    });
    expect(kubectl('kubectl wait --for=condition=complete=False job/pi')).toMatchObject({ for: { condition: 'complete', value: 'False' }, timeoutMs: 30_000 });
    expect(kubectl('kubectl wait --for=delete pod -l app=kubia')).toMatchObject({ for: { type: 'delete' }, selector: { text: 'app=kubia' } });
    expect(kubectl(`kubectl wait --for=jsonpath='{.status.phase}'=Running pod x`)).toMatchObject({ for: { type: 'jsonpath', path: '{.status.phase}', value: 'Running' } });
    expect(kubectl(`kubectl wait --for=jsonpath=.status.readyReplicas=3 rs/kubia`)).toMatchObject({ for: { path: '{.status.readyReplicas}', value: '3' } });
    expect(kubectl(`kubectl wait --for=jsonpath='{.status.x}' pod/y --timeout=-1s`)).toMatchObject({ for: { type: 'jsonpath', path: '{.status.x}' }, timeoutMs: 168 * 3_600_000 });
    expect(kubectl('kubectl wait --for=condition=Ready pods --all --timeout 2m')).toMatchObject({ all: true, timeoutMs: 120_000 });
    expect(error('kubectl wait pod/x')).toBe('error: unrecognized condition: ""');
    expect(error('kubectl wait --for=ready pod/x')).toBe('error: unrecognized condition: "ready"');
    expect(error('kubectl wait --for=delete pod/x --timeout=5')).toMatch(/^error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"/);
    expect(error('kubectl wait --for=delete pods')).toBe('error: resource(s) were provided, but no name was specified');
  });

  it('rollout status', () => {
    expect(kubectl('kubectl rollout status ds ssd-monitor')).toEqual({ verb: 'rollout status', kind: 'DaemonSet', name: 'ssd-monitor', namespace: undefined });
    expect(kubectl('kubectl rollout status sts/web --timeout=5m')).toMatchObject({ kind: 'StatefulSet', name: 'web', timeoutMs: 300_000 });
    expect(error('kubectl rollout undo ds/x')).toMatch(/does not simulate "kubectl rollout undo"/);
  });

  it('version, api-resources, unknown and unsimulated commands', () => {
    expect(kubectl('kubectl version')).toEqual({ verb: 'version' });
    expect(kubectl('kubectl api-resources')).toEqual({ verb: 'api-resources' });
    expect(error('kubectl gte pods')).toBe('error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget');
    expect(error('kubectl edit rc kubia')).toMatch(/^error: kubesim cannot open an editor/);
    expect(error('kubectl exec -it x -- sh')).toMatch(/no shell to exec into/);
  });
});

describe('formatScriptLine (recordings are saved as script lines)', () => {
  it('gives back a line that parses to the same command', () => {
    const lines = [
      'wait 1h30m',
      'wait 500ms',
      'node kill node-2',
      'node add node-4 disk=ssd zone=eu-west',
      `say "it's alive"`,
      'ui filter /kubia',
      `kubectl patch cj x -p '{"spec":{"suspend":true}}'`,
      `kubectl get pods -l 'env in (a,b)' -o wide`,
      '# a comment',
    ];
    for (const line of lines) {
      const cmd = ok(line);
      const again = formatScriptLine(cmd);
      expect(ok(again)).toEqual(cmd);
    }
    expect(formatScriptLine(ok('wait 90s'))).toBe('wait 1m30s');
    expect(formatScriptLine(ok('kubectl get   pods   -owide'))).toBe('kubectl get pods -owide');
  });

  it('formatDuration', () => {
    expect([0, 1000, 60_000, 90_000, 3_600_000, 5_400_000, 250].map(formatDuration)).toEqual(['0s', '1s', '1m', '1m30s', '1h', '1h30m', '250ms']);
  });
});
