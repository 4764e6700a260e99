// The committed types are what `pnpm codegen` makes from the operations and the schema's
// SDL, and the SDL is the server's schema: a change to either that was not regenerated fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { antqSchema } from '@antq/graphql';
import { generate } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import { expect, it } from 'vitest';
import config from '../codegen.js';
import * as generated from '../src/generated/graphql.js';
import { hashOf, operationNameOf } from '../src/client/index.js';
import { persistedDocuments } from '../src/operator.js';

const exampleDir = new URL('..', import.meta.url).pathname;

it('commits the SDL the server prints (packages/graphql/schema.graphql)', () => {
  const committed = readFileSync(join(exampleDir, '../../packages/graphql/schema.graphql'), 'utf8');
  expect(committed, 'run: pnpm --filter @antq/graphql exec tsx scripts/print-schema.ts').toBe(`${printSchema(antqSchema())}\n`);
});

it('commits the code GraphQL Code Generator makes from src/operations', async () => {
  const files: Array<{ filename: string; content: string }> = await generate({ ...config, cwd: exampleDir, silent: true }, false);
  expect(files.map((f) => f.filename).sort()).toEqual([
    'src/generated/gql.ts',
    'src/generated/graphql.ts',
    'src/generated/index.ts',
    'src/generated/persisted-documents.json',
  ]);
  for (const file of files) {
    expect(
      readFileSync(join(exampleDir, file.filename), 'utf8'),
      `${file.filename} is stale: run pnpm codegen in examples/partner-client`,
    ).toBe(file.content);
  }
});

it('gives every operation the hash of its persisted document', () => {
  const manifest = persistedDocuments();
  const documents = Object.entries(generated).filter(([name]) => name.endsWith('Document')) as Array<
    [string, Parameters<typeof hashOf>[0]]
  >;
  expect(documents.map(([, d]) => hashOf(d)).sort()).toEqual(Object.keys(manifest).sort());
  for (const [name, document] of documents)
    expect(manifest[hashOf(document)], name).toMatch(new RegExp(`^(query|mutation) ${operationNameOf(document)}\\b`));
});
