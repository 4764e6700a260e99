/**
 * Re-integration cases (cảm hóa, giáo dục người lầm lỗi) in GraphQL. A case holds a
 * person's identity, offence and progress: sealed at rest (AES-256-GCM bound to the record
 * and column, see security/crypto.ts and @antq/db's sealedContext), read only by the
 * officers core's policy names for REINTEGRATION_CASE (the responsible commune and above,
 * never area leaders, partners or the public), and the personal fields only by those who
 * may READ_PERSONAL (national officers see that a case exists and how it went, not who it
 * is). Nothing personal is in aggregates, errors or the audit log.
 */
import {
  caseStatusOn,
  MENTOR_KINDS,
  REINTEGRATION_STATUSES,
  type IsoDate,
  type ReintegrationPerson,
  type ReintegrationStatus,
} from '@antq/core';
import { sealedContext, type Prisma } from '@antq/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { AdminUnitRef } from '../hierarchy/schema.js';
import { dateColumn, isoOf } from '../hierarchy/rows.js';
import { filteredList } from '../filtered-list.js';
import { DateScalar } from '../scalars.js';
import { open } from '../security/crypto.js';
import { placementOf } from './where.js';
import { filedUnder, mayAccess, uuidOrNone, type ScopeContext, type UnitArg } from '../access.js';

export const ReintegrationStatusEnum = builder.enumType('ReintegrationStatus', {
  description: 'ONGOING until closed with an outcome (final).',
  values: REINTEGRATION_STATUSES,
});
export const MentorKindEnum = builder.enumType('MentorKind', {
  description: 'Gia đình, tổ chức/đoàn thể, tổ bảo vệ ANTT, công an, khác.',
  values: MENTOR_KINDS,
});

/** Cases the viewer may read; with `unitCode`, only those filed under it. Area leaders: none (the policy does not name them). */
export const caseWhere = (ctx: ScopeContext, unit?: UnitArg): Prisma.ReintegrationCaseWhereInput =>
  filedUnder(ctx, 'REINTEGRATION_CASE', 'communeId', unit);

type CaseRow = Prisma.ReintegrationCaseGetPayload<object>;

/** Whether the viewer may see the personal fields of a case placed there. */
const mayReadPersonal = (ctx: ScopeContext, row: { communeId: string; placeCodes: string[] }) =>
  mayAccess(ctx, 'REINTEGRATION_CASE', 'READ_PERSONAL', placementOf(row));

const opened = new WeakMap<CaseRow, ReintegrationPerson>();
/** The person of a case, opened once per row; null unless the viewer may read personal data. */
function personOf(row: CaseRow, ctx: Context): ReintegrationPerson | null {
  if (!mayReadPersonal(ctx, row)) return null;
  let person = opened.get(row);
  if (!person) {
    person = JSON.parse(open(ctx.secrets.dataKey, row.personCiphertext, sealedContext.reintegrationPerson(row.id))) as ReintegrationPerson;
    opened.set(row, person);
  }
  return person;
}

/** Cases open on `asOf`, or with `status` on `asOf` (core's caseStatusOn, in SQL). */
export function caseStatusWhere(asOf: IsoDate, status?: ReintegrationStatus | null): Prisma.ReintegrationCaseWhereInput {
  const day = dateColumn(asOf);
  const returned = { returnedOn: { lte: day } };
  if (!status) return returned;
  if (status === 'ONGOING') return { ...returned, OR: [{ closedOn: null }, { closedOn: { gt: day } }] };
  return { ...returned, status, closedOn: { lte: day } };
}

builder.prismaObject('ReintegrationMentor', {
  description: 'A mentor assigned to a case. The name is personal data (it can identify the person helped).',
  fields: (t) => ({
    kind: t.field({ type: MentorKindEnum, resolve: (m) => m.kind }),
    name: t.string({
      nullable: true,
      select: { case: { select: { communeId: true, placeCodes: true } } },
      resolve: (m, _a, ctx) => (mayReadPersonal(ctx, m.case) ? m.name : null),
    }),
    assignedOn: t.field({ type: DateScalar, resolve: (m) => isoOf(m.assignedOn) }),
  }),
});

builder.prismaObject('ReintegrationNote', {
  description: 'A dated progress note. Its text is personal data.',
  fields: (t) => ({
    notedOn: t.field({ type: DateScalar, resolve: (n) => isoOf(n.notedOn) }),
    text: t.string({
      nullable: true,
      select: { case: { select: { communeId: true, placeCodes: true } } },
      resolve: (n, _a, ctx) =>
        mayReadPersonal(ctx, n.case) ? open(ctx.secrets.dataKey, n.bodyCiphertext, sealedContext.reintegrationNote(n.id)) : null,
    }),
    author: t.exposeString('author', { description: 'The officer who wrote it.' }),
  }),
});

