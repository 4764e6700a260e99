/**
 * Mutations on inspections: plan one (of a unit, residential area, organization, model or
 * security team), record it as done with findings, a rating and follow-ups, cancel it, and
 * close a follow-up. Each checks INSPECTION WRITE at the record's place, validates with
 * core's schemas and workflow (canMoveInspection), writes with its audit entry in one
 * transaction, and names the version it read; every refusal is a typed error, audited too.
 */
import {
  addYears,
  authorize,
  cancelInspectionInput,
  canMoveInspection,
  closeFollowUpInput,
  planInspectionInput,
  recordInspectionInput,
  type IsoDate,
  type Label,
} from '@antq/core';
import type { Prisma } from '@antq/db';
import { audit } from '../audit/record.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ConflictErrorRef, ForbiddenErrorRef, NotFoundErrorRef, payloadType, ValidationErrorRef } from '../error-types.js';
import { userErrors, type Outcome, type UserError } from '../errors.js';
import { dateColumn, isoOf } from '../hierarchy/rows.js';
import { areaWhere, modelWhere, organizationWhere } from '../movement/jurisdiction.js';
import { teamWhere } from '../movement/teams.js';
import { decodeId, refused, stripNulls, zodError, type Subject } from '../mutations.js';
import { DateScalar } from '../scalars.js';
import { FollowUpRef, InspectionKindEnum, InspectionRatingEnum, InspectionRef, InspectionSubjectKindEnum } from './inspections.js';
import { areaFiling, communeFiling, judgeCreate, judgeWrite } from './write.js';

const INSPECTION: Label = { vi: 'cuộc kiểm tra', en: 'inspection' };
const FOLLOW_UP: Label = { vi: 'nội dung khắc phục', en: 'follow-up' };
const SUBJECT: Label = { vi: 'đối tượng kiểm tra', en: 'inspection subject' };
const ERRORS = [ValidationErrorRef, NotFoundErrorRef, ForbiddenErrorRef] as const;
const VERSIONED = [...ERRORS, ConflictErrorRef] as const;

type InspectionResult = Prisma.InspectionGetPayload<object>;
type FollowUpResult = Prisma.InspectionFollowUpGetPayload<object>;
type Filing = {
  unitId: string;
  unitCode: string;
  placeCodes: string[];
  residentialAreaId: string | null;
  organizationId: string | null;
  modelId: string | null;
  teamId: string | null;
};
type SubjectKind = (typeof InspectionSubjectKindEnum)['$inferType'];

const subjectOf = (row?: { id: string; placeCodes: string[] } | null): Subject => ({
  entity: 'Inspection',
  id: row?.id ?? null,
  placeCodes: row?.placeCodes ?? [],
});

/**
 * Where an inspection of the subject is filed on `date`, or the error (unknown subject, or none then).
 * The subject is looked up through the read filters of its own list and node(id:), so one the
 * viewer may not see is NOT_FOUND before any check of its dates or host could tell it apart.
 */
