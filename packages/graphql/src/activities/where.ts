/**
 * What the activity records (inspections, follow-ups, outreach sessions, re-integration
 * cases) share for access: each is filed under the unit version of its date (`unitId` or
 * `communeId`), read through access.ts's `filedUnder` and checked on a row with `mayAccess`.
 */

/** Where a record is filed, for `mayAccess`: its unit version, codes and residential area. */
export const placementOf = (row: { unitId?: string; communeId?: string; placeCodes: string[]; residentialAreaId?: string | null }) => ({
  unitId: row.unitId ?? row.communeId ?? null,
  unitCodes: row.placeCodes,
  areaId: row.residentialAreaId ?? null,
});

/** A period from the arguments of a list: both ends included, `to` defaulting to today and `from` to 1 January of `to`'s year. */
export function periodOf(args: { from?: string | null; to?: string | null }, today: string): { from: string; to: string } {
  const to = args.to ?? today;
  return { from: args.from ?? `${to.slice(0, 4)}-01-01`, to };
}
