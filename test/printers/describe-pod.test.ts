import { describe, expect, it } from 'vitest';
import { describe as describeObject } from '../../src/cluster/printers/describe/index.js';
import { describeProbe } from '../../src/cluster/printers/describe/containers.js';
import { podQOS } from '../../src/cluster/printers/describe/pod.js';
import { at, container, event, pod, runningPod, runningStatus, stateWith } from './fixtures.js';

const DEFAULT_TOLERATIONS = [
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 300 },
];

describe('DescribeProbe lines', () => {
  it('http-get, exec, tcp-socket and grpc with the defaulted numbers', () => {
    expect(describeProbe({ httpGet: { path: '/', port: 8080 } })).toBe('http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3');
    expect(describeProbe({ exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 })).toBe(
      'exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3',
    );
    expect(describeProbe({ tcpSocket: { port: 8080 }, failureThreshold: 30, periodSeconds: 10 })).toBe('tcp-socket :8080 delay=0s timeout=1s period=10s #success=1 #failure=30');
    expect(describeProbe({ grpc: { port: 9090 } })).toBe('grpc <pod>:9090  delay=0s timeout=1s period=10s #success=1 #failure=3');
  });

  it('renders the URL as Go does: named ports, https, host, and an escaped query in the path', () => {
    expect(describeProbe({ httpGet: { path: '/healthz', port: 'http', scheme: 'HTTPS' } })).toBe('http-get https://:http/healthz delay=0s timeout=1s period=10s #success=1 #failure=3');
    expect(describeProbe({ httpGet: { path: 'health', port: 80, host: '10.0.0.1' } })).toBe('http-get http://10.0.0.1:80/health delay=0s timeout=1s period=10s #success=1 #failure=3');
    // From the notes: `path: /health?code=404` — url.URL escapes the '?' of a Path.
    expect(describeProbe({ httpGet: { path: '/health?code=404', port: 8080 } })).toBe('http-get http://:8080/health%3Fcode=404 delay=0s timeout=1s period=10s #success=1 #failure=3');
  });
});

