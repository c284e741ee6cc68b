import { describe, expect, it } from 'vitest';
import { ProcessTimeline, type ShellContext, type ShellImage, execIn } from '../../src/cluster/kubelet/shell.js';
import { parseScript } from '../../src/cluster/kubelet/shell-parse.js';

const image: ShellImage = { files: {}, dirs: [], workdir: '/', programs: {}, unknownCommands: 'notFound' };
const START = Date.UTC(2025, 0, 1, 0, 0, 0);
const ctx: ShellContext = { env: [], hostname: 'testpod', startedAt: START, seed: 7 };

const run = (script: string, img: ShellImage = image, c: ShellContext = ctx): ProcessTimeline =>
  new ProcessTimeline(['sh', '-c', script], img, c);
const lines = (t: ProcessTimeline, until = Number.MAX_SAFE_INTEGER): string[] => t.logsUntil(until).map((l) => l.line);
const out = (script: string): string[] => lines(run(script));
const exec = (t: ProcessTimeline, argv: string[], atMs: number, img: ShellImage = image) => execIn(argv, t.fsAt(atMs), img, ctx, atMs);

describe('the kubernetes.io exec liveness example', () => {
  const t = run('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600');

  it('exits 0 after 630 s', () => {
    expect(t.exit).toEqual({ atMs: 630_000, code: 0 });
    expect(t.startError).toBeUndefined();
  });

  it('cat /tmp/healthy succeeds before 30 s and fails from 30 s on', () => {
    for (const at of [0, 10_000, 29_999]) expect(exec(t, ['cat', '/tmp/healthy'], at)).toEqual({ exitCode: 0, output: '', durationMs: 0 });
    for (const at of [30_000, 31_000, 629_999]) {
      expect(exec(t, ['cat', '/tmp/healthy'], at)).toEqual({
        exitCode: 1,
        output: "cat: can't open '/tmp/healthy': No such file or directory",
        durationMs: 0,
      });
    }
  });

  it('answers sh -c probes and test -f the same way', () => {
    expect(exec(t, ['sh', '-c', 'test -f /tmp/healthy'], 5_000).exitCode).toBe(0);
    expect(exec(t, ['/bin/sh', '-c', '[ -f /tmp/healthy ]'], 45_000).exitCode).toBe(1);
  });

  it('does not keep what a probe writes', () => {
    expect(exec(t, ['sh', '-c', 'echo x > /tmp/probe-wrote; cat /tmp/probe-wrote'], 1_000)).toMatchObject({ exitCode: 0, output: 'x' });
    expect(t.fsAt(2_000).isFile('/tmp/probe-wrote')).toBe(false);
    expect(exec(t, ['cat', '/tmp/probe-wrote'], 2_000).exitCode).toBe(1);
  });

  it('knows when the filesystem next changes', () => {
    expect(t.nextFsChangeAfter(0)).toBe(30_000);
    expect(t.nextFsChangeAfter(29_999)).toBe(30_000);
    expect(t.nextFsChangeAfter(30_000)).toBeUndefined();
  });

  it('answers for earlier times after later ones (pure in time)', () => {
    expect(exec(t, ['cat', '/tmp/healthy'], 100_000).exitCode).toBe(1);
    expect(exec(t, ['cat', '/tmp/healthy'], 100).exitCode).toBe(0);
  });
});

