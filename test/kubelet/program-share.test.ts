// Containers of one spec share their program's run (program.ts, program-core.ts) when the run looked at nothing
// that differs between pods; each container then fills in its own name, address and start time. These tests
// check, through the kubelet and `kubectl logs`, that one pod's identity never shows in another's behaviour (one
// way of looking per container, so that no other look hides a missed one), then check at the program level that
// a shared run answers every question exactly as the container's own run would.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/cluster/actions.js';
import type { Pod } from '../../src/cluster/api/types.js';
import { dispatch } from '../../src/cluster/engine.js';
import { useCatalog } from '../../src/cluster/kubelet/catalog.js';
import { podLogs } from '../../src/cluster/kubelet/logs.js';
import { type ContainerInput, type ContainerProgram, programFor } from '../../src/cluster/kubelet/program.js';
import { parseManifests } from '../../src/cluster/manifest/load.js';
import type { State } from '../../src/cluster/state.js';
import { getObject, listObjects } from '../../src/cluster/store.js';
import { T0, advance, cluster, events, pod, row } from './kubelet-helpers.js';

function run(s: State, action: Action): State {
  const r = dispatch(s, action);
  if (r.result.errors.length) throw new Error(r.result.errors.join('\n'));
  return r.state;
}

/** `kubectl apply -f` of an inline manifest. */
function applyYaml(s: State, text: string): State {
  const { documents, errors } = parseManifests(text, 'inline.yaml');
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  return run(s, { type: 'apply', mode: 'apply', objects: documents.map((d) => d.object) });
}

/** Containers running `sh -c SCRIPT`, by name (YAML flow items). */
const shells = (scripts: Record<string, string>, image = 'busybox') => Object.entries(scripts)
  .map(([name, script]) => `{ name: ${name}, image: ${image}, command: [sh, -c, ${JSON.stringify(script)}] }`).join(', ');

/** A ReplicaSet `name` (label app=name) whose pods have the containers given as YAML flow items. */
const replicaSet = (name: string, replicas: number, containers: string) => `
apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: ${name} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template: { metadata: { labels: { app: ${name} } }, spec: { containers: [${containers}] } }`;
/** A bare pod `name` with the containers given as YAML flow items. */
const barePod = (name: string, containers: string, spec = '') => `
apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: { app: ${name.replace(/-.*/, '')} } }
spec: { ${spec}containers: [${containers}] }`;

const scale = (s: State, name: string, replicas: number) => run(s, { type: 'scale', kind: 'ReplicaSet', namespace: 'default', name, replicas });

/** Live pods labelled app=`app`, the earliest started first. */
const podsOf = (s: State, app: string): Pod[] =>
  listObjects(s, 'Pod')
    .filter((p) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp)
    .sort((a, b) => startedAt(a).localeCompare(startedAt(b)) || a.metadata.name.localeCompare(b.metadata.name));

function logs(s: State, name: string, container?: string, previous = false): string[] {
  const l = podLogs(s, `default/${name}`, container, previous);
  if (!('lines' in l)) throw new Error(l.error);
  return l.lines;
}

const status = (p: Pod) => p.status.containerStatuses![0];
const startedAt = (p: Pod): string => status(p)?.state.running?.startedAt ?? status(p)?.state.terminated?.startedAt ?? '';
/** Seconds since midnight of an RFC 3339 time or an `HH:MM:SS`. */
const secondsOf = (t: string) => (t.includes('T') ? t.slice(11, 19) : t).split(':').reduce((sum, x) => sum * 60 + Number(x), 0);
/** nginx's error-log time and busybox `date`, written out from an RFC 3339 time. */
const nginxTime = (iso: string) => `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)}`;
const busyboxDate = (iso: string) => {
  const [day, date, month, year, time] = new Date(iso).toUTCString().split(/,? /); // "Wed, 01 Jan 2025 00:00:21 GMT"
  return `${day} ${month} ${date.replace(/^0/, ' ')} ${time} UTC ${year}`;
};
/** Where probes come from: the bridge (.1) of the pod's node's pod CIDR. */
const bridgeOf = (s: State, p: Pod) => getObject(s, 'Node', p.spec.nodeName!)!.spec.podCIDR!.replace(/\.0\/24$/, '.1');

