/**
 * Recording recognition: recognise an exemplar, record a commendation, flag a key area,
 * engage a person of influence, add a partner to a model. As the movement's other
 * mutations: input validated with core's schemas and rules (ValidationError with field
 * paths), the subject found within the viewer's jurisdiction (else NotFoundError), the
 * policy checked where the record will be filed (else ForbiddenError), one transaction with
 * its audit entry; refusals audited on their own. No message, audit entry or log line
 * carries a person's name.
 */
import {
  authorize,
  checkCommendation,
  checkExemplarLevel,
  commendationInput,
  exemplarInput,
  influentialPersonInput,
  keyAreaInput,
  modelPartnerInput,
  type IsoDate,
  type Label,
  type Resource,
} from '@antq/core';
import type { Prisma } from '@antq/db';
import { uuidOrNone } from '../access.js';
import { audit } from '../audit/record.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ForbiddenErrorRef, NotFoundErrorRef, payloadType, ValidationErrorRef } from '../error-types.js';
import { userErrors, type Outcome, type UserError } from '../errors.js';
import { dateColumn } from '../hierarchy/rows.js';
import { decodeId, refused, stripNulls, zodError, type Subject } from '../mutations.js';
import { unitAndAbove } from '../report/movement-report.js';
import { DateScalar } from '../scalars.js';
import { modelWhere, areaWhere, organizationWhere } from '../movement/jurisdiction.js';
import { teamWhere } from '../movement/teams.js';
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

const ERRORS = [ValidationErrorRef, NotFoundErrorRef, ForbiddenErrorRef] as const;
const SUBJECT: Label = { vi: 'đối tượng', en: 'subject' };
const NOT_YET = 'must not be in the future';

/** The codes a record about a place is filed under: every placement's codes (old era and today's). */
const codesOf = (placements: ReadonlyArray<{ placeCodes: string[] }>) => [...new Set(placements.flatMap((p) => p.placeCodes))];

