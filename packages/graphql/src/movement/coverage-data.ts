/**
 * The rows coverage is computed from, read in a fixed number of SQL statements whatever
 * the number of units below the one asked about: 4 without lineage, 5 with it. Every
 * statement starts from the same recursive CTE (the unit and everything below it on the
 * date), so the statements do not depend on one another and run together, and no list of
 * IDs travels from one to the next. The rules (a model's state on a date, what counts,
 * how lineage attributes) are @antq/core's: SQL only selects rows.
 */
import type { CoverageData, CoverageModel, IsoDate, LineageLink } from '@antq/core';
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
  readonly data: CoverageData;
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

/** Models hosted, on `figuresOn`, by the residential areas, communes and organizations of `figc`: one row per model. */
function hosted(s: CoverageScope): Prisma.Sql {
  const day = dateColumn(s.figuresOn);
  return Prisma.sql`
    hosted AS (
      SELECT m.id, m."modelTypeId", m."hostKind"::text AS "hostKind", m."residentialAreaId",
             NULL::text AS "communeCode", NULL::date AS "validFrom", NULL::date AS "validTo"
      FROM "Model" m
      JOIN "ResidentialAreaPlacement" p ON p."residentialAreaId" = m."residentialAreaId"
      JOIN "ResidentialArea" a ON a.id = m."residentialAreaId"
      WHERE m."hostKind" = 'RESIDENTIAL_AREA' AND p."communeId" IN (SELECT id FROM figc) AND ${validOn('p', day)} AND ${validOn('a', day)}
      UNION ALL
      SELECT m.id, m."modelTypeId", m."hostKind"::text, NULL, c.code, c."validFrom", c."validTo"
      FROM "Model" m JOIN "AdminUnit" c ON c.id = m."communeId"
      WHERE m."hostKind" = 'COMMUNE' AND m."communeId" IN (SELECT id FROM figc)
      UNION ALL
      SELECT m.id, m."modelTypeId", m."hostKind"::text, NULL, op."communeCode", op."validFrom", op."validTo"
      FROM "Model" m
      JOIN "OrganizationPlacement" op ON op."organizationId" = m."organizationId"
      JOIN "Organization" o ON o.id = m."organizationId"
      WHERE m."hostKind" = 'ORGANIZATION' AND op."communeId" IN (SELECT id FROM figc) AND ${validOn('op', day)} AND ${validOn('o', day)}
    )`;
}

type UnitRow = AdminUnitRow & { role: 'tree' | 'figures' | 'successor' };
interface PlacementRow { id: string; communeCode: string; validFrom: Date | null; validTo: Date | null }
interface HostedRow {
  id: string;
  modelTypeId: string;
  hostKind: 'RESIDENTIAL_AREA' | 'COMMUNE' | 'ORGANIZATION';
  residentialAreaId: string | null;
  communeCode: string | null;
  validFrom: Date | null;
  validTo: Date | null;
}
interface EventRow { modelId: string; kind: CoverageData['events'][number]['kind']; date: Date | string }
interface LinkRow { predecessorId: string; successorId: string; kind: 'FULL' | 'PARTIAL'; date: Date | string }

/** Reads everything coverage of `s` needs: 4 statements, 5 with lineage, issued together. */
export async function readCoverageRows(prisma: PrismaClient, s: CoverageScope): Promise<CoverageRows> {
  const cte = scope(s);
  const unitsDay = dateColumn(s.unitsOn);
  const figuresDay = dateColumn(s.figuresOn);
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

  const [unitRows, placements, models, events, links] = await Promise.all([
    prisma.$queryRaw<UnitRow[]>(unitsSql),
    prisma.$queryRaw<PlacementRow[]>`${cte}
      SELECT p."residentialAreaId" AS id, p."communeCode", p."validFrom", p."validTo"
      FROM "ResidentialAreaPlacement" p JOIN "ResidentialArea" a ON a.id = p."residentialAreaId"
      WHERE p."communeId" IN (SELECT id FROM figc) AND ${validOn('p', figuresDay)} AND ${validOn('a', figuresDay)}`,
    prisma.$queryRaw<HostedRow[]>`${cte}, ${hosted(s)} SELECT * FROM hosted`,
    prisma.$queryRaw<EventRow[]>`${cte}, ${hosted(s)}
      SELECT e."modelId", e.kind::text AS kind, e.date FROM "LifecycleEvent" e
      WHERE e."modelId" IN (SELECT id FROM hosted) AND e.date <= ${figuresDay}
      ORDER BY e."modelId", e.date, e.seq`,
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
  const interval = (from: Date | null, to: Date | null) => ({ from: isoOf(from), to: isoOf(to) });
  return {
    root,
    units,
    data: {
      units: [...units.values()].map((u) => ({ id: u.id, code: u.code, level: u.level, parentCode: u.parentCode, validity: interval(u.validFrom, u.validTo) })),
      residentialAreas: placements.map((p) => ({ id: p.id, communeCode: p.communeCode, validity: interval(p.validFrom, p.validTo) })),
      models: models.map(
        (m): CoverageModel => ({
          id: m.id,
          modelTypeId: m.modelTypeId,
          host:
            m.hostKind === 'RESIDENTIAL_AREA'
              ? { kind: 'RESIDENTIAL_AREA', residentialAreaId: m.residentialAreaId! }
              : { kind: m.hostKind, communeCode: m.communeCode!, validity: interval(m.validFrom, m.validTo) },
        }),
      ),
      events: events.map((e) => ({ modelId: e.modelId, kind: e.kind, date: isoOf(e.date)! })),
    },
    links: links.map((l) => ({ predecessor: l.predecessorId, successor: l.successorId, kind: l.kind, date: isoOf(l.date)! })),
  };
}
