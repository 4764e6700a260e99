/**
 * The rows coverage is computed from, read in a fixed number of SQL statements whatever
 * the number of units below the one asked about: 2 without lineage, 3 with it. Every
 * statement starts from the same recursive CTE (the unit and everything below it on the
 * date), so the statements do not depend on one another and run together, and no list of
 * IDs travels from one to the next. The database counts each commune's residential areas
 * and active models (a few rows per commune, whatever the number of models: no row per
 * model or event reaches the server); @antq/core rolls the counts up the hierarchy and
 * attributes them through the lineage.
 */
import { ACTIVATING_EVENTS, type CoverageTallies, type IsoDate, type LineageLink, type ModelTypeCoverage } from '@antq/core';
import { Prisma, type PrismaClient } from '@antq/db';
import { dateColumn, isoOf, type AdminUnitRow } from '../hierarchy/rows.js';

/** What to read: the unit on `unitsOn`, with figures of `figuresOn` (the same date unless `lineage`). */
export interface CoverageScope {
  /** The unit asked about; null: the whole country (every province of `unitsOn`). */
  readonly unitCode: string | null;
  readonly unitsOn: IsoDate;
  readonly figuresOn: IsoDate;
  /** Follow the lineage from the communes of `figuresOn` to those of `unitsOn`. */
  readonly lineage: boolean;
}

export interface CoverageRows {
  /** The unit asked about, when it held on `unitsOn` (null for the country). */
  readonly root: AdminUnitRow | null;
  /** Every unit read (the tree on `unitsOn`, the communes of `figuresOn`, their successors on `unitsOn`), by ID. */
  readonly units: ReadonlyMap<string, AdminUnitRow>;
  /** Each commune's counts on `figuresOn`, counted by the database. */
  readonly data: CoverageTallies;
  /** Lineage links forward from the communes of `figuresOn` (empty without lineage). */
  readonly links: readonly LineageLink<string>[];
}

const alias = (name: string) => Prisma.raw(`"${name}"`);

/** `a` held on `day`: both ends included, open when null. */
function validOn(a: string, day: Date): Prisma.Sql {
  const t = alias(a);
  return Prisma.sql`(${t}."validFrom" IS NULL OR ${t}."validFrom" <= ${day}) AND (${t}."validTo" IS NULL OR ${t}."validTo" >= ${day})`;
}

/**
 * The CTEs every statement starts with:
 * - `tree`: the unit with the code on `unitsOn` and every unit below it on that date;
 * - `figc`: the communes whose figures are counted: the communes of `tree` or, with
 *   lineage, every commune valid on `figuresOn` from which a chain of links (dated no later
 *   than `unitsOn`) leads to a commune of `tree` (`back`), the unchanged ones included;
 * - `fwd` (lineage): every unit those communes lead to, so that core sees a split whole.
 */
function scope(s: CoverageScope): Prisma.Sql {
  const units = dateColumn(s.unitsOn);
  const figures = dateColumn(s.figuresOn);
  const tree = Prisma.sql`
    tree AS (
      SELECT u.* FROM "AdminUnit" u
      WHERE ${s.unitCode === null ? Prisma.sql`u.level = 'PROVINCE'` : Prisma.sql`u.code = ${s.unitCode}`} AND ${validOn('u', units)}
      UNION ALL
      SELECT c.* FROM "AdminUnit" c JOIN tree p ON c."parentCode" = p.code
      WHERE p.level <> 'COMMUNE' AND ${validOn('c', units)}
    )`;
  if (!s.lineage) return Prisma.sql`WITH RECURSIVE ${tree}, figc AS (SELECT id, code FROM tree WHERE level = 'COMMUNE')`;
  return Prisma.sql`WITH RECURSIVE ${tree},
    back(id) AS (
      SELECT id FROM tree WHERE level = 'COMMUNE'
      UNION
      SELECT l."predecessorId" FROM "LineageLink" l JOIN back b ON l."successorId" = b.id WHERE l.date <= ${units}
    ),
    figc AS (SELECT u.id, u.code FROM "AdminUnit" u WHERE u.id IN (SELECT id FROM back) AND u.level = 'COMMUNE' AND ${validOn('u', figures)}),
    fwd(id) AS (
      SELECT id FROM figc
      UNION
      SELECT l."successorId" FROM "LineageLink" l JOIN fwd f ON l."predecessorId" = f.id WHERE l.date <= ${units}
    )`;
}

/**
 * Each commune's counts on `figuresOn`, in one statement: distinct residential areas placed
 * in the communes of `figc`, and the models hosted there (by an area, the commune itself
 * or an organization) that are active on the date, in total and by model type. A model is
 * active when its last event by then (by date, then order of recording) is one of core's
 * ACTIVATING_EVENTS, which is core's `isActiveOn` for every lifecycle the API can record
 * (events are checked against the transitions when written). The rows are the same
 * counts core's `countCommunes` gives from rows (test/coverage.test.ts compares them).
 */
