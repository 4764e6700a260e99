import { defineProject } from 'vitest/config';

// The test builds and packs the three packages and installs them with npm: minutes, not
// seconds; on a busy 2-core machine running the app (PGlite, migrations) took 87 s.
export default defineProject({
  test: { name: 'example-outside-the-workspace', environment: 'node', testTimeout: 300_000, hookTimeout: 600_000 },
});
