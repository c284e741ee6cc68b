// Every key of the issue, pressed on the running dashboard: filter, sort, pages, edit, dialogs, the clock, `:`.
import { afterEach, describe, expect, it } from 'vitest';
import { getObject, listObjects } from '../../src/cluster/store.js';
import { command, title, flash, harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

const rows = (x: Harness) => x.frame().split('\n').filter((l) => /^│ \S/.test(l)).slice(1);
const selected = (x: Harness) => {
  const t = x.store.state.stack.filter((f) => f.type === 'table').pop();
  return t?.type === 'table' ? t.selected : undefined;
};

async function demo(opts: { rows?: number; columns?: number; at?: number } = {}): Promise<Harness> {
  const x = await harness({ columns: opts.columns ?? 100, rows: opts.rows ?? 30 });
  await x.advance(opts.at ?? 20_000, 5000);
  return x;
}

describe('filter', () => {
  it('/regex filters as you type, shows </term> in the title, Enter keeps it, esc clears it', async () => {
    h = await demo();
    await h.press('/');
    await h.type('kubia');
    expect(title(h)).toMatch(/ pods\(default\)\[3\] <\/kubia> /);
    expect(h.frame()).toMatch(/^\/kubia▏/m);
    await h.press('enter');
    expect(rows(h)).toHaveLength(3);
    expect(h.recorded).toContain("ui filter /kubia");
    await h.press('esc');
    expect(title(h)).toMatch(/ pods\(default\)\[13\] /);
    expect(h.recorded).toContain('ui filter');
  });

  it('/!inverse, /-l selector, an invalid selector, and esc in the prompt restoring the old filter', async () => {
    h = await demo();
    await h.press('/');
    await h.type('!kubia|sample');
    await h.press('enter');
    expect(rows(h).every((r) => !/kubia|sample/.test(r))).toBe(true);
    expect(title(h)).toContain('</!kubia|sample>');
    await h.press('/', 'ctrl-u');
    await h.type('-l app=testapp-replica');
    await h.press('enter');
    expect(title(h)).toMatch(/\[3\] <\/-l app=testapp-replica>/);
    await h.press('/');
    await h.type('x');
    expect(title(h)).toContain('</-l app=testapp-replicax>');
    await h.press('esc');
    expect(title(h)).toMatch(/\[3\] <\/-l app=testapp-replica>/);
    await h.press('/', 'ctrl-u');
    await h.type('-l app in (');
    expect(h.frame()).toContain('Invalid filter:');
  });

  it('`:pods /kubia` opens a view with a filter', async () => {
    h = await demo();
    await command(h, 'rs');
    await command(h, 'pods /kubia');
    expect(title(h)).toMatch(/ pods\(default\)\[3\] <\/kubia> /);
  });
});

describe('sort', () => {
  it('shift-n flips the name order; shift-s sorts by status; ages sort by value', async () => {
    h = await demo({ at: 70_000 });
    const names = () => rows(h!).map((r) => r.slice(2).split(/\s+/)[0]);
    const before = names();
    await h.press('N');
    expect(h.frame()).toContain('NAME↓');
    expect(names()).toEqual([...before].reverse());
    await h.press('S');
    expect(h.frame()).toContain('STATUS↑');
    await h.press('A');
    expect(h.frame()).toContain('AGE↑');
    const ages = rows(h).map((r) => r.trim().split(/\s+/).at(-2)!);
    // newest first: 10s before 70s (a string sort would put "10s" after "1m"…)
    const secs = ages.map((a) => (a.endsWith('s') && !a.includes('m') ? Number(a.slice(0, -1)) : 60 * Number(a.split('m')[0]) + Number(a.split('m')[1]?.replace('s', '') || 0)));
    expect(secs).toEqual([...secs].sort((a, b) => a - b));
    expect(h.recorded).toContain('ui sort AGE asc');
  });

  it('shift-←/→ pick a column and shift-o sorts by it', async () => {
    h = await demo();
    await h.press('shift-right', 'shift-right', 'shift-right');
    await h.press('O');
    expect(h.store.state.sorts.pods).toEqual({ column: 'RESTARTS', asc: true });
    expect(h.frame()).toContain('RESTARTS↑');
    await h.press('shift-left', 'O');
    expect(h.store.state.sorts.pods).toEqual({ column: 'STATUS', asc: true });
  });
});

describe('describe, YAML, logs', () => {
  it('d opens a live describe page; / searches, n/N move, esc goes back', async () => {
    h = await demo();
    await h.press('d');
    expect(title(h)).toMatch(/describe\(kubia-\w{5}\) \[1-\d+\/\d+\]/);
    expect(h.frame()).toMatch(/│ Name: +kubia-\w{5}/);
    expect(h.frame()).toMatch(/Controlled By: +ReplicationController\/kubia/);
    const t0 = title(h);
    await h.press('/');
    await h.type('kubia');
    await h.press('enter');
    expect(title(h)).toContain('</kubia>');
    await h.press('n');
    expect(flash(h)).toMatch(/Match 2 of \d+/);
    await h.press('N');
    expect(flash(h)).toMatch(/Match 1 of \d+/);
    await h.press('G');
    expect(title(h)).not.toBe(t0);
    await h.press('g', 'j', 'j');
    expect(title(h)).toMatch(/\[3-/);
    await h.press('esc');
    expect(title(h)).toMatch(/ pods\(default\)/);
    expect(h.recorded).toContain('ui page describe');
  });

  it('the describe page follows the object as the cluster changes', async () => {
    h = await demo();
    await command(h, 'no');
    await h.press('j', 'd', '/');
    await h.type('MemoryPressure');
    await h.press('enter');
    expect(h.frame()).toMatch(/Ready +True/);
    h.sim.run('node kill node-2');
    await h.advance(60_000, 5000);
    expect(h.frame()).toMatch(/Ready +Unknown/);
  });

  it('y shows the YAML, l the logs, p the previous logs (kubectl\'s error when there are none)', async () => {
    h = await demo();
    await h.press('y');
    expect(title(h)).toMatch(/yaml\(kubia-\w{5}\)/);
    expect(h.frame()).toMatch(/│ apiVersion: v1/);
    expect(h.frame()).toMatch(/│ kind: Pod/);
    await h.press('esc', 'l');
    expect(title(h)).toMatch(/logs\(kubia-\w{5}\)/);
    expect(h.frame()).toContain('Kubia server starting...');
    await h.press('esc', 'p');
    expect(h.frame()).toMatch(/Error from server \(BadRequest\): previous terminated container "kubia" in pod "kubia-\w{5}" not/);
  });

  it('l on a container row shows that container\'s logs', async () => {
    h = await demo();
    await command(h, 'ds');
    await h.press('enter', 'enter');
    expect(title(h)).toMatch(/containers/);
    await h.press('l');
    expect(title(h)).toMatch(/logs\(ssd-monitor-\w{5}:main\)/);
  });
});

describe('edit', () => {
  it('e opens $EDITOR on the YAML and applies the change as a merge patch', async () => {
    h = await harness({ columns: 100, rows: 30, editor: (t) => t.replace(/^  replicas: 3$/m, '  replicas: 4') });
    await h.advance(10_000);
    await command(h, 'rs');
    await h.press('e');
    expect(h.edits[0].name).toBe('replicaset-testapp-replica.yaml');
    expect(h.edits[0].text).toMatch(/^# Please edit the object below/);
    expect(flash(h)).toContain('replicaset.apps/testapp-replica edited');
    expect(h.recorded).toContain(`kubectl patch rs testapp-replica --type=merge -p '{"spec":{"replicas":4}}'`);
    await h.advance(5000);
    expect(h.frame()).toMatch(/testapp-replica +4/);
  });

  it('an invalid edit is refused with the API server\'s words and kept for the next e; nothing is lost', async () => {
    let attempt = 0;
    h = await harness({
      columns: 100,
      rows: 30,
      editor: (t) => (++attempt === 1 ? t.replace(/^  replicas: 3$/m, '  replicas: -1') : t.replace(/^  replicas: -1$/m, '  replicas: 2')),
    });
    await h.advance(10_000);
    await command(h, 'rs');
    await h.press('e');
    expect(flash(h)).toContain('Edit not saved (press e to fix it, your text is kept)');
    expect(h.sim.log.some((l) => l.error && /spec\.replicas: Invalid value: -1/.test(l.text))).toBe(true);
    await h.press('e');
    expect(h.edits[1].text).toContain('# replicasets.apps "testapp-replica" was not valid:');
    expect(h.edits[1].text).toContain('replicas: -1');
    expect(flash(h)).toContain('edited');
    expect(getObject(h.sim.state, 'ReplicaSet', 'default/testapp-replica')?.spec.replicas).toBe(2);
  });

  it('saving it unchanged cancels', async () => {
    h = await harness({ columns: 100, rows: 30, editor: (t) => t });
    await h.advance(5000);
    await h.press('e');
    expect(flash(h)).toContain('Edit cancelled, no changes made.');
  });
});

describe('dialogs that change the cluster', () => {
  it('ctrl-d asks first, Cancel is the default; OK deletes', async () => {
    h = await demo();
    await command(h, 'rs');
    await h.press('ctrl-d');
    expect(h.frame()).toContain('Delete replicaset.apps/testapp-replica?');
    expect(h.frame()).toMatch(/\(•\) background/);
    await h.press('enter');
    expect(flash(h)).toContain('Delete: cancelled');
    expect(getObject(h.sim.state, 'ReplicaSet', 'default/testapp-replica')).toBeDefined();
    await h.press('ctrl-d', 'esc');
    expect(getObject(h.sim.state, 'ReplicaSet', 'default/testapp-replica')).toBeDefined();
    // Orphan: the ReplicaSet goes, its pods stay.
    await h.press('ctrl-d', 'tab', 'tab', 'right', 'right', 'tab', 'tab', 'enter');
    expect(flash(h)).toContain('replicaset.apps "testapp-replica" deleted');
    expect(h.recorded).toContain('kubectl delete rs testapp-replica --cascade=orphan --wait=false');
    await h.advance(5000);
    expect(listObjects(h.sim.state, 'Pod').filter((p) => p.metadata.name.startsWith('testapp-replica-'))).toHaveLength(3);
  });

  it('ctrl-k kills a pod at once and its controller replaces it', async () => {
    h = await demo();
    const victim = selected(h) ?? 'default/' + rows(h)[0].slice(2).split(' ')[0];
    expect(victim).toMatch(/kubia-/);
    await h.press('ctrl-k');
    expect(flash(h)).toContain(`pod "${victim.slice(8)}" deleted`);
    expect(h.frame()).toMatch(/Terminating/);
    await h.advance(40_000, 5000);
    expect(h.frame()).not.toContain(victim.slice(8));
    expect(rows(h).filter((r) => r.includes('kubia-'))).toHaveLength(3);
  });

  it('s scales an rc/rs/sts/job through a number dialog', async () => {
    h = await demo();
    await command(h, 'rs');
    await h.press('s');
    expect(h.frame()).toContain('Scale replicaset.apps/testapp-replica');
    await h.type('5');
    await h.press('enter');
    expect(flash(h)).toContain('replicaset.apps/testapp-replica scaled');
    await h.advance(10_000);
    await h.press('enter');
    expect(title(h)).toMatch(/ pods\(default\)\[5\] <replicaset\/testapp-replica>/);
    await command(h, 'sts');
    await h.press('s', 'backspace');
    await h.type('1');
    await h.press('enter');
    expect(h.recorded).toContain('kubectl scale sts sample-ss --replicas=1');
    await command(h, 'job');
    await h.press('s');
    expect(h.frame()).toContain('(sets parallelism)');
    await h.press('esc');
    await command(h, 'rc');
    await h.press('s');
    await h.type('x');
    expect(h.frame()).toContain('Digits only');
  });

  it('cronjobs: t triggers (after asking), s suspends and resumes', async () => {
    h = await demo();
    await command(h, 'cj');
    await h.press('t');
    expect(h.frame()).toContain('Trigger CronJob default/sample-cronjob?');
    await h.press('right', 'enter');
    expect(flash(h)).toContain('job.batch/sample-cronjob-manual-1 created');
    await h.press('s');
    expect(flash(h)).toContain('cronjob.batch/sample-cronjob patched');
    expect(h.frame()).toMatch(/sample-cronjob +\*\/1 \* \* \* \* +<none> +True/);
    await h.press('s');
    expect(h.frame()).toMatch(/sample-cronjob +\*\/1 \* \* \* \* +<none> +False/);
    await command(h, 'job');
    expect(h.frame()).toContain('sample-cronjob-manual-1');
  });

  it('nodes: c cordon, u uncordon, r drain, K kill, R restore, a add', async () => {
    h = await demo();
    await command(h, 'no');
    await h.press('c');
    expect(flash(h)).toContain('node/node-1 cordoned');
    expect(h.frame()).toMatch(/node-1 +Ready,SchedulingDisabled/);
    expect(h.frame()).toContain('◐ node-1 cordoned');
    await h.press('u');
    expect(flash(h)).toContain('node/node-1 uncordoned');
    await h.press('j', 'r');
    expect(h.frame()).toContain('Drain node node-2?');
    expect(h.frame()).toMatch(/Ignore DaemonSets: \[x\]/);
    // The bare liveness pod has no controller: kubectl refuses to drain without --force, so tick Force.
    await h.press('up', 'space', 'down', 'right', 'enter');
    expect(h.recorded).toContain('kubectl drain node-2 --ignore-daemonsets --delete-emptydir-data --force');
    // kubectl drain prints a line per eviction: the output opens as a page.
    expect(title(h)).toContain('kubectl drain node-2');
    expect(h.frame()).toContain('node/node-2 cordoned');
    expect(h.frame()).toMatch(/evicting pod default\//);
    await h.press('esc');
    expect(h.frame()).toMatch(/node-2 +Ready,SchedulingDisabled/);
    await h.press('u', 'j', 'K');
    expect(h.frame()).toContain('Power off node-3?');
    await h.press('right', 'enter');
    expect(flash(h)).toContain('node-3');
    await h.advance(60_000, 5000);
    expect(h.frame()).toMatch(/node-3 +NotReady/);
    expect(h.frame()).toContain('✗ node-3 NotReady');
    await h.press('R');
    await h.advance(15_000, 5000);
    expect(h.frame()).toMatch(/node-3 +Ready/);
    await h.press('a');
    expect(h.frame()).toMatch(/Name: +node-4/);
    await h.press('enter');
    expect(title(h)).toContain('nodes[4]');
    expect(h.recorded).toContain('node add node-4');
  });

  it('o jumps from a pod to its node', async () => {
    h = await demo();
    await h.press('j', 'k');
    const pod = getObject(h.sim.state, 'Pod', selected(h)!)!;
    await h.press('o');
    expect(title(h)).toContain('nodes[3]');
    expect(selected(h)).toBe(pod.spec.nodeName);
    expect(pod.spec.nodeName).toMatch(/^node-\d$/);
  });
});

describe('the clock', () => {
  it('space pauses and resumes, . steps one second, > and < change the speed', async () => {
    h = await demo();
    await h.press('space');
    expect(h.frame()).toContain('‖ paused 1×');
    const t = h.sim.state.now;
    h.sim.tick(5000);
    await h.press('.');
    expect(h.sim.state.now).toBe(t + 1000);
    await h.press('>', '>');
    expect(h.frame()).toContain('‖ paused 5×');
    await h.press('<');
    expect(flash(h)).toContain('Speed 2×');
    await h.press('space');
    expect(h.frame()).toContain('▶ running 2×');
    await h.press('.');
    expect(flash(h)).toContain('Step works while paused');
    for (let i = 0; i < 12; i++) await h.press('>');
    expect(h.sim.speed).toBe(1000);
    expect(flash(h)).toContain('Speed stays at 1000× (the fastest)');
  });

  it('[ ] { } step through history while paused; resuming from the past drops the later history', async () => {
    h = await demo({ at: 120_000 });
    await h.press('[');
    expect(flash(h)).toContain('Pause first (space)');
    await h.press('space', '[');
    expect(h.frame()).toContain('◀◀ REWOUND -10s');
    await h.press('{');
    expect(h.frame()).toContain('◀◀ REWOUND -1m10s');
    expect(h.frame()).toContain('Time:    2025-01-01 00:00:50 UTC');
    await h.press(']');
    expect(h.frame()).toContain('◀◀ REWOUND -1m');
    await h.press('ctrl-k');
    expect(flash(h)).toContain('Rewound: resume (space) before changing the cluster');
    await h.press('space');
    expect(flash(h)).toContain('Resumed from the past: the later 60s of history were dropped');
    expect(h.frame()).toContain('Time:    2025-01-01 00:01:00 UTC');
    expect(h.recorded).toContain('#rewound');
  });
});

describe('help and the command line', () => {
  it('? lists every key of the view, esc goes back', async () => {
    h = await demo();
    await h.press('?');
    const f = h.frame();
    expect(title(h)).toContain('help');
    for (const k of ['RESOURCE', '<d>', '<y>', '<l>', '<p>', '<ctrl-k>', '<e>', '<ctrl-d>', 'GENERAL', '<?>']) expect(f).toContain(k);
    await h.press('G');
    expect(h.frame()).toContain('FILTERS');
    const top = h.store.state.stack.at(-1)!;
    const text = top.type === 'page' ? (top.text ?? '') : '';
    for (const k of ['<N>', '<A>', '<S>', '<O>', '<shift-left>', '<ctrl-w>', '<E>', '<space>', '<.>', '<>>', '<<>', '<[>', '<]>', '<{>', '<}>', '<g> <home>']) expect(text).toContain(k);
    await h.press('esc');
    expect(title(h)).toContain('pods(default)');
  });

  it('tab completes, ↑ recalls history, a bad command flashes an error', async () => {
    h = await demo();
    await h.press(':');
    await h.type('kubectl sc');
    expect(h.frame()).toMatch(/^:kubectl sc▏ale/m);
    await h.press('tab');
    await h.type('rs testapp-replica --replicas=2');
    await h.press('enter');
    expect(flash(h)).toContain('replicaset.apps/testapp-replica scaled');
    await h.press(':', 'up');
    expect(h.frame()).toMatch(/^:kubectl scale rs testapp-replica --replicas=2▏/m);
    await h.press('esc');
    await command(h, 'foo');
    expect(flash(h)).toContain('Ruroh? "foo" is not a view or a command');
    await command(h, 'pdo');
    expect(flash(h)).toContain('did you mean "po"?');
    await command(h, 'kubectl scale rs nope --replicas=2');
    expect(flash(h)).toContain('Error from server (NotFound): replicasets.apps "nope" not found');
  });

  it('accepts every script line: kubectl, node, label, apply', async () => {
    h = await demo();
    await command(h, 'node kill node-2');
    expect(flash(h)).toContain('node-2');
    await command(h, 'kubectl label po testapp-pod-liveness-404 app=foo --overwrite');
    expect(flash(h)).toContain('pod/testapp-pod-liveness-404 labeled');
    await command(h, 'kubectl apply -f fixtures/sample-job.yaml');
    expect(flash(h)).toMatch(/job\.batch\/\S+ created/);
    await command(h, 'kubectl get nodes');
    expect(title(h)).toContain('kubectl get nodes');
    expect(h.frame()).toMatch(/node-2 +NotReady|node-2 +Ready/);
    expect(h.recorded).toEqual(expect.arrayContaining(['node kill node-2', 'kubectl label po testapp-pod-liveness-404 app=foo --overwrite', 'kubectl apply -f fixtures/sample-job.yaml']));
  });

  it('q, :q and ctrl-c quit', async () => {
    for (const keys of [['q'], [':', 'q', 'enter'], ['ctrl-c']]) {
      const x = await demo({ at: 1000 });
      await x.press(...keys);
      expect(x.quit).toBe(true);
      x.unmount();
    }
  });
});
