/**
 * Who may read which residential areas and models, as Prisma filters: an area is within a
 * viewer's jurisdiction when one of its placements is filed under the viewer's unit (a
 * placement carries the codes of its commune and every unit above it); a model when its
 * host is (an area, or an organization through its placements). Lists, totals and
 * `node(id:)` all use these, so the rule is written once.
 */
import { jurisdictionOf, type IsoDate, type Resource } from '@antq/core';
import type { Prisma } from '@antq/db';
import type { Context } from '../context.js';
import { dateColumn } from '../hierarchy/rows.js';

/** Placements that hold on `date` (both ends included). */
export function placementOn(date: IsoDate) {
  const day = dateColumn(date);
  return { AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: day } }] }, { OR: [{ validTo: null }, { validTo: { gte: day } }] }] };
}

const NOTHING = { id: { in: [] as string[] } };

/**
 * What a viewer may read of records placed like residential areas: null for nothing; else
 * the one area they are narrowed to (an area leader), if any, and the filter on placements
 * (none when everything is readable and no unit is asked for).
 */
function placedScope(ctx: Pick<Context, 'viewer'>, within: { code: string; date: IsoDate } | undefined, resource: Resource) {
  const scope = jurisdictionOf(ctx.viewer, resource, 'READ');
  if (scope.kind === 'NOWHERE') return null;
  const codes = [...(scope.kind === 'WITHIN' && scope.unitCode ? [scope.unitCode] : []), ...(within ? [within.code] : [])];
  return {
    areaId: scope.kind === 'WITHIN' && scope.areaId ? scope.areaId : null,
    placements: codes.length ? { some: { placeCodes: { hasEvery: codes }, ...(within ? placementOn(within.date) : {}) } } : null,
  };
}

/**
 * Areas the viewer may read; with `within`, only those placed on `date` under that unit
 * code (a commune or anything above it), in the same placement as the viewer's own unit.
 */
export function areaWhere(
  ctx: Pick<Context, 'viewer'>,
  within?: { code: string; date: IsoDate },
  resource: Resource = 'RESIDENTIAL_AREA',
): Prisma.ResidentialAreaWhereInput {
  const scope = placedScope(ctx, within, resource);
  if (!scope) return NOTHING;
  return { ...(scope.areaId ? { id: scope.areaId } : {}), ...(scope.placements ? { placements: scope.placements } : {}) };
}

/**
 * Organizations the viewer may read: ORGANIZATION is not a resource of the policy, so they
 * are read as residential areas are (RESIDENTIAL_AREA READ), narrowed the same way through
 * their placements; a viewer narrowed to one area sees none.
 */
export function organizationWhere(ctx: Pick<Context, 'viewer'>, within?: { code: string; date: IsoDate }): Prisma.OrganizationWhereInput {
  const scope = placedScope(ctx, within, 'RESIDENTIAL_AREA');
  if (!scope || scope.areaId) return NOTHING;
  return scope.placements ? { placements: scope.placements } : {};
}

/** Models the viewer may read; with `within`, only those whose host is placed there on `date`. */
export function modelWhere(ctx: Pick<Context, 'viewer'>, within?: { code: string; date: IsoDate }): Prisma.ModelWhereInput {
  const scope = jurisdictionOf(ctx.viewer, 'MODEL', 'READ');
  if (scope.kind === 'NOWHERE') return NOTHING;
  const codes = [...(scope.kind === 'WITHIN' && scope.unitCode ? [scope.unitCode] : []), ...(within ? [within.code] : [])];
  if (!codes.length && !(scope.kind === 'WITHIN' && scope.areaId)) return {};
  const placed = { placeCodes: { hasEvery: codes }, ...(within ? placementOn(within.date) : {}) };
  if (scope.kind === 'WITHIN' && scope.areaId)
    return { residentialAreaId: scope.areaId, ...(codes.length ? { residentialArea: { placements: { some: placed } } } : {}) };
  // Models hosted by a commune itself are not yet filed by place: only national officers see them.
  return { OR: [{ residentialArea: { placements: { some: placed } } }, { organization: { placements: { some: placed } } }] };
}
