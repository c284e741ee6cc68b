import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runHeadless, type RunOptions } from '../../src/cli/run.js';

const ROOT = resolve(__dirname, '../..');
const script = (name: string) => `test/cli/scripts/${name}`;

function headless(files: string[], opts: Partial<RunOptions> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const r = runHeadless({ files, seed: 1, cwd: ROOT, ...opts }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { ...r, out, err };
}

describe('runHeadless', () => {
  it('plays a script: echoes each command, prints kubectl output, exits 0', () => {
    const r = headless([script('pod.ksim')]);
    expect(r.exitCode).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out.slice(0, 5)).toEqual([
      '$ kubectl apply -f kubia-pod.yaml',
      'pod/kubia-manual created',
      '$ kubectl wait --for=condition=Ready pod/kubia-manual --timeout=60s',
      'pod/kubia-manual condition met',
      '$ kubectl get pods',
    ]);
    expect(r.out[5]).toBe('NAME           READY   STATUS    RESTARTS   AGE');
    expect(r.out[6]).toMatch(/^kubia-manual {3}1\/1 {5}Running {3}0 {10}\d+s$/);
  });

  it('stops at the first failing kubectl line, naming script and line', () => {
    const r = headless([script('not-found.ksim')]);
    expect(r.exitCode).toBe(1);
    expect(r.err).toEqual([
      'No resources found in default namespace.',
      'Error from server (NotFound): pods "nope" not found',
      `${script('not-found.ksim')}:2: "kubectl delete pod nope" failed; stopping (--keep-going runs the rest)`,
    ]);
    expect(r.out).not.toContain('== never reached');
  });

  it('--keep-going runs the rest but still exits 1', () => {
    const r = headless([script('not-found.ksim')], { keepGoing: true });
    expect(r.exitCode).toBe(1);
    expect(r.out[r.out.length - 1]).toBe('== never reached');
    expect(r.err).toContain(`${script('not-found.ksim')}:2: "kubectl delete pod nope" failed; continuing (--keep-going)`);
  });

  it('refuses a script with a bad line before running any of it', () => {
    const r = headless([script('bad-line.ksim')]);
    expect(r.exitCode).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([`${script('bad-line.ksim')}:3: error: unknown command "frobnicate" for "kubectl"`]);
  });

  it('applies manifests given on the command line and reports a bad one with its line', () => {
    const ok = headless([script('kubia-rs.yaml')]);
    expect(ok).toMatchObject({ exitCode: 0, out: [`$ kubectl apply -f ${script('kubia-rs.yaml')}`, 'replicaset.apps/kubia created'] });
    const bad = headless([script('bad-job.yaml')]);
    expect(bad.exitCode).toBe(1);
    expect(bad.err).toContain(`  at ${script('bad-job.yaml')}:12 (spec.template.spec.restartPolicy)`);
  });

  it('--for advances time after the scripts; cluster flags reach the SimConfig', () => {
    const base = headless([script('kubia-rs.yaml')]);
    const later = headless([script('kubia-rs.yaml')], { forMs: 90_000, config: { nodeMonitorGracePeriodMs: 20_000, defaultTolerationSeconds: 30 }, nodes: 2 });
    expect(later.state.now - base.state.now).toBe(90_000);
    expect(later.state.config.nodeMonitorGracePeriodMs).toBe(20_000);
    expect(later.state.config.defaultTolerationSeconds).toBe(30);
  });

  it('-o json prints every object as one List, kinds in a stable order; same seed, same bytes', () => {
    const a = headless([script('rs.ksim')], { output: 'json', quiet: true, seed: 7 });
    const b = headless([script('rs.ksim')], { output: 'json', quiet: true, seed: 7 });
    expect(a.exitCode).toBe(0);
    expect(a.out.join('\n')).toBe(b.out.join('\n'));
    const list = JSON.parse(a.out.join('\n'));
    expect(list).toMatchObject({ apiVersion: 'v1', kind: 'List' });
    const kinds: string[] = list.items.map((i: { kind: string }) => i.kind);
    const order = ['Node', 'Pod', 'ReplicationController', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'PersistentVolumeClaim', 'Event'];
    expect([...kinds].sort((x, y) => order.indexOf(x) - order.indexOf(y))).toEqual(kinds);
    expect(kinds.filter((k) => k === 'Node')).toHaveLength(3);
    expect(kinds).toContain('Event');
  });

  it('-o table prints kubectl get all and the nodes', () => {
    const r = headless([script('kubia-rs.yaml')], { output: 'table', quiet: true, forMs: 60_000 });
    expect(r.out[0]).toBe('NAME              READY   STATUS    RESTARTS   AGE');
    expect(r.out.some((l) => l.startsWith('replicaset.apps/kubia   3         3         3'))).toBe(true);
    expect(r.out[r.out.length - 4]).toBe('NAME     STATUS   ROLES    AGE   VERSION');
  });
});

describe('bin/kubesim.js', () => {
  beforeAll(() => {
    try {
      execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
    } catch {
      // Type errors in files still being written by others do not stop tsc from emitting.
    }
    expect(existsSync(resolve(ROOT, 'dist/src/cli/main.js'))).toBe(true);
  }, 300_000);

  const kubesim = (...args: string[]) => spawnSync('node', ['bin/kubesim.js', ...args], { cwd: ROOT, encoding: 'utf8' });

  it('runs a script', () => {
    const r = kubesim('run', script('pod.ksim'));
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['$ kubectl apply -f kubia-pod.yaml', 'pod/kubia-manual created']);
  });

  it('takes options after the files and prints the final state as JSON', () => {
    const r = kubesim('run', script('kubia-rs.yaml'), '-o', 'json', '--seed', '2', '-q', '--for', '10s');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).items.filter((i: { kind: string }) => i.kind === 'Pod')).toHaveLength(3);
  });

  it('exits 1 with the failing line named', () => {
    const r = kubesim('run', script('not-found.ksim'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${script('not-found.ksim')}:2: "kubectl delete pod nope" failed`);
  });

  it('rejects bad option values with one line', () => {
    const r = kubesim('run', script('pod.ksim'), '--for', 'soon');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`error: option '--for <duration>' argument 'soon' is invalid. invalid duration "soon"`);
  });

  it('without a terminal the dashboard does not start: one line, exit 1', () => {
    const r = kubesim();
    expect(r.status).toBe(1);
    const built = ['app.js', 'start.js'].some((f) => existsSync(resolve(ROOT, 'dist/src/ui', f)));
    if (!built) expect(r.stderr).toBe('kubesim: the dashboard is not built yet; use kubesim run\n');
    else expect(r.stderr).toMatch(/^kubesim: [^\n]+\n$/);
  });
});
