// Keys as data: one list per screen feeds the handler, the help page and the header hints.
import { describe, expect, it } from 'vitest';
import { actionFor, duplicateKeys, hintBindings, keyName, pageBindings, tableBindings } from '../../src/ui/keys/index.js';
import { splitChunk } from '../../src/ui/keys/names.js';
import { helpText } from '../../src/ui/state/page-text.js';
import { COMMAND_VIEWS, resolveView, VIEWS } from '../../src/ui/views/index.js';

describe('keyName', () => {
  it('names what Ink reports', () => {
    expect(keyName('j', {})).toBe('j');
    expect(keyName('N', { shift: true })).toBe('N');
    expect(keyName('d', { ctrl: true })).toBe('ctrl-d');
    expect(keyName('', { leftArrow: true, shift: true })).toBe('shift-left');
    expect(keyName('', { rightArrow: true })).toBe('right');
    expect(keyName('', { pageDown: true })).toBe('pgdn');
    expect(keyName('', { return: true })).toBe('enter');
    expect(keyName('', { escape: true, meta: true })).toBe('esc');
    expect(keyName('', { tab: true, shift: true })).toBe('backtab');
    expect(keyName('', { delete: true })).toBe('backspace');
    expect(keyName(' ', {})).toBe('space');
  });

  it('splits a pasted chunk into keys', () => {
    expect(splitChunk(':rs\r').map(([i, k]) => keyName(i, k))).toEqual([':', 'r', 's', 'enter']);
    expect(splitChunk('a\x7f\x04').map(([i, k]) => keyName(i, k))).toEqual(['a', 'backspace', 'ctrl-d']);
  });
});

describe('keymaps', () => {
  it('no key is bound twice on any screen', () => {
    for (const v of Object.values(VIEWS)) expect(duplicateKeys(tableBindings(v)), v.name).toEqual([]);
    expect(duplicateKeys(pageBindings())).toEqual([]);
  });

  it("k9s' keys where k9s has one", () => {
    const pods = tableBindings(VIEWS.pods);
    const expectKey = (key: string, action: string, b = pods) => expect(actionFor(b, key)?.action, key).toBe(action);
    expectKey('j', 'down');
    expectKey('down', 'down');
    expectKey('k', 'up');
    expectKey('g', 'top');
    expectKey('G', 'bottom');
    expectKey('pgdn', 'pageDown');
    expectKey(':', 'command');
    expectKey('/', 'filter');
    expectKey('?', 'help');
    expectKey('d', 'describe');
    expectKey('y', 'yaml');
    expectKey('e', 'edit');
    expectKey('l', 'logs');
    expectKey('p', 'previousLogs');
    expectKey('ctrl-d', 'delete');
    expectKey('ctrl-k', 'kill');
    expectKey('ctrl-w', 'wide');
    expectKey('N', 'sortName');
    expectKey('A', 'sortAge');
    expectKey('S', 'sortStatus');
    expectKey('O', 'sortColumn');
    expectKey('shift-left', 'colLeft');
    expectKey('enter', 'enter');
    expectKey('esc', 'back');
    expectKey('s', 'scale', tableBindings(VIEWS.replicasets));
    expectKey('s', 'scale', tableBindings(VIEWS.statefulsets));
    expectKey('s', 'scale', tableBindings(VIEWS.replicationcontrollers));
    expectKey('s', 'scale', tableBindings(VIEWS.jobs));
    expectKey('s', 'suspend', tableBindings(VIEWS.cronjobs));
    expectKey('t', 'trigger', tableBindings(VIEWS.cronjobs));
    expectKey('c', 'cordon', tableBindings(VIEWS.nodes));
    expectKey('u', 'uncordon', tableBindings(VIEWS.nodes));
    expectKey('r', 'drain', tableBindings(VIEWS.nodes));
    expectKey('K', 'nodeKill', tableBindings(VIEWS.nodes));
    expectKey('R', 'nodeRestore', tableBindings(VIEWS.nodes));
    expectKey('a', 'nodeAdd', tableBindings(VIEWS.nodes));
  });

  it('events cannot be edited or deleted (k9s view/event.go); daemonsets cannot be scaled', () => {
    const ev = tableBindings(VIEWS.events);
    expect(actionFor(ev, 'ctrl-d')).toBeUndefined();
    expect(actionFor(ev, 'e')).toBeUndefined();
    expect(actionFor(tableBindings(VIEWS.daemonsets), 's')).toBeUndefined();
  });

  it('destroying keys are marked dangerous (they open a Cancel-first dialog)', () => {
    const dangerous = Object.values(VIEWS).flatMap((v) => tableBindings(v).filter((b) => b.dangerous).map((b) => b.action));
    expect([...new Set(dangerous)].sort()).toEqual(['delete', 'drain', 'nodeKill', 'trigger']);
  });

  it('on pages q goes back and the time keys still work', () => {
    const page = pageBindings();
    expect(actionFor(page, 'q')?.action).toBe('back');
    expect(actionFor(page, 'esc')?.action).toBe('back');
    expect(actionFor(page, 'n')?.action).toBe('nextMatch');
    expect(actionFor(page, 'space')?.action).toBe('pause');
    expect(actionFor(page, 'ctrl-c')?.action).toBe('quit');
  });

  it('help lists every binding of the screen; the header hints are a subset', () => {
    for (const v of Object.values(VIEWS)) {
      const b = tableBindings(v);
      const help = helpText(v.name, b);
      for (const binding of b) for (const k of binding.keys) expect(help, `${v.name} ${k}`).toContain(`<${k}>`);
      for (const h of hintBindings(b)) expect(b).toContain(h);
    }
  });

  it('the rewind keys are listed in help', () => {
    const help = helpText('pods', tableBindings(VIEWS.pods));
    expect(help).toMatch(/<\[>\s+Rewind 10s/);
    expect(help).toMatch(/<\]>\s+Forward 10s/);
    expect(help).toMatch(/<\{>\s+Rewind 1m/);
    expect(help).toMatch(/<space>\s+Pause/);
  });
});

describe('views', () => {
  it('short names and full names open views', () => {
    const words: Record<string, string> = {
      po: 'pods', pods: 'pods', rc: 'replicationcontrollers', rs: 'replicasets', replicasets: 'replicasets', ds: 'daemonsets',
      sts: 'statefulsets', job: 'jobs', jobs: 'jobs', cj: 'cronjobs', cronjobs: 'cronjobs', no: 'nodes', nodes: 'nodes',
      ev: 'events', events: 'events', pvc: 'persistentvolumeclaims', persistentvolumeclaims: 'persistentvolumeclaims',
    };
    for (const [w, v] of Object.entries(words)) expect(resolveView(w), w).toBe(v);
    expect(resolveView('foo')).toBeUndefined();
    expect(COMMAND_VIEWS).toHaveLength(10);
  });

  it('columns come from the kubectl printers', () => {
    expect(VIEWS.pods.columns.map((c) => c.name)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    expect(VIEWS.replicasets.columns.filter((c) => !c.wide).map((c) => c.name)).toEqual(['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE']);
    expect(VIEWS.nodes.columns.filter((c) => !c.wide).map((c) => c.name)).toEqual(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION']);
  });
});
