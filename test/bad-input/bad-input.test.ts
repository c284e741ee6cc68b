// The bad-input corpus (issue 7, item 1): every case gives exactly its expected stderr and exit code, and
// leaves the cluster exactly as it was. In-process through runHeadless (fast); a handful through the real
// binary, whose `-o json` after `--keep-going` must equal the good-only run byte for byte.

import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFiles, playSteps } from '../../src/cli/run.js';
import { CASES } from './cases.js';
import { runIn, scratchDir, writeFiles } from './harness.js';

const ROOT = resolve(__dirname, '../..');

/** Good objects applied before each bad step, so "state unchanged" is checked against a non-empty cluster. */
const GOOD = {
  'good.yaml': `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
---
apiVersion: v1
kind: Pod
metadata:
  name: p1
  labels:
    app: solo
spec:
  containers:
  - name: app
    image: nginx
`,
  'settle.ksim': 'wait 30s\n',
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function caseDir(files: Record<string, Parameters<typeof writeFiles>[1][string]>): string {
  const dir = scratchDir({ ...GOOD, ...files });
  dirs.push(dir);
  return dir;
}

describe('bad-input corpus', () => {
  it('has at least 60 cases with unique names', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: exact message, exit code, cluster unchanged', (_name, c) => {
    const dir = caseDir(c.files);
    const alone = runIn(dir, c.run);
    expect(alone.err).toEqual(c.expectedStderr);
    expect(alone.exitCode).toBe(c.expectedExit);
    if (c.playsPartly) return;

    // The cluster before the bad step: good objects running for a while, plus whatever setup the case needs.
    const setup = c.run.slice(0, -1);
    const before = runIn(dir, ['good.yaml', 'settle.ksim', ...setup]);
    expect(before.exitCode).toBe(0);
    // Play the bad input on top as `kubesim run` does: a script with a bad line is refused whole.
    const sink = { out: () => {}, err: () => {} };
    const { steps, parseErrors } = loadFiles(c.run.slice(-1), dir, sink);
    const after = parseErrors > 0 ? before : playSteps(before.state, steps, sink, { quiet: true });
    expect(after.state).toEqual(before.state);
  });
});

const BIN = resolve(ROOT, 'bin/kubesim.js');
const BUILT = existsSync(resolve(ROOT, 'dist/src/cli/main.js'));

/** The real command line; CI has dist/ because `npm ci` runs `prepare` (npm run build). */
function kubesim(dir: string, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'run', '--seed', '1', ...args], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!BUILT)('bad-input through bin/kubesim.js', () => {
  // Each spawn costs a Node start-up, so a few cases of each family, not the whole corpus.
  const SAMPLE = ['tab indentation', 'selector does not match template', 'billion laughs alias bomb', 'delete a missing pod'];
  let goodOnly: ReturnType<typeof kubesim> | undefined;

  it.each(SAMPLE)('%s: same stderr and exit 1; -o json with --keep-going equals the good-only run', (name) => {
    const c = CASES.find((x) => x.name === name)!;
    const dir = caseDir(c.files);
    const alone = kubesim(dir, c.run);
    expect(alone.stderr.split('\n').slice(0, -1)).toEqual(c.expectedStderr);
    expect(alone.status).toBe(c.expectedExit);
    expect(alone.stderr).not.toMatch(/^\s+at .*\.js:\d+/m); // never a stack trace

    goodOnly ??= kubesim(dir, ['good.yaml', 'settle.ksim', '-o', 'json', '-q']);
    const good = goodOnly;
    expect(good.status).toBe(0);
    const withBad = kubesim(dir, ['good.yaml', 'settle.ksim', ...c.run, '--keep-going', '-o', 'json', '-q']);
    expect(withBad.status).toBe(1);
    expect(withBad.stdout).toBe(good.stdout);
  });
});