const CaseNode = builder.prismaNode('ReintegrationCase', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNone(id), AND: [caseWhere(ctx)] }),
  description:
    'A re-integration case (cảm hóa, giáo dục người lầm lỗi; Decree 49/2020/NĐ-CP). The person, the offence, the mentors’ names and the notes are null unless you may read personal data (the responsible commune’s officers and the province’s).',
  authScopes: (c) => ({ allowedAt: ['REINTEGRATION_CASE', 'READ', placementOf(c)] as const }),
  fields: (t) => ({
    commune: t.field({
      type: AdminUnitRef,
      description: 'The commune responsible, seen on returnedOn.',
      resolve: async (c, _a, ctx) => ({ row: (await ctx.loaders.byId.load(c.communeId))!, asOf: isoOf(c.returnedOn) }),
    }),
    residentialAreaId: t.id({
      nullable: true,
      resolve: (c) => (c.residentialAreaId ? encodeGlobalID('ResidentialArea', c.residentialAreaId) : null),
    }),
    returnedOn: t.field({
      type: DateScalar,
      description: 'The day the person returned to the community.',
      resolve: (c) => isoOf(c.returnedOn),
    }),
    status: t.field({ type: ReintegrationStatusEnum, description: 'Now; see statusOn for a date.', resolve: (c) => c.status }),
    statusOn: t.field({
      type: ReintegrationStatusEnum,
      nullable: true,
      args: { asOf: t.arg({ type: DateScalar, required: true }) },
      description: 'The status on a date: null before the return.',
      resolve: (c, args) => caseStatusOn({ returnedOn: isoOf(c.returnedOn), status: c.status, closedOn: isoOf(c.closedOn) }, args.asOf),
    }),
    closedOn: t.field({ type: DateScalar, nullable: true, resolve: (c) => isoOf(c.closedOn) }),
    version: t.exposeInt('version', { description: 'Send it back with a change: a stale one is refused.' }),
    isDemo: t.boolean({ resolve: (c) => c.datasetId !== null }),
    fullName: t.string({ nullable: true, resolve: (c, _a, ctx) => personOf(c, ctx)?.fullName ?? null }),
    birthDate: t.field({ type: DateScalar, nullable: true, resolve: (c, _a, ctx) => personOf(c, ctx)?.birthDate ?? null }),
    citizenId: t.string({ nullable: true, resolve: (c, _a, ctx) => personOf(c, ctx)?.citizenId ?? null }),
    address: t.string({ nullable: true, resolve: (c, _a, ctx) => personOf(c, ctx)?.address ?? null }),
    offenceSummary: t.string({
      nullable: true,
      resolve: (c, _a, ctx) =>
        mayReadPersonal(ctx, c) ? open(ctx.secrets.dataKey, c.offenceCiphertext, sealedContext.reintegrationOffence(c.id)) : null,
    }),
    mentors: t.relation('mentors', { query: { orderBy: [{ assignedOn: 'asc' }, { id: 'asc' }] } }),
    notes: t.relation('notes', { query: { orderBy: [{ notedOn: 'asc' }, { createdAt: 'asc' }] } }),
  }),
});

const casesIn = (
  ctx: Context,
  args: { unitCode: string; asOf?: IsoDate | null; status?: ReintegrationStatus | null },
): Prisma.ReintegrationCaseWhereInput => ({
  AND: [caseWhere(ctx, { code: args.unitCode, date: args.asOf ?? ctx.today }), caseStatusWhere(args.asOf ?? ctx.today, args.status)],
});

builder.queryField('reintegrationCases', (t) =>
  t.prismaConnection({
    type: 'ReintegrationCase',
    description:
      'Re-integration cases filed under a unit, of people returned by asOf (default today), with status on asOf if given; within your jurisdiction; latest return first.',
    authScopes: { allowed: ['REINTEGRATION_CASE', 'READ'] as const },
    args: {
      unitCode: t.arg.string({ required: true }),
      asOf: t.arg({ type: DateScalar }),
      status: t.arg({ type: ReintegrationStatusEnum }),
    },
    ...filteredList((db) => db.reintegrationCase, casesIn, [{ returnedOn: 'desc' }, { id: 'asc' }]),
  }),
);

/** The ReintegrationCase type, for mutation payloads. */
export const ReintegrationCaseRef: { readonly name: string } = CaseNode;
