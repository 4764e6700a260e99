/**
 * The baseline: each operation's answer computed by hand-written SQL, as a developer who
 * knew the schema would write it against the database directly, without GraphQL, Prisma
 * or core. It runs through `pg` (PostgreSQL) or PGlite's own `query` (the embedded
 * database) in the benchmark's process, at the same concurrency as the HTTP load, so that
 * each operation's ratio GraphQL ÷ SQL is measured in one run on one machine.
 */
import type { Database } from '@antq/db';
import pg from 'pg';
import type { TeamSlot } from './fixtures.js';

type Params = readonly unknown[];
type Query = (text: string, params?: Params) => Promise<Record<string, unknown>[]>;

/** Where the baseline's SQL goes, with the number of statements it sent. */
export interface Driver {
  query: Query;
  transaction<T>(run: (query: Query) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function pgDriver(url: string, connections: number): Driver {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  return {
    query: async (text, params = []) => (await pool.query(text, params as unknown[])).rows,
    async transaction(run) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await run(async (text, params = []) => (await client.query(text, params as unknown[])).rows);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** PGlite has one connection: its queries queue, as the server's do. */
export function pgliteDriver(pglite: NonNullable<Database['pglite']>): Driver {
  return {
    query: async (text, params = []) => (await pglite.query<Record<string, unknown>>(text, params as unknown[])).rows,
    transaction: (run) =>
      pglite.transaction((tx) =>
        run(async (text, params = []) => (await tx.query<Record<string, unknown>>(text, params as unknown[])).rows),
      ),
    close: async () => {},
  };
}

/** `a` held on the date in parameter `$n`: both ends included, open when null. */
const valid = (a: string, n: number) =>
  `(${a}."validFrom" IS NULL OR ${a}."validFrom" <= $${n}::date) AND (${a}."validTo" IS NULL OR ${a}."validTo" >= $${n}::date)`;

/**
 * Coverage by province in one statement. `place` maps each commune whose rows are counted to
 * the province it is attributed to: without lineage, the communes of the date; with lineage,
 * the communes of `figuresOn`, each followed forward through the links to the communes of
 * today, attributed when it reaches exactly one by full links only and `partial` (null
 * province) otherwise. The figures are the communes' coverage steps (CoverageStep, kept by
 * triggers on every write) that hold on the date, summed by province: the same table the API
 * reads, so the ratio measures the API, not the aggregate.
 */
function coverageSql(lineage: boolean): string {
  const place = lineage
    ? `fc AS (SELECT u.id FROM "AdminUnit" u WHERE u.level = 'COMMUNE' AND ${valid('u', 2)}),
       walk(origin, id, whole) AS (
         SELECT id, id, true FROM fc
         UNION
         SELECT w.origin, l."successorId", w.whole AND l.kind = 'FULL' FROM walk w JOIN "LineageLink" l ON l."predecessorId" = w.id WHERE l.date <= $1::date
       ),
       dest AS (SELECT w.origin, c.id, c.province, w.whole FROM walk w JOIN commune c ON c.id = w.id),
       place AS (
         SELECT origin, CASE WHEN count(DISTINCT id) = 1 AND bool_and(whole) THEN min(province) END AS province FROM dest GROUP BY origin
       )`
    : `place AS (SELECT id AS origin, province FROM commune)`;
  return `WITH RECURSIVE tree AS (
      SELECT u.id, u.code, u.level, u.code AS province FROM "AdminUnit" u WHERE u.level = 'PROVINCE' AND ${valid('u', 1)}
      UNION ALL
      SELECT c.id, c.code, c.level, p.province FROM "AdminUnit" c JOIN tree p ON c."parentCode" = p.code WHERE p.level <> 'COMMUNE' AND ${valid('c', 1)}
    ),
    commune AS (SELECT id, province FROM tree WHERE level = 'COMMUNE'),
    ${place},
    steps AS (
      SELECT pl.province, s.areas, s.covered, s.models, s."modelTypes" FROM "CoverageStep" s JOIN place pl ON pl.origin = s."communeId"
      WHERE ${valid('s', 2)}
    ),
    counted AS (
      SELECT province, NULL::uuid AS type, areas, covered, models FROM steps
      UNION ALL
      SELECT st.province, split_part(t, ' ', 1)::uuid, 0, split_part(t, ' ', 3)::int, split_part(t, ' ', 2)::int
      FROM steps st, string_to_table(st."modelTypes", ';') t WHERE st."modelTypes" <> ''
    )
    SELECT GROUPING(province, type) AS g, province, type, province IS NOT NULL AS attributed,
      CASE WHEN GROUPING(type) = 1 THEN sum(areas) FILTER (WHERE type IS NULL) ELSE sum(areas) END AS areas,
      CASE WHEN GROUPING(type) = 1 THEN sum(covered) FILTER (WHERE type IS NULL) ELSE sum(covered) END AS covered,
      CASE WHEN GROUPING(type) = 1 THEN sum(models) FILTER (WHERE type IS NULL) ELSE sum(models) END AS models,
      count(DISTINCT type) AS types
    FROM counted GROUP BY GROUPING SETS ((province), (province IS NOT NULL), (province IS NOT NULL, type))
    UNION ALL
    SELECT 4, code, NULL, true, 0, 0, 0, 0 FROM tree WHERE level = 'PROVINCE'`;
}

const COMMUNE_AREAS = `
  WITH page AS (
    SELECT a.id, a.name, a.kind FROM "ResidentialAreaPlacement" p JOIN "ResidentialArea" a ON a.id = p."residentialAreaId"
    WHERE p."communeCode" = $1 AND ${valid('p', 2)} AND ${valid('a', 2)}
  )
  SELECT (SELECT count(*) FROM page) AS total,
    (SELECT json_agg(x ORDER BY x.id) FROM (
      SELECT a.id, a.name, a.kind,
        (SELECT count(*) FROM "Model" m WHERE m."residentialAreaId" = a.id) AS "modelCount",
        (SELECT json_agg(y ORDER BY y.id) FROM (
          SELECT m.id, m.name, t.name AS type,
            (SELECT e.kind FROM "LifecycleEvent" e WHERE e."modelId" = m.id AND e.date <= $2::date ORDER BY e.date DESC, e.seq DESC LIMIT 1) AS "lastEvent",
            (SELECT json_build_object('outcome', v.outcome, 'periodTo', v."periodTo") FROM "ModelEvaluation" v WHERE v."modelId" = m.id ORDER BY v."periodTo" DESC LIMIT 1) AS "latestEvaluation"
          FROM "Model" m JOIN "ModelType" t ON t.id = m."modelTypeId" WHERE m."residentialAreaId" = a.id ORDER BY m.id LIMIT $4) y) AS models
      FROM page a ORDER BY a.id LIMIT $3) x) AS areas`;

const MODEL_PAGE = `
  SELECT m.id, m.name, m."hostKind", m."foundedOn", m."builtBy", m.version, t.name AS type, t.category, a.name AS area,
    (SELECT json_agg(e ORDER BY e.date, e.seq) FROM (SELECT kind, date, seq, "decisionNumber" FROM "LifecycleEvent" WHERE "modelId" = m.id) e) AS events,
    (SELECT json_agg(v ORDER BY v."periodTo" DESC) FROM (SELECT "periodFrom", "periodTo", "evaluatedOn", outcome FROM "ModelEvaluation" WHERE "modelId" = m.id) v) AS evaluations,
    (SELECT count(*) FROM "ModelMember" WHERE "modelId" = m.id) AS "memberCount",
    (SELECT json_agg(x ORDER BY x.id) FROM (SELECT id, "fullName", position, "joinedOn", "leftOn", phone FROM "ModelMember" WHERE "modelId" = m.id ORDER BY id LIMIT $2) x) AS members
  FROM "Model" m JOIN "ModelType" t ON t.id = m."modelTypeId" LEFT JOIN "ResidentialArea" a ON a.id = m."residentialAreaId"
  WHERE m.id = $1`;

const UNIT_CHILDREN = `
  SELECT u.code, u.name, u."fullName", u.level,
    (SELECT count(*) FROM "AdminUnit" c WHERE c."parentCode" = u.code AND ${valid('c', 2)}) AS total,
    (SELECT json_agg(x ORDER BY x.code) FROM (
      SELECT c.code, c.name, c."fullName", c.level FROM "AdminUnit" c WHERE c."parentCode" = u.code AND ${valid('c', 2)} ORDER BY c.code LIMIT $3) x) AS children
  FROM "AdminUnit" u WHERE u.code = $1 AND ${valid('u', 2)}`;

/** The baseline's operations over a driver, counting the statements each sends. */
export class Sql {
  statements = 0;

  constructor(private readonly driver: Driver) {}

  private query: Query = (text, params) => {
    this.statements += 1;
    return this.driver.query(text, params);
  };

  /** The cheapest statement: the floor of a round trip through the driver. */
  one(): Promise<unknown> {
    return this.query('SELECT 1');
  }

  /** Coverage of the country by province on `today`, or (with `figuresOn`) the figures of that date on today's units. */
  coverage(today: string, figuresOn: string | null): Promise<unknown> {
    return this.query(coverageSql(figuresOn !== null), [today, figuresOn ?? today]);
  }

  communeAreas(communeCode: string, today: string, areas: number, models: number): Promise<unknown> {
    return this.query(COMMUNE_AREAS, [communeCode, today, areas, models]);
  }

  modelPage(modelId: string, _today: string, members: number): Promise<unknown> {
    return this.query(MODEL_PAGE, [modelId, members]);
  }

  /** A unit on a date and its children of that date (the first `first` by code, and how many). */
  unitChildren(code: string, today: string, first: number): Promise<unknown> {
    return this.query(UNIT_CHILDREN, [code, today, first]);
  }

  /** What recordTeamEvaluation does: read the team, the commune's evaluations and the leader's, then write, version and audit in one transaction. */
  async recordTeamEvaluation(slot: TeamSlot): Promise<void> {
    const [team] = await this.query(
      `SELECT t.*, (SELECT json_agg(m) FROM "TeamMember" m WHERE m."teamId" = t.id) AS members,
              (SELECT json_agg(a) FROM "SecurityTeamArea" a WHERE a."teamId" = t.id) AS areas
       FROM "SecurityTeam" t WHERE t.id = $1`,
      [slot.teamId],
    );
    if (!team || team.version !== slot.version)
      throw new Error(`team ${slot.teamId}: version ${String(team?.version)} is not the ${slot.version} read`);
    await Promise.all([
      this.query(
        `SELECT t.id, t."establishedOn", e.* FROM "SecurityTeam" t JOIN "TeamEvaluation" e ON e."teamId" = t.id AND e.year = $2 WHERE t."communeId" = $1 AND t.id <> $3`,
        [team.communeId, slot.year, slot.teamId],
      ),
      this.query(
        `SELECT e.*, m.role, m."joinedOn" FROM "TeamMemberEvaluation" e JOIN "TeamMember" m ON m.id = e."memberId" WHERE e.year = $1 AND m."teamId" = $2 AND m.role = 'LEADER'`,
        [slot.year, slot.teamId],
      ),
      this.query(`SELECT count(*) FROM "TeamEvaluation" WHERE "teamId" = $1 AND year = $2`, [slot.teamId, slot.year]),
    ]);
    this.statements += 6;
    await this.driver.transaction(async (q) => {
      const updated = await q(`UPDATE "SecurityTeam" SET version = version + 1 WHERE id = $1 AND version = $2 RETURNING id`, [
        slot.teamId,
        slot.version,
      ]);
      if (updated.length !== 1) throw new Error(`team ${slot.teamId} changed meanwhile`);
      await q(
        `INSERT INTO "TeamEvaluation" (id, "teamId", year, "tasksAssigned", "tasksCompleted", level) VALUES (gen_random_uuid(), $1, $2, 10, 8, 'COMPLETE')`,
        [slot.teamId, slot.year],
      );
      await q(
        `INSERT INTO "AuditEntry" (id, "actorKind", actor, "actorRole", action, entity, "entityId", "placeCodes", outcome, "requestId")
         VALUES (gen_random_uuid(), 'OFFICER', 'bench', 'NATIONAL', 'recordTeamEvaluation', 'SecurityTeam', $1, $2, 'OK', gen_random_uuid()::text)`,
        [slot.teamId, team.placeCodes],
      );
      await q(`SELECT * FROM "SecurityTeam" WHERE id = $1`, [slot.teamId]);
    });
  }
}

/** The figures of the coverage statement's rows, shaped as the API's answer, to check both give the same. */
export function coverageFigures(rows: Record<string, unknown>[]): {
  national: number[];
  byProvince: Record<string, number[]>;
  partial: number[];
} {
  const fig = (r: Record<string, unknown>) => [Number(r.areas), Number(r.covered), Number(r.models), Number(r.types)];
  const byProvince: Record<string, number[]> = {};
  let national = [0, 0, 0, 0];
  let partial = [0, 0, 0, 0];
  for (const r of rows) {
    const g = Number(r.g);
    if (g === 4) byProvince[String(r.province)] ??= [0, 0, 0, 0];
    else if (g === 1 && r.province !== null) byProvince[String(r.province)] = fig(r);
    else if (g === 1) partial = fig(r);
    else if (g === 3 && r.attributed === true) national = fig(r);
  }
  return { national, byProvince, partial };
}