describe('lists and operators', () => {
  it('runs ; && || with sh semantics', () => {
    expect(out('false; echo $?; true && echo a || echo b; false && echo c || echo d; false || false && echo e')).toEqual(['1', 'a', 'd']);
  });
  it('negates and pipes', () => {
    expect(out('! false && echo negated; echo hello | cat; echo a b c | wc -w')).toEqual(['negated', 'hello', '3']);
  });
  it('runs if/elif/else, while, until, for, break and continue', () => {
    expect(out('x=2; if [ $x -eq 1 ]; then echo one; elif [ $x -eq 2 ]; then echo two; else echo many; fi')).toEqual(['two']);
    expect(out('i=0; while [ $i -lt 3 ]; do echo w$i; i=$((i+1)); done; until [ $i -eq 0 ]; do i=$((i-1)); done; echo $i'))
      .toEqual(['w0', 'w1', 'w2', '0']);
    expect(out('for i in 1 2 3 4 5; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done')).toEqual(['1', '3']);
    expect(out('for a in x y; do for b in 1 2; do [ $b = 2 ] && continue 2; echo $a$b; done; done')).toEqual(['x1', 'y1']);
    expect(out('{ echo grouped; echo twice; }; (x=sub; echo $x); echo "[$x]"')).toEqual(['grouped', 'twice', 'sub', '[]']);
  });
  it('takes time only in sleep', () => {
    const t = run('echo start; sleep 1.5; echo mid; sleep 1m; echo end');
    expect(t.logsUntil(Infinity)).toEqual([
      { atMs: 0, line: 'start' }, { atMs: 1_500, line: 'mid' }, { atMs: 61_500, line: 'end' },
    ]);
    expect(t.exit).toEqual({ atMs: 61_500, code: 0 });
    expect(t.logsUntil(1_499)).toEqual([{ atMs: 0, line: 'start' }]);
  });
});

describe('words and expansions', () => {
  it('splits and quotes as POSIX sh', () => {
    expect(out('x="a  b"; echo $x; echo "$x"; echo \'it\'\'s\' "a\\"b" \\$HOME')).toEqual(['a b', 'a  b', 'its a"b $HOME']);
    expect(out('set -- 1 "2 3"; for a in "$@"; do echo "<$a>"; done; echo $#')).toEqual(['<1>', '<2 3>', '2']);
    expect(out('echo ${UNSET:-dflt} ${#HOSTNAME} "${UNSET}" end; Y=${Y:=set}; echo $Y ${Y:+alt}')).toEqual(['dflt 7  end', 'set alt']);
  });
  it('substitutes commands, including their time', () => {
    expect(out('echo "[$(echo hi)]" `echo back`; x=$(false); echo $?')).toEqual(['[hi] back', '1']);
    const t = run('echo start; $(sleep 5); echo end');
    expect(t.logsUntil(Infinity)).toEqual([{ atMs: 0, line: 'start' }, { atMs: 5_000, line: 'end' }]);
    expect(run('$(sleep 3600)').exit).toEqual({ atMs: 3_600_000, code: 0 });
    expect(run('$(echo false)').exit).toEqual({ atMs: 0, code: 1 });
  });
  it('does arithmetic', () => {
    expect(out('echo $((2 + 3 * 4)) $((7 / 2)) $((7 % 3)) $((-1 + 1)) $(( (1 + 2) * 3 )) $((3 > 2 && 1))')).toEqual(['14 3 1 0 9 1']);
    const t = run('echo $((1 / 0)); echo not reached');
    expect(lines(t)).toEqual(['sh: divide by zero']);
    expect(t.exit).toEqual({ atMs: 0, code: 2 });
  });
  it('sees the environment, HOSTNAME and hostname', () => {
    const t = run('echo $HOSTNAME $GREETING; hostname; printenv GREETING', image, { ...ctx, env: [['GREETING', 'hi']] });
    expect(lines(t)).toEqual(['testpod hi', 'testpod', 'hi']);
  });
  it('draws $RANDOM from the seed: same seed, same numbers', () => {
    const draw = (seed: number) => lines(run('echo $RANDOM $RANDOM $RANDOM', image, { ...ctx, seed }))[0];
    expect(draw(7)).toBe(draw(7));
    expect(new Set([1, 2, 3, 4, 5].map(draw)).size).toBeGreaterThan(1);
    for (const n of draw(9).split(' ').map(Number)) expect(n).toBeGreaterThanOrEqual(0), expect(n).toBeLessThan(32768);
  });
});