async function fileSubject(
  ctx: Context,
  kind: SubjectKind,
  unitCode: string | null,
  subjectId: string | null,
  date: IsoDate,
): Promise<Filing | UserError> {
  const none = { residentialAreaId: null, organizationId: null, modelId: null, teamId: null };
  const invalid = (path: string, message: string) => userErrors.invalid([{ path: [path], message }]);
  const { prisma } = ctx.db;
  switch (kind) {
    case 'UNIT': {
      const code = (unitCode ?? '').trim();
      if (!code) return invalid('unitCode', 'is required when subjectKind is UNIT');
      const unit = await ctx.loaders.byCodeOn.load({ code, date });
      if (!unit) return invalid('unitCode', `no unit has this code on ${date}`);
      if (unit.level === 'COMMUNE') {
        const f = await communeFiling(ctx, code, date);
        return f
          ? { unitId: f.communeId, unitCode: f.communeCode, placeCodes: f.placeCodes, ...none }
          : invalid('unitCode', `no commune has this code on ${date}`);
      }
      const codes = [unit.code];
      for (let parent = unit.parentCode; parent;) {
        codes.push(parent);
        parent = (await ctx.loaders.byCodeOn.load({ code: parent, date }))?.parentCode ?? null;
      }
      return { unitId: unit.id, unitCode: unit.code, placeCodes: codes, ...none };
    }
    case 'RESIDENTIAL_AREA':
    case 'ORGANIZATION': {
      const typename = kind === 'RESIDENTIAL_AREA' ? 'ResidentialArea' : 'Organization';
      const id = subjectId ? decodeId(subjectId, typename) : null;
      const placements = !id
        ? null
        : kind === 'RESIDENTIAL_AREA'
          ? (await prisma.residentialArea.findFirst({ where: { id, AND: [areaWhere(ctx)] }, select: { placements: true } }))?.placements
          : (await prisma.organization.findFirst({ where: { id, AND: [organizationWhere(ctx)] }, select: { placements: true } }))
              ?.placements;
      if (!placements) return userErrors.notFound(SUBJECT);
      const f = areaFiling(placements, date);
      if (!f)
        return invalid(
          'plannedOn',
          `the ${typename === 'ResidentialArea' ? 'residential area' : 'organization'} was not placed in a commune on ${date}`,
        );
      return {
        unitId: f.communeId,
        unitCode: f.communeCode,
        placeCodes: f.placeCodes,
        ...none,
        ...(kind === 'RESIDENTIAL_AREA' ? { residentialAreaId: id } : { organizationId: id }),
      };
    }
    case 'MODEL': {
      const id = subjectId ? decodeId(subjectId, 'Model') : null;
      const model = id
        ? await prisma.model.findFirst({
            where: { id, AND: [modelWhere(ctx)] },
            select: {
              id: true,
              residentialAreaId: true,
              residentialArea: { select: { placements: true } },
              organization: { select: { placements: true } },
            },
          })
        : null;
      if (!model) return userErrors.notFound(SUBJECT);
      const placements = model.residentialArea?.placements ?? model.organization?.placements;
      // A model hosted by a commune itself is inspected as its commune (UNIT): such models are not filed by place yet.
      if (!placements) return invalid('subjectId', 'a model hosted by a commune is inspected as its commune: use subjectKind UNIT');
      const f = areaFiling(placements, date);
      if (!f) return invalid('plannedOn', `the model’s host was not placed in a commune on ${date}`);
      return {
        unitId: f.communeId,
        unitCode: f.communeCode,
        placeCodes: f.placeCodes,
        ...none,
        modelId: model.id,
        residentialAreaId: model.residentialAreaId,
      };
    }
    case 'SECURITY_TEAM': {
      const id = subjectId ? decodeId(subjectId, 'SecurityTeam') : null;
      const team = id
        ? await prisma.securityTeam.findFirst({
            where: { id, AND: [teamWhere(ctx)] },
            include: { areas: { orderBy: { residentialAreaId: 'asc' }, take: 1 } },
          })
        : null;
      if (!team) return userErrors.notFound(SUBJECT);
      if (isoOf(team.establishedOn)! > date || (team.dissolvedOn && isoOf(team.dissolvedOn)! < date))
        return invalid('plannedOn', `the team did not exist on ${date}`);
      return {
        unitId: team.communeId,
        unitCode: team.communeCode,
        placeCodes: team.placeCodes,
        ...none,
        teamId: team.id,
        residentialAreaId: team.areas[0]?.residentialAreaId ?? null,
      };
    }
  }
}

// ─── planInspection ─────────────────────────────────────────────────────────────────

const PlanInput = builder.inputType('PlanInspectionInput', {
  fields: (t) => ({
    subjectKind: t.field({ type: InspectionSubjectKindEnum, required: true }),
    unitCode: t.string({ description: 'For a UNIT: the code of the commune, district or province on plannedOn.' }),
    subjectId: t.id({ description: 'Otherwise: the ResidentialArea, Organization, Model or SecurityTeam inspected.' }),
    kind: t.field({ type: InspectionKindEnum, required: true }),
    plannedOn: t.field({ type: DateScalar, required: true, description: 'At most a year ahead.' }),
    team: t.stringList({ required: true, description: 'The inspection team: 1–20 names.' }),
    purpose: t.string(),
  }),
});

