// Command-line options shared by `kubesim` (the dashboard) and `kubesim run`: how to build the simulated cluster.
// Values are checked here so a typo gets a one-line message naming the option, not a stack trace.

import { InvalidArgumentError, Option } from 'commander';
import type { SimConfig } from '../cluster/state.js';
import { parseDuration, parseTime } from '../cluster/util/time.js';

/** What the dashboard is started with (src/ui/start.ts `startDashboard`). */
export interface DashboardOptions {
  /** Manifests to apply and scripts to play before the dashboard opens. */
  files: string[];
  seed?: number;
  nodes?: number;
  /** Simulated start time, ms since the epoch. */
  start?: number;
  config: Partial<SimConfig>;
  /** `--record FILE`: write the session as a replayable script. */
  recordTo?: string;
  /** `--history D`: simulated past kept for rewinding, ms. */
  history?: number;
}

export interface ClusterFlags {
  seed?: number;
  nodes?: number;
  start?: number;
  nodeGrace?: number;
  evictionTimeout?: number;
}

function integer(what: string, min: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || parseInt(value, 10) < min) throw new InvalidArgumentError(`${what} must be a whole number ≥ ${min}.`);
    return parseInt(value, 10);
  };
}

export function duration(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined) throw new InvalidArgumentError(`invalid duration "${value}" (use e.g. 30s, 2m, 1h30m).`);
  return ms;
}

function rfc3339(value: string): number {
  const t = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) ? parseTime(value) : undefined;
  if (t === undefined) throw new InvalidArgumentError(`expected an RFC 3339 time such as 2025-01-01T00:00:00Z.`);
  return t;
}

/** The options that shape the cluster, for any command that builds one. */
export function clusterOptions(): Option[] {
  return [
    new Option('--seed <n>', 'random seed: the same seed and inputs give the same run').argParser(integer('the seed', 0)),
    new Option('--nodes <n>', 'number of worker nodes (default 3)').argParser(integer('the node count', 0)),
    new Option('--start <time>', 'simulated start time, RFC 3339 (default 2025-01-01T00:00:00Z)').argParser(rfc3339),
    new Option('--node-grace <duration>', 'node monitor grace period before a silent node is NotReady (default 50s)').argParser(duration),
    new Option('--eviction-timeout <duration>', 'how long pods tolerate a NotReady/unreachable node before eviction (default 5m)').argParser(duration),
  ];
}

/** --node-grace and --eviction-timeout as SimConfig fields. */
export function simConfig(flags: ClusterFlags): Partial<SimConfig> {
  const config: Partial<SimConfig> = {};
  if (flags.nodeGrace !== undefined) config.nodeMonitorGracePeriodMs = flags.nodeGrace;
  if (flags.evictionTimeout !== undefined) config.defaultTolerationSeconds = Math.round(flags.evictionTimeout / 1000);
  return config;
}