describe('commands and their error texts (busybox)', () => {
  it('sleep', () => {
    const t = run('sleep abc; echo $?');
    expect(lines(t)).toEqual(["sleep: invalid number 'abc'", '1']);
    const forever = run('sleep infinity; echo never');
    expect(forever.exit).toBeUndefined();
    expect(lines(forever, 10_000_000)).toEqual([]);
  });
  it('touch, rm, cat, echo > and >>', () => {
    expect(out('echo a > /tmp/f; echo b >> /tmp/f; cat /tmp/f; echo c > /tmp/f; cat /tmp/f')).toEqual(['a', 'b', 'c']);
    expect(out('rm /tmp/nope; echo $?; rm -f /tmp/nope; echo $?')).toEqual(["rm: can't remove '/tmp/nope': No such file or directory", '1', '0']);
    expect(out('cat /tmp/missing; echo $?')).toEqual(["cat: can't open '/tmp/missing': No such file or directory", '1']);
    expect(out('touch /nodir/x; echo $?')).toEqual(['touch: /nodir/x: No such file or directory', '1']);
    expect(out('mkdir /tmp/d; touch /tmp/d/f; rm /tmp/d; rm -rf /tmp/d; test -e /tmp/d || echo gone'))
      .toEqual(["rm: can't remove '/tmp/d': Is a directory", 'gone']);
  });
  it('test and [', () => {
    expect(out('touch /tmp/f; [ -f /tmp/f ] && echo yes; test -f /tmp/g || echo no; [ -d /tmp ] && [ 3 -gt 2 ] && [ a != b ] && echo all'))
      .toEqual(['yes', 'no', 'all']);
    expect(out('[ 1 -eq 1; echo $?')).toEqual(['sh: missing ]', '2']);
  });
  it('exit', () => {
    expect(run('echo before; exit 3; echo after').exit).toEqual({ atMs: 0, code: 3 });
    const t = run('exit abc');
    expect(lines(t)).toEqual(['sh: exit: Illegal number: abc']);
    expect(t.exit).toEqual({ atMs: 0, code: 2 });
  });
  it('unknown commands', () => {
    const t = run('echo hi; foo --bar; echo $?; /usr/bin/nothing');
    expect(lines(t)).toEqual(['hi', 'sh: foo: not found', '127', 'sh: /usr/bin/nothing: not found']);
    expect(t.exit).toEqual({ atMs: 0, code: 127 });
  });
  it('date, in simulated time', () => {
    const t = run('sleep 90; date; date +%Y-%m-%dT%H:%M:%S; date -u +%s');
    expect(lines(t)).toEqual(['Wed Jan  1 00:01:30 UTC 2025', '2025-01-01T00:01:30', String(START / 1000 + 90)]);
  });
  it('redirection errors are ash\'s', () => {
    expect(out('echo x > /nope/f; echo $?; cat < /nope; cat /nope 2>/dev/null; echo $?; cat /nope 2>&1 | wc -l')).toEqual([
      'sh: can\'t create /nope/f: nonexistent directory', '1', 'sh: can\'t open /nope: no such file', '1', '1',
    ]);
  });
  it('resolves relative paths, cd and pwd', () => {
    expect(out('cd /tmp; mkdir d; cd d; touch f; cd ..; ls; ls d; cat ./d/../d//f; pwd; cd /nope')).toEqual([
      'd', 'f', '/tmp', "sh: cd: can't cd to /nope: No such file or directory",
    ]);
  });
  it('flushes a last line without newline when the process ends', () => {
    expect(run('echo -n abc; sleep 2').logsUntil(Infinity)).toEqual([{ atMs: 2_000, line: 'abc' }]);
  });
});

