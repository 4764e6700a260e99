import { defineProject } from 'vitest/config';

// The test builds and packs the three packages and installs them with npm: minutes, not seconds.
export default defineProject({
  test: { name: 'example-outside-the-workspace', environment: 'node', testTimeout: 60_000, hookTimeout: 600_000 },
});
