import { createRequire } from 'node:module';
import { defineProject } from 'vitest/config';

// One graphql module for everyone (see packages/graphql/vitest.config.ts).
const graphqlEntry = createRequire(import.meta.url).resolve('graphql', {
  paths: [createRequire(import.meta.url).resolve('@antq/graphql')],
});

export default defineProject({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    name: 'example-dashboard',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
