// Builders and a stand-in kubelet for the Job / CronJob / TTL controller tests.
//
// The controller tests run on a cluster without nodes, and their pods name a scheduler that does not exist
// (`schedulerName: hold`), so no scheduler or kubelet touches them: each test moves pods through their phases
// itself (as the kubelet would), which pins down exactly what the Job controller does with each observation.
// End-to-end runs with the real scheduler and kubelet are in job-e2e.test.ts.

import type { Event, Job, JobSpec, Pod } from '../../src/cluster/api/types.js';
import { deleteObject, type DeleteOptions } from '../../src/cluster/apiserver.js';
import { createJobThroughApiServer } from '../../src/cluster/controllers/shared/create-job.js';
import { createCluster, dispatch, transact } from '../../src/cluster/engine.js';
import type { State } from '../../src/cluster/state.js';
import { dependentsOf, getObject, keyOf, listObjects } from '../../src/cluster/store.js';
import { rfc3339 } from '../../src/cluster/util/time.js';

export const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
/** No such scheduler: pods stay Pending and unbound until a test binds them. */
export const HOLD_SCHEDULER = 'hold';

/** A cluster with no nodes: pods stay unscheduled and only the tests change their phase. */
export function emptyCluster(start = T0): State {
  return createCluster({ nodes: 0, start });
}

/** A Job manifest with what SetDefaults_Job would fill in (admission checks it again in `createJob`). */
export function job(name: string, spec: Partial<JobSpec> = {}, restartPolicy: 'Never' | 'OnFailure' = 'Never'): Job {
  const completionsSet = 'completions' in spec;
  const parallelismSet = 'parallelism' in spec;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default', uid: '', creationTimestamp: '' },
    spec: {
      ...(!completionsSet && !parallelismSet ? { completions: 1, parallelism: 1 } : {}),
      ...(!parallelismSet ? { parallelism: 1 } : {}),
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      ...spec,
      template: spec.template ?? {
        metadata: {},
        spec: {
          containers: [{ name: 'main', image: 'busybox', command: ['sleep', '60'], imagePullPolicy: 'Always' }],
          restartPolicy,
          terminationGracePeriodSeconds: 30,
          dnsPolicy: 'ClusterFirst',
          schedulerName: HOLD_SCHEDULER,
        },
      },
    },
    status: {},
  };
}

/** `kubectl create -f` of the Job: admission (defaults, validation, generated selector) and storage. */
export function createJob(state: State, j: Job): State {
  return transact(state, (tx) => {
    const r = createJobThroughApiServer(tx, j as unknown as Record<string, unknown>);
    if (!r.job) throw new Error(r.errors.join('\n'));
  });
}

export function advance(state: State, ms: number): State {
  return dispatch(state, { type: 'advance', ms }).state;
}

export function getJob(state: State, name: string): Job {
  const j = getObject(state, 'Job', `default/${name}`);
  if (!j) throw new Error(`no job ${name}`);
  return j;
}

/** The Job's pods (by ownerReference), oldest first. */
export function jobPods(state: State, name: string): Pod[] {
  const j = getObject(state, 'Job', `default/${name}`);
  if (!j) return [];
  return (dependentsOf(state, j.metadata.uid).filter((o) => o.kind === 'Pod') as Pod[]).sort(
    (a, b) => a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) || a.metadata.name.localeCompare(b.metadata.name),
  );
}

export function activePods(state: State, name: string): Pod[] {
  return jobPods(state, name).filter((p) => p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed' && !p.metadata.deletionTimestamp);
}

/** What the kubelet writes when a container runs (phase Running) or exits (Succeeded / Failed). */
export function setPhase(state: State, pod: Pod, phase: 'Running' | 'Succeeded' | 'Failed', opts: { restartCount?: number } = {}): State {
  return transact(state, (tx) => {
    tx.update('Pod', keyOf(pod), (p) => {
      const now = rfc3339(tx.now);
      p.status.phase = phase;
      p.status.conditions = [{ type: 'Ready', status: phase === 'Running' ? 'True' : 'False', lastTransitionTime: now }];
      const exitCode = phase === 'Succeeded' ? 0 : 1;
      p.status.containerStatuses = p.spec.containers.map((c) => ({
        name: c.name,
        image: c.image,
        imageID: '',
        ready: phase === 'Running',
        restartCount: opts.restartCount ?? 0,
        lastState: {},
        state:
          phase === 'Running'
            ? { running: { startedAt: now } }
            : { terminated: { exitCode, reason: phase === 'Succeeded' ? 'Completed' : 'Error', startedAt: now, finishedAt: now } },
      }));
    });
  });
}

export function finishAll(state: State, name: string, phase: 'Succeeded' | 'Failed'): State {
  for (const p of activePods(state, name)) state = setPhase(state, p, phase);
  return state;
}

export function deletePod(state: State, pod: Pod, opts: DeleteOptions = {}): State {
  return transact(state, (tx) => {
    deleteObject(tx, 'Pod', keyOf(pod), opts);
  });
}

/** Pretends the scheduler bound the pod (so that deleting it is graceful and leaves it Terminating). */
export function bind(state: State, pod: Pod, node = 'ghost-node'): State {
  return transact(state, (tx) => {
    tx.update('Pod', keyOf(pod), (p) => {
      p.spec.nodeName = node;
    });
  });
}

/** Events about an object, oldest first, as `Type Reason Message`. */
export function eventsFor(state: State, kind: string, name: string): string[] {
  return listObjects(state, 'Event')
    .filter((e: Event) => e.involvedObject.kind === kind && e.involvedObject.name === name)
    .sort((a, b) => a.firstTimestamp.localeCompare(b.firstTimestamp) || a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp))
    .flatMap((e) => Array.from({ length: e.count }, () => `${e.type} ${e.reason} ${e.message}`));
}

export function conditionTypes(j: Job): string[] {
  return (j.status.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type);
}
