import { describe, expect, it } from 'vitest';
import type { PersistentVolumeClaim } from '../../src/cluster/api/types.js';
import { describe as describeObject } from '../../src/cluster/printers/describe/index.js';
import { at, container, event, node, pod, putRow, runningPod, stateWith } from './fixtures.js';

const lines = (...l: string[]) => [...l, ''].join('\n');

describe('kubectl describe node', () => {
  it('conditions, taints, capacity, non-terminated pods with request shares, allocated resources, events', () => {
    const n = node('node-1', { unschedulable: true });
    n.spec.taints = [
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: at(100) },
      { key: 'dedicated', value: 'gpu', effect: 'NoExecute' },
    ];
    const heavy = runningPod('heavy', {
      spec: { containers: [container('c', 'img', { resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } } })] },
    });
    const light = runningPod('light', { meta: { namespace: 'kube-system', creationTimestamp: at(120) } });
    const finished = runningPod('done', { status: { phase: 'Succeeded' } });
    const elsewhere = pod('elsewhere', { spec: { nodeName: 'node-2' } });
    const events = [
      event(n, 'Normal', 'NodeNotSchedulable', 'Node node-1 status is now: NodeNotSchedulable', 'kubelet', 100),
      // kubelet events carry the node name as the uid
      { ...event(n, 'Normal', 'Starting', 'Starting kubelet.', 'kubelet', 0), involvedObject: { kind: 'Node', name: 'node-1', uid: 'node-1' } },
    ];
    const state = stateWith([n, heavy, light, finished, elsewhere, ...events], 600);
    putRow(state, 'nodeRuntime', 'node-1', { kubeletUp: true, lastHeartbeat: Date.parse(at(595)) });
    expect(describeObject(state, 'Node', 'node-1')).toBe(
      lines(
        'Name:               node-1',
        'Roles:              <none>',
        'Labels:             kubernetes.io/hostname=node-1',
        '                    kubernetes.io/os=linux',
        'Annotations:        <none>',
        'CreationTimestamp:  Wed, 01 Jan 2025 00:00:00 +0000',
        'Taints:             dedicated=gpu:NoExecute',
        '                    node.kubernetes.io/unschedulable:NoSchedule',
        'Unschedulable:      true',
        'Lease:',
        '  HolderIdentity:  node-1',
        '  AcquireTime:     <unset>',
        '  RenewTime:       Wed, 01 Jan 2025 00:09:55 +0000',
        'Conditions:',
        '  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message',
        '  ----             ------  -----------------                 ------------------                ------                       -------',
        '  MemoryPressure   False   Wed, 01 Jan 2025 00:09:50 +0000   Wed, 01 Jan 2025 00:00:10 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available',
        '  Ready            True    Wed, 01 Jan 2025 00:09:50 +0000   Wed, 01 Jan 2025 00:00:10 +0000   KubeletReady                 kubelet is posting ready status',
        'Addresses:',
        '  InternalIP:  192.168.49.2',
        '  Hostname:    node-1',
        'Capacity:',
        '  cpu:                4',
        '  ephemeral-storage:  100Gi',
        '  hugepages-1Gi:      0',
        '  hugepages-2Mi:      0',
        '  memory:             8Gi',
        '  pods:               110',
        'Allocatable:',
        '  cpu:                4',
        '  ephemeral-storage:  100Gi',
        '  hugepages-1Gi:      0',
        '  hugepages-2Mi:      0',
        '  memory:             8Gi',
        '  pods:               110',
        'System Info:',
        '  Machine ID:                 ',
        '  System UUID:                ',
        '  Boot ID:                    ',
        '  Kernel Version:             6.1.0-kubesim',
        '  OS Image:                   Debian GNU/Linux 12 (bookworm)',
        '  Operating System:           linux',
        '  Architecture:               amd64',
        '  Container Runtime Version:  containerd://1.7.24',
        '  Kubelet Version:            v1.32.0',
        '  Kube-Proxy Version:         v1.32.0',
        'PodCIDR:                      10.244.1.0/24',
        'PodCIDRs:                     10.244.1.0/24',
        'Non-terminated Pods:          (2 in total)',
        '  Namespace                   Name     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----     ------------  ----------  ---------------  -------------  ---',
        '  default                     heavy    250m (6%)     500m (12%)  64Mi (0%)        128Mi (1%)     10m',
        '  kube-system                 light    0 (0%)        0 (0%)      0 (0%)           0 (0%)         8m',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests   Limits',
        '  --------           --------   ------',
        '  cpu                250m (6%)  500m (12%)',
        '  memory             64Mi (0%)  128Mi (1%)',
        '  ephemeral-storage  0 (0%)     0 (0%)',
        '  hugepages-1Gi      0 (0%)     0 (0%)',
        '  hugepages-2Mi      0 (0%)     0 (0%)',
        'Events:',
        '  Type    Reason              Age    From     Message',
        '  ----    ------              ----   ----     -------',
        '  Normal  Starting            10m    kubelet  Starting kubelet.',
        '  Normal  NodeNotSchedulable  8m20s  kubelet  Node node-1 status is now: NodeNotSchedulable',
      ),
    );
  });
});

describe('kubectl describe pvc', () => {
  it('a bound claim with the pods that use it', () => {
    const pvc: PersistentVolumeClaim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'www-web-0', namespace: 'default', uid: 'uid-pvc', creationTimestamp: at(0), labels: { app: 'nginx' }, finalizers: ['kubernetes.io/pvc-protection'] },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard', volumeName: 'pvc-3f2a', volumeMode: 'Filesystem' },
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
    };
    const web0 = runningPod('web-0', { spec: { volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }] } });
    expect(describeObject(stateWith([pvc, web0, runningPod('unrelated')], 60), 'PersistentVolumeClaim', 'default/www-web-0')).toBe(
      lines(
        'Name:          www-web-0',
        'Namespace:     default',
        'StorageClass:  standard',
        'Status:        Bound',
        'Volume:        pvc-3f2a',
        'Labels:        app=nginx',
        'Annotations:   <none>',
        'Finalizers:    [kubernetes.io/pvc-protection]',
        'Capacity:      1Gi',
        'Access Modes:  RWO',
        'VolumeMode:    Filesystem',
        'Used By:       web-0',
        'Events:        <none>',
      ),
    );
  });
});
