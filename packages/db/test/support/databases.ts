/**
 * The databases tests run against: always an in-memory PGlite, and a real PostgreSQL
 * database of the tests' own when a server can be reached.
 *
 *   import { describeEachDatabase } from '<relative>/packages/db/test/support/databases.js';
 *
 *   describeEachDatabase('admin units', (getDb, target) => {
 *     beforeAll(async () => { await importSomething(getDb()); });
 *     it('counts', async () => { expect(await getDb().prisma.adminUnit.count()).toBe(0); });
 *   });
 *
 * Each `describeEachDatabase` block gets, per target, a fresh database, migrated (unless
 * `{ migrated: false }`) before its first hook runs and dropped (PostgreSQL: `DROP DATABASE … WITH (FORCE)`) or closed
 * (PGlite) after its last test. `getDb()` is only valid inside hooks and tests.
 *
 * PostgreSQL: the server at `ANTQ_TEST_POSTGRES_URL`
 * (default `postgresql://postgres@127.0.0.1:5432/postgres`); the URL names a database to
 * connect to for `CREATE DATABASE antq_test_<pid>_<random>` and the role must be allowed
 * to create databases. When the server cannot be reached the PostgreSQL tests are skipped
 * with a warning, or fail when `ANTQ_REQUIRE_POSTGRES=1` (as CI sets it).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openDatabase, type Database, type DatabaseTarget } from '../../src/database.js';
import { migrate } from '../../src/migrate.js';
import { createPostgresDatabase, POSTGRES_URL, withAdminClient } from './scratch-postgres.js';

export { createPostgresDatabase, POSTGRES_URL } from './scratch-postgres.js';

export type TargetName = 'pglite' | 'postgres';

export const REQUIRE_POSTGRES = process.env.ANTQ_REQUIRE_POSTGRES === '1';

/** The URL without its password, for messages. */
function shown(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unparsable ANTQ_TEST_POSTGRES_URL)';
  }
}

/** Why PostgreSQL cannot be used, or null when it can. Checked once per test file. */
async function postgresProblem(): Promise<string | null> {
  try {
    await withAdminClient((c) => c.query('select 1'));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  }
}

/** Null when PostgreSQL is reachable; else what went wrong. */
export const postgresUnavailable: string | null = await postgresProblem();

if (postgresUnavailable && !REQUIRE_POSTGRES) {
  const line = '⚠'.repeat(3);
  console.warn(
    `\n${line} PostgreSQL not reachable at ${shown(POSTGRES_URL)} (${postgresUnavailable}):\n` +
      `${line} PostgreSQL tests SKIPPED (set ANTQ_TEST_POSTGRES_URL to point at a server, ANTQ_REQUIRE_POSTGRES=1 to require them)\n`,
  );
}

/** A fresh database on `target` (migrated unless `migrated: false`), and how to get rid of it. */
export async function openTestDatabase(
  target: TargetName,
  { migrated = true }: DatabaseOptions = {},
): Promise<{ db: Database; dispose(): Promise<void> }> {
  let dropDatabase = async () => {};
  let where: DatabaseTarget;
  if (target === 'pglite') {
    where = { kind: 'pglite', dataDir: 'memory' };
  } else {
    const created = await createPostgresDatabase();
    dropDatabase = created.drop;
    where = { kind: 'postgres', url: created.url };
  }
  let db: Database | undefined;
  try {
    db = await openDatabase(where);
    if (migrated) await migrate(db);
  } catch (error) {
    await db?.close().catch(() => {});
    await dropDatabase();
    throw error;
  }
  const opened = db;
  return {
    db: opened,
    async dispose() {
      try {
        await opened.close();
      } finally {
        await dropDatabase();
      }
    },
  };
}

export interface DatabaseOptions {
  /** Apply the migrations before handing the database over (default true). */
  migrated?: boolean;
}

/** The targets of this run: PGlite always, PostgreSQL when reachable (or required). */
export const TARGETS: readonly TargetName[] = ['pglite', 'postgres'];

/**
 * Declares `fn`'s tests once per target, in a `describe` named `${name} [target]`, each
 * on a fresh migrated database that `getDb()` returns from within hooks and tests.
 * Hooks that `fn` declares run after the database is ready.
 */
export function describeEachDatabase(
  name: string,
  fn: (getDb: () => Database, target: TargetName) => void,
  options: DatabaseOptions = {},
): void {
  for (const target of TARGETS) {
    const unavailable = target === 'postgres' ? postgresUnavailable : null;
    if (unavailable && REQUIRE_POSTGRES) {
      describe(`${name} [${target}]`, () => {
        it('has a PostgreSQL server to run on', () => {
          throw new Error(
            `PostgreSQL not reachable at ${shown(POSTGRES_URL)} (${unavailable}) and ANTQ_REQUIRE_POSTGRES=1: ` +
              'start PostgreSQL or set ANTQ_TEST_POSTGRES_URL.',
          );
        });
      });
      continue;
    }
    describe.skipIf(unavailable !== null)(`${name} [${target}]`, () => {
      let opened: Awaited<ReturnType<typeof openTestDatabase>> | undefined;
      beforeAll(async () => {
        opened = await openTestDatabase(target, options);
      });
      afterAll(async () => {
        await opened?.dispose();
      });
      fn(() => {
        if (!opened) throw new Error(`the ${target} test database is not open (use getDb() inside hooks and tests)`);
        return opened.db;
      }, target);
    });
  }
}
