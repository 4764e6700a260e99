/**
 * GraphQL Code Generator: types for the operations in src/operations, from the schema's
 * SDL (packages/graphql/schema.graphql, the contract the server publishes). `pnpm codegen`
 * writes src/generated; a test regenerates it in memory and fails when it is not current.
 */
import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../../packages/graphql/schema.graphql',
  documents: ['src/operations/*.graphql'],
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false, // imports with .js, as NodeNext wants
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // A persisted document is the hex SHA-256 of the printed operation: exactly what
        // `antq api-key operations` registers and `extensions.persistedQuery.sha256Hash` carries.
        persistedDocuments: {
          mode: 'embedHashInDocument',
          hashAlgorithm: (document: string) => createHash('sha256').update(document).digest('hex'),
        },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        // File is the upload of importSpreadsheet (multipart): a partner sends a Blob.
        scalars: { Date: 'string', File: 'Blob' },
        // No `| undefined` on optional results: a field is there or null.
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        nonOptionalTypename: true,
        skipTypename: false,
      },
    },
  },
};

export default config;
