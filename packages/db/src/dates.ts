/** Dates between the database and core: a `date` column (midnight UTC) and the calendar date it holds. */
import type { IsoDate } from '@antq/core';

/** The calendar date a `date` column holds. */
export function isoOf(d: Date): IsoDate;
export function isoOf(d: Date | null): IsoDate | null;
export function isoOf(d: Date | null): IsoDate | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

/** The validity of a row with `validFrom` and `validTo` columns, as core's interval. */
export const validityOf = (row: { validFrom: Date | null; validTo: Date | null }) => ({
  from: isoOf(row.validFrom),
  to: isoOf(row.validTo),
});
