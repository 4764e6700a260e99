/**
 * Mutations on inspections: plan one (of a unit, residential area, organization, model or
 * security team), record it as done with findings, a rating and follow-ups, cancel it, and
 * close a follow-up. Each checks INSPECTION WRITE at the record's place, validates with
 * core's schemas and workflow (canMoveInspection), writes with its audit entry in one
 * transaction, and names the version it read; every refusal is a typed error, audited too.
 */
import {
  addYears,
  cancelInspectionInput,
  canMoveInspection,
  closeFollowUpInput,
  planInspectionInput,
  recordInspectionInput,
  type IsoDate,
  type Label,
} from '@antq/core';
import type { Prisma } from '@antq/db';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { userErrors, type UserError, refuseInvalid } from '../errors.js';
import { unitAndAbove } from '../hierarchy/place.js';
import { dateColumn, isoOf } from '../hierarchy/rows.js';
import { areaWhere, modelWhere, organizationWhere } from '../movement/jurisdiction.js';
import { teamWhere } from '../movement/teams.js';
import { decodeId, notInFuture, parseInput, stripNulls, zodError } from '../mutations.js';
import { actsOn, defineMutation, recordTarget } from '../mutation/define.js';
import { DateScalar } from '../scalars.js';
import { FollowUpRef, InspectionKindEnum, InspectionRatingEnum, InspectionRef, InspectionSubjectKindEnum } from './inspections.js';
import { placementOf } from './where.js';
import { areaFiling, communeFiling } from './write.js';

const INSPECTION: Label = { vi: 'cuộc kiểm tra', en: 'inspection' };
const FOLLOW_UP: Label = { vi: 'nội dung khắc phục', en: 'follow-up' };
const SUBJECT: Label = { vi: 'đối tượng kiểm tra', en: 'inspection subject' };

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
      const { codes } = (await unitAndAbove(ctx, code, date))!;
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
      if (isoOf(team.establishedOn) > date || (team.dissolvedOn && isoOf(team.dissolvedOn) < date))
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

defineMutation('planInspection', {
  description:
    'Plan an inspection of a unit, residential area, organization, model or security team of your jurisdiction; it starts PLANNED.',
  input: PlanInput,
  result: InspectionRef,
  permission: ['INSPECTION', 'WRITE'],
  entity: 'Inspection',
  notFound: SUBJECT,
  load: async (ctx, input) => {
    const subjectId = input.subjectId == null ? null : String(input.subjectId);
    const subject =
      input.subjectKind === 'UNIT'
        ? { kind: 'UNIT', unitCode: input.unitCode ?? '' }
        : { kind: input.subjectKind, [SUBJECT_ID_FIELD[input.subjectKind]]: subjectId ?? '' };
    const { kind, plannedOn, team, purpose } = input;
    const parsed = planInspectionInput.safeParse(stripNulls({ subject, kind, plannedOn, team, purpose }));
    if (!parsed.success) throw zodError(parsed.error, { 'subject.unitCode': 'unitCode', subject: 'subjectId' });
    if (plannedOn > addYears(ctx.today, 1)) throw userErrors.invalid([{ path: ['plannedOn'], message: 'must be at most a year ahead' }]);
    const filing = await fileSubject(ctx, input.subjectKind, input.unitCode ?? null, subjectId, plannedOn);
    if ('code' in filing) throw filing;
    const at = placementOf(filing);
    return { row: { plan: parsed.data, filing }, placeCodes: filing.placeCodes, seenAt: at, actsAt: at };
  },
  write: (tx, input, { plan, filing }) =>
    tx.inspection.create({
      data: {
        ...filing,
        kind: plan.kind,
        subjectKind: input.subjectKind,
        plannedOn: dateColumn(input.plannedOn),
        team: plan.team,
        purpose: plan.purpose ?? null,
      },
    }),
});

const SUBJECT_ID_FIELD = {
  RESIDENTIAL_AREA: 'residentialAreaId',
  ORGANIZATION: 'organizationId',
  MODEL: 'modelId',
  SECURITY_TEAM: 'teamId',
} as const;

/** The inspection of `id` as the pipeline's target. */
const inspectionTarget = async (ctx: Context, id: string) => recordTarget(await ctx.db.prisma.inspection.findUnique({ where: { id } }));
/** The inspection after an act on it. */
const inspectionAfter = (tx: Prisma.TransactionClient, row: { id: string }, data: Prisma.InspectionUpdateInput) =>
  tx.inspection.update({ where: { id: row.id }, data });

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

/** A follow-up action an inspection sets, as its row: numbered in order, filed where the inspection is. */
const followUpRow = (
  f: { action: string; owner: string; dueOn: string },
  i: number,
  row: { id: string; placeCodes: string[] },
  setOn: Date,
) => ({
  inspectionId: row.id,
  seq: i + 1,
  action: f.action,
  owner: f.owner,
  dueOn: dateColumn(f.dueOn as IsoDate),
  placeCodes: row.placeCodes,
  setOn,
});

