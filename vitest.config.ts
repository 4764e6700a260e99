import { defineConfig } from 'vitest/config';

// One run for the whole workspace: each package is a project with its own setup.
export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/*'],
  },
});
