/** Residential areas (khu dân cư) in GraphQL: by commune and date, within the viewer's jurisdiction. */
import { RESIDENTIAL_AREA_KINDS } from '@antq/core';
import { uuidOrNone } from '../access.js';
import type { Prisma } from '@antq/db';
import type { ObjectRef } from '@pothos/core';
import { builder, type AntqTypes } from '../builder.js';
import { entityReference } from '../federation.js';
import { AdminUnitRef, unitOnDateArgs } from '../hierarchy/schema.js';
import { isoOf } from '../hierarchy/rows.js';
import { checkPageSize, connectionComplexity } from '../pagination.js';
import { filteredList } from '../filtered-list.js';
import { DateScalar } from '../scalars.js';
import { totalCountPerPage } from '../related-counts.js';
import { areaWhere, modelWhere, placementOn } from './jurisdiction.js';

export const ResidentialAreaKindEnum = builder.enumType('ResidentialAreaKind', {
  description: 'Thôn, làng, ấp, bản, buôn, phum, sóc, xóm, khóm, tổ dân phố, khu phố.',
  values: RESIDENTIAL_AREA_KINDS,
});

const ResidentialAreaNode = builder.prismaNode('ResidentialArea', {
  id: { field: 'id' },
  description:
    'A residential area (khu dân cư): not an administrative unit; it belongs to a commune, which may change with reorganisations.',
  // Outside the jurisdiction, or missing: the same null.
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNone(id), AND: [areaWhere(ctx)] }),
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.field({ type: ResidentialAreaKindEnum, resolve: (a) => a.kind }),
    households: t.exposeInt('households', { nullable: true }),
    residents: t.exposeInt('residents', { nullable: true }),
    validFrom: t.field({ type: DateScalar, nullable: true, resolve: (a) => isoOf(a.validFrom) }),
    validTo: t.field({
      type: DateScalar,
      nullable: true,
      description: 'Last day it existed; null: it still does.',
      resolve: (a) => isoOf(a.validTo),
    }),
    version: t.exposeInt('version', { description: 'Send it back with an update: a stale one is refused.' }),
    isDemo: t.boolean({ description: 'Part of the demo data, not of any real province’s records.', resolve: (a) => a.datasetId !== null }),
    commune: t.field({
      type: AdminUnitRef,
      nullable: true,
      description: 'The commune it belonged to on asOf (default today), seen on that date.',
      args: { asOf: t.arg({ type: DateScalar }) },
      select: (args, ctx) => ({ placements: { where: placementOn(args.asOf ?? ctx.today), include: { commune: true }, take: 1 } }),
      resolve: (a, args, ctx) => {
        const placement = a.placements[0];
        return placement ? { row: placement.commune, asOf: args.asOf ?? ctx.today } : null;
      },
    }),
    models: t.relatedConnection(
      'models',
      {
        cursor: 'id',
        description: 'Models built in this area, oldest first.',
        complexity: connectionComplexity,
        query: (args, ctx) => (checkPageSize(args), { where: modelWhere(ctx), orderBy: { id: 'asc' } }),
      },
      totalCountPerPage('ResidentialArea.models', (ctx, ids) =>
        ctx.db.prisma.model
          .groupBy({ by: ['residentialAreaId'], where: { residentialAreaId: { in: ids }, AND: [modelWhere(ctx)] }, _count: { _all: true } })
          .then((rows) => rows.map((r) => [r.residentialAreaId, r._count._all] as const)),
      ),
    ),
  }),
});

builder.queryField('residentialAreas', (t) =>
  t.prismaConnection({
    type: 'ResidentialArea',
    description:
      'Residential areas placed on asOf (default today) in a unit (a commune, or anything above it), within your jurisdiction, by creation.',
    authScopes: { allowed: ['RESIDENTIAL_AREA', 'READ'] as const },
    args: {
      ...unitOnDateArgs,
      kind: t.arg({ type: ResidentialAreaKindEnum }),
    },
    ...filteredList((db) => db.residentialArea, listWhere, { id: 'asc' }),
  }),
);

function listWhere(
  ctx: Parameters<typeof areaWhere>[0] & { today: string },
  args: { unitCode: string; asOf?: string | null; kind?: string | null },
) {
  return {
    ...areaWhere(ctx, { code: args.unitCode.trim(), date: args.asOf ?? ctx.today }),
    ...(args.kind ? { kind: args.kind as (typeof RESIDENTIAL_AREA_KINDS)[number] } : {}),
  };
}

// A federation entity (see federation.ts): found by its global ID as node(id:) finds it.
builder.asEntity(ResidentialAreaNode, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: entityReference('ResidentialArea', (ctx, ids, query) =>
    ctx.db.prisma.residentialArea.findMany({ ...query, where: { id: { in: ids }, AND: [areaWhere(ctx)] } }),
  ),
});

/** The ResidentialArea type, for mutation payloads (its full type is not nameable in declarations). */
export const ResidentialAreaRef: { readonly name: string } = ResidentialAreaNode;
/** The ResidentialArea type, to return a ResidentialArea row from a field of another module or an extension. */
export const ResidentialAreaObject: ObjectRef<AntqTypes, Prisma.ResidentialAreaGetPayload<object>> = ResidentialAreaNode;
