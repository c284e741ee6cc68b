import { describe, expect, it } from 'vitest';
import type { Kind } from '../../src/cluster/api/types.js';
import { notFound, qualifiedKindName, qualifiedName, resolveResource, resourcePlural, unknownResource } from '../../src/cluster/printers/resources.js';

describe('resolveResource', () => {
  const aliases: [Kind, string[]][] = [
    ['Pod', ['po', 'pod', 'pods', 'Pod', 'PODS']],
    ['Node', ['no', 'node', 'nodes', 'Node']],
    ['ReplicationController', ['rc', 'replicationcontroller', 'replicationcontrollers', 'ReplicationController']],
    ['ReplicaSet', ['rs', 'replicaset', 'replicasets', 'ReplicaSet', 'replicasets.apps', 'replicaset.apps', 'ReplicaSet.apps', 'replicasets.v1.apps']],
    ['DaemonSet', ['ds', 'daemonset', 'daemonsets', 'DaemonSet', 'daemonsets.apps', 'daemonset.apps']],
    ['StatefulSet', ['sts', 'statefulset', 'statefulsets', 'StatefulSet', 'statefulset.apps', 'statefulsets.apps']],
    ['Job', ['job', 'jobs', 'Job', 'jobs.batch', 'job.batch', 'jobs.v1.batch']],
    ['CronJob', ['cj', 'cronjob', 'cronjobs', 'CronJob', 'cronjobs.batch', 'cronjob.batch']],
    ['PersistentVolumeClaim', ['pvc', 'persistentvolumeclaim', 'persistentvolumeclaims', 'PersistentVolumeClaim']],
    ['Event', ['ev', 'event', 'events', 'Event']],
  ];
  it.each(aliases)('%s', (kind, words) => {
    for (const w of words) expect(resolveResource(w), w).toBe(kind);
  });

  it('rejects unknown words and wrong groups', () => {
    for (const w of ['', 'deploy', 'svc', 'replicasets.batch', 'jobs.apps', 'pods.apps', 'rs.apps', 'replicasets.v2.apps']) {
      expect(resolveResource(w), w).toBeUndefined();
    }
    expect(unknownResource('deploy')).toBe('error: the server doesn\'t have a resource type "deploy"');
  });
});

describe('names kubectl prints', () => {
  it('qualified names and group resources', () => {
    expect(qualifiedName('Pod', 'kubia-x2f9k')).toBe('pod/kubia-x2f9k');
    expect(qualifiedName('ReplicaSet', 'kubia')).toBe('replicaset.apps/kubia');
    expect(qualifiedName('ReplicationController', 'kubia')).toBe('replicationcontroller/kubia');
    expect(qualifiedName('DaemonSet', 'x')).toBe('daemonset.apps/x');
    expect(qualifiedName('StatefulSet', 'web')).toBe('statefulset.apps/web');
    expect(qualifiedName('Job', 'pi')).toBe('job.batch/pi');
    expect(qualifiedName('CronJob', 'hello')).toBe('cronjob.batch/hello');
    expect(qualifiedName('PersistentVolumeClaim', 'www-web-0')).toBe('persistentvolumeclaim/www-web-0');
    expect(qualifiedName('Node', 'node-1')).toBe('node/node-1');
    expect(qualifiedKindName('ReplicaSet')).toBe('replicaset.apps');
    expect(resourcePlural('StatefulSet')).toBe('statefulsets.apps');
    expect(resourcePlural('Pod')).toBe('pods');
  });

  it('NotFound errors', () => {
    expect(notFound('ReplicaSet', 'x')).toBe('Error from server (NotFound): replicasets.apps "x" not found');
    expect(notFound('Pod', 'kubia')).toBe('Error from server (NotFound): pods "kubia" not found');
    expect(notFound('CronJob', 'hello')).toBe('Error from server (NotFound): cronjobs.batch "hello" not found');
    expect(notFound('Node', 'node-9')).toBe('Error from server (NotFound): nodes "node-9" not found');
  });
});
