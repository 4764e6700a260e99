import { describe, expect, it } from 'vitest';
import { pendingSchemaChange, readSchema } from '../src/migrate.js';

// Fails when prisma/schema/ and prisma/migrations disagree: after a schema change,
// run `pnpm --filter @antq/db migration:new <name>` and commit the migration it writes.
describe('schema and migrations', () => {
  it('agree: the migrations build exactly the committed schema', async () => {
    const pending = await pendingSchemaChange();
    expect(pending, `prisma/schema/ differs from the migrations; run \`pnpm --filter @antq/db migration:new <name>\`:\n${pending}`).toBe(
      '',
    );
  });

  it('disagree when the schema changes, and the SQL says how', async () => {
    const schema = await readSchema();
    const changed = schema.map((f) => ({ ...f, content: f.content.replace(/^(\s*searchText\s+String)$/m, '$1\n  population Int?') }));
    expect(changed).not.toEqual(schema);
    const pending = await pendingSchemaChange(changed);
    expect(pending).toMatch(/ALTER TABLE "AdminUnit" ADD COLUMN\s+"population" INTEGER/);
  });
});
