/**
 * Inspections (kiểm tra, củng cố, kiện toàn) in GraphQL: an inspection with its subject,
 * team, findings, rating and follow-ups; a follow-up's state on any date (OVERDUE derived
 * by core's followUpStateOn, never stored); lists by unit and period, and the overdue
 * follow-ups of a unit on a date. Who sees them follows INSPECTION READ.
 */
import {
  FOLLOW_UP_STATES,
  FOLLOW_UP_STATUSES,
  followUpStateOn,
  INSPECTION_KINDS,
  INSPECTION_RATINGS,
  INSPECTION_STATUSES,
  INSPECTION_SUBJECT_KINDS,
  type IsoDate,
} from '@antq/core';
import type { Prisma } from '@antq/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { uuidOrNone } from '../access.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { AdminUnitRef } from '../hierarchy/schema.js';
import { dateColumn, isoOf } from '../hierarchy/rows.js';
import { filteredList } from '../filtered-list.js';
import { DateScalar } from '../scalars.js';
import { periodOf, placementOf } from './where.js';
import { filedUnder, type ScopeContext, type UnitArg } from '../access.js';

export const InspectionKindEnum = builder.enumType('InspectionKind', {
  description: 'Theo kế hoạch, chuyên đề, đột xuất.',
  values: INSPECTION_KINDS,
});
export const InspectionSubjectKindEnum = builder.enumType('InspectionSubjectKind', { values: INSPECTION_SUBJECT_KINDS });
export const InspectionStatusEnum = builder.enumType('InspectionStatus', {
  description: 'PLANNED, then DONE or CANCELLED (both final).',
  values: INSPECTION_STATUSES,
});
export const InspectionRatingEnum = builder.enumType('InspectionRating', {
  description: 'Tốt, khá, trung bình, yếu.',
  values: INSPECTION_RATINGS,
});
export const FollowUpStatusEnum = builder.enumType('FollowUpStatus', {
  description: 'As stored: OPEN until closed DONE or CANCELLED.',
  values: FOLLOW_UP_STATUSES,
});
export const FollowUpStateEnum = builder.enumType('FollowUpState', {
  description: 'On a date: OPEN, OVERDUE (open past its due date), DONE or CANCELLED.',
  values: FOLLOW_UP_STATES,
});

/** Inspections the viewer may read; with `unitCode`, only those filed under it. */
export const inspectionWhere = (ctx: ScopeContext, unit?: UnitArg): Prisma.InspectionWhereInput =>
  filedUnder(ctx, 'INSPECTION', 'unitId', unit);

/** Follow-ups open on `asOf` and due before it: core's followUpStateOn = OVERDUE, in SQL. */
export function overdueOn(asOf: IsoDate): Prisma.InspectionFollowUpWhereInput {
  const day = dateColumn(asOf);
  return { setOn: { lte: day }, dueOn: { lt: day }, OR: [{ closedOn: null }, { closedOn: { gt: day } }] };
}

const SUBJECT_TYPES = {
  RESIDENTIAL_AREA: 'ResidentialArea',
  ORGANIZATION: 'Organization',
  MODEL: 'Model',
  SECURITY_TEAM: 'SecurityTeam',
} as const;

const FollowUpNode = builder.prismaNode('InspectionFollowUp', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNone(id), inspection: inspectionWhere(ctx) }),
  description: 'A follow-up action an inspection set (củng cố, kiện toàn): what, who owns it, by when, and how it ended.',
  fields: (t) => ({
    seq: t.exposeInt('seq', { description: 'Its position in the inspection’s list.' }),
    action: t.exposeString('action'),
    owner: t.exposeString('owner'),
    setOn: t.field({ type: DateScalar, description: 'The day the inspection set it.', resolve: (f) => isoOf(f.setOn) }),
    dueOn: t.field({ type: DateScalar, resolve: (f) => isoOf(f.dueOn) }),
    status: t.field({ type: FollowUpStatusEnum, description: 'As stored now; see `state` for a date.', resolve: (f) => f.status }),
    closedOn: t.field({ type: DateScalar, nullable: true, resolve: (f) => isoOf(f.closedOn) }),
    note: t.exposeString('note', { nullable: true }),
    state: t.field({
      type: FollowUpStateEnum,
      description: 'Its state on asOf (default today): OVERDUE when still open after its due date.',
      args: { asOf: t.arg({ type: DateScalar }) },
      resolve: (f, args, ctx) =>
        followUpStateOn({ dueOn: isoOf(f.dueOn), status: f.status, closedOn: isoOf(f.closedOn) }, args.asOf ?? ctx.today),
    }),
    version: t.exposeInt('version', { description: 'Send it back with a change: a stale one is refused.' }),
    inspection: t.relation('inspection'),
  }),
});

