/**
 * Recognition in GraphQL: exemplars, commendations, key areas, people of influence (nodes
 * and lists by unit and date) and the partners of a model. Records are filed under
 * `placeCodes`; who reads them follows RECOGNITION READ and KEY_AREA READ, narrowed in SQL
 * (access.ts). Individuals' names are shown only to those who may read personal data
 * (RECOGNITION READ_PERSONAL) at the record's place, and so are their roles. A commendation
 * for a tip shows the tip, the reason and who was commended only to those who may read that
 * tip. The collective named (a security team, a residential area, an organization) is shown
 * only to those who may read it.
 */
import {
  AWARD_LEVELS,
  COLLECTIVE_KINDS,
  COMMENDATION_FORMS,
  EXEMPLAR_SUBJECT_KINDS,
  INFLUENCE_KINDS,
  KEY_AREA_CATEGORIES,
  RECIPIENT_KINDS,
  RELIGIONS,
  type IsoDate,
} from '@antq/core';
import type { Prisma } from '@antq/db';
import { filedUnder, mayAccess, uuidOrNone, type ScopeContext } from '../access.js';
import { areaWhere } from '../movement/jurisdiction.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { periodOutOfOrder } from '../errors.js';
import { dateColumn, isoOf } from '../hierarchy/rows.js';
import { filteredList } from '../filtered-list.js';
import { DateScalar } from '../scalars.js';
import { TipRef } from '../tips/schema.js';
import { mayReadTeam, SecurityTeamType } from '../movement/teams.js';
import { PartnerKindEnum } from '../partner-kind.js';

export const AwardLevelEnum = builder.enumType('AwardLevel', {
  description: 'The level of the authority: commune, district (until 2025-06-30), province, ministry, Prime Minister, State President.',
  values: AWARD_LEVELS,
});
export const ExemplarSubjectKindEnum = builder.enumType('ExemplarSubjectKind', { values: EXEMPLAR_SUBJECT_KINDS });
export const CollectiveKindEnum = builder.enumType('CollectiveKind', { values: COLLECTIVE_KINDS });
export const RecipientKindEnum = builder.enumType('RecipientKind', { values: RECIPIENT_KINDS });
export const CommendationFormEnum = builder.enumType('CommendationForm', {
  description:
    'LETTER_OF_COMMENDATION: Giấy khen; CERTIFICATE_OF_MERIT: Bằng khen; EMULATION_FLAG: Cờ thi đua; MEDAL: Huân chương, huy chương.',
  values: COMMENDATION_FORMS,
});
export const CommendedKindEnum = builder.enumType('CommendedKind', { values: ['MODEL', 'TIP', 'EXEMPLAR'] as const });
export const KeyAreaCategoryEnum = builder.enumType('KeyAreaCategory', { values: KEY_AREA_CATEGORIES });
export const InfluenceKindEnum = builder.enumType('InfluenceKind', {
  description: 'Chức sắc tôn giáo, người có uy tín.',
  values: INFLUENCE_KINDS,
});
export const ReligionEnum = builder.enumType('Religion', { values: RELIGIONS });
export { PartnerKindEnum };

/** A decision (quyết định): number, date, issuer. */
export const DecisionRef = builder.objectRef<{ number: string; date: IsoDate; issuer: string }>('Decision').implement({
  description: 'A decision (quyết định) of an authority.',
  fields: (t) => ({
    number: t.exposeString('number', { description: '1890/QĐ-UBND' }),
    date: t.field({ type: DateScalar, resolve: (d) => d.date }),
    issuer: t.exposeString('issuer', { description: 'Ủy ban nhân dân tỉnh Bình Phước' }),
  }),
});
export const decisionOf = (r: { decisionNumber: string | null; decisionDate: Date | null; decisionIssuer: string | null }) =>
  r.decisionNumber && r.decisionDate && r.decisionIssuer
    ? { number: r.decisionNumber, date: isoOf(r.decisionDate), issuer: r.decisionIssuer }
    : null;

