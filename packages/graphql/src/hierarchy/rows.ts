import type { IsoDate } from '@antq/core';
import type { AdminUnit as AdminUnitRow, Prisma } from '@antq/db';

export type { AdminUnitRow };

/** A `date` column as the calendar date it holds (Prisma gives midnight UTC). */
export function isoOf(value: Date | string): IsoDate;
export function isoOf(value: Date | string | null): IsoDate | null;
export function isoOf(value: Date | string | null): IsoDate | null {
  if (value === null) return null;
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** A calendar date as the value of a `date` column. */
export function dateColumn(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Units that held on `date`: both ends of the interval are included. */
export function validOn(date: IsoDate): Prisma.AdminUnitWhereInput {
  const day = dateColumn(date);
  return {
    AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: day } }] }, { OR: [{ validTo: null }, { validTo: { gte: day } }] }],
  };
}

/** The validity of a row as core's interval. */
export function validityOf(row: Pick<AdminUnitRow, 'validFrom' | 'validTo'>) {
  return { from: isoOf(row.validFrom), to: isoOf(row.validTo) };
}
