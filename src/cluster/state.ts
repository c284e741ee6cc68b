// The whole simulated cluster as one plain, JSON-serialisable value (DESIGN.md "Time is data").
//
// Layout, chosen for immer (reference/simulators-ink-immer.md §4.4): every table is sharded into buckets
// (`tables[name][bucket][key]`), so a tick that writes one pod copies one small bucket, not a 150,000-key object.
// Indexes are "groups": small sets keyed by a natural group (pods by node, dependents by owner uid), kept in step
// with the tables by src/cluster/tx.ts, never rebuilt.

import { seedState } from './util/rng.js';

export interface SimConfig {
  /** kube-controller-manager --node-monitor-grace-period (50s from v1.32). */
  nodeMonitorGracePeriodMs: number;
  /** --node-monitor-period: how often the node lifecycle controller looks at heartbeats. */
  nodeMonitorPeriodMs: number;
  /** DefaultTolerationSeconds admission: not-ready/unreachable NoExecute tolerations added to pods (300s). */
  defaultTolerationSeconds: number;
  /** kubelet nodeStatusUpdateFrequency (10s). */
  nodeStatusUpdateMs: number;
  /** Events kept before the oldest are dropped (the API server also expires them after --event-ttl=1h). */
  maxEvents: number;
  /** --event-ttl. */
  eventTtlMs: number;
  /** Finished pods kept before the pod GC removes the oldest (--terminated-pod-gc-threshold=12500). */
  terminatedPodGcThreshold: number;
}

export const DEFAULT_CONFIG: SimConfig = {
  nodeMonitorGracePeriodMs: 50_000,
  nodeMonitorPeriodMs: 5_000,
  defaultTolerationSeconds: 300,
  nodeStatusUpdateMs: 10_000,
  maxEvents: 10_000,
  eventTtlMs: 3_600_000,
  terminatedPodGcThreshold: 12_500,
};

/** A wake-up: at `due`, key `key` is put on the work queue `queue` (a controller's name). */
export interface Timer {
  due: number;
  queue: string;
  key: string;
}

export type Bucketed<V> = Record<string, Record<string, V>>;

export interface State {
  /** Bumped when the layout changes, so recordings and snapshots can refuse what they cannot read. */
  format: 1;
  /** Simulated time, ms since the Unix epoch. */
  now: number;
  seed: number;
  /** RNG state (src/cluster/util/rng.ts). */
  rng: number;
  seq: { uid: number; resourceVersion: number; timer: number; event: number; node: number };
  config: SimConfig;
  /** tables[tableName][bucket][key] = value. Object tables are named by Kind ('Pod', 'Node', …). */
  tables: Record<string, Bucketed<unknown>>;
  /** Row counts per table, kept in step by tx.ts. */
  counts: Record<string, number>;
  /** groups[indexName][group][member] = true. */
  groups: Record<string, Bucketed<true>>;
  /** timers[due ms][queue|key] = Timer, plus a count per 10 s "epoch" so long idle stretches are skipped fast. */
  timers: Bucketed<Timer>;
  timerEpochs: Record<string, number>;
}

export interface InitOptions {
  seed?: number;
  /** ms since epoch; default 2025-01-01T00:00:00Z. */
  start?: number;
  config?: Partial<SimConfig>;
}

export const DEFAULT_START = Date.UTC(2025, 0, 1, 0, 0, 0);

export function emptyState(opts: InitOptions = {}): State {
  const seed = opts.seed ?? 1;
  return {
    format: 1,
    now: opts.start ?? DEFAULT_START,
    seed,
    rng: seedState(seed),
    seq: { uid: 0, resourceVersion: 0, timer: 0, event: 0, node: 0 },
    config: { ...DEFAULT_CONFIG, ...opts.config },
    tables: {},
    counts: {},
    groups: {},
    timers: {},
    timerEpochs: {},
  };
}
