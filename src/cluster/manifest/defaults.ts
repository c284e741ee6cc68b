// API-server defaulting, copied from pkg/apis/core/v1/defaults.go, pkg/apis/apps/v1/defaults.go and
// pkg/apis/batch/v1/defaults.go (v1.32), plus the two admission plugins every real pod passes through:
// ServiceAccount (serviceAccountName: default) and DefaultTolerationSeconds (not-ready/unreachable for 300s).
// Objects sent as a removed beta version first get that version's own defaults (e.g. extensions/v1beta1 filled
// in the selector from the template labels), as the cluster of the notes' time would have done.

import type { Kind } from '../api/types.js';
import { parseQuantity } from '../util/quantity.js';

// Manifests are plain JSON here; the shapes are checked by decode.ts before defaulting runs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const obj = (parent: Obj, key: string): Obj => (parent[key] ??= {});
const setIfUnset = (o: Obj, key: string, value: unknown): void => {
  if (o[key] === undefined || o[key] === null) o[key] = value;
};
/** Go's "zero means unset" for int fields (SetDefaults_Probe treats an explicit 0 as unset). */
const setIfZero = (o: Obj, key: string, value: number): void => {
  if (!o[key]) o[key] = value;
};

export interface DefaultingOptions {
  /** The apiVersion the manifest was written in (before conversion to the served version). */
  requestedVersion: string;
  /** DefaultTolerationSeconds admission (`--default-not-ready-toleration-seconds`), 300 by default. */
  defaultTolerationSeconds: number;
}

export function applyDefaults(o: Obj, kind: Kind, opts: DefaultingOptions): void {
  const meta = obj(o, 'metadata');
  legacyDefaults(o, kind, opts.requestedVersion);
  switch (kind) {
    case 'Pod':
      defaultPodSpec(obj(o, 'spec'));
      defaultPodOnly(o.spec, opts.defaultTolerationSeconds);
      break;
    case 'ReplicationController': {
      // SetDefaults_ReplicationController: selector and labels from the template's labels.
      const labels = o.spec?.template?.metadata?.labels;
      const spec = obj(o, 'spec');
      if (labels && Object.keys(labels).length) {
        if (!spec.selector || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
        if (!meta.labels || Object.keys(meta.labels).length === 0) meta.labels = { ...labels };
      }
      setIfUnset(spec, 'replicas', 1);
      // The RC template is a pointer: a missing one stays missing (and is reported as required).
      if (spec.template) defaultTemplate(spec);
      break;
    }
    case 'ReplicaSet':
      setIfUnset(obj(o, 'spec'), 'replicas', 1);
      defaultTemplate(o.spec);
      break;
    case 'DaemonSet':
      defaultDaemonSet(obj(o, 'spec'));
      break;
    case 'StatefulSet':
      defaultStatefulSet(obj(o, 'spec'));
      break;
    case 'Job':
      defaultJob(o);
      break;
    case 'CronJob': {
      const spec = obj(o, 'spec');
      setIfUnset(spec, 'concurrencyPolicy', 'Allow');
      setIfUnset(spec, 'suspend', false);
      setIfUnset(spec, 'successfulJobsHistoryLimit', 3);
      setIfUnset(spec, 'failedJobsHistoryLimit', 1);
      // The job template's pod template is defaulted; SetDefaults_Job is not (it takes a Job, not a JobSpec).
      const jt = obj(obj(spec, 'jobTemplate'), 'spec');
      defaultTemplate(jt);
      break;
    }
    case 'PersistentVolumeClaim':
      setIfUnset(obj(o, 'spec'), 'volumeMode', 'Filesystem');
      break;
    case 'Node': {
      obj(o, 'spec');
      const status = obj(o, 'status');
      setIfUnset(status, 'capacity', {});
      // SetDefaults_NodeStatus: allocatable defaults to capacity.
      setIfUnset(status, 'allocatable', { ...status.capacity });
      setIfUnset(status, 'conditions', []);
      break;
    }
    case 'Event':
      setIfUnset(o, 'type', 'Normal');
      setIfUnset(o, 'count', 1);
      setIfUnset(o, 'involvedObject', {});
      setIfUnset(o, 'source', {});
      break;
  }
}

/** Defaults the removed beta versions applied that apps/v1 no longer does. */
function legacyDefaults(o: Obj, kind: Kind, version: string): void {
  const spec = obj(o, 'spec');
  const labels = spec.template?.metadata?.labels;
  const selectorFromLabels =
    (version === 'extensions/v1beta1' && (kind === 'ReplicaSet' || kind === 'DaemonSet')) ||
    (version === 'apps/v1beta1' && kind === 'StatefulSet');
  if (selectorFromLabels && labels && Object.keys(labels).length) {
    setIfUnset(spec, 'selector', { matchLabels: { ...labels } });
    const meta = obj(o, 'metadata');
    if (!meta.labels || Object.keys(meta.labels).length === 0) meta.labels = { ...labels };
  }
  // extensions/v1beta1 DaemonSets and apps/v1beta1 StatefulSets defaulted to the OnDelete update strategy.
  if ((version === 'extensions/v1beta1' && kind === 'DaemonSet') || (version === 'apps/v1beta1' && kind === 'StatefulSet')) {
    setIfUnset(obj(spec, 'updateStrategy'), 'type', 'OnDelete');
  }
}

function defaultTemplate(spec: Obj): void {
  const tpl = obj(spec, 'template');
  defaultPodSpec(obj(tpl, 'spec'));
}

/** SetDefaults_PodSpec and everything under it (containers, probes, ports, volumes). */
export function defaultPodSpec(spec: Obj): void {
  setIfUnset(spec, 'dnsPolicy', 'ClusterFirst');
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  setIfUnset(spec, 'securityContext', {});
  setIfUnset(spec, 'terminationGracePeriodSeconds', 30);
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) if (c && typeof c === 'object') defaultContainer(c);
  for (const v of spec.volumes ?? []) if (v && typeof v === 'object') defaultVolume(v);
}

