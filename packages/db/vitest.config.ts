import { defineProject } from 'vitest/config';

// The db tests open real databases: an in-memory PGlite takes seconds to start and the
// import of the real administrative units about 15 s per database, so timeouts are
// generous. Files run two at a time (the machines have 2 cores, and each PGlite is a
// WebAssembly Postgres that keeps one core busy); tests within a file run in order.
export default defineProject({
  test: {
    name: 'db',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: true,
    maxWorkers: 2,
    pool: 'forks',
  },
});
