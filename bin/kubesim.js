#!/usr/bin/env node
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
