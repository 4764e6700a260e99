/**
 * The year's assessments in GraphQL (ASSESSMENT READ where they are filed): a unit's
 * recognition "An toàn về ANTT" (TT 124/2021) or grading (QĐ 510), its facts or points, the
 * verdict core gave, where it stands in the workflow and every step taken; and the list of
 * a unit's assessments of a year, with filters.
 */
import {
  ASSESSMENT_ACTS,
  ASSESSMENT_KINDS,
  ASSESSMENT_STATUSES,
  GRADED_UNIT_KINDS,
  GRADING_LEVELS,
  RECOGNITION_CRITERION_LABELS,
  reportingDeadline,
  RECOGNITION_CRITERIA_OF,
  SERIOUS_EVENT_KINDS,
  type RecognitionCriterion,
  type RecognitionFacts,
  type RecognitionFailure,
} from '@antq/core';
import type { Prisma } from '@antq/db';
import { filedUnder, uuidOrNone, type ScopeContext, type UnitArg } from '../access.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { AdminUnitRef } from '../hierarchy/schema.js';
import { isoOf } from '../hierarchy/rows.js';
import { filteredList } from '../filtered-list.js';
import { DecisionRef, decisionOf } from '../recognition/schema.js';
import { DateScalar } from '../scalars.js';
import { assessmentDay, unitsOnFor } from './subject.js';

export const AssessmentKindEnum = builder.enumType('AssessmentKind', {
  description: 'RECOGNITION: "An toàn về ANTT" (TT 124/2021/TT-BCA), pass or fail; GRADING: points and level (QĐ 510/QĐ-BCA-V05).',
  values: ASSESSMENT_KINDS,
});
export const AssessmentStatusEnum = builder.enumType('AssessmentStatus', {
  description: 'DRAFT → SUBMITTED → REVIEWED → DECIDED (final); SENT_BACK to the unit with a reason, to be submitted again.',
  values: ASSESSMENT_STATUSES,
});
const AssessmentActEnum = builder.enumType('AssessmentAct', { values: ASSESSMENT_ACTS });
export const GradedUnitKindEnum = builder.enumType('GradedUnitKind', {
  description: 'Residential area, commune, district (until 2025-06-30), agency, enterprise or school.',
  values: GRADED_UNIT_KINDS,
});
export const GradingLevelEnum = builder.enumType('GradingLevel', {
  description: 'Xuất sắc, khá, trung bình, yếu.',
  values: GRADING_LEVELS,
});
export const SeriousEventKindEnum = builder.enumType('SeriousEventKind', {
  description: 'The serious events of TT 124/2021 that bar recognition.',
  values: SERIOUS_EVENT_KINDS,
});
export const RecognitionCriterionEnum = builder.enumType('RecognitionCriterion', {
  values: Object.keys(RECOGNITION_CRITERION_LABELS) as RecognitionCriterion[],
});

type AssessmentRow = Prisma.AssessmentGetPayload<object>;

const RecognitionFactsRef = builder.objectRef<RecognitionFacts>('RecognitionFacts').implement({
  description: 'What a recognition is judged on, as recorded (and adjusted in review).',
  fields: (t) => ({
    resolutionOn: t.field({ type: DateScalar, nullable: true, resolve: (f) => f.resolutionOn }),
    planOn: t.field({ type: DateScalar, nullable: true, resolve: (f) => f.planOn ?? null }),
    registeredOn: t.field({ type: DateScalar, nullable: true, resolve: (f) => f.registeredOn }),
    households: t.int({ nullable: true, resolve: (f) => f.households ?? null }),
    householdsRegistered: t.int({ nullable: true, resolve: (f) => f.householdsRegistered ?? null }),
    policiesImplemented: t.boolean({ resolve: (f) => f.policiesImplemented }),
    seriousEvents: t.field({ type: [SeriousEventKindEnum], resolve: (f) => f.seriousEvents }),
    effectiveModels: t.int({ nullable: true, resolve: (f) => f.effectiveModels ?? null }),
    policeDisciplined: t.int({ nullable: true, resolve: (f) => f.policeDisciplined ?? null }),
  }),
});

interface CriterionResult {
  readonly criterion: RecognitionCriterion;
  readonly met: boolean;
  readonly evidence: string | null;
}
const CriterionResultRef = builder.objectRef<CriterionResult>('RecognitionCriterionResult').implement({
  description: 'One criterion of TT 124/2021 judged by core, with the evidence recorded for it.',
  fields: (t) => ({
    criterion: t.field({ type: RecognitionCriterionEnum, resolve: (c) => c.criterion }),
    met: t.exposeBoolean('met'),
    evidence: t.exposeString('evidence', { nullable: true }),
  }),
});

