import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog, useCatalog } from '../../src/cluster/kubelet/catalog.js';
import {
  type ContainerInput, containerArgv, expandKubernetesVars, programFor,
} from '../../src/cluster/kubelet/program.js';

const IP = '10.244.1.5';
const CLIENT = '10.244.1.1';
const START = Date.UTC(2025, 0, 1, 0, 0, 5);
const REFUSED = (port: number) => ({ error: `dial tcp ${IP}:${port}: connect: connection refused` });

const prog = (c: ContainerInput, r = 0.25) => programFor(c, () => r, IP, { hostname: 'kubia-x7k2p', startedAt: START });
const logLines = (p: ReturnType<typeof prog>, until: number, requests: { atMs: number; from: string; path?: string }[] = []) =>
  p.logs(until, requests).map((l) => l.line);

afterEach(() => useCatalog());

describe('luksa/kubia and the notes\' mycool0905/kubia', () => {
  for (const image of ['luksa/kubia', 'mycool0905/kubia']) {
    it(`${image} answers on 8080 once started, with its hostname`, () => {
      const p = prog({ image });
      expect(p).toMatchObject({ startMs: 1_000, ports: [8080], exit: undefined, startError: undefined });
      expect(p.http(8080, '/', 999, 1)).toEqual(REFUSED(8080));
      expect(p.tcp(8080, 999)).toBe(false);
      expect(p.http(8080, '/', 1_000, 1)).toEqual({ status: 200, body: "You've hit kubia-x7k2p\n" });
      expect(p.http(8080, '/anything', 50_000, 99)).toEqual({ status: 200, body: "You've hit kubia-x7k2p\n" });
      expect(p.tcp(8080, 1_000)).toBe(true);
      expect(p.http(80, '/', 5_000, 1)).toEqual(REFUSED(80));
      expect(p.tcp(80, 5_000)).toBe(false);
    });
  }

  it('logs its start and every request it answered', () => {
    const p = prog({ image: 'luksa/kubia' });
    expect(p.logs(20_000, [{ atMs: 500, from: CLIENT }, { atMs: 10_000, from: CLIENT }, { atMs: 5_000, from: '10.244.2.7' }]))
      .toEqual([
        { atMs: 0, line: 'Kubia server starting...' },
        { atMs: 5_000, line: 'Received request from ::ffff:10.244.2.7' },
        { atMs: 10_000, line: 'Received request from ::ffff:10.244.1.1' },
      ]);
    expect(logLines(p, 7_000, [{ atMs: 5_000, from: CLIENT }, { atMs: 10_000, from: CLIENT }]))
      .toEqual(['Kubia server starting...', 'Received request from ::ffff:10.244.1.1']);
  });

  it('starts listening once, then nothing changes by time', () => {
    const p = prog({ image: 'luksa/kubia' });
    expect(p.nextChangeAfter(0)).toBe(1_000);
    expect(p.nextChangeAfter(1_000)).toBeUndefined();
  });
});

describe('luksa/kubia-unhealthy', () => {
  it('answers 200 to requests 1–5 and 500 from the 6th on', () => {
    const p = prog({ image: 'luksa/kubia-unhealthy' });
    const statuses = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => p.http(8080, '/', 1_000 + n * 10_000, n));
    expect(statuses.map((a) => ('status' in a ? a.status : a.error))).toEqual([200, 200, 200, 200, 200, 500, 500, 500]);
    expect(statuses[5]).toEqual({ status: 500, body: "I'm not well. Please restart me!" });
  });
  it('logs like kubia, counting only answered requests', () => {
    const p = prog({ image: 'luksa/kubia-unhealthy' });
    const requests = [0, ...[1, 2, 3, 4, 5, 6].map((i) => i * 10_000)].map((atMs) => ({ atMs, from: CLIENT }));
    expect(logLines(p, 100_000, requests)).toEqual(['Kubia server starting...', ...Array(6).fill('Received request from ::ffff:10.244.1.1')]);
  });
});

