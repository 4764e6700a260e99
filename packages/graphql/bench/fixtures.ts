/**
 * The fixtures of a benchmark run: which commune, which model and which teams the
 * operations are run on, picked from the database once before the run so that every figure
 * of one run is about the same rows, and the writes of the run undone after it.
 */
import { vietnamDateOf } from '@antq/core';
import type { Database } from '@antq/db';

/** What the operations are run on: picked from the data before the run. */
export interface Fixtures {
  /** Today in Vietnam, as the server sees it. */
  readonly today: string;
  /** The commune with the most residential areas today (its first 50 are listed). */
  readonly communeCode: string;
  /** A model hosted in a residential area of that commune, with members and evaluations if any has them. */
  readonly modelId: string;
  /** (team, year) pairs that may take an evaluation and have none: half for GraphQL, half for the baseline. */
  readonly teamSlots: { readonly graphql: TeamSlot[]; readonly baseline: TeamSlot[] };
}

export interface TeamSlot {
  readonly teamId: string;
  readonly year: number;
  readonly version: number;
}

/** What the operations run on, and the size of the data. */
export async function pickFixtures(db: Database): Promise<Fixtures & { dataset: Record<string, number> }> {
  const today = vietnamDateOf(new Date());
  const q = <T>(text: string, ...params: unknown[]) => db.prisma.$queryRawUnsafe<T[]>(text, ...params);
  const [commune] = await q<{ code: string }>(
    `SELECT p."communeCode" AS code FROM "ResidentialAreaPlacement" p WHERE (p."validTo" IS NULL OR p."validTo" >= $1::date) AND (p."validFrom" IS NULL OR p."validFrom" <= $1::date)
     GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    today,
  );
  if (!commune) missing('no residential area is placed today: load data first (antq seed demo, or antq seed national)');
  const [model] = await q<{ id: string }>(
    `SELECT m.id FROM "Model" m JOIN "ResidentialAreaPlacement" p ON p."residentialAreaId" = m."residentialAreaId" AND p."communeCode" = $1
     ORDER BY (SELECT count(*) FROM "ModelMember" x WHERE x."modelId" = m.id) + (SELECT count(*) FROM "ModelEvaluation" v WHERE v."modelId" = m.id) DESC, m.id LIMIT 1`,
    commune.code,
  );
  // A team may take year Y's evaluation once the period (15 Nov Y−1 to 14 Nov Y) has ended, when it ran 9 months of it and its leader is not rated that year.
  const slots = await q<TeamSlot>(
    `SELECT t.id AS "teamId", y.year, t.version FROM "SecurityTeam" t
     CROSS JOIN (SELECT generate_series(2025, extract(year FROM $1::date)::int) AS year) y
     WHERE make_date(y.year, 11, 14) < $1::date AND t."establishedOn" <= make_date(y.year, 2, 1) AND t."dissolvedOn" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "TeamEvaluation" e WHERE e."teamId" = t.id AND e.year = y.year)
       AND NOT EXISTS (SELECT 1 FROM "TeamMemberEvaluation" e JOIN "TeamMember" m ON m.id = e."memberId" WHERE m."teamId" = t.id AND e.year = y.year AND m.role = 'LEADER')
     ORDER BY y.year DESC, t.id LIMIT 20000`,
    today,
  );
  // One slot per team: a team's version changes with each evaluation.
  const seen = new Set<string>();
  const unique = slots.filter((s) => !seen.has(s.teamId) && seen.add(s.teamId));
  const half = Math.floor(unique.length / 2);
  const [counts] = await q<Record<string, bigint>>(
    `SELECT (SELECT count(*) FROM "AdminUnit" WHERE level = 'COMMUNE' AND "validTo" IS NULL) AS "communes (today)",
            (SELECT count(*) FROM "ResidentialArea") AS "residential areas",
            (SELECT count(*) FROM "Model") AS models,
            (SELECT count(*) FROM "LifecycleEvent") AS "lifecycle events",
            (SELECT count(*) FROM "ModelMember") AS "model members",
            (SELECT count(*) FROM "ReplicationPoint") AS "replication points",
            (SELECT count(*) FROM "SecurityTeam") AS "security teams",
            (SELECT count(*) FROM "TeamMember") AS "team members"`,
  );
  return {
    today,
    communeCode: commune.code,
    modelId: model?.id ?? missing('no model in the busiest commune'),
    teamSlots: { graphql: unique.slice(0, half), baseline: unique.slice(half) },
    dataset: Object.fromEntries(Object.entries(counts!).map(([k, v]) => [k, Number(v)])),
  };
}

/** The benchmark's evaluations are removed after the run, so the next run finds the same slots. */
export function forgetEvaluations(db: Database, slots: TeamSlot[]): Promise<number> {
  return db.prisma.$executeRawUnsafe(
    `DELETE FROM "TeamEvaluation" e USING unnest($1::uuid[], $2::int[]) AS s(team, year) WHERE e."teamId" = s.team AND e.year = s.year`,
    slots.map((s) => s.teamId),
    slots.map((s) => s.year),
  );
}

function missing(message: string): never {
  throw new Error(message);
}
