/**
 * The SQL every section loader narrows its records with: filed under one of the report's
 * unit versions (its territory on `to`, through the lineage: `FigureScope.versions`), and
 * (with key areas only) under one of the key areas, on the `placeCodes` arrays the records
 * carry (GIN-indexed). One place for the rule, so that every figure filters the same way.
 */
import type { IsoDate } from '@antq/core';
import { Prisma, type PrismaClient } from '@antq/db';
import { dateColumn } from '../hierarchy/rows.js';
import type { FigureScope } from './section.js';

/** The unit version `alias.column` (`unitId` or `communeId`) lies in the report's unit and, when asked, its `placeCodes` overlap the key areas. */
export function filedIn(alias: string, column: 'unitId' | 'communeId', scope: FigureScope): Prisma.Sql {
  const unit = Prisma.sql`${Prisma.raw(`"${alias}"."${column}"`)} = ANY(${[...scope.versions]}::uuid[])`;
  const codes = Prisma.raw(`"${alias}"."placeCodes"`);
  return scope.onlyUnder ? Prisma.sql`(${unit} AND ${codes} && ${[...scope.onlyUnder]}::text[])` : unit;
}

/** `alias.column` falls within the report's period, both ends included. */
export function inPeriod(alias: string, column: string, scope: FigureScope): Prisma.Sql {
  const col = Prisma.raw(`"${alias}"."${column}"`);
  return Prisma.sql`(${col} >= ${dateColumn(scope.from)} AND ${col} <= ${dateColumn(scope.to)})`;
}

/** An interval `[alias.fromColumn, alias.toColumn]` (open when null) overlaps the period. */
export function overlapsPeriod(alias: string, fromColumn: string, toColumn: string, scope: Pick<FigureScope, 'from' | 'to'>): Prisma.Sql {
  const from = Prisma.raw(`"${alias}"."${fromColumn}"`);
  const to = Prisma.raw(`"${alias}"."${toColumn}"`);
  return Prisma.sql`((${from} IS NULL OR ${from} <= ${dateColumn(scope.to)}) AND (${to} IS NULL OR ${to} >= ${dateColumn(scope.from)}))`;
}

/** An interval holds on `day`. */
export function holdsOn(alias: string, day: IsoDate): Prisma.Sql {
  const t = Prisma.raw(`"${alias}"`);
  const d = dateColumn(day);
  return Prisma.sql`((${t}."validFrom" IS NULL OR ${t}."validFrom" <= ${d}) AND (${t}."validTo" IS NULL OR ${t}."validTo" >= ${d}))`;
}

/**
 * A model (`alias`) whose host is placed under the report's unit (and key areas) on
 * `scope.to`: its residential area's or organization's placement of that day.
 */
export function modelPlaced(alias: string, scope: FigureScope): Prisma.Sql {
  const m = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(
    EXISTS (SELECT 1 FROM "ResidentialAreaPlacement" p WHERE p."residentialAreaId" = ${m}."residentialAreaId" AND ${holdsOn('p', scope.to)} AND ${filedIn('p', 'communeId', scope)})
    OR EXISTS (SELECT 1 FROM "OrganizationPlacement" p WHERE p."organizationId" = ${m}."organizationId" AND ${holdsOn('p', scope.to)} AND ${filedIn('p', 'communeId', scope)})
  )`;
}

/**
 * `WITH RECURSIVE up`: the report's unit on `to` and every unit above it. Key areas are
 * those flagged in the period that lie within the unit (filed under it) or that contain it
 * (one of `up`: then the whole unit counts): see {@link keyAreaOfScope}.
 */
export function withUnitAndAncestors(scope: Pick<FigureScope, 'unitCode' | 'to'>): Prisma.Sql {
  const to = dateColumn(scope.to);
  return Prisma.sql`WITH RECURSIVE up AS (
      SELECT u.code, u."parentCode" FROM "AdminUnit" u
      WHERE u.code = ${scope.unitCode} AND (u."validFrom" IS NULL OR u."validFrom" <= ${to}) AND (u."validTo" IS NULL OR u."validTo" >= ${to})
      UNION
      SELECT p.code, p."parentCode" FROM "AdminUnit" p JOIN up ON p.code = up."parentCode"
      WHERE (p."validFrom" IS NULL OR p."validFrom" <= ${to}) AND (p."validTo" IS NULL OR p."validTo" >= ${to})
    )`;
}

/** The key area `alias` is one of the report's (needs {@link withUnitAndAncestors}). */
export function keyAreaOfScope(alias: string, scope: Omit<FigureScope, 'onlyUnder'>): Prisma.Sql {
  const k = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${overlapsPeriod(alias, 'validFrom', 'validTo', scope)}
    AND (${k}."unitId" = ANY(${[...scope.versions]}::uuid[]) OR ${k}."unitCode" IN (SELECT code FROM up)))`;
}

/** The codes of the report's key areas (the `onlyUnder` of a key-areas-only report). One statement. */
export async function keyAreaCodes(prisma: Pick<PrismaClient, '$queryRaw'>, scope: Omit<FigureScope, 'onlyUnder'>): Promise<string[]> {
  const rows = await prisma.$queryRaw<Array<{ unitCode: string }>>`${withUnitAndAncestors(scope)}
    SELECT DISTINCT k."unitCode" FROM "KeyArea" k WHERE ${keyAreaOfScope('k', scope)} ORDER BY 1`;
  return rows.map((r) => r.unitCode);
}