describe('kubectl describe pod', () => {
  it('lays out a running pod with probes, last state, conditions, tolerations and aggregated events', () => {
    const p = runningPod('kubia-x2f9k', {
      meta: { labels: { app: 'kubia', tier: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'kubia', uid: 'uid-kubia', controller: true }] },
      spec: {
        priority: 0,
        serviceAccountName: 'default',
        containers: [
          container('kubia', 'luksa/kubia', {
            ports: [{ containerPort: 8080, protocol: 'TCP' }],
            livenessProbe: { httpGet: { path: '/', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 0, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
            readinessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
            startupProbe: { tcpSocket: { port: 8080 }, failureThreshold: 30 },
          }),
        ],
        tolerations: DEFAULT_TOLERATIONS,
      },
      status: {
        containerStatuses: [
          runningStatus('kubia', { restartCount: 2, startedAt: at(100), lastState: { terminated: { exitCode: 137, reason: 'Error', startedAt: at(40), finishedAt: at(95) } } }),
        ],
      },
    });
    const events = [
      event(p, 'Warning', 'Unhealthy', 'Liveness probe failed: HTTP probe failed with statuscode: 500', 'kubelet', 30, 90, 3, 'spec.containers{kubia}'),
      event(p, 'Normal', 'Scheduled', 'Successfully assigned default/kubia-x2f9k to node-1', 'default-scheduler', 0),
      // Another object's event must not show up.
      event(pod('other'), 'Normal', 'Scheduled', 'Successfully assigned default/other to node-1', 'default-scheduler', 0),
    ];
    const state = stateWith([p, ...events], 150);
    expect(describeObject(state, 'Pod', 'default/kubia-x2f9k')).toBe(
      [
        'Name:             kubia-x2f9k',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             node-1/192.168.49.2',
        'Start Time:       Wed, 01 Jan 2025 00:00:01 +0000',
        'Labels:           app=kubia',
        '                  tier=web',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.5',
        'IPs:',
        '  IP:           10.244.1.5',
        'Controlled By:  ReplicaSet/kubia',
        'Containers:',
        '  kubia:',
        '    Container ID:   containerd://9f2a6c1e4b7d',
        '    Image:          luksa/kubia',
        '    Image ID:       docker.io/luksa/kubia@sha256:3f28e304dc0f63dc30f273a4202096f0fa0d08510bd2ee7e1032ce600616de24',
        '    Port:           8080/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Wed, 01 Jan 2025 00:01:40 +0000',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    137',
        '      Started:      Wed, 01 Jan 2025 00:00:40 +0000',
        '      Finished:     Wed, 01 Jan 2025 00:01:35 +0000',
        '    Ready:          True',
        '    Restart Count:  2',
        '    Liveness:       http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Readiness:      exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3',
        '    Startup:        tcp-socket :8080 delay=0s timeout=1s period=10s #success=1 #failure=30',
        '    Environment:    <none>',
        '    Mounts:         <none>',
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:                      <none>',
        'QoS Class:                    BestEffort',
        'Node-Selectors:               <none>',
        'Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                              node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type     Reason     Age               From               Message',
        '  ----     ------     ----              ----               -------',
        '  Normal   Scheduled  2m30s             default-scheduler  Successfully assigned default/kubia-x2f9k to node-1',
        '  Warning  Unhealthy  60s (x3 over 2m)  kubelet            Liveness probe failed: HTTP probe failed with statuscode: 500',
        '',
      ].join('\n'),
    );
  });

  it('a pending pod: no node, waiting container, init containers, volumes, env, mounts, resources; no events', () => {
    const p = pod('web-0', {
      meta: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"big":"json"}\n', note: 'hello' } },
      spec: {
        initContainers: [container('init', 'busybox', { command: ['sh', '-c', 'echo init'] })],
        containers: [
          container('nginx', 'nginx:1.27', {
            ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443, protocol: 'TCP' }],
            env: [{ name: 'MODE', value: 'prod' }],
            resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
            volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }, { name: 'cache', mountPath: '/cache', readOnly: true }],
          }),
        ],
        volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }, { name: 'cache', emptyDir: {} }],
        nodeSelector: { disk: 'ssd' },
      },
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }],
      },
    });
    expect(describeObject(stateWith([p], 60), 'Pod', 'default/web-0')).toBe(
      [
        'Name:         web-0',
        'Namespace:    default',
        'Node:         <none>',
        'Labels:       <none>',
        'Annotations:  note: hello',
        'Status:       Pending',
        'IP:           ',
        'IPs:          <none>',
        'Init Containers:',
        '  init:',
        '    Image:      busybox',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Command:',
        '      sh',
        '      -c',
        '      echo init',
        '    Environment:  <none>',
        '    Mounts:       <none>',
        'Containers:',
        '  nginx:',
        '    Image:       nginx:1.27',
        '    Ports:       80/TCP, 443/TCP',
        '    Host Ports:  0/TCP, 0/TCP',
        '    Limits:',
        '      memory:  128Mi',
        '    Requests:',
        '      cpu:     100m',
        '      memory:  64Mi',
        '    Environment:',
        '      MODE:  prod',
        '    Mounts:',
        '      /cache from cache (ro)',
        '      /usr/share/nginx/html from www (rw)',
        'Conditions:',
        '  Type           Status',
        '  PodScheduled   False ',
        'Volumes:',
        '  www:',
        '    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
        '    ClaimName:  www-web-0',
        '    ReadOnly:   false',
        '  cache:',
        "    Type:        EmptyDir (a temporary directory that shares a pod's lifetime)",
        '    Medium:      ',
        '    SizeLimit:   <unset>',
        'QoS Class:       Burstable',
        'Node-Selectors:  disk=ssd',
        'Tolerations:     <none>',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });

  it('a pod being deleted shows how long it has been terminating', () => {
    const p = runningPod('kubia-x2f9k', { meta: { deletionTimestamp: at(100), deletionGracePeriodSeconds: 30 } });
    const out = describeObject(stateWith([p], 125), 'Pod', 'default/kubia-x2f9k');
    expect(out).toContain('Status:                    Terminating (lasts 25s)\nTermination Grace Period:  30s\n');
  });

  it('an unknown pod gives the NotFound error', () => {
    expect(describeObject(stateWith([]), 'Pod', 'default/nope')).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});

describe('QoS class', () => {
  const withResources = (resources: object[]) => pod('p', { spec: { containers: resources.map((r, i) => container(`c${i}`, 'img', { resources: r })) } });
  it('BestEffort, Burstable, Guaranteed as ComputePodQOS decides', () => {
    expect(podQOS(withResources([{}]))).toBe('BestEffort');
    expect(podQOS(withResources([{ requests: { cpu: '100m' } }]))).toBe('Burstable');
    expect(podQOS(withResources([{ limits: { cpu: '1', memory: '1Gi' } }]))).toBe('Guaranteed');
    expect(podQOS(withResources([{ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } }]))).toBe('Burstable');
    expect(podQOS(withResources([{ limits: { cpu: '1', memory: '1Gi' } }, {}]))).toBe('Burstable');
    expect(podQOS(pod('p', { status: { phase: 'Running', qosClass: 'Guaranteed' } }))).toBe('Guaranteed');
  });
});
