// Keys that change the cluster. Each one becomes a script line (lines.ts) run through runLine; the dangerous ones
// open a dialog first, with Cancel focused.

import type { CronJob, Job, KubeObject } from '../../cluster/api/types.js';
import { qualifiedName } from '../../cluster/printers/resources.js';
import { getObject, keyOf, splitKey } from '../../cluster/store.js';
import { makeDialog, type Dialog } from '../state/dialog.js';
import { flash, runLine, selectedItem, type ActionContext } from './context.js';
import { edit } from './edit.js';
import { cordonLine, dialogLine, killLine, nextNodeName, nodeLine, suspendLine } from './lines.js';
import { switchView } from './navigate.js';

function selectedObject(ctx: ActionContext): KubeObject | undefined {
  const item = selectedItem(ctx);
  if (!item?.kind || !item.objKey) {
    flash(ctx, 'Nothing selected', 'warn');
    return undefined;
  }
  const obj = getObject(ctx.sim.view, item.kind, item.objKey) as KubeObject | undefined;
  if (!obj) flash(ctx, `${splitKey(item.objKey).name} is gone`, 'warn');
  return obj;
}

function openDialog(ctx: ActionContext, d: Omit<Dialog, 'focus'>, dangerous: boolean): void {
  ctx.store.dispatch({ type: 'dialog', dialog: makeDialog(d, dangerous) });
}

export function askDelete(ctx: ActionContext): void {
  const obj = selectedObject(ctx);
  if (!obj) return;
  openDialog(
    ctx,
    {
      title: 'Delete',
      message: [`Delete ${qualifiedName(obj.kind, obj.metadata.name)}?`],
      purpose: { type: 'delete', kind: obj.kind, name: obj.metadata.name },
      fields: [{ type: 'choice', name: 'cascade', label: 'Cascade', options: ['background', 'foreground', 'orphan'], value: 0 }],
    },
    true,
  );
}

export function kill(ctx: ActionContext): void {
  const obj = selectedObject(ctx);
  if (obj?.kind === 'Pod') runLine(ctx, killLine(obj.metadata.name));
}

export function askScale(ctx: ActionContext): void {
  const obj = selectedObject(ctx);
  if (!obj) return;
  const current = obj.kind === 'Job' ? ((obj as Job).spec.parallelism ?? 1) : ((obj as { spec: { replicas?: number } }).spec.replicas ?? 1);
  openDialog(
    ctx,
    {
      title: 'Scale',
      message: [`Scale ${qualifiedName(obj.kind, obj.metadata.name)}${obj.kind === 'Job' ? ' (sets parallelism)' : ''}`],
      purpose: { type: 'scale', kind: obj.kind, name: obj.metadata.name },
      fields: [{ type: 'input', name: 'replicas', label: obj.kind === 'Job' ? 'Parallelism' : 'Replicas', value: String(current), numeric: true }],
    },
    false,
  );
}

export function askTrigger(ctx: ActionContext): void {
  const obj = selectedObject(ctx);
  if (obj?.kind !== 'CronJob') return;
  openDialog(ctx, { title: 'Trigger', message: [`Trigger CronJob default/${obj.metadata.name}?`], purpose: { type: 'trigger', name: obj.metadata.name }, fields: [] }, true);
}

export function toggleSuspend(ctx: ActionContext): void {
  const obj = selectedObject(ctx);
  if (obj?.kind !== 'CronJob') return;
  runLine(ctx, suspendLine(obj.metadata.name, !(obj as CronJob).spec.suspend));
}

export function cordon(ctx: ActionContext, on: boolean): void {
  const obj = selectedObject(ctx);
  if (obj?.kind === 'Node') runLine(ctx, cordonLine(obj.metadata.name, on));
}

export function askDrain(ctx: ActionContext): void {
  const obj = selectedObject(ctx);
  if (obj?.kind !== 'Node') return;
  openDialog(
    ctx,
    {
      title: 'Drain',
      message: [`Drain node ${obj.metadata.name}? It is cordoned and its pods are evicted.`],
      purpose: { type: 'drain', node: obj.metadata.name },
      fields: [
        { type: 'check', name: 'ignoreDaemonSets', label: 'Ignore DaemonSets', value: true },
        { type: 'check', name: 'deleteEmptyDirData', label: 'Delete emptyDir data', value: true },
        { type: 'check', name: 'force', label: 'Force (pods without a controller)', value: false },
      ],
    },
    true,
  );
}

export function askNodeKill(ctx: ActionContext): void {
  const obj = selectedObject(ctx);
  if (obj?.kind !== 'Node') return;
  const cfg = ctx.sim.view.config;
  openDialog(
    ctx,
    {
      title: 'Kill node',
      message: [
        `Power off ${obj.metadata.name}?`,
        `Its kubelet stops reporting: NotReady after ${cfg.nodeMonitorGracePeriodMs / 1000}s, pods evicted ${cfg.defaultTolerationSeconds}s later.`,
      ],
      purpose: { type: 'nodeKill', node: obj.metadata.name },
      fields: [],
    },
    true,
  );
}

export function nodeRestore(ctx: ActionContext): void {
  const obj = selectedObject(ctx);
  if (obj?.kind === 'Node') runLine(ctx, nodeLine('restore', obj.metadata.name));
}

export function askNodeAdd(ctx: ActionContext): void {
  openDialog(
    ctx,
    { title: 'Add node', message: ['A new Ready node joins the cluster.'], purpose: { type: 'nodeAdd' }, fields: [{ type: 'input', name: 'name', label: 'Name', value: nextNodeName(ctx.sim.view) }] },
    false,
  );
}

/** `o` on a pod: the nodes view with the pod's node selected. */
export function showNode(ctx: ActionContext): void {
  const obj = selectedObject(ctx);
  if (obj?.kind !== 'Pod') return;
  const node = obj.spec.nodeName;
  if (!node) {
    flash(ctx, `${obj.metadata.name} is not scheduled to a node yet`, 'warn');
    return;
  }
  switchView(ctx, 'nodes');
  ctx.store.dispatch({ type: 'select', key: node, index: 0 });
  ctx.ui.select(node, ctx.clock.now());
}

export function startEdit(ctx: ActionContext): void {
  if (ctx.sim.cursor !== undefined) {
    flash(ctx, 'Rewound: resume (space) before changing the cluster', 'error');
    return;
  }
  const obj = selectedObject(ctx);
  if (!obj) return;
  void edit(ctx, obj.kind, keyOf(obj));
}

/** A key pressed while a dialog is open; a submitted dialog runs its line, a bad field keeps it open. */
export function submitDialog(ctx: ActionContext, d: Dialog): void {
  const built = dialogLine(d, ctx.sim.view);
  if ('error' in built) {
    ctx.store.dispatch({ type: 'dialog', dialog: { ...d, error: built.error } });
    return;
  }
  ctx.store.dispatch({ type: 'dialog', dialog: undefined });
  runLine(ctx, built.line);
}
