/**
 * The fire-safety team's own tables, in a PostgreSQL schema of their own (`fire_safety`) on
 * antq's database: antq's Prisma schema and migrations are not touched. Each step runs
 * once, in a transaction, and is recorded in `fire_safety.migration`, so `migrate` can run
 * on every start.
 */
import type { Database } from '@antq/db';

const STEPS: ReadonlyArray<{ version: number; name: string; sql: readonly string[] }> = [
  {
    version: 1,
    name: 'inspections',
    sql: [
      `CREATE TABLE fire_safety.inspection (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         residential_area_id uuid NOT NULL REFERENCES public."ResidentialArea"(id),
         -- The civil-defence team (a model of the area, e.g. an Đội dân phòng) that took part.
         accompanying_model_id uuid REFERENCES public."Model"(id),
         inspected_on date NOT NULL,
         outcome text NOT NULL CHECK (outcome IN ('PASSED', 'HAZARDS_FOUND', 'FAILED')),
         hazards integer NOT NULL CHECK (hazards >= 0 AND hazards <= 500),
         note text CHECK (length(note) <= 2000),
         recorded_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX inspection_area_newest ON fire_safety.inspection (residential_area_id, inspected_on DESC, recorded_at DESC)`,
      `CREATE INDEX inspection_model ON fire_safety.inspection (accompanying_model_id) WHERE accompanying_model_id IS NOT NULL`,
    ],
  },
];

/** Applies the steps not applied yet; answers their names. */
export async function migrateFireSafety(db: Database): Promise<string[]> {
  await db.prisma.$executeRawUnsafe(`CREATE SCHEMA IF NOT EXISTS fire_safety`);
  await db.prisma.$executeRawUnsafe(
    `CREATE TABLE IF NOT EXISTS fire_safety.migration (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const done = new Set(
    (await db.prisma.$queryRaw<Array<{ version: number }>>`SELECT version FROM fire_safety.migration`).map((r) => r.version),
  );
  const applied: string[] = [];
  for (const step of STEPS.filter((s) => !done.has(s.version))) {
    await db.prisma.$transaction(async (tx) => {
      for (const statement of step.sql) await tx.$executeRawUnsafe(statement);
      await tx.$executeRaw`INSERT INTO fire_safety.migration (version, name) VALUES (${step.version}, ${step.name})`;
    });
    applied.push(`${step.version}_${step.name}`);
  }
  return applied;
}