builder.mutationField('planInspection', (t) =>
  t.field({
    type: payloadType<InspectionResult>('PlanInspection', InspectionRef, ERRORS),
    description:
      'Plan an inspection of a unit, residential area, organization, model or security team of your jurisdiction; it starts PLANNED.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: PlanInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<InspectionResult> }> => {
      const action = 'planInspection';
      if (!authorize(ctx.viewer, 'INSPECTION', 'WRITE').allowed) return refused(ctx, action, userErrors.forbidden(), subjectOf());
      const subject =
        input.subjectKind === 'UNIT'
          ? { kind: 'UNIT', unitCode: input.unitCode ?? '' }
          : {
              kind: input.subjectKind,
              [{ RESIDENTIAL_AREA: 'residentialAreaId', ORGANIZATION: 'organizationId', MODEL: 'modelId', SECURITY_TEAM: 'teamId' }[
                input.subjectKind
              ]]: String(input.subjectId ?? ''),
            };
      const parsed = planInspectionInput.safeParse(
        stripNulls({ subject, kind: input.kind, plannedOn: input.plannedOn, team: input.team, purpose: input.purpose }),
      );
      if (!parsed.success)
        return refused(ctx, action, zodError(parsed.error, { 'subject.unitCode': 'unitCode', subject: 'subjectId' }), subjectOf());
      const plan = parsed.data;
      const plannedOn = plan.plannedOn as IsoDate;
      if (plannedOn > addYears(ctx.today, 1))
        return refused(ctx, action, userErrors.invalid([{ path: ['plannedOn'], message: 'must be at most a year ahead' }]), subjectOf());
      const filing = await fileSubject(
        ctx,
        input.subjectKind,
        input.unitCode ?? null,
        input.subjectId == null ? null : String(input.subjectId),
        plannedOn,
      );
      if ('code' in filing) return refused(ctx, action, filing, subjectOf());
      const denied = judgeCreate(ctx, 'INSPECTION', filing, SUBJECT);
      if (denied) return refused(ctx, action, denied, { entity: 'Inspection', placeCodes: filing.placeCodes });
      const created = await ctx.db.prisma.$transaction(async (tx) => {
        const row = await tx.inspection.create({
          data: {
            ...filing,
            kind: plan.kind,
            subjectKind: input.subjectKind,
            plannedOn: dateColumn(plannedOn),
            team: plan.team,
            purpose: plan.purpose ?? null,
          },
        });
        await audit(tx, ctx, { action, entity: 'Inspection', entityId: row.id, placeCodes: row.placeCodes });
        return row;
      });
      return { result: created };
    },
  }),
);

/** The inspection a mutation acts on (visible, writable, at the version read), or the refusal. */
async function inspectionForWrite(ctx: Context, action: string, globalId: string | number, version: number) {
  const id = decodeId(globalId, 'Inspection');
  const row = id ? await ctx.db.prisma.inspection.findUnique({ where: { id } }) : null;
  const error = !authorize(ctx.viewer, 'INSPECTION', 'WRITE').allowed
    ? userErrors.forbidden()
    : judgeWrite(ctx, 'INSPECTION', row, INSPECTION, version);
  return error ? { refusal: await refused(ctx, action, error, subjectOf(row)) } : { row: row! };
}

