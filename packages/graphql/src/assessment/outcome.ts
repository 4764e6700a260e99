/**
 * What an assessment's facts come to, judged by core when they are recorded or adjusted:
 * the recognition verdict (TT 124) or the points and level (QĐ 510, under the configuration
 * in force for the year), stored with the rules used so that a later change of rules or
 * configuration never changes them. And the inputs that carry the facts.
 */
import {
  assessmentRecord,
  EXAMPLE_GRADING_CONFIGS,
  gradingConfigSchema,
  gradingMeasuresSchema,
  recognitionFactsSchema,
  type AssessmentFactProblem,
  type AssessmentRecord,
  type CriterionMeasure,
  type GradingConfig,
  type RecognisedUnit,
  type RecognitionFacts,
  type RecordedFacts,
} from '@antq/core';
import type { Prisma } from '@antq/db';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { userErrors, type FieldProblem } from '../errors.js';
import { parseInput, stripNulls } from '../mutations.js';
import { DateScalar } from '../scalars.js';
import { RecognitionCriterionEnum, SeriousEventKindEnum } from './schema.js';

export const RecognitionFactsInput = builder.inputType('RecognitionFactsInput', {
  description:
    'What TT 124/2021 judges. Which facts a unit records depends on its kind: a commune also its plan, effective models and police disciplined.',
  fields: (t) => ({
    resolutionOn: t.field({ type: DateScalar, description: 'The resolution on the movement (first quarter).' }),
    planOn: t.field({ type: DateScalar, description: 'Communes, agencies, enterprises, schools: the plan (first quarter).' }),
    registeredOn: t.field({ type: DateScalar, description: 'The registration to compete (first quarter).' }),
    households: t.int({ description: 'Residential areas and communes: households.' }),
    householdsRegistered: t.int({ description: '… of which registered to take part.' }),
    policiesImplemented: t.boolean({ required: true }),
    seriousEvents: t.field({
      type: [SeriousEventKindEnum],
      required: true,
      description: 'The serious events of the year (none: an empty list).',
    }),
    effectiveModels: t.int({ description: 'Models built, consolidated or maintained and evaluated effective in the year.' }),
    policeDisciplined: t.int({ description: 'Communes: commune police officers disciplined in the year.' }),
    evidence: t.field({ type: [EvidenceInput], description: 'What shows each criterion is met (minutes, plan numbers, registers).' }),
  }),
});
const EvidenceInput = builder.inputType('RecognitionEvidenceInput', {
  fields: (t) => ({ criterion: t.field({ type: RecognitionCriterionEnum, required: true }), text: t.string({ required: true }) }),
});

export const GradingMeasureInput = builder.inputType('GradingMeasureInput', {
  description:
    'The measure of one criterion of the year’s grading configuration: exactly one of met (YES_NO), part and whole (SHARE_AT_LEAST), points (SCORED).',
  fields: (t) => ({
    criterion: t.string({ required: true, description: 'The criterion’s code.' }),
    met: t.boolean(),
    part: t.int(),
    whole: t.int(),
    points: t.float(),
  }),
});

type FactsInput = (typeof RecognitionFactsInput)['$inferInput'];
type MeasureInput = (typeof GradingMeasureInput)['$inferInput'];

/** The facts as core takes them, or a ValidationError on `field`. */
export function recognitionFactsOf(input: FactsInput, field: string): RecognitionFacts {
  const { evidence, ...facts } = input;
  return parseInput(
    recognitionFactsSchema,
    {
      ...stripNulls(facts),
      resolutionOn: facts.resolutionOn ?? null,
      registeredOn: facts.registeredOn ?? null,
      evidence: Object.fromEntries((evidence ?? []).map((e) => [e.criterion, e.text])),
    },
    { '': field },
  );
}

/** The measures as core takes them, or a ValidationError on `field`. */
export function measuresOf(input: readonly MeasureInput[], field: string): Record<string, CriterionMeasure> {
  const problems: FieldProblem[] = [];
  const measures: Record<string, CriterionMeasure> = {};
  input.forEach((m, i) => {
    const given = [m.met != null, m.part != null || m.whole != null, m.points != null].filter(Boolean).length;
    if (given !== 1) problems.push({ path: [field, String(i)], message: 'give exactly one of met, part and whole, points' });
    else if (m.criterion in measures) problems.push({ path: [field, String(i), 'criterion'], message: 'is given twice' });
    else measures[m.criterion] = m.met ?? m.points ?? { part: m.part ?? -1, whole: m.whole ?? -1 };
  });
  if (problems.length) throw userErrors.invalid(problems);
  return parseInput(gradingMeasuresSchema, measures, { '': field });
}

/** The grading configurations with their versions: those set through the API, and the examples (version 0) unless replaced (same id). One statement. */
export async function gradingConfigs(ctx: Context): Promise<Array<GradingConfig & { version: number }>> {
  const rows = await ctx.db.prisma.gradingConfiguration.findMany({ orderBy: { id: 'asc' } });
  const stored = rows.map((r) => ({ ...gradingConfigSchema.parse(r.config), version: r.version }));
  const replaced = new Set(stored.map((c) => c.id));
  return [...EXAMPLE_GRADING_CONFIGS.filter((c) => !replaced.has(c.id)).map((c) => ({ ...c, version: 0 })), ...stored];
}

/** The columns an assessment's judged facts are stored in. */
export type OutcomeColumns = Pick<
  Prisma.AssessmentUncheckedCreateInput,
  'facts' | 'verdict' | 'passed' | 'ruleVersion' | 'gradingConfigId' | 'total' | 'maxTotal' | 'level'
>;

/** An assessment record as Prisma stores it (its facts and verdict are JSON). */
export const recordColumns = (record: AssessmentRecord): OutcomeColumns => ({
  ...record,
  facts: record.facts as Prisma.InputJsonValue,
  verdict: record.verdict as unknown as Prisma.InputJsonValue,
});

const problemOf = (p: AssessmentFactProblem, unitKind: string, year: number): FieldProblem =>
  p.code === 'REQUIRED'
    ? { path: ['recognition', p.fact], message: `is required for a ${unitKind}` }
    : p.code === 'NOT_RECOGNISED'
      ? { path: ['kind'], message: 'districts are graded (GRADING), not recognised' }
      : p.code === 'NO_GRADING_CONFIG'
        ? { path: ['kind'], message: `no grading configuration is in force for a ${unitKind} in ${year}` }
        : { path: ['grading', p.criterion], message: p.code };

/** The outcome of recorded facts or measures for the subject's year (core's assessmentRecord), or a ValidationError saying what is missing or wrong. */
export async function outcomeOf(ctx: Context, unit: RecognisedUnit, year: number, recorded: RecordedFacts): Promise<OutcomeColumns> {
  const outcome = assessmentRecord(unit, year, recorded, 'grading' in recorded ? await gradingConfigs(ctx) : []);
  if (!outcome.ok) throw userErrors.invalid(outcome.problems.map((p) => problemOf(p, unit.unitKind, year)));
  return recordColumns(outcome.record);
}
