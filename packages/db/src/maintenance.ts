/**
 * Vacuuming and analysing: after a bulk load, and on the embedded database all along.
 *
 * PGlite runs PostgreSQL single-user, without the autovacuum launcher. On PostgreSQL,
 * autovacuum reclaims the rows updates and deletes leave behind, merges a GIN index's
 * pending list into the index and keeps the planner's statistics current; on PGlite nothing
 * does unless we do. The embedded server therefore runs {@link maintainTables} every few
 * minutes: the tables past autovacuum's own default thresholds are vacuumed or analysed.
 */
import type { Database } from './database.js';

/**
 * VACUUM (ANALYZE) these tables, outside any transaction. After a bulk load PostgreSQL's
 * autovacuum comes by minutes later and PGlite's never: until then the planner has no
 * statistics, index-only scans visit the heap, and every jurisdiction lookup (`placeCodes @>`,
 * GIN) reads the index's whole pending list: a commune's 50 areas took 2.7 ms of PostgreSQL
 * per statement at national scale before, 0.5 ms after.
 */
export async function vacuumAnalyze(db: Pick<Database, 'prisma'>, tables: Iterable<string>): Promise<void> {
  const list = [...new Set(tables)].map(quoted).join(', ');
  if (list) await db.prisma.$executeRawUnsafe(`VACUUM (ANALYZE) ${list}`);
}

const quoted = (table: string) => `"${table.replaceAll('"', '""')}"`;

/**
 * {@link vacuumAnalyze} after a load that has committed: a failure is returned, not thrown.
 * The rows are in, so the load succeeded; the vacuum is left to autovacuum (or to the
 * embedded server's maintenance). Returns the error's message, or null.
 */
export async function vacuumAnalyzeAfterLoad(db: Pick<Database, 'prisma'>, tables: Iterable<string>): Promise<string | null> {
  try {
    await vacuumAnalyze(db, tables);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** PostgreSQL's defaults for autovacuum (`autovacuum_*_threshold` and `_scale_factor`): a table is due past them. */
export const AUTOVACUUM_DEFAULTS = {
  /** Dead rows: 50 + 20% of the table. */
  vacuum: { threshold: 50, scaleFactor: 0.2 },
  /** Rows inserted since the last vacuum: 1,000 + 20% (PostgreSQL 13 and later). */
  vacuumInsert: { threshold: 1000, scaleFactor: 0.2 },
  /** Rows changed since the last analyse: 50 + 10%. */
  analyze: { threshold: 50, scaleFactor: 0.1 },
} as const;

/** The tables past a threshold: those to vacuum (and analyse), and those only to analyse. */
export interface MaintenanceDue {
  readonly vacuum: readonly string[];
  readonly analyze: readonly string[];
}

/** Which tables of the public schema are due, by the statistics the database keeps of their rows. */
export async function maintenanceDue(db: Pick<Database, 'prisma'>): Promise<MaintenanceDue> {
  // Changes are counted per backend and published at most once a second: publish them first.
  await db.prisma.$queryRawUnsafe('SELECT pg_stat_force_next_flush()::text');
  const { vacuum, vacuumInsert, analyze } = AUTOVACUUM_DEFAULTS;
  const rows = await db.prisma.$queryRawUnsafe<{ table: string; vacuum: boolean; analyze: boolean }[]>(
    `SELECT s.relname AS "table",
       s.n_dead_tup > $1 + $2 * greatest(c.reltuples, 0) OR s.n_ins_since_vacuum > $3 + $4 * greatest(c.reltuples, 0) AS vacuum,
       s.n_mod_since_analyze > $5 + $6 * greatest(c.reltuples, 0) AS analyze
     FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
     WHERE s.schemaname = 'public'
     ORDER BY 1`,
    vacuum.threshold,
    vacuum.scaleFactor,
    vacuumInsert.threshold,
    vacuumInsert.scaleFactor,
    analyze.threshold,
    analyze.scaleFactor,
  );
  return {
    vacuum: rows.filter((r) => r.vacuum).map((r) => r.table),
    analyze: rows.filter((r) => r.analyze && !r.vacuum).map((r) => r.table),
  };
}

/**
 * Vacuums and analyses the tables that are due (see {@link maintenanceDue}), one statement per
 * table: PGlite has one connection, and requests queued behind a statement run between two
 * (a mutation waits at most 2 s to start its transaction; one VACUUM of every table of a
 * national database takes about 4). Returns what it did and how long it took.
 */
export async function maintainTables(db: Pick<Database, 'prisma'>): Promise<MaintenanceDue & { readonly ms: number }> {
  const started = performance.now();
  const due = await maintenanceDue(db);
  for (const table of due.vacuum) await vacuumAnalyze(db, [table]);
  for (const table of due.analyze) await db.prisma.$executeRawUnsafe(`ANALYZE ${quoted(table)}`);
  return { ...due, ms: performance.now() - started };
}

/**
 * Runs {@link maintainTables} every `everyMs` (default 10 minutes) until stopped, one run at a
 * time, never keeping the process alive. A province's whole embedded database vacuums in
 * about a second; requests wait meanwhile (PGlite has one connection). A failure is logged
 * and the next run tries again.
 */
export function maintainPeriodically(
  db: Pick<Database, 'prisma'>,
  { everyMs = 10 * 60_000, log = () => {} }: { everyMs?: number; log?: (message: string) => void } = {},
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= maintainTables(db)
      .then(
        (done) => {
          if (done.vacuum.length || done.analyze.length) {
            log(
              `embedded maintenance: ${[done.vacuum.length ? `vacuumed and analysed ${done.vacuum.join(', ')}` : '', done.analyze.length ? `analysed ${done.analyze.join(', ')}` : ''].filter(Boolean).join('; ')} (${Math.round(done.ms)} ms)`,
            );
          }
        },
        (error: unknown) =>
          log(
            `embedded maintenance failed, retrying in ${Math.round(everyMs / 60_000)} min: ${error instanceof Error ? error.message : String(error)}`,
          ),
      )
      .finally(() => (running = null));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
