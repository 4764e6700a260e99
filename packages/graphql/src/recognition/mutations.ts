/**
 * Recording recognition, through the mutation pipeline (RECOGNITION or KEY_AREA WRITE where
 * the record is filed): recognise an exemplar, record a commendation, flag a key area,
 * engage a person of influence, add a partner to a model. Input validated with core's
 * schemas and rules; the subject must lie within the viewer's jurisdiction (else
 * NOT_FOUND). No message, audit entry or log line carries a person's name.
 */
import {
  checkCommendation,
  checkExemplarLevel,
  commendationInput,
  exemplarInput,
  influentialPersonInput,
  keyAreaInput,
  modelPartnerInput,
  type AwardFailure,
  type ExemplarSubject,
  type IsoDate,
  type Label,
} from '@antq/core';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { userErrors, type FieldProblem, refuseInvalid } from '../errors.js';
import { dateColumn } from '../hierarchy/rows.js';
import { decisionColumns, decodeId, notInFuture, parseInput, stripNulls } from '../mutations.js';
import { defineMutation, type Target } from '../mutation/define.js';
import { unitAndAbove } from '../hierarchy/place.js';
import { DateScalar } from '../scalars.js';
import { modelWhere, areaWhere, organizationWhere } from '../movement/jurisdiction.js';
import { teamWhere } from '../movement/teams.js';
import { placementHolds } from '../movement/area-mutations.js';
import {
  CommendationRef,
  ExemplarRef,
  InfluentialPersonRef,
  KeyAreaRef,
  AwardLevelEnum,
  CollectiveKindEnum,
  CommendationFormEnum,
  ExemplarSubjectKindEnum,
  InfluenceKindEnum,
  KeyAreaCategoryEnum,
  PartnerKindEnum,
  RecipientKindEnum,
  ReligionEnum,
} from './schema.js';

const SUBJECT: Label = { vi: 'đối tượng', en: 'subject' };
const AREA: Label = { vi: 'khu dân cư', en: 'residential area' };
const MODEL: Label = { vi: 'mô hình', en: 'model' };
const DECISION_RENAMES = { 'decision.date': 'decisionDate', 'decision.number': 'decisionNumber', 'decision.issuer': 'decisionIssuer' };

/** The codes a record about a place is filed under: every placement's codes (old era and today's). */
const codesOf = (placements: ReadonlyArray<{ placeCodes: string[] }>) => [...new Set(placements.flatMap((p) => p.placeCodes))];
const placementCodes = { placements: { select: { placeCodes: true } } } as const;

type SubjectKind = 'MODEL' | 'ORGANIZATION' | 'RESIDENTIAL_AREA' | 'SECURITY_TEAM';

/** Where a subject within the viewer's jurisdiction is filed; null when it is missing or outside it (nothing hints it exists). */
async function placeOfSubject(ctx: Context, kind: SubjectKind, id: string): Promise<string[] | null> {
  const prisma = ctx.db.prisma;
  switch (kind) {
    case 'MODEL': {
      const m = await prisma.model.findFirst({
        where: { id, AND: [modelWhere(ctx)] },
        select: { residentialArea: { select: placementCodes }, organization: { select: placementCodes } },
      });
      return m ? codesOf([...(m.residentialArea?.placements ?? []), ...(m.organization?.placements ?? [])]) : null;
    }
    case 'RESIDENTIAL_AREA': {
      const a = await prisma.residentialArea.findFirst({ where: { id, AND: [areaWhere(ctx)] }, select: placementCodes });
      return a ? codesOf(a.placements) : null;
    }
    case 'ORGANIZATION': {
      const o = await prisma.organization.findFirst({ where: { id, AND: [organizationWhere(ctx)] }, select: placementCodes });
      return o ? codesOf(o.placements) : null;
    }
    case 'SECURITY_TEAM': {
      const t = await prisma.securityTeam.findFirst({ where: { id, AND: [teamWhere(ctx)] }, select: { placeCodes: true } });
      return t ? t.placeCodes : null;
    }
  }
}

const GLOBAL_TYPE = {
  MODEL: 'Model',
  ORGANIZATION: 'Organization',
  RESIDENTIAL_AREA: 'ResidentialArea',
  SECURITY_TEAM: 'SecurityTeam',
} as const;

/** A new record filed under `placeCodes`, as the pipeline's target: the viewer must have the permission there. */
const filedAt = <R>(row: R, placeCodes: string[]): Target<R> => ({ row, placeCodes, actsAt: { unitCodes: placeCodes } });