/** Where a subject is found, or a refusal: missing or outside the jurisdiction is NOT_FOUND (nothing hints it exists). */
async function placeOfSubject(
  ctx: Context,
  kind: 'MODEL' | 'ORGANIZATION' | 'RESIDENTIAL_AREA' | 'SECURITY_TEAM',
  id: string | null,
): Promise<string[] | null> {
  if (!id) return null;
  const prisma = ctx.db.prisma;
  switch (kind) {
    case 'MODEL': {
      const m = await prisma.model.findFirst({
        where: { id, AND: [modelWhere(ctx)] },
        select: {
          residentialArea: { select: { placements: { select: { placeCodes: true } } } },
          organization: { select: { placements: { select: { placeCodes: true } } } },
        },
      });
      return m ? codesOf([...(m.residentialArea?.placements ?? []), ...(m.organization?.placements ?? [])]) : null;
    }
    case 'RESIDENTIAL_AREA': {
      const a = await prisma.residentialArea.findFirst({
        where: { id, AND: [areaWhere(ctx)] },
        select: { placements: { select: { placeCodes: true } } },
      });
      return a ? codesOf(a.placements) : null;
    }
    case 'ORGANIZATION': {
      const o = await prisma.organization.findFirst({
        where: { id, AND: [organizationWhere(ctx)] },
        select: { placements: { select: { placeCodes: true } } },
      });
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

/** The unit a record is decided in, on the decision date, with the codes above it; a ValidationError on `field` if none held then. */
async function unitOn(ctx: Context, code: string, date: IsoDate, field: string) {
  const found = await unitAndAbove(ctx, code, date);
  return found ?? userErrors.invalid([{ path: [field], message: `no administrative unit has this code on ${date}` }]);
}

/** Refuses unless the viewer may `WRITE` `resource` where the record will be filed. */
function mayWrite(ctx: Context, resource: Resource, placeCodes: readonly string[]): UserError | null {
  return authorize(ctx.viewer, resource, 'WRITE', { unitCodes: placeCodes }).allowed ? null : userErrors.forbidden();
}

/** An ID that names nothing, for a UUID column. */
const NO_ID = uuidOrNone('');

const isError = (x: unknown): x is UserError => typeof x === 'object' && x !== null && 'code' in x && 'message' in x && !('id' in x);

// ─── recognizeExemplar ──────────────────────────────────────────────────────────────

const DECISION_FIELDS = (t: PothosInput) => ({
  decisionNumber: t.string({ required: true, description: '1890/QĐ-UBND' }),
  decisionDate: t.field({ type: DateScalar, required: true, description: 'Not in the future.' }),
  decisionIssuer: t.string({ required: true, description: 'Ủy ban nhân dân tỉnh Bình Phước' }),
});
type PothosInput = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

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

/** The subject of an exemplar or commendation as core describes it, from the flat input. */
function subjectOf(input: {
  subjectKind?: string;
  modelId?: string | number | null;
  collectiveKind?: string | null;
  collectiveId?: string | number | null;
  fullName?: string | null;
  role?: string | null;
}) {
  const kind = input.subjectKind;
  if (kind === 'MODEL') return { kind, modelId: input.modelId == null ? '' : (decodeId(input.modelId, 'Model') ?? '∅') };
  if (kind === 'COLLECTIVE') {
    const ck = input.collectiveKind as keyof typeof GLOBAL_TYPE | null | undefined;
    return {
      kind,
      collectiveKind: ck,
      collectiveId: input.collectiveId == null || !ck ? '' : (decodeId(input.collectiveId, GLOBAL_TYPE[ck]) ?? '∅'),
    };
  }
  return stripNulls({ kind, fullName: input.fullName, role: input.role });
}

/** Where the subject is filed, checked to lie in the unit; or the refusal. */
async function filedFor(
  ctx: Context,
  subject: { kind: string; modelId?: string; collectiveKind?: string | null; collectiveId?: string },
  unit: { codes: string[]; unit: { code: string } },
  path: string,
): Promise<string[] | UserError> {
  if (subject.kind === 'INDIVIDUAL') return unit.codes;
  const kind = subject.kind === 'MODEL' ? 'MODEL' : (subject.collectiveKind as 'ORGANIZATION' | 'RESIDENTIAL_AREA' | 'SECURITY_TEAM');
  const id = subject.kind === 'MODEL' ? subject.modelId : subject.collectiveId;
  const codes = await placeOfSubject(ctx, kind, id && id !== '∅' ? id : null);
  if (!codes) return userErrors.notFound(SUBJECT);
  if (!codes.includes(unit.unit.code)) return userErrors.invalid([{ path: [path], message: 'the subject does not lie in this unit' }]);
  return codes;
}

builder.mutationField('recognizeExemplar', (t) =>
  t.field({
    type: payloadType<Prisma.ExemplarGetPayload<object>>('RecognizeExemplar', ExemplarRef, ERRORS),
    description:
      'Recognise a model, a collective or an individual as an exemplar (điển hình tiên tiến) for a period and level, by a decision.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: RecognizeExemplarInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<Prisma.ExemplarGetPayload<object>> }> => {
      const action = 'recognizeExemplar';
      const none: Subject = { entity: 'Exemplar' };
      if (!authorize(ctx.viewer, 'RECOGNITION', 'WRITE').allowed) return refused(ctx, action, userErrors.forbidden(), none);
      const parsed = exemplarInput.safeParse({
        subject: subjectOf(input),
        level: input.level,
        period: { from: input.periodFrom, to: input.periodTo },
        decision: { number: input.decisionNumber, date: input.decisionDate, issuer: input.decisionIssuer },
        unitCode: input.unitCode.trim(),
      });
      if (!parsed.success)
        return refused(
          ctx,
          action,
          zodError(parsed.error, {
            'subject.modelId': 'modelId',
            'subject.collectiveId': 'collectiveId',
            'subject.collectiveKind': 'collectiveKind',
            'subject.fullName': 'fullName',
            'subject.role': 'role',
            period: 'periodFrom',
            'decision.date': 'decisionDate',
            'decision.number': 'decisionNumber',
            'decision.issuer': 'decisionIssuer',
          }),
          none,
        );
      const e = parsed.data;
      const rule = checkExemplarLevel(e.level, e.decision.date as IsoDate);
      const invalid = [
        ...(e.decision.date > ctx.today ? [{ path: ['decisionDate'], message: NOT_YET }] : []),
        ...rule.failures.map((f) => ({
          path: ['level'],
          message:
            f.code === 'NO_DISTRICTS_IN_ERA'
              ? 'there are no districts from 2025-07-01'
              : `exemplars are recognised at ${'allowed' in f ? f.allowed.join(', ') : ''} level`,
        })),
      ];
      if (invalid.length) return refused(ctx, action, userErrors.invalid(invalid), none);
      const unit = await unitOn(ctx, e.unitCode, e.decision.date as IsoDate, 'unitCode');
      if (isError(unit)) return refused(ctx, action, unit, none);
      const placeCodes = await filedFor(ctx, e.subject, unit, 'unitCode');
      if (isError(placeCodes)) return refused(ctx, action, placeCodes, none);
      const denied = mayWrite(ctx, 'RECOGNITION', placeCodes);
      if (denied) return refused(ctx, action, denied, { ...none, placeCodes });
      const s = e.subject;
      const row = await ctx.db.prisma.$transaction(async (tx) => {
        const created = await tx.exemplar.create({
          data: {
            subjectKind: s.kind,
            modelId: s.kind === 'MODEL' ? s.modelId : null,
            collectiveKind: s.kind === 'COLLECTIVE' ? s.collectiveKind : null,
            organizationId: s.kind === 'COLLECTIVE' && s.collectiveKind === 'ORGANIZATION' ? s.collectiveId : null,
            residentialAreaId: s.kind === 'COLLECTIVE' && s.collectiveKind === 'RESIDENTIAL_AREA' ? s.collectiveId : null,
            securityTeamId: s.kind === 'COLLECTIVE' && s.collectiveKind === 'SECURITY_TEAM' ? s.collectiveId : null,
            personName: s.kind === 'INDIVIDUAL' ? s.fullName : null,
            personRole: s.kind === 'INDIVIDUAL' ? s.role : null,
            level: e.level,
            periodFrom: dateColumn(e.period.from as IsoDate),
            periodTo: dateColumn(e.period.to as IsoDate),
            decisionNumber: e.decision.number,
            decisionDate: dateColumn(e.decision.date as IsoDate),
            decisionIssuer: e.decision.issuer,
            unitId: unit.unit.id,
            unitCode: unit.unit.code,
            placeCodes,
          },
        });
        await audit(tx, ctx, { action, entity: 'Exemplar', entityId: created.id, placeCodes });
        return created;
      });
      return { result: row };
    },
  }),
);

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

builder.mutationField('recordCommendation', (t) =>
  t.field({
    type: payloadType<Prisma.CommendationGetPayload<object>>('RecordCommendation', CommendationRef, ERRORS),
    description:
      'Record a commendation (khen thưởng: Giấy khen, Bằng khen, Cờ thi đua…) to a collective or an individual, by a decision, with a reason and what it was for.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: RecordCommendationInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<Prisma.CommendationGetPayload<object>> }> => {
      const action = 'recordCommendation';
      const none: Subject = { entity: 'Commendation' };
      if (!authorize(ctx.viewer, 'RECOGNITION', 'WRITE').allowed) return refused(ctx, action, userErrors.forbidden(), none);
      // A malformed ID, or one of another type, is a UUID that matches nothing: NotFound below, never a database error.
      const links = [
        ...(input.forModelId != null ? [{ kind: 'MODEL' as const, modelId: decodeId(input.forModelId, 'Model') ?? NO_ID }] : []),
        ...(input.forTipId != null ? [{ kind: 'TIP' as const, tipId: decodeId(input.forTipId, 'Tip') ?? NO_ID }] : []),
        ...(input.forExemplarId != null
          ? [{ kind: 'EXEMPLAR' as const, exemplarId: decodeId(input.forExemplarId, 'Exemplar') ?? NO_ID }]
          : []),
      ];
      if (links.length > 1)
        return refused(
          ctx,
          action,
          userErrors.invalid([{ path: ['forModelId'], message: 'a commendation is for at most one of a model, a tip, an exemplar' }]),
          none,
        );
      const subject = subjectOf({ ...input, subjectKind: input.recipientKind });
      const parsed = commendationInput.safeParse({
        recipient: subject,
        form: input.form,
        level: input.level,
        decision: { number: input.decisionNumber, date: input.decisionDate, issuer: input.decisionIssuer },
        reason: input.reason,
        ...(links[0] ? { for: links[0] } : {}),
        unitCode: input.unitCode.trim(),
      });
      if (!parsed.success)
        return refused(
          ctx,
          action,
          zodError(parsed.error, {
            'recipient.collectiveId': 'collectiveId',
            'recipient.collectiveKind': 'collectiveKind',
            'recipient.fullName': 'fullName',
            'recipient.role': 'role',
            'decision.date': 'decisionDate',
            'decision.number': 'decisionNumber',
            'decision.issuer': 'decisionIssuer',
          }),
          none,
        );
      const c = parsed.data;
      const rule = checkCommendation(c.form, c.level, c.recipient.kind, c.decision.date as IsoDate);
      const invalid = [
        ...(c.decision.date > ctx.today ? [{ path: ['decisionDate'], message: NOT_YET }] : []),
        ...rule.failures.map((f) =>
          f.code === 'COLLECTIVE_ONLY'
            ? { path: ['recipientKind'], message: 'an emulation flag is given to collectives only' }
            : f.code === 'NO_DISTRICTS_IN_ERA'
              ? { path: ['level'], message: 'there are no districts from 2025-07-01' }
              : { path: ['level'], message: `this form is given at ${'allowed' in f ? f.allowed.join(', ') : ''} level` },
        ),
      ];
      if (invalid.length) return refused(ctx, action, userErrors.invalid(invalid), none);
      const unit = await unitOn(ctx, c.unitCode, c.decision.date as IsoDate, 'unitCode');
      if (isError(unit)) return refused(ctx, action, unit, none);
      const placeCodes = await filedFor(ctx, c.recipient, unit, 'unitCode');
      if (isError(placeCodes)) return refused(ctx, action, placeCodes, none);
      const denied = mayWrite(ctx, 'RECOGNITION', placeCodes);
      if (denied) return refused(ctx, action, denied, { ...none, placeCodes });
      // What it was for must be something the viewer may read: a tip needs TIP READ where it is filed.
      const f = c.for;
      if (f) {
        const prisma = ctx.db.prisma;
        const seen =
          f.kind === 'MODEL'
            ? (await placeOfSubject(ctx, 'MODEL', f.modelId)) !== null
            : f.kind === 'TIP'
              ? await prisma.tip
                  .findUnique({ where: { id: f.tipId }, select: { placeCodes: true } })
                  .then((tip) => tip !== null && authorize(ctx.viewer, 'TIP', 'READ', { unitCodes: tip.placeCodes }).allowed)
              : await prisma.exemplar
                  .findUnique({ where: { id: f.exemplarId }, select: { placeCodes: true } })
                  .then((e) => e !== null && authorize(ctx.viewer, 'RECOGNITION', 'READ', { unitCodes: e.placeCodes }).allowed);
        if (!seen)
          return refused(ctx, action, userErrors.notFound({ vi: 'điều được khen thưởng', en: 'thing commended' }), { ...none, placeCodes });
      }
      const r = c.recipient;
      const row = await ctx.db.prisma.$transaction(async (tx) => {
        const created = await tx.commendation.create({
          data: {
            recipientKind: r.kind,
            collectiveKind: r.kind === 'COLLECTIVE' ? r.collectiveKind : null,
            organizationId: r.kind === 'COLLECTIVE' && r.collectiveKind === 'ORGANIZATION' ? r.collectiveId : null,
            residentialAreaId: r.kind === 'COLLECTIVE' && r.collectiveKind === 'RESIDENTIAL_AREA' ? r.collectiveId : null,
            securityTeamId: r.kind === 'COLLECTIVE' && r.collectiveKind === 'SECURITY_TEAM' ? r.collectiveId : null,
            personName: r.kind === 'INDIVIDUAL' ? r.fullName : null,
            personRole: r.kind === 'INDIVIDUAL' ? r.role : null,
            form: c.form,
            level: c.level,
            decisionNumber: c.decision.number,
            decisionDate: dateColumn(c.decision.date as IsoDate),
            decisionIssuer: c.decision.issuer,
            reason: c.reason,
            forKind: f?.kind ?? null,
            modelId: f?.kind === 'MODEL' ? f.modelId : null,
            tipId: f?.kind === 'TIP' ? f.tipId : null,
            exemplarId: f?.kind === 'EXEMPLAR' ? f.exemplarId : null,
            unitId: unit.unit.id,
            unitCode: unit.unit.code,
            placeCodes,
          },
        });
        await audit(tx, ctx, { action, entity: 'Commendation', entityId: created.id, placeCodes });
        return created;
      });
      return { result: row };
    },
  }),
);

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

builder.mutationField('flagKeyArea', (t) =>
  t.field({
    type: payloadType<Prisma.KeyAreaGetPayload<object>>('FlagKeyArea', KeyAreaRef, ERRORS),
    description:
      'Flag an administrative unit as a key area (địa bàn trọng điểm) for a period, with a category and a reason. Provincial and national officers.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: FlagKeyAreaInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<Prisma.KeyAreaGetPayload<object>> }> => {
      const action = 'flagKeyArea';
      const none: Subject = { entity: 'KeyArea' };
      if (!authorize(ctx.viewer, 'KEY_AREA', 'WRITE').allowed) return refused(ctx, action, userErrors.forbidden(), none);
      const d = [input.decisionNumber, input.decisionDate, input.decisionIssuer];
      if (d.some((x) => x != null) && !d.every((x) => x != null))
        return refused(
          ctx,
          action,
          userErrors.invalid([{ path: ['decisionNumber'], message: 'a decision has a number, a date and an issuer' }]),
          none,
        );
      const parsed = keyAreaInput.safeParse({
        unitCode: input.unitCode.trim(),
        category: input.category,
        reason: input.reason,
        from: input.validFrom,
        to: input.validTo ?? null,
        ...(input.decisionNumber != null
          ? { decision: { number: input.decisionNumber, date: input.decisionDate, issuer: input.decisionIssuer } }
          : {}),
      });
      if (!parsed.success)
        return refused(
          ctx,
          action,
          zodError(parsed.error, {
            from: 'validFrom',
            to: 'validTo',
            'decision.number': 'decisionNumber',
            'decision.date': 'decisionDate',
            'decision.issuer': 'decisionIssuer',
          }),
          none,
        );
      const k = parsed.data;
      if (k.decision && k.decision.date > ctx.today)
        return refused(ctx, action, userErrors.invalid([{ path: ['decisionDate'], message: NOT_YET }]), none);
      const unit = await unitOn(ctx, k.unitCode, k.from as IsoDate, 'unitCode');
      if (isError(unit)) return refused(ctx, action, unit, none);
      const denied = mayWrite(ctx, 'KEY_AREA', unit.codes);
      if (denied) return refused(ctx, action, denied, { ...none, placeCodes: unit.codes });
      const row = await ctx.db.prisma.$transaction(async (tx) => {
        const created = await tx.keyArea.create({
          data: {
            unitId: unit.unit.id,
            unitCode: unit.unit.code,
            placeCodes: unit.codes,
            category: k.category,
            reason: k.reason,
            validFrom: dateColumn(k.from as IsoDate),
            validTo: k.to ? dateColumn(k.to as IsoDate) : null,
            decisionNumber: k.decision?.number ?? null,
            decisionDate: k.decision ? dateColumn(k.decision.date as IsoDate) : null,
            decisionIssuer: k.decision?.issuer ?? null,
          },
        });
        await audit(tx, ctx, { action, entity: 'KeyArea', entityId: created.id, placeCodes: unit.codes });
        return created;
      });
      return { result: row };
    },
  }),
);

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

