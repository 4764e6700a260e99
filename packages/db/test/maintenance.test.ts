import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../src/database.js';
import { AUTOVACUUM_DEFAULTS, maintainPeriodically, maintainTables, maintenanceDue, vacuumAnalyzeAfterLoad } from '../src/maintenance.js';

// The embedded database, where nothing else vacuums: a table of its own, so the counts are known.
let db: Database;
const stats = async () =>
  (
    await db.prisma.$queryRawUnsafe<{ dead: number; reltuples: number }[]>(
      `SELECT s.n_dead_tup::int AS dead, c.reltuples::float8 AS reltuples FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = 'probe'`,
    )
  )[0]!;

beforeAll(async () => {
  db = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
  await db.prisma.$executeRawUnsafe('CREATE TABLE probe (id int PRIMARY KEY)');
});
afterAll(async () => {
  await db.close();
});

describe('the embedded database’s autovacuum', () => {
  it('uses PostgreSQL’s own default thresholds', () => {
    expect(AUTOVACUUM_DEFAULTS).toEqual({
      vacuum: { threshold: 50, scaleFactor: 0.2 },
      vacuumInsert: { threshold: 1000, scaleFactor: 0.2 },
      analyze: { threshold: 50, scaleFactor: 0.1 },
    });
  });

  it.each([
    // [rows inserted, then deleted, due for vacuum, due for analyse only]
    ['a few rows inserted: nothing', 40, 0, false, false],
    ['rows inserted past the analyse threshold, not the insert one: analyse', 400, 0, false, true],
    ['rows inserted past the insert threshold: vacuum and analyse', 1_500, 0, true, false],
    ['rows deleted past the dead-row threshold: vacuum and analyse', 2_000, 1_000, true, false],
  ])('%s', async (_what, inserted, deleted, vacuum, analyzeOnly) => {
    await db.prisma.$executeRawUnsafe('TRUNCATE probe');
    await db.prisma.$executeRawUnsafe('VACUUM (ANALYZE) probe');
    await db.prisma.$executeRawUnsafe(`INSERT INTO probe SELECT generate_series(1, ${inserted})`);
    if (deleted) {
      // Settled first, so only the deletion counts.
      await db.prisma.$executeRawUnsafe('VACUUM (ANALYZE) probe');
      await db.prisma.$executeRawUnsafe(`DELETE FROM probe WHERE id <= ${deleted}`);
    }
    const due = await maintenanceDue(db);
    expect(due.vacuum.includes('probe')).toBe(vacuum);
    expect(due.analyze.includes('probe')).toBe(analyzeOnly);
    const done = await maintainTables(db);
    expect(done.vacuum).toEqual(due.vacuum);
    expect(done.analyze).toEqual(due.analyze);
    expect(await maintenanceDue(db)).toEqual({ vacuum: [], analyze: [] });
    if (vacuum || analyzeOnly) expect(await stats()).toMatchObject({ reltuples: inserted - deleted });
    if (vacuum) expect((await stats()).dead).toBe(0);
  });

  it('vacuums one table per statement, so that requests queued on the one connection run between them', async () => {
    await db.prisma.$executeRawUnsafe('CREATE TABLE probe_too (id int PRIMARY KEY)');
    await db.prisma.$executeRawUnsafe('INSERT INTO probe SELECT generate_series(200001, 202000)');
    await db.prisma.$executeRawUnsafe('INSERT INTO probe_too SELECT generate_series(1, 2000)');
    const statements: string[] = [];
    const stop = db.onQuery((e) => statements.push(e.query));
    try {
      expect((await maintainTables(db)).vacuum).toEqual(['probe', 'probe_too']);
    } finally {
      stop();
    }
    expect(statements.filter((q) => q.startsWith('VACUUM'))).toEqual(['VACUUM (ANALYZE) "probe"', 'VACUUM (ANALYZE) "probe_too"']);
  });

  it('after a load that committed, reports a failed vacuum instead of throwing', async () => {
    expect(await vacuumAnalyzeAfterLoad(db, ['probe'])).toBeNull();
    expect(await vacuumAnalyzeAfterLoad(db, ['no_such_table'])).toMatch(/no_such_table/);
  });

  it('runs on a timer, one run at a time, logging what it did, until stopped', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const lines: string[] = [];
      await db.prisma.$executeRawUnsafe('INSERT INTO probe SELECT generate_series(100001, 103000)');
      const maintenance = maintainPeriodically(db, { everyMs: 60_000, log: (m) => lines.push(m) });
      vi.advanceTimersByTime(60_000);
      vi.advanceTimersByTime(60_000); // still running: not started twice
      await vi.waitFor(() => expect(lines).toHaveLength(1), { timeout: 10_000 });
      expect(lines[0]).toMatch(/^embedded maintenance: vacuumed and analysed probe \(\d+ ms\)$/);
      await maintenance.stop();
      vi.advanceTimersByTime(600_000);
      expect(lines).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
