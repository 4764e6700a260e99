/**
 * Calendar dates of the movement. Every date in this domain is a day in Vietnam
 * (UTC+7, no daylight saving), never an instant: a model is founded "on 2024-07-01",
 * not at a moment. Dates travel as ISO `yyyy-mm-dd` strings, which sort and compare
 * as plain strings. This module is the one place that does date arithmetic.
 */

/** A calendar date as `yyyy-mm-dd`. */
export type IsoDate = string;

/** Vietnam's offset from UTC in minutes (Asia/Ho_Chi_Minh has had no DST since 1975). */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written `yyyy-mm-dd` (2025-02-30 is not). */
export function isIsoDate(value: string): value is IsoDate {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Days in month `month` (1–12) of `year`, Gregorian. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date in Vietnam at the instant `now`. Core has no clock: callers pass the instant. */
export function vietnamDateOf(now: Date): IsoDate {
  const shifted = new Date(now.getTime() + VIETNAM_UTC_OFFSET_MINUTES * 60_000);
  return shifted.toISOString().slice(0, 10);
}

/** `date` plus `days` (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * A closed interval of days. `from: null` means "since before our records",
 * `to: null` means "still in force". `to` is the last day on which it holds.
 */
export interface DateInterval {
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
}

/** Whether `date` lies within `interval` (both ends included). */
export function intervalContains(interval: DateInterval, date: IsoDate): boolean {
  return (interval.from === null || interval.from <= date) && (interval.to === null || date <= interval.to);
}

/** `date` moved into `interval`: itself when inside, else the nearest end. */
export function clampToInterval(date: IsoDate, interval: DateInterval): IsoDate {
  if (interval.from !== null && date < interval.from) return interval.from;
  if (interval.to !== null && date > interval.to) return interval.to;
  return date;
}

// ---------------------------------------------------------------------------------------
// Calendar construction and month/year arithmetic
// ---------------------------------------------------------------------------------------

/** The date with `year`, `month` (1–12) and `day`; throws a `RangeError` when there is no such day. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(s)) throw new RangeError(`No such calendar date: ${s}`);
  return s;
}

/** The year of `date` (`2024-11-15` → 2024). */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/**
 * `date` plus `months` calendar months. When the target month is shorter, the result is
 * its last day, as the Civil Code (2015, Art. 148) ends a period counted in months:
 * 2024-01-31 + 1 month = 2024-02-29.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return isoDate(year, month, Math.min(d, daysInMonth(year, month)));
}

/** `date` plus `years` years; 29 February falls back to 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/**
 * Whole calendar months from `from` to `to`: the largest `n` with
 * `addMonths(from, n) <= to` (negative when `to` is earlier). Like {@link daysBetween},
 * `to` is a boundary, not a day counted: from 2025-02-15 to 2025-11-15 is 9 months.
 */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  if (to < from) return -monthsBetween(to, from);
  let n = (yearOf(to) - yearOf(from)) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
  if (addMonths(from, n) > to) n -= 1;
  return n;
}

/** Age in whole years on `date` of someone born on `birthDate` (0 before the first birthday). */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  return Math.floor(monthsBetween(birthDate, date) / 12);
}

// ---------------------------------------------------------------------------------------
// Periods of the movement
// ---------------------------------------------------------------------------------------

/** A bounded interval of days: both ends known and included. */
export interface Period {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** Days in `period`, both ends counted (a period of one day has 1). */
export function daysIn(period: Period): number {
  return daysBetween(period.from, period.to) + 1;
}

/** The calendar year `year`: 1 January to 31 December. */
export function calendarYear(year: number): Period {
  return { from: isoDate(year, 1, 1), to: isoDate(year, 12, 31) };
}

/** Quarter `quarter` (1–4) of `year`; the first quarter is 1 January to 31 March. */
export function quarterOf(year: number, quarter: 1 | 2 | 3 | 4): Period {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  return { from: isoDate(year, firstMonth, 1), to: isoDate(year, lastMonth, daysInMonth(year, lastMonth)) };
}

/**
 * The yearly evaluation period of security teams named `year` (Guidance 01/HD-BCA-V05):
 * 15 November of the previous year to 14 November of `year`. The 2026 period runs
 * 2025-11-15 – 2026-11-14.
 */
export function teamEvaluationPeriod(year: number): Period {
  return { from: isoDate(year - 1, 11, 15), to: isoDate(year, 11, 14) };
}

/** The name (year) of the team evaluation period that contains `date`: 2025-11-15 is in 2026's. */
export function teamEvaluationYearOf(date: IsoDate): number {
  const year = yearOf(date);
  return date.slice(5) >= '11-15' ? year + 1 : year;
}

/** Whether `date` lies in `period` (both ends included). */
export function periodContains(period: Period, date: IsoDate): boolean {
  return period.from <= date && date <= period.to;
}
