// What the dashboard is for: watching controllers work, demos that play on the simulated clock, recordings.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { command, title, flash, harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

const podRows = (x: Harness, prefix: string) => x.frame().split('\n').filter((l) => l.startsWith(`│ ${prefix}`));

describe('watching the controllers', () => {
  it('kill a node: its pods go NotReady, then are evicted and the ReplicationController replaces them on screen', async () => {
    h = await harness({ columns: 100, rows: 30 });
    await h.advance(20_000, 5000);
    await command(h, 'no');
    await h.press('j', 'K', 'right', 'enter');
    expect(h.recorded).toContain('node kill node-2');
    await command(h, 'pods /kubia');
    const onNode2 = h.sim.view.tables.Pod ? Object.values(h.sim.view.tables.Pod).flatMap((b) => Object.values(b)) : [];
    const victim = (onNode2 as { metadata: { name: string }; spec: { nodeName?: string } }[]).find((p) => p.spec.nodeName === 'node-2' && p.metadata.name.startsWith('kubia-'))!.metadata.name;
    // The node stops reporting; after the 50 s grace it is NotReady and its pods are marked not ready.
    await h.advance(60_000, 5000);
    expect(h.frame()).toContain('✗ node-2 NotReady');
    expect(h.frame()).toContain('Nodes:   2/3 Ready');
    expect(podRows(h, victim)[0]).toMatch(/0\/1.? +Running/);
    // 300 s later the pods are evicted (Terminating, as the kubelet is gone) and replaced.
    await h.advance(300_000, 10_000);
    expect(podRows(h, victim)[0]).toMatch(/Terminating/);
    const kubia = podRows(h, 'kubia-');
    expect(kubia).toHaveLength(4);
    expect(kubia.filter((r) => /1\/1 +Running/.test(r))).toHaveLength(3);
  });

  it('scale with a key: new rows appear, marked as new', async () => {
    h = await harness({ columns: 100, rows: 30 });
    await h.advance(20_000, 5000);
    await command(h, 'rs');
    await h.press('enter');
    expect(podRows(h, 'testapp-replica-')).toHaveLength(3);
    await h.press('esc', 's');
    await h.type('6');
    await h.press('enter', 'enter');
    await h.advance(1000);
    expect(podRows(h, 'testapp-replica-')).toHaveLength(6);
    expect(title(h)).toMatch(/ pods\(default\)\[6\] <replicaset\/testapp-replica>/);
    // New rows are drawn in the "added" colour for a moment: the tracker says so.
    const fresh = h.store.state.stack.length;
    expect(fresh).toBe(2);
  });

  it('the events pane shows the selected object\'s latest events, or the cluster\'s', async () => {
    h = await harness({ columns: 100, rows: 40 });
    await h.advance(20_000, 5000);
    await h.press('E');
    expect(h.frame()).toMatch(/┌─+ events\(kubia-\w{5}\)\[\d+\] ─+┐/);
    expect(h.frame()).toMatch(/Normal +Started +Started container kubia/);
    await command(h, 'rs');
    expect(h.frame()).toMatch(/events\(testapp-replica\)\[\d+\]/);
    expect(h.frame()).toMatch(/Normal +SuccessfulCreate +Created pod: testapp-replica-\w{5}/);
    await command(h, 'ev');
    expect(h.frame()).toMatch(/events\(cluster\)\[\d+\]/);
    expect(h.frame()).toMatch(/LAST SEEN +TYPE +REASON +OBJECT +MESSAGE/);
    await h.press('E');
    expect(h.frame()).not.toMatch(/events\(cluster\)/);
    expect(h.recorded.filter((l) => l === 'ui events')).toHaveLength(2);
  });
});

describe('scripts and demos', () => {
  function script(text: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-ui-'));
    writeFileSync(join(dir, 'rs.yaml'), 'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n');
    writeFileSync(join(dir, 'demo.ksim'), text);
    return join(dir, 'demo.ksim');
  }

  it('plays a script on the simulated clock with captions, following its ui lines', async () => {
    const file = script(['say "A ReplicaSet keeps 2 pods"', 'kubectl apply -f rs.yaml', 'ui view replicasets', 'wait 10s', 'say "Now 4"', 'kubectl scale rs web --replicas=4', 'wait 10s', 'ui view pods'].join('\n'));
    h = await harness({ columns: 100, rows: 30, files: [file] });
    expect(h.frame()).toContain('▶ A ReplicaSet keeps 2 pods');
    expect(h.frame()).toContain('▶ playing script');
    expect(title(h)).toMatch(/ replicasets\(default\)\[1\] /);
    expect(h.frame()).toMatch(/web +2 +2/);
    await h.advance(10_000, 1000);
    expect(h.frame()).toContain('▶ Now 4');
    expect(h.frame()).toMatch(/web +4↑? +\d/);
    await h.advance(1000);
    expect(h.frame()).toMatch(/web +4↑? +4/);
    await h.advance(10_000, 1000);
    expect(title(h)).toMatch(/ pods\(default\)\[4\] /);
    expect(h.frame()).toContain('▶ running 1×');
  });

  it('the first key that changes the cluster takes over: the rest of the script is dropped', async () => {
    const file = script(['say "Watch"', 'kubectl apply -f rs.yaml', 'wait 30s', 'kubectl scale rs web --replicas=5'].join('\n'));
    h = await harness({ columns: 100, rows: 30, files: [file] });
    await h.advance(5000);
    await h.press('/');
    await h.type('web');
    await h.press('enter', 'j');
    // Navigating does not take over.
    expect(h.sim.playing).toBe(true);
    await h.press('ctrl-k');
    expect(flash(h)).toContain('Took over: the rest of the script was dropped');
    expect(h.sim.playing).toBe(false);
    expect(h.frame()).not.toContain('▶ Watch');
    await h.advance(40_000, 5000);
    expect(podRows(h, 'web-')).toHaveLength(2);
  });

  it('follows ui lines from a replay: view, filter, select, page, back, wide, events', async () => {
    h = await harness({ columns: 100, rows: 40 });
    await h.advance(10_000);
    h.sim.play(['ui view nodes', 'ui select node-2', 'ui page describe'].map((text, i) => ({ text, line: i + 1 })));
    await h.advance(100, 100);
    expect(title(h)).toMatch(/describe\(node-2\)/);
    h.sim.play(['ui back', 'ui view pods', "ui filter /kubia", 'ui wide', 'ui events'].map((text, i) => ({ text, line: i + 1 })));
    await h.advance(100, 100);
    expect(title(h)).toMatch(/ pods\(default\)\[3\] <\/kubia> /);
    expect(h.frame()).toMatch(/IP +NODE/);
    expect(h.frame()).toMatch(/events\(kubia-\w{5}\)/);
    // Replayed ui lines are followed, not recorded again.
    expect(h.recorded.filter((l) => l.startsWith('ui '))).toEqual([]);
  });

  it('records navigation as ui lines; a resting cursor is written once', async () => {
    h = await harness({ columns: 100, rows: 30 });
    await h.advance(10_000);
    await command(h, 'rs');
    await h.press('d', 'esc');
    await command(h, 'po');
    await h.press('j', 'j', 'j');
    h.clock.advance(500);
    await h.press('k');
    h.clock.advance(1200);
    await h.advance(100, 100);
    await h.press('y');
    const ui = h.recorded.filter((l) => l.startsWith('ui '));
    expect(ui).toEqual(['ui view replicasets', 'ui page describe', 'ui back', 'ui view pods', expect.stringMatching(/^ui select kubia-\w{5}$/), 'ui page yaml']);
  });
});
