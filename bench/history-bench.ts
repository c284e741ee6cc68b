// Issue 5's figure: memory held by 15 minutes of rewind history (Simulation keeps one State per simulated second;
// immer's structural sharing makes consecutive states share everything that did not change). Uses
// bench/history.ts's measureHistory when another engineer has written it, else measures here.

import { Simulation } from '../src/session/simulation.js';
import { loadAndConverge, HeapWatch } from './engine-bench.js';
import type { SizeSpec } from './workload.js';

const gc = () => (globalThis as { gc?: () => void }).gc?.();

function heapMiB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

async function measureOne(size: SizeSpec, log: (s: string) => void): Promise<Record<string, number>> {
  const c = loadAndConverge(size, new HeapWatch(), log);
  const sim = new Simulation({ state: c.state, baseDir: process.cwd(), historyMs: 15 * 60_000 });
  const before = heapMiB();
  for (let i = 0; i < 15 * 60; i++) sim.advance(1000);
  const after = heapMiB();
  const live = new Simulation({ state: sim.state, baseDir: process.cwd(), historyMs: 0 });
  sim.history = [];
  const without = heapMiB();
  void live;
  return { pods: c.state.counts['Pod'] ?? 0, snapshots: 15 * 60, historyMiB: Math.round((after - without) * 10) / 10, heapBeforeMiB: Math.round(before), heapWithHistoryMiB: Math.round(after) };
}

export async function measureHistoryFigures(log: (s: string) => void): Promise<Record<string, unknown>> {
  try {
    const mod = (await import('./history' + '.js')) as { measureHistory?: (...a: unknown[]) => unknown };
    if (mod.measureHistory) log('bench/history.ts exists; its measureHistory is not wired in yet, measuring here');
  } catch {
    // no bench/history.ts: measure here
  }
  const demo = await measureOne({ name: 'demo', nodes: 3, pods: 30 }, log);
  log(`history demo: ${JSON.stringify(demo)}`);
  const tenK = await measureOne({ name: 'history-10k', nodes: 334, pods: 10_000 }, log);
  log(`history 10k: ${JSON.stringify(tenK)}`);
  return { demo, pods10k: tenK };
}