const criteriaOf = (a: AssessmentRow): CriterionResult[] => {
  const facts = a.facts as RecognitionFacts;
  const failed = new Set(((a.verdict as { failures?: RecognitionFailure[] } | null)?.failures ?? []).map((f) => f.criterion));
  return RECOGNITION_CRITERIA_OF[a.unitKind].map((criterion) => ({
    criterion,
    met: !failed.has(criterion),
    evidence: facts.evidence?.[criterion] ?? null,
  }));
};

interface Score {
  readonly criterion: string;
  readonly points: number;
  readonly maxPoints: number;
}
const ScoreRef = builder.objectRef<Score>('GradingCriterionScore').implement({
  fields: (t) => ({
    criterion: t.exposeString('criterion', { description: 'The criterion’s code in the grading configuration.' }),
    points: t.exposeFloat('points'),
    maxPoints: t.exposeFloat('maxPoints'),
  }),
});

builder.prismaObject('AssessmentStep', {
  description: 'One act on an assessment: what, when, and why (a late submission’s reason, a send-back’s, an adjustment’s).',
  fields: (t) => ({
    act: t.field({ type: AssessmentActEnum, resolve: (s) => s.act }),
    status: t.field({ type: AssessmentStatusEnum, description: 'The status it led to.', resolve: (s) => s.status }),
    on: t.field({ type: DateScalar, resolve: (s) => isoOf(s.on) }),
    reason: t.exposeString('reason', { nullable: true }),
    adjusted: t.boolean({ description: 'A review that changed the unit’s facts or points.', resolve: (s) => s.before !== null }),
  }),
});

/** Assessments the viewer may read; with `unit`, only those filed under it. */
export const assessmentWhere = (ctx: ScopeContext, unit?: UnitArg): Prisma.AssessmentWhereInput =>
  filedUnder(ctx, 'ASSESSMENT', 'unitId', unit);

export const AssessmentRef = builder.prismaNode('Assessment', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNone(id), AND: [assessmentWhere(ctx)] }),
  description:
    'A unit’s assessment of one kind for one year, from its self-assessment to the decision. A decided one never changes: a correction is a new decision that names it.',
  authScopes: (a) => ({ allowedAt: ['ASSESSMENT', 'READ', { unitId: a.unitId, areaId: a.residentialAreaId }] as const }),
  fields: (t) => ({
    kind: t.field({ type: AssessmentKindEnum, resolve: (a) => a.kind }),
    year: t.exposeInt('year'),
    unitKind: t.field({ type: GradedUnitKindEnum, resolve: (a) => a.unitKind }),
    unit: t.field({
      type: AdminUnitRef,
      description: 'The commune or district assessed, or the commune the residential area or organization sat in, as it stood in the year.',
      resolve: async (a, _args, ctx) => ({ row: (await ctx.loaders.byId.load(a.unitId))!, asOf: assessmentDay(a.year, ctx.today) }),
    }),
    residentialArea: t.relation('residentialArea', { nullable: true, description: 'RESIDENTIAL_AREA: the area assessed.' }),
    organization: t.relation('organization', { nullable: true, description: 'AGENCY, ENTERPRISE, SCHOOL: the organization assessed.' }),
    status: t.field({ type: AssessmentStatusEnum, resolve: (a) => a.status }),
    facts: t.field({
      type: RecognitionFactsRef,
      nullable: true,
      description: 'RECOGNITION: the facts it is judged on.',
      resolve: (a) => (a.kind === 'RECOGNITION' ? (a.facts as RecognitionFacts) : null),
    }),
    criteria: t.field({
      type: [CriterionResultRef],
      description: 'RECOGNITION: each criterion, met or not (core’s verdict), with its evidence; empty for a grading.',
      resolve: (a) => (a.kind === 'RECOGNITION' ? criteriaOf(a) : []),
    }),
    passed: t.exposeBoolean('passed', { nullable: true, description: 'RECOGNITION: whether every criterion is met.' }),
    ruleVersion: t.exposeString('ruleVersion', { description: 'The circular, or the grading configuration, it was judged under.' }),
    scores: t.field({
      type: [ScoreRef],
      description: 'GRADING: the points of each criterion; empty for a recognition.',
      resolve: (a) => (a.kind === 'GRADING' ? ((a.verdict as { criteria?: Score[] } | null)?.criteria ?? []) : []),
    }),
    total: t.exposeFloat('total', { nullable: true }),
    maxTotal: t.exposeFloat('maxTotal', { nullable: true }),
    level: t.field({ type: GradingLevelEnum, nullable: true, resolve: (a) => a.level }),
    gradingConfigId: t.exposeString('gradingConfigId', { nullable: true }),
    dueBefore: t.field({
      type: DateScalar,
      nullable: true,
      description: 'The reporting deadline (strict: submitted on it is late).',
      resolve: (a) => {
        const d = reportingDeadline(a.unitKind, a.year);
        return d.ok ? d.dueBefore : null;
      },
    }),
    submittedOn: t.field({ type: DateScalar, nullable: true, resolve: (a) => isoOf(a.submittedOn) }),
    late: t.exposeBoolean('late', { description: 'Submitted on or after the deadline.' }),
    lateReason: t.exposeString('lateReason', { nullable: true }),
    reviewedOn: t.field({ type: DateScalar, nullable: true, resolve: (a) => isoOf(a.reviewedOn) }),
    decision: t.field({ type: DecisionRef, nullable: true, resolve: (a) => decisionOf(a) }),
    revision: t.exposeInt('revision', { description: '1, then 2 for the decision that corrects it, and so on.' }),
    corrects: t.relation('corrects', { nullable: true, description: 'The decided assessment this decision corrects.' }),
    correctedBy: t.relation('correctedBy', { nullable: true, description: 'The decision that corrects this one, if any.' }),
    steps: t.relation('steps', { query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
    isDemo: t.boolean({ description: 'Part of the demo data.', resolve: (a) => a.datasetId !== null }),
    version: t.exposeInt('version', { description: 'Send it back with an act: a stale one is refused.' }),
  }),
});