const NGINX_ENTRYPOINT = [
  '/docker-entrypoint.d/ is not empty, will attempt to perform configuration', 'Looking for shell scripts in /docker-entrypoint.d/',
  'Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  'Sourcing /docker-entrypoint.d/15-local-resolvers.envsh', 'Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  'Launching /docker-entrypoint.d/30-tune-worker-processes.sh', 'Configuration complete; ready for start up',
].map((l) => (l.startsWith('10-') ? l : `/docker-entrypoint.sh: ${l}`));
const nginxNotices = (time: string) => ['using the "epoll" event method', 'nginx/1.27.3', 'OS: Linux 6.8.0', 'start worker processes',
  'start worker process 29'].map((m) => `${time} [notice] 1#1: ${m}`);
const accessLine = (from: string, time: string, path: string, answer: string) =>
  `${from} - - [01/Jan/2025:${time} +0000] "GET ${path} HTTP/1.1" ${answer} "-" "kube-probe/1.32" "-"`;
const notFoundLine = (time: string, n: number, from: string, podIP: string) =>
  `2025/01/01 ${time} [error] 29#29: *${n} open() "/usr/share/nginx/html/healthz" failed (2: No such file or directory), `
  + `client: ${from}, server: localhost, request: "GET /healthz HTTP/1.1", host: "${podIP}:80"`;

/**
 * Checks each probe line of an nginx log against the line written out for this pod (its node's bridge, its own
 * address, its own request count) and returns the seconds of the readiness (`/`) and liveness (`/healthz`) requests.
 */