builder.mutationField('engageInfluentialPerson', (t) =>
  t.field({
    type: payloadType<Prisma.InfluentialPersonGetPayload<object>>('EngageInfluentialPerson', InfluentialPersonRef, ERRORS),
    description:
      'Record a religious dignitary (chức sắc) or a reputable person (người có uy tín) engaged in the movement in a residential area.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: EngageInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<Prisma.InfluentialPersonGetPayload<object>> }> => {
      const action = 'engageInfluentialPerson';
      const none: Subject = { entity: 'InfluentialPerson' };
      if (!authorize(ctx.viewer, 'RECOGNITION', 'WRITE').allowed) return refused(ctx, action, userErrors.forbidden(), none);
      const areaId = decodeId(input.residentialAreaId, 'ResidentialArea');
      const parsed = influentialPersonInput.safeParse(
        stripNulls({
          kind: input.kind,
          person: { fullName: input.fullName, role: input.role },
          religion: input.religion,
          residentialAreaId: areaId ?? '∅',
          from: input.validFrom,
          to: input.validTo,
        }),
      );
      if (!parsed.success)
        return refused(
          ctx,
          action,
          zodError(parsed.error, { 'person.fullName': 'fullName', 'person.role': 'role', from: 'validFrom', to: 'validTo' }),
          none,
        );
      const p = parsed.data;
      if (p.from > ctx.today) return refused(ctx, action, userErrors.invalid([{ path: ['validFrom'], message: NOT_YET }]), none);
      const area = areaId
        ? await ctx.db.prisma.residentialArea.findFirst({
            where: { id: areaId, AND: [areaWhere(ctx)] },
            select: {
              placements: {
                select: { placeCodes: true, communeCode: true, validFrom: true, validTo: true },
                orderBy: { validFrom: 'desc' },
              },
            },
          })
        : null;
      if (!area) return refused(ctx, action, userErrors.notFound({ vi: 'khu dân cư', en: 'residential area' }), none);
      const placeCodes = codesOf(area.placements);
      const denied = mayWrite(ctx, 'RECOGNITION', placeCodes);
      if (denied) return refused(ctx, action, denied, { ...none, placeCodes });
      const from = dateColumn(p.from as IsoDate);
      const commune =
        area.placements.find((x) => (x.validFrom === null || x.validFrom <= from) && (x.validTo === null || x.validTo >= from)) ??
        area.placements[0];
      if (!commune)
        return refused(
          ctx,
          action,
          userErrors.invalid([{ path: ['residentialAreaId'], message: 'the area is not placed in any commune' }]),
          none,
        );
      const row = await ctx.db.prisma.$transaction(async (tx) => {
        const created = await tx.influentialPerson.create({
          data: {
            kind: p.kind,
            fullName: p.person.fullName,
            role: p.person.role,
            religion: p.religion ?? null,
            residentialAreaId: areaId!,
            communeCode: commune.communeCode,
            placeCodes,
            validFrom: from,
            validTo: p.to ? dateColumn(p.to as IsoDate) : null,
          },
        });
        await audit(tx, ctx, { action, entity: 'InfluentialPerson', entityId: created.id, placeCodes });
        return created;
      });
      return { result: row };
    },
  }),
);

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

