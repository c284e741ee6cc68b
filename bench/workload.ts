// The benchmark's clusters (issue 6): a realistic mix per size — ReplicaSets of 10–500 replicas running nginx
// with HTTP liveness and readiness probes, one DaemonSet (one pod per node), StatefulSets, Jobs and CronJobs —
// built as plain manifests and applied through the same `apply` action the CLI uses.

export interface SizeSpec {
  name: string;
  nodes: number;
  pods: number;
}

export const SIZES: Record<string, SizeSpec> = {
  demo: { name: 'demo', nodes: 3, pods: 30 },
  medium: { name: 'medium', nodes: 100, pods: 3_000 },
  large: { name: 'large', nodes: 1_000, pods: 30_000 },
  max: { name: 'max', nodes: 5_000, pods: 150_000 },
};

const probes = {
  livenessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5, periodSeconds: 10 },
  readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 },
};

function podTemplate(app: string, image = 'nginx') {
  return {
    metadata: { labels: { app } },
    spec: { containers: [{ name: 'web', image, ports: [{ containerPort: 80 }], ...probes }] },
  };
}

function replicaSet(name: string, replicas: number) {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: podTemplate(name) },
  };
}

/** The DaemonSet rolls 10% of nodes at a time, so its rolling update finishes within the churn window. */
export const DAEMONSET = 'node-agent';

function daemonSet() {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: DAEMONSET },
    spec: {
      selector: { matchLabels: { app: DAEMONSET } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%' } },
      template: podTemplate(DAEMONSET),
    },
  };
}

function statefulSet(name: string, replicas: number) {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name },
    spec: {
      serviceName: name,
      replicas,
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: { app: name } },
      template: podTemplate(name),
    },
  };
}

function job(name: string, completions: number) {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      completions,
      parallelism: completions,
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'work', image: 'busybox', command: ['sh', '-c', 'sleep 20'] }] } },
    },
  };
}

function cronJob(name: string) {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: {
      schedule: '*/5 * * * *',
      successfulJobsHistoryLimit: 1,
      jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'tick', image: 'busybox', command: ['sh', '-c', 'date'] }] } } } },
    },
  };
}

/** Replica counts from a fixed pattern (10–500), scaled so the whole mix comes to about `budget` pods. */
function replicaCounts(budget: number): number[] {
  const pattern = [10, 25, 50, 100, 200, 500, 40, 75, 150, 300];
  const out: number[] = [];
  let left = budget;
  for (let i = 0; left > 0; i++) {
    const want = pattern[i % pattern.length];
    const n = left - want < 10 ? left : Math.min(want, left);
    out.push(n);
    left -= n;
  }
  return out;
}

export interface Workload {
  objects: unknown[];
  /** Pods expected Running and Ready once converged (Job pods end Completed and are not counted). */
  longRunning: number;
  jobPods: number;
}

export function workload(size: SizeSpec): Workload {
  const objects: unknown[] = [];
  const daemon = size.nodes;
  // StatefulSets and Jobs take ~4% and ~2% of the pods; small clusters get one small one of each.
  const sts = Math.max(3, Math.round(size.pods * 0.04));
  const jobs = Math.max(2, Math.round(size.pods * 0.02));
  const stsSets = Math.max(1, Math.round(sts / 50));
  const jobSets = Math.max(1, Math.round(jobs / 20));
  const stsEach = Math.ceil(sts / stsSets);
  const jobEach = Math.ceil(jobs / jobSets);
  const rsBudget = size.pods - daemon - stsEach * stsSets - jobEach * jobSets;
  objects.push(daemonSet());
  const rs = size.name === 'demo' ? [Math.max(1, rsBudget)] : replicaCounts(rsBudget);
  rs.forEach((n, i) => objects.push(replicaSet(`web-${i}`, n)));
  for (let i = 0; i < stsSets; i++) objects.push(statefulSet(`db-${i}`, stsEach));
  for (let i = 0; i < jobSets; i++) objects.push(job(`batch-${i}`, jobEach));
  objects.push(cronJob('report'));
  const longRunning = daemon + rs.reduce((a, b) => a + b, 0) + stsEach * stsSets;
  return { objects, longRunning, jobPods: jobEach * jobSets };
}