function defaultContainer(c: Obj): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = imagePullPolicyFor(String(c.image ?? ''));
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  setIfUnset(c, 'resources', {});
  for (const p of c.ports ?? []) if (p && typeof p === 'object' && !p.protocol) p.protocol = 'TCP';
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (probe && typeof probe === 'object') defaultProbe(probe);
}

/**
 * SetDefaults_Container: `Always` when the tag is `latest` or there is neither tag nor digest, else
 * `IfNotPresent` (pkg/util/parsers.ParseImageName; an unparsable name has no tag, hence IfNotPresent).
 */
export function imagePullPolicyFor(image: string): 'Always' | 'IfNotPresent' {
  const at = image.indexOf('@');
  const nameAndTag = at >= 0 ? image.slice(0, at) : image;
  const digest = at >= 0 ? image.slice(at + 1) : '';
  const colon = nameAndTag.indexOf(':', nameAndTag.lastIndexOf('/') + 1);
  const name = colon >= 0 ? nameAndTag.slice(0, colon) : nameAndTag;
  const tag = colon >= 0 ? nameAndTag.slice(colon + 1) : '';
  // docker/distribution reference grammar: path components are lower-case (the registry host need not be).
  const parts = name.split('/');
  const path = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]) ? parts.slice(1) : parts;
  if (!name || path.some((p) => !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(p))) return 'IfNotPresent';
  if (!tag && digest) return 'IfNotPresent';
  return !tag || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(p: Obj): void {
  setIfUnset(p, 'initialDelaySeconds', 0);
  setIfZero(p, 'timeoutSeconds', 1);
  setIfZero(p, 'periodSeconds', 10);
  setIfZero(p, 'successThreshold', 1);
  setIfZero(p, 'failureThreshold', 3);
  if (p.httpGet && typeof p.httpGet === 'object') {
    if (!p.httpGet.path) p.httpGet.path = '/';
    if (!p.httpGet.scheme) p.httpGet.scheme = 'HTTP';
  }
}

const DEFAULT_MODE_SOURCES = ['configMap', 'secret', 'downwardAPI', 'projected'];
const VOLUME_SOURCE_KEYS = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos',
  'csi', 'ephemeral', 'image',
];
export const volumeSources = (v: Obj): string[] => VOLUME_SOURCE_KEYS.filter((k) => v[k] !== undefined && v[k] !== null);

/** SetDefaults_Volume: a volume without a source is an emptyDir; file-projecting sources get mode 0644. */
function defaultVolume(v: Obj): void {
  if (volumeSources(v).length === 0) v.emptyDir = {};
  for (const k of DEFAULT_MODE_SOURCES) if (v[k] && typeof v[k] === 'object') setIfUnset(v[k], 'defaultMode', 420);
}