describe('luksa/batch-job', () => {
  it('runs 120 s, exits 0, and logs the book\'s lines with simulated dates', () => {
    const p = prog({ image: 'luksa/batch-job' });
    expect(p.exit).toEqual({ afterMs: 120_000, code: 0 });
    expect(p.ports).toEqual([]);
    expect(p.logs(200_000, [])).toEqual([
      { atMs: 0, line: 'Wed Jan  1 00:00:05 UTC 2025 Batch job starting' },
      { atMs: 120_000, line: 'Wed Jan  1 00:02:05 UTC 2025 Finished succesfully' },
    ]);
    expect(p.nextChangeAfter(0)).toBe(120_000);
    expect(p.nextChangeAfter(120_000)).toBeUndefined();
  });
  it('ignores args, as a shell-form ENTRYPOINT does', () => {
    expect(prog({ image: 'luksa/batch-job', args: ['--fast'] }).exit).toEqual({ afterMs: 120_000, code: 0 });
  });
});

describe('luksa/ssd-monitor', () => {
  it('runs forever, listens on nothing, prints SSD OK every 5 s', () => {
    const p = prog({ image: 'luksa/ssd-monitor' });
    expect(p).toMatchObject({ exit: undefined, ports: [], startMs: 0 });
    expect(logLines(p, 14_999)).toEqual(['SSD OK', 'SSD OK', 'SSD OK']);
    expect(p.nextChangeAfter(0)).toBeUndefined();
  });
});

