/**
 * What the activity mutations share: a record they act on, and the place a new record is
 * filed under, as the mutation pipeline's targets (which judges them: NOT_FOUND outside the
 * viewer's jurisdiction, FORBIDDEN where they may see but not change it, CONFLICT on a stale
 * version).
 */
import type { IsoDate } from '@antq/core';
import type { Context } from '../context.js';
import { areaWhere } from '../movement/jurisdiction.js';
import type { Target } from '../mutation/define.js';
import { userErrors } from '../errors.js';
import { communePlace, placeCodesUntil } from '../hierarchy/place.js';
import { placementOf } from './where.js';

type Filing = { communeId: string; communeCode: string; placeCodes: string[] };

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

/**
 * Where a new record of commune `code` on `date` (in residential area `areaId`, if given) is
 * filed, as the pipeline's target; throws its typed error. An area the viewer cannot read is
 * not found: its placements must not be told.
 */
export async function newRecordTarget<R>(
  ctx: Context,
  code: string,
  areaId: string | null | undefined,
  date: IsoDate,
  row: R,
): Promise<Target<R & { filing: Filing; areaId: string | null }>> {
  let filing: Filing | null = await communeFiling(ctx, code, date);
  if (!filing) throw userErrors.invalid([{ path: ['communeCode'], message: `no commune has this code on ${date}` }]);
  if (areaId) {
    const area = await ctx.db.prisma.residentialArea.findFirst({
      where: { id: areaId, AND: [areaWhere(ctx)] },
      select: { placements: true },
    });
    if (!area) throw userErrors.notFound({ vi: 'khu dân cư', en: 'residential area' });
    const placed = areaFiling(area.placements, date);
    if (!placed || placed.communeId !== filing.communeId)
      throw userErrors.invalid([{ path: ['residentialAreaId'], message: `the residential area was not in commune ${code} on ${date}` }]);
    filing = placed;
  }
  const at = placementOf({ placeCodes: filing.placeCodes, residentialAreaId: areaId ?? null });
  return { row: { ...row, filing, areaId: areaId ?? null }, placeCodes: filing.placeCodes, seenAt: at, actsAt: at };
}
