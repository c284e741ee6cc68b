// Every change the dashboard makes to the cluster is a script line (what a learner would type), run through
// Simulation.run — so a recording of a session is just these lines, and the flash shows kubectl's own output.
// Pure builders, tested on their own.

import type { Kind } from '../../cluster/api/types.js';
import { RESOURCES } from '../../cluster/printers/resources.js';
import type { State } from '../../cluster/state.js';
import { listObjects } from '../../cluster/store.js';
import { quoteWord } from '../../cli/script/words.js';
import { fieldValue, type Dialog } from '../state/dialog.js';

/** The word a script uses for a kind: its short name (`rs`, `sts`), else its singular (`job`, `pod`). */
export function kindWord(kind: Kind): string {
  return RESOURCES[kind].shortNames[0] ?? RESOURCES[kind].singular;
}

export const scaleLine = (kind: Kind, name: string, replicas: number) => `kubectl scale ${kindWord(kind)} ${quoteWord(name)} --replicas=${replicas}`;

/**
 * ctrl-d's delete. `--wait=false` because k9s does not wait either: kubectl's default would hold the whole
 * simulated clock until the object is gone, where the dashboard wants to watch it terminate.
 */
export function deleteLine(kind: Kind, name: string, cascade: string = 'background'): string {
  const c = cascade === 'background' ? '' : ` --cascade=${cascade}`;
  return `kubectl delete ${kindWord(kind)} ${quoteWord(name)}${c} --wait=false`;
}

/** ctrl-k: k9s' kill, a pod delete without a prompt (view/pod.go killCmd). */
export const killLine = (pod: string) => `kubectl delete pod ${quoteWord(pod)} --wait=false`;

export const triggerLine = (cronJob: string, job: string) => `kubectl create job ${quoteWord(job)} --from=cronjob/${cronJob}`;

export const suspendLine = (cronJob: string, suspend: boolean) =>
  `kubectl patch cronjob ${quoteWord(cronJob)} -p ${quoteWord(JSON.stringify({ spec: { suspend } }))}`;

export const cordonLine = (node: string, cordon: boolean) => `kubectl ${cordon ? 'cordon' : 'uncordon'} ${quoteWord(node)}`;

export function drainLine(node: string, opts: { ignoreDaemonSets: boolean; deleteEmptyDirData: boolean; force: boolean }): string {
  const flags = [opts.ignoreDaemonSets ? ' --ignore-daemonsets' : '', opts.deleteEmptyDirData ? ' --delete-emptydir-data' : '', opts.force ? ' --force' : ''];
  return `kubectl drain ${quoteWord(node)}${flags.join('')}`;
}

export const nodeLine = (op: 'kill' | 'restore' | 'add', node: string) => `node ${op} ${quoteWord(node)}`;

export const patchLine = (kind: Kind, name: string, patch: unknown) =>
  `kubectl patch ${kindWord(kind)} ${quoteWord(name)} --type=merge -p ${quoteWord(JSON.stringify(patch))}`;

/** The next free `node-N` name (the engine names its nodes node-1…node-N). */
export function nextNodeName(state: State): string {
  const taken = new Set(listObjects(state, 'Node').map((n) => n.metadata.name));
  let i = taken.size + 1;
  while (taken.has(`node-${i}`)) i++;
  return `node-${i}`;
}

/** k9s names a triggered job `<cronjob>-manual-<suffix>`; here the suffix counts up, so replays name it the same. */
export function manualJobName(state: State, cronJob: string): string {
  const base = `${cronJob.slice(0, 44)}-manual-`;
  const taken = new Set(listObjects(state, 'Job').map((j) => j.metadata.name));
  let i = 1;
  while (taken.has(`${base}${i}`)) i++;
  return `${base}${i}`;
}

/** The script line a submitted dialog stands for, or what is wrong with its fields. */
export function dialogLine(d: Dialog, state: State): { line: string } | { error: string } {
  const p = d.purpose;
  switch (p.type) {
    case 'delete':
      return { line: deleteLine(p.kind, p.name, String(fieldValue(d, 'cascade') ?? 'background')) };
    case 'scale': {
      const text = String(fieldValue(d, 'replicas') ?? '').trim();
      if (!/^\d+$/.test(text)) return { error: 'Replicas must be a whole number ≥ 0' };
      return { line: scaleLine(p.kind, p.name, Number(text)) };
    }
    case 'drain':
      return {
        line: drainLine(p.node, {
          ignoreDaemonSets: fieldValue(d, 'ignoreDaemonSets') === true,
          deleteEmptyDirData: fieldValue(d, 'deleteEmptyDirData') === true,
          force: fieldValue(d, 'force') === true,
        }),
      };
    case 'nodeKill':
      return { line: nodeLine('kill', p.node) };
    case 'trigger':
      return { line: triggerLine(p.name, manualJobName(state, p.name)) };
    case 'nodeAdd': {
      const name = String(fieldValue(d, 'name') ?? '').trim();
      if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) return { error: 'A node name is lower-case letters, digits, "-" and "."' };
      return { line: nodeLine('add', name) };
    }
  }
}