/** A person's name, for those who may read personal data where the record is filed; null for others. */
const personal = (value: string | null, r: { unitId?: string; placeCodes: string[] }, ctx: ScopeContext) =>
  value !== null && mayAccess(ctx, 'RECOGNITION', 'READ_PERSONAL', { unitId: r.unitId, unitCodes: r.placeCodes }) ? value : null;

/*
 * The collective a record names is shown only to those who may read it: a security team (and
 * so its members' names) under TEAM_MEMBER READ where the team is filed (mayReadTeam); a
 * residential area or an organization under RESIDENTIAL_AREA READ where the record is filed
 * (mayReadPlace): a partner reading recognition with read:models alone sees neither. Null for
 * others, without an error; loaded with the record (`select`), so no statement per row.
 */
/** Whether the viewer may read the residential areas (and organizations) where a record is filed. */
const mayReadPlace = (r: { unitId: string; placeCodes: string[] }, ctx: ScopeContext) =>
  mayAccess(ctx, 'RESIDENTIAL_AREA', 'READ', { unitId: r.unitId, unitCodes: r.placeCodes });

/** What every filed record shows: where, and whether it is demo data. */
const filedFields = {
  unitCode: 'The unit (commune, district, province) where it was decided or filed.',
} as const;

export const ExemplarRef = builder.prismaNode('Exemplar', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNone(id), AND: [filedUnder(ctx, 'RECOGNITION', 'unitId')] }),
  authScopes: (e) => ({ allowedAt: ['RECOGNITION', 'READ', { unitId: e.unitId, unitCodes: e.placeCodes }] as const }),
  description:
    'An exemplar (điển hình tiên tiến): a model, a collective or an individual recognised for a period at a level, by a decision.',
  fields: (t) => ({
    subjectKind: t.field({ type: ExemplarSubjectKindEnum, resolve: (e) => e.subjectKind }),
    model: t.relation('model', { nullable: true, description: 'MODEL: the model.' }),
    collectiveKind: t.field({ type: CollectiveKindEnum, nullable: true, resolve: (e) => e.collectiveKind }),
    personName: t.string({
      nullable: true,
      description: 'INDIVIDUAL: the name; null unless you may see personal data.',
      resolve: (e, _a, ctx) => personal(e.personName, e, ctx),
    }),
    personRole: t.string({
      nullable: true,
      description: 'INDIVIDUAL: their role (Tổ trưởng…); null unless you may see personal data (with the name, it says who).',
      resolve: (e, _a, ctx) => personal(e.personRole, e, ctx),
    }),
    level: t.field({ type: AwardLevelEnum, resolve: (e) => e.level }),
    periodFrom: t.field({ type: DateScalar, resolve: (e) => isoOf(e.periodFrom) }),
    periodTo: t.field({ type: DateScalar, resolve: (e) => isoOf(e.periodTo) }),
    decision: t.field({ type: DecisionRef, resolve: (e) => decisionOf(e)! }),
    unitCode: t.exposeString('unitCode', { description: filedFields.unitCode }),
    isDemo: t.boolean({ resolve: (e) => e.datasetId !== null }),
    version: t.exposeInt('version'),
  }),
});

/** Whether the viewer may read the tip a commendation was given for. */
const mayReadTip = (c: { tip: { communeId: string; placeCodes: string[] } | null }, ctx: ScopeContext) =>
  c.tip !== null && mayAccess(ctx, 'TIP', 'READ', { unitId: c.tip.communeId, unitCodes: c.tip.placeCodes });

/**
 * The name or role of the individual commended, as personal data; for a tip also only for those
 * who may read the tip: the one commended for it is likely its informant.
 */
const whoWasCommended = (
  value: string | null,
  c: { forKind: string | null; unitId: string; placeCodes: string[]; tip: { communeId: string; placeCodes: string[] } | null },
  ctx: ScopeContext,
) => (c.forKind === 'TIP' && !mayReadTip(c, ctx) ? null : personal(value, c, ctx));

