// The `kubesim` command line (main.ts runs it; bin/kubesim.js runs the compiled main.js).
//   kubesim [FILES...]        the dashboard (src/ui/start.ts: startDashboard), FILES applied/played first
//   kubesim run FILES...      headless: apply manifests, play scripts, print the result (run.ts)
//   kubesim replay / demo     recordings and built-in demos
// Internal errors print one line and leave the stack in a report file, never a trace on the terminal.

import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { clusterOptions, duration, simConfig, type ClusterFlags, type DashboardOptions } from './options.js';
import { demoCommand } from './demo.js';
import { replayCommand } from './replay.js';
import { runHeadless, type FinalOutput } from './run.js';

const VERSION = '0.1.0';

/** Exit status for a kubesim bug (sysexits.h EX_SOFTWARE), distinct from a user's failing script (1). */
const EXIT_INTERNAL = 70;

function writeLine(stream: NodeJS.WriteStream, line: string): void {
  stream.write(line + '\n');
}

export function reportInternalError(err: unknown): void {
  const e = err instanceof Error ? err : new Error(String(err));
  const file = join(tmpdir(), `kubesim-error-${process.pid}-${Date.now()}.txt`);
  let where = file;
  try {
    writeFileSync(file, [`kubesim ${VERSION}`, `node ${process.version}`, `argv: ${JSON.stringify(process.argv.slice(2))}`, '', e.stack ?? e.message, ''].join('\n'));
  } catch {
    where = 'could not be written';
  }
  writeLine(process.stderr, `kubesim: internal error: ${e.message} (report written to ${where})`);
  process.exitCode = EXIT_INTERNAL;
}

function withClusterOptions(cmd: Command): Command {
  for (const o of clusterOptions()) cmd.addOption(o);
  return cmd;
}

/** The dashboard lives in src/ui/start.ts; until it is built, say so instead of failing on the import. */
async function startDashboard(opts: DashboardOptions & { speed?: number }): Promise<void> {
  const modulePath = '../ui/start.js';
  let mod: { startDashboard?: (o: DashboardOptions & { speed?: number }) => Promise<number> };
  try {
    mod = (await import(modulePath)) as typeof mod;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('ui/start.js')) mod = {};
    else throw e;
  }
  if (typeof mod.startDashboard !== 'function') {
    writeLine(process.stderr, 'kubesim: the dashboard is not built yet; use kubesim run');
    process.exitCode = 1;
    return;
  }
  process.exitCode = await mod.startDashboard(opts);
}

export function buildProgram(): Command {
  const program = new Command('kubesim')
    .description('A k9s-style dashboard over a simulated, deterministic Kubernetes cluster (v1.32 behaviour)')
    .version(VERSION)
    .argument('[files...]', 'manifests (.yaml/.yml/.json) to apply and .ksim scripts to play before the dashboard opens')
    .showHelpAfterError('(run kubesim --help for usage)');
  program.addOption(
    new Option('--speed <factor>', 'simulated seconds per real second, 0.25 to 1000 (default 1)').argParser((v: string) => {
      const n = Number(v);
      if (!(n >= 0.25 && n <= 1000)) throw new InvalidArgumentError('the speed must be a number from 0.25 to 1000.');
      return n;
    }),
  );
  program.option('--record <file>', 'write the session to FILE as a replayable .ksim script (kubesim replay FILE)');
  program.addOption(new Option('--history <duration>', 'simulated past kept for rewinding while paused (default 15m)').argParser(duration));
  withClusterOptions(program).action(async (files: string[], flags: ClusterFlags & { speed?: number; record?: string; history?: number }) => {
    await startDashboard({
      files,
      seed: flags.seed,
      nodes: flags.nodes,
      start: flags.start,
      speed: flags.speed,
      config: simConfig(flags),
      recordTo: flags.record,
      history: flags.history,
    });
  });

  const run = new Command('run')
    .description('run manifests and .ksim scripts headless and print what kubectl would print')
    .argument('<files...>', 'manifests (.yaml/.yml/.json or a directory) are applied; other files are played as scripts')
    .addOption(new Option('--for <duration>', 'let simulated time run this long after the scripts (30s, 2m, 1h30m)').argParser(duration))
    .addOption(new Option('-o, --output <format>', 'print the final state: table, wide (kubectl get all + nodes), json or yaml (a v1 List)').choices(['table', 'wide', 'json', 'yaml']))
    .option('--keep-going', 'run the remaining lines after a failing one (exit status is still 1)')
    .option('-q, --quiet', 'print only the final state (-o) and errors')
    .showHelpAfterError('(run kubesim run --help for usage)');
  withClusterOptions(run).action((files: string[], flags: ClusterFlags & { for?: number; output?: FinalOutput; keepGoing?: boolean; quiet?: boolean }) => {
    const result = runHeadless(
      {
        files,
        forMs: flags.for,
        output: flags.output,
        seed: flags.seed,
        nodes: flags.nodes,
        start: flags.start,
        config: simConfig(flags),
        keepGoing: flags.keepGoing,
        quiet: flags.quiet,
      },
      { out: (l) => writeLine(process.stdout, l), err: (l) => writeLine(process.stderr, l) },
    );
    process.exitCode = result.exitCode;
  });
  program.addCommand(run);

  program.addCommand(replayCommand());
  program.addCommand(demoCommand());
  return program;
}
