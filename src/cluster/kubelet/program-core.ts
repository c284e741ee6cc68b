// A container program in two parts (program.ts says what one is): the core — the main process's timeline run
// by the tiny shell, and the servers it started — and, per container run, the pod's name, address, start time
// and random seed, which fill in what the servers answer and log.
//
// Why two parts: most containers of a cluster are replicas whose main process does the same thing in each
// (nginx's entrypoint script, then nginx). A core whose run never looked at what differs between them (OBSERVED:
// `$RANDOM`, the clock, the hostname, a server's output used otherwise than as a log line) and that has run to
// its end (nothing will run again) is the core of every container of that spec: the first container's run is
// computed once and shared (150,000 pods start with about as many shell runs as there are distinct specs).
// The lines a server prints to the log are kept with their templates and rendered for each container.

import { catalog, imageEntry } from './catalog.js';
import { containerArgv, containerEnv } from './container-argv.js';
import type { ImageEntry, ServerSpec } from './image-entry.js';
import { answer, render } from './image-server.js';
import type { ContainerInput, ContainerProgram, ContainerRequest, ExecOutcome, HttpAnswer } from './program.js';
import { type ProgramRun, type ShellContext, type ShellImage, ProcessTimeline, execIn } from './shell.js';

/** Run programs a core keeps (each is small; the kubelet asks for the same run's several times in one sync). */
const RUN_PROGRAMS = 5000;

interface Listener {
  spec: ServerSpec;
  listenAt: number;
  stopAt: number;
}

/** What a server's log line was rendered from: its text, its port, and when the server started. */
interface LineTemplate {
  text: string;
  port: number | undefined;
  atMs: number;
}

/** What a run is told about its container (ProgramOptions with defaults, plus the address and the seed). */
export interface RunInputs {
  seed: number;
  podIP: string;
  hostname: string;
  startedAt: number;
}

function vars(run: RunInputs, port: number | undefined): Record<string, string | number | undefined> {
  return { hostname: run.hostname, podIP: run.podIP, port };
}

/** The image's programs (servers) as the shell runs them, their start-up lines rendered for `run`. */
function programsFor(entry: ImageEntry, run: RunInputs): ShellImage['programs'] {
  const programs: ShellImage['programs'] = {};
  for (const [name, spec] of Object.entries(entry.programs)) {
    programs[name] = (_argv, atMs): ProgramRun => ({
      log: spec.log.map((text) => {
        const template: LineTemplate = { text, port: spec.ports[0], atMs };
        return { afterMs: 0, line: render(text, vars(run, spec.ports[0]), run.startedAt + atMs), template };
      }),
      exit: spec.exitAfterMs !== undefined ? { afterMs: spec.exitAfterMs, code: spec.exitCode } : undefined,
    });
  }
  return programs;
}

function shellContext(entry: ImageEntry, container: ContainerInput, run: RunInputs): ShellContext {
  const env: [string, string][] = [...entry.env, ['HOSTNAME', run.hostname], ...containerEnv(container.env)];
  return { env, hostname: run.hostname, startedAt: run.startedAt, seed: run.seed, stdin: container.stdin };
}

/** The main process's timeline and the servers it starts, computed for the container run `first`. */
export class ProgramCore {
  readonly entry: ImageEntry;
  readonly image: ShellImage;
  readonly run: ProcessTimeline;
  readonly exit: { afterMs: number; code: number } | undefined;
  private listeners: Listener[] = [];

  constructor(readonly container: ContainerInput, first: RunInputs) {
    this.entry = imageEntry(container.image) ?? catalog().unknown;
    const entry = this.entry;
    this.image = {
      files: entry.files, dirs: entry.dirs, workdir: container.workingDir ?? entry.workdir, programs: programsFor(entry, first),
      unknownCommands: entry.unknownCommands,
    };
    this.run = new ProcessTimeline(containerArgv(entry, container), this.image, shellContext(entry, container, first));
    this.exit = this.run.exit ? { afterMs: this.run.exit.atMs, code: this.run.exit.code } : undefined;
  }

  /** Programs of runs by seed (nearly one run each): found without writing out a key. */
  private readonly bySeed = new Map<number, RunProgram[]>();

  /** The program of one run of this core, the same object for the same inputs. */
  runProgram(inputs: RunInputs): RunProgram {
    const same = this.bySeed.get(inputs.seed);
    if (same) {
      for (const p of same) if (p.runs(inputs)) return p;
    }
    if (!same && this.bySeed.size >= RUN_PROGRAMS) this.bySeed.clear();
    const p = new RunProgram(this, inputs);
    const list = this.bySeed.get(inputs.seed);
    if (list) list.push(p);
    else this.bySeed.set(inputs.seed, [p]);
    return p;
  }

  /** The same for every container of this spec: ran to its end without looking at what differs between them. */
  get shareable(): boolean {
    return this.run.finished && this.run.observed === 0;
  }

  servers(): Listener[] {
    if (this.listeners.length !== this.run.programs.length) {
      this.listeners = this.run.programs.map((p) => {
        const spec = this.entry.programs[p.name];
        const stopAt = spec.exitAfterMs !== undefined ? p.atMs + spec.exitAfterMs : Infinity;
        return { spec, listenAt: p.atMs + spec.startMs, stopAt };
      });
    }
    return this.listeners;
  }

