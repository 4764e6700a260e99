/**
 * Coverage steps (the CoverageStep table and the SQL functions of migration
 * `coverage_steps`): each commune's coverage figures as a step function of the date,
 * recomputed by triggers in the transaction of every write they depend on. What the
 * application does with them besides reading: defer the triggers during a bulk load and
 * refresh once at the end, rebuild them all, and check them against a recomputation.
 */
import type { Prisma, PrismaClient } from './generated/prisma/client.js';

type Sql = Pick<Prisma.TransactionClient, '$queryRaw' | '$executeRaw'>;

/**
 * Until the end of the transaction, writes do not refresh coverage steps: a bulk load of
 * thousands of statements would otherwise recompute the same communes after each one. The
 * loader must call `refreshCoverageSteps` before it commits.
 */
export async function deferCoverageSteps(tx: Sql): Promise<void> {
  await tx.$executeRaw`SELECT set_config('antq.coverage', 'deferred', true)`;
}

/** Recomputes the steps of these communes (by AdminUnit id), or of every commune (`'all'`). */
export async function refreshCoverageSteps(tx: Sql, communeIds: readonly string[] | 'all'): Promise<void> {
  await tx.$executeRaw`SELECT antq_refresh_coverage(${communeIds === 'all' ? null : [...communeIds]}::uuid[])`;
}

/** How the stored steps compare with a recomputation from the rows they derive from. */
export interface CoverageStepsCheck {
  /** Rows stored. */
  readonly rows: number;
  /** Rows a recomputation gives that are not stored. */
  readonly missing: number;
  /** Rows stored that a recomputation does not give. */
  readonly extra: number;
}

/** Compares the stored steps with `antq_coverage_steps` over every commune, in one statement. */
export async function checkCoverageSteps(prisma: Pick<PrismaClient, '$queryRaw'>): Promise<CoverageStepsCheck> {
  const [row] = await prisma.$queryRaw<CoverageStepsCheck[]>`
    WITH stored AS (SELECT "communeId", "validFrom", "validTo", areas, covered, models, "modelTypes" FROM "CoverageStep"),
    computed AS (SELECT * FROM antq_coverage_steps(NULL))
    SELECT (SELECT count(*) FROM stored)::int AS rows,
      (SELECT count(*) FROM (SELECT * FROM computed EXCEPT ALL SELECT * FROM stored) x)::int AS missing,
      (SELECT count(*) FROM (SELECT * FROM stored EXCEPT ALL SELECT * FROM computed) x)::int AS extra`;
  return row!;
}
