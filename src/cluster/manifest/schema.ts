// The OpenAPI shape of the kinds kubesim serves (v1.32, from api/openapi-spec/swagger.json), reduced to what
// decoding needs: each field's JSON type, so wrong types and unknown fields are caught with kubectl's messages.
// Subtrees kubesim never reads (securityContext, affinity terms, volume sources, status) are `object`: they must
// be maps, but their contents are not checked, so a valid manifest is never rejected for a field missing here.

export type FieldType =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  /** intstr.IntOrString. */
  | 'int-or-string'
  /** resource.Quantity (a string or a number, parsed by resource.ParseQuantity). */
  | 'quantity'
  /** Any map; contents unchecked. */
  | 'object'
  /** Anything at all (status). */
  | 'any'
  | { map: FieldType }
  | { array: FieldType }
  | { ref: string };

export interface Definition {
  /** OpenAPI definition name, as kubectl's ValidationError prints it: io.k8s.api.core.v1.PodSpec */
  name: string;
  fields: Record<string, FieldType>;
}

const CORE = 'io.k8s.api.core.v1.';
const APPS = 'io.k8s.api.apps.v1.';
const BATCH = 'io.k8s.api.batch.v1.';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

const S: FieldType = 'string';
const I: FieldType = 'integer';
const B: FieldType = 'boolean';
const IOS: FieldType = 'int-or-string';
const Q: FieldType = 'quantity';
const O: FieldType = 'object';
const ref = (name: string): FieldType => ({ ref: name });
const arr = (t: FieldType): FieldType => ({ array: t });
const map = (t: FieldType): FieldType => ({ map: t });

const topLevel = (spec: string): Record<string, FieldType> => ({
  apiVersion: S,
  kind: S,
  metadata: ref('ObjectMeta'),
  spec: ref(spec),
  status: 'any',
});

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap', 'vsphereVolume',
  'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
];

