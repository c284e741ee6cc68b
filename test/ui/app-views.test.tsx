// The whole dashboard driven by keys (ink-testing-library): every view, drill-down and back, layout and resize.
import { afterEach, describe, expect, it } from 'vitest';
import { command, harness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

/** The table's title line. */
function title(x: Harness): string {
  return x.frame().split('\n').find((l) => l.startsWith('┌')) ?? '';
}

/** The selected row, as the `▶`-less text of the table line the cursor is on (read from the UI state). */
function selectedKey(x: Harness): string | undefined {
  const f = x.store.state.stack.filter((s) => s.type === 'table').pop();
  return f?.type === 'table' ? f.selected : undefined;
}

describe('the dashboard opens on the demo cluster', () => {
  it('shows the k9s layout: cluster facts, hints, node strip, titled table, crumbs', async () => {
    h = await harness({ columns: 100, rows: 30 });
    await h.advance(10_000);
    const f = h.frame();
    expect(f).toContain('Cluster: kubesim · seed 1');
    expect(f).toContain('Time:    2025-01-01 00:00:10 UTC');
    expect(f).toContain('Clock:   ▶ running 1×');
    expect(f).toContain('Nodes:   3/3 Ready');
    expect(f).toMatch(/Pods: +12 \(11 Running, 1 Pending\)/);
    expect(f).toContain('<d>      Describe');
    expect(f).toContain('<ctrl-d> Delete');
    expect(f).toContain('Nodes ● node-1  ● node-2  ● node-3');
    expect(title(h)).toContain(' pods(default)[12] ');
    expect(f).toMatch(/│ NAME↑ +READY +STATUS +RESTARTS +AGE/);
    expect(f).toMatch(/kubia-\w{5} +1\/1.? +Running/);
    expect(f).toMatch(/ssd-monitor-\w{5}/);
    expect(f).toContain('testapp-pod-liveness-404');
    expect(f).toMatch(/ <pods>$/m);
    expect(f.split('\n')).toHaveLength(30);
  });
});

describe('views', () => {
  it(':po :rc :rs :ds :sts :job :cj :no :ev :pvc and full names switch views', async () => {
    h = await harness({ columns: 100, rows: 30 });
    await h.advance(65_000, 5000);
    const cases: [string, RegExp, RegExp][] = [
      ['rc', / replicationcontrollers\(default\)\[1\] /, /kubia +3 +3 +3/],
      ['rs', / replicasets\(default\)\[1\] /, /testapp-replica +3 +3 +3/],
      ['ds', / daemonsets\(default\)\[1\] /, /ssd-monitor +1 +1 +1 +1 +1 +disk=ssd/],
      ['sts', / statefulsets\(default\)\[1\] /, /sample-ss +3\/3/],
      ['job', / jobs\(default\)\[2\] /, /multi-completion-batch-job +Running +\d\/5/],
      ['cj', / cronjobs\(default\)\[1\] /, /sample-cronjob +\*\/1 \* \* \* \* +<none> +False/],
      ['no', / nodes\[3\] /, /node-1 +Ready +<none>/],
      ['ev', / events\(default\)\[\d+\] /, /LAST SEEN↑ +TYPE +REASON +OBJECT +MESSAGE/],
      ['pvc', / persistentvolumeclaims\(default\)\[3\] /, /www-sample-ss-0 +Bound/],
      ['po', / pods\(default\)\[\d+\] /, /sample-ss-2/],
      ['replicasets', / replicasets\(default\)\[1\] /, /testapp-replica/],
      ['cronjobs', / cronjobs\(default\)/, /sample-cronjob/],
      ['nodes', / nodes\[3\] /, /node-3/],
      ['persistentvolumeclaims', / persistentvolumeclaims/, /www-sample-ss-1/],
    ];
    for (const [word, t, row] of cases) {
      await command(h, word);
      expect(title(h), word).toMatch(t);
      expect(h.frame(), word).toMatch(row);
      expect(h.frame(), word).toContain('Viewing ');
    }
    expect(h.recorded.filter((l) => l.startsWith('ui view'))).toEqual([
      'ui view replicationcontrollers', 'ui view replicasets', 'ui view daemonsets', 'ui view statefulsets', 'ui view jobs', 'ui view cronjobs',
      'ui view nodes', 'ui view events', 'ui view persistentvolumeclaims', 'ui view pods', 'ui view replicasets', 'ui view cronjobs', 'ui view nodes',
      'ui view persistentvolumeclaims',
    ]);
  });

  it('ctrl-w toggles the wide columns', async () => {
    h = await harness({ columns: 100, rows: 30 });
    await h.advance(10_000);
    expect(h.frame()).not.toContain('NODE');
    await h.press('ctrl-w');
    expect(h.frame()).toMatch(/IP +NODE +NOMINAT/);
    expect(h.frame()).toMatch(/10\.244\.[\d.…]+ +node-\d/);
    await h.press('ctrl-w');
    expect(h.frame()).not.toContain('NOMINATED');
    expect(h.recorded.filter((l) => l === 'ui wide')).toHaveLength(2);
  });
});

describe('drill-down and back', () => {
  it('rs → its pods → a pod → its containers, esc back each step, crumbs follow', async () => {
    h = await harness({ columns: 100, rows: 30 });
    await h.advance(10_000);
    await command(h, 'rs');
    await h.press('enter');
    expect(title(h)).toMatch(/ pods\(default\)\[3\] <replicaset\/testapp-replica> /);
    expect(h.frame()).toMatch(/<replicasets> +<pods>$/m);
    expect(h.frame()).not.toContain('kubia-');
    await h.press('enter');
    expect(title(h)).toMatch(/ containers\(default\/testapp-replica-\w{5}\)\[1\] /);
    expect(h.frame()).toMatch(/testapp +c1t1d0s7\/myweb +true +Running +false +0 +off:off:off +8080\/TCP/);
    expect(h.frame()).toMatch(/<replicasets> +<pods> +<containers>$/m);
    await h.press('esc');
    expect(title(h)).toMatch(/<replicaset\/testapp-replica>/);
    await h.press('esc');
    expect(title(h)).toMatch(/ replicasets\(default\)\[1\] /);
    await h.press('esc');
    expect(title(h)).toMatch(/ replicasets/);
    expect(h.recorded.filter((l) => l.startsWith('ui ') && l !== 'ui view replicasets')).toEqual(['ui drill', 'ui drill', 'ui back', 'ui back']);
  });

  it('rc, ds, sts, job → pods; cronjob → jobs; node → its pods', async () => {
    h = await harness({ columns: 100, rows: 30 });
    await h.advance(65_000, 5000);
    await command(h, 'rc');
    await h.press('enter');
    expect(title(h)).toMatch(/ pods\(default\)\[3\] <replicationcontroller\/kubia> /);
    await command(h, 'ds');
    await h.press('enter');
    expect(title(h)).toMatch(/ pods\(default\)\[1\] <daemonset\/ssd-monitor> /);
    expect(h.frame()).toMatch(/ssd-monitor-\w{5}/);
    await command(h, 'sts');
    await h.press('enter');
    expect(title(h)).toMatch(/ pods\(default\)\[3\] <statefulset\/sample-ss> /);
    expect(h.frame()).toMatch(/sample-ss-0[\s\S]*sample-ss-1[\s\S]*sample-ss-2/);
    await command(h, 'job');
    await h.press('enter');
    expect(title(h)).toMatch(/ pods\(default\)\[\d\] <job\/multi-completion-batch-job> /);
    await command(h, 'cj');
    await h.press('enter');
    expect(title(h)).toMatch(/ jobs\(default\)\[1\] <cronjob\/sample-cronjob> /);
    expect(h.frame()).toMatch(/sample-cronjob-\d+/);
    await h.press('enter');
    expect(title(h)).toMatch(/ pods\(default\)\[1\] <job\/sample-cronjob-\d+> /);
    await command(h, 'no');
    await h.press('enter');
    expect(title(h)).toMatch(/ pods\(default\)\[\d+\] <node\/node-1> /);
    expect(h.frame()).toMatch(/ssd-monitor/);
    expect(h.frame()).toMatch(/<nodes> +<pods>$/m);
  });

  it('Enter on an event describes it (nowhere to drill)', async () => {
    h = await harness({ columns: 100, rows: 30 });
    await h.advance(5_000);
    await command(h, 'ev');
    await h.press('enter');
    expect(h.frame()).toMatch(/┌─+ describe\(/);
    expect(h.frame()).toMatch(/<events> +<describe>$/m);
  });
});

describe('selection', () => {
  it('j/k/g/G/PgDn/PgUp move; the selection stays on its object when rows move', async () => {
    h = await harness({ columns: 100, rows: 20 });
    await h.advance(10_000);
    const keys = () => h!.store.state.stack[0];
    await h.press('j', 'j');
    const second = selectedKey(h);
    expect(second).toMatch(/^default\/kubia-\w{5}$/);
    await h.press('k');
    await h.press('G');
    expect(selectedKey(h)).toMatch(/testapp-replica/);
    await h.press('g');
    expect(selectedKey(h)).toMatch(/kubia-/);
    await h.press('pgdn');
    expect((keys() as { index: number }).index).toBeGreaterThan(3);
    await h.press('pgup');
    expect((keys() as { index: number }).index).toBe(0);
    await h.press('down', 'down');
    const picked = selectedKey(h)!;
    // Sort by age, newest first: rows move, the cursor goes with its pod.
    await h.press('A', 'A');
    const lines = h.frame().split('\n');
    expect(selectedKey(h)).toBe(picked);
    expect(h.store.state.sorts.pods).toEqual({ column: 'AGE', asc: false });
    expect(lines.some((l) => l.includes(picked.slice(8)))).toBe(true);
  });

  it('scrolls a long table: only the window is drawn', async () => {
    h = await harness({ columns: 100, rows: 16 });
    await h.advance(10_000);
    await h.press('G');
    const f = h.frame();
    expect(f).toMatch(/testapp-replica-\w{5}/);
    expect(f).not.toMatch(/kubia-dq6q4/);
  });
});

describe('terminal size', () => {
  it('uses the space of a large terminal and survives resize; too small gets a message', async () => {
    h = await harness({ columns: 80, rows: 24 });
    await h.advance(5_000);
    expect(h.frame().split('\n')).toHaveLength(24);
    expect(h.frame().split('\n')[0].length).toBeLessThanOrEqual(80);
    const rowsAt24 = h.frame().split('\n').filter((l) => l.startsWith('│')).length;
    await h.resize(100, 40);
    expect(h.frame().split('\n')).toHaveLength(40);
    expect(h.frame().split('\n').filter((l) => l.startsWith('│')).length).toBe(rowsAt24 + 16);
    await h.resize(50, 10);
    expect(h.frame()).toContain('kubesim needs a terminal of at least 60×14');
    expect(h.frame()).toContain('This one is 50×10');
    await h.resize(80, 24);
    expect(title(h)).toContain(' pods(default)[');
  });
});
