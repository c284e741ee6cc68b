import { describe, expect, it } from 'vitest';
import { admit } from '../../src/cluster/manifest/admit.js';
import { resolveKind, resourceMappingError } from '../../src/cluster/manifest/kinds.js';

describe('resolveKind', () => {
  it.each([
    ['v1', 'Pod'],
    ['v1', 'Node'],
    ['v1', 'ReplicationController'],
    ['v1', 'PersistentVolumeClaim'],
    ['v1', 'Event'],
    ['apps/v1', 'ReplicaSet'],
    ['apps/v1', 'DaemonSet'],
    ['apps/v1', 'StatefulSet'],
    ['batch/v1', 'Job'],
    ['batch/v1', 'CronJob'],
  ])('serves %s %s as is', (apiVersion, kind) => {
    expect(resolveKind(apiVersion, kind)).toEqual({ ok: true, kind, apiVersion, requested: apiVersion });
  });

  it.each([
    ['apps/v1beta2', 'ReplicaSet', 'apps/v1', 'v1.16'],
    ['extensions/v1beta1', 'ReplicaSet', 'apps/v1', 'v1.16'],
    ['apps/v1beta2', 'DaemonSet', 'apps/v1', 'v1.16'],
    ['extensions/v1beta1', 'DaemonSet', 'apps/v1', 'v1.16'],
    ['apps/v1beta1', 'StatefulSet', 'apps/v1', 'v1.16'],
    ['apps/v1beta2', 'StatefulSet', 'apps/v1', 'v1.16'],
    ['batch/v1beta1', 'CronJob', 'batch/v1', 'v1.25'],
    ['batch/v2alpha1', 'CronJob', 'batch/v1', 'v1.21'],
  ])('converts the removed %s %s to %s with a warning', (apiVersion, kind, served, removedIn) => {
    expect(resolveKind(apiVersion, kind)).toEqual({
      ok: true,
      kind,
      apiVersion: served,
      requested: apiVersion,
      warning: `Warning: ${apiVersion} ${kind} is deprecated; kubesim converts it to ${served} (removed from Kubernetes in ${removedIn})`,
    });
  });

  it('accepts the notes\' batch/v1beta2 CronJob, saying it never was a Kubernetes version', () => {
    const r = resolveKind('batch/v1beta2', 'CronJob');
    expect(r).toMatchObject({ ok: true, kind: 'CronJob', apiVersion: 'batch/v1' });
    expect(r.ok && r.warning).toBe(
      'Warning: batch/v1beta2 CronJob is not a Kubernetes API version (a real cluster answers "no matches for kind"); kubesim converts it to batch/v1',
    );
  });

  it.each([
    ['apps/v1beta1', 'ReplicaSet'], // apps/v1beta1 never served ReplicaSets
    ['v1', 'ReplicaSet'],
    ['apps/v1', 'pod'], // kinds are case-sensitive
    ['batch/v1beta1', 'Job'],
    ['example.com/v1', 'Widget'],
  ])('refuses %s %s with kubectl\'s RESTMapper words', (apiVersion, kind) => {
    const r = resolveKind(apiVersion, kind);
    expect(r).toEqual({ ok: false, notSimulated: false, message: `no matches for kind "${kind}" in version "${apiVersion}"` });
  });

  it('prints the whole kubectl error, with the CRD hint on its own line', () => {
    const r = resolveKind('apps/v1', 'Widget');
    if (r.ok) throw new Error('expected a failure');
    expect(resourceMappingError(r, 'kubia', '', 'fixtures/w.yaml')).toBe(
      'error: resource mapping not found for name: "kubia" namespace: "" from "fixtures/w.yaml": no matches for kind "Widget" in version "apps/v1"\nensure CRDs are installed first',
    );
  });

  it('says plainly when a real kind is one kubesim does not simulate', () => {
    const r = admit({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } }, { file: 'd.yaml' });
    expect(r.errors).toEqual(['error: unable to recognize "d.yaml": kubesim does not simulate kind "Deployment" in version "apps/v1" ("web" was not created)']);
  });

  it('admit passes the conversion warning on and stores the served version', () => {
    const r = admit({
      apiVersion: 'extensions/v1beta1',
      kind: 'DaemonSet',
      metadata: { name: 'ds' },
      spec: { template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual(['Warning: extensions/v1beta1 DaemonSet is deprecated; kubesim converts it to apps/v1 (removed from Kubernetes in v1.16)']);
    const ds = r.object as { apiVersion: string; metadata: { labels?: Record<string, string> }; spec: Record<string, unknown> };
    expect(ds.apiVersion).toBe('apps/v1');
    // extensions/v1beta1 filled the selector and labels from the template, and defaulted to OnDelete.
    expect(ds.spec.selector).toEqual({ matchLabels: { app: 'x' } });
    expect(ds.metadata.labels).toEqual({ app: 'x' });
    expect(ds.spec.updateStrategy).toEqual({ type: 'OnDelete' });
  });
});
