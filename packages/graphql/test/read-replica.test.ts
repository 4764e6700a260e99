/**
 * A read replica (`DATABASE_REPLICA_URL`, @antq/db's replica.ts, src/http/read-your-writes.ts),
 * against a real streaming replica: the test starts a PostgreSQL primary and a hot standby
 * made by `pg_basebackup -R`, each in a temporary folder on its own port
 * (support/replicated-postgres.ts), and stops both afterwards.
 *
 * Proved with the replica's replay paused (`pg_wal_replay_pause()`), so that it lacks what the
 * primary has: a query is served by the replica (its statements are the replica client's, and
 * it does not see a row written on the primary since); after a mutation, the viewer who made
 * it reads from the primary (sees that row, and its own tip) while another viewer still reads
 * the replica; once the replica has replayed past the write the writer reads from it again;
 * after `ANTQ_REPLICA_MAX_LAG_MS` the writer goes back to the replica even if it has not; and
 * with the replica stopped, reads are answered by the primary and `/ready` says `degraded`.
 */
import { DEFAULT_REPLICA_MAX_LAG_MS, migrate, openDatabase, replicaIgnored, targetFromEnv, type Database, type QueryEvent } from '@antq/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIRE_POSTGRES } from '../../db/test/support/databases.js';
import { replicationProblem, startReplicatedPostgres, type ReplicatedPostgres } from './support/replicated-postgres.js';
import { createTestServer, tokenFor, type TestServer } from './support/server.js';

const problem = await replicationProblem();
if (problem && !REQUIRE_POSTGRES) {
  console.warn(`\n⚠⚠⚠ read replica tests SKIPPED: ${problem} (ANTQ_REQUIRE_POSTGRES=1 to require them)\n`);
}

const UNITS = `query Units { adminUnits(search: "thu", first: 1) { totalCount } }`;
const TIPS = `query Tips { tips(first: 1) { totalCount } }`;
const SUBMIT = `mutation Tip($i: SubmitTipInput!) { submitTip(input: $i) { result { __typename } } }`;
const TIP = { category: 'OTHER', unitCode: '00001', text: 'Một xe lạ đỗ trước cổng trường mỗi đêm.' };

const unit = (code: string) => ({
  code,
  level: 'COMMUNE' as const,
  kind: 'XA' as const,
  name: `Thử ${code}`,
  fullName: `Xã Thử ${code}`,
  searchText: `thu xa thu ${code}`,
});