builder.mutationField('addModelPartner', (t) =>
  t.field({
    type: payloadType<Prisma.ModelPartnerGetPayload<object>>('AddModelPartner', PartnerPayloadRef, [...ERRORS]),
    description: 'Record a partner organisation (MTTQ, a mass organisation, an army or border-guard unit) taking part in a model.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: AddPartnerInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<Prisma.ModelPartnerGetPayload<object>> }> => {
      const action = 'addModelPartner';
      const none: Subject = { entity: 'Model' };
      if (!authorize(ctx.viewer, 'RECOGNITION', 'WRITE').allowed) return refused(ctx, action, userErrors.forbidden(), none);
      const modelId = decodeId(input.modelId, 'Model');
      const parsed = modelPartnerInput.safeParse(
        stripNulls({ modelId: modelId ?? '∅', partnerKind: input.partnerKind, name: input.name, from: input.validFrom, to: input.validTo }),
      );
      if (!parsed.success) return refused(ctx, action, zodError(parsed.error, { from: 'validFrom', to: 'validTo' }), none);
      const p = parsed.data;
      if (p.from > ctx.today) return refused(ctx, action, userErrors.invalid([{ path: ['validFrom'], message: NOT_YET }]), none);
      const placeCodes = await placeOfSubject(ctx, 'MODEL', modelId);
      if (!placeCodes) return refused(ctx, action, userErrors.notFound({ vi: 'mô hình', en: 'model' }), none);
      const denied = mayWrite(ctx, 'RECOGNITION', placeCodes);
      if (denied) return refused(ctx, action, denied, { entity: 'Model', id: modelId, placeCodes });
      const exists = await ctx.db.prisma.modelPartner.count({
        where: { modelId: modelId!, partnerKind: p.partnerKind, name: p.name, validFrom: dateColumn(p.from as IsoDate) },
      });
      if (exists)
        return refused(
          ctx,
          action,
          userErrors.invalid([{ path: ['name'], message: 'this partner is already recorded for the model from this day' }]),
          { entity: 'Model', id: modelId, placeCodes },
        );
      const row = await ctx.db.prisma.$transaction(async (tx) => {
        const created = await tx.modelPartner.create({
          data: {
            modelId: modelId!,
            partnerKind: p.partnerKind,
            name: p.name,
            validFrom: dateColumn(p.from as IsoDate),
            validTo: p.to ? dateColumn(p.to as IsoDate) : null,
          },
        });
        await audit(tx, ctx, { action, entity: 'Model', entityId: modelId, placeCodes });
        return created;
      });
      return { result: row };
    },
  }),
);
