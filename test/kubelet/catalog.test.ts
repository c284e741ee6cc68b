import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  catalog, catalogWarnings, imageEntry, imageInfo, loadCatalog, preloadedImages, useCatalog,
} from '../../src/cluster/kubelet/catalog.js';
import { parseImageRef } from '../../src/cluster/kubelet/image-ref.js';

afterEach(() => {
  delete process.env.KUBESIM_IMAGES;
  useCatalog();
});

/** Every image the notes use, as they write it. */
const NOTES_IMAGES = [
  'luksa/kubia', 'mycool0905/kubia', 'luksa/kubia-unhealthy', 'luksa/batch-job', 'luksa/ssd-monitor', 'nginx:1.16',
  'ghcr.io/c1t1d0s7/go-myweb', 'c1t1d0s7/myweb', 'amsy810/tools:v2.0', 'amsy810/random-exit:v2.0',
];

describe('the shipped catalog', () => {
  it('loads without warnings', () => {
    expect(catalogWarnings()).toEqual([]);
  });

  it('describes every image of the notes (none falls back to "unknown")', () => {
    for (const image of NOTES_IMAGES) expect(imageEntry(image), image).not.toBe(catalog().unknown);
    for (const image of ['nginx', 'nginx:1.25', 'busybox', 'busybox:1.36', 'alpine', 'alpine:3.20', 'registry.k8s.io/busybox']) {
      expect(imageEntry(image), image).not.toBe(catalog().unknown);
    }
  });

  it('gives every image a size and a pull of a few seconds', () => {
    for (const image of NOTES_IMAGES) {
      const info = imageInfo(image);
      expect(info.exists, image).toBe(true);
      expect(info.sizeBytes, image).toBeGreaterThan(100_000);
      expect(info.pullMs, image).toBeGreaterThanOrEqual(1_000);
      expect(info.pullMs, image).toBeLessThanOrEqual(5_000);
    }
    // The notes' watch: ContainerCreating at 0s → Running at 4s.
    expect(imageInfo('luksa/kubia').pullMs).toBeGreaterThanOrEqual(2_000);
    expect(imageInfo('luksa/kubia').pullMs).toBeLessThanOrEqual(4_000);
    expect(imageInfo('ghcr.io/c1t1d0s7/go-myweb').pullMs).toBeLessThan(4_000);
  });

  it('tells nginx 1.16 from other nginx tags', () => {
    expect(imageInfo('nginx:1.16')).toEqual({ exists: true, sizeBytes: 51015423, pullMs: 3000, preloaded: false, ref: 'docker.io/library/nginx:1.16' });
    expect(imageInfo('docker.io/library/nginx:1.16').sizeBytes).toBe(51015423);
    expect(imageInfo('nginx:1.17').sizeBytes).toBe(imageInfo('nginx').sizeBytes);
    expect(imageInfo('nginx').ref).toBe('docker.io/library/nginx:latest');
  });

  it('has c1t1d0s7/myweb on every node (the notes use imagePullPolicy: Never)', () => {
    expect(imageInfo('c1t1d0s7/myweb').preloaded).toBe(true);
    expect(imageInfo('ghcr.io/c1t1d0s7/go-myweb').preloaded).toBe(false);
    expect(preloadedImages()).toEqual(['docker.io/c1t1d0s7/myweb:latest']);
  });

  it('says images it does not list exist', () => {
    expect(imageInfo('example/app:v3')).toEqual({
      exists: true, sizeBytes: 52428800, pullMs: 2500, preloaded: false, ref: 'docker.io/example/app:v3',
    });
  });

  it('fails every pull of a :does-not-exist tag, as containerd reports it', () => {
    for (const [image, ref] of [['nginx:does-not-exist', 'docker.io/library/nginx:does-not-exist'],
      ['example/app:does-not-exist', 'docker.io/example/app:does-not-exist']]) {
      const info = imageInfo(image);
      expect(info.exists).toBe(false);
      expect(info.pullError).toBe(`rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": `
        + `failed to resolve reference "${ref}": ${ref}: not found`);
    }
  });

  it('rejects names that are not image references', () => {
    expect(imageInfo('Nginx')).toMatchObject({
      exists: false,
      invalid: 'couldn\'t parse image name "Nginx": invalid reference format: repository name must be lowercase',
    });
    for (const bad of ['nginx:', 'nginx::1', 'ng inx', 'nginx@sha256:xyz', '']) {
      expect(imageInfo(bad).invalid, bad).toBe(`couldn't parse image name "${bad}": invalid reference format`);
    }
  });
});

