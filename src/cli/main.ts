// Entry point: bin/kubesim.js imports the compiled copy of this file, which runs the command line at once.
// The commands themselves are in program.ts.

import { buildProgram, reportInternalError } from './program.js';

export async function main(argv: string[] = process.argv): Promise<void> {
  // `kubesim run … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    reportInternalError(e);
  }
}

await main();
