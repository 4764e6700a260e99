import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'example-core-in-your-app', environment: 'node', testTimeout: 300_000, hookTimeout: 300_000 },
});