/** The unit a record is decided in, on the decision date, with the codes above it; a ValidationError on unitCode if none held then. */
async function unitOn(ctx: Context, code: string, date: IsoDate) {
  const found = await unitAndAbove(ctx, code, date);
  if (!found) throw userErrors.invalid([{ path: ['unitCode'], message: `no administrative unit has this code on ${date}` }]);
  return found;
}

/** The level of an award, judged by core, as field problems. */
const levelProblems = (failures: readonly AwardFailure[], what: string): FieldProblem[] =>
  failures.map((f) =>
    f.code === 'COLLECTIVE_ONLY'
      ? { path: ['recipientKind'], message: 'an emulation flag is given to collectives only' }
      : f.code === 'NO_DISTRICTS_IN_ERA'
        ? { path: ['level'], message: 'there are no districts from 2025-07-01' }
        : { path: ['level'], message: `${what} at ${'allowed' in f ? f.allowed.join(', ') : ''} level` },
  );

const DECISION_FIELDS = (t: PothosInput) => ({
  decisionNumber: t.string({ required: true, description: '1890/QĐ-UBND' }),
  decisionDate: t.field({ type: DateScalar, required: true, description: 'Not in the future.' }),
  decisionIssuer: t.string({ required: true, description: 'Ủy ban nhân dân tỉnh Bình Phước' }),
});
type PothosInput = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

// ─── recognizeExemplar ──────────────────────────────────────────────────────────────

const RecognizeExemplarInput = builder.inputType('RecognizeExemplarInput', {
  fields: (t) => ({
    subjectKind: t.field({ type: ExemplarSubjectKindEnum, required: true }),
    modelId: t.id({ description: 'MODEL: the model.' }),
    collectiveKind: t.field({ type: CollectiveKindEnum, description: 'COLLECTIVE: what it is.' }),
    collectiveId: t.id({ description: 'COLLECTIVE: the residential area, organization or security team.' }),
    fullName: t.string({ description: 'INDIVIDUAL: the name (personal data).' }),
    role: t.string({ description: 'INDIVIDUAL: their role (Tổ trưởng tổ bảo vệ an ninh, trật tự…).' }),
    level: t.field({
      type: AwardLevelEnum,
      required: true,
      description: 'COMMUNE, DISTRICT (decisions before 2025-07-01), PROVINCE or MINISTRY.',
    }),
    periodFrom: t.field({ type: DateScalar, required: true }),
    periodTo: t.field({ type: DateScalar, required: true }),
    ...DECISION_FIELDS(t),
    unitCode: t.string({
      required: true,
      description: 'The unit where it is recognised, on the decision date; the subject must lie in it.',
    }),
  }),
});

/** The subject of an exemplar or commendation as core describes it, from the flat input (a collective's ID decoded by its kind). */
function subjectOf(input: {
  subjectKind?: string;
  modelId?: string | null;
  collectiveKind?: string | null;
  collectiveId?: string | number | null;
  fullName?: string | null;
  role?: string | null;
}) {
  const kind = input.subjectKind;
  if (kind === 'MODEL') return { kind, modelId: input.modelId ?? '' };
  if (kind === 'COLLECTIVE') {
    const ck = input.collectiveKind as keyof typeof GLOBAL_TYPE | null | undefined;
    const id = input.collectiveId == null || !ck ? '' : decodeId(input.collectiveId, GLOBAL_TYPE[ck]);
    if (id === null) throw userErrors.notFound(SUBJECT);
    return { kind, collectiveKind: ck, collectiveId: id };
  }
  return stripNulls({ kind, fullName: input.fullName, role: input.role });
}

/**
 * Where a record about `subject`, decided in unit `code` on `date`, is filed: the subject's
 * places (the unit's, for a person), which must include the unit.
 */
async function decidedFor(ctx: Context, subject: ExemplarSubject, code: string, date: IsoDate) {
  const { unit, codes } = await unitOn(ctx, code, date);
  if (subject.kind === 'INDIVIDUAL') return { unit, placeCodes: codes };
  const placeCodes =
    subject.kind === 'MODEL'
      ? await placeOfSubject(ctx, 'MODEL', subject.modelId)
      : await placeOfSubject(ctx, subject.collectiveKind, subject.collectiveId);
  if (!placeCodes) throw userErrors.notFound(SUBJECT);
  if (!placeCodes.includes(unit.code)) throw userErrors.invalid([{ path: ['unitCode'], message: 'the subject does not lie in this unit' }]);
  return { unit, placeCodes };
}

