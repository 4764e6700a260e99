/**
 * The rows coverage is computed from, read in a fixed number of SQL statements whatever
 * the number of units below the one asked about: 2 without lineage, 3 with it. Every
 * statement starts from the same recursive CTE (the unit and everything below it on the
 * date), so the statements do not depend on one another and run together, and no list of
 * IDs travels from one to the next. The database keeps each commune's counts of residential
 * areas and active models as steps through time (CoverageStep), so a read is one row per
 * commune whatever the number of models or events; @antq/core rolls the counts up the
 * hierarchy and attributes them through the lineage.
 */
import { type CoverageTallies, type IsoDate, type LineageLink, type ModelTypeCoverage } from '@antq/core';
import { Prisma, type PrismaClient } from '@antq/db';
import { isoOf, type AdminUnitRow } from '../hierarchy/rows.js';

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

/**
 * `a` held on `day`: both ends included, open when null. The day is sent as text and read
 * as a date: a JavaScript Date would arrive as a timestamp, which costs a cast of the
 * column on every row and keeps the date indexes out of the plan.
 */
function validOn(a: string, day: IsoDate): Prisma.Sql {
  const t = alias(a);
  return Prisma.sql`(${t}."validFrom" IS NULL OR ${t}."validFrom" <= ${day}::date) AND (${t}."validTo" IS NULL OR ${t}."validTo" >= ${day}::date)`;
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
  const units = s.unitsOn;
  const figures = s.figuresOn;
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
      SELECT l."predecessorId" FROM "LineageLink" l JOIN back b ON l."successorId" = b.id WHERE l.date <= ${units}::date
    ),
    figc AS (SELECT u.id, u.code FROM "AdminUnit" u WHERE u.id IN (SELECT id FROM back) AND u.level = 'COMMUNE' AND ${validOn('u', figures)}),
    fwd(id) AS (
      SELECT id FROM figc
      UNION
      SELECT l."successorId" FROM "LineageLink" l JOIN fwd f ON l."predecessorId" = f.id WHERE l.date <= ${units}::date
    )`;
}

/**
 * Each commune's counts on `figuresOn`, in one statement: the coverage step (CoverageStep,
 * kept by triggers on every write it derives from; migration `coverage_steps`) that holds on
 * the date, one row per commune of `figc`, its model types as text (`id models areas;…`,
 * ordered by id as core orders them). `antq_coverage_steps` defines the figures as core's `countCommunes` does:
 * areas placed in the commune, and the models hosted there (by an area, the commune itself
 * or an organization) whose last event by then is one of ACTIVATING_EVENTS
 * (test/coverage.test.ts compares them with core, and after every kind of write).
 */
function talliesSql(s: CoverageScope, cte: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${cte}
    SELECT s."communeId", s.areas, s.covered, s.models, s."modelTypes"
    FROM "CoverageStep" s
    WHERE s."communeId" IN (SELECT id FROM figc) AND ${validOn('s', s.figuresOn)}`;
}

type UnitRow = AdminUnitRow & { role: 'tree' | 'figures' | 'successor' };
interface TallyRow {
  communeId: string;
  areas: number;
  covered: number;
  models: number;
  modelTypes: string;
}
interface LinkRow {
  predecessorId: string;
  successorId: string;
  kind: 'FULL' | 'PARTIAL';
  date: Date | string;
}

/** Reads everything coverage of `s` needs: 2 statements, 3 with lineage, issued together. */
export async function readCoverageRows(prisma: PrismaClient, s: CoverageScope): Promise<CoverageRows> {
  const cte = scope(s);
  const unitsDay = s.unitsOn;
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
          WHERE l."predecessorId" IN (SELECT id FROM fwd) AND l.date <= ${unitsDay}::date`
      : Promise.resolve([] as LinkRow[]),
  ]);

  const units = new Map<string, AdminUnitRow>();
  let root: AdminUnitRow | null = null;
  for (const { role, ...row } of unitRows) {
    units.set(row.id, row);
    if (role === 'tree' && row.code === s.unitCode && root === null) root = row;
  }
  const communes = tallyRows.map((r) => {
    const byModelType: ModelTypeCoverage[] = (r.modelTypes === '' ? [] : r.modelTypes.split(';')).map((entry) => {
      const [modelTypeId, models, areas] = entry.split(' ');
      return { modelTypeId: modelTypeId!, activeModels: Number(models), residentialAreas: Number(areas) };
    });
    return {
      communeId: r.communeId,
      residentialAreas: r.areas,
      residentialAreasWithActiveModel: r.covered,
      activeModels: r.models,
      modelTypes: byModelType.length,
      byModelType,
    };
  });
  const interval = (from: Date | null, to: Date | null) => ({ from: isoOf(from), to: isoOf(to) });
  return {
    root,
    units,
    data: {
      units: [...units.values()].map((u) => ({
        id: u.id,
        code: u.code,
        level: u.level,
        parentCode: u.parentCode,
        validity: interval(u.validFrom, u.validTo),
      })),
      communes,
    },
    links: links.map((l) => ({ predecessor: l.predecessorId, successor: l.successorId, kind: l.kind, date: isoOf(l.date) })),
  };
}
