/** What the activity sections (inspections, outreach, re-integration) write their sentences with. Their SQL filters are scope-sql.ts's. */
import type { IsoDate } from '@antq/core';
import { vietnameseDate } from '../movement/report.js';
import type { Bilingual, FigureScope } from './section.js';

/** Numbers as each language groups them: 2.180 in Vietnamese, 2,180 in English. */
export const vi = (n: number) => n.toLocaleString('vi-VN');
export const en = (n: number) => n.toLocaleString('en-GB');

/** `dd/mm/yyyy`. */
export const dmy = (date: string) => vietnameseDate(date as IsoDate);

/** "Từ 01/01/2024 đến 31/12/2024" / "From 01/01/2024 to 31/12/2024". */
export const periodText = (scope: Pick<FigureScope, 'from' | 'to'>): Bilingual => ({
  vi: `Từ ${dmy(scope.from)} đến ${dmy(scope.to)}`,
  en: `From ${dmy(scope.from)} to ${dmy(scope.to)}`,
});

/** A breakdown from labelled keys, in the order of `keys`, leaving out zeros. */
export function breakdownOf<K extends string>(
  keys: readonly K[],
  labels: Readonly<Record<K, Bilingual>>,
  value: (k: K) => number,
  prefix: string,
) {
  return keys.filter((k) => value(k) > 0).map((k) => ({ key: `${prefix}.${k}`, label: labels[k], value: value(k) }));
}
