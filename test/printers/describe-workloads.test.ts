import { describe, expect, it } from 'vitest';
import type { DaemonSet, ReplicationController, StatefulSet } from '../../src/cluster/api/types.js';
import { describe as describeObject } from '../../src/cluster/printers/describe/index.js';
import { at, container, event, ownedPod, replicaSet, runningPod, stateWith } from './fixtures.js';

const lines = (...l: string[]) => [...l, ''].join('\n');

describe('kubectl describe rs / rc', () => {
  it('counts the pods it controls by phase and lists its events', () => {
    const rs = replicaSet('kubia');
    const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'kubia', uid: rs.metadata.uid };
    const pods = [
      ownedPod('kubia-a', owner, { app: 'kubia' }),
      ownedPod('kubia-b', owner, { app: 'kubia' }),
      ownedPod('kubia-c', owner, { app: 'kubia' }, 'Pending'),
      // An orphan with the right labels and a pod of another owner are not counted.
      runningPod('stray', { meta: { labels: { app: 'kubia' } } }),
      ownedPod('other-x', { ...owner, name: 'other', uid: 'uid-other' }, { app: 'kubia' }),
    ];
    const events = pods.slice(0, 3).map((p, i) => event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${p.metadata.name}`, 'replicaset-controller', i));
    expect(describeObject(stateWith([rs, ...pods, ...events], 180), 'ReplicaSet', 'default/kubia')).toBe(
      lines(
        'Name:         kubia',
        'Namespace:    default',
        'Selector:     app=kubia',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Replicas:     3 current / 3 desired',
        'Pods Status:  2 Running / 1 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=kubia',
        '  Containers:',
        '   kubia:',
        '    Image:         luksa/kubia',
        '    Port:          8080/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:',
        '  Type    Reason            Age    From                   Message',
        '  ----    ------            ----   ----                   -------',
        '  Normal  SuccessfulCreate  3m     replicaset-controller  Created pod: kubia-a',
        '  Normal  SuccessfulCreate  2m59s  replicaset-controller  Created pod: kubia-b',
        '  Normal  SuccessfulCreate  2m58s  replicaset-controller  Created pod: kubia-c',
      ),
    );
  });

  it('an RC prints its map selector and a ReplicaFailure condition table', () => {
    const rc: ReplicationController = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'kubia', namespace: 'default', uid: 'uid-rc', creationTimestamp: at(0), labels: { app: 'kubia' } },
      spec: { replicas: 3, selector: { app: 'kubia' }, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [container('kubia', 'luksa/kubia', { ports: [{ containerPort: 8080 }] })] } } },
      status: { replicas: 2, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "kubia-x" is forbidden: exceeded quota' }] },
    };
    expect(describeObject(stateWith([rc], 60), 'ReplicationController', 'default/kubia')).toBe(
      lines(
        'Name:         kubia',
        'Namespace:    default',
        'Selector:     app=kubia',
        'Labels:       app=kubia',
        'Annotations:  <none>',
        'Replicas:     2 current / 3 desired',
        'Pods Status:  0 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=kubia',
        '  Containers:',
        '   kubia:',
        '    Image:         luksa/kubia',
        '    Port:          8080/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type             Status  Reason',
        '  ----             ------  ------',
        '  ReplicaFailure   True    FailedCreate',
        'Events:            <none>',
      ),
    );
  });
});

describe('kubectl describe ds / sts', () => {
  it('DaemonSet: node counts lines, Node-Selector and template', () => {
    const ds: DaemonSet = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'ssd-monitor', namespace: 'default', uid: 'uid-ds', creationTimestamp: at(0), annotations: { 'deprecated.daemonset.template.generation': '1' } },
      spec: { selector: { matchLabels: { app: 'ssd-monitor' } }, template: { metadata: { labels: { app: 'ssd-monitor' } }, spec: { nodeSelector: { disk: 'ssd' }, containers: [container('main', 'luksa/ssd-monitor')] } } },
      status: { desiredNumberScheduled: 1, currentNumberScheduled: 1, numberReady: 1, updatedNumberScheduled: 1, numberAvailable: 1, numberMisscheduled: 0 },
    };
    const owner = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ssd-monitor', uid: 'uid-ds' };
    const p = ownedPod('ssd-monitor-7hq2k', owner, { app: 'ssd-monitor' });
    const e = event(ds, 'Normal', 'SuccessfulCreate', 'Created pod: ssd-monitor-7hq2k', 'daemonset-controller', 2);
    expect(describeObject(stateWith([ds, p, e], 62), 'DaemonSet', 'default/ssd-monitor')).toBe(
      lines(
        'Name:           ssd-monitor',
        'Namespace:      default',
        'Selector:       app=ssd-monitor',
        'Node-Selector:  disk=ssd',
        'Labels:         <none>',
        'Annotations:    deprecated.daemonset.template.generation: 1',
        'Desired Number of Nodes Scheduled: 1',
        'Current Number of Nodes Scheduled: 1',
        'Number of Nodes Scheduled with Up-to-date Pods: 1',
        'Number of Nodes Scheduled with Available Pods: 1',
        'Number of Nodes Misscheduled: 0',
        'Pods Status:  1 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=ssd-monitor',
        '  Containers:',
        '   main:',
        '    Image:         luksa/ssd-monitor',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  disk=ssd',
        '  Tolerations:     <none>',
        'Events:',
        '  Type    Reason            Age   From                  Message',
        '  ----    ------            ----  ----                  -------',
        '  Normal  SuccessfulCreate  60s   daemonset-controller  Created pod: ssd-monitor-7hq2k',
      ),
    );
  });

  it('StatefulSet: replicas, update strategy with partition, volume claim templates', () => {
    const sts: StatefulSet = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web', namespace: 'default', uid: 'uid-sts', creationTimestamp: at(0) },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'nginx' } },
        serviceName: 'nginx',
        template: {
          metadata: { labels: { app: 'nginx' } },
          spec: { containers: [container('nginx', 'registry.k8s.io/nginx-slim:0.8', { ports: [{ containerPort: 80, name: 'web' }], volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] })] },
        },
        volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
      status: { replicas: 2, readyReplicas: 2 },
    };
    const owner = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'uid-sts' };
    const pods = [ownedPod('web-0', owner, { app: 'nginx' }), ownedPod('web-1', owner, { app: 'nginx' })];
    expect(describeObject(stateWith([sts, ...pods], 180), 'StatefulSet', 'default/web')).toBe(
      lines(
        'Name:               web',
        'Namespace:          default',
        'CreationTimestamp:  Wed, 01 Jan 2025 00:00:00 +0000',
        'Selector:           app=nginx',
        'Labels:             <none>',
        'Annotations:        <none>',
        'Replicas:           2 desired | 2 total',
        'Update Strategy:    RollingUpdate',
        '  Partition:        0',
        'Pods Status:        2 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=nginx',
        '  Containers:',
        '   nginx:',
        '    Image:        registry.k8s.io/nginx-slim:0.8',
        '    Port:         80/TCP',
        '    Host Port:    0/TCP',
        '    Environment:  <none>',
        '    Mounts:',
        '      /usr/share/nginx/html from www (rw)',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Volume Claims:',
        '  Name:          www',
        '  StorageClass:  ',
        '  Labels:        <none>',
        '  Annotations:   <none>',
        '  Capacity:      1Gi',
        '  Access Modes:  [ReadWriteOnce]',
        'Events:          <none>',
      ),
    );
  });
});
