// The committed client types are what `pnpm codegen` makes from src/operations and the
// server's SDL (itself checked against the server's schema in examples/partner-client).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { expect, it } from 'vitest';
import config from '../codegen.js';

const exampleDir = new URL('..', import.meta.url).pathname;

it('commits the code GraphQL Code Generator makes from src/operations', async () => {
  const files: Array<{ filename: string; content: string }> = await generate({ ...config, cwd: exampleDir, silent: true }, false);
  expect(files.map((f) => f.filename).sort()).toEqual(['src/generated/gql.ts', 'src/generated/graphql.ts', 'src/generated/index.ts']);
  for (const file of files) {
    expect(readFileSync(join(exampleDir, file.filename), 'utf8'), `${file.filename} is stale: run pnpm codegen in examples/dashboard`).toBe(
      file.content,
    );
  }
});
