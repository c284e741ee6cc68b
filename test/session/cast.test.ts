import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCast, renderCast } from '../../src/session/cast.js';

const ROOT = resolve(__dirname, '../..');

function recording(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-cast-'));
  const file = join(dir, 'session.ksim');
  writeFileSync(
    file,
    ['# kubesim recording v1', '# seed: 1', '# start: 2025-01-01T00:00:00Z', '# nodes: 3', '# speed: 5',
      `kubectl apply -f ${resolve(ROOT, 'fixtures/kubia-rc.yaml')}`, 'say "three kubia pods"', 'wait 20s',
      'kubectl scale rc kubia --replicas=5', 'wait 1m', ''].join('\n'),
  );
  return file;
}

describe('asciicast export', () => {
  it('is valid asciicast v2: header, then [time, "o", data] events with rising times and capped gaps', async () => {
    const r = await renderCast(recording(), { columns: 100, rows: 30, idleLimitMs: 1500 });
    if ('error' in r) throw new Error(r.error);
    const [head, ...events] = r.text.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(head).toEqual({ version: 2, width: 100, height: 30, timestamp: 1735689600, title: 'kubesim replay session.ksim', env: { TERM: 'xterm-256color', SHELL: '/bin/sh' } });
    expect(events.length).toBeGreaterThan(5);
    let last = -1;
    for (const e of events) {
      expect(e).toHaveLength(3);
      expect(e[1]).toBe('o');
      expect(typeof e[2]).toBe('string');
      expect(e[0]).toBeGreaterThanOrEqual(last);
      expect(e[0] - Math.max(last, 0)).toBeLessThanOrEqual(1.5);
      last = e[0];
    }
    const all = events.map((e) => e[2]).join('');
    expect(all).toContain('kubia-');
    expect(all).toContain('three kubia pods');
  }, 60_000);

  it('gives the same file twice', async () => {
    const file = recording();
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-cast-'));
    const a = join(dir, 'a.cast');
    const b = join(dir, 'b.cast');
    const ra = await exportCast(file, a);
    const rb = await exportCast(file, b);
    expect(ra).toEqual(rb);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    // asciinema 2.2's `cat` opens /dev/tty: give it one with script(1). Skipped where either is missing.
    if (spawnSync('asciinema', ['--version']).error || spawnSync('script', ['--version']).error) return;
    const cat = spawnSync('script', ['-qec', `asciinema cat '${a}'`, '/dev/null'], { encoding: 'utf8' });
    expect(cat.status).toBe(0);
    expect(cat.stdout).toContain('kubia-');
  }, 60_000);
});