export const DEFINITIONS: Record<string, Definition> = {
  ObjectMeta: {
    name: `${META}ObjectMeta`,
    fields: {
      name: S, generateName: S, namespace: S, selfLink: S, uid: S, resourceVersion: S, generation: I,
      creationTimestamp: S, deletionTimestamp: S, deletionGracePeriodSeconds: I, labels: map(S), annotations: map(S),
      ownerReferences: arr(ref('OwnerReference')), finalizers: arr(S), managedFields: arr(O),
    },
  },
  OwnerReference: {
    name: `${META}OwnerReference`,
    fields: { apiVersion: S, kind: S, name: S, uid: S, controller: B, blockOwnerDeletion: B },
  },
  LabelSelector: {
    name: `${META}LabelSelector`,
    fields: { matchLabels: map(S), matchExpressions: arr(ref('LabelSelectorRequirement')) },
  },
  LabelSelectorRequirement: { name: `${META}LabelSelectorRequirement`, fields: { key: S, operator: S, values: arr(S) } },

  // ---- core/v1 ----
  Pod: { name: `${CORE}Pod`, fields: topLevel('PodSpec') },
  PodTemplateSpec: { name: `${CORE}PodTemplateSpec`, fields: { metadata: ref('ObjectMeta'), spec: ref('PodSpec') } },
  PodSpec: {
    name: `${CORE}PodSpec`,
    fields: {
      volumes: arr(ref('Volume')), initContainers: arr(ref('Container')), containers: arr(ref('Container')),
      ephemeralContainers: arr(O), restartPolicy: S, terminationGracePeriodSeconds: I, activeDeadlineSeconds: I,
      dnsPolicy: S, nodeSelector: map(S), serviceAccountName: S, serviceAccount: S, automountServiceAccountToken: B,
      nodeName: S, hostNetwork: B, hostPID: B, hostIPC: B, shareProcessNamespace: B, securityContext: O,
      imagePullSecrets: arr(O), hostname: S, subdomain: S, affinity: O, schedulerName: S,
      tolerations: arr(ref('Toleration')), hostAliases: arr(O), priorityClassName: S, priority: I, dnsConfig: O,
      readinessGates: arr(O), runtimeClassName: S, enableServiceLinks: B, preemptionPolicy: S, overhead: map(Q),
      topologySpreadConstraints: arr(O), setHostnameAsFQDN: B, os: O, hostUsers: B, schedulingGates: arr(O),
      resourceClaims: arr(O), resources: O,
    },
  },
  Container: {
    name: `${CORE}Container`,
    fields: {
      name: S, image: S, command: arr(S), args: arr(S), workingDir: S, ports: arr(ref('ContainerPort')),
      envFrom: arr(O), env: arr(ref('EnvVar')), resources: ref('ResourceRequirements'), resizePolicy: arr(O),
      restartPolicy: S, volumeMounts: arr(ref('VolumeMount')), volumeDevices: arr(O), livenessProbe: ref('Probe'),
      readinessProbe: ref('Probe'), startupProbe: ref('Probe'), lifecycle: O, terminationMessagePath: S,
      terminationMessagePolicy: S, imagePullPolicy: S, securityContext: O, stdin: B, stdinOnce: B, tty: B,
    },
  },
  ContainerPort: { name: `${CORE}ContainerPort`, fields: { name: S, hostPort: I, containerPort: I, protocol: S, hostIP: S } },
  EnvVar: { name: `${CORE}EnvVar`, fields: { name: S, value: S, valueFrom: O } },
  ResourceRequirements: { name: `${CORE}ResourceRequirements`, fields: { limits: map(Q), requests: map(Q), claims: arr(O) } },
  VolumeMount: {
    name: `${CORE}VolumeMount`,
    fields: { name: S, readOnly: B, recursiveReadOnly: S, mountPath: S, subPath: S, mountPropagation: S, subPathExpr: S },
  },
  Probe: {
    name: `${CORE}Probe`,
    fields: {
      exec: ref('ExecAction'), httpGet: ref('HTTPGetAction'), tcpSocket: ref('TCPSocketAction'), grpc: ref('GRPCAction'),
      initialDelaySeconds: I, timeoutSeconds: I, periodSeconds: I, successThreshold: I, failureThreshold: I,
      terminationGracePeriodSeconds: I,
    },
  },
  ExecAction: { name: `${CORE}ExecAction`, fields: { command: arr(S) } },
  HTTPGetAction: { name: `${CORE}HTTPGetAction`, fields: { path: S, port: IOS, host: S, scheme: S, httpHeaders: arr(ref('HTTPHeader')) } },
  HTTPHeader: { name: `${CORE}HTTPHeader`, fields: { name: S, value: S } },
  TCPSocketAction: { name: `${CORE}TCPSocketAction`, fields: { port: IOS, host: S } },
  GRPCAction: { name: `${CORE}GRPCAction`, fields: { port: I, service: S } },
  Toleration: { name: `${CORE}Toleration`, fields: { key: S, operator: S, value: S, effect: S, tolerationSeconds: I } },
  Volume: {
    name: `${CORE}Volume`,
    fields: { name: S, persistentVolumeClaim: ref('PersistentVolumeClaimVolumeSource'), ...Object.fromEntries(VOLUME_SOURCES.map((s) => [s, O])) },
  },
  PersistentVolumeClaimVolumeSource: { name: `${CORE}PersistentVolumeClaimVolumeSource`, fields: { claimName: S, readOnly: B } },
  ReplicationController: { name: `${CORE}ReplicationController`, fields: topLevel('ReplicationControllerSpec') },
  ReplicationControllerSpec: {
    name: `${CORE}ReplicationControllerSpec`,
    fields: { replicas: I, minReadySeconds: I, selector: map(S), template: ref('PodTemplateSpec') },
  },
  PersistentVolumeClaim: { name: `${CORE}PersistentVolumeClaim`, fields: topLevel('PersistentVolumeClaimSpec') },
  PersistentVolumeClaimSpec: {
    name: `${CORE}PersistentVolumeClaimSpec`,
    fields: {
      accessModes: arr(S), selector: ref('LabelSelector'), resources: ref('VolumeResourceRequirements'), volumeName: S,
      storageClassName: S, volumeMode: S, dataSource: O, dataSourceRef: O, volumeAttributesClassName: S,
    },
  },
  VolumeResourceRequirements: { name: `${CORE}VolumeResourceRequirements`, fields: { limits: map(Q), requests: map(Q) } },
  Node: { name: `${CORE}Node`, fields: topLevel('NodeSpec') },
  NodeSpec: {
    name: `${CORE}NodeSpec`,
    fields: { podCIDR: S, podCIDRs: arr(S), providerID: S, unschedulable: B, taints: arr(ref('Taint')), configSource: O, externalID: S },
  },
  Taint: { name: `${CORE}Taint`, fields: { key: S, value: S, effect: S, timeAdded: S } },

  // ---- apps/v1 ----
  ReplicaSet: { name: `${APPS}ReplicaSet`, fields: topLevel('ReplicaSetSpec') },
  ReplicaSetSpec: {
    name: `${APPS}ReplicaSetSpec`,
    fields: { replicas: I, minReadySeconds: I, selector: ref('LabelSelector'), template: ref('PodTemplateSpec') },
  },
  DaemonSet: { name: `${APPS}DaemonSet`, fields: topLevel('DaemonSetSpec') },
  DaemonSetSpec: {
    name: `${APPS}DaemonSetSpec`,
    fields: {
      selector: ref('LabelSelector'), template: ref('PodTemplateSpec'), updateStrategy: ref('DaemonSetUpdateStrategy'),
      minReadySeconds: I, revisionHistoryLimit: I,
    },
  },
  DaemonSetUpdateStrategy: { name: `${APPS}DaemonSetUpdateStrategy`, fields: { type: S, rollingUpdate: ref('RollingUpdateDaemonSet') } },
  RollingUpdateDaemonSet: { name: `${APPS}RollingUpdateDaemonSet`, fields: { maxUnavailable: IOS, maxSurge: IOS } },
  StatefulSet: { name: `${APPS}StatefulSet`, fields: topLevel('StatefulSetSpec') },
  StatefulSetSpec: {
    name: `${APPS}StatefulSetSpec`,
    fields: {
      replicas: I, selector: ref('LabelSelector'), template: ref('PodTemplateSpec'),
      volumeClaimTemplates: arr(ref('PersistentVolumeClaim')), serviceName: S, podManagementPolicy: S,
      updateStrategy: ref('StatefulSetUpdateStrategy'), revisionHistoryLimit: I, minReadySeconds: I,
      persistentVolumeClaimRetentionPolicy: ref('StatefulSetPersistentVolumeClaimRetentionPolicy'), ordinals: ref('StatefulSetOrdinals'),
    },
  },
  StatefulSetUpdateStrategy: { name: `${APPS}StatefulSetUpdateStrategy`, fields: { type: S, rollingUpdate: ref('RollingUpdateStatefulSetStrategy') } },
  RollingUpdateStatefulSetStrategy: { name: `${APPS}RollingUpdateStatefulSetStrategy`, fields: { partition: I, maxUnavailable: IOS } },
  StatefulSetPersistentVolumeClaimRetentionPolicy: {
    name: `${APPS}StatefulSetPersistentVolumeClaimRetentionPolicy`,
    fields: { whenDeleted: S, whenScaled: S },
  },
  StatefulSetOrdinals: { name: `${APPS}StatefulSetOrdinals`, fields: { start: I } },

  // ---- batch/v1 ----
  Job: { name: `${BATCH}Job`, fields: topLevel('JobSpec') },
  JobSpec: {
    name: `${BATCH}JobSpec`,
    fields: {
      parallelism: I, completions: I, activeDeadlineSeconds: I, podFailurePolicy: O, successPolicy: O, backoffLimit: I,
      backoffLimitPerIndex: I, maxFailedIndexes: I, selector: ref('LabelSelector'), manualSelector: B,
      template: ref('PodTemplateSpec'), ttlSecondsAfterFinished: I, completionMode: S, suspend: B,
      podReplacementPolicy: S, managedBy: S,
    },
  },
  CronJob: { name: `${BATCH}CronJob`, fields: topLevel('CronJobSpec') },
  CronJobSpec: {
    name: `${BATCH}CronJobSpec`,
    fields: {
      schedule: S, timeZone: S, startingDeadlineSeconds: I, concurrencyPolicy: S, suspend: B,
      jobTemplate: ref('JobTemplateSpec'), successfulJobsHistoryLimit: I, failedJobsHistoryLimit: I,
    },
  },
  JobTemplateSpec: { name: `${BATCH}JobTemplateSpec`, fields: { metadata: ref('ObjectMeta'), spec: ref('JobSpec') } },

  // Events are written by components; a user-applied one is only checked at the top level.
  Event: {
    name: `${CORE}Event`,
    fields: {
      apiVersion: S, kind: S, metadata: ref('ObjectMeta'), involvedObject: O, reason: S, message: S, source: O,
      firstTimestamp: S, lastTimestamp: S, count: I, type: S, eventTime: S, series: O, action: S, related: O,
      reportingComponent: S, reportingInstance: S,
    },
  },
};
