/**
 * The year's assessment, step by step, through the mutation pipeline (ASSESSMENT WRITE where
 * it is filed): the unit's own officer creates and edits the draft and submits it (late
 * after the deadline, with a reason); the level above sends it back with a reason or reviews
 * it, adjusting facts or points with a reason; the deciding level decides, and a decided
 * assessment is corrected only by a new decision that names it. Who does which step, and
 * every check, is core's judgeAssessmentAct; each act is one step of the assessment's history.
 */
import {
  actingRole,
  assessmentRefusalLabel,
  judgeAssessmentAct,
  type AssessmentAct,
  type AssessmentRefusal,
  type AssessmentStatus,
  type GradedUnitKind,
  type Label,
} from '@antq/core';
import type { Prisma } from '@antq/db';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ForbiddenError, userErrors } from '../errors.js';
import { actorName } from '../audit/record.js';
import { dateColumn } from '../hierarchy/rows.js';
import { decisionColumns } from '../mutations.js';
import { actsOn, defineMutation, type Target } from '../mutation/define.js';
import { DateScalar } from '../scalars.js';
import { GradingMeasureInput, measuresOf, outcomeOf, RecognitionFactsInput, recognitionFactsOf } from './outcome.js';
import { AssessmentKindEnum, AssessmentRef, GradedUnitKindEnum } from './schema.js';
import { assessedSubject, recognisedUnit, type AssessedSubject } from './subject.js';

const ASSESSMENT: Label = { vi: 'bản đánh giá', en: 'assessment' };

/** The input field each refusal is about. */
const REFUSAL_FIELD: Readonly<Record<AssessmentRefusal['code'], string>> = {
  WRONG_STATUS: 'id',
  ALREADY_DECIDED: 'id',
  WRONG_ACTOR: 'id',
  YEAR_NOT_STARTED: 'year',
  BEFORE_THE_RULES: 'year',
  NO_DISTRICTS_IN_ERA: 'year',
  REASON_REQUIRED: 'reason',
  DECISION_IN_FUTURE: 'decisionDate',
  DECISION_BEFORE_YEAR: 'decisionDate',
};

/** Core's judgement of an act on an assessment: whether it is late, or its refusal (FORBIDDEN for the wrong officer, else VALIDATION). */
function judgeAct(
  ctx: Context,
  act: AssessmentAct,
  on: { unitKind: GradedUnitKind; year: number; status: AssessmentStatus | null },
  given: { reason?: string | null; adjusts?: boolean; decisionDate?: string | null } = {},
): { late: boolean; reason: string | null } {
  const reason = given.reason?.trim() || null;
  const verdict = judgeAssessmentAct({
    act,
    ...on,
    role: actingRole(ctx.viewer),
    today: ctx.today,
    reason,
    adjusts: given.adjusts,
    decisionDate: given.decisionDate ?? undefined,
  });
  if (verdict.pass) return { late: verdict.late, reason };
  const wrongActor = verdict.failures.find((f) => f.code === 'WRONG_ACTOR');
  if (wrongActor) throw new ForbiddenError(assessmentRefusalLabel(wrongActor));
  const problems = verdict.failures.map((f) => ({ path: [REFUSAL_FIELD[f.code]], message: assessmentRefusalLabel(f).en }));
  throw userErrors.invalid(problems, assessmentRefusalLabel(verdict.failures[0]));
}

/** One step of the assessment's history, in the act's transaction. */
const step = (
  tx: Prisma.TransactionClient,
  ctx: Context,
  assessmentId: string,
  act: AssessmentAct,
  status: AssessmentStatus,
  reason: string | null,
  before?: Prisma.InputJsonValue,
) =>
  tx.assessmentStep.create({
    data: { assessmentId, act, status, on: dateColumn(ctx.today), actor: actorName(ctx.viewer), reason, before },
  });

