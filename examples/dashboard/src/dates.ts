/** The dashboard's span of dates, and the reform marked on it (dates are ISO days, as in @antq/core). */
import { DISTRICTS_ABOLISHED_ON, vietnamDateOf } from '@antq/core';

/** 2025-07-01: districts abolished, provinces and communes merged. */
export const REFORM_DAY = DISTRICTS_ABOLISHED_ON;
export const FIRST_DAY = '2024-01-01';

/** Today in Vietnam: the last day that can be picked. */
export const today = (): string => vietnamDateOf(new Date());

/** Position of a day between two others, 0 to 1 (for the timeline). */
export function fractionOf(day: string, first: string, last: string): number {
  const t = (d: string) => Date.parse(`${d}T00:00:00Z`);
  return Math.min(1, Math.max(0, (t(day) - t(first)) / (t(last) - t(first) || 1)));
}