export const CommendationRef = builder.prismaNode('Commendation', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNone(id), AND: [filedUnder(ctx, 'RECOGNITION', 'unitId')] }),
  authScopes: (c) => ({ allowedAt: ['RECOGNITION', 'READ', { unitId: c.unitId, unitCodes: c.placeCodes }] as const }),
  description:
    'A commendation (khen thưởng) to a collective or an individual: its form, the level of the authority, the decision, the reason, and what it was for. ' +
    'A commendation for a tip shows the tip, and its reason, only to those who may read that tip: it says only that it was for a tip.',
  fields: (t) => ({
    recipientKind: t.field({ type: RecipientKindEnum, resolve: (c) => c.recipientKind }),
    collectiveKind: t.field({ type: CollectiveKindEnum, nullable: true, resolve: (c) => c.collectiveKind }),
    personName: t.string({
      nullable: true,
      description: 'INDIVIDUAL: the name; null unless you may see personal data and, for a tip, read the tip.',
      select: { tip: { select: { communeId: true, placeCodes: true } } },
      resolve: (c, _a, ctx) => whoWasCommended(c.personName, c, ctx),
    }),
    personRole: t.string({
      nullable: true,
      description: 'INDIVIDUAL: their role; null as the name is.',
      select: { tip: { select: { communeId: true, placeCodes: true } } },
      resolve: (c, _a, ctx) => whoWasCommended(c.personRole, c, ctx),
    }),
    form: t.field({ type: CommendationFormEnum, resolve: (c) => c.form }),
    level: t.field({ type: AwardLevelEnum, resolve: (c) => c.level }),
    decision: t.field({ type: DecisionRef, resolve: (c) => decisionOf(c)! }),
    reason: t.string({
      nullable: true,
      description: 'Why; null for a commendation for a tip unless you may read the tip.',
      select: { tip: { select: { communeId: true, placeCodes: true } } },
      resolve: (c, _a, ctx) => (c.forKind === 'TIP' && !mayReadTip(c, ctx) ? null : c.reason),
    }),
    forKind: t.field({
      type: CommendedKindEnum,
      nullable: true,
      description: 'What it was for, when recorded.',
      resolve: (c) => c.forKind,
    }),
    model: t.relation('model', { nullable: true }),
    exemplar: t.relation('exemplar', { nullable: true }),
    tip: t.field({
      type: TipRef,
      nullable: true,
      description: 'The tip, for those who may read it (null for others, without an error: nothing more is said of it).',
      select: { tip: true },
      resolve: (c, _a, ctx) => (c.tip && mayReadTip(c, ctx) ? c.tip : null),
    }),
    unitCode: t.exposeString('unitCode', { description: filedFields.unitCode }),
    isDemo: t.boolean({ resolve: (c) => c.datasetId !== null }),
    version: t.exposeInt('version'),
  }),
});

/** The collective an exemplar or a commendation names, for those who may read it (null for others). */
function collectiveFields(model: 'Exemplar' | 'Commendation') {
  const placeScoped = {
    nullable: true,
    authScopes: (r: { unitId: string; placeCodes: string[] }, _a: unknown, ctx: Context) => mayReadPlace(r, ctx),
    unauthorizedResolver: () => null,
  } as const;
  builder.prismaObjectFields(model, (t) => ({
    // Loaded with the record (plugin-prisma selects the relation); null for those who may not read it.
    residentialArea: t.relation('residentialArea', {
      ...placeScoped,
      description: 'COLLECTIVE: the residential area; null unless you may read residential areas here.',
    }),
    organization: t.relation('organization', {
      ...placeScoped,
      description: 'COLLECTIVE: the organization; null unless you may read residential areas (and so organizations) here.',
    }),
    securityTeam: t.field({
      type: SecurityTeamType,
      nullable: true,
      description: 'COLLECTIVE: the security team; null unless you may read the team (its members).',
      select: (_a, _c, nested) => ({ securityTeam: nested(true) }),
      resolve: (r, _a, ctx) => (r.securityTeam && mayReadTeam(ctx, r.securityTeam) ? r.securityTeam : null),
    }),
  }));
}
collectiveFields('Exemplar');
collectiveFields('Commendation');

