// `npm run bench [-- --sizes demo,medium]`: builds clusters in memory and measures them (issue 6). Each size
// runs in its own Node process (a clean heap, so peak heap is that size's), the parent prints one table and
// merges the figures into bench/results.json (sizes not run this time keep their last figures).

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { churn, HeapWatch, loadAndConverge, measureWindows, median } from './engine-bench.js';
import { measureHistoryFigures } from './history-bench.js';
import { measureUi } from './ui-bench.js';
import { SIZES } from './workload.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The repo root, from bench/ (tsx) or dist/bench/ (built). */
const root = existsSync(join(here, '..', 'package.json')) ? join(here, '..') : join(here, '..', '..');
const RESULTS = join(root, 'bench', 'results.json');

/** Windows per size: enough for a median, within a few minutes even at max. */
const PLAN: Record<string, { steady: number; churn: number; budgetMs: number; convergeLimitMs: number }> = {
  demo: { steady: 15, churn: 12, budgetMs: 60_000, convergeLimitMs: 600_000 },
  medium: { steady: 15, churn: 12, budgetMs: 120_000, convergeLimitMs: 600_000 },
  large: { steady: 9, churn: 12, budgetMs: 240_000, convergeLimitMs: 1_200_000 },
  max: { steady: 5, churn: 12, budgetMs: 420_000, convergeLimitMs: 2_400_000 },
};

const round = (x: number, d = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

async function child(name: string): Promise<Record<string, unknown>> {
  if (name === 'history') return measureHistoryFigures((s) => console.error(s));
  const size = SIZES[name];
  const plan = PLAN[name];
  const heap = new HeapWatch();
  const log = (s: string) => console.error(s);
  log(`[${name}] load and converge ${size.nodes} nodes, ${size.pods} pods`);
  const c = loadAndConverge(size, heap, log, plan.convergeLimitMs);
  log(`[${name}] converged in ${c.convergeSeconds.toFixed(1)} s wall (${c.simSeconds} s simulated), ${c.ready}/${c.expected} ready`);
  const steady = measureWindows(c.state, plan.steady, 10, heap, plan.budgetMs);
  log(`[${name}] steady: ${steady.speeds.map((s) => s.toFixed(0)).join(' ')}`);
  const ui = await measureUi(steady.state);
  log(`[${name}] ui: ${JSON.stringify(ui)}`);
  const ch = churn(steady.state, size, plan.churn, 10, heap, plan.budgetMs);
  log(`[${name}] churn: ${ch.speeds.map((s) => s.toFixed(1)).join(' ')}`);
  heap.sample();
  return {
    nodes: size.nodes,
    pods: c.state.counts['Pod'] ?? 0,
    readyPods: c.ready,
    convergeSeconds: round(c.convergeSeconds),
    convergeSimSeconds: c.simSeconds,
    speedSteady: round(median(steady.speeds), 1),
    speedChurn: round(median(ch.speeds), 1),
    churnWindows: ch.speeds.length,
    churnSimSeconds: ch.speeds.length * 10,
    tickMs: round(median(steady.tickMs), 3),
    tickMsChurn: round(median(ch.tickMs), 3),
    heapMiB: round(heap.peak / 2 ** 20, 0),
    frameMs: round(ui.frameMs, 2),
    bytesIdleFrame: ui.bytesIdleFrame,
    bytesOneRowFrame: ui.bytesOneRowFrame,
  };
}

function runChild(name: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', name], {
      stdio: ['ignore', 'pipe', 'inherit'],
      // React's development build is several times slower; the dashboard (bin/kubesim.js) runs the production one.
      env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice(7)));
      else reject(new Error(`bench ${name} exited with ${code}`));
    });
  });
}

const COLUMNS = ['nodes', 'pods', 'convergeSeconds', 'speedSteady', 'speedChurn', 'tickMs', 'heapMiB', 'frameMs', 'bytesIdleFrame', 'bytesOneRowFrame'];

function table(sizes: Record<string, Record<string, unknown>>): string {
  const rows = [['size', ...COLUMNS], ...Object.entries(sizes).map(([n, f]) => [n, ...COLUMNS.map((c) => String(f[c] ?? '-'))])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const ci = args.indexOf('--child');
  if (ci >= 0) {
    const r = await child(args[ci + 1]);
    process.stdout.write(`RESULT ${JSON.stringify(r)}\n`);
    process.exit(0);
  }
  const si = args.indexOf('--sizes');
  const wanted = si >= 0 ? args[si + 1].split(',') : ['demo', 'medium', 'large', 'max', 'history'];
  const bad = wanted.filter((w) => !SIZES[w] && w !== 'history');
  if (bad.length) {
    console.error(`bench: unknown size ${bad.join(', ')} (sizes: ${Object.keys(SIZES).join(', ')}, history)`);
    process.exit(2);
  }
  const results = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : { sizes: {} };
  results.sizes ??= {};
  for (const name of wanted) {
    const r = await runChild(name);
    if (name === 'history') results.history = r;
    else results.sizes[name] = { ...r, measuredAt: new Date().toISOString() };
    // Written after every size, so a long run that is stopped keeps what it measured.
    const ordered = { sizes: Object.fromEntries(Object.keys(SIZES).filter((k) => results.sizes[k]).map((k) => [k, results.sizes[k]])), ...(results.history ? { history: results.history } : {}) };
    writeFileSync(RESULTS, JSON.stringify(ordered, null, 2) + '\n');
  }
  console.log(table(results.sizes));
  if (results.history) console.log(`history (15 min): ${JSON.stringify(results.history)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
