// Dashboard figures for one size: the time to compute and render one frame of the pods view (the real App,
// through Ink, into a fake 200×50 terminal) after one simulated tick, and the bytes that reach the terminal per
// frame when nothing changed and when one row changed.

import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { transact } from '../src/cluster/engine.js';
import type { State } from '../src/cluster/state.js';
import { keyOf, listObjects } from '../src/cluster/store.js';
import { Simulation } from '../src/session/simulation.js';
import { ManualClock, renderApp } from '../src/ui/start.js';
import { dispatch } from '../src/cluster/engine.js';
import { median } from './engine-bench.js';

class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 200;
  rows = 50;
  bytes = 0;
  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
    this.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  }
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  setRawMode() {
    return this;
  }
  setEncoding() {
    return this;
  }
  read() {
    return null;
  }
  ref() {
    return this;
  }
  unref() {
    return this;
  }
  resume() {
    return this;
  }
  pause() {
    return this;
  }
}

const settle = () => new Promise<void>((r) => setImmediate(() => setTimeout(r, 0)));

export interface UiFigures {
  frameMs: number;
  /** CPU time of the same frames (user + system): steadier than wall time on a shared machine. */
  frameCpuMs: number;
  bytesIdleFrame: number;
  bytesOneRowFrame: number;
}

/** Sets the simulation's state without running the engine, and wakes the dashboard (as a tick does). */
function show(sim: Simulation, state: State): void {
  sim.state = state;
  sim.setSpeed(sim.speed);
}

/**
 * `change` (optional) alters the state further before each frame, after the one-second tick: bench/ui-state.ts
 * uses it to change some pods per frame on its synthetic cluster, whose pods the engine never touches.
 */
export async function measureUi(state: State, frames = 15, change?: (s: State, frame: number) => State): Promise<UiFigures> {
  const sim = new Simulation({ state, baseDir: process.cwd(), historyMs: 0 });
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  const clock = new ManualClock();
  const app = await renderApp({
    sim,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    columns: 200,
    rows: 50,
    maxFps: 1000,
    clock,
    tickMs: 0,
    events: false,
  });
  await settle();
  await settle();
  // Frames after one simulated tick each: the state changed as much as one second of the cluster changes it.
  const times: number[] = [];
  const cpu: number[] = [];
  let s = sim.state;
  for (let i = 0; i < frames; i++) {
    s = dispatch(s, { type: 'advance', ms: 1000 }).state;
    if (change) s = change(s, i);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    show(sim, s);
    clock.advance(1000);
    await settle();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  await settle();
  // Nothing changed: the same state is announced again.
  const idle: number[] = [];
  for (let i = 0; i < 5; i++) {
    const b0 = stdout.bytes;
    show(sim, s);
    await settle();
    idle.push(stdout.bytes - b0);
  }
  // One row changed: the first pod on screen (the pods view sorts by name) gets one more restart.
  const first = listObjects(s, 'Pod').sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))[0];
  const oneRow: number[] = [];
  for (let i = 0; i < 5; i++) {
    s = transact(s, (tx) =>
      tx.update('Pod', keyOf(first), (p) => {
        const cs = p.status?.containerStatuses?.[0];
        if (cs) cs.restartCount += 1;
      }),
    );
    const b0 = stdout.bytes;
    show(sim, s);
    await settle();
    oneRow.push(stdout.bytes - b0);
  }
  app.unmount();
  return { frameMs: median(times), frameCpuMs: median(cpu), bytesIdleFrame: median(idle), bytesOneRowFrame: median(oneRow) };
}
