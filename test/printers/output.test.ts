import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CronJob } from '../../src/cluster/api/types.js';
import { asList, printObjects, toJson, toYaml } from '../../src/cluster/printers/output.js';
import { yamlKeyLess } from '../../src/cluster/printers/yaml.js';
import { at, container, replicaSet, runningPod, runningStatus } from './fixtures.js';

const kubiaPod = () =>
  runningPod('kubia-x2f9k', {
    meta: {
      labels: { app: 'kubia' },
      resourceVersion: '1234',
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'kubia', uid: 'uid-kubia', controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      containers: [container('kubia', 'luksa/kubia', { ports: [{ containerPort: 8080, protocol: 'TCP' }], livenessProbe: { httpGet: { path: '/', port: 8080 } } })],
    },
    status: {
      conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: at(6) }],
      containerStatuses: [runningStatus('kubia', { containerID: undefined, imageID: 'sha256:3f28', image: 'luksa/kubia', started: undefined })],
    },
  });

describe('-o yaml', () => {
  it('prints an object as kubectl does: sorted keys, indentless sequences, quoted non-strings', () => {
    expect(toYaml(kubiaPod())).toBe(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  creationTimestamp: "2025-01-01T00:00:00Z"',
        '  labels:',
        '    app: kubia',
        '  name: kubia-x2f9k',
        '  namespace: default',
        '  ownerReferences:',
        '  - apiVersion: apps/v1',
        '    blockOwnerDeletion: true',
        '    controller: true',
        '    kind: ReplicaSet',
        '    name: kubia',
        '    uid: uid-kubia',
        '  resourceVersion: "1234"',
        '  uid: uid-kubia-x2f9k',
        'spec:',
        '  containers:',
        '  - image: luksa/kubia',
        '    livenessProbe:',
        '      httpGet:',
        '        path: /',
        '        port: 8080',
        '    name: kubia',
        '    ports:',
        '    - containerPort: 8080',
        '      protocol: TCP',
        '  nodeName: node-1',
        '  restartPolicy: Always',
        'status:',
        '  conditions:',
        '  - lastProbeTime: null',
        '    lastTransitionTime: "2025-01-01T00:00:06Z"',
        '    status: "True"',
        '    type: Ready',
        '  containerStatuses:',
        '  - image: luksa/kubia',
        '    imageID: sha256:3f28',
        '    lastState: {}',
        '    name: kubia',
        '    ready: true',
        '    restartCount: 0',
        '    state:',
        '      running:',
        '        startedAt: "2025-01-01T00:00:05Z"',
        '  hostIP: 192.168.49.2',
        '  phase: Running',
        '  podIP: 10.244.1.5',
        '  podIPs:',
        '  - ip: 10.244.1.5',
        '  startTime: "2025-01-01T00:00:01Z"',
        '',
      ].join('\n'),
    );
  });

  it('quotes as yaml.v2 does: single quotes where plain is impossible, double where plain would not read back as a string', () => {
    const cj = { spec: { schedule: '*/1 * * * *', other: '0 * * * *', empty: '', yes: 'yes', n: '08', f: '1e3', dash: '-', colon: 'a: b', hash: 'a #b', quote: "it's", ver: '1.2.3', neg: '-1' } };
    expect(toYaml(cj)).toBe(
      [
        'spec:',
        "  colon: 'a: b'",
        "  dash: '-'",
        '  empty: ""',
        '  f: "1e3"',
        "  hash: 'a #b'",
        '  "n": "08"',
        '  neg: "-1"',
        '  other: 0 * * * *',
        "  quote: it's",
        "  schedule: '*/1 * * * *'",
        '  ver: 1.2.3',
        '  "yes": "yes"',
        '',
      ].join('\n'),
    );
  });

  it('uses literal blocks for multi-line text and folds long values past column 80', () => {
    const v = {
      args: ['-c', 'while true; do\n  echo hi\n  sleep 1\ndone\n'],
      message: '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    };
    expect(toYaml(v)).toBe(
      [
        'args:',
        '- -c',
        '- |',
        '  while true; do',
        '    echo hi',
        '    sleep 1',
        '  done',
        "message: '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available:",
        "  3 No preemption victims found for incoming pod.'",
        '',
      ].join('\n'),
    );
  });

  it('wraps listings in a v1 List', () => {
    const cj: CronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'hello', namespace: 'default', uid: 'u', creationTimestamp: at(0) },
      spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { containers: [] } } } } },
      status: {},
    };
    expect(printObjects('yaml', [cj], false)).toBe(
      [
        'apiVersion: v1',
        'items:',
        '- apiVersion: batch/v1',
        '  kind: CronJob',
        '  metadata:',
        '    creationTimestamp: "2025-01-01T00:00:00Z"',
        '    name: hello',
        '    namespace: default',
        '    uid: u',
        '  spec:',
        '    jobTemplate:',
        '      spec:',
        '        template:',
        '          spec:',
        '            containers: []',
        "    schedule: '*/1 * * * *'",
        '  status: {}',
        'kind: List',
        'metadata:',
        '  resourceVersion: ""',
        '',
      ].join('\n'),
    );
    expect(printObjects('yaml', [cj], true)).toBe(toYaml(cj));
  });

  it('orders keys as yaml.v2 sorts them (non-letters first, numbers by value)', () => {
    expect(['b', 'a10', 'a9', 'a_b', 'aB', 'A'].sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0))).toEqual(['A', 'a_b', 'a9', 'a10', 'aB', 'b']);
  });

  // Parsed with the YAML 1.2 core schema: the `yaml` package's 1.1 schema reads a few plain strings (`.`) as
  // numbers where yaml.v2 does not, so the 1.1-specific quoting is covered by the explicit cases above.
  it('reads back as the same data (property)', () => {
    const key = fc.string({ minLength: 1, maxLength: 12 });
    const leaf = fc.oneof(fc.string({ maxLength: 120 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('yes', 'on', '0x1F', '1:20', '2025-01-01', '-', '? x', '', ' lead', 'trail ', 'a\n\nb\n', 'x\ty', '#c', 'é 한글'));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 5 }), (obj) => {
        expect(parse(toYaml(obj))).toEqual(obj);
      }),
      { numRuns: 300 },
    );
  });
});

describe('-o json and -o name', () => {
  it('prints sorted keys with four-space indentation and Go HTML escaping', () => {
    const rs = replicaSet('kubia');
    const out = toJson({ ...rs, metadata: { ...rs.metadata, annotations: { note: '<none> & more' } } });
    expect(out.startsWith('{\n    "apiVersion": "apps/v1",\n    "kind": "ReplicaSet",\n    "metadata": {\n        "annotations": {\n            "note": "\\u003cnone\\u003e \\u0026 more"\n        },\n')).toBe(true);
    expect(out.endsWith('    }\n}\n')).toBe(true);
    expect(JSON.parse(out)).toEqual({ ...rs, metadata: { ...rs.metadata, annotations: { note: '<none> & more' } } });
  });

  it('wraps a listing in a List and prints names', () => {
    expect(toJson(asList([]))).toBe('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
    expect(printObjects('name', [kubiaPod(), replicaSet('kubia')], false)).toBe('pod/kubia-x2f9k\nreplicaset.apps/kubia\n');
  });
});
