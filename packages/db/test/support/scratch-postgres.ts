/**
 * Scratch databases on the PostgreSQL server at `ANTQ_TEST_POSTGRES_URL` (default
 * `postgresql://postgres@127.0.0.1:5432/postgres`): created for the tests (databases.ts) and
 * the import benchmark (scripts/time-import.ts), and dropped afterwards. No vitest here, so
 * that a script can use it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const POSTGRES_URL = process.env.ANTQ_TEST_POSTGRES_URL?.trim() || 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Runs `run` with a client of the database `POSTGRES_URL` names, closed afterwards. */
export async function withAdminClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh database `<prefix>_<pid>_<random>` of its own; `drop` removes it even if connections linger. */
export async function createPostgresDatabase(prefix = 'antq_test'): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
