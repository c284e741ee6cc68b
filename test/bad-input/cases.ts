// The bad-input corpus (issue 7, item 1) as data: every case is a set of files, the `kubesim run` file
// arguments, and exactly what kubesim must print on stderr. Big or hostile inputs (binary, 10 MB, deep nesting,
// alias bombs) are generated at test time so the repository holds no such files.
//
// Messages follow kubectl's own words where kubectl has them (cli-runtime/pkg/resource/visitor.go for
// parsing, apimachinery/pkg/util/validation/field/errors.go for field errors); each names file and line.

import { EXPECTED } from './expected.js';

export type FileContent = string | Buffer | (() => string | Buffer);

export interface BadInputCase {
  name: string;
  /** Files written to a scratch directory before the run (paths relative to it). */
  files: Record<string, FileContent>;
  /** The `kubesim run` file arguments: the last is the bad input, any before it good setup it needs. */
  run: string[];
  /** stderr, line by line, exactly. */
  expectedStderr: string[];
  expectedExit: 0 | 1;
  /** A truncated recording still plays its complete lines: the state check does not apply. */
  playsPartly?: true;
}

/** A tiny ReplicaSet manifest with one field replaced, for the wrong-value cases. */
function rs(spec: { replicas?: string; selector?: string; labels?: string; restartPolicy?: string; extra?: string } = {}): string {
  return `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: ${spec.replicas ?? '2'}
  selector:
${spec.selector ?? '    matchLabels:\n      app: web'}
  template:
    metadata:
      labels:
${spec.labels ?? '        app: web'}
    spec:
${spec.restartPolicy ? `      restartPolicy: ${spec.restartPolicy}\n` : ''}      containers:
      - name: web
        image: nginx
${spec.extra ?? ''}`;
}

function pod(containerLines: string, name = 'p1', specExtra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${specExtra}  containers:
${containerLines}`;
}

const NGINX = '  - name: app\n    image: nginx\n';

function job(specLines: string, restartPolicy = 'Never'): string {
  return `apiVersion: batch/v1
kind: Job
metadata:
  name: j1
spec:
${specLines}  template:
    spec:
      restartPolicy: ${restartPolicy}
      containers:
      - name: j
        image: busybox
`;
}

function cron(schedule: string): string {
  return `apiVersion: batch/v1
kind: CronJob
metadata:
  name: c1
spec:
  schedule: "${schedule}"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: c
            image: busybox
`;
}

function ds(restartPolicy: string): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: d1
spec:
  selector:
    matchLabels:
      app: d1
  template:
    metadata:
      labels:
        app: d1
    spec:
      restartPolicy: ${restartPolicy}
      containers:
      - name: d
        image: nginx
`;
}

/** 256 random-looking bytes with NULs: what `kubectl apply -f /bin/ls` feeds the YAML reader. */
function binary(): Buffer {
  const b = Buffer.alloc(256);
  for (let i = 0; i < b.length; i++) b[i] = (i * 151 + 7) % 256;
  return b;
}

/** A 10 MB manifest: one ConfigMap-like comment block padding a valid pod past the size limit. */
function tenMegabytes(): string {
  return pod(NGINX) + ('# padding ' + 'x'.repeat(90) + '\n').repeat(105_000);
}

/** 10,000 nested flow sequences: a parser that recurses per level would blow the stack. */
function deeplyNested(): string {
  return 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: deep\nspec: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n';
}

/** "Billion laughs": nine levels of aliases, each doubling ten times — 10^9 strings if expanded. */
function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    const prev = names[i - 1];
    lines.push(`${names[i]}: &${names[i]} [${Array(10).fill(`*${prev}`).join(',')}]`);
  }
  return lines.join('\n') + '\n';
}

const m = (name: string, content: FileContent, file = 'bad.yaml'): Omit<BadInputCase, 'expectedStderr' | 'expectedExit'> => ({
  name,
  files: { [file]: content },
  run: [file],
});

const s = (name: string, script: string, extra: Record<string, FileContent> = {}): Omit<BadInputCase, 'expectedStderr' | 'expectedExit'> => ({
  name,
  files: { 'bad.ksim': script, ...extra },
  run: ['bad.ksim'],
});