describe('parseImageRef', () => {
  it('normalises as containerd does', () => {
    expect(parseImageRef('nginx')).toEqual({ canonical: 'docker.io/library/nginx:latest', name: 'nginx', tag: 'latest', digest: undefined });
    expect(parseImageRef('luksa/kubia:v2')).toMatchObject({ canonical: 'docker.io/luksa/kubia:v2', name: 'luksa/kubia', tag: 'v2' });
    expect(parseImageRef('ghcr.io/c1t1d0s7/go-myweb')).toMatchObject({ canonical: 'ghcr.io/c1t1d0s7/go-myweb:latest', name: 'ghcr.io/c1t1d0s7/go-myweb' });
    expect(parseImageRef('localhost:5000/app:1')).toMatchObject({ canonical: 'localhost:5000/app:1', name: 'localhost:5000/app', tag: '1' });
    const digest = 'sha256:' + 'a'.repeat(64);
    expect(parseImageRef(`busybox@${digest}`)).toMatchObject({ canonical: `docker.io/library/busybox@${digest}`, tag: undefined, digest });
  });
});

describe('loadCatalog', () => {
  const base = `
unknown: { sizeBytes: 1000, pullMs: 100, cmd: [/app] }
images:
  base/app: { sizeBytes: 2000000, pullMs: 1500, cmd: [sleep, "10"] }
  base/child: { like: base/app, pullMs: 900 }
`;
  it('inherits with like, and later files replace fields', () => {
    const c = loadCatalog([{ origin: 'a', text: base }, { origin: 'b', text: 'images:\n  base/app: { pullMs: 700 }\n  new/one: {}\n' }]);
    expect(c.warnings).toEqual([]);
    expect(c.entries.get('base/app')).toMatchObject({ sizeBytes: 2000000, pullMs: 700, cmd: ['sleep', '10'] });
    expect(c.entries.get('base/child')).toMatchObject({ sizeBytes: 2000000, pullMs: 900, cmd: ['sleep', '10'] });
    expect(c.entries.get('new/one')).toMatchObject({ sizeBytes: 52428800, pullMs: 1549, unknownCommands: 'notFound' });
    expect(c.unknown).toMatchObject({ sizeBytes: 1000, unknownCommands: 'runForever', cmd: ['/app'] });
  });

  it('marks missing images', () => {
    useCatalog(loadCatalog([{ origin: 'a', text: 'images:\n  private/img: { missing: true }\n  gone/img: { missing: true, pullError: "denied" }\n' }]));
    expect(imageInfo('private/img')).toMatchObject({
      exists: false,
      pullError: 'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/private/img:latest": failed to '
        + 'resolve reference "docker.io/private/img:latest": pull access denied, repository does not exist or may '
        + 'require authorization: server message: insufficient_scope: authorization failed',
    });
    expect(imageInfo('gone/img:1').pullError).toBe('denied');
  });

  it('reports problems instead of throwing, and leaves bad entries out', () => {
    const c = loadCatalog([
      { origin: 'x.yaml', text: 'images: [1, 2' },
      { origin: 'y.yaml', text: 'images:\n  a/b: { pullMs: fast }\n  c/d: { colour: red }\n  e/f: { like: e/g }\n  "Bad Name": {}\n  h/i: { like: h/j }\n  h/j: { like: h/i }\nextra: 1\n' },
    ]);
    expect(c.warnings).toEqual([
      expect.stringMatching(/^x\.yaml: not valid YAML: /),
      'y.yaml: unknown top-level field "extra"',
      'y.yaml: images.Bad Name: not a valid image name',
      'images.a/b.pullMs: must be a number ≥ 0',
      'images.c/d.colour: unknown field (ignored)',
      'images.e/f: like: no image "e/g" in the catalog',
      'images.h/i: like: h/i → h/j → h/i goes round in a circle',
      'images.h/j: like: h/j → h/i → h/j goes round in a circle',
    ]);
    expect(c.entries.has('a/b')).toBe(false);
    expect(c.entries.has('c/d')).toBe(true);
  });
});

describe('KUBESIM_IMAGES', () => {
  it('adds and overrides images from the user\'s file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-images-'));
    const file = join(dir, 'extra.yaml');
    writeFileSync(file, 'images:\n  myorg/app: { sizeBytes: 1234567, pullMs: 1111, preloaded: true }\n  nginx: { pullMs: 9999 }\n');
    process.env.KUBESIM_IMAGES = file;
    useCatalog();
    expect(imageInfo('myorg/app:1.0')).toMatchObject({ exists: true, sizeBytes: 1234567, pullMs: 1111, preloaded: true });
    expect(imageInfo('nginx:1.25')).toMatchObject({ pullMs: 9999, sizeBytes: 72188133 });
    expect(imageInfo('nginx:1.16').pullMs).toBe(3000);
    expect(preloadedImages()).toEqual(['docker.io/c1t1d0s7/myweb:latest', 'docker.io/myorg/app:latest']);
    expect(catalogWarnings()).toEqual([]);
  });

  it('warns about a file it cannot read, and still works', () => {
    process.env.KUBESIM_IMAGES = '/nonexistent/kubesim-images.yaml';
    useCatalog();
    expect(catalogWarnings()).toEqual(['KUBESIM_IMAGES=/nonexistent/kubesim-images.yaml: cannot read it (ENOENT)']);
    expect(imageInfo('luksa/kubia').exists).toBe(true);
  });
});
