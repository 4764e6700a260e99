// Writes the next migration from a change to prisma/schema/, offline:
//   pnpm --filter @antq/db migration:new <name>
// It replays the existing migrations on an in-memory PGlite and diffs the result against
// the schema, the way `prisma migrate dev --create-only` would with the native engine.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MIGRATIONS_DIR, pendingSchemaChange } from '../src/migrate.js';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: pnpm --filter @antq/db migration:new <name>   (lower case, digits and _)');
  process.exit(2);
}
const sql = await pendingSchemaChange();
if (!sql) {
  console.log('prisma/schema/ and the migrations agree: nothing to write.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(join(dir, 'migration.sql'), sql);
console.log(`wrote ${dir}/migration.sql (${sql.split('\n').length} lines): review it, then commit it.`);
