#!/usr/bin/env -S node --max-semi-space-size=128
// The V8 setting (also in package.json's `start` and `bench`, so the benchmark measures what users run): 128 MiB
// semi-spaces let the short-lived objects of a tick die in the young generation instead of being promoted as
// garbage that the old generation keeps until a full collection. At 150,000 pods the sampled peak heap went from
// ~1.5 GiB (64 MiB semi-spaces) to ~1.06 GiB at the same CPU time; capping the old generation instead
// (--max-old-space-size=1280) held it to ~0.9 GiB but cost ~20% more CPU. See docs/benchmark.md.
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
