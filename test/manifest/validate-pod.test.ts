import { describe, expect, it } from 'vitest';
import { SUBDOMAIN, LABEL, c, pod, rs, job, errorsOf, one } from './builders.js';
import { admit } from '../../src/cluster/manifest/admit.js';
import { formatInvalidStatus } from '../../src/cluster/manifest/field-errors.js';
import { parseManifests } from '../../src/cluster/manifest/load.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

describe('pods', () => {
  it('requires an image', () => {
    expect(errorsOf(pod({ containers: [{ name: 'web' }] }))).toEqual(one('Pod', 'x', 'spec.containers[0].image: Required value'));
  });

  it('requires containers', () => {
    expect(errorsOf(pod({ containers: [] }))).toEqual(one('Pod', 'x', 'spec.containers: Required value'));
  });

  it('checks the name is a DNS-1123 subdomain, and requires one', () => {
    expect(errorsOf(pod({}, 'My_App'))).toEqual(one('Pod', 'My_App', `metadata.name: Invalid value: "My_App": ${SUBDOMAIN}`));
    expect(errorsOf({ ...pod({}), metadata: {} })).toEqual(one('Pod', '', 'metadata.name: Required value: name or generateName is required'));
  });

  it('checks container names are DNS-1123 labels, at most 63 characters, and unique', () => {
    expect(errorsOf(pod({ containers: [c({ name: 'My_Container' })] }))).toEqual(one('Pod', 'x', `spec.containers[0].name: Invalid value: "My_Container": ${LABEL}`));
    const long = 'a'.repeat(64);
    expect(errorsOf(pod({ containers: [c({ name: long })] }))).toEqual(one('Pod', 'x', `spec.containers[0].name: Invalid value: "${long}": must be no more than 63 characters`));
    expect(errorsOf(pod({ containers: [c(), c({ image: 'busybox' })] }))).toEqual(one('Pod', 'x', 'spec.containers[1].name: Duplicate value: "web"'));
  });

  it('prints several causes one per line after a header ending in a space', () => {
    expect(errorsOf(pod({ restartPolicy: 'Sometimes', containers: [{ name: 'web' }] }))).toEqual([
      'The Pod "x" is invalid: \n* spec.containers[0].image: Required value\n* spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
  });

  it('requires successThreshold 1 for liveness and startup probes, not readiness', () => {
    const probe = { httpGet: { path: '/', port: 8080 }, successThreshold: 2 };
    expect(errorsOf(pod({ containers: [c({ livenessProbe: probe, readinessProbe: probe, startupProbe: probe })] }))).toEqual([
      'The Pod "x" is invalid: \n* spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1\n* spec.containers[0].startupProbe.successThreshold: Invalid value: 2: must be 1',
    ]);
  });

  it('refuses negative probe numbers and a probe without a handler', () => {
    expect(errorsOf(pod({ containers: [c({ livenessProbe: { exec: { command: ['true'] }, periodSeconds: -1 } })] }))).toEqual(
      one('Pod', 'x', 'spec.containers[0].livenessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0'),
    );
    expect(errorsOf(pod({ containers: [c({ readinessProbe: { periodSeconds: 5 } })] }))).toEqual(
      one('Pod', 'x', 'spec.containers[0].readinessProbe: Required value: must specify a handler type'),
    );
  });

  it('checks ports: numbers in range, names with a letter (so a quoted "8080" is a bad name)', () => {
    expect(errorsOf(pod({ containers: [c({ ports: [{ containerPort: 70000 }] })] }))).toEqual(
      one('Pod', 'x', 'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive'),
    );
    expect(errorsOf(pod({ containers: [c({ livenessProbe: { httpGet: { path: '/', port: '8080' } } })] }))).toEqual(
      one('Pod', 'x', 'spec.containers[0].livenessProbe.httpGet.port: Invalid value: "8080": must contain at least one letter (a-z)'),
    );
  });

  it('finds volume mounts without a volume', () => {
    expect(errorsOf(pod({ containers: [c({ volumeMounts: [{ name: 'www', mountPath: '/data' }] })] }))).toEqual(
      one('Pod', 'x', 'spec.containers[0].volumeMounts[0].name: Not found: "www"'),
    );
  });

  it('checks label values and requests against limits', () => {
    expect(errorsOf({ ...pod({}), metadata: { name: 'x', labels: { app: 'bad value' } } })).toEqual(
      one(
        'Pod',
        'x',
        `metadata.labels: Invalid value: "bad value": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ),
    );
    expect(errorsOf(pod({ containers: [c({ resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } })] }))).toEqual(
      one('Pod', 'x', 'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1'),
    );
  });

  it('bounds activeDeadlineSeconds', () => {
    expect(errorsOf(pod({ activeDeadlineSeconds: 0 }))).toEqual(
      one('Pod', 'x', 'spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive'),
    );
  });

  it('warns about names that make odd hostnames', () => {
    const r = admit(pod({}, 'web.app'));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      "Warning: metadata.name: this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]",
    ]);
  });
});

describe('PersistentVolumeClaim', () => {
  it('requires access modes and a storage request', () => {
    expect(errorsOf({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: {} })).toEqual([
      'The PersistentVolumeClaim "c" is invalid: \n* spec.accessModes: Required value: at least 1 access mode is required\n* spec.resources[storage]: Required value',
    ]);
  });
});

describe('types and unknown fields', () => {
  it('refuses replicas: "three" with kubectl\'s ValidationError', () => {
    expect(errorsOf(rs({ replicas: 'three' }), { file: 'rs.yaml' })).toEqual([
      'error: error validating "rs.yaml": error validating data: ValidationError(ReplicaSet.spec.replicas): invalid type for io.k8s.api.apps.v1.ReplicaSetSpec.replicas: got "string", expected "integer"; if you choose to ignore these errors, turn validation off with --validate=false',
    ]);
  });

  it('lists several type errors in brackets', () => {
    expect(errorsOf(pod({ containers: { name: 'web' }, restartPolicy: ['Always'] }), { file: 'p.yaml' })).toEqual([
      'error: error validating "p.yaml": error validating data: [ValidationError(Pod.spec.containers): invalid type for io.k8s.api.core.v1.PodSpec.containers: got "map", expected "array", ValidationError(Pod.spec.restartPolicy): invalid type for io.k8s.api.core.v1.PodSpec.restartPolicy: got "array", expected "string"]; if you choose to ignore these errors, turn validation off with --validate=false',
    ]);
  });

  it('refuses unknown fields (kubectl --validate=strict, the default)', () => {
    expect(errorsOf(pod({ foo: 1, containers: [c({ imagePullPolicyy: 'Always' })] }), { file: 'p.yaml' })).toEqual([
      'Error from server (BadRequest): error when creating "p.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolicyy", unknown field "spec.foo"',
    ]);
  });

  it('passes on what the server\'s JSON decoder refuses: numbers for strings, YAML 1.1 booleans, bad quantities', () => {
    const bad = (raw: Record<string, unknown>) => errorsOf(raw, { file: 'p.yaml' });
    const prefix = 'Error from server (BadRequest): error when creating "p.yaml": Pod in version "v1" cannot be handled as a Pod: ';
    expect(bad({ ...pod({}), metadata: { name: 'x', labels: { version: 1 } } })).toEqual([
      `${prefix}json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string`,
    ]);
    expect(bad(pod({ containers: [c({ env: [{ name: 'DEBUG', value: true }] })] }))).toEqual([
      `${prefix}json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string`,
    ]);
    expect(bad(pod({ containers: [c({ resources: { limits: { memory: 'lots' } } })] }))).toEqual([
      `${prefix}quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    ]);
  });
});

describe('field errors point at lines', () => {
  it('keeps the causes with their paths, which lineOf turns into lines', () => {
    const text = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: kubia
spec:
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      restartPolicy: Never
      containers:
      - name: kubia
        image: luksa/kubia
`;
    const doc = parseManifests(text, 'rs.yaml').documents[0];
    const r = admit(doc.object, { file: 'rs.yaml' });
    expect(r.fieldErrors.map((e) => [e.field, e.type, e.detail, e.value])).toEqual([
      ['spec.template.spec.restartPolicy', 'FieldValueNotSupported', 'supported values: "Always"', 'Never'],
    ]);
    expect(doc.lineOf(r.fieldErrors[0].path)).toBe(14);
  });

  it('gives map keys as path keys (spec.resources[storage] → resources.storage)', () => {
    const r = admit({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '0' } } } });
    expect(r.fieldErrors.map((e: Any) => [e.field, e.path])).toEqual([['spec.resources[storage]', ['spec', 'resources', 'storage']]]);
  });
});

describe('rendering', () => {
  it('has the aggregate form kubectl prints when several documents of one apply fail', () => {
    const r = admit(job({ template: { spec: { containers: [{ image: 'perl' }] } } }));
    expect(formatInvalidStatus('Job', 'pi', r.fieldErrors, 'pi.yaml')).toBe(
      'Error from server (Invalid): error when creating "pi.yaml": Job.batch "pi" is invalid: [spec.template.spec.containers[0].name: Required value, spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"]',
    );
  });

  it('does not modify its input, even a frozen one (state objects are frozen by immer)', () => {
    const deepFreeze = (o: Any): Any => {
      for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v);
      return Object.freeze(o);
    };
    const raw = deepFreeze(rs({}));
    const before = JSON.stringify(raw);
    expect(admit(raw).errors).toEqual([]);
    expect(JSON.stringify(raw)).toBe(before);
  });
});