export const KeyAreaRef = builder.prismaNode('KeyArea', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNone(id), AND: [filedUnder(ctx, 'KEY_AREA', 'unitId', undefined, null)] }),
  authScopes: (k) => ({ allowedAt: ['KEY_AREA', 'READ', { unitId: k.unitId, unitCodes: k.placeCodes }] as const }),
  description: 'A key area (địa bàn trọng điểm): an administrative unit flagged for priority for a period, with a category and a reason.',
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    category: t.field({ type: KeyAreaCategoryEnum, resolve: (k) => k.category }),
    reason: t.exposeString('reason'),
    validFrom: t.field({ type: DateScalar, resolve: (k) => isoOf(k.validFrom) }),
    validTo: t.field({
      type: DateScalar,
      nullable: true,
      description: 'Last day; null: until further notice.',
      resolve: (k) => isoOf(k.validTo),
    }),
    decision: t.field({ type: DecisionRef, nullable: true, resolve: (k) => decisionOf(k) }),
    isDemo: t.boolean({ resolve: (k) => k.datasetId !== null }),
    version: t.exposeInt('version'),
  }),
});

export const InfluentialPersonRef = builder.prismaNode('InfluentialPerson', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNone(id), residentialArea: areaWhere(ctx, undefined, 'RECOGNITION') }),
  authScopes: (p) => ({ allowedAt: ['RECOGNITION', 'READ', { unitCodes: p.placeCodes, areaId: p.residentialAreaId }] as const }),
  description:
    'A person of influence engaged in a residential area: a religious dignitary (chức sắc) or a reputable person (người có uy tín).',
  fields: (t) => ({
    kind: t.field({ type: InfluenceKindEnum, resolve: (p) => p.kind }),
    fullName: t.string({
      nullable: true,
      description: 'Null unless you may see personal data.',
      resolve: (p, _a, ctx) => personal(p.fullName, p, ctx),
    }),
    role: t.exposeString('role', { description: 'Linh mục quản xứ, Già làng…' }),
    religion: t.field({ type: ReligionEnum, nullable: true, resolve: (p) => p.religion }),
    residentialArea: t.relation('residentialArea'),
    validFrom: t.field({ type: DateScalar, resolve: (p) => isoOf(p.validFrom) }),
    validTo: t.field({ type: DateScalar, nullable: true, resolve: (p) => isoOf(p.validTo) }),
    version: t.exposeInt('version'),
  }),
});

builder.prismaObject('ModelPartner', {
  description: 'A partner organisation taking part in a model (MTTQ, Youth Union, an army unit…) for a period.',
  fields: (t) => ({
    partnerKind: t.field({ type: PartnerKindEnum, resolve: (p) => p.partnerKind }),
    name: t.exposeString('name'),
    validFrom: t.field({ type: DateScalar, resolve: (p) => isoOf(p.validFrom) }),
    validTo: t.field({ type: DateScalar, nullable: true, resolve: (p) => isoOf(p.validTo) }),
  }),
});

builder.prismaObjectFields('Model', (t) => ({
  partners: t.relation('partners', {
    description: 'Partner organisations taking part in it, past and present.',
    query: { orderBy: [{ validFrom: 'asc' }, { id: 'asc' }] },
  }),
}));

// ─── Lists by unit and date ─────────────────────────────────────────────────────────

function period(args: { from: IsoDate; to: IsoDate }) {
  if (args.from > args.to) throw periodOutOfOrder(args.from, args.to);
  return { gte: dateColumn(args.from), lte: dateColumn(args.to) };
}
const holdsOn = (day: IsoDate) => ({ validFrom: { lte: dateColumn(day) }, OR: [{ validTo: null }, { validTo: { gte: dateColumn(day) } }] });

