// Every narrated demo runs headless to the end: its `kubectl wait` lines check what its `say` lines claim.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDemos } from '../../src/cli/demo.js';
import { runHeadless } from '../../src/cli/run.js';

const ROOT = resolve(__dirname, '../..');
const demos = listDemos(resolve(ROOT, 'fixtures/demos'));

describe('fixtures/demos', () => {
  it('has one demo per topic of the notes, each with a title and narration', () => {
    expect(demos.map((d) => d.name)).toEqual([
      '1-liveness-probes',
      '2-replicationcontroller',
      '3-replicaset-expressions',
      '4-node-failure',
      '5-daemonset',
      '6-statefulset',
      '7-job',
      '8-cronjob',
    ]);
    for (const d of demos) expect(d.title).not.toBe('');
  });

  it.each(demos.map((d) => [d.name, d.path]))('%s runs headless to the end (kubesim run exits 0)', (_name, path) => {
    const out: string[] = [];
    const err: string[] = [];
    const r = runHeadless({ files: [path], cwd: ROOT }, { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect({ exitCode: r.exitCode, err: err.filter((l) => !l.startsWith('Warning: ')) }).toEqual({ exitCode: 0, err: [] });
    expect(out.filter((l) => l.startsWith('== ')).length).toBeGreaterThan(2);
  }, 60_000);
});