/** The columns naming an exemplar's subject or a commendation's recipient. */
const subjectColumns = (s: ExemplarSubject) => {
  const collective = s.kind === 'COLLECTIVE' ? s : null;
  const person = s.kind === 'INDIVIDUAL' ? s : null;
  return {
    collectiveKind: collective?.collectiveKind ?? null,
    organizationId: collective?.collectiveKind === 'ORGANIZATION' ? collective.collectiveId : null,
    residentialAreaId: collective?.collectiveKind === 'RESIDENTIAL_AREA' ? collective.collectiveId : null,
    securityTeamId: collective?.collectiveKind === 'SECURITY_TEAM' ? collective.collectiveId : null,
    personName: person?.fullName ?? null,
    personRole: person?.role ?? null,
  };
};

/** A decision's columns, with the unit it was decided in and where the record is filed. */
const decidedColumns = (
  d: { number: string; date: string; issuer: string },
  { unit, placeCodes }: { unit: { id: string; code: string }; placeCodes: string[] },
) => ({ ...decisionColumns(d), unitId: unit.id, unitCode: unit.code, placeCodes });

/** Core's paths of a subject (or recipient) renamed to the flat input's fields. */
const subjectRenames = (at: 'subject' | 'recipient') =>
  Object.fromEntries(['modelId', 'collectiveId', 'collectiveKind', 'fullName', 'role'].map((f) => [`${at}.${f}`, f]));

/** The input as core's exemplar (the model's ID decoded), parsed. */
const exemplarOf = (input: typeof RecognizeExemplarInput.$inferInput, modelId: string | null) =>
  parseInput(
    exemplarInput,
    {
      subject: subjectOf({ ...input, modelId }),
      level: input.level,
      period: { from: input.periodFrom, to: input.periodTo },
      decision: { number: input.decisionNumber, date: input.decisionDate, issuer: input.decisionIssuer },
      unitCode: input.unitCode.trim(),
    },
    { ...DECISION_RENAMES, ...subjectRenames('subject'), period: 'periodFrom' },
  );

defineMutation('recognizeExemplar', {
  description:
    'Recognise a model, a collective or an individual as an exemplar (điển hình tiên tiến) for a period and level, by a decision.',
  input: RecognizeExemplarInput,
  result: ExemplarRef,
  permission: ['RECOGNITION', 'WRITE'],
  entity: 'Exemplar',
  ids: { modelId: 'Model' },
  notFound: SUBJECT,
  load: async (ctx, input, { modelId }) => {
    const e = exemplarOf(input, modelId);
    const date = e.decision.date as IsoDate;
    refuseInvalid([
      ...notInFuture(ctx.today, { decisionDate: date }),
      ...levelProblems(checkExemplarLevel(e.level, date).failures, 'exemplars are recognised'),
    ]);
    const filed = await decidedFor(ctx, e.subject, e.unitCode, date);
    return filedAt({ e, filed }, filed.placeCodes);
  },
  write: (tx, _input, { e, filed }) =>
    tx.exemplar.create({
      data: {
        subjectKind: e.subject.kind,
        modelId: e.subject.kind === 'MODEL' ? e.subject.modelId : null,
        ...subjectColumns(e.subject),
        level: e.level,
        periodFrom: dateColumn(e.period.from as IsoDate),
        periodTo: dateColumn(e.period.to as IsoDate),
        ...decidedColumns(e.decision, filed),
      },
    }),
});

// ─── recordCommendation ─────────────────────────────────────────────────────────────

const RecordCommendationInput = builder.inputType('RecordCommendationInput', {
  fields: (t) => ({
    recipientKind: t.field({ type: RecipientKindEnum, required: true }),
    collectiveKind: t.field({ type: CollectiveKindEnum, description: 'COLLECTIVE: what it is.' }),
    collectiveId: t.id({ description: 'COLLECTIVE: the residential area, organization or security team.' }),
    fullName: t.string({ description: 'INDIVIDUAL: the name (personal data).' }),
    role: t.string({ description: 'INDIVIDUAL: their role.' }),
    form: t.field({ type: CommendationFormEnum, required: true }),
    level: t.field({
      type: AwardLevelEnum,
      required: true,
      description: 'The level of the authority giving it: it must be one that may give the form (Law 06/2022/QH15).',
    }),
    ...DECISION_FIELDS(t),
    reason: t.string({ required: true }),
    forModelId: t.id({ description: 'What it was for: a model…' }),
    forTipId: t.id({ description: '…a tip you may read (its content is never shown through the commendation)…' }),
    forExemplarId: t.id({ description: '…or an exemplar. At most one.' }),
    unitCode: t.string({
      required: true,
      description: 'The unit where it is decided, on the decision date; the recipient must lie in it.',
    }),
  }),
});

