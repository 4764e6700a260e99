/**
 * Organizations (agencies, enterprises, schools) in GraphQL: by unit and date. ORGANIZATION
 * is not a resource of @antq/core's policy, so they are read as residential areas are
 * (RESIDENTIAL_AREA READ), narrowed through their placements (see jurisdiction.ts).
 */
import { ENTERPRISE_SIZE_LABELS, ORGANIZATION_KIND_LABELS, SCHOOL_LEVEL_LABELS } from '@antq/core';
import { uuidOrNone, type ScopeContext } from '../access.js';
import { builder } from '../builder.js';
import { isoOf } from '../hierarchy/rows.js';
import { AdminUnitRef, unitOnDateArgs } from '../hierarchy/schema.js';
import { checkPageSize, connectionComplexity } from '../pagination.js';
import { filteredList } from '../filtered-list.js';
import { DateScalar } from '../scalars.js';
import { totalCountPerPage } from '../related-counts.js';
import { modelWhere, organizationWhere, placementOn } from './jurisdiction.js';

const keys = <K extends string>(labels: Record<K, unknown>) => Object.keys(labels) as K[];

export const OrganizationKindEnum = builder.enumType('OrganizationKind', {
  description: 'Agency, enterprise or school.',
  values: keys(ORGANIZATION_KIND_LABELS),
});
export const EnterpriseSizeEnum = builder.enumType('EnterpriseSize', { values: keys(ENTERPRISE_SIZE_LABELS) });
export const SchoolLevelEnum = builder.enumType('SchoolLevel', { values: keys(SCHOOL_LEVEL_LABELS) });

builder.prismaNode('Organization', {
  id: { field: 'id' },
  description: 'An agency, enterprise or school that may host models; it sits in a commune, which may change with reorganisations.',
  // Outside the jurisdiction, or missing: the same null.
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNone(id), AND: [organizationWhere(ctx)] }),
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.field({ type: OrganizationKindEnum, resolve: (o) => o.kind }),
    enterpriseSize: t.field({
      type: EnterpriseSizeEnum,
      nullable: true,
      description: 'For an enterprise.',
      resolve: (o) => o.enterpriseSize,
    }),
    schoolLevel: t.field({ type: SchoolLevelEnum, nullable: true, description: 'For a school.', resolve: (o) => o.schoolLevel }),
    armedForces: t.exposeBoolean('armedForces', { nullable: true, description: 'For an agency: whether it belongs to the armed forces.' }),
    validFrom: t.field({ type: DateScalar, nullable: true, resolve: (o) => isoOf(o.validFrom) }),
    validTo: t.field({
      type: DateScalar,
      nullable: true,
      description: 'Last day it existed; null: it still does.',
      resolve: (o) => isoOf(o.validTo),
    }),
    version: t.exposeInt('version'),
    isDemo: t.boolean({ description: 'Part of the demo data, not of any real province’s records.', resolve: (o) => o.datasetId !== null }),
    commune: t.field({
      type: AdminUnitRef,
      nullable: true,
      description: 'The commune it sat in on asOf (default today), seen on that date.',
      args: { asOf: t.arg({ type: DateScalar }) },
      select: (args, ctx) => ({ placements: { where: placementOn(args.asOf ?? ctx.today), include: { commune: true }, take: 1 } }),
      resolve: (o, args, ctx) => {
        const placement = o.placements[0];
        return placement ? { row: placement.commune, asOf: args.asOf ?? ctx.today } : null;
      },
    }),
    models: t.relatedConnection(
      'models',
      {
        cursor: 'id',
        description: 'Models built in this organization, oldest first.',
        complexity: connectionComplexity,
        query: (args, ctx) => (checkPageSize(args), { where: modelWhere(ctx), orderBy: { id: 'asc' } }),
      },
      totalCountPerPage('Organization.models', (ctx, ids) =>
        ctx.db.prisma.model
          .groupBy({ by: ['organizationId'], where: { organizationId: { in: ids }, AND: [modelWhere(ctx)] }, _count: { _all: true } })
          .then((rows) => rows.map((r) => [r.organizationId, r._count._all] as const)),
      ),
    ),
  }),
});

builder.queryField('organizations', (t) =>
  t.prismaConnection({
    type: 'Organization',
    description:
      'Organizations placed on asOf (default today) in a unit (a commune, or anything above it), within your jurisdiction, by creation.',
    authScopes: { allowed: ['RESIDENTIAL_AREA', 'READ'] as const },
    args: {
      ...unitOnDateArgs,
      kind: t.arg({ type: OrganizationKindEnum }),
    },
    ...filteredList((db) => db.organization, listWhere, { id: 'asc' }),
  }),
);

function listWhere(
  ctx: ScopeContext,
  args: { unitCode: string; asOf?: string | null; kind?: keyof typeof ORGANIZATION_KIND_LABELS | null },
) {
  return {
    ...organizationWhere(ctx, { code: args.unitCode.trim(), date: args.asOf ?? ctx.today }),
    ...(args.kind ? { kind: args.kind } : {}),
  };
}
