/**
 * Outreach figures: totals of activities and people reached by form, audience, partner or
 * unit. An activity for two audiences counts once under each, so the breakdown by
 * audience (or partner) does not add up to the total: the total is of activities.
 * (The movement's festival day is 19 August, Decision 521/QĐ-TTg of 2005.)
 */
import { isoDate, yearOf, type IsoDate } from '../dates.js';

/** The day of the all-people festival for national security (Ngày hội toàn dân bảo vệ ANTQ) in `year`. */
export function festivalDayOf(year: number): IsoDate {
  return isoDate(year, 8, 19);
}

/** Whether `date` is the festival day of its year. */
export function isFestivalDay(date: IsoDate): boolean {
  return date === festivalDayOf(yearOf(date));
}

/** One row of outreach totals. */
export interface OutreachTotal<K extends string = string> {
  readonly key: K;
  readonly activities: number;
  readonly participants: number;
}

/**
 * Totals of `activities` by what `keysOf` gives for each (one or more keys: an activity
 * counts under each once), largest reach first, then by key. The SQL of the API computes
 * the same; this is its reference for tests and for data already in memory.
 */
export function outreachTotals<A extends { readonly participants: number }, K extends string>(
  activities: readonly A[],
  keysOf: (a: A) => readonly K[],
): OutreachTotal<K>[] {
  const totals = new Map<K, { activities: number; participants: number }>();
  for (const a of activities) {
    for (const key of new Set(keysOf(a))) {
      const t = totals.get(key) ?? { activities: 0, participants: 0 };
      t.activities += 1;
      t.participants += a.participants;
      totals.set(key, t);
    }
  }
  return [...totals]
    .map(([key, t]) => ({ key, ...t }))
    .sort((a, b) => b.participants - a.participants || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