const COMMENDED: Label = { vi: 'điều được khen thưởng', en: 'thing commended' };

/** What a commendation was for, when given: at most one, and something the viewer may read (a tip: TIP READ where it is filed). */
async function commendedFor(
  ctx: Context,
  input: { forModelId?: string | number | null; forTipId?: string | number | null; forExemplarId?: string | number | null },
) {
  const given = (['forModelId', 'forTipId', 'forExemplarId'] as const).filter((k) => input[k] != null);
  if (given.length > 1)
    throw userErrors.invalid([{ path: ['forModelId'], message: 'a commendation is for at most one of a model, a tip, an exemplar' }]);
  const id = (field: 'forModelId' | 'forTipId' | 'forExemplarId', type: string) => {
    const decoded = decodeId(input[field]!, type);
    if (!decoded) throw userErrors.notFound(COMMENDED);
    return decoded;
  };
  const f =
    given[0] === 'forModelId'
      ? { kind: 'MODEL' as const, modelId: id('forModelId', 'Model') }
      : given[0] === 'forTipId'
        ? { kind: 'TIP' as const, tipId: id('forTipId', 'Tip') }
        : given[0] === 'forExemplarId'
          ? { kind: 'EXEMPLAR' as const, exemplarId: id('forExemplarId', 'Exemplar') }
          : undefined;
  if (!f) return { link: undefined, seen: [] };
  if (f.kind === 'MODEL') {
    if (!(await placeOfSubject(ctx, 'MODEL', f.modelId))) throw userErrors.notFound(COMMENDED);
    return { link: f, seen: [] };
  }
  const filed =
    f.kind === 'TIP'
      ? await ctx.db.prisma.tip.findUnique({ where: { id: f.tipId }, select: { placeCodes: true } })
      : await ctx.db.prisma.exemplar.findUnique({ where: { id: f.exemplarId }, select: { placeCodes: true } });
  if (!filed) throw userErrors.notFound(COMMENDED);
  const resource = f.kind === 'TIP' ? ('TIP' as const) : ('RECOGNITION' as const);
  return { link: f, seen: [{ resource, at: { unitCodes: filed.placeCodes }, notFound: COMMENDED }] };
}

/** The input as core's commendation (what it was for, already decoded), parsed. */
const commendationOf = (input: typeof RecordCommendationInput.$inferInput, link: Awaited<ReturnType<typeof commendedFor>>['link']) =>
  parseInput(
    commendationInput,
    {
      recipient: subjectOf({ ...input, subjectKind: input.recipientKind }),
      form: input.form,
      level: input.level,
      decision: { number: input.decisionNumber, date: input.decisionDate, issuer: input.decisionIssuer },
      reason: input.reason,
      ...(link ? { for: link } : {}),
      unitCode: input.unitCode.trim(),
    },
    { ...DECISION_RENAMES, ...subjectRenames('recipient') },
  );

defineMutation('recordCommendation', {
  description:
    'Record a commendation (khen thưởng: Giấy khen, Bằng khen, Cờ thi đua…) to a collective or an individual, by a decision, with a reason and what it was for.',
  input: RecordCommendationInput,
  result: CommendationRef,
  permission: ['RECOGNITION', 'WRITE'],
  entity: 'Commendation',
  notFound: COMMENDED,
  load: async (ctx, input) => {
    const { link, seen } = await commendedFor(ctx, input);
    const c = commendationOf(input, link);
    const date = c.decision.date as IsoDate;
    refuseInvalid([
      ...notInFuture(ctx.today, { decisionDate: date }),
      ...levelProblems(checkCommendation(c.form, c.level, c.recipient.kind, date).failures, 'this form is given'),
    ]);
    const filed = await decidedFor(ctx, c.recipient, c.unitCode, date);
    return { ...filedAt({ c, filed }, filed.placeCodes), alsoSeen: seen };
  },
  write: (tx, _input, { c, filed }) =>
    tx.commendation.create({
      data: {
        recipientKind: c.recipient.kind,
        ...subjectColumns(c.recipient),
        form: c.form,
        level: c.level,
        reason: c.reason,
        forKind: c.for?.kind ?? null,
        modelId: c.for?.kind === 'MODEL' ? c.for.modelId : null,
        tipId: c.for?.kind === 'TIP' ? c.for.tipId : null,
        exemplarId: c.for?.kind === 'EXEMPLAR' ? c.for.exemplarId : null,
        ...decidedColumns(c.decision, filed),
      },
    }),
});