function probeLines(lines: string[], from: string, podIP: string, okAnswer: string): { ready: number[]; health: number[] } {
  const out = { ready: [] as number[], health: [] as number[] };
  for (let i = 0; i < lines.length; i++) {
    const err = /^2025\/01\/01 (\d\d:\d\d:\d\d) \[error\]/.exec(lines[i]);
    if (err) {
      expect(lines[i]).toBe(notFoundLine(err[1], out.ready.length + out.health.length + 1, from, podIP));
      expect(lines[++i]).toBe(accessLine(from, err[1], '/healthz', '404 153'));
      out.health.push(secondsOf(err[1]));
    } else {
      const time = /^\S+ - - \[01\/Jan\/2025:(\d\d:\d\d:\d\d) /.exec(lines[i])?.[1] ?? '';
      expect(lines[i]).toBe(accessLine(from, time, '/', okAnswer));
      out.ready.push(secondsOf(time));
    }
  }
  return out;
}

describe('replicas of one spec, each with its own identity', () => {
  it('nginx: each replica logs its own start time, and probe lines with its own node, address and request count', () => {
    const nginx = '{ name: nginx, image: nginx, readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 5 }, '
      + 'livenessProbe: { httpGet: { path: /healthz, port: 80 }, periodSeconds: 10, failureThreshold: 1000 } }';
    let s = advance(applyYaml(cluster(), replicaSet('web', 1, nginx)), 20_000);
    s = advance(scale(s, 'web', 2), 30_000);
    const pods = podsOf(s, 'web');
    expect(pods).toHaveLength(2);
    expect(secondsOf(startedAt(pods[1])) - secondsOf(startedAt(pods[0]))).toBeGreaterThanOrEqual(20);
    expect(pods[0].status.podIP).not.toBe(pods[1].status.podIP);
    const now = secondsOf(new Date(s.now).toISOString());
    for (const p of pods) {
      expect(row(s, p.metadata.name)).toBe('1/1 Running 0');
      const lines = logs(s, p.metadata.name);
      expect(lines.slice(0, 14)).toEqual([...NGINX_ENTRYPOINT, ...nginxNotices(nginxTime(startedAt(p)))]);
      const { ready, health } = probeLines(lines.slice(14), bridgeOf(s, p), p.status.podIP!, '200 615');
      // This pod's own probes, every period since its own start (whole seconds: 5 s apart is 5 s apart in the log).
      for (const [times, period] of [[ready, 5], [health, 10]] as const) {
        expect(times[0] - secondsOf(startedAt(p))).toBeGreaterThanOrEqual(0);
        expect(times[0] - secondsOf(startedAt(p))).toBeLessThanOrEqual(period + 1);
        expect(now - times.at(-1)!).toBeLessThanOrEqual(period);
        expect(times.slice(1).map((t, i) => t - times[i])).toEqual(times.slice(1).map(() => period));
      }
    }
  });

  it('hostname, $HOSTNAME, uname -a, env, printenv, export: each replica sees its own pod name', () => {
    const scripts = {
      hostname: 'echo "I am $(hostname)"; sleep 3600', var: 'echo "HOSTNAME=$HOSTNAME"; sleep 3600', uname: 'uname -a; sleep 3600',
      env: 'env; sleep 3600', printenv: 'printenv HOSTNAME; sleep 3600', export: 'export; sleep 3600',
    };
    const s = advance(applyYaml(cluster(), replicaSet('who', 2, shells(scripts))), 10_000);
    const names = podsOf(s, 'who').map((p) => p.metadata.name);
    expect(names).toHaveLength(2);
    for (const name of names) {
      expect(row(s, name)).toBe('6/6 Running 0');
      expect(Object.keys(scripts).map((c) => logs(s, name, c))).toEqual([
        [`I am ${name}`], [`HOSTNAME=${name}`], [`Linux ${name} 6.8.0 #1 SMP x86_64 GNU/Linux`],
        ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `HOSTNAME=${name}`, 'HOME=/root'], [name],
        ['export PATH=\'/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\'', `export HOSTNAME='${name}'`, 'export HOME=\'/root\''],
      ]);
    }
  });

  it('date and $RANDOM: the replica scaled up later prints its own start time and its own random numbers', () => {
    const scripts = { date: 'echo "started $(date)"; sleep 3600', random: 'echo "random $RANDOM $RANDOM"; sleep 3600' };
    let s = advance(applyYaml(cluster(), replicaSet('rnd', 1, shells(scripts))), 20_000);
    s = advance(scale(s, 'rnd', 2), 10_000);
    const pods = podsOf(s, 'rnd');
    expect(pods).toHaveLength(2);
    expect(startedAt(pods[0])).not.toBe(startedAt(pods[1]));
    const randoms = pods.map((p) => {
      expect(logs(s, p.metadata.name, 'date')).toEqual([`started ${busyboxDate(startedAt(p))}`]);
      const [line] = logs(s, p.metadata.name, 'random');
      expect(line).toMatch(/^random \d{1,5} \d{1,5}$/);
      expect(Math.max(...line.split(' ').slice(1).map(Number))).toBeLessThan(32768);
      return line;
    });
    expect(randoms[0]).not.toBe(randoms[1]);
  });

  it('$RANDOM steering the run: each pod exits when and how its own log says (amsy810/random-exit)', () => {
    const manifest = ['rx-a', 'rx-b', 'rx-c', 'rx-d'].map((n) => barePod(n, '{ name: c, image: amsy810/random-exit }', 'restartPolicy: Never, '));
    const s = advance(applyYaml(cluster(), manifest.join('\n---')), 90_000);
    const said = podsOf(s, 'rx').map((p) => {
      const [sleeping, result] = logs(s, p.metadata.name);
      const [, seconds, code] = /^Sleeping (\d+) seconds, then exiting with code ([01])$/.exec(sleeping)!;
      expect(result).toBe(code === '0' ? 'Succeeded' : 'Failed');
      const done = status(p).state.terminated!;
      expect(done.exitCode).toBe(Number(code));
      expect(secondsOf(done.finishedAt ?? '') - secondsOf(done.startedAt ?? '')).toBe(Number(seconds));
      return sleeping;
    });
    expect([said.length, new Set(said).size > 1]).toEqual([4, true]);
  });

  it('an exec probe in a container whose run is shared sees its own pod\'s hostname', () => {
    const probed = '{ name: c, image: busybox, command: [sh, -c, "echo up; sleep 3600"], '
      + 'readinessProbe: { exec: { command: [sh, -c, \'test "$(hostname)" = probe-a\'] }, periodSeconds: 2 } }';
    const s = advance(applyYaml(cluster(), `${barePod('probe-a', probed)}\n---${barePod('probe-b', probed)}`), 15_000);
    expect([row(s, 'probe-a'), row(s, 'probe-b')]).toEqual(['1/1 Running 0', '0/1 Running 0']);
    expect(events(s, 'probe-a').filter((e) => e.includes('Unhealthy'))).toEqual([]);
    expect(events(s, 'probe-b')).toContainEqual(expect.stringMatching(/^Warning Unhealthy \(x\d+\) Readiness probe failed: $/));
    expect([logs(s, 'probe-a'), logs(s, 'probe-b')]).toEqual([['up'], ['up']]);
  });

  it('a command that does not depend on the pod: every replica logs the same, and all are Ready', () => {
    const s = advance(applyYaml(cluster(), replicaSet('same', 3, shells({ c: 'echo hello; sleep 3600' }))), 10_000);
    const names = podsOf(s, 'same').map((p) => p.metadata.name);
    expect(names.map((n) => row(s, n))).toEqual(['1/1 Running 0', '1/1 Running 0', '1/1 Running 0']);
    expect(names.map((n) => logs(s, n))).toEqual([['hello'], ['hello'], ['hello']]);
  });
});