/** Applies `data` if the inspection is still at `version`, with its audit entry; null when stale. */
async function writeInspection(
  ctx: Context,
  action: string,
  row: InspectionResult,
  data: Prisma.InspectionUpdateManyMutationInput,
  more?: (tx: Prisma.TransactionClient) => Promise<unknown>,
) {
  const updated = await ctx.db.prisma.$transaction(async (tx) => {
    const { count } = await tx.inspection.updateMany({
      where: { id: row.id, version: row.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) return null;
    await more?.(tx);
    await audit(tx, ctx, { action, entity: 'Inspection', entityId: row.id, placeCodes: row.placeCodes });
    return tx.inspection.findUniqueOrThrow({ where: { id: row.id } });
  });
  if (updated) return { result: updated };
  const now = await ctx.db.prisma.inspection.findUnique({ where: { id: row.id }, select: { version: true } });
  return refused(ctx, action, userErrors.conflict(now?.version ?? row.version), subjectOf(row));
}

const moveError = (from: string, to: string): UserError =>
  userErrors.invalid([{ path: ['inspectionId'], message: `an inspection that is ${from} cannot become ${to}` }], {
    vi: `Cuộc kiểm tra đang ở trạng thái ${from}, không thể chuyển sang ${to}.`,
    en: `An inspection that is ${from} cannot become ${to}.`,
  });

// ─── recordInspectionResult ─────────────────────────────────────────────────────────

const FollowUpInput = builder.inputType('FollowUpInput', {
  fields: (t) => ({
    action: t.string({ required: true }),
    owner: t.string({ required: true, description: 'Who is responsible (a unit or a person’s role).' }),
    dueOn: t.field({ type: DateScalar, required: true, description: 'Not before inspectedOn.' }),
  }),
});

const RecordInput = builder.inputType('RecordInspectionResultInput', {
  fields: (t) => ({
    inspectionId: t.id({ required: true }),
    version: t.int({ required: true }),
    inspectedOn: t.field({ type: DateScalar, required: true, description: 'Not in the future.' }),
    findings: t.string({ required: true }),
    rating: t.field({ type: InspectionRatingEnum, required: true }),
    team: t.stringList({ description: 'The team that did it, if not the one planned.' }),
    followUps: t.field({ type: [FollowUpInput], description: 'Follow-up actions, each with an owner and a due date (at most 50).' }),
  }),
});

builder.mutationField('recordInspectionResult', (t) =>
  t.field({
    type: payloadType<InspectionResult>('RecordInspectionResult', InspectionRef, VERSIONED),
    description: 'Record a planned inspection as done: when, the findings, the rating and the follow-up actions it sets.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: RecordInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const action = 'recordInspectionResult';
      const found = await inspectionForWrite(ctx, action, input.inspectionId, input.version);
      if ('refusal' in found) return found.refusal!;
      const { row } = found;
      if (!canMoveInspection(row.status, 'DONE')) return refused(ctx, action, moveError(row.status, 'DONE'), subjectOf(row));
      const parsed = recordInspectionInput.safeParse(
        stripNulls({
          inspectedOn: input.inspectedOn,
          findings: input.findings,
          rating: input.rating,
          team: input.team,
          followUps: input.followUps ?? undefined,
        }),
      );
      if (!parsed.success) return refused(ctx, action, zodError(parsed.error), subjectOf(row));
      const r = parsed.data;
      if (r.inspectedOn > ctx.today)
        return refused(ctx, action, userErrors.invalid([{ path: ['inspectedOn'], message: 'must not be in the future' }]), subjectOf(row));
      return writeInspection(
        ctx,
        action,
        row,
        {
          status: 'DONE',
          inspectedOn: dateColumn(r.inspectedOn as IsoDate),
          findings: r.findings,
          rating: r.rating,
          ...(r.team ? { team: r.team } : {}),
        },
        (tx) =>
          tx.inspectionFollowUp.createMany({
            data: r.followUps.map((f, i) => ({
              inspectionId: row.id,
              seq: i + 1,
              action: f.action,
              owner: f.owner,
              dueOn: dateColumn(f.dueOn as IsoDate),
              placeCodes: row.placeCodes,
              setOn: dateColumn(r.inspectedOn as IsoDate),
            })),
          }),
      );
    },
  }),
);

// ─── cancelInspection ───────────────────────────────────────────────────────────────

const CancelInput = builder.inputType('CancelInspectionInput', {
  fields: (t) => ({
    inspectionId: t.id({ required: true }),
    version: t.int({ required: true }),
    cancelledOn: t.field({ type: DateScalar, required: true, description: 'Not in the future.' }),
    reason: t.string({ required: true }),
  }),
});

builder.mutationField('cancelInspection', (t) =>
  t.field({
    type: payloadType<InspectionResult>('CancelInspection', InspectionRef, VERSIONED),
    description: 'Cancel a planned inspection, with the reason.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: CancelInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const action = 'cancelInspection';
      const found = await inspectionForWrite(ctx, action, input.inspectionId, input.version);
      if ('refusal' in found) return found.refusal!;
      const { row } = found;
      if (!canMoveInspection(row.status, 'CANCELLED')) return refused(ctx, action, moveError(row.status, 'CANCELLED'), subjectOf(row));
      const parsed = cancelInspectionInput.safeParse({ cancelledOn: input.cancelledOn, reason: input.reason });
      if (!parsed.success) return refused(ctx, action, zodError(parsed.error), subjectOf(row));
      if (parsed.data.cancelledOn > ctx.today)
        return refused(ctx, action, userErrors.invalid([{ path: ['cancelledOn'], message: 'must not be in the future' }]), subjectOf(row));
      return writeInspection(ctx, action, row, {
        status: 'CANCELLED',
        cancelledOn: dateColumn(parsed.data.cancelledOn as IsoDate),
        cancelReason: parsed.data.reason,
      });
    },
  }),
);