// ─── flagKeyArea ────────────────────────────────────────────────────────────────────

const FlagKeyAreaInput = builder.inputType('FlagKeyAreaInput', {
  fields: (t) => ({
    unitCode: t.string({ required: true, description: 'A commune, district or province valid on validFrom.' }),
    category: t.field({ type: KeyAreaCategoryEnum, required: true }),
    reason: t.string({ required: true }),
    validFrom: t.field({ type: DateScalar, required: true }),
    validTo: t.field({ type: DateScalar, description: 'Last day; none: until further notice.' }),
    decisionNumber: t.string(),
    decisionDate: t.field({ type: DateScalar }),
    decisionIssuer: t.string({ description: 'With a decision, all three of its fields.' }),
  }),
});

/** The input as core's key area, parsed: a decision, when given, has all three of its fields. */
function keyAreaOf(input: typeof FlagKeyAreaInput.$inferInput) {
  const d = [input.decisionNumber, input.decisionDate, input.decisionIssuer];
  if (d.some((x) => x != null) && !d.every((x) => x != null))
    throw userErrors.invalid([{ path: ['decisionNumber'], message: 'a decision has a number, a date and an issuer' }]);
  return parseInput(
    keyAreaInput,
    {
      unitCode: input.unitCode.trim(),
      category: input.category,
      reason: input.reason,
      from: input.validFrom,
      to: input.validTo ?? null,
      ...(input.decisionNumber != null
        ? { decision: { number: input.decisionNumber, date: input.decisionDate, issuer: input.decisionIssuer } }
        : {}),
    },
    { ...DECISION_RENAMES, from: 'validFrom', to: 'validTo' },
  );
}

defineMutation('flagKeyArea', {
  description:
    'Flag an administrative unit as a key area (địa bàn trọng điểm) for a period, with a category and a reason. Provincial and national officers.',
  input: FlagKeyAreaInput,
  result: KeyAreaRef,
  permission: ['KEY_AREA', 'WRITE'],
  entity: 'KeyArea',
  notFound: { vi: 'đơn vị hành chính', en: 'administrative unit' },
  load: async (ctx, input) => {
    const k = keyAreaOf(input);
    refuseInvalid(notInFuture(ctx.today, { decisionDate: k.decision?.date }));
    const { unit, codes } = await unitOn(ctx, k.unitCode, k.from as IsoDate);
    return filedAt({ k, unit, codes }, codes);
  },
  write: (tx, _input, { k, unit, codes }) =>
    tx.keyArea.create({
      data: {
        unitId: unit.id,
        unitCode: unit.code,
        placeCodes: codes,
        category: k.category,
        reason: k.reason,
        validFrom: dateColumn(k.from as IsoDate),
        validTo: k.to ? dateColumn(k.to as IsoDate) : null,
        ...decisionColumns(k.decision),
      },
    }),
});

// ─── engageInfluentialPerson ────────────────────────────────────────────────────────

const EngageInput = builder.inputType('EngageInfluentialPersonInput', {
  fields: (t) => ({
    kind: t.field({ type: InfluenceKindEnum, required: true }),
    fullName: t.string({ required: true, description: 'Personal data.' }),
    role: t.string({ required: true, description: 'Linh mục quản xứ, Già làng…' }),
    religion: t.field({ type: ReligionEnum, description: 'A religious dignitary’s religion (and only theirs).' }),
    residentialAreaId: t.id({ required: true }),
    validFrom: t.field({ type: DateScalar, required: true, description: 'Not in the future.' }),
    validTo: t.field({ type: DateScalar }),
  }),
});