const FACTS_FIELDS = (t: Fields) => ({
  recognition: t.field({ type: RecognitionFactsInput, description: 'RECOGNITION: the facts.' }),
  grading: t.field({ type: [GradingMeasureInput], description: 'GRADING: the measure of each criterion of the year’s configuration.' }),
});
type FactsArgs = {
  recognition?: (typeof RecognitionFactsInput)['$inferInput'] | null;
  grading?: Array<(typeof GradingMeasureInput)['$inferInput']> | null;
};

/** The facts of an assessment of `kind`, as given; the other kind's, or none when `required`, is a ValidationError. */
function recordedOf(kind: 'RECOGNITION' | 'GRADING', input: FactsArgs, required: boolean) {
  const [mine, other] = kind === 'RECOGNITION' ? (['recognition', 'grading'] as const) : (['grading', 'recognition'] as const);
  if (input[other]) throw userErrors.invalid([{ path: [other], message: `is for a ${other.toUpperCase()} assessment` }]);
  if (!input[mine]) {
    if (required) throw userErrors.invalid([{ path: [mine], message: `is required for a ${kind} assessment` }]);
    return null;
  }
  return input.recognition
    ? { recognition: recognitionFactsOf(input.recognition, 'recognition') }
    : { grading: measuresOf(input.grading!, 'grading') };
}

type Row = Prisma.AssessmentGetPayload<{ include: { organization: true } }>;
/** The unit of an assessment as core's recognition rules take it. */
const unitOf = (row: Row) => (row.organization ? recognisedUnit(row.organization)! : { unitKind: row.unitKind as 'COMMUNE' });

/** What every act on an existing assessment shares: it is seen and acted on where it is filed (its unit in its year; its area for area leaders). */
const ON_ASSESSMENT = actsOn({
  permission: ['ASSESSMENT', 'WRITE'],
  entity: 'Assessment',
  idField: 'id',
  notFound: ASSESSMENT,
  load: async (ctx, id): Promise<Target<Row> | null> => {
    const row = await ctx.db.prisma.assessment.findUnique({ where: { id }, include: { organization: true } });
    if (!row) return null;
    const at = { unitId: row.unitId, areaId: row.residentialAreaId };
    return { row, id: row.id, version: row.version, placeCodes: row.placeCodes, seenAt: at, actsAt: at };
  },
});
const versioned = { table: 'assessment', version: (input: { version: number }) => input.version } as const;
type Fields = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];
/** The input of an act on an existing assessment: its ID and the version read, and the act's own fields. */
const actInput = <F extends object>(name: string, fields: (t: Fields) => F) =>
  builder.inputType(name, { fields: (t) => ({ id: t.id({ required: true }), version: t.int({ required: true }), ...fields(t) }) });

// ─── createAssessment ──────────────────────────────────────────────────────────────

const CreateInput = builder.inputType('CreateAssessmentInput', {
  fields: (t) => ({
    kind: t.field({ type: AssessmentKindEnum, required: true }),
    year: t.int({ required: true }),
    unitKind: t.field({ type: GradedUnitKindEnum, required: true }),
    unitCode: t.string({ description: 'COMMUNE, DISTRICT: the unit’s code in that year.' }),
    residentialAreaId: t.id({ description: 'RESIDENTIAL_AREA: the area.' }),
    organizationId: t.id({ description: 'AGENCY, ENTERPRISE, SCHOOL: the organization.' }),
    ...FACTS_FIELDS(t),
  }),
});