// ─── closeFollowUp ──────────────────────────────────────────────────────────────────

const CloseFollowUpStatusEnum = builder.enumType('CloseFollowUpStatus', { values: ['DONE', 'CANCELLED'] as const });
const CloseInput = builder.inputType('CloseFollowUpInput', {
  fields: (t) => ({
    followUpId: t.id({ required: true }),
    version: t.int({ required: true }),
    status: t.field({ type: CloseFollowUpStatusEnum, required: true }),
    closedOn: t.field({ type: DateScalar, required: true, description: 'Not before it was set, nor in the future.' }),
    note: t.string(),
  }),
});

builder.mutationField('closeFollowUp', (t) =>
  t.field({
    type: payloadType<FollowUpResult>('CloseFollowUp', FollowUpRef, VERSIONED),
    description: 'Close an open follow-up of an inspection as done or cancelled.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: CloseInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<FollowUpResult> }> => {
      const action = 'closeFollowUp';
      const id = decodeId(input.followUpId, 'InspectionFollowUp');
      const row = id
        ? await ctx.db.prisma.inspectionFollowUp.findUnique({
            where: { id },
            include: { inspection: { select: { residentialAreaId: true } } },
          })
        : null;
      const subject: Subject = { entity: 'InspectionFollowUp', id: row?.id ?? null, placeCodes: row?.placeCodes ?? [] };
      const place = row ? { ...row, residentialAreaId: row.inspection.residentialAreaId } : null;
      const denied = !authorize(ctx.viewer, 'INSPECTION', 'WRITE').allowed
        ? userErrors.forbidden()
        : judgeWrite(ctx, 'INSPECTION', place, FOLLOW_UP, input.version);
      if (denied) return refused(ctx, action, denied, subject);
      const f = row!;
      if (f.status !== 'OPEN')
        return refused(
          ctx,
          action,
          userErrors.invalid([{ path: ['followUpId'], message: `the follow-up is already ${f.status}` }]),
          subject,
        );
      const parsed = closeFollowUpInput.safeParse(stripNulls({ status: input.status, closedOn: input.closedOn, note: input.note }));
      if (!parsed.success) return refused(ctx, action, zodError(parsed.error), subject);
      const closedOn = parsed.data.closedOn as IsoDate;
      const invalid = [
        ...(closedOn > ctx.today ? [{ path: ['closedOn'], message: 'must not be in the future' }] : []),
        ...(closedOn < isoOf(f.setOn)!
          ? [{ path: ['closedOn'], message: `must not be before the follow-up was set (${isoOf(f.setOn)})` }]
          : []),
      ];
      if (invalid.length) return refused(ctx, action, userErrors.invalid(invalid), subject);
      const updated = await ctx.db.prisma.$transaction(async (tx) => {
        const { count } = await tx.inspectionFollowUp.updateMany({
          where: { id: f.id, version: f.version },
          data: { status: parsed.data.status, closedOn: dateColumn(closedOn), note: parsed.data.note ?? f.note, version: { increment: 1 } },
        });
        if (count === 0) return null;
        await audit(tx, ctx, { action, entity: 'InspectionFollowUp', entityId: f.id, placeCodes: f.placeCodes });
        return tx.inspectionFollowUp.findUniqueOrThrow({ where: { id: f.id } });
      });
      if (updated) return { result: updated };
      const now = await ctx.db.prisma.inspectionFollowUp.findUnique({ where: { id: f.id }, select: { version: true } });
      return refused(ctx, action, userErrors.conflict(now?.version ?? f.version), subject);
    },
  }),
);
