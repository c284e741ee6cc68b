// `kubectl describe pod`: describePod in kubectl/pkg/describe/describe.go, and the QoS class
// (kubectl/pkg/util/qos: status.qosClass if set, else ComputePodQOS).

import type { Container, Event, Pod } from '../../api/types.js';
import { parseTime } from '../../util/time.js';
import { controllerOf } from '../common.js';
import { humanDuration, rfc1123z } from '../duration.js';
import { parseQuantityExact } from '../quantity.js';
import { describeContainers, describeVolumes } from './containers.js';
import { describeEvents } from './events.js';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './writer.js';

const QOS_RESOURCES = ['cpu', 'memory'];

/**
 * ComputePodQOS (pkg/apis/core/helper/qos): sums of positive cpu/memory requests and limits over all containers;
 * BestEffort if both are empty, Guaranteed if every container limits cpu and memory and the sums match, else
 * Burstable. Requests default to limits (SetDefaults_Pod), so an unset request counts as its limit.
 */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const containers: Container[] = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  for (const c of containers) {
    const found = new Set<string>();
    for (const r of QOS_RESOURCES) {
      const lim = parseQuantityExact(c.resources?.limits?.[r]);
      const req = parseQuantityExact(c.resources?.requests?.[r]) ?? lim;
      if (req && req.nanos > 0n) requests.set(r, (requests.get(r) ?? 0n) + req.nanos);
      if (lim && lim.nanos > 0n) {
        found.add(r);
        limits.set(r, (limits.get(r) ?? 0n) + lim.nanos);
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [r, v] of requests) if (limits.get(r) !== v) guaranteed = false;
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

export function describePod(pod: Pod, events: Event[], now: number): string {
  const w = new PrefixWriter();
  const { spec, metadata: meta } = pod;
  const status = pod.status ?? ({ phase: 'Pending' } as Pod['status']);
  w.write(0, `Name:\t${meta.name}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? 'default'}\n`);
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  const priorityClass = (spec as { priorityClassName?: string }).priorityClassName;
  if (priorityClass) w.write(0, `Priority Class Name:\t${priorityClass}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    const deletion = parseTime(meta.deletionTimestamp) ?? now;
    w.write(0, `Status:\tTerminating (lasts ${humanDuration(now - deletion)})\n`);
    w.write(0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
  } else w.write(0, `Status:\t${status.phase}\n`);
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message}\n`);
  w.write(0, `IP:\t${status.podIP ?? ''}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const owner = controllerOf(meta);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses ?? [], '');
  describeContainers(w, 'Containers', spec.containers, status.containerStatuses ?? [], '');
  const gates = (spec as { readinessGates?: { conditionType: string }[] }).readinessGates ?? [];
  if (gates.length > 0) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of gates) {
      const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
      w.write(1, `${g.conditionType} \t${c?.status ?? '<none>'} \n`);
    }
  }
  if (status.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes, '');
  w.write(0, `QoS Class:\t${podQOS(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
  describeEvents(w, events, now);
  return w.toString();
}