describe('a new spec runs its own program', () => {
  it('a ReplicaSet\'s new command, then its new image: the replacement pods run the new program', () => {
    let s = advance(applyYaml(cluster(), replicaSet('ver', 2, shells({ c: 'echo v1; sleep 3600' }))), 10_000);
    const replace = (text: string) => {
      const old = podsOf(s, 'ver').map((p) => p.metadata.name);
      // A ReplicaSet does not replace its pods when its template changes: they go on with the old program.
      s = advance(applyYaml(s, text), 5_000);
      const before = old.map((n) => logs(s, n));
      s = advance(run(s, { type: 'delete', kind: 'Pod', namespace: 'default', names: old }), 40_000);
      const fresh = podsOf(s, 'ver');
      expect(fresh.filter((p) => old.includes(p.metadata.name))).toEqual([]);
      return { before, after: fresh.map((p) => logs(s, p.metadata.name)), images: fresh.map((p) => status(p).image) };
    };
    const v2 = 'echo v2; ls /usr/share/nginx/html; sleep 3600';
    expect(replace(replicaSet('ver', 2, shells({ c: v2 })))).toEqual({
      before: [['v1'], ['v1']],
      after: [0, 1].map(() => ['v2', 'ls: /usr/share/nginx/html: No such file or directory']),
      images: [0, 1].map(() => 'docker.io/library/busybox:latest'),
    });
    expect(replace(replicaSet('ver', 2, shells({ c: v2 }, 'nginx')))).toEqual({
      before: [0, 1].map(() => ['v2', 'ls: /usr/share/nginx/html: No such file or directory']),
      after: [['v2', 'index.html'], ['v2', 'index.html']],
      images: [0, 1].map(() => 'docker.io/library/nginx:latest'),
    });
  });

  it('kubectl set image on a pod: the restarted container runs the new image\'s program, the old run keeps its own', () => {
    const web = '{ name: web, image: nginx, readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 5 } }';
    let s = advance(applyYaml(cluster(), barePod('img', web)), 20_000);
    expect(logs(s, 'img').slice(0, 9)).toEqual(NGINX_ENTRYPOINT);
    s = advance(run(s, { type: 'setImage', kind: 'Pod', namespace: 'default', name: 'img', images: { web: 'nginx:1.16' } }), 40_000);
    expect(row(s, 'img')).toBe('1/1 Running 1');
    const p = pod(s, 'img')!;
    expect(status(p).image).toBe('docker.io/library/nginx:1.16');
    // nginx 1.16 had no entrypoint script and logs nothing at start; its index.html is 612 bytes, 1.27's 615.
    expect(probeLines(logs(s, 'img'), bridgeOf(s, p), p.status.podIP!, '200 612').ready.length).toBeGreaterThan(0);
    const previous = logs(s, 'img', undefined, true);
    const previousStart = nginxTime(status(p).lastState.terminated?.startedAt ?? '');
    expect(previous.slice(0, 14)).toEqual([...NGINX_ENTRYPOINT, ...nginxNotices(previousStart)]);
    expect(probeLines(previous.slice(14), bridgeOf(s, p), p.status.podIP!, '200 615').ready.length).toBeGreaterThan(0);
  });
});

/** Three containers' inputs to programFor; address, name and random number differ, the first and third start together. */
const RUNS = [
  { ip: '10.244.1.2', hostname: 'web-aaaaa', startedAt: T0 + 3_000, rand: 0.125 },
  { ip: '10.244.2.7', hostname: 'web-bbbbb', startedAt: T0 + 61_500, rand: 0.875 },
  { ip: '10.244.1.9', hostname: 'web-ccccc', startedAt: T0 + 3_000, rand: 0.5 },
];
const program = (c: ContainerInput, i: number): ContainerProgram =>
  programFor(structuredClone(c), () => RUNS[i].rand, RUNS[i].ip, { hostname: RUNS[i].hostname, startedAt: RUNS[i].startedAt });
/** Whether two programs are views of one run (RunProgram's private `core`), to know that sharing happened. */
const sameRun = (a: ContainerProgram, b: ContainerProgram) => Reflect.get(a, 'core') === Reflect.get(b, 'core');

