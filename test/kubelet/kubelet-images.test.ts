// Image pulls (pkg/kubelet/images/image_manager.go): pull policies, what the node has, failures and the image
// back-off, the serialized puller, and the exact event texts.

import { describe, expect, it } from 'vitest';
import type { Container } from '../../src/cluster/api/types.js';
import { imageInfo } from '../../src/cluster/kubelet/catalog.js';
import { advance, cluster, createPod, events, pod, podManifest, row, watch } from './kubelet-helpers.js';

const waiting = (s: Parameters<typeof pod>[0], name: string) => pod(s, name)!.status.containerStatuses![0].state.waiting;

describe('pull policy', () => {
  it('IfNotPresent pulls once per node; the next pod finds the image there', () => {
    let s = createPod(cluster(), podManifest('a', [{ name: 'c', image: 'nginx:1.16' }]));
    s = advance(s, 10_000);
    s = createPod(s, podManifest('b', [{ name: 'c', image: 'nginx:1.16' }]));
    s = advance(s, 2000);
    expect(events(s, 'b')).toEqual([
      'Normal Pulled Container image "nginx:1.16" already present on machine',
      'Normal Created Created container c',
      'Normal Started Started container c',
    ]);
    expect(row(s, 'b')).toBe('1/1 Running 0');
  });

  it('Always pulls every time; with the layers already there only the manifest is fetched', () => {
    let s = createPod(cluster(), podManifest('a', [{ name: 'c', image: 'nginx:1.16' }]));
    s = advance(s, 10_000);
    s = createPod(s, podManifest('b', [{ name: 'c', image: 'nginx:1.16', imagePullPolicy: 'Always' }]));
    s = advance(s, 2000);
    expect(events(s, 'b').slice(0, 2)).toEqual([
      'Normal Pulling Pulling image "nginx:1.16"',
      `Normal Pulled Successfully pulled image "nginx:1.16" in 500ms (500ms including waiting). Image size: ${imageInfo('nginx:1.16').sizeBytes} bytes.`,
    ]);
  });

  it('an image without a tag defaults to Always (`:latest`)', () => {
    let s = createPod(cluster(), podManifest('a', [{ name: 'c', image: 'busybox', command: ['sleep', '1000'] }]));
    s = advance(s, 10_000);
    s = createPod(s, podManifest('b', [{ name: 'c', image: 'busybox', command: ['sleep', '1000'] }]));
    s = advance(s, 2000);
    expect(events(s, 'b')[0]).toBe('Normal Pulling Pulling image "busybox"');
  });

  it('Never with the image absent: ErrImageNeverPull, retried by the pod worker every 10s', () => {
    const { changes, state } = watch(createPod(cluster(), podManifest('p', [{ name: 'c', image: 'nginx:1.16', imagePullPolicy: 'Never' }])), 'p', 25_000);
    expect(changes).toEqual([[0.1, '0/1 ContainerCreating 0'], [1, '0/1 ErrImageNeverPull 0']]);
    expect(waiting(state, 'p')).toEqual({ reason: 'ErrImageNeverPull', message: 'Container image "nginx:1.16" is not present with pull policy of Never' });
    expect(events(state, 'p')).toEqual([
      'Warning ErrImageNeverPull (x3) Container image "nginx:1.16" is not present with pull policy of Never',
      'Warning Failed (x3) Error: ErrImageNeverPull',
    ]);
  });

  it('Never with a preloaded image (c1t1d0s7/myweb, as the notes run it) starts at once', () => {
    const s = advance(createPod(cluster(), podManifest('p', [{ name: 'testapp', image: 'c1t1d0s7/myweb', imagePullPolicy: 'Never' }])), 1000);
    expect(row(s, 'p')).toBe('1/1 Running 0');
    expect(events(s, 'p')[0]).toBe('Normal Pulled Container image "c1t1d0s7/myweb" already present on machine');
  });
});

describe('failed pulls', () => {
  it('ErrImagePull, then ImagePullBackOff between attempts 10s, 20s, 40s apart', () => {
    const { changes, state } = watch(createPod(cluster(), podManifest('p', [{ name: 'c', image: 'nginx:does-not-exist' }])), 'p', 90_000, 500);
    expect(changes).toEqual([
      [0.5, '0/1 ContainerCreating 0'],
      [2, '0/1 ErrImagePull 0'],
      [23, '0/1 ImagePullBackOff 0'],
      [33.5, '0/1 ErrImagePull 0'],
      [43.5, '0/1 ImagePullBackOff 0'],
      [74.5, '0/1 ErrImagePull 0'],
      [84.5, '0/1 ImagePullBackOff 0'],
    ]);
    const err = 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:does-not-exist": failed to resolve reference "docker.io/library/nginx:does-not-exist": docker.io/library/nginx:does-not-exist: not found';
    expect(waiting(state, 'p')).toEqual({ reason: 'ImagePullBackOff', message: `Back-off pulling image "nginx:does-not-exist": ErrImagePull: ${err}` });
    expect(pod(state, 'p')!.status.phase).toBe('Pending');
    expect(events(state, 'p')).toEqual([
      'Normal Pulling (x4) Pulling image "nginx:does-not-exist"',
      `Warning Failed (x4) Failed to pull image "nginx:does-not-exist": ${err}`,
      'Warning Failed (x4) Error: ErrImagePull',
      'Normal BackOff (x5) Back-off pulling image "nginx:does-not-exist"',
      'Warning Failed (x5) Error: ImagePullBackOff',
    ]);
  });

  it('an invalid image name: InvalidImageName', () => {
    const s = advance(createPod(cluster(), podManifest('p', [{ name: 'c', image: 'Nginx' }])), 3000);
    expect(row(s, 'p')).toBe('0/1 InvalidImageName 0');
    expect(waiting(s, 'p')!.message).toBe('Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name must be lowercase');
    expect(events(s, 'p')).toContain('Warning Failed Error: InvalidImageName');
  });
});

describe('the serialized puller', () => {
  it('pulls one image at a time per node; a waiting pull of an image just fetched only checks the manifest', () => {
    const c = (image: string): Container[] => [{ name: 'c', image }];
    let s = createPod(cluster(), podManifest('a', c('nginx:1.16')));
    s = createPod(s, podManifest('b', c('luksa/kubia')));
    s = createPod(s, podManifest('c', c('nginx:1.16')));
    s = advance(s, 15_000);
    const pulled = (n: string) => events(s, n).find((e) => e.includes('Successfully pulled'));
    // All three ask at 1s; nginx:1.16 takes 3s, then kubia 3.5s, then nginx:1.16 again only 500ms.
    expect(pulled('a')).toMatch(/in 3s \(3s including waiting\)/);
    expect(pulled('b')).toMatch(/in 3\.5s \(6\.5s including waiting\)/);
    expect(pulled('c')).toMatch(/in 500ms \(7s including waiting\)/);
    expect(pod(s, 'c')!.status.containerStatuses![0].state.running!.startedAt).toBe('2025-01-01T00:00:08Z');
  });
});