describe('nginx', () => {
  const page = (code: string, version: string) => `<html>\r\n<head><title>${code}</title></head>\r\n<body>\r\n<center><h1>${code}`
    + `</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;

  it('nginx:1.16 serves / on 80 and 404s unknown paths, logging nothing at start', () => {
    const p = prog({ image: 'nginx:1.16' });
    expect(p).toMatchObject({ ports: [80], startMs: 100, exit: undefined });
    const root = p.http(80, '/', 1_000, 1);
    expect(root).toMatchObject({ status: 200 });
    expect('body' in root && root.body).toContain('<title>Welcome to nginx!</title>');
    expect(p.http(80, '/index.html', 1_000, 2)).toMatchObject({ status: 200 });
    expect(p.http(80, '/nope', 1_000, 3)).toEqual({ status: 404, body: page('404 Not Found', '1.16.1') });
    expect(logLines(p, 10_000)).toEqual([]);
  });

  it('writes access-log lines, and error-log lines for 404s', () => {
    const p = prog({ image: 'nginx:1.16' });
    expect(logLines(p, 10_000, [{ atMs: 5_000, from: CLIENT }, { atMs: 6_000, from: CLIENT, path: '/nope?x=1' }])).toEqual([
      '10.244.1.1 - - [01/Jan/2025:00:00:10 +0000] "GET / HTTP/1.1" 200 612 "-" "kube-probe/1.32" "-"',
      '2025/01/01 00:00:11 [error] 29#29: *2 open() "/usr/share/nginx/html/nope" failed (2: No such file or directory), '
        + 'client: 10.244.1.1, server: localhost, request: "GET /nope?x=1 HTTP/1.1", host: "10.244.1.5:80"',
      '10.244.1.1 - - [01/Jan/2025:00:00:11 +0000] "GET /nope?x=1 HTTP/1.1" 404 153 "-" "kube-probe/1.32" "-"',
    ]);
  });

  it('nginx (latest) runs the docker entrypoint and logs its start-up', () => {
    const p = prog({ image: 'nginx' });
    const lines = logLines(p, 1_000, [{ atMs: 500, from: CLIENT }]);
    expect(lines[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(lines).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(lines).toContain('2025/01/01 00:00:05 [notice] 1#1: nginx/1.27.3');
    expect(lines[lines.length - 1]).toBe('10.244.1.1 - - [01/Jan/2025:00:00:05 +0000] "GET / HTTP/1.1" 200 615 "-" "kube-probe/1.32" "-"');
  });

  it('serves the container\'s files: 403 without an index page', () => {
    const p = prog({ image: 'nginx:1.16', command: ['sh', '-c', "rm /usr/share/nginx/html/index.html; exec nginx -g 'daemon off;'"] });
    expect(p.http(80, '/', 1_000, 1)).toEqual({ status: 403, body: page('403 Forbidden', '1.16.1') });
    expect(logLines(p, 2_000, [{ atMs: 1_000, from: CLIENT }])[0]).toBe('2025/01/01 00:00:06 [error] 29#29: *1 directory index of '
      + '"/usr/share/nginx/html/" is forbidden, client: 10.244.1.1, server: localhost, request: "GET / HTTP/1.1", host: "10.244.1.5:80"');
  });

  it('runs the command it is given instead (args replace CMD, after the entrypoint)', () => {
    const p = prog({ image: 'nginx', args: ['echo', 'not a server'] });
    expect(p).toMatchObject({ ports: [], exit: { afterMs: 0, code: 0 } });
    expect(logLines(p, 0)).toEqual(['not a server']);
  });
});

describe('ghcr.io/c1t1d0s7/go-myweb and c1t1d0s7/myweb', () => {
  for (const image of ['ghcr.io/c1t1d0s7/go-myweb', 'c1t1d0s7/myweb']) {
    it(`${image}: / and /health answer 200, /health?code=N answers N`, () => {
      const p = prog({ image });
      expect(p.ports).toEqual([8080]);
      const status = (path: string) => {
        const a = p.http(8080, path, 5_000, 1);
        return 'status' in a ? a.status : a.error;
      };
      expect([status('/'), status('/health'), status('/health?code=404'), status('/health?code=500'), status('/health?code=abc')])
        .toEqual([200, 200, 404, 500, 200]);
    });
  }
});

describe('amsy810 images', () => {
  it('tools idles by default and runs the command it is given', () => {
    expect(prog({ image: 'amsy810/tools:v2.0' }).exit).toBeUndefined();
    expect(prog({ image: 'amsy810/tools:v2.0', command: ['sleep'], args: ['60'] }).exit).toEqual({ afterMs: 60_000, code: 0 });
    expect(prog({ image: 'amsy810/tools:v2.0', command: ['sleep'], args: ['20'] }).exit).toEqual({ afterMs: 20_000, code: 0 });
    // kubectl create job sample-job-by-cli --image=amsy810/tools:v2.0 -- sleep 30
    expect(prog({ image: 'amsy810/tools:v2.0', command: ['sleep', '30'] }).exit).toEqual({ afterMs: 30_000, code: 0 });
    // `$(sleep 3600)` is not a Kubernetes variable reference, so the shell gets it and sleeps.
    expect(prog({ image: 'amsy810/tools:v2.0', command: ['sh', '-c'], args: ['$(sleep 3600)'] }).exit).toEqual({ afterMs: 3_600_000, code: 0 });
  });

  it('random-exit exits after 10–60 s with 0 or 1, both decided by the rand value it was given', () => {
    const outcomes = Array.from({ length: 40 }, (_, i) => prog({ image: 'amsy810/random-exit:v2.0' }, i / 40).exit!);
    for (const e of outcomes) {
      expect(e.afterMs % 1_000).toBe(0);
      expect(e.afterMs).toBeGreaterThanOrEqual(10_000);
      expect(e.afterMs).toBeLessThanOrEqual(60_000);
      expect([0, 1]).toContain(e.code);
    }
    expect(new Set(outcomes.map((e) => e.code)).size).toBe(2);
    expect(new Set(outcomes.map((e) => e.afterMs)).size).toBeGreaterThan(10);
  });

  it('random-exit is deterministic for a fixed rand value, and says what it does', () => {
    const a = prog({ image: 'amsy810/random-exit:v2.0' }, 0.6180339);
    const b = programFor({ image: 'amsy810/random-exit:v2.0' }, () => 0.6180339, '10.0.0.9', { startedAt: START });
    expect(b.exit).toEqual(a.exit);
    const { afterMs, code } = a.exit!;
    expect(a.logs(afterMs, [])).toEqual([
      { atMs: 0, line: `Sleeping ${afterMs / 1000} seconds, then exiting with code ${code}` },
      { atMs: afterMs, line: code === 0 ? 'Succeeded' : 'Failed' },
    ]);
  });
});

describe('busybox and alpine', () => {
  it('sh with no tty exits 0 at once', () => {
    for (const image of ['busybox', 'busybox:1.36', 'alpine', 'alpine:3.20', 'registry.k8s.io/busybox']) {
      expect(prog({ image }).exit, image).toEqual({ afterMs: 0, code: 0 });
    }
    expect(prog({ image: 'busybox', stdin: true }).exit).toBeUndefined();
  });
  it('runs their command', () => {
    const p = prog({ image: 'busybox', command: ['sh', '-c', 'echo hi; sleep 5; exit 2'] });
    expect(p.exit).toEqual({ afterMs: 5_000, code: 2 });
    expect(logLines(p, 10_000)).toEqual(['hi']);
    expect(logLines(prog({ image: 'alpine', args: ['echo', 'hello'] }), 0)).toEqual(['hello']);
  });
  it('the kubernetes.io exec liveness pod', () => {
    const p = prog({ image: 'registry.k8s.io/busybox', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'] });
    expect(p.exit).toEqual({ afterMs: 630_000, code: 0 });
    expect(p.exec(['cat', '/tmp/healthy'], 25_000)).toEqual({ exitCode: 0, output: '', durationMs: 0 });
    expect(p.exec(['cat', '/tmp/healthy'], 35_000)).toEqual({
      exitCode: 1, output: "cat: can't open '/tmp/healthy': No such file or directory", durationMs: 0,
    });
    expect([p.nextChangeAfter(0), p.nextChangeAfter(30_000), p.nextChangeAfter(630_000)]).toEqual([30_000, 630_000, undefined]);
  });
  it('cannot start a binary the image does not have', () => {
    const p = prog({ image: 'busybox', command: ['nosuchbinary'] });
    expect(p.exit).toEqual({ afterMs: 0, code: 128 });
    expect(p.startError).toContain('exec: "nosuchbinary": executable file not found in $PATH');
  });
});

describe('images the catalog does not list', () => {
  it('exist, run forever, listen on nothing; exec of their own tools succeeds', () => {
    const p = prog({ image: 'example/app:v1' });
    expect(p).toMatchObject({ exit: undefined, ports: [], startError: undefined });
    expect(p.http(8080, '/', 10_000, 1)).toEqual(REFUSED(8080));
    expect(p.exec(['/healthcheck'], 10_000)).toEqual({ exitCode: 0, output: '', durationMs: 0 });
    expect(prog({ image: 'example/app:v1', command: ['sh', '-c', 'exit 4'] }).exit).toEqual({ afterMs: 0, code: 4 });
  });
});

describe('command and args', () => {
  const image = { entrypoint: ['/entry'], cmd: ['default', 'cmd'] };
  it('replace ENTRYPOINT and CMD as containerd does', () => {
    expect(containerArgv(image, { image: 'x' })).toEqual(['/entry', 'default', 'cmd']);
    expect(containerArgv(image, { image: 'x', args: ['a'] })).toEqual(['/entry', 'a']);
    expect(containerArgv(image, { image: 'x', command: ['c'] })).toEqual(['c']);
    expect(containerArgv(image, { image: 'x', command: ['c'], args: ['a'] })).toEqual(['c', 'a']);
    expect(containerArgv({ entrypoint: [], cmd: ['sh'] }, { image: 'x', args: ['echo'] })).toEqual(['echo']);
  });
  it('a kubia given a command is no longer a server; given args it still is', () => {
    expect(prog({ image: 'luksa/kubia', command: ['sleep', '10'] })).toMatchObject({ ports: [], exit: { afterMs: 10_000, code: 0 } });
    expect(prog({ image: 'luksa/kubia', args: ['--verbose'] })).toMatchObject({ ports: [8080], exit: undefined });
  });
  it('expand $(VAR) from the container env, as the kubelet does', () => {
    const lookup = (n: string) => ({ A: 'x', EMPTY: '' } as Record<string, string>)[n];
    expect(expandKubernetesVars('$(A)-$(B)-$$(A)-$(EMPTY)-$A-$(', lookup)).toBe('x-$(B)-$(A)--$A-$(');
    expect(expandKubernetesVars('$(sleep 3600)', lookup)).toBe('$(sleep 3600)');
    const env = [{ name: 'SECS', value: '7' }, { name: 'LONGER', value: '$(SECS)0' }];
    expect(prog({ image: 'busybox', env, command: ['sleep', '$(LONGER)'] }).exit).toEqual({ afterMs: 70_000, code: 0 });
    const literal = prog({ image: 'busybox', env, command: ['sleep', '$$(SECS)'] });
    expect(literal.exit).toEqual({ afterMs: 0, code: 1 });
    expect(logLines(literal, 0)).toEqual(["sleep: invalid number '$(SECS)'"]);
  });
  it('the env reaches the shell', () => {
    const p = prog({ image: 'busybox', env: [{ name: 'WHO', value: 'kube' }], command: ['sh', '-c', 'echo "$WHO on $HOSTNAME"'] });
    expect(logLines(p, 0)).toEqual(['kube on kubia-x7k2p']);
  });
});

describe('servers described in a user catalog', () => {
  it('stop listening when they exit, can hang, and route by prefix', () => {
    useCatalog(loadCatalog([{
      origin: 'test',
      text: `images:
  test/server:
    cmd: [srv]
    programs:
      srv:
        ports: [9000, 9001]
        startMs: 500
        exitAfterMs: 10000
        exitCode: 3
        routes:
          - { path: /slow, hang: true }
          - { path: /x/*, status: 204 }
`,
    }]));
    const p = prog({ image: 'test/server' });
    expect(p).toMatchObject({ ports: [9000, 9001], startMs: 500, exit: { afterMs: 10_000, code: 3 } });
    expect(p.http(9000, '/slow', 1_000, 1)).toEqual({ error: 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)' });
    expect(p.http(9001, '/x/y', 1_000, 2)).toEqual({ status: 204, body: '' });
    expect(p.http(9000, '/z', 1_000, 3)).toEqual({ status: 404, body: '' });
    expect(p.tcp(9000, 9_999)).toBe(true);
    expect(p.http(9000, '/x/y', 10_000, 4)).toEqual(REFUSED(9000));
    expect([p.nextChangeAfter(0), p.nextChangeAfter(500), p.nextChangeAfter(10_000)]).toEqual([500, 10_000, undefined]);
  });
});

describe('programFor', () => {
  it('draws exactly one random number per container start', () => {
    let calls = 0;
    programFor({ image: 'luksa/ssd-monitor' }, () => (calls++, 0.5), IP);
    programFor({ image: 'amsy810/random-exit:v2.0' }, () => (calls++, 0.5), IP);
    expect(calls).toBe(2);
  });
  it('gives the same program back for the same inputs', () => {
    expect(prog({ image: 'luksa/kubia' }, 0.3)).toBe(prog({ image: 'luksa/kubia' }, 0.3));
    expect(prog({ image: 'luksa/kubia' }, 0.3)).not.toBe(prog({ image: 'luksa/kubia' }, 0.4));
  });
});
