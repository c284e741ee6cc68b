// fast-check arbitraries for random fault sequences (issue 7, item 2): the notes' workloads applied from
// fixtures/, node kills/restores/adds/deletes, scale, delete with each cascade, label, patch, and time passing.
// Small on purpose (few nodes, few objects, short sequences) so 1,000 sequences run in seconds.

import { resolve } from 'node:path';
import fc from 'fast-check';
import type { Action } from '../../src/cluster/actions.js';
import type { Kind } from '../../src/cluster/api/types.js';
import { loadManifestPath } from '../../src/cluster/manifest/index.js';

const FIXTURES = resolve(__dirname, '../../fixtures');

/** Workloads from the notes. sample-ds and sample-ss both select app=sample-app: orphans of one may be adopted by the other, as in a real cluster. */
const WORKLOAD_FILES = ['kubia-replicaset.yaml', 'sample-ds.yaml', 'sample-ss.yaml', 'multi-completion-parallel-batch-job.yaml', 'demo/sample-cronjob.yaml'];

function objectsOf(file: string): unknown[] {
  const loaded = loadManifestPath(resolve(FIXTURES, file));
  if (loaded.errors.length > 0) throw new Error(`${file}: ${loaded.errors.map((e) => e.message).join('; ')}`);
  return loaded.documents.map((d) => d.object);
}

export const WORKLOADS: { file: string; objects: unknown[] }[] = WORKLOAD_FILES.map((file) => ({ file, objects: objectsOf(file) }));

/** The objects a sequence can act on: kind and name as the fixtures give them. */
const TARGETS: { kind: Kind; name: string; scalable: boolean }[] = [
  { kind: 'ReplicaSet', name: 'kubia', scalable: true },
  { kind: 'DaemonSet', name: 'sample-ds', scalable: false },
  { kind: 'StatefulSet', name: 'sample-ss', scalable: true },
  { kind: 'Job', name: 'multi-completion-parallel-batch-job', scalable: true },
  { kind: 'CronJob', name: 'sample-cronjob', scalable: false },
];

/** node-1..3 exist at the start; node-4 only after `node add`. */
const NODE = fc.constantFrom('node-1', 'node-2', 'node-3', 'node-4');
const TARGET = fc.constantFrom(...TARGETS);
const SCALABLE = fc.constantFrom(...TARGETS.filter((t) => t.scalable));

export const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORKLOADS).map((w): Action => ({ type: 'apply', mode: 'apply', objects: w.objects })) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 90 }).map((s): Action => ({ type: 'advance', ms: s * 1000 })) },
  { weight: 2, arbitrary: NODE.map((node): Action => ({ type: 'nodeKill', node })) },
  { weight: 2, arbitrary: NODE.map((node): Action => ({ type: 'nodeRestore', node })) },
  { weight: 1, arbitrary: NODE.map((node): Action => ({ type: 'nodeAdd', node, labels: {} })) },
  { weight: 1, arbitrary: NODE.map((node): Action => ({ type: 'nodeDelete', node })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(SCALABLE, fc.integer({ min: 0, max: 4 }))
      .map(([t, replicas]): Action => ({ type: 'scale', kind: t.kind, namespace: 'default', name: t.name, replicas })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(TARGET, fc.constantFrom('background', 'foreground', 'orphan') as fc.Arbitrary<'background' | 'foreground' | 'orphan'>)
      .map(([t, cascade]): Action => ({ type: 'delete', kind: t.kind, namespace: 'default', names: [t.name], cascade, ignoreNotFound: true })),
  },
  {
    // Relabelling pods out of a selector orphans them (the controller releases them and makes new ones).
    weight: 1,
    arbitrary: fc
      .constantFrom('app=kubia', 'app=sample-app')
      .map((selector): Action => ({ type: 'label', kind: 'Pod', namespace: 'default', selector, set: { app: 'moved' }, remove: [], overwrite: true })),
  },
  { weight: 1, arbitrary: NODE.map((node): Action => ({ type: 'label', kind: 'Node', namespace: '', names: [node], set: { disk: 'ssd' }, remove: [], overwrite: true })) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 0, max: 4 })
      .map((replicas): Action => ({ type: 'patch', kind: 'ReplicaSet', namespace: 'default', name: 'kubia', patch: { spec: { replicas } }, patchType: 'merge' })),
  },
);

/** 5–15 actions: short enough for 1,000 runs per CI job, long enough to interleave faults with workloads. */
export const sequenceArb = fc.array(actionArb, { minLength: 5, maxLength: 15 });

/** A readable line per action for fast-check's counterexample output. */
export function describeAction(a: Action): string {
  if (a.type === 'apply') return `apply ${WORKLOADS.find((w) => w.objects === a.objects)?.file ?? '?'}`;
  const { type, ...rest } = a;
  return `${type} ${JSON.stringify(rest)}`;
}
