import { defineProject } from 'vitest/config';

// The db tests open real databases: an in-memory PGlite takes seconds to start and the
// import of the real administrative units about 15 s per database, so timeouts are
// generous. Files run two at a time (maxWorkers in the root config: the machines have
// 2 cores, and each PGlite is a WebAssembly Postgres that keeps one core busy).
export default defineProject({
  test: {
    name: 'db',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
