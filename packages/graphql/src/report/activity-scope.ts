/**
 * The SQL of a FigureScope for records filed with `placeCodes` (inspections, follow-ups,
 * outreach, re-integration cases): under the unit, and under one of `onlyUnder` when the
 * report is narrowed to key areas. Shared by the activity sections.
 */
import { Prisma } from '@antq/db';
import type { Bilingual, FigureScope } from './section.js';

/** `"placeCodes" @> ARRAY[unit]` and, with key areas, `"placeCodes" && onlyUnder`, for the table aliased `alias`. */
export function placedUnder(scope: FigureScope, alias: string): Prisma.Sql {
  const column = Prisma.raw(`${alias}."placeCodes"`);
  return Prisma.sql`${column} @> ARRAY[${scope.unitCode}]::text[] ${scope.onlyUnder ? Prisma.sql`AND ${column} && ${[...scope.onlyUnder]}::text[]` : Prisma.empty}`;
}

/** Numbers as each language groups them: 2.180 in Vietnamese, 2,180 in English. */
export const vi = (n: number) => n.toLocaleString('vi-VN');
export const en = (n: number) => n.toLocaleString('en-GB');

/** `dd/mm/yyyy`. */
export const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** "Từ 01/01/2024 đến 31/12/2024" / "From 01/01/2024 to 31/12/2024". */
export const periodText = (scope: Pick<FigureScope, 'from' | 'to'>): Bilingual => ({ vi: `Từ ${dmy(scope.from)} đến ${dmy(scope.to)}`, en: `From ${dmy(scope.from)} to ${dmy(scope.to)}` });

/** A breakdown from labelled keys, in the order of `keys`, leaving out zeros. */
export function breakdownOf<K extends string>(keys: readonly K[], labels: Readonly<Record<K, Bilingual>>, value: (k: K) => number, prefix: string) {
  return keys.filter((k) => value(k) > 0).map((k) => ({ key: `${prefix}.${k}`, label: labels[k], value: value(k) }));
}
