import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH, pendingSchemaChange } from '../src/migrate.js';

// Fails when prisma/schema.prisma and prisma/migrations disagree: after a schema change,
// run `pnpm --filter @antq/db migration:new <name>` and commit the migration it writes.
describe('schema and migrations', () => {
  it('agree: the migrations build exactly the committed schema', async () => {
    const pending = await pendingSchemaChange();
    expect(pending, `schema.prisma differs from the migrations; run \`pnpm --filter @antq/db migration:new <name>\`:\n${pending}`).toBe('');
  });

  it('disagree when the schema changes, and the SQL says how', async () => {
    const schema = await readFile(SCHEMA_PATH, 'utf8');
    const changed = schema.replace(/^(\s*searchText\s+String)$/m, '$1\n  population Int?');
    expect(changed).not.toBe(schema);
    const pending = await pendingSchemaChange(changed);
    expect(pending).toMatch(/ALTER TABLE "AdminUnit" ADD COLUMN\s+"population" INTEGER/);
  });
});
