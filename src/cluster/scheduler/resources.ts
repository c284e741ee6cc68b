// What a pod asks of a node, as the scheduler computes it: resource requests (pkg/api/v1/resource/helpers.go
// PodRequests: the sum over app containers, or the largest init container if that is more), the "non-zero"
// requests used only for scoring (pkg/scheduler/util/pod_resources.go: 100m cpu / 200Mi memory for containers
// that request nothing, so empty pods still spread), and host ports (NodePorts plugin).

import type { Container, Node, Pod } from '../api/types.js';
import { bytes, milliCPU } from '../util/quantity.js';

/** schedutil.DefaultMilliCPURequest / DefaultMemoryRequest. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export interface PodRequest {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** For scoring only. */
  nonZeroMilliCPU: number;
  nonZeroMemory: number;
  /** `TCP/8080` for every container port with a hostPort. */
  hostPorts: string[];
}

// The API server defaults a container's requests to its limits when only limits are given (core/v1
// defaults.go SetDefaults_Pod); reading `limits` as a fallback gives the same numbers for manifests that
// reach the scheduler without that defaulting.
function request(c: Container, name: string): string | number | undefined {
  return c.resources?.requests?.[name] ?? c.resources?.limits?.[name];
}

interface Sums {
  cpu: number;
  mem: number;
  eph: number;
  nzCpu: number;
  nzMem: number;
}

function containerSums(c: Container): Sums {
  const cpu = request(c, 'cpu');
  const mem = request(c, 'memory');
  return {
    cpu: milliCPU(cpu),
    mem: bytes(mem),
    eph: bytes(request(c, 'ephemeral-storage')),
    nzCpu: cpu === undefined ? DEFAULT_MILLI_CPU_REQUEST : milliCPU(cpu),
    nzMem: mem === undefined ? DEFAULT_MEMORY_REQUEST : bytes(mem),
  };
}

/**
 * podRequest reads only the containers and init containers; pods made from one template share the template's
 * (frozen) containers array (controllers/shared/pods.ts createPodFromTemplate), and so does a pod bound by the
 * scheduler with its pending version. Memoizing by that array rather than by the spec makes 150,000 pods of a
 * few templates a few entries instead of one WeakMap entry per spec (each pod's spec, twice: pending and
 * bound), whose insertion was most of podRequest's time.
 */
const cache = new WeakMap<Container[], { initContainers: Container[] | undefined; request: PodRequest }>();

/** The pod's requests; memoized by the identity of its containers (specs are immutable values in the State). */
export function podRequest(pod: Pod): PodRequest {
  const { containers, initContainers } = pod.spec;
  const hit = containers && cache.get(containers);
  if (hit && hit.initContainers === initContainers) return hit.request;
  const sum: Sums = { cpu: 0, mem: 0, eph: 0, nzCpu: 0, nzMem: 0 };
  for (const c of pod.spec.containers ?? []) {
    const s = containerSums(c);
    sum.cpu += s.cpu;
    sum.mem += s.mem;
    sum.eph += s.eph;
    sum.nzCpu += s.nzCpu;
    sum.nzMem += s.nzMem;
  }
  for (const c of pod.spec.initContainers ?? []) {
    const s = containerSums(c);
    sum.cpu = Math.max(sum.cpu, s.cpu);
    sum.mem = Math.max(sum.mem, s.mem);
    sum.eph = Math.max(sum.eph, s.eph);
    sum.nzCpu = Math.max(sum.nzCpu, s.nzCpu);
    sum.nzMem = Math.max(sum.nzMem, s.nzMem);
  }
  const hostPorts: string[] = [];
  for (const c of pod.spec.containers ?? []) {
    for (const p of c.ports ?? []) if (p.hostPort && p.hostPort > 0) hostPorts.push(`${p.protocol ?? 'TCP'}/${p.hostPort}`);
  }
  const out: PodRequest = {
    milliCPU: sum.cpu,
    memory: sum.mem,
    ephemeralStorage: sum.eph,
    nonZeroMilliCPU: sum.nzCpu,
    nonZeroMemory: sum.nzMem,
    hostPorts,
  };
  if (containers) cache.set(containers, { initContainers, request: out });
  return out;
}

export interface Allocatable {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  pods: number;
}

export function nodeAllocatable(node: Node): Allocatable {
  const a = node.status.allocatable ?? node.status.capacity ?? {};
  return {
    milliCPU: milliCPU(a.cpu),
    memory: bytes(a.memory),
    ephemeralStorage: bytes(a['ephemeral-storage']),
    pods: Math.floor(Number(a.pods ?? 0)) || 0,
  };
}

export function isPodTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}