/** The assessments of a year filed under a unit, with the filters given (current decisions only: a corrected one gives way to its correction). */
function assessmentsOf(
  ctx: Context,
  args: {
    unitCode: string;
    year: number;
    asOf?: string | null;
    kind?: string | null;
    status?: string | null;
    unitKind?: string | null;
    level?: string | null;
    overdue?: boolean | null;
  },
): Prisma.AssessmentWhereInput {
  const overdueKinds = GRADED_UNIT_KINDS.filter((k) => {
    const d = reportingDeadline(k, args.year);
    return d.ok && ctx.today >= d.dueBefore;
  });
  return {
    AND: [
      assessmentWhere(ctx, { code: args.unitCode, date: unitsOnFor(ctx, args.unitCode, args.year, args.asOf) }),
      { year: args.year, correctedBy: { is: null } },
      ...(args.kind ? [{ kind: args.kind as Prisma.AssessmentWhereInput['kind'] }] : []),
      ...(args.status ? [{ status: args.status as Prisma.AssessmentWhereInput['status'] }] : []),
      ...(args.unitKind ? [{ unitKind: args.unitKind as Prisma.AssessmentWhereInput['unitKind'] }] : []),
      ...(args.level ? [{ level: args.level as Prisma.AssessmentWhereInput['level'] }] : []),
      ...(args.overdue ? [{ status: { in: ['DRAFT' as const, 'SENT_BACK' as const] }, unitKind: { in: overdueKinds } }] : []),
    ],
  };
}

builder.queryField('assessments', (t) =>
  t.prismaConnection({
    type: 'Assessment',
    description:
      'The assessments of a year filed under a unit (a commune or anything above it, read on asOf: today’s units count the assessments of the units they took in, through the lineage), within your jurisdiction; overdue: not submitted and past the deadline.',
    authScopes: { allowed: ['ASSESSMENT', 'READ'] as const },
    args: {
      unitCode: t.arg.string({ required: true }),
      year: t.arg.int({ required: true }),
      asOf: t.arg({
        type: DateScalar,
        description:
          'The date unitCode is read on. Default: today, or the end of the year for a code that names no unit today (70: Bình Phước).',
      }),
      kind: t.arg({ type: AssessmentKindEnum }),
      status: t.arg({ type: AssessmentStatusEnum }),
      unitKind: t.arg({ type: GradedUnitKindEnum }),
      level: t.arg({ type: GradingLevelEnum, description: 'GRADING: the level graded.' }),
      overdue: t.arg.boolean({ description: 'Not submitted (a draft) past the deadline of its kind of unit.' }),
    },
    ...filteredList((db) => db.assessment, assessmentsOf, [{ unitKind: 'asc' }, { unitCode: 'asc' }, { id: 'asc' }]),
  }),
);