defineMutation('createAssessment', {
  description:
    'Start a unit’s assessment of a year as a DRAFT, with its facts (recognition) or measures (grading): by the unit’s own officer.',
  input: CreateInput,
  result: AssessmentRef,
  permission: ['ASSESSMENT', 'WRITE'],
  entity: 'Assessment',
  ids: { residentialAreaId: 'ResidentialArea', organizationId: 'Organization' },
  notFound: ASSESSMENT,
  load: async (ctx, input, ids): Promise<Target<AssessedSubject>> => {
    const subject = await assessedSubject(ctx, input, ids.residentialAreaId ?? ids.organizationId);
    if ('code' in subject) throw subject;
    return { row: subject, placeCodes: subject.placeCodes, actsAt: { unitId: subject.unitId, areaId: subject.residentialAreaId } };
  },
  judge: async (ctx, input, subject) => {
    judgeAct(ctx, 'DRAFT', { unitKind: subject.unitKind, year: input.year, status: null });
    const key = { kind: input.kind, year: input.year, subjectKey: subject.subjectKey };
    if (await ctx.db.prisma.assessment.count({ where: key }))
      throw userErrors.invalid([
        { path: ['year'], message: `this unit already has a ${input.kind} assessment for ${input.year}: edit it` },
      ]);
    return { ...key, outcome: await outcomeOf(ctx, subject.recognised, input.year, recordedOf(input.kind, input, true)!) };
  },
  write: async (tx, { outcome, ...key }, s, ctx) => {
    const { unitKind, unitId, unitCode, placeCodes, residentialAreaId, organizationId } = s;
    const created = await tx.assessment.create({
      data: { ...key, unitKind, unitId, unitCode, placeCodes, residentialAreaId, organizationId, ...outcome },
    });
    await step(tx, ctx, created.id, 'DRAFT', 'DRAFT', null);
    return created;
  },
});

// ─── editAssessment ────────────────────────────────────────────────────────────────

defineMutation('editAssessment', {
  description: 'Change the facts or measures of a DRAFT or SENT_BACK assessment: by the unit’s own officer.',
  input: actInput('EditAssessmentInput', FACTS_FIELDS),
  result: AssessmentRef,
  ...ON_ASSESSMENT,
  versioned,
  judge: async (ctx, input, a) => {
    judgeAct(ctx, 'DRAFT', a);
    return outcomeOf(ctx, unitOf(a), a.year, recordedOf(a.kind, input, true)!);
  },
  write: async (tx, outcome, a, ctx) => {
    await step(tx, ctx, a.id, 'DRAFT', a.status, null);
    return tx.assessment.update({ where: { id: a.id }, data: outcome });
  },
});

// ─── submitAssessment ──────────────────────────────────────────────────────────────

defineMutation('submitAssessment', {
  description:
    'Submit an assessment to the level above: before the deadline, or after it with a reason (marked late). By the unit’s own officer.',
  input: actInput('SubmitAssessmentInput', (t) => ({ reason: t.string({ description: 'Why it is late, after the deadline.' }) })),
  result: AssessmentRef,
  ...ON_ASSESSMENT,
  versioned,
  judge: (ctx, input, a) => judgeAct(ctx, 'SUBMIT', a, input),
  write: async (tx, { late, reason }, a, ctx) => {
    await step(tx, ctx, a.id, 'SUBMIT', 'SUBMITTED', reason);
    const first = a.status === 'DRAFT' ? { late, lateReason: late ? reason : null } : {};
    return tx.assessment.update({ where: { id: a.id }, data: { status: 'SUBMITTED', submittedOn: dateColumn(ctx.today), ...first } });
  },
});

// ─── sendBackAssessment ────────────────────────────────────────────────────────────

defineMutation('sendBackAssessment', {
  description: 'Send a submitted or reviewed assessment back to its unit, with the reason: by the level above.',
  input: actInput('SendBackAssessmentInput', (t) => ({ reason: t.string({ required: true }) })),
  result: AssessmentRef,
  ...ON_ASSESSMENT,
  versioned,
  judge: (ctx, input, a) => judgeAct(ctx, 'SEND_BACK', a, input),
  write: async (tx, { reason }, a, ctx) => {
    await step(tx, ctx, a.id, 'SEND_BACK', 'SENT_BACK', reason);
    return tx.assessment.update({ where: { id: a.id }, data: { status: 'SENT_BACK' } });
  },
});

// ─── reviewAssessment ──────────────────────────────────────────────────────────────