describe.skipIf(problem !== null && !REQUIRE_POSTGRES)('a read replica with read-your-writes', () => {
  let pair: ReplicatedPostgres;
  let db: Database;
  let server: TestServer;
  const events: QueryEvent[] = [];
  let writer: Record<string, string>;
  let other: Record<string, string>;

  beforeAll(async () => {
    pair = await startReplicatedPostgres();
    db = await openDatabase({ kind: 'postgres', url: pair.primaryUrl, replica: { url: pair.replicaUrl } });
    await migrate(db);
    await db.prisma.adminUnit.create({ data: unit('00001') });
    await pair.caughtUp();
    // The units and lineage are read once per database, from the primary (db.hierarchy): not counted.
    await db.hierarchy.load();
    db.onQuery((e) => events.push(e));
    server = createTestServer(db);
    // Two national officers: the same rights, two viewers.
    writer = { authorization: `Bearer ${await tokenFor('NATIONAL', null, { subject: 'writer' })}` };
    other = { authorization: `Bearer ${await tokenFor('NATIONAL', null, { subject: 'other' })}` };
  }, 60_000);
  afterAll(async () => {
    await db?.close().catch(() => {});
    await pair?.stop();
  });

  /** Runs `query` and answers its data with the roles of the clients that sent its statements. */
  const ask = async (query: string, headers: Record<string, string>) => {
    events.length = 0;
    const body = await server.query<Record<string, { totalCount: number }>>(query, undefined, headers);
    expect(body.errors).toBeUndefined();
    return { data: body.data, roles: [...new Set(events.map((e) => e.role))] };
  };

  it('serves a query from the replica', async () => {
    expect(await ask(UNITS, other)).toEqual({ data: { adminUnits: { totalCount: 1 } }, roles: ['replica'] });
    expect(await ask(UNITS, writer)).toEqual({ data: { adminUnits: { totalCount: 1 } }, roles: ['replica'] });
  });

  it('with replay paused, the replica does not see a row written on the primary since', async () => {
    await pair.sql('replica', 'SELECT pg_wal_replay_pause()');
    await db.prisma.adminUnit.create({ data: unit('00002') });
    expect(await ask(UNITS, other)).toEqual({ data: { adminUnits: { totalCount: 1 } }, roles: ['replica'] });
  });

  it('after a mutation, the viewer who made it reads from the primary; another viewer still reads the replica', async () => {
    events.length = 0;
    const submitted = await server.query<{ submitTip: { result: { __typename: string } } }>(SUBMIT, { i: TIP }, writer);
    expect(submitted.data?.submitTip.result.__typename).toBe('TipReceipt');
    // The mutation read, wrote and answered on the primary.
    expect([...new Set(events.map((e) => e.role))]).toEqual(['primary']);
    // Read-your-writes: the writer sees its tip, and the row the paused replica lacks.
    expect(await ask(TIPS, writer)).toEqual({ data: { tips: { totalCount: 1 } }, roles: ['primary'] });
    expect(await ask(UNITS, writer)).toEqual({ data: { adminUnits: { totalCount: 2 } }, roles: ['primary'] });
    // Another viewer is not held to the primary by someone else's write: it reads the stale replica.
    expect(await ask(TIPS, other)).toEqual({ data: { tips: { totalCount: 0 } }, roles: ['replica'] });
    expect(await ask(UNITS, other)).toEqual({ data: { adminUnits: { totalCount: 1 } }, roles: ['replica'] });
    expect(db.replica!.pinned).toBe(1);
  });

  it('once the replica has replayed past the write, the writer reads from the replica again', async () => {
    await pair.sql('replica', 'SELECT pg_wal_replay_resume()');
    await pair.caughtUp();
    await new Promise((r) => setTimeout(r, 60)); // the replayed position is trusted for 50 ms
    expect(await ask(TIPS, writer)).toEqual({ data: { tips: { totalCount: 1 } }, roles: ['replica'] });
    expect(await ask(UNITS, writer)).toEqual({ data: { adminUnits: { totalCount: 2 } }, roles: ['replica'] });
    expect(db.replica!.pinned).toBe(0);
  });

  it('holds the writer to the primary for ANTQ_REPLICA_MAX_LAG_MS at most when the replica does not replay', async () => {
    const bounded = await openDatabase({ kind: 'postgres', url: pair.primaryUrl, replica: { url: pair.replicaUrl, maxLagMs: 300 } });
    try {
      const seen: QueryEvent[] = [];
      bounded.onQuery((e) => seen.push(e));
      const boundedServer = createTestServer(bounded);
      const rolesOf = async (query: string) => {
        seen.length = 0;
        const body = await boundedServer.query<Record<string, { totalCount: number }>>(query, undefined, writer);
        return { data: body.data, roles: [...new Set(seen.map((e) => e.role))] };
      };
      await pair.sql('replica', 'SELECT pg_wal_replay_pause()');
      await boundedServer.query(SUBMIT, { i: TIP }, writer);
      expect(await rolesOf(TIPS)).toEqual({ data: { tips: { totalCount: 2 } }, roles: ['primary'] });
      await new Promise((r) => setTimeout(r, 350));
      // The bound is up: the writer reads the replica, which still lacks the second tip.
      expect(await rolesOf(TIPS)).toEqual({ data: { tips: { totalCount: 1 } }, roles: ['replica'] });
    } finally {
      await pair.sql('replica', 'SELECT pg_wal_replay_resume()');
      await bounded.close();
    }
  });

  it('answers /ready as ready with the replica up, and nothing degraded', async () => {
    const response = await server.yoga.fetch('http://antq.test/ready');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(expect.objectContaining({ status: 'ready', notReady: [] }));
  });

  it('with the replica stopped, reads are answered by the primary, and /ready says the replica is down (still 200)', async () => {
    await pair.caughtUp();
    await pair.stopReplica();
    // The first read finds the replica gone (its connections cut, then refused) and is answered by the primary.
    expect((await server.query(UNITS, undefined, other)).data).toEqual({ adminUnits: { totalCount: 2 } });
    expect((await server.query(TIPS, undefined, other)).data).toEqual({ tips: { totalCount: 2 } });
    expect(db.replica!.down).toBe(true);
    expect(db.replica!.fallbacks).toBeGreaterThan(0);
    // Known down, the next requests read with the primary's client directly.
    expect(await ask(UNITS, other)).toEqual({ data: { adminUnits: { totalCount: 2 } }, roles: ['primary'] });
    const response = await server.yoga.fetch('http://antq.test/ready');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; degraded: string[]; warnings: Array<{ reason: string; en: string }> };
    expect(body.status).toBe('ready');
    expect(body.degraded).toEqual(['replica']);
    expect(body.warnings[0]!.reason).toMatch(/^(UNREACHABLE|CONNECTION_LOST|SHUTTING_DOWN)$/);
    expect(body.warnings[0]!.en).toMatch(/^The read replica does not answer/);
    // A mutation still works (it never used the replica).
    const submitted = await server.query<{ submitTip: { result: { __typename: string } } }>(SUBMIT, { i: TIP }, writer);
    expect(submitted.data?.submitTip.result.__typename).toBe('TipReceipt');
  });
});

describe('DATABASE_REPLICA_URL from the environment', () => {
  it('reads the replica and its bound beside DATABASE_URL', () => {
    expect(targetFromEnv({ DATABASE_URL: 'postgresql://p/db', DATABASE_REPLICA_URL: 'postgresql://r/db' }, '/d')).toEqual({
      kind: 'postgres',
      url: 'postgresql://p/db',
      replica: { url: 'postgresql://r/db', maxLagMs: DEFAULT_REPLICA_MAX_LAG_MS },
    });
    expect(
      targetFromEnv(
        { DATABASE_URL: 'postgresql://p/db', DATABASE_REPLICA_URL: 'postgresql://r/db', ANTQ_REPLICA_MAX_LAG_MS: '2500' },
        '/d',
      ),
    ).toEqual(expect.objectContaining({ replica: { url: 'postgresql://r/db', maxLagMs: 2500 } }));
    expect(() =>
      targetFromEnv(
        { DATABASE_URL: 'postgresql://p/db', DATABASE_REPLICA_URL: 'postgresql://r/db', ANTQ_REPLICA_MAX_LAG_MS: 'soon' },
        '/d',
      ),
    ).toThrow(/ANTQ_REPLICA_MAX_LAG_MS must be a whole number/);
    expect(replicaIgnored({ DATABASE_URL: 'postgresql://p/db', DATABASE_REPLICA_URL: 'postgresql://r/db' })).toBeNull();
  });

  it('is ignored by the embedded database, with a message saying so', () => {
    const env = { DATABASE_REPLICA_URL: 'postgresql://r/db' };
    expect(targetFromEnv(env, '/d')).toEqual({ kind: 'pglite', dataDir: '/d/pglite' });
    expect(replicaIgnored(env)).toMatch(/^DATABASE_REPLICA_URL is ignored: the embedded database \(PGlite/);
    expect(replicaIgnored({})).toBeNull();
  });
});
