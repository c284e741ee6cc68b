#!/usr/bin/env -S node --max-old-space-size=1280 --max-semi-space-size=64
// The V8 heap settings (also in package.json's `start` and `bench`, so the benchmark measures what users run): a
// 1.25 GiB old generation, ~2.5x the live set of a 5,000-node, 150,000-pod cluster while it converges (~500 MiB),
// makes V8 collect before garbage piles up (without a limit it let the heap grow to ~2 GiB there); 64 MiB
// semi-spaces let the short-lived objects of a tick die young. See docs/benchmark.md.
// The published entry point: runs the compiled CLI (npm install/ci builds it through `prepare`).
// React's development build (the default without NODE_ENV) renders the dashboard several times slower.
process.env.NODE_ENV ??= 'production';
import('../dist/src/cli/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/src/cli/main.js')) {
    process.stderr.write('kubesim is not built yet: run `npm install` (or `npm run build`) first.\n');
    process.exit(1);
  }
  throw err;
});
