import { defineConfig } from 'vitest/config';

// One run for the whole workspace: each package and example is a project with its own
// setup, and `repo` holds the tests of the repository's own rules (test/). Coverage is
// measured for @antq/core, whose rules must stay at least 95% covered.
export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/*', { test: { name: 'repo', include: ['test/**/*.test.ts'] } }],
    // Two cores: two test files at a time, across all projects.
    maxWorkers: 2,
    coverage: {
      provider: 'v8',
      include: ['packages/core/src/**'],
      thresholds: { lines: 95 },
      reporter: ['text-summary'],
    },
  },
});