/** The arguments of a list of decisions filed under a unit in a period. */
const unitPeriodArgs = builder.args((t) => ({
  unitCode: t.string({ required: true }),
  from: t.field({ type: DateScalar, required: true }),
  to: t.field({ type: DateScalar, required: true }),
}));

builder.queryFields((t) => ({
  exemplars: t.prismaConnection({
    type: 'Exemplar',
    description:
      'Exemplars recognised (decision dated) from `from` to `to`, filed under a unit, within your jurisdiction, by decision date.',
    authScopes: { allowed: ['RECOGNITION', 'READ'] as const },
    args: unitPeriodArgs,
    ...filteredList((db) => db.exemplar, exemplarWhere, [{ decisionDate: 'asc' }, { id: 'asc' }]),
  }),
  commendations: t.prismaConnection({
    type: 'Commendation',
    description: 'Commendations decided from `from` to `to`, filed under a unit, within your jurisdiction, by decision date.',
    authScopes: { allowed: ['RECOGNITION', 'READ'] as const },
    args: unitPeriodArgs,
    ...filteredList((db) => db.commendation, commendationWhere, [{ decisionDate: 'asc' }, { id: 'asc' }]),
  }),
  keyAreas: t.prismaConnection({
    type: 'KeyArea',
    description:
      'Key areas in force on asOf (default today) filed under a unit (the unit itself or below it), within your jurisdiction, by unit code.',
    authScopes: { allowed: ['KEY_AREA', 'READ'] as const },
    args: { unitCode: t.arg.string({ required: true }), asOf: t.arg({ type: DateScalar }) },
    ...filteredList((db) => db.keyArea, keyAreaWhere, [{ unitCode: 'asc' }, { id: 'asc' }]),
  }),
  influentialPeople: t.prismaConnection({
    type: 'InfluentialPerson',
    description: 'People of influence engaged on asOf (default today) in residential areas under a unit, within your jurisdiction.',
    authScopes: { allowed: ['RECOGNITION', 'READ'] as const },
    args: { unitCode: t.arg.string({ required: true }), asOf: t.arg({ type: DateScalar }), kind: t.arg({ type: InfluenceKindEnum }) },
    ...filteredList((db) => db.influentialPerson, influenceWhere, { id: 'asc' }),
  }),
}));

type Dated = { unitCode: string; from: IsoDate; to: IsoDate };
// A period's records are read under the unit its code names on the period's last day.
function exemplarWhere(ctx: Context, args: Dated): Prisma.ExemplarWhereInput {
  return { AND: [{ decisionDate: period(args) }, filedUnder(ctx, 'RECOGNITION', 'unitId', { code: args.unitCode, date: args.to })] };
}
function commendationWhere(ctx: Context, args: Dated): Prisma.CommendationWhereInput {
  return { AND: [{ decisionDate: period(args) }, filedUnder(ctx, 'RECOGNITION', 'unitId', { code: args.unitCode, date: args.to })] };
}
function keyAreaWhere(ctx: Context, args: { unitCode: string; asOf?: IsoDate | null }): Prisma.KeyAreaWhereInput {
  const date = args.asOf ?? ctx.today;
  return { AND: [filedUnder(ctx, 'KEY_AREA', 'unitId', { code: args.unitCode, date }, null), holdsOn(date)] };
}
function influenceWhere(
  ctx: Context,
  args: { unitCode: string; asOf?: IsoDate | null; kind?: (typeof INFLUENCE_KINDS)[number] | null },
): Prisma.InfluentialPersonWhereInput {
  return {
    AND: [
      { residentialArea: areaWhere(ctx, { code: args.unitCode, date: args.asOf ?? ctx.today }, 'RECOGNITION') },
      holdsOn(args.asOf ?? ctx.today),
      ...(args.kind ? [{ kind: args.kind }] : []),
    ],
  };
}
