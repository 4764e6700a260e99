/**
 * Unit search ranked by how well a unit matches, as a person typing expects: the unit whose
 * code is the text first, then those whose name begins with the words ("binh phuoc": Tỉnh
 * Bình Phước, Xã Bình Phước, Xã Bình Phước Xuân), then those whose name holds every word
 * anywhere (Phường Hiệp Bình Phước); on a tie, the larger unit first (province, district,
 * commune), then by code. Case, diacritics and tone-mark placement are ignored (`searchKey`,
 * which also made each unit's `searchText`: "tinh binh phuoc | binh phuoc"). One statement
 * for the page and one for the total, whatever the number of matches.
 */
import { searchKey, type IsoDate } from '@antq/core';
import { Prisma, type PrismaClient } from '@antq/db';
import { invalidArgument } from '../errors.js';
import type { ConnectionPage, Page } from '../pagination.js';
import { dateColumn, type AdminUnitRow } from './rows.js';

export interface UnitSearch {
  readonly text: string;
  readonly date: IsoDate;
  readonly level?: string | null;
  readonly parentCode?: string | null;
}

/** The key a ranked page is cut at: match rank, level (0 province … 2 commune), code. */
export type RankedRow = AdminUnitRow & { readonly rank: number; readonly depth: number };

export const rankedKey = (row: RankedRow): string => `${row.rank}:${row.depth}:${row.code}`;

function cutAfter(after: string): { rank: number; depth: number; code: string } {
  const m = /^([0-2]):([0-2]):(\d{2,5})$/.exec(after);
  if (!m) {
    throw invalidArgument('INVALID_CURSOR', 'after', after, {
      vi: `Đối số after không phải con trỏ của kết quả tìm kiếm này: ${JSON.stringify(after)}; hãy truyền endCursor của trang trước (cùng search).`,
      en: `Argument after is not a cursor of this search: ${JSON.stringify(after)}; pass the endCursor of the previous page (with the same search).`,
    });
  }
  return { rank: Number(m[1]), depth: Number(m[2]), code: m[3]! };
}

export async function searchUnits(prisma: PrismaClient, s: UnitSearch, page: Page): Promise<ConnectionPage<RankedRow>> {
  const code = s.text.trim();
  const words = searchKey(s.text);
  const day = dateColumn(s.date);
  const wordsMatch = words
    ? Prisma.join(
        words.split(' ').map((w) => Prisma.sql`u."searchText" LIKE ${`%${w}%`}`),
        ' AND ',
      )
    : Prisma.sql`FALSE`;
  const where = Prisma.sql`(u."validFrom" IS NULL OR u."validFrom" <= ${day})
      AND (u."validTo" IS NULL OR u."validTo" >= ${day})
      ${s.level ? Prisma.sql`AND u.level::text = ${s.level}` : Prisma.empty}
      ${s.parentCode ? Prisma.sql`AND u."parentCode" = ${s.parentCode.trim()}` : Prisma.empty}
      AND (u.code = ${code} OR (${wordsMatch}))`;
  const cut = page.after === null ? null : cutAfter(page.after);
  const [rows, [count]] = await Promise.all([
    prisma.$queryRaw<RankedRow[]>`
      SELECT * FROM (
        SELECT u.*,
          CASE WHEN u.code = ${code} THEN 0
               WHEN ${words} <> '' AND (u."searchText" LIKE ${`${words}%`} OR u."searchText" LIKE ${`% | ${words}%`}) THEN 1
               ELSE 2 END AS rank,
          array_position(ARRAY['PROVINCE', 'DISTRICT', 'COMMUNE'], u.level::text) - 1 AS depth
        FROM "AdminUnit" u
        WHERE ${where}
      ) m
      WHERE ${cut ? Prisma.sql`(m.rank, m.depth, m.code) > (${cut.rank}, ${cut.depth}, ${cut.code})` : Prisma.sql`TRUE`}
      ORDER BY m.rank, m.depth, m.code
      LIMIT ${page.first + 1}`,
    prisma.$queryRaw<Array<{ n: bigint | number }>>`SELECT count(*) AS n FROM "AdminUnit" u WHERE ${where}`,
  ]);
  return {
    nodes: rows.slice(0, page.first),
    hasNextPage: rows.length > page.first,
    hasPreviousPage: page.after !== null,
    totalCount: Number(count?.n ?? 0),
  };
}
