import { createRequire } from 'node:module';
import { defineProject } from 'vitest/config';

// One graphql module for everyone (see packages/graphql/vitest.config.ts).
const graphqlEntry = createRequire(import.meta.url).resolve('graphql', {
  paths: [createRequire(import.meta.url).resolve('@antq/graphql')],
});

export default defineProject({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    name: 'example-gateway',
    environment: 'node',
    // The database with the real administrative units that antq's own tests use, prepared once.
    globalSetup: ['../../packages/graphql/test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 300_000,
  },
});