describe('shells and scripts', () => {
  it('passes $0 and arguments to sh -c and to scripts in the image', () => {
    expect(out("sh -c 'echo $0 $1' name arg")).toEqual(['name arg']);
    const img = { ...image, files: { '/usr/local/bin/greet': '#!/bin/sh\necho "hello $1"\nexit 4\n' } };
    const t = new ProcessTimeline(['greet', 'world'], img, ctx);
    expect(lines(t)).toEqual(['hello world']);
    expect(t.exit).toEqual({ atMs: 0, code: 4 });
  });
  it('sh with no script exits 0 at once, unless the container has stdin', () => {
    expect(new ProcessTimeline(['sh'], image, ctx).exit).toEqual({ atMs: 0, code: 0 });
    expect(new ProcessTimeline(['sh'], image, { ...ctx, stdin: true }).exit).toBeUndefined();
  });
  it('reports syntax errors like ash, after running what came before', () => {
    const t = run('echo "unterminated');
    expect(lines(t)).toEqual(['sh: syntax error: unterminated quoted string']);
    expect(t.exit).toEqual({ atMs: 0, code: 2 });
    expect(out('echo first\necho "second')).toEqual(['first', 'sh: syntax error: unterminated quoted string']);
    expect(out('echo a; echo b "c')).toEqual(['sh: syntax error: unterminated quoted string']);
    expect(out('if true; then echo x')).toEqual(['sh: syntax error: unexpected end of file (expecting "fi")']);
    expect(out('echo a; done')).toEqual(['sh: syntax error: unexpected "done"']);
    expect(new ProcessTimeline(['/bin/sh', '-c', 'echo "x'], image, ctx).logsUntil(0)[0].line)
      .toBe('/bin/sh: syntax error: unterminated quoted string');
  });
  it('parses the notes\' and the books\' scripts', () => {
    for (const src of [
      'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600',
      '$(sleep 3600)',
      'echo "$(date) Batch job starting"; sleep 120; echo "$(date) Finished succesfully"',
      "while true; do echo 'SSD OK'; sleep 5; done",
      'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done',
    ]) expect(parseScript(src).error).toBeUndefined();
  });
});

