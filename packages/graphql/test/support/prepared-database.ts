/**
 * A database with the real administrative units, prepared once and reused: the import
 * takes seconds, so vitest's global setup migrates and imports into an embedded database
 * and dumps it; each test file then opens its own in-memory copy in about a second.
 * The dump is cached under the OS temp folder, keyed by a hash of the migrations, the
 * import code and the units shipped with @antq/db, so it is rebuilt whenever any of them changes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importAdminUnits, migrate, openDatabase, shippedDataDir, type Database } from '@antq/db';

const DB_PACKAGE = new URL('../../../db/', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

/** Where the dump for the current code and data lives. */
export function preparedDumpPath(): string {
  const hash = createHash('sha256');
  for (const f of [
    ...filesUnder(join(DB_PACKAGE, 'prisma/migrations')),
    ...filesUnder(join(DB_PACKAGE, 'src/admin-units')),
    ...filesUnder(shippedDataDir()),
  ]) {
    hash.update(f.slice(f.lastIndexOf('/'))).update(readFileSync(f));
  }
  return join(tmpdir(), 'antq-test-cache', `admin-units-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}

/** Builds the dump unless a current one exists. Called from vitest's global setup. */
export async function ensurePreparedDump(log: (m: string) => void = () => {}): Promise<string> {
  const path = preparedDumpPath();
  if (existsSync(path)) return path;
  const started = performance.now();
  log(`preparing a test database with the real administrative units (cached in ${path})`);
  const db = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
  try {
    await migrate(db);
    await importAdminUnits(db);
    const blob = await db.dump();
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(`${path}.${process.pid}.partial`, Buffer.from(await blob.arrayBuffer()));
    renameSync(`${path}.${process.pid}.partial`, path);
  } finally {
    await db.close();
  }
  log(`test database prepared in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return path;
}

/** An in-memory copy of the prepared database, for one test file. */
export async function openPreparedDatabase(): Promise<Database> {
  const bytes = readFileSync(preparedDumpPath());
  return openDatabase({ kind: 'pglite', dataDir: 'memory', loadDataDir: new Blob([bytes]) });
}
