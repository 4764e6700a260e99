/**
 * Batched reads of the hierarchy. Every field below a list goes through one of these
 * loaders, so a page of units costs one statement per level of selection, never one per
 * unit: the tests count the statements.
 */
import { intervalContains, type IsoDate, type LineageKind } from '@antq/core';
import { Prisma, type PrismaClient } from '@antq/db';
import DataLoader from 'dataloader';
import type { ConnectionPage, Page } from '../pagination.js';
import { dateColumn, validityOf, validOn, type AdminUnitRow } from './rows.js';

/** A unit found on a date: the date travels with it, because its parent and children depend on it. */
export interface UnitOnDate {
  readonly row: AdminUnitRow;
  readonly asOf: IsoDate;
}

export interface LinkedUnit {
  readonly row: AdminUnitRow;
  readonly kind: LineageKind;
  readonly date: Date;
}

export interface HierarchyLoaders {
  byId: DataLoader<string, AdminUnitRow | null>;
  byCodeOn: DataLoader<{ code: string; date: IsoDate }, AdminUnitRow | null, string>;
  childrenOn: DataLoader<{ parentCode: string; date: IsoDate; page: Page }, ConnectionPage<AdminUnitRow>, string>;
  successors: DataLoader<string, LinkedUnit[]>;
  predecessors: DataLoader<string, LinkedUnit[]>;
}

/** The loaders of one request, reading with `client()`: the request's client at the time of the batch (context.ts). */
export function createHierarchyLoaders(client: () => PrismaClient): HierarchyLoaders {
  return {
    byId: new DataLoader(async (ids) => {
      const rows = await client().adminUnit.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    byCodeOn: new DataLoader(
      async (keys) => {
        const found = new Map<string, AdminUnitRow>();
        const dates = [...new Set(keys.map((k) => k.date))].sort();
        if (dates.length === 1) {
          const rows = await client().adminUnit.findMany({ where: { code: { in: keys.map((k) => k.code) }, ...validOn(dates[0]!) } });
          for (const r of rows) found.set(`${r.code}@${dates[0]}`, r);
        } else {
          // Many dates (a spreadsheet's rows): one statement for every version of the codes
          // that overlaps the span, each key matched to the version valid on its date.
          const span = {
            AND: [
              { OR: [{ validFrom: null }, { validFrom: { lte: dateColumn(dates.at(-1)!) } }] },
              { OR: [{ validTo: null }, { validTo: { gte: dateColumn(dates[0]!) } }] },
            ],
          };
          const rows = await client().adminUnit.findMany({ where: { code: { in: [...new Set(keys.map((k) => k.code))] }, ...span } });
          const versions = groupBy(rows, (r) => r.code);
          for (const k of keys) {
            const row = versions.get(k.code)?.find((r) => intervalContains(validityOf(r), k.date));
            if (row) found.set(`${k.code}@${k.date}`, row);
          }
        }
        return keys.map((k) => found.get(`${k.code}@${k.date}`) ?? null);
      },
      { cacheKeyFn: (k) => `${k.code}@${k.date}` },
    ),

    childrenOn: new DataLoader(
      async (keys) => {
        const pages = new Map<string, ConnectionPage<AdminUnitRow>>();
        for (const [, group] of groupBy(keys, (k) => `${k.date}|${k.page.first}|${k.page.after ?? ''}`)) {
          const { date, page } = group[0]!;
          for (const [parentCode, result] of await childrenPages(
            client(),
            group.map((k) => k.parentCode),
            date,
            page,
          )) {
            pages.set(`${parentCode}|${date}|${page.first}|${page.after ?? ''}`, result);
          }
        }
        return keys.map(
          (k) =>
            pages.get(`${k.parentCode}|${k.date}|${k.page.first}|${k.page.after ?? ''}`) ?? {
              nodes: [],
              hasNextPage: false,
              hasPreviousPage: k.page.after !== null,
              totalCount: 0,
            },
        );
      },
      { cacheKeyFn: (k) => `${k.parentCode}|${k.date}|${k.page.first}|${k.page.after ?? ''}` },
    ),

    successors: linkedUnits(client, 'predecessor', 'successor'),
    predecessors: linkedUnits(client, 'successor', 'predecessor'),
  };
}

/** For each unit, the units at the other end of its lineage links (`from` is the unit's side), by code. */
function linkedUnits(client: () => PrismaClient, from: 'predecessor' | 'successor', to: 'predecessor' | 'successor') {
  return new DataLoader<string, LinkedUnit[]>(async (ids) => {
    const links = await client().lineageLink.findMany({
      where: { [`${from}Id`]: { in: [...ids] } },
      include: { [to]: true },
      orderBy: { [to]: { code: 'asc' } },
    });
    const byId = groupBy(links, (l) => l[`${from}Id`]);
    return ids.map((id) =>
      (byId.get(id) ?? []).map((l) => ({ row: (l as unknown as Record<typeof to, AdminUnitRow>)[to], kind: l.kind, date: l.date })),
    );
  });
}

type ChildRow = AdminUnitRow & { totalCount: bigint | number };

/**
 * A page of children for each parent, in one statement: window functions number each
 * parent's children by code and count them all, whatever the number of parents.
 */
async function childrenPages(
  prisma: PrismaClient,
  parentCodes: string[],
  date: IsoDate,
  page: Page,
): Promise<Map<string, ConnectionPage<AdminUnitRow>>> {
  const day = dateColumn(date);
  const rows = await prisma.$queryRaw<ChildRow[]>`
    SELECT * FROM (
      SELECT c.*, row_number() OVER (PARTITION BY c."parentCode" ORDER BY c.code) AS "rowNumber"
      FROM (
        SELECT u.*, count(*) OVER (PARTITION BY u."parentCode") AS "totalCount"
        FROM "AdminUnit" u
        WHERE u."parentCode" IN (${Prisma.join(parentCodes)})
          AND (u."validFrom" IS NULL OR u."validFrom" <= ${day})
          AND (u."validTo" IS NULL OR u."validTo" >= ${day})
      ) c
      WHERE ${page.after === null ? Prisma.sql`TRUE` : Prisma.sql`c.code > ${page.after}`}
    ) p
    WHERE p."rowNumber" <= ${page.first + 1}
    ORDER BY p."parentCode", p.code`;
  const result = new Map<string, ConnectionPage<AdminUnitRow>>();
  for (const [parentCode, group] of groupBy(rows, (r) => r.parentCode ?? '')) {
    const nodes = group
      .slice(0, page.first)
      .map(({ totalCount: _t, rowNumber: _n, ...row }: ChildRow & { rowNumber?: unknown }) => row as AdminUnitRow);
    result.set(parentCode, {
      nodes,
      hasNextPage: group.length > page.first,
      hasPreviousPage: page.after !== null,
      totalCount: Number(group[0]!.totalCount),
    });
  }
  // A parent whose remaining page is empty still has a total: count it with the others.
  const missing = parentCodes.filter((c) => !result.has(c));
  if (missing.length && page.after !== null) {
    const counts = await prisma.adminUnit.groupBy({
      by: ['parentCode'],
      where: { parentCode: { in: missing }, ...validOn(date) },
      _count: true,
    });
    for (const c of counts) result.set(c.parentCode!, { nodes: [], hasNextPage: false, hasPreviousPage: true, totalCount: c._count });
  }
  return result;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
