import type { Database } from '../../src/database.js';

/**
 * The planner's row estimate of each table (`pg_class.reltuples`), by name: -1 until a table
 * is first vacuumed or analysed, so a load that left its tables without statistics shows.
 */
export async function rowEstimates(db: Database, tables: readonly string[]): Promise<Record<string, number>> {
  const rows = await db.prisma.$queryRawUnsafe<{ relname: string; reltuples: number }[]>(
    `SELECT relname, reltuples::float8 AS reltuples FROM pg_class WHERE relkind = 'r' AND relname = ANY($1::text[]) ORDER BY relname`,
    tables,
  );
  return Object.fromEntries(rows.map((r) => [r.relname, r.reltuples]));
}
