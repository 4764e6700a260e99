import { createRequire } from 'node:module';
import { defineProject } from 'vitest/config';

// graphql 16 ships CommonJS (index.js) and ESM (index.mjs) without an exports map: Node
// loads the CommonJS one for Pothos and yoga, while Vite would hand our sources the ESM
// one, and graphql refuses types from "another realm". Pin everyone to what Node loads.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

export default defineProject({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    name: 'graphql',
    environment: 'node',
    globalSetup: ['./test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
