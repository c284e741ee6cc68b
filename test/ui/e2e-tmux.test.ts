// The real `kubesim` binary in tmux: start, `:rs`, scale, `:no`, kill a node, quit — and the terminal comes back
// (alternate screen off, cursor shown) on quit and on SIGTERM. Skipped, with a message, only if tmux is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `kubesim-test-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}

const screen = (target: string) => tmux('capture-pane', '-p', '-t', target);

async function waitFor(target: string, what: RegExp | string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = screen(target);
    if (typeof what === 'string' ? last.includes(what) : what.test(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what} on the screen:\n${last}`);
}

function start(name: string): void {
  // CI=true on purpose: the dashboard must draw anyway.
  tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '30', `cd ${root} && CI=true node bin/kubesim.js --seed 1; echo KUBESIM-EXIT=$?; sleep 60`);
}

const flags = (target: string) => tmux('display-message', '-p', '-t', target, '#{alternate_on} #{cursor_flag}').trim();

if (!hasTmux) console.warn('tmux is not installed: skipping the end-to-end dashboard test (install tmux to run it)');

describe.skipIf(!hasTmux)('kubesim in tmux', () => {
  beforeAll(() => {
    // The test drives the compiled binary: build it (other files' type errors do not stop tsc from emitting).
    spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
    if (!existsSync(`${root}/dist/src/ui/start.js`)) throw new Error('npm run build did not produce dist/src/ui/start.js');
  }, 180_000);

  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  it('start, :rs, scale, :no, kill a node, quit; the terminal is restored', async () => {
    start('e2e');
    let s = await waitFor('e2e', /pods\(default\)\[\d+\]/);
    expect(s).toContain('Cluster: kubesim · seed 1');
    expect(s).toContain('Nodes ● node-1  ● node-2  ● node-3');
    expect(flags('e2e')).toBe('1 0'); // alternate screen on, cursor hidden

    tmux('send-keys', '-t', 'e2e', ':rs', 'Enter');
    await waitFor('e2e', 'replicasets(default)[1]');
    tmux('send-keys', '-t', 'e2e', 's');
    await waitFor('e2e', 'Scale replicaset.apps/testapp-replica');
    tmux('send-keys', '-t', 'e2e', '5', 'Enter');
    await waitFor('e2e', 'replicaset.apps/testapp-replica scaled');
    await waitFor('e2e', /testapp-replica +5\S* +5/);

    tmux('send-keys', '-t', 'e2e', ':no', 'Enter');
    await waitFor('e2e', 'nodes[3]');
    tmux('send-keys', '-t', 'e2e', 'j', 'K');
    await waitFor('e2e', 'Power off node-2?');
    tmux('send-keys', '-t', 'e2e', 'Right', 'Enter');
    await waitFor('e2e', 'node-2 powered off');
    // 50 s of grace at 100×.
    tmux('send-keys', '-t', 'e2e', '>>>>>');
    s = await waitFor('e2e', /node-2 +NotReady/);
    expect(s).toContain('✗ node-2 NotReady');

    tmux('send-keys', '-t', 'e2e', 'q');
    s = await waitFor('e2e', 'KUBESIM-EXIT=0');
    expect(s).not.toContain('nodes[3]');
    expect(flags('e2e')).toBe('0 1'); // back on the normal screen, cursor shown
  }, 90_000);

  it('SIGTERM restores the terminal and exits 0', async () => {
    start('sig');
    await waitFor('sig', /pods\(default\)\[\d+\]/);
    const shell = tmux('display-message', '-p', '-t', 'sig', '#{pane_pid}').trim();
    const pid = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n')[0];
    process.kill(Number(pid), 'SIGTERM');
    await waitFor('sig', 'KUBESIM-EXIT=0');
    expect(flags('sig')).toBe('0 1');
  }, 60_000);
});
