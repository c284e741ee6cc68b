// `kubectl logs`: the API server picks the container (pkg/registry/core/pod/strategy.go validateContainer), the
// kubelet picks the run from the container status (kubelet_pods.go validateContainerLogStatus) and reads its log.
// Nothing is stored: a run's log is its program's output up to now (or its end), with the lines its servers
// printed for the probe requests, which are replayed from the probe schedule (probes.ts).

import type { Container, ContainerStatus, Pod } from '../api/types.js';
import { NODE_RUNTIME, type NodeRuntime } from '../nodes/node.js';
import type { State } from '../state.js';
import { getObject, getRow, splitKey } from '../store.js';
import { programOf } from './containers.js';
import { probeRequests, probeSpecs } from './probes.js';
import { POD_RUNTIME, type ContainerRuntime, type PodRuntime, type Run } from './runtime.js';
import { bridgeIP } from './sandbox.js';

export type PodLogs = { lines: string[]; /** kubectl's note on stderr when it chose the container. */ defaulted?: string } | { error: string };

const badRequest = (msg: string) => ({ error: `Error from server (BadRequest): ${msg}` });

/** The run a container status points at (validateContainerLogStatus), or the kubelet's error. */
function pickContainerID(cs: ContainerStatus | undefined, name: string, podName: string, previous: boolean): string | { error: string } {
  const last = cs?.lastState?.terminated;
  const state = cs?.state ?? {};
  if (previous) {
    if (!last?.containerID) return badRequest(`previous terminated container "${name}" in pod "${podName}" not found`);
    return last.containerID;
  }
  if (state.running) return cs!.containerID ?? '';
  if (state.terminated) {
    if (state.terminated.containerID) return state.terminated.containerID;
    if (last?.containerID) return last.containerID;
    return badRequest(`container "${name}" in pod "${podName}" is terminated`);
  }
  if (last) {
    if (!last.containerID) return badRequest(`container "${name}" in pod "${podName}" is terminated`);
    return last.containerID;
  }
  if (state.waiting) {
    const reason = state.waiting.reason;
    if (reason === 'ErrImagePull') return badRequest(`container "${name}" in pod "${podName}" is waiting to start: image can't be pulled`);
    if (reason === 'ImagePullBackOff') {
      return badRequest(`container "${name}" in pod "${podName}" is waiting to start: trying and failing to pull image`);
    }
    return badRequest(`container "${name}" in pod "${podName}" is waiting to start: ${reason}`);
  }
  return badRequest(`container "${name}" in pod "${podName}" is waiting to start - no logs yet`);
}

/** The lines one run wrote, up to `now` or its end. */
export function runLog(pod: Pod, c: Container, rt: PodRuntime, run: Run, now: number, nodeCidr: number, init: boolean): string[] {
  const podIP = rt.podIP ?? '';
  const program = programOf(pod, c, run, podIP);
  const end = run.finishedAt ?? now;
  const specs = init ? [] : probeSpecs(c);
  const requests = specs.length
    ? probeRequests(
        { container: c, specs, program, podIP, from: bridgeIP(nodeCidr), anchor: rt.admittedAt, delays: rt.containers.find((x) => x.name === c.name)?.probeDelays ?? {}, run, endAt: end },
        end,
      )
    : [];
  return program.logs(end - run.startedAt, requests).map((l) => l.line);
}

/** `kubectl logs POD [-c CONTAINER] [--previous]` for the pod stored under `podKey`. */
export function podLogs(state: State, podKey: string, container?: string, previous = false): PodLogs {
  const pod = getObject(state, 'Pod', podKey);
  const { name: podName } = splitKey(podKey);
  if (!pod) return { error: `Error from server (NotFound): pods "${podName}" not found` };
  const init = pod.spec.initContainers ?? [];
  let name = container;
  let defaulted: string | undefined;
  if (!name) {
    // kubectl (polymorphichelpers/logsforobject.go): the default-container annotation, else the first container,
    // saying so on stderr when there was a choice.
    const preset = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
    if (preset && pod.spec.containers.some((c) => c.name === preset)) name = preset;
    else {
      name = pod.spec.containers[0]?.name;
      const notes = preset ? [`Default container name "${preset}" not found in pod ${podName}`] : [];
      if (pod.spec.containers.length > 1 || init.length > 0) {
        const names = [...pod.spec.containers.map((c) => c.name), ...init.map((c) => `${c.name} (init)`)];
        notes.push(`Defaulted container "${name}" out of: ${names.join(', ')}`);
      }
      if (notes.length) defaulted = notes.join('\n');
    }
  }
  const isInit = !pod.spec.containers.some((c) => c.name === name) && init.some((c) => c.name === name);
  const spec = (isInit ? init : pod.spec.containers).find((c) => c.name === name);
  if (!spec || !name) return { error: `error: container ${name} is not valid for pod ${podName}` };
  // A pod not bound to a node has no kubelet to ask: the API server answers with an empty log.
  if (!pod.spec.nodeName) return { lines: [], ...(defaulted ? { defaulted } : {}) };
  const nr = getRow<NodeRuntime>(state, NODE_RUNTIME, pod.spec.nodeName);
  const node = getObject(state, 'Node', pod.spec.nodeName);
  if (!nr || !node || !nr.kubeletUp) {
    const ip = node?.status.addresses?.find((a) => a.type === 'InternalIP')?.address ?? pod.spec.nodeName;
    const ns = pod.metadata.namespace ?? 'default';
    return {
      error: `Error from server: Get "https://${ip}:10250/containerLogs/${ns}/${podName}/${name}": dial tcp ${ip}:10250: connect: no route to host`,
    };
  }
  const statuses = (isInit ? pod.status?.initContainerStatuses : pod.status?.containerStatuses) ?? [];
  const picked = pickContainerID(statuses.find((s) => s.name === name), name, podName, previous);
  if (typeof picked !== 'string') return picked;
  const rt = getRow<PodRuntime>(state, POD_RUNTIME, podKey);
  const crs: ContainerRuntime[] = (isInit ? rt?.initContainers : rt?.containers) ?? [];
  const cr = crs.find((x) => x.name === name);
  const run = [cr?.cur, cr?.prev].find((r) => r && r.containerID === picked);
  // The runtime keeps one dead instance per container (MaxPerPodContainer): older logs are gone.
  const lines = rt && run ? runLog(pod, spec, rt, run, state.now, nr.cidrIndex, isInit) : [];
  return { lines, ...(defaulted ? { defaulted } : {}) };
}
