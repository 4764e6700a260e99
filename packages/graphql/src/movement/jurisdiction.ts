/**
 * Who may read which residential areas, organizations and models, as Prisma filters built
 * from the one scope of access.ts: an area is placed through time (a placement per period,
 * in the commune version of that period), so it is under a unit on a date when its
 * placement of that date is, and within a viewer's jurisdiction when one of its placements
 * lies in a commune that is wholly part of it; a model through its host (an area, an
 * organization, or a commune itself). Lists, totals and `node(id:)` all use these.
 */
import type { Resource } from '@antq/core';
import { filedWhere, heldOn, NOTHING, placedWhere, type Prisma, type Scope } from '@antq/db';
import { listScope, type ScopeContext, type UnitArg } from '../access.js';

/** Placements that hold on `date` (both ends included). */
export const placementOn = heldOn;

/** Areas the viewer may read; with `within`, only those placed under that unit on its date. */
export function areaWhere(ctx: ScopeContext, within?: UnitArg, resource: Resource = 'RESIDENTIAL_AREA'): Prisma.ResidentialAreaWhereInput {
  const scope = listScope(ctx, resource, 'READ', within);
  return scope ? placedWhere(scope, 'id') : NOTHING;
}

/**
 * Organizations the viewer may read: ORGANIZATION is not a resource of the policy, so they
 * are read as residential areas are (RESIDENTIAL_AREA READ); a viewer narrowed to one area sees none.
 */
export function organizationWhere(ctx: ScopeContext, within?: UnitArg): Prisma.OrganizationWhereInput {
  const scope = listScope(ctx, 'RESIDENTIAL_AREA', 'READ', within);
  return scope ? placedWhere(scope, null) : NOTHING;
}

/** Models the viewer may read; with `within`, only those whose host is under that unit on its date. */
export function modelWhere(ctx: ScopeContext, within?: UnitArg): Prisma.ModelWhereInput {
  const scope = listScope(ctx, 'MODEL', 'READ', within);
  return scope ? modelsIn(scope) : NOTHING;
}

function modelsIn(scope: Scope): Prisma.ModelWhereInput {
  if (scope.areaId) return { residentialAreaId: scope.areaId, residentialArea: placedWhere({ ...scope, areaId: null }, 'id') };
  if (!scope.unit && !scope.viewer) return {};
  return {
    OR: [
      { residentialArea: placedWhere(scope, 'id') },
      { organization: placedWhere(scope, null) },
      { AND: [{ communeId: { not: null } }, filedWhere(scope, 'communeId')] },
    ],
  };
}
