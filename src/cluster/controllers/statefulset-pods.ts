// StatefulSet pod identity and volumes (pkg/controller/statefulset/stateful_set_utils.go): stable names
// `<set>-<ordinal>`, hostname/subdomain, identity labels, and one PersistentVolumeClaim per volumeClaimTemplate
// named `<claim>-<set>-<ordinal>`, created before the pod and kept after it (Retain) so the ordinal gets it back.

import type { PersistentVolumeClaim, Pod, PodTemplateSpec, StatefulSet } from '../api/types.js';
import { controllerRef, createObject } from '../apiserver.js';
import { recordEvent } from '../events.js';
import { objectKey } from '../store.js';
import type { Tx } from '../tx.js';
import { createPodFromTemplate } from './shared/pods.js';
import { REVISION_LABEL } from './shared/revision.js';

export const COMPONENT = 'statefulset-controller';
/** Private table: the pod template of each revision, so pods below a partition are recreated at the old one. */
export const REVISIONS = 'controllerRevisions';

export function podName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/**
 * getOrdinal: the ordinal in a pod's name `<set>-<ordinal>`, or -1 if it does not have the set's name shape (the
 * ordinal is what `/^(0|[1-9]\d*)$/` accepts: digits, no leading zero). Read character by character: a claim asks
 * it of every pod of the set, twice per sync, and a prefix string plus a regexp test per pod was a sixth of the
 * StatefulSet controller's time converging 30,000 pods.
 */
export function ordinalOf(set: StatefulSet, pod: Pod): number {
  const name = pod.metadata.name;
  const at = set.metadata.name.length + 1; // first digit
  if (name.length <= at || name.charCodeAt(at - 1) !== 0x2d || !name.startsWith(set.metadata.name)) return -1;
  if (name.charCodeAt(at) === 0x30) return name.length === at + 1 ? 0 : -1; // "0", never "01"
  for (let i = at; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return -1;
  }
  return Number(name.slice(at));
}

export function claimName(template: string, set: StatefulSet, ordinal: number): string {
  return `${template}-${set.metadata.name}-${ordinal}`;
}

/** createPersistentVolumeClaims: the claims the ordinal needs, created if missing (bound at once: a default StorageClass). */
export function ensureClaims(tx: Tx, set: StatefulSet, ordinal: number): void {
  const ns = set.metadata.namespace ?? 'default';
  const deleteWithSet = set.spec.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete';
  for (const t of set.spec.volumeClaimTemplates ?? []) {
    const name = claimName(t.metadata.name, set, ordinal);
    if (tx.obj('PersistentVolumeClaim', objectKey('PersistentVolumeClaim', ns, name))) continue;
    const storage = t.spec.resources?.requests?.storage ?? '1Gi';
    const uid = tx.uid();
    const pvc: PersistentVolumeClaim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name,
        namespace: ns,
        uid,
        creationTimestamp: '',
        labels: { ...(set.spec.selector.matchLabels ?? {}), ...(t.metadata.labels ?? {}) },
        annotations: { 'pv.kubernetes.io/bind-completed': 'yes', 'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path' },
        finalizers: ['kubernetes.io/pvc-protection'],
        ...(deleteWithSet ? { ownerReferences: [controllerRef(set)] } : {}),
      },
      spec: {
        accessModes: t.spec.accessModes ?? ['ReadWriteOnce'],
        resources: { requests: { storage } },
        storageClassName: t.spec.storageClassName ?? 'standard',
        volumeMode: 'Filesystem',
        volumeName: `pvc-${uid}`,
      },
      status: { phase: 'Bound', accessModes: t.spec.accessModes ?? ['ReadWriteOnce'], capacity: { storage } },
    };
    createObject(tx, pvc);
    recordEvent(tx, set, {
      type: 'Normal',
      reason: 'SuccessfulCreate',
      message: `create Claim ${name} Pod ${podName(set, ordinal)} in StatefulSet ${set.metadata.name} success`,
      component: COMPONENT,
    });
  }
}

/** newVersionedStatefulSetPod: the pod for `ordinal` from the template of `revision`. */
export function createStatefulPod(tx: Tx, set: StatefulSet, ordinal: number, revision: string, template: PodTemplateSpec): Pod {
  ensureClaims(tx, set, ordinal);
  const name = podName(set, ordinal);
  const pod = createPodFromTemplate(tx, set, template, {
    name,
    labels: {
      [REVISION_LABEL]: revision,
      'statefulset.kubernetes.io/pod-name': name,
      'apps.kubernetes.io/pod-index': String(ordinal),
    },
    mutate: (p) => {
      p.spec.hostname = name;
      if (set.spec.serviceName) p.spec.subdomain = set.spec.serviceName;
      const claims = (set.spec.volumeClaimTemplates ?? []).map((t) => ({
        name: t.metadata.name,
        persistentVolumeClaim: { claimName: claimName(t.metadata.name, set, ordinal) },
      }));
      if (claims.length) {
        const names = new Set(claims.map((c) => c.name));
        p.spec.volumes = [...claims, ...(p.spec.volumes ?? []).filter((v) => !names.has(v.name))];
      }
    },
  });
  recordEvent(tx, set, {
    type: 'Normal',
    reason: 'SuccessfulCreate',
    message: `create Pod ${name} in StatefulSet ${set.metadata.name} successful`,
    component: COMPONENT,
  });
  return pod;
}