/** Cases without their expectations; EXPECTED (expected.ts) gives each one's stderr and exit code by name. */
export const INPUTS: Omit<BadInputCase, 'expectedStderr' | 'expectedExit'>[] = [
  // --- YAML syntax
  m('tab indentation', 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: p1\n'),
  m('bad indentation', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p1\n labels:\n    a: b\n'),
  m('unclosed double quote', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "p1\nspec: {}\n'),
  m('unclosed single quote', "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'p1\n"),
  m('unclosed flow mapping', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p1\n'),
  m('duplicate mapping key', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p1\n  name: p2\n'),
  m('JSON syntax error', '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p1"}\n', 'bad.json'),
  m('document is a list', '- apiVersion: v1\n  kind: Pod\n'),
  m('document is a scalar', 'hello\n'),
  // --- wrong types
  m('replicas as a word', rs({ replicas: '"three"' })),
  m('replicas as a fraction', rs({ replicas: '1.5' })),
  m('containers as a string', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p1\nspec:\n  containers: nginx\n'),
  m('labels as a list', rs({ labels: '        - app' })),
  m('containerPort as a word', pod('  - name: app\n    image: nginx\n    ports:\n    - containerPort: http\n')),
  // --- missing required fields
  m('no apiVersion', 'kind: Pod\nmetadata:\n  name: p1\n'),
  m('no kind', 'apiVersion: v1\nmetadata:\n  name: p1\n'),
  m('no apiVersion and no kind', 'metadata:\n  name: p1\n'),
  m('no metadata.name', 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    a: b\nspec:\n  containers:\n' + NGINX),
  m('no containers', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p1\nspec:\n  containers: []\n'),
  m('container without image', pod('  - name: app\n')),
  m('container without name', pod('  - image: nginx\n')),
  m('ReplicaSet without selector', rs({ selector: '    {}' })),
  m('ReplicaSet without template', 'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n'),
  m('CronJob without schedule', cron('').replace('  schedule: ""\n', '')),
  // --- invalid names and labels
  m('upper-case name', pod(NGINX, 'MyPod')),
  m('name with underscore', pod(NGINX, 'my_pod')),
  m('name too long', pod(NGINX, 'a'.repeat(254))),
  m('invalid label value', rs({ selector: '    matchLabels:\n      app: "web server"', labels: '        app: "web server"' })),
  m('invalid label key', rs({ selector: '    matchLabels:\n      "-app": web', labels: '        "-app": web' })),
  // --- bad selectors
  m('unknown selector operator', rs({ selector: '    matchExpressions:\n    - key: app\n      operator: Like\n      values: [web]' })),
  m('In without values', rs({ selector: '    matchExpressions:\n    - key: app\n      operator: In\n      values: []' })),
  m('selector does not match template', rs({ labels: '        app: api' })),
  // --- restartPolicy for the kind
  m('Job with restartPolicy Always', job('', 'Always')),
  m('ReplicaSet with restartPolicy Never', rs({ restartPolicy: 'Never' })),
  m('DaemonSet with restartPolicy OnFailure', ds('OnFailure')),
  m('Pod with unknown restartPolicy', pod(NGINX, 'p1', '  restartPolicy: Sometimes\n')),
  // --- negative and huge numbers
  m('negative replicas', rs({ replicas: '-1' })),
  m('huge replicas', rs({ replicas: '99999999999' })),
  m('negative completions', job('  completions: -3\n')),
  m('negative parallelism', job('  parallelism: -1\n')),
  m('negative backoffLimit', job('  backoffLimit: -2\n')),
  m('containerPort too big', pod('  - name: app\n    image: nginx\n    ports:\n    - containerPort: 70000\n')),
  m('containerPort zero', pod('  - name: app\n    image: nginx\n    ports:\n    - containerPort: 0\n')),
  m('negative activeDeadlineSeconds', job('  activeDeadlineSeconds: -1\n')),
  m('invalid memory quantity', pod('  - name: app\n    image: nginx\n    resources:\n      limits:\n        memory: lots\n')),
  m('invalid imagePullPolicy', pod('  - name: app\n    image: nginx\n    imagePullPolicy: Sometimes\n')),
  // --- schedules
  m('CronJob schedule in words', cron('every minute')),
  m('CronJob minute out of range', cron('61 * * * *')),
  // --- unknown kind / apiVersion
  m('unknown kind', 'apiVersion: v1\nkind: Frobnicator\nmetadata:\n  name: f\n'),
  m('unknown apiVersion', rs().replace('apps/v1', 'apps/v2')),
  m('kind in the wrong group', rs().replace('apps/v1', 'batch/v1')),
  // --- duplicates
  m('duplicate container names', pod(NGINX + NGINX)),
  { name: 'create an object that exists', files: { 'p.yaml': pod(NGINX, 'dup'), 'bad.ksim': 'kubectl create -f p.yaml\n' }, run: ['p.yaml', 'bad.ksim'] },
  // --- empty, binary, huge, deep, bombs
  m('empty file', ''),
  m('only document separators', '---\n---\n'),
  m('only comments', '# nothing here\n# at all\n'),
  m('binary file', binary),
  m('10 MB file', tenMegabytes),
  m('deeply nested YAML', deeplyNested),
  m('billion laughs alias bomb', aliasBomb),
  m('unknown alias', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: *nope\n'),
  // --- scripts: unknown verbs, bad flags, bad durations, missing files, unknown objects
  s('unknown script verb', 'frobnicate pods\n'),
  s('misspelt kubectl', 'kubeclt get pods\n'),
  s('unknown kubectl verb', 'kubectl frob pods\n'),
  s('unknown flag', 'kubectl get pods --colour\n'),
  s('scale without --replicas', 'kubectl scale rs web\n'),
  s('replicas not a number', 'kubectl scale rs web --replicas=abc\n'),
  s('negative --replicas', 'kubectl scale rs web --replicas=-1\n'),
  s('bad --cascade', 'kubectl delete pod p1 --cascade=sideways\n'),
  s('patch that is not JSON', "kubectl patch pod p1 -p '{bad'\n"),
  s('unknown resource type', 'kubectl get frobs\n'),
  s('wait in words', 'wait 5 minutes\n'),
  s('wait with unknown unit', 'wait 10x\n'),
  s('negative wait', 'wait -5s\n'),
  s('bad --timeout', 'kubectl wait --for=condition=Ready pod/p1 --timeout=banana\n'),
  s('unclosed quote in a script', 'say "hello\n'),
  s('unknown node operation', 'node reboot node-1\n'),
  s('node add with a bad label', 'node add node-4 "disk=fast ssd"\n'),
  s('apply a missing file', 'kubectl apply -f nope.yaml\n'),
  { name: 'missing script file', files: {}, run: ['nope.ksim'] },
  s('delete a missing pod', 'kubectl delete pod nope\n'),
  s('scale a missing ReplicaSet', 'kubectl scale rs nope --replicas=2\n'),
  s('label a missing pod', 'kubectl label pod nope a=b\n'),
  s('patch a missing pod', 'kubectl patch pod nope -p \'{"metadata":{"labels":{"a":"b"}}}\'\n'),
  s('logs of a missing pod', 'kubectl logs nope\n'),
  s('describe a missing pod', 'kubectl describe pod nope\n'),
  s('kill a missing node', 'node kill node-9\n'),
  s('cordon a missing node', 'kubectl cordon node-9\n'),
  s('job from a missing CronJob', 'kubectl create job j1 --from=cronjob/nope\n'),
  // --- recordings
  s('recording from a future format version', '# kubesim recording v2\n# seed: 1\nwait 1s\n'),
  s('recording with a bad seed', '# kubesim recording v1\n# seed: abc\nwait 1s\n'),
  s('recording with a bad start time', '# kubesim recording v1\n# start: yesterday\nwait 1s\n'),
  s('corrupted recording', '# kubesim recording v1\n# seed: 1\nwait 1s\nkub\u0000\u0007ctl get p\u00ffds\nwait 1s\n'),
  { ...s('truncated recording', '# kubesim recording v1\n# seed: 1\nwait 1s\nkubectl get po --sel'), playsPartly: true },
];

/** The corpus: every input with its expected stderr and exit code (a case missing from EXPECTED is an error). */
export const CASES: BadInputCase[] = INPUTS.map((input) => {
  const expected = EXPECTED[input.name];
  if (!expected) throw new Error(`bad-input case "${input.name}" has no entry in expected.ts`);
  return { ...input, expectedStderr: expected.stderr, expectedExit: expected.exit };
});
