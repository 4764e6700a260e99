/**
 * Who may read which inspections, follow-ups, outreach sessions and re-integration cases,
 * as Prisma filters on the `placeCodes` every one of them is filed with (its commune and
 * the units above it, then and since): a viewer within a unit sees records filed under it;
 * an area leader only those of their own residential area. With `unitCode`, only records
 * filed under that unit as well. Lists, totals and `node(id:)` all use these.
 */
import { jurisdictionOf, type Resource } from '@antq/core';
import type { Context } from '../context.js';

const NOTHING = { id: { in: [] as string[] } };

/** A `where` over a table with `placeCodes` (and `residentialAreaId` unless `areaColumn` is false). */
export function placedWhere(ctx: Pick<Context, 'viewer'>, resource: Resource, unitCode?: string | null, areaColumn = true) {
  const scope = jurisdictionOf(ctx.viewer, resource, 'READ');
  if (scope.kind === 'NOWHERE') return NOTHING;
  const codes = [...(scope.kind === 'WITHIN' && scope.unitCode ? [scope.unitCode] : []), ...(unitCode ? [unitCode.trim()] : [])];
  const areaId = scope.kind === 'WITHIN' ? scope.areaId : null;
  if (areaId && !areaColumn) return NOTHING;
  return { ...(codes.length ? { placeCodes: { hasEvery: codes } } : {}), ...(areaId ? { residentialAreaId: areaId } : {}) };
}

/** The placement of a record for `authorize`: its codes and its residential area. */
export const placementOf = (row: { placeCodes: string[]; residentialAreaId?: string | null }) => ({
  unitCodes: row.placeCodes,
  areaId: row.residentialAreaId ?? null,
});

/** A period from the arguments of a list: both ends included, `to` defaulting to today and `from` to 1 January of `to`'s year. */
export function periodOf(args: { from?: string | null; to?: string | null }, today: string): { from: string; to: string } {
  const to = args.to ?? today;
  return { from: args.from ?? `${to.slice(0, 4)}-01-01`, to };
}