const InspectionNode = builder.prismaNode('Inspection', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNone(id), AND: [inspectionWhere(ctx)] }),
  description: 'An inspection (kiểm tra, củng cố, kiện toàn) of a unit, residential area, organization, model or security team.',
  authScopes: (i) => ({ allowedAt: ['INSPECTION', 'READ', placementOf(i)] as const }),
  fields: (t) => ({
    kind: t.field({ type: InspectionKindEnum, resolve: (i) => i.kind }),
    subjectKind: t.field({ type: InspectionSubjectKindEnum, resolve: (i) => i.subjectKind }),
    subjectId: t.id({
      nullable: true,
      description:
        'The global ID of what was inspected (a ResidentialArea, Organization, Model or SecurityTeam); null for a UNIT: see `unit`.',
      resolve: (i) => {
        if (i.subjectKind === 'UNIT') return null;
        const id = { RESIDENTIAL_AREA: i.residentialAreaId, ORGANIZATION: i.organizationId, MODEL: i.modelId, SECURITY_TEAM: i.teamId }[
          i.subjectKind
        ];
        return id ? encodeGlobalID(SUBJECT_TYPES[i.subjectKind], id) : null;
      },
    }),
    unit: t.field({
      type: AdminUnitRef,
      description: 'The unit it is filed under: the inspected unit, or the commune of the subject, seen on plannedOn.',
      resolve: async (i, _a, ctx) => ({ row: (await ctx.loaders.byId.load(i.unitId))!, asOf: isoOf(i.plannedOn) }),
    }),
    status: t.field({ type: InspectionStatusEnum, resolve: (i) => i.status }),
    plannedOn: t.field({ type: DateScalar, resolve: (i) => isoOf(i.plannedOn) }),
    team: t.exposeStringList('team', { description: 'The inspection team (đoàn kiểm tra).' }),
    purpose: t.exposeString('purpose', { nullable: true }),
    inspectedOn: t.field({ type: DateScalar, nullable: true, resolve: (i) => isoOf(i.inspectedOn) }),
    findings: t.exposeString('findings', { nullable: true }),
    rating: t.field({ type: InspectionRatingEnum, nullable: true, resolve: (i) => i.rating }),
    cancelledOn: t.field({ type: DateScalar, nullable: true, resolve: (i) => isoOf(i.cancelledOn) }),
    cancelReason: t.exposeString('cancelReason', { nullable: true }),
    version: t.exposeInt('version', { description: 'Send it back with a change: a stale one is refused.' }),
    isDemo: t.boolean({ description: 'Part of the demo data.', resolve: (i) => i.datasetId !== null }),
    followUps: t.relation('followUps', { query: { orderBy: { seq: 'asc' } } }),
  }),
});

/** Inspections planned, done or cancelled in the period (any of its dates in it), with the filters given. */
function inspectionsIn(
  ctx: Context,
  args: {
    unitCode: string;
    from?: string | null;
    to?: string | null;
    status?: string | null;
    kind?: string | null;
    rating?: string | null;
  },
): Prisma.InspectionWhereInput {
  const { from, to } = periodOf(args, ctx.today);
  const within = { gte: dateColumn(from), lte: dateColumn(to) };
  return {
    AND: [
      inspectionWhere(ctx, { code: args.unitCode, date: to }),
      { OR: [{ plannedOn: within }, { inspectedOn: within }, { cancelledOn: within }] },
      ...(args.status ? [{ status: args.status as Prisma.InspectionWhereInput['status'] }] : []),
      ...(args.kind ? [{ kind: args.kind as Prisma.InspectionWhereInput['kind'] }] : []),
      ...(args.rating ? [{ rating: args.rating as Prisma.InspectionWhereInput['rating'] }] : []),
    ],
  };
}

builder.queryField('inspections', (t) =>
  t.prismaConnection({
    type: 'Inspection',
    description:
      'Inspections filed under a unit (a commune or anything above it) planned, done or cancelled in a period (default: the year to today), within your jurisdiction; latest planned first.',
    authScopes: { allowed: ['INSPECTION', 'READ'] as const },
    args: {
      unitCode: t.arg.string({ required: true }),
      from: t.arg({ type: DateScalar }),
      to: t.arg({ type: DateScalar }),
      status: t.arg({ type: InspectionStatusEnum }),
      kind: t.arg({ type: InspectionKindEnum }),
      rating: t.arg({ type: InspectionRatingEnum }),
    },
    ...filteredList((db) => db.inspection, inspectionsIn, [{ plannedOn: 'desc' }, { id: 'asc' }]),
  }),
);

const overdueWhere = (ctx: Context, args: { unitCode: string; asOf?: string | null }): Prisma.InspectionFollowUpWhereInput => ({
  AND: [overdueOn(args.asOf ?? ctx.today), { inspection: inspectionWhere(ctx, { code: args.unitCode, date: args.asOf ?? ctx.today }) }],
});

builder.queryField('overdueFollowUps', (t) =>
  t.prismaConnection({
    type: 'InspectionFollowUp',
    description:
      'Follow-ups of inspections filed under a unit that are overdue on asOf (default today): set by then, due before it, not closed by then; longest overdue first.',
    authScopes: { allowed: ['INSPECTION', 'READ'] as const },
    args: { unitCode: t.arg.string({ required: true }), asOf: t.arg({ type: DateScalar }) },
    ...filteredList((db) => db.inspectionFollowUp, overdueWhere, [{ dueOn: 'asc' }, { id: 'asc' }]),
  }),
);

/** The Inspection and InspectionFollowUp types, for mutation payloads. */
export const InspectionRef: { readonly name: string } = InspectionNode;
export const FollowUpRef: { readonly name: string } = FollowUpNode;