  /** When the first server listens, and on which ports (every run's program says it), for the servers as they are. */
  listenFacts(): { startMs: number; ports: number[] } {
    const servers = this.servers();
    if (this.facts?.servers !== servers) {
      this.facts = {
        servers,
        startMs: servers.reduce((min, s) => Math.min(min, s.listenAt), servers.length ? Infinity : 0),
        ports: [...new Set(servers.flatMap((s) => s.spec.ports))],
      };
    }
    return this.facts;
  }
  private facts: { servers: Listener[]; startMs: number; ports: number[] } | undefined;

  listening(port: number, atMs: number): Listener | undefined {
    return this.exit && atMs >= this.exit.afterMs
      ? undefined
      : this.servers().find((s) => s.spec.ports.includes(port) && s.listenAt <= atMs && atMs < s.stopAt);
  }

  nextChangeAfter(atMs: number): number | undefined {
    const times: number[] = [];
    for (const s of this.servers()) times.push(s.listenAt, s.stopAt);
    if (this.exit) times.push(this.exit.afterMs);
    const fsChange = this.exit && atMs >= this.exit.afterMs ? undefined : this.run.nextFsChangeAfter(atMs);
    if (fsChange !== undefined) times.push(fsChange);
    const later = times.filter((t) => t > atMs && t !== Infinity);
    return later.length ? Math.min(...later) : undefined;
  }
}

/** One container run's program: a core (its own, or one shared by its spec) seen with the run's own inputs. */
export class RunProgram implements ContainerProgram {
  readonly startMs: number;
  readonly ports: number[];
  readonly exit: { afterMs: number; code: number } | undefined;
  readonly startError: string | undefined;
  /** What `exec` runs in: the image with its servers' lines rendered for this run, and this run's environment. */
  private execIn: { image: ShellImage; ctx: ShellContext } | undefined;

  /** Is this the program of the run with these inputs? */
  runs(inputs: RunInputs): boolean {
    const own = this.inputs;
    return own.seed === inputs.seed && own.podIP === inputs.podIP && own.hostname === inputs.hostname && own.startedAt === inputs.startedAt;
  }

  constructor(private readonly core: ProgramCore, private readonly inputs: RunInputs) {
    ({ startMs: this.startMs, ports: this.ports } = core.listenFacts());
    this.exit = core.exit;
    this.startError = core.run.startError;
  }

  private respond(l: Listener, port: number, path: string, atMs: number, n: number, from = '') {
    // Written out rather than spread from vars(): a probe asks for every answer, and V8's object spread here
    // cost more than the answer itself.
    const { hostname, podIP, startedAt } = this.inputs;
    return answer(l.spec, path, n, () => this.core.run.fsAt(atMs), { hostname, podIP, port, from, path, n }, startedAt + atMs);
  }

  http(port: number, path: string, atMs: number, requestNumber: number): HttpAnswer {
    const l = this.core.listening(port, atMs);
    if (!l) return { error: `dial tcp ${this.inputs.podIP}:${port}: connect: connection refused` };
    const a = this.respond(l, port, path, atMs, requestNumber);
    return 'error' in a ? a : { status: a.status, body: a.body };
  }

  tcp(port: number, atMs: number): boolean {
    return this.core.listening(port, atMs) !== undefined;
  }

  exec(argv: string[], atMs: number): ExecOutcome {
    const { core, inputs } = this;
    this.execIn ??= {
      image: { ...core.image, programs: programsFor(core.entry, inputs) },
      ctx: shellContext(core.entry, core.container, inputs),
    };
    return execIn(argv, core.run.fsAt(atMs), this.execIn.image, this.execIn.ctx, atMs);
  }

  logs(untilMs: number, requests: ContainerRequest[]): { atMs: number; line: string }[] {
    const { core, inputs } = this;
    const own = core.run.logsUntil(untilMs).map((l) => {
      if (l.template === undefined) return l;
      const t = l.template as LineTemplate;
      return { atMs: l.atMs, line: render(t.text, vars(inputs, t.port), inputs.startedAt + t.atMs) };
    });
    const served: { atMs: number; line: string }[] = [];
    let n = 0;
    const ordered = requests.map((r, i) => ({ r, i })).sort((a, b) => a.r.atMs - b.r.atMs || a.i - b.i);
    for (const { r } of ordered) {
      if (r.atMs > untilMs) break;
      const port = r.port ?? core.servers()[0]?.spec.ports[0];
      const l = port === undefined ? undefined : core.listening(port, r.atMs);
      if (!l || port === undefined) continue;
      const path = r.path ?? '/';
      const a = this.respond(l, port, path, r.atMs, ++n, r.from);
      const fields = 'error' in a ? { status: 0, bytes: 0, file: '' } : a;
      const v = {
        hostname: inputs.hostname, podIP: inputs.podIP, port, from: r.from, path, n, ua: r.userAgent ?? 'kube-probe/1.32',
        status: fields.status, bytes: fields.bytes, file: fields.file,
      };
      for (const t of ['error' in a ? [] : a.log, l.spec.requestLog].flat()) served.push({ atMs: r.atMs, line: render(t, v, inputs.startedAt + r.atMs) });
    }
    // Merge, the process's own lines first when times are equal.
    const out: { atMs: number; line: string }[] = [];
    let i = 0;
    for (const s of served) {
      while (i < own.length && own[i].atMs <= s.atMs) out.push(own[i++]);
      out.push(s);
    }
    return out.concat(own.slice(i));
  }

  nextChangeAfter(atMs: number): number | undefined {
    return this.core.nextChangeAfter(atMs);
  }
}
