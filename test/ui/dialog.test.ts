// Dialogs: Cancel is the default for anything destructive; fields edit as forms do; a submitted dialog is a script line.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/cluster/engine.js';
import { dialogLine } from '../../src/ui/actions/lines.js';
import { cancelIndex, dialogKey, fieldValue, makeDialog, okIndex, type Dialog } from '../../src/ui/state/dialog.js';

const del = () =>
  makeDialog(
    {
      title: 'Delete',
      message: ['Delete replicaset.apps/kubia?'],
      purpose: { type: 'delete', kind: 'ReplicaSet', name: 'kubia' },
      fields: [{ type: 'choice', name: 'cascade', label: 'Cascade', options: ['background', 'foreground', 'orphan'], value: 0 }],
    },
    true,
  );

const scale = () =>
  makeDialog(
    { title: 'Scale', message: [], purpose: { type: 'scale', kind: 'ReplicaSet', name: 'kubia' }, fields: [{ type: 'input', name: 'replicas', label: 'Replicas', value: '3', numeric: true }] },
    false,
  );

function keys(d: Dialog, ...ks: string[]): { dialog: Dialog; result: string | undefined } {
  let r: { dialog: Dialog; result: string | undefined } = { dialog: d, result: undefined };
  for (const k of ks) {
    const [name, input] = k.length === 1 ? ['', k] : [k, ''];
    r = dialogKey(r.dialog, name || k, input);
    if (r.result) break;
  }
  return r;
}

describe('dialogs', () => {
  it('a dangerous dialog opens on Cancel: a stray Enter cancels', () => {
    const d = del();
    expect(d.focus).toBe(cancelIndex(d));
    expect(keys(d, 'enter').result).toBe('cancel');
  });

  it('→ from Cancel reaches OK; Enter on OK submits', () => {
    const r = keys(del(), 'right', 'enter');
    expect(r.result).toBe('submit');
  });

  it('tab walks fields and buttons and wraps; ←/→ change a choice', () => {
    let r = keys(del(), 'tab');
    expect(r.dialog.focus).toBe(okIndex(r.dialog));
    r = keys(r.dialog, 'tab');
    expect(r.dialog.focus).toBe(0);
    r = keys(r.dialog, 'right', 'right');
    expect(fieldValue(r.dialog, 'cascade')).toBe('orphan');
    r = keys(r.dialog, 'right');
    expect(fieldValue(r.dialog, 'cascade')).toBe('background');
    r = keys(r.dialog, 'left');
    expect(fieldValue(r.dialog, 'cascade')).toBe('orphan');
  });

  it('esc cancels from anywhere', () => {
    expect(keys(del(), 'tab', 'esc').result).toBe('cancel');
  });

  it('an input field has the focus; the first digit replaces the value, then digits append; letters are refused', () => {
    const d = scale();
    expect(d.focus).toBe(0);
    let r = keys(d, '1');
    expect(fieldValue(r.dialog, 'replicas')).toBe('1');
    r = keys(r.dialog, '2');
    expect(fieldValue(r.dialog, 'replicas')).toBe('12');
    r = keys(r.dialog, 'x');
    expect(fieldValue(r.dialog, 'replicas')).toBe('12');
    expect(r.dialog.error).toBe('Digits only');
    r = keys(r.dialog, 'backspace');
    expect(fieldValue(r.dialog, 'replicas')).toBe('1');
    expect(keys(r.dialog, 'enter').result).toBe('submit');
  });

  it('submitted dialogs become the script lines a learner would type', () => {
    const state = createCluster({ nodes: 3 });
    expect(dialogLine(keys(scale(), '5').dialog, state)).toEqual({ line: 'kubectl scale rs kubia --replicas=5' });
    expect(dialogLine(del(), state)).toEqual({ line: 'kubectl delete rs kubia --wait=false' });
    expect(dialogLine(keys(del(), 'tab', 'tab', 'right').dialog, state)).toEqual({ line: 'kubectl delete rs kubia --cascade=foreground --wait=false' });
    const empty = keys(scale(), 'backspace').dialog;
    expect(dialogLine(empty, state)).toEqual({ error: 'Replicas must be a whole number ≥ 0' });
    const drain = makeDialog(
      {
        title: 'Drain',
        message: [],
        purpose: { type: 'drain', node: 'node-2' },
        fields: [
          { type: 'check', name: 'ignoreDaemonSets', label: 'x', value: true },
          { type: 'check', name: 'deleteEmptyDirData', label: 'y', value: false },
          { type: 'check', name: 'force', label: 'z', value: false },
        ],
      },
      true,
    );
    expect(dialogLine(drain, state)).toEqual({ line: 'kubectl drain node-2 --ignore-daemonsets' });
    expect(dialogLine(makeDialog({ title: 'k', message: [], purpose: { type: 'nodeKill', node: 'node-2' }, fields: [] }, true), state)).toEqual({ line: 'node kill node-2' });
    expect(dialogLine(makeDialog({ title: 't', message: [], purpose: { type: 'trigger', name: 'sample-cronjob' }, fields: [] }, true), state)).toEqual({
      line: 'kubectl create job sample-cronjob-manual-1 --from=cronjob/sample-cronjob',
    });
    const add = makeDialog({ title: 'a', message: [], purpose: { type: 'nodeAdd' }, fields: [{ type: 'input', name: 'name', label: 'Name', value: 'node-4' }] }, false);
    expect(dialogLine(add, state)).toEqual({ line: 'node add node-4' });
    expect(dialogLine(keys(add, 'N').dialog, state)).toEqual({ error: 'A node name is lower-case letters, digits, "-" and "."' });
  });
});
