// Runs one parsed script line against a Session: script verbs (wait, node, say, ui) and every kubectl verb.
// Mutating kubectl verbs become engine Actions (src/cluster/actions.ts) and print what the engine reports;
// reading verbs print through src/cluster/printers. Used by the headless runner and the TUI's `:` line.

import type { KubeObject } from '../cluster/api/types.js';
import { RESOURCES } from '../cluster/printers/resources.js';
import { GET_TABWRITER, tabwrite } from '../cluster/printers/tabwriter.js';
import { getObject, keyOf, objectKey, podsOnNode } from '../cluster/store.js';
import { advanceUntil, FOREVER_CAP_MS } from './clock.js';
import { runApply, runDeleteFiles, type Doomed } from './execute-apply.js';
import { collect, runGet } from './execute-get.js';
import { runDescribe, runLogs } from './execute-read.js';
import type { DeleteCommand, KubectlCommand, ScriptCommand } from './script/types.js';
import { OutputBuilder, type Output, type Session } from './session.js';
import { runRolloutStatus, runWait } from './wait.js';

export type { Output, Session } from './session.js';

export function executeCommand(session: Session, cmd: ScriptCommand): Output {
  const b = new OutputBuilder(session.state);
  switch (cmd.type) {
    case 'comment':
    case 'ui':
      break;
    case 'say':
      b.out(`== ${cmd.text}`);
      break;
    case 'wait':
      b.dispatch({ type: 'advance', ms: cmd.ms });
      break;
    case 'node':
      if (cmd.op === 'add') b.dispatch({ type: 'nodeAdd', node: cmd.name, labels: cmd.labels });
      else b.dispatch({ type: cmd.op === 'kill' ? 'nodeKill' : cmd.op === 'restore' ? 'nodeRestore' : 'nodeDelete', node: cmd.name });
      break;
    case 'kubectl':
      runKubectl(b, session, cmd.command);
      break;
  }
  return b.done();
}

function runKubectl(b: OutputBuilder, session: Session, cmd: KubectlCommand): void {
  const ns = ('namespace' in cmd ? cmd.namespace : undefined) ?? session.namespace;
  switch (cmd.verb) {
    case 'get':
      return runGet(b, cmd, session.namespace);
    case 'describe':
      return runDescribe(b, cmd, session.namespace);
    case 'logs':
      return runLogs(b, cmd, ns);
    case 'apply':
    case 'create':
      return runApply(b, cmd, session.baseDir, session.namespace);
    case 'delete':
      return runDelete(b, cmd, ns, session.baseDir);
    case 'label':
    case 'annotate':
      for (const t of cmd.targets) {
        b.dispatch({
          type: 'label',
          kind: t.kind,
          namespace: ns,
          ...(t.names.length > 0 ? { names: t.names } : cmd.selector ? { selector: cmd.selector.text } : { all: true }),
          set: cmd.set,
          remove: cmd.remove,
          overwrite: cmd.overwrite,
          target: cmd.verb === 'label' ? 'labels' : 'annotations',
        });
      }
      return;
    case 'patch':
      for (const t of cmd.targets) {
        for (const name of t.names) b.dispatch({ type: 'patch', kind: t.kind, namespace: ns, name, patch: cmd.patch, patchType: cmd.patchType });
      }
      return;
    case 'scale': {
      const missing: string[] = [];
      const selector = cmd.selector ?? (cmd.all ? { text: '', requirements: [] } : undefined);
      const sections = collect(b.state, cmd.targets, ns, selector, missing);
      if (missing.length > 0) b.fail(...missing);
      for (const s of sections) for (const o of s.objects) b.dispatch({ type: 'scale', kind: s.kind, namespace: ns, name: o.metadata.name, replicas: cmd.replicas });
      return;
    }
    case 'set image':
      for (const t of cmd.targets) for (const name of t.names) b.dispatch({ type: 'setImage', kind: t.kind, namespace: ns, name, images: cmd.images });
      return;
    case 'create job':
      if (cmd.fromCronJob !== undefined) b.dispatch({ type: 'createJobFromCronJob', namespace: ns, name: cmd.name, cronJob: cmd.fromCronJob });
      else b.dispatch({ type: 'createJob', namespace: ns, name: cmd.name, image: cmd.image!, ...(cmd.command ? { command: cmd.command } : {}) });
      return;
    case 'create cronjob':
      b.dispatch({
        type: 'apply',
        mode: 'create',
        objects: [
          {
            // What `kubectl create cronjob` sends (kubectl/pkg/cmd/create/create_cronjob.go createCronJob).
            apiVersion: 'batch/v1',
            kind: 'CronJob',
            metadata: { name: cmd.name, namespace: ns },
            spec: {
              schedule: cmd.schedule,
              jobTemplate: {
                metadata: { name: cmd.name },
                spec: {
                  template: {
                    spec: {
                      containers: [{ name: cmd.name, image: cmd.image, ...(cmd.command ? { command: cmd.command } : {}) }],
                      restartPolicy: cmd.restart,
                    },
                  },
                },
              },
            },
          },
        ],
      });
      return;
    case 'cordon':
    case 'uncordon':
      for (const node of cmd.nodes) b.dispatch({ type: 'cordon', node, unschedulable: cmd.verb === 'cordon' });
      return;
    case 'drain':
      for (const node of cmd.nodes) {
        const before = podsOnNode(b.state, node).map((p) => ({ kind: 'Pod' as const, key: keyOf(p), name: p.metadata.name, uid: p.metadata.uid }));
        b.dispatch({
          type: 'drain',
          node,
          ignoreDaemonSets: cmd.ignoreDaemonSets,
          force: cmd.force,
          ...(cmd.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: cmd.gracePeriodSeconds } : {}),
        });
        if (b.failed) return;
        // kubectl drain waits for the pods it evicted to be gone before it moves on (drain.go evictPods).
        waitUntilGone(b, before, cmd.timeoutMs);
        if (b.failed) return;
      }
      return;
    case 'wait':
      return runWait(b, cmd, ns);
    case 'rollout status':
      return runRolloutStatus(b, cmd, ns);
    case 'version':
      b.out('Client Version: v1.32.0', 'Kustomize Version: v5.5.0', 'Server Version: v1.32.0 (kubesim)');
      return;
    case 'api-versions':
      b.out(...[...new Set(Object.values(RESOURCES).map((r) => (r.group ? `${r.group}/${r.version}` : r.version)))].sort());
      return;
    case 'api-resources':
      b.text(apiResources());
      return;
  }
}