/** Acts on an Inspection, found by `inspectionId`. */
const ON_INSPECTION = actsOn({
  permission: ['INSPECTION', 'WRITE'],
  entity: 'Inspection',
  idField: 'inspectionId',
  notFound: INSPECTION,
  load: inspectionTarget,
});

defineMutation('recordInspectionResult', {
  description: 'Record a planned inspection as done: when, the findings, the rating and the follow-up actions it sets.',
  input: RecordInput,
  result: InspectionRef,
  ...ON_INSPECTION,
  versioned: { table: 'inspection', version: (input) => input.version },
  judge: (ctx, input, row) => {
    if (!canMoveInspection(row.status, 'DONE')) throw moveError(row.status, 'DONE');
    const { inspectedOn, findings, rating, team } = input;
    const result = parseInput(
      recordInspectionInput,
      stripNulls({ inspectedOn, findings, rating, team, followUps: input.followUps ?? undefined }),
    );
    refuseInvalid(notInFuture(ctx.today, { inspectedOn }));
    return result;
  },
  write: async (tx, r, row) => {
    const setOn = dateColumn(r.inspectedOn as IsoDate);
    await tx.inspectionFollowUp.createMany({ data: r.followUps.map((f, i) => followUpRow(f, i, row, setOn)) });
    return inspectionAfter(tx, row, {
      status: 'DONE',
      inspectedOn: setOn,
      findings: r.findings,
      rating: r.rating,
      ...(r.team ? { team: r.team } : {}),
    });
  },
});

// ─── cancelInspection ───────────────────────────────────────────────────────────────

const CancelInput = builder.inputType('CancelInspectionInput', {
  fields: (t) => ({
    inspectionId: t.id({ required: true }),
    version: t.int({ required: true }),
    cancelledOn: t.field({ type: DateScalar, required: true, description: 'Not in the future.' }),
    reason: t.string({ required: true }),
  }),
});

defineMutation('cancelInspection', {
  description: 'Cancel a planned inspection, with the reason.',
  input: CancelInput,
  result: InspectionRef,
  ...ON_INSPECTION,
  versioned: { table: 'inspection', version: (input) => input.version },
  judge: (ctx, input, row) => {
    if (!canMoveInspection(row.status, 'CANCELLED')) throw moveError(row.status, 'CANCELLED');
    const parsed = cancelInspectionInput.safeParse({ cancelledOn: input.cancelledOn, reason: input.reason });
    if (!parsed.success) throw zodError(parsed.error);
    refuseInvalid(notInFuture(ctx.today, { cancelledOn: parsed.data.cancelledOn }));
    return parsed.data;
  },
  write: (tx, { cancelledOn, reason }, row) =>
    inspectionAfter(tx, row, { status: 'CANCELLED', cancelledOn: dateColumn(cancelledOn as IsoDate), cancelReason: reason }),
});

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

defineMutation('closeFollowUp', {
  description: 'Close an open follow-up of an inspection as done or cancelled.',
  input: CloseInput,
  result: FollowUpRef,
  permission: ['INSPECTION', 'WRITE'],
  entity: 'InspectionFollowUp',
  ids: { followUpId: 'InspectionFollowUp' },
  notFound: FOLLOW_UP,
  load: async (ctx, _input, { followUpId }) => {
    const row = await ctx.db.prisma.inspectionFollowUp.findUnique({
      where: { id: followUpId },
      include: { inspection: { select: { residentialAreaId: true } } },
    });
    // Placed where its inspection is.
    return row && { ...recordTarget({ ...row, residentialAreaId: row.inspection.residentialAreaId })!, row };
  },
  versioned: { table: 'inspectionFollowUp', version: (input) => input.version },
  judge: (ctx, input, f) => {
    if (f.status !== 'OPEN') throw userErrors.invalid([{ path: ['followUpId'], message: `the follow-up is already ${f.status}` }]);
    const parsed = closeFollowUpInput.safeParse(stripNulls({ status: input.status, closedOn: input.closedOn, note: input.note }));
    if (!parsed.success) throw zodError(parsed.error);
    const closedOn = parsed.data.closedOn as IsoDate;
    const setOn = isoOf(f.setOn);
    const invalid = [
      ...(closedOn > ctx.today ? [{ path: ['closedOn'], message: 'must not be in the future' }] : []),
      ...(closedOn < setOn ? [{ path: ['closedOn'], message: `must not be before the follow-up was set (${setOn})` }] : []),
    ];
    refuseInvalid(invalid);
    return { status: parsed.data.status, closedOn: dateColumn(closedOn), note: parsed.data.note ?? f.note };
  },
  write: (tx, data, f) => tx.inspectionFollowUp.update({ where: { id: f.id }, data }),
});