describe('processes', () => {
  it('starts nothing that the image cannot run', () => {
    const t = new ProcessTimeline(['nosuch', 'x'], image, ctx);
    expect(t.startError).toBe('failed to create containerd task: failed to create shim task: OCI runtime create failed: '
      + 'runc create failed: unable to start container process: exec: "nosuch": executable file not found in $PATH: unknown');
    expect(t.exit).toEqual({ atMs: 0, code: 128 });
    expect(new ProcessTimeline(['exit', '1'], image, ctx).startError).toContain('exec: "exit": executable file not found');
    expect(new ProcessTimeline([], image, ctx).startError).toContain('no command specified');
  });
  it('runs background jobs alongside, and ends them with the main process', () => {
    const t = run('(sleep 5; echo bg) & echo fg; sleep 10');
    expect(t.logsUntil(Infinity)).toEqual([{ atMs: 0, line: 'fg' }, { atMs: 5_000, line: 'bg' }]);
    expect(t.exit).toEqual({ atMs: 10_000, code: 0 });
    expect(lines(run('(sleep 20; echo late) & sleep 10'))).toEqual([]);
  });
  it('knows an endless loop runs forever, and produces its output as far as asked', () => {
    const t = run("while true; do echo 'SSD OK'; sleep 5; done");
    expect(t.exit).toBeUndefined();
    expect(t.logsUntil(12_000)).toEqual([0, 5_000, 10_000].map((atMs) => ({ atMs, line: 'SSD OK' })));
    expect(t.logsUntil(3_600_000)).toHaveLength(721);
    expect(t.nextFsChangeAfter(0)).toBeUndefined();
  });
  it('follows a periodic filesystem', () => {
    const t = run('while true; do touch /tmp/a; sleep 5; rm /tmp/a; sleep 5; done');
    expect(t.exit).toBeUndefined();
    expect(exec(t, ['test', '-f', '/tmp/a'], 2_000).exitCode).toBe(0);
    expect(exec(t, ['test', '-f', '/tmp/a'], 6_000).exitCode).toBe(1);
    expect(exec(t, ['test', '-f', '/tmp/a'], 1_000_001).exitCode).toBe(0);
    expect(t.nextFsChangeAfter(0)).toBe(5_000);
    expect(t.nextFsChangeAfter(7_000)).toBe(10_000);
  });
  it('counts loops that change state every time as endless after a while', () => {
    const t = run('i=0; while true; do i=$((i+1)); echo $i > /tmp/n; sleep 10; done');
    expect(t.exit).toBeUndefined();
    expect(t.nextFsChangeAfter(5_000)).toBe(10_000);
    expect(exec(t, ['cat', '/tmp/n'], 100_000).output).toBe('11');
    // `[ 1 ]` is not read as "always": the run is watched, never repeats itself, and is judged after a while;
    // asked about its files, it looks an hour ahead and says "ask again then".
    const watched = run('i=0; while [ 1 ]; do i=$((i+1)); sleep 10; done');
    expect(watched.exit).toBeUndefined();
    expect(watched.nextFsChangeAfter(0)).toBe(3_600_000);
  });
  it('reads `while true` loops from their text', () => {
    const counter = run('i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done');
    expect(counter.exit).toBeUndefined();
    expect(counter.nextFsChangeAfter(0)).toBeUndefined();
    expect(counter.logsUntil(2_000).map((l) => l.line)).toEqual([
      '0: Wed Jan  1 00:00:00 UTC 2025', '1: Wed Jan  1 00:00:01 UTC 2025', '2: Wed Jan  1 00:00:02 UTC 2025',
    ]);
    expect(run('while true; do echo x >> /tmp/log; sleep 1; done').nextFsChangeAfter(500)).toBe(1_000);
    expect(run('{ while true; do echo x; sleep 1; done; } > /tmp/out').nextFsChangeAfter(500)).toBe(1_000);
    // A loop that could leave is watched instead: here it repeats itself, so it is endless all the same …
    expect(run('while true; do sleep 1; [ -f /tmp/stop ] && break; done').exit).toBeUndefined();
    // … and here it ends the shell.
    const failing = run('i=3; while true; do i=$((i - 1)); echo $((6 / i)); sleep 1; done');
    expect(failing.exit).toEqual({ atMs: 2_000, code: 2 });
    expect(lines(failing)).toEqual(['3', '6', 'sh: divide by zero']);
  });
  it('finishes finite loops', () => {
    const t = run('i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); sleep 1; done');
    expect(t.logsUntil(Infinity)).toEqual([{ atMs: 0, line: '0' }, { atMs: 1_000, line: '1' }, { atMs: 2_000, line: '2' }]);
    expect(t.exit).toEqual({ atMs: 3_000, code: 0 });
  });
  it('does not hang on a loop that never sleeps', () => {
    expect(run('while true; do :; done').exit).toBeUndefined();
    expect(run('i=0; while true; do i=$((i+1)); done').exit).toBeUndefined();
  });
  it('charges long busy loops some CPU time, and still sees them end', () => {
    const t = run('for i in $(seq 1 3000); do :; done; echo done');
    expect(t.exit!.code).toBe(0);
    expect(t.exit!.atMs).toBeGreaterThanOrEqual(200);
    expect(t.exit!.atMs).toBeLessThanOrEqual(400);
    expect(run('for i in $(seq 1 3000); do sleep 1; done').exit).toEqual({ atMs: 3_000_000, code: 0 });
  });
});

describe('exec', () => {
  const t = run('sleep 100');
  it('runs argv directly, with its duration', () => {
    expect(exec(t, ['sh', '-c', 'echo out; echo err >&2; sleep 5; exit 3'], 0)).toEqual({ exitCode: 3, output: 'out\nerr', durationMs: 5_000 });
    expect(exec(t, ['sleep', 'infinity'], 0)).toEqual({ exitCode: -1, output: '', durationMs: Infinity });
  });
  it('fails like the runtime for a binary the image lacks', () => {
    expect(exec(t, ['curl', 'localhost'], 0)).toEqual({
      exitCode: 126,
      output: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown',
      durationMs: 0,
    });
  });
  it('sees the simulated clock', () => {
    expect(exec(t, ['date'], 61_000).output).toBe('Wed Jan  1 00:01:01 UTC 2025');
  });
});