/** Pod-only defaulting (SetDefaults_Pod) and the admission plugins that only act on pods. */
function defaultPodOnly(spec: Obj, tolerationSeconds: number): void {
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    if (!c || typeof c !== 'object') continue;
    const limits = c.resources?.limits;
    if (limits && typeof limits === 'object') {
      const requests = obj(c.resources, 'requests');
      for (const [k, v] of Object.entries(limits)) setIfUnset(requests, k, v);
    }
  }
  setIfUnset(spec, 'enableServiceLinks', true);
  if (!spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount || 'default';
  setIfUnset(spec, 'serviceAccount', spec.serviceAccountName);
  setIfUnset(spec, 'priority', 0);
  setIfUnset(spec, 'preemptionPolicy', 'PreemptLowerPriority');
  // DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds): unless the pod already tolerates
  // the taint, it may stay `tolerationSeconds` on a node that went not-ready or unreachable.
  const tolerations: Obj[] = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const tolerated = tolerations.some(
      (t) => t && (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'),
    );
    if (!tolerated) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds });
  }
  spec.tolerations = tolerations;
}

function defaultDaemonSet(spec: Obj): void {
  const us = obj(spec, 'updateStrategy');
  if (!us.type) us.type = 'RollingUpdate';
  if (us.type === 'RollingUpdate') {
    const ru = obj(us, 'rollingUpdate');
    setIfUnset(ru, 'maxUnavailable', 1);
    setIfUnset(ru, 'maxSurge', 0);
  }
  setIfUnset(spec, 'revisionHistoryLimit', 10);
  defaultTemplate(spec);
}

function defaultStatefulSet(spec: Obj): void {
  if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
  const us = obj(spec, 'updateStrategy');
  if (!us.type) {
    us.type = 'RollingUpdate';
    setIfUnset(us, 'rollingUpdate', {});
  }
  if (us.type === 'RollingUpdate' && us.rollingUpdate && typeof us.rollingUpdate === 'object') setIfUnset(us.rollingUpdate, 'partition', 0);
  const retention = obj(spec, 'persistentVolumeClaimRetentionPolicy');
  if (!retention.whenDeleted) retention.whenDeleted = 'Retain';
  if (!retention.whenScaled) retention.whenScaled = 'Retain';
  setIfUnset(spec, 'replicas', 1);
  setIfUnset(spec, 'revisionHistoryLimit', 10);
  defaultTemplate(spec);
  // Claim templates are stored as full PersistentVolumeClaims (SetObjectDefaults_StatefulSet).
  for (const pvc of spec.volumeClaimTemplates ?? []) {
    if (!pvc || typeof pvc !== 'object') continue;
    setIfUnset(pvc, 'apiVersion', 'v1');
    setIfUnset(pvc, 'kind', 'PersistentVolumeClaim');
    setIfUnset(obj(pvc, 'spec'), 'volumeMode', 'Filesystem');
    setIfUnset(pvc, 'status', { phase: 'Pending' });
  }
}

function defaultJob(o: Obj): void {
  const spec = obj(o, 'spec');
  if ((spec.completions ?? null) === null && (spec.parallelism ?? null) === null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setIfUnset(spec, 'parallelism', 1);
  setIfUnset(spec, 'backoffLimit', spec.backoffLimitPerIndex != null ? 2147483647 : 6);
  const labels = spec.template?.metadata?.labels;
  const meta = obj(o, 'metadata');
  if (labels && Object.keys(labels).length && (!meta.labels || Object.keys(meta.labels).length === 0)) meta.labels = { ...labels };
  setIfUnset(spec, 'completionMode', 'NonIndexed');
  setIfUnset(spec, 'suspend', false);
  setIfUnset(spec, 'podReplacementPolicy', spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed');
  defaultTemplate(spec);
}

/**
 * The QoS class the API server records on a new pod (pkg/apis/core/helper/qos GetPodQOS): BestEffort without
 * cpu/memory requests or limits, Guaranteed when every container limits both and requests equal limits.
 */
export function podQOSClass(spec: Obj): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const requests: Record<string, number> = {};
  const limits: Record<string, number> = {};
  let guaranteed = true;
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    const found = new Set<string>();
    for (const [which, sums] of [['requests', requests], ['limits', limits]] as const) {
      for (const [name, q] of Object.entries((c?.resources?.[which] ?? {}) as Record<string, string | number>)) {
        if (name !== 'cpu' && name !== 'memory') continue;
        const v = parseQuantity(q) ?? 0;
        if (v <= 0) continue;
        sums[name] = (sums[name] ?? 0) + v;
        if (which === 'limits') found.add(name);
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (Object.keys(requests).length === 0 && Object.keys(limits).length === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of Object.entries(requests)) if (limits[name] !== req) guaranteed = false;
  }
  return guaranteed && Object.keys(requests).length === Object.keys(limits).length ? 'Guaranteed' : 'Burstable';
}