/** Everything the kubelet asks a program, at a few moments (ms since the container started). */
function answers(p: ContainerProgram) {
  const at = [0, 1_500, 10_000, 100_000];
  const requests = [{ atMs: 1_200, from: '10.244.1.1' }, { atMs: 5_000, from: '10.244.1.1', path: '/nope' }];
  return {
    startMs: p.startMs, ports: p.ports, exit: p.exit, startError: p.startError, next: at.map((t) => p.nextChangeAfter(t)),
    logs: at.map((t) => p.logs(t, requests)),
    http: at.map((t) => [80, 8080].map((port) => p.http(port, '/', t, 3))),
    exec: at.map((t) => [['hostname'], ['env'], ['cat', '/tmp/a'], ['sh', '-c', 'echo $RANDOM; date']].map((argv) => p.exec(argv, t))),
  };
}

/** Whichever of the containers runs first, each one's answers equal those of a run computed for it alone. */
function sameAsAlone(c: ContainerInput, order: readonly number[]): void {
  useCatalog(); // a new catalog generation: nothing is shared yet
  const together = order.map((i) => answers(program(c, i)));
  order.forEach((i, k) => {
    useCatalog();
    expect(together[k], JSON.stringify(c)).toEqual(answers(program(c, i)));
  });
}

/** Steps that look at what differs between pods (the name, the clock, the random seed), in the ways the shell has… */
const LOOKS = ['echo "h=$HOSTNAME"', 'hostname', 'uname -a', 'echo $RANDOM', 'date', 'date +%s > /tmp/a', 'env', 'printenv HOSTNAME',
  'export', 'X=$HOSTNAME', 'eval echo \\$HOSTNAME', 'sh -c "echo \\$HOSTNAME"', 'echo ${#HOSTNAME}', 'hostname > /tmp/a',
  'echo $((RANDOM % 2)) > /tmp/a', 'sleep $((RANDOM % 3))', 'nginx > /tmp/a', 'nginx | cat'];
/** … and steps that do not (B is `$(A)-$(HOSTNAME)`: Kubernetes' expansion, the same in every pod). */
const PLAIN = ['echo hello', 'touch /tmp/a', 'sleep 2', 'pwd', 'echo $B', 'exit 3'];
const STEPS = [...LOOKS, ...PLAIN];
const LAST = ['', 'sleep 3600', 'sleep infinity', 'exec nginx -g "daemon off;"', 'exec node app.js', 'cat', 'while true; do sleep 5; done',
  'while true; do date; sleep 5; done'];
const ENV = [{ name: 'A', value: 'x' }, { name: 'B', value: '$(A)-$(HOSTNAME)' }];

describe('programFor: a shared run answers each container as its own run would', () => {
  it('runs that look at nothing pod-specific are shared; the others are not', () => {
    useCatalog();
    for (const c of [{ image: 'nginx' }, { image: 'busybox', command: ['sh', '-c', 'echo hello; sleep 3600'] }]) {
      expect(sameRun(program(c, 0), program(c, 1)), JSON.stringify(c)).toBe(true);
    }
    for (const script of [...LOOKS, 'while true; do sleep 5; done']) {
      const c = { image: 'nginx', command: ['sh', '-c', `${script}; sleep 3600`] };
      expect(sameRun(program(c, 0), program(c, 1)), script).toBe(false);
    }
  });

  it.each(STEPS)('one step, then nginx: %s', (step) => {
    sameAsAlone({ image: 'nginx', command: ['sh', '-c', `${step}; exec nginx -g "daemon off;"`] }, [1, 0, 2]);
  });

  it('any script of those steps, in any image: the same answers as alone', () => {
    const container = fc.record({
      image: fc.constantFrom('busybox', 'nginx', 'nginx:1.16', 'luksa/kubia', 'amsy810/random-exit'),
      script: fc.option(fc.tuple(fc.array(fc.constantFrom(...STEPS), { maxLength: 3 }), fc.constantFrom(...LAST)), { nil: undefined }),
      env: fc.boolean(),
      stdin: fc.boolean(),
    }).map(({ image, script, env, stdin }): ContainerInput => ({
      image,
      ...(script ? { command: ['sh', '-c', [...script[0], script[1]].filter(Boolean).join('; ')] } : {}),
      ...(env ? { env: ENV } : {}),
      ...(stdin ? { stdin } : {}),
    }));
    fc.assert(fc.property(container, fc.constantFrom([0, 1, 2], [1, 0, 2], [2, 1, 0]), sameAsAlone), { seed: 20250101, numRuns: 200 });
    useCatalog();
  });
});
