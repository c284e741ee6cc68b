// `kubesim demo` lists the narrated demos (fixtures/demos/*.ksim, one per topic of the study notes);
// `kubesim demo NAME` plays one in the dashboard, or headless with --headless (what `kubesim run` prints).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { loadReplay } from '../session/replay.js';
import { playInDashboard, speedOption } from './replay.js';
import { runHeadless } from './run.js';

export interface Demo {
  name: string;
  path: string;
  /** The demo's title: its first comment line. */
  title: string;
}

/** fixtures/demos, found from this module in src/ (tests) and dist/src/ (the built CLI). */
export function demosDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++, dir = dirname(dir)) {
    const path = join(dir, 'fixtures', 'demos');
    if (existsSync(path)) return path;
  }
  return undefined;
}

export function listDemos(dir = demosDir()): Demo[] {
  if (!dir) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ksim'))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      const first = readFileSync(path, 'utf8').split('\n').find((l) => /^#\s*\S/.test(l) && !/^#\s*kubesim recording/.test(l)) ?? '';
      return { name: f.slice(0, -'.ksim'.length), path, title: first.replace(/^#\s*/, '') };
    });
}

const say = (stream: NodeJS.WriteStream, line: string) => stream.write(line + '\n');

export async function demo(name: string | undefined, flags: { speed?: number; headless?: boolean }): Promise<number> {
  const demos = listDemos();
  if (!name) {
    const width = Math.max(4, ...demos.map((d) => d.name.length));
    say(process.stdout, `${'NAME'.padEnd(width)}   TOPIC`);
    for (const d of demos) say(process.stdout, `${d.name.padEnd(width)}   ${d.title}`);
    say(process.stdout, '');
    say(process.stdout, 'Play one with: kubesim demo NAME [--speed X] [--headless]');
    return 0;
  }
  const found = demos.find((d) => d.name === name || d.name === name.replace(/\.ksim$/, ''));
  if (!found) {
    say(process.stderr, `error: no demo named "${name}"; kubesim demo lists them: ${demos.map((d) => d.name).join(', ')}`);
    return 1;
  }
  if (flags.headless) {
    return runHeadless({ files: [found.path] }, { out: (l) => say(process.stdout, l), err: (l) => say(process.stderr, l) }).exitCode;
  }
  const loaded = loadReplay(found.path, { speed: flags.speed ?? 10 });
  if ('error' in loaded) {
    say(process.stderr, loaded.error);
    return 1;
  }
  return playInDashboard(loaded);
}

export function demoCommand(): Command {
  return new Command('demo')
    .description('list the narrated demos of the study notes, or play one')
    .argument('[name]', 'the demo to play (omit to list them)')
    .addOption(speedOption())
    .option('--headless', 'print the demo as kubesim run would instead of opening the dashboard')
    .action(async (name: string | undefined, flags: { speed?: number; headless?: boolean }) => {
      process.exitCode = await demo(name, flags);
    });
}
