import { describe, expect, it } from 'vitest';
import { c, tpl, rs, ds, sts, errorsOf, one } from './builders.js';

describe('ReplicaSet and ReplicationController', () => {
  it('refuses a selector that does not select the template, printing the labels as a Go map', () => {
    expect(errorsOf(rs({ template: tpl({ app: 'b' }) }))).toEqual(
      one('ReplicaSet', 'kubia', 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"b"}: `selector` does not match template `labels`'),
    );
  });

  it('requires a selector (and then nothing matches the template)', () => {
    expect(errorsOf(rs({ selector: undefined }))).toEqual([
      'The ReplicaSet "kubia" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"a"}: `selector` does not match template `labels`',
    ]);
  });

  it('refuses an empty selector with the (sic) deployment message', () => {
    expect(errorsOf(rs({ selector: {} }))).toEqual(
      one(
        'ReplicaSet',
        'kubia',
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
      ),
    );
  });

  it('requires values for In/NotIn and forbids them for Exists/DoesNotExist', () => {
    const inNoValues = { matchExpressions: [{ key: 'app', operator: 'In' }] };
    expect(errorsOf(rs({ selector: inNoValues }))).toEqual([
      'The ReplicaSet "kubia" is invalid: \n* spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is \'In\' or \'NotIn\'\n* spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"In", Values:[]string(nil)}}}: invalid label selector',
    ]);
    const existsWithValues = { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['a'] }] };
    expect(errorsOf(rs({ selector: existsWithValues }))[0]).toContain(
      "* spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    );
  });

  it('names a bad operator, e.g. the notes\' `In  // comment`', () => {
    const sel = { matchExpressions: [{ key: 'app', operator: 'In  \t\t// x', values: ['a'] }] };
    expect(errorsOf(rs({ selector: sel }))[0]).toContain('* spec.selector.matchExpressions[0].operator: Invalid value: "In  \\t\\t// x": not a valid selector operator');
  });

  it('requires restartPolicy Always and non-negative replicas', () => {
    expect(errorsOf(rs({ template: tpl({ app: 'a' }, { restartPolicy: 'Never' }) }))).toEqual(
      one('ReplicaSet', 'kubia', 'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'),
    );
    expect(errorsOf(rs({ replicas: -1 }))).toEqual(one('ReplicaSet', 'kubia', 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'));
  });

  it('reports template label errors at spec.template.labels, as the API server does', () => {
    expect(errorsOf(rs({ selector: { matchLabels: { app: 'a' } }, template: tpl({ app: 'a', 'bad key!': 'x' }) }))[0]).toContain(
      `spec.template.labels: Invalid value: "bad key!": name part must consist of alphanumeric characters`,
    );
  });

  it('ReplicationController: a selector is required when the template has no labels', () => {
    expect(errorsOf({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' }, spec: { template: tpl(undefined) } })).toEqual(
      one('ReplicationController', 'rc', 'spec.selector: Required value'),
    );
    expect(errorsOf({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' }, spec: { selector: { app: 'a' } } })).toEqual(
      one('ReplicationController', 'rc', 'spec.template: Required value'),
    );
  });
});

describe('DaemonSet', () => {
  it('checks selector and template like a ReplicaSet', () => {
    expect(errorsOf(ds({ template: tpl({ app: 'b' }) }))).toEqual(
      one('DaemonSet', 'ds', 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"b"}: `selector` does not match template `labels`'),
    );
    expect(errorsOf(ds({ selector: { matchLabels: {} } }))).toEqual(
      one(
        'DaemonSet',
        'ds',
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for daemonset',
      ),
    );
  });

  it('checks the rolling update numbers', () => {
    const ru = (rollingUpdate: Record<string, unknown>) => ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate } });
    expect(errorsOf(ru({ maxUnavailable: 0 }))).toEqual(
      one('DaemonSet', 'ds', 'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0'),
    );
    expect(errorsOf(ru({ maxUnavailable: 1, maxSurge: 1 }))).toEqual(
      one('DaemonSet', 'ds', 'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero'),
    );
    expect(errorsOf(ru({ maxUnavailable: '50' }))).toEqual(
      one(
        'DaemonSet',
        'ds',
        "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"50\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      ),
    );
    expect(errorsOf(ds({ updateStrategy: { type: 'Sometimes' } }))).toEqual(
      one(
        'DaemonSet',
        'ds',
        'spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Sometimes", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"',
      ),
    );
  });
});

describe('StatefulSet', () => {
  it('needs a DNS label for a name (a dot is named as such)', () => {
    expect(errorsOf(sts({}, 'web.app'))).toEqual(one('StatefulSet', 'web.app', 'metadata.name: Invalid value: "web.app": must not contain dots'));
  });

  it('checks restartPolicy, podManagementPolicy and the update strategy', () => {
    expect(errorsOf(sts({ template: tpl({ app: 'a' }, { restartPolicy: 'OnFailure' }) }))).toEqual(
      one('StatefulSet', 'web', 'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'),
    );
    expect(errorsOf(sts({ podManagementPolicy: 'AllAtOnce' }))).toEqual(
      one('StatefulSet', 'web', `spec.podManagementPolicy: Invalid value: "AllAtOnce": must be 'OrderedReady' or 'Parallel'`),
    );
    expect(errorsOf(sts({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: -1 } } }))).toEqual(
      one('StatefulSet', 'web', 'spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0'),
    );
  });

  it('does not validate the template pod spec (volume mounts may name claim templates)', () => {
    const t = tpl({ app: 'a' }, { containers: [c({ volumeMounts: [{ name: 'www', mountPath: '/d' }] })] });
    expect(errorsOf(sts({ template: t }))).toEqual([]);
  });
});