function talliesSql(s: CoverageScope, cte: Prisma.Sql): Prisma.Sql {
  const day = dateColumn(s.figuresOn);
  return Prisma.sql`${cte},
    area AS (
      SELECT DISTINCT ON (p."residentialAreaId") p."residentialAreaId" AS id, p."communeId"
      FROM "ResidentialAreaPlacement" p JOIN "ResidentialArea" a ON a.id = p."residentialAreaId"
      WHERE p."communeId" IN (SELECT id FROM figc) AND ${validOn('p', day)} AND ${validOn('a', day)}
      ORDER BY p."residentialAreaId", p."validFrom"
    ),
    hosted AS (
      SELECT m.id, m."modelTypeId", a.id AS area, a."communeId" FROM "Model" m JOIN area a ON a.id = m."residentialAreaId"
      WHERE m."hostKind" = 'RESIDENTIAL_AREA'
      UNION ALL
      SELECT m.id, m."modelTypeId", NULL, m."communeId" FROM "Model" m
      WHERE m."hostKind" = 'COMMUNE' AND m."communeId" IN (SELECT id FROM figc)
      UNION ALL
      SELECT m.id, m."modelTypeId", NULL, op."communeId" FROM "Model" m
      JOIN "OrganizationPlacement" op ON op."organizationId" = m."organizationId" JOIN "Organization" o ON o.id = m."organizationId"
      WHERE m."hostKind" = 'ORGANIZATION' AND op."communeId" IN (SELECT id FROM figc) AND ${validOn('op', day)} AND ${validOn('o', day)}
    ),
    last AS (
      SELECT DISTINCT ON (e."modelId") e."modelId", e.kind::text AS kind FROM "LifecycleEvent" e
      WHERE e."modelId" IN (SELECT id FROM hosted) AND e.date <= ${day}
      ORDER BY e."modelId", e.date DESC, e.seq DESC
    ),
    active AS (SELECT h.* FROM hosted h JOIN last l ON l."modelId" = h.id WHERE l.kind IN (${Prisma.join([...ACTIVATING_EVENTS])}))
    SELECT "communeId", NULL::uuid AS "modelTypeId", count(*)::int AS areas, 0 AS covered, 0 AS models FROM area GROUP BY 1
    UNION ALL
    SELECT "communeId", NULL, 0, count(DISTINCT area)::int, count(DISTINCT id)::int FROM active GROUP BY 1
    UNION ALL
    SELECT "communeId", "modelTypeId", 0, count(DISTINCT area)::int, count(DISTINCT id)::int FROM active GROUP BY 1, 2`;
}

type UnitRow = AdminUnitRow & { role: 'tree' | 'figures' | 'successor' };
interface TallyRow { communeId: string; modelTypeId: string | null; areas: number; covered: number; models: number }
interface LinkRow { predecessorId: string; successorId: string; kind: 'FULL' | 'PARTIAL'; date: Date | string }

/** Reads everything coverage of `s` needs: 2 statements, 3 with lineage, issued together. */
export async function readCoverageRows(prisma: PrismaClient, s: CoverageScope): Promise<CoverageRows> {
  const cte = scope(s);
  const unitsDay = dateColumn(s.unitsOn);
  const unitsSql = s.lineage
    ? Prisma.sql`${cte}
        SELECT t.*, 'tree' AS role FROM tree t
        UNION ALL
        SELECT u.*, 'figures' FROM "AdminUnit" u WHERE u.id IN (SELECT id FROM figc) AND u.id NOT IN (SELECT id FROM tree)
        UNION ALL
        SELECT u.*, 'successor' FROM "AdminUnit" u
        WHERE u.id IN (SELECT id FROM fwd) AND u.id NOT IN (SELECT id FROM tree) AND u.id NOT IN (SELECT id FROM figc)
          AND u.level = 'COMMUNE' AND ${validOn('u', unitsDay)}`
    : Prisma.sql`${cte} SELECT t.*, 'tree' AS role FROM tree t`;

  const [unitRows, tallyRows, links] = await Promise.all([
    prisma.$queryRaw<UnitRow[]>(unitsSql),
    prisma.$queryRaw<TallyRow[]>(talliesSql(s, cte)),
    s.lineage
      ? prisma.$queryRaw<LinkRow[]>`${cte}
          SELECT l."predecessorId", l."successorId", l.kind::text AS kind, l.date FROM "LineageLink" l
          WHERE l."predecessorId" IN (SELECT id FROM fwd) AND l.date <= ${unitsDay}`
      : Promise.resolve([] as LinkRow[]),
  ]);

  const units = new Map<string, AdminUnitRow>();
  let root: AdminUnitRow | null = null;
  for (const { role, ...row } of unitRows) {
    units.set(row.id, row);
    if (role === 'tree' && row.code === s.unitCode && root === null) root = row;
  }
  const communes = new Map<string, { communeId: string; residentialAreas: number; residentialAreasWithActiveModel: number; activeModels: number; modelTypes: number; byModelType: ModelTypeCoverage[] }>();
  for (const r of tallyRows) {
    let c = communes.get(r.communeId);
    if (!c) communes.set(r.communeId, (c = { communeId: r.communeId, residentialAreas: 0, residentialAreasWithActiveModel: 0, activeModels: 0, modelTypes: 0, byModelType: [] }));
    if (r.modelTypeId !== null) {
      c.byModelType.push({ modelTypeId: r.modelTypeId, activeModels: r.models, residentialAreas: r.covered });
      c.modelTypes += 1;
    } else {
      c.residentialAreas += r.areas;
      c.residentialAreasWithActiveModel += r.covered;
      c.activeModels += r.models;
    }
  }
  const interval = (from: Date | null, to: Date | null) => ({ from: isoOf(from), to: isoOf(to) });
  return {
    root,
    units,
    data: {
      units: [...units.values()].map((u) => ({ id: u.id, code: u.code, level: u.level, parentCode: u.parentCode, validity: interval(u.validFrom, u.validTo) })),
      communes: [...communes.values()],
    },
    links: links.map((l) => ({ predecessor: l.predecessorId, successor: l.successorId, kind: l.kind, date: isoOf(l.date)! })),
  };
}