/** The input as core's person of influence (the area's ID decoded), parsed. */
const influentialPersonOf = (input: typeof EngageInput.$inferInput, residentialAreaId: string) =>
  parseInput(
    influentialPersonInput,
    stripNulls({
      kind: input.kind,
      person: { fullName: input.fullName, role: input.role },
      religion: input.religion,
      residentialAreaId,
      from: input.validFrom,
      to: input.validTo,
    }),
    { 'person.fullName': 'fullName', 'person.role': 'role', from: 'validFrom', to: 'validTo' },
  );

defineMutation('engageInfluentialPerson', {
  description:
    'Record a religious dignitary (chức sắc) or a reputable person (người có uy tín) engaged in the movement in a residential area.',
  input: EngageInput,
  result: InfluentialPersonRef,
  permission: ['RECOGNITION', 'WRITE'],
  entity: 'InfluentialPerson',
  ids: { residentialAreaId: 'ResidentialArea' },
  notFound: AREA,
  load: async (ctx, input, { residentialAreaId }) => {
    const p = influentialPersonOf(input, residentialAreaId);
    refuseInvalid(notInFuture(ctx.today, { validFrom: p.from }));
    const area = await ctx.db.prisma.residentialArea.findFirst({
      where: { id: residentialAreaId, AND: [areaWhere(ctx)] },
      select: { placements: { orderBy: { validFrom: 'desc' } } },
    });
    if (!area) throw userErrors.notFound(AREA);
    const commune = area.placements.find((x) => placementHolds(x, p.from as IsoDate)) ?? area.placements[0];
    if (!commune) throw userErrors.invalid([{ path: ['residentialAreaId'], message: 'the area is not placed in any commune' }]);
    const placeCodes = codesOf(area.placements);
    return filedAt({ p, residentialAreaId, communeCode: commune.communeCode, placeCodes }, placeCodes);
  },
  write: (tx, _input, { p, residentialAreaId, communeCode, placeCodes }) =>
    tx.influentialPerson.create({
      data: {
        kind: p.kind,
        fullName: p.person.fullName,
        role: p.person.role,
        religion: p.religion ?? null,
        residentialAreaId,
        communeCode,
        placeCodes,
        validFrom: dateColumn(p.from as IsoDate),
        validTo: p.to ? dateColumn(p.to as IsoDate) : null,
      },
    }),
});

// ─── addModelPartner ────────────────────────────────────────────────────────────────

const AddPartnerInput = builder.inputType('AddModelPartnerInput', {
  fields: (t) => ({
    modelId: t.id({ required: true }),
    partnerKind: t.field({ type: PartnerKindEnum, required: true }),
    name: t.string({ required: true, description: 'Đoàn Thanh niên xã Minh Hưng, Đồn Biên phòng Hoàng Diệu…' }),
    validFrom: t.field({ type: DateScalar, required: true, description: 'Not in the future.' }),
    validTo: t.field({ type: DateScalar }),
  }),
});

const PartnerPayloadRef = builder.prismaObject('ModelPartner', {
  variant: 'AddedModelPartner',
  description: 'A partner as added.',
  fields: (t) => ({ name: t.exposeString('name'), model: t.relation('model') }),
});

defineMutation('addModelPartner', {
  description: 'Record a partner organisation (MTTQ, a mass organisation, an army or border-guard unit) taking part in a model.',
  input: AddPartnerInput,
  result: PartnerPayloadRef,
  permission: ['RECOGNITION', 'WRITE'],
  entity: 'Model',
  ids: { modelId: 'Model' },
  notFound: MODEL,
  load: async (ctx, input, { modelId }) => {
    const placeCodes = await placeOfSubject(ctx, 'MODEL', modelId);
    if (!placeCodes) return null;
    return { ...filedAt({ modelId }, placeCodes), id: modelId };
  },
  judge: async (ctx, input, { modelId }) => {
    const p = parseInput(
      modelPartnerInput,
      stripNulls({ modelId, partnerKind: input.partnerKind, name: input.name, from: input.validFrom, to: input.validTo }),
      { from: 'validFrom', to: 'validTo' },
    );
    const future = notInFuture(ctx.today, { validFrom: p.from });
    refuseInvalid(future);
    const same = { modelId, partnerKind: p.partnerKind, name: p.name, validFrom: dateColumn(p.from as IsoDate) };
    if (await ctx.db.prisma.modelPartner.count({ where: same }))
      throw userErrors.invalid([{ path: ['name'], message: 'this partner is already recorded for the model from this day' }]);
    return { ...same, validTo: p.to ? dateColumn(p.to as IsoDate) : null };
  },
  write: (tx, data) => tx.modelPartner.create({ data }),
});
