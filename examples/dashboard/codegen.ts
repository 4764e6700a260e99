/**
 * GraphQL Code Generator: the dashboard's operations (src/operations/*.graphql) typed from
 * the server's published SDL (packages/graphql/schema.graphql). `pnpm codegen` writes
 * src/generated; test/generated.test.ts regenerates it in memory and fails when it is stale.
 *
 * `documentMode: 'string'`: each operation is its printed text with its types, so the
 * browser bundle needs no GraphQL parser; src/api.ts posts it with fetch.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../../packages/graphql/schema.graphql',
  documents: ['src/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { Date: 'string', File: 'Blob' },
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        skipTypename: true,
      },
    },
  },
};

export default config;