defineMutation('reviewAssessment', {
  description:
    'Review a submitted assessment: by the level above, adjusting its facts or measures with a reason (recorded with what they were).',
  input: actInput('ReviewAssessmentInput', (t) => ({ ...FACTS_FIELDS(t), reason: t.string({ description: 'Why, when adjusting.' }) })),
  result: AssessmentRef,
  ...ON_ASSESSMENT,
  versioned,
  judge: async (ctx, input, a) => {
    const recorded = recordedOf(a.kind, input, false);
    const { reason } = judgeAct(ctx, 'REVIEW', a, { ...input, adjusts: recorded !== null });
    return { reason, outcome: recorded && (await outcomeOf(ctx, unitOf(a), a.year, recorded)) };
  },
  write: async (tx, { reason, outcome }, a, ctx) => {
    await step(tx, ctx, a.id, 'REVIEW', 'REVIEWED', reason, outcome ? (a.facts as Prisma.InputJsonValue) : undefined);
    return tx.assessment.update({ where: { id: a.id }, data: { status: 'REVIEWED', reviewedOn: dateColumn(ctx.today), ...outcome } });
  },
});

// ─── decideAssessment ──────────────────────────────────────────────────────────────

const DECISION_FIELDS = (t: Fields) => ({
  decisionNumber: t.string({ required: true, description: '215/QĐ-UBND' }),
  decisionDate: t.field({ type: DateScalar, required: true, description: 'Not in the future, nor before the year assessed.' }),
  decisionIssuer: t.string({ required: true, description: 'Ủy ban nhân dân xã …, or the province’s.' }),
});
type DecisionArgs = { decisionNumber: string; decisionDate: string; decisionIssuer: string };
const decisionOf = (input: DecisionArgs) =>
  decisionColumns({ number: input.decisionNumber.trim(), date: input.decisionDate, issuer: input.decisionIssuer.trim() });

defineMutation('decideAssessment', {
  description:
    'Decide a reviewed assessment, with the decision’s number, date and issuer: by the commune for its residential areas, by the province for the others. Final.',
  input: actInput('DecideAssessmentInput', DECISION_FIELDS),
  result: AssessmentRef,
  ...ON_ASSESSMENT,
  versioned,
  judge: (ctx, input, a) => (judgeAct(ctx, 'DECIDE', a, input), decisionOf(input)),
  write: async (tx, decision, a, ctx) => {
    await step(tx, ctx, a.id, 'DECIDE', 'DECIDED', null);
    return tx.assessment.update({ where: { id: a.id }, data: { status: 'DECIDED', ...decision } });
  },
});

// ─── correctAssessmentDecision ─────────────────────────────────────────────────────

defineMutation('correctAssessmentDecision', {
  description:
    'Correct a decided assessment by a new decision, with the reason (and corrected facts or measures, if any): the decided one stays as it was, and the new one names it.',
  input: actInput('CorrectAssessmentDecisionInput', (t) => ({
    ...DECISION_FIELDS(t),
    ...FACTS_FIELDS(t),
    reason: t.string({ required: true }),
  })),
  result: AssessmentRef,
  ...ON_ASSESSMENT,
  versioned,
  judge: async (ctx, input, a) => {
    const { reason } = judgeAct(ctx, 'CORRECT', a, input);
    const recorded = recordedOf(a.kind, input, false);
    return { reason, decision: decisionOf(input), outcome: recorded && (await outcomeOf(ctx, unitOf(a), a.year, recorded)) };
  },
  write: async (tx, { reason, decision, outcome }, a, ctx) => {
    const { id: correctsId, organization: _o, version: _v, createdAt: _c, facts, verdict, ...kept } = a;
    const data = { ...kept, facts: facts as Prisma.InputJsonValue, verdict: verdict ?? undefined, ...outcome, ...decision };
    const created = await tx.assessment.create({ data: { ...data, revision: a.revision + 1, correctsId } });
    await step(tx, ctx, created.id, 'CORRECT', 'DECIDED', reason);
    return created;
  },
  audited: (created) => ({ entityId: created.id }),
});