/** `kubectl api-resources`: core group first, then groups alphabetically, resources alphabetically within. */
function apiResources(): string {
  const rows = Object.values(RESOURCES)
    .sort((a, b) => (a.group !== b.group ? (a.group < b.group ? -1 : 1) : a.plural < b.plural ? -1 : 1))
    .map((r) => [r.plural, r.shortNames.join(','), r.group ? `${r.group}/${r.version}` : r.version, String(r.namespaced), r.kind]);
  rows.unshift(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']);
  return tabwrite(rows.map((r) => r.join('\t') + '\n').join(''), GET_TABWRITER);
}

/** `kubectl delete`: one delete action per kind, then (unless --wait=false) wait until the objects are gone. */
function runDelete(b: OutputBuilder, cmd: DeleteCommand, ns: string, baseDir: string): void {
  b.warn(...cmd.warnings);
  let doomed: Doomed[] = [];
  if (cmd.files.length > 0) {
    doomed = runDeleteFiles(b, cmd, ns, baseDir);
  } else {
    const missing: string[] = [];
    const selector = cmd.selector ?? (cmd.all ? { text: '', requirements: [] } : undefined);
    const sections = collect(b.state, cmd.targets, ns, selector, missing);
    doomed = sections.flatMap((s) => s.objects.map((o: KubeObject) => ({ kind: s.kind, key: objectKey(s.kind, ns, o.metadata.name), name: o.metadata.name, uid: o.metadata.uid })));
    for (const t of cmd.targets) {
      b.dispatch({
        type: 'delete',
        kind: t.kind,
        namespace: ns,
        ...(t.names.length > 0 ? { names: t.names } : cmd.selector ? { selector: cmd.selector.text } : { all: true }),
        cascade: cmd.cascade,
        ...(cmd.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: cmd.gracePeriodSeconds } : {}),
        force: cmd.force,
        ignoreNotFound: cmd.ignoreNotFound,
      });
    }
  }
  if (cmd.wait) waitUntilGone(b, doomed, cmd.timeoutMs, '; --wait=false does not wait');
}

/**
 * Advances time until every object being deleted is gone (or replaced by a new one of the same name), as kubectl
 * waits after delete and drain. Objects the command did not start deleting are not waited for.
 */
function waitUntilGone(b: OutputBuilder, doomed: Doomed[], timeoutMs: number | undefined, hint = ''): void {
  const gone = (d: Doomed) => (s: typeof b.state) => getObject(s, d.kind, d.key)?.metadata.uid !== d.uid;
  const deleting = doomed.filter((d) => gone(d)(b.state) || getObject(b.state, d.kind, d.key)?.metadata.deletionTimestamp !== undefined);
  const deadline = b.state.now + (timeoutMs ?? FOREVER_CAP_MS);
  for (const d of deleting) {
    const waited = advanceUntil(b.state, Math.max(0, deadline - b.state.now), gone(d));
    b.state = waited.state;
    if (!waited.met) {
      b.fail(`error: timed out waiting for the condition on ${RESOURCES[d.kind].plural}/${d.name}`);
      if (timeoutMs === undefined) b.warn(`kubesim: stopped after ${FOREVER_CAP_MS / 60_000}m of simulated time (kubectl would keep waiting${hint})`);
      return;
    }
  }
}
