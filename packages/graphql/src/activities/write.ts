/**
 * What the activity mutations share: judging a record they act on (NOT_FOUND outside the
 * viewer's jurisdiction, as node(id:) answers null; FORBIDDEN where they may see but not
 * change it; CONFLICT on a stale version), and the place a new record is filed under.
 */
import { authorize, type IsoDate, type Label, type Resource } from '@antq/core';
import type { Context } from '../context.js';
import { userErrors, type UserError } from '../errors.js';
import { communePlace, placeCodesUntil } from '../hierarchy/place.js';
import { placementOf } from './where.js';

/** Null when the viewer may change `row` at `version`; otherwise the error to answer. */
export function judgeWrite(
  ctx: Pick<Context, 'viewer'>,
  resource: Resource,
  row: { placeCodes: string[]; residentialAreaId?: string | null; version: number } | null,
  what: Label,
  version?: number,
): UserError | null {
  if (!row || !authorize(ctx.viewer, resource, 'READ', placementOf(row)).allowed) return userErrors.notFound(what);
  if (!authorize(ctx.viewer, resource, 'WRITE', placementOf(row)).allowed) return userErrors.forbidden();
  if (version !== undefined && version !== row.version) return userErrors.conflict(row.version);
  return null;
}

/** Null when the viewer may create a record of `resource` at `place`; otherwise NOT_FOUND (cannot see there) or FORBIDDEN. */
export function judgeCreate(
  ctx: Pick<Context, 'viewer'>,
  resource: Resource,
  place: { placeCodes: string[]; residentialAreaId: string | null },
  what: Label,
): UserError | null {
  if (!authorize(ctx.viewer, resource, 'READ', placementOf(place)).allowed) return userErrors.notFound(what);
  if (!authorize(ctx.viewer, resource, 'WRITE', placementOf(place)).allowed) return userErrors.forbidden();
  return null;
}

/** Where a record of a commune on `date` is filed: the commune's id and code, and its codes then and today. */
export async function communeFiling(
  ctx: Context,
  code: string,
  date: IsoDate,
): Promise<{ communeId: string; communeCode: string; placeCodes: string[] } | null> {
  const place = await communePlace(ctx, code, date);
  if (!place) return null;
  return { communeId: place.commune.id, communeCode: place.commune.code, placeCodes: await placeCodesUntil(ctx, place, ctx.today) };
}

/** A residential area's filing on `date`: the commune it was placed in then, and every place it has had (then and since). */
export function areaFiling(
  placements: ReadonlyArray<{ communeId: string; communeCode: string; placeCodes: string[]; validFrom: Date | null; validTo: Date | null }>,
  date: IsoDate,
) {
  const day = new Date(`${date}T00:00:00Z`);
  const then = placements.find((p) => (p.validFrom === null || p.validFrom <= day) && (p.validTo === null || p.validTo >= day));
  if (!then) return null;
  const later = placements.filter((p) => p.validTo === null || p.validTo >= day);
  return { communeId: then.communeId, communeCode: then.communeCode, placeCodes: [...new Set(later.flatMap((p) => p.placeCodes))] };
}
