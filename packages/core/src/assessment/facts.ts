/**
 * What a unit's assessment records: for the recognition, the facts Circular 124 judges
 * (dates of the first-quarter acts, households, serious events…) with evidence for each
 * criterion, and the verdict core gives on them; for the grading, the measure of each
 * criterion of the year's configuration, and the points and level core gives.
 */
import { z } from 'zod';
import { isoDate, type IsoDate } from '../dates.js';
import { isoDateSchema } from '../entities/common.js';
import { SERIOUS_EVENT_KINDS, type GradedUnitKind, type GradingLevel } from '../entities/enums.js';
import {
  recognizeCommune,
  recognizeOrganization,
  recognizeResidentialArea,
  type OrganizationScopeInput,
  type RecognitionCriterion,
  type RecognitionVerdict,
} from '../rules/recognition.js';
import {
  gradeUnit,
  gradingConfigFor,
  type CriterionMeasure,
  type CriterionScore,
  type GradingConfig,
  type GradingInputError,
  type GradingResult,
} from '../rules/grading.js';

/** The rules a recognition verdict is computed under, stored with it. */
export const RECOGNITION_RULE_VERSION = 'TT 124/2021/TT-BCA (sửa đổi bởi TT 48/2025/TT-BCA)';

const RECOGNITION_CRITERIA = [
  'IN_SCOPE',
  'FIRST_QUARTER_RESOLUTION',
  'FIRST_QUARTER_PLAN',
  'FIRST_QUARTER_REGISTRATION',
  'ALL_HOUSEHOLDS_REGISTERED',
  'POLICIES_IMPLEMENTED',
  'NO_SERIOUS_EVENTS',
  'EFFECTIVE_MODEL',
  'NO_POLICE_DISCIPLINED',
] as const satisfies readonly RecognitionCriterion[];

/** An agency's, enterprise's or school's criteria: whether the circular applies to it, then its acts and model. */
const ORGANIZATION_CRITERIA = [
  'IN_SCOPE',
  'FIRST_QUARTER_RESOLUTION',
  'FIRST_QUARTER_PLAN',
  'FIRST_QUARTER_REGISTRATION',
  'EFFECTIVE_MODEL',
  'POLICIES_IMPLEMENTED',
  'NO_SERIOUS_EVENTS',
] as const satisfies readonly RecognitionCriterion[];

// Circular 124/2021/TT-BCA (as amended by TT 48/2025): the criteria of each kind of unit; districts are graded only.
/** The criteria a recognition of this kind of unit is judged on, in the circular's order. */
export const RECOGNITION_CRITERIA_OF: Readonly<Record<GradedUnitKind, readonly RecognitionCriterion[]>> = {
  RESIDENTIAL_AREA: [
    'FIRST_QUARTER_RESOLUTION',
    'FIRST_QUARTER_REGISTRATION',
    'ALL_HOUSEHOLDS_REGISTERED',
    'POLICIES_IMPLEMENTED',
    'NO_SERIOUS_EVENTS',
  ],
  COMMUNE: [
    'FIRST_QUARTER_RESOLUTION',
    'FIRST_QUARTER_PLAN',
    'FIRST_QUARTER_REGISTRATION',
    'EFFECTIVE_MODEL',
    'ALL_HOUSEHOLDS_REGISTERED',
    'POLICIES_IMPLEMENTED',
    'NO_SERIOUS_EVENTS',
    'NO_POLICE_DISCIPLINED',
  ],
  DISTRICT: [],
  AGENCY: ORGANIZATION_CRITERIA,
  ENTERPRISE: ORGANIZATION_CRITERIA,
  SCHOOL: ORGANIZATION_CRITERIA,
};

const count = z.number().int().min(0).max(10_000_000);

/** The facts of a recognition, as recorded (which of them a unit needs depends on its kind: see {@link recognitionVerdict}). */
export const recognitionFactsSchema = z.object({
  resolutionOn: isoDateSchema.nullable(),
  planOn: isoDateSchema.nullable().optional(),
  registeredOn: isoDateSchema.nullable(),
  households: count.optional(),
  householdsRegistered: count.optional(),
  policiesImplemented: z.boolean(),
  seriousEvents: z.array(z.enum(SERIOUS_EVENT_KINDS)).max(50),
  effectiveModels: count.optional(),
  policeDisciplined: count.optional(),
  /** What shows each criterion is met (minutes, plan numbers, registers…), by criterion. */
  evidence: z.partialRecord(z.enum(RECOGNITION_CRITERIA), z.string().trim().min(1).max(2000)).default({}),
});
/** The facts of a recognition. */
export type RecognitionFacts = z.infer<typeof recognitionFactsSchema>;

/** A fact a kind of unit must record, missing. */
export interface MissingFact {
  readonly fact: keyof RecognitionFacts;
}

const NEEDED: Readonly<Record<Exclude<GradedUnitKind, 'DISTRICT'>, ReadonlyArray<keyof RecognitionFacts>>> = {
  RESIDENTIAL_AREA: ['households', 'householdsRegistered'],
  COMMUNE: ['planOn', 'households', 'householdsRegistered', 'effectiveModels', 'policeDisciplined'],
  AGENCY: ['planOn', 'effectiveModels'],
  ENTERPRISE: ['planOn', 'effectiveModels'],
  SCHOOL: ['planOn', 'effectiveModels'],
};

/** The recognition verdict of a unit for a year, or the facts its kind needs and lacks. */
export type RecognitionOutcome =
  | { readonly ok: true; readonly verdict: RecognitionVerdict; readonly ruleVersion: string }
  | { readonly ok: false; readonly missing: readonly MissingFact[] }
  | { readonly ok: false; readonly notApplicable: 'DISTRICT' };

// Circular 124/2021/TT-BCA: residential areas, communes, agencies, enterprises and schools are recognised; districts are graded only (QĐ 510).
/** The unit a recognition is of: an organization with the facts that decide whether Circular 124 applies to it. */
export type RecognisedUnit =
  | { readonly unitKind: 'RESIDENTIAL_AREA' }
  | { readonly unitKind: 'COMMUNE' }
  | { readonly unitKind: 'DISTRICT' }
  | { readonly unitKind: 'AGENCY' | 'ENTERPRISE' | 'SCHOOL'; readonly organization: OrganizationScopeInput };

/** Judges recorded facts for `year` with core's recognition rules. */
export function recognitionVerdict(unit: RecognisedUnit, year: number, facts: RecognitionFacts): RecognitionOutcome {
  if (unit.unitKind === 'DISTRICT') return { ok: false, notApplicable: 'DISTRICT' };
  const missing = NEEDED[unit.unitKind].filter((f) => facts[f] === undefined || facts[f] === null).map((fact) => ({ fact }));
  if (missing.length) return { ok: false, missing };
  const n = (v: number | undefined) => v ?? 0;
  const area = {
    year,
    resolutionOn: facts.resolutionOn,
    registeredOn: facts.registeredOn,
    households: n(facts.households),
    householdsRegistered: n(facts.householdsRegistered),
    policiesImplemented: facts.policiesImplemented,
    seriousEvents: facts.seriousEvents,
  };
  const more = { planOn: facts.planOn ?? null, effectiveModels: n(facts.effectiveModels) };
  const verdict =
    unit.unitKind === 'RESIDENTIAL_AREA'
      ? recognizeResidentialArea(area)
      : unit.unitKind === 'COMMUNE'
        ? recognizeCommune({ ...area, ...more, policeDisciplined: n(facts.policeDisciplined) })
        : recognizeOrganization({ ...area, ...more, organization: unit.organization });
  return { ok: true, verdict, ruleVersion: RECOGNITION_RULE_VERSION };
}

/** The measures of a grading, by criterion code, as the API takes them. */
export const gradingMeasuresSchema = z
  .record(
    z.string().regex(/^[A-Z0-9_]{1,60}$/, 'must be a criterion code'),
    z.union([z.boolean(), z.number().min(0).max(1000), z.object({ part: count, whole: count })]),
  )
  .refine((m) => Object.keys(m).length <= 100, 'at most 100 criteria');

/** The day whose configuration grades a year: the last of the year (a configuration changed later does not apply). */
export const gradingDayOf = (year: number): IsoDate => isoDate(year, 12, 31);

/** The grading of a unit for a year under the configuration in force, or why none applies. */
export type GradingOutcome =
  { readonly ok: true; readonly config: GradingConfig; readonly result: GradingResult } | { readonly ok: false; readonly noConfig: true };

// QĐ 510/QĐ-BCA-V05 (2022): points per criterion of the configuration in force for the unit kind, and the level by its cut-offs.
/** Grades `measures` under the configuration in force for the unit kind at the end of `year`. */
export function gradingOutcome(
  configs: readonly GradingConfig[],
  unitKind: GradedUnitKind,
  year: number,
  measures: Readonly<Record<string, CriterionMeasure>>,
): GradingOutcome {
  const config = gradingConfigFor(configs, unitKind, gradingDayOf(year));
  return config ? { ok: true, config, result: gradeUnit(config, measures) } : { ok: false, noConfig: true };
}

/** What a unit's assessment records: a recognition's facts or a grading's measures. */
export type RecordedFacts = { readonly recognition: RecognitionFacts } | { readonly grading: Readonly<Record<string, CriterionMeasure>> };

/**
 * The columns an assessment is stored in once core has judged what it records: the facts
 * as recorded, core's verdict (a recognition's criteria, or a grading's points per
 * criterion) and the rules it was given under, so that a later change of rules or
 * configuration never changes it.
 */
export interface AssessmentRecord {
  readonly facts: RecognitionFacts | Readonly<Record<string, CriterionMeasure>>;
  readonly verdict: RecognitionVerdict | { readonly criteria: readonly CriterionScore[] };
  readonly passed: boolean | null;
  readonly ruleVersion: string;
  readonly gradingConfigId: string | null;
  readonly total: number | null;
  readonly maxTotal: number | null;
  readonly level: GradingLevel | null;
}

/** Why recorded facts cannot be judged: a fact the unit's kind needs, a kind that is not recognised or has no configuration, a measure that does not fit. */
export type AssessmentFactProblem =
  | { readonly code: 'REQUIRED'; readonly fact: keyof RecognitionFacts }
  | { readonly code: 'NOT_RECOGNISED' }
  | { readonly code: 'NO_GRADING_CONFIG' }
  | { readonly code: GradingInputError['code']; readonly criterion: string };

/** The stored record of recorded facts, or every problem with them. */
export type AssessmentRecordOutcome =
  { readonly ok: true; readonly record: AssessmentRecord } | { readonly ok: false; readonly problems: readonly AssessmentFactProblem[] };

// TT 124/2021/TT-BCA for a recognition; QĐ 510/QĐ-BCA-V05 (2022) under the configuration in force at the year's end for a grading.
/** Judges what a unit recorded for `year` (recognition facts, or grading measures under `configs`) into the columns it is stored in. */
export function assessmentRecord(
  unit: RecognisedUnit,
  year: number,
  recorded: RecordedFacts,
  configs: readonly GradingConfig[],
): AssessmentRecordOutcome {
  if ('recognition' in recorded) {
    const outcome = recognitionVerdict(unit, year, recorded.recognition);
    if (!outcome.ok)
      return {
        ok: false,
        problems: 'missing' in outcome ? outcome.missing.map((m) => ({ code: 'REQUIRED', fact: m.fact })) : [{ code: 'NOT_RECOGNISED' }],
      };
    return {
      ok: true,
      record: {
        facts: recorded.recognition,
        verdict: outcome.verdict,
        passed: outcome.verdict.pass,
        ruleVersion: outcome.ruleVersion,
        gradingConfigId: null,
        total: null,
        maxTotal: null,
        level: null,
      },
    };
  }
  const graded = gradingOutcome(configs, unit.unitKind, year, recorded.grading);
  if (!graded.ok) return { ok: false, problems: [{ code: 'NO_GRADING_CONFIG' }] };
  const { config, result } = graded;
  if (!result.ok) return { ok: false, problems: result.errors.map((e) => ({ code: e.code, criterion: e.criterion })) };
  return {
    ok: true,
    record: {
      facts: recorded.grading,
      verdict: { criteria: result.criteria },
      passed: null,
      ruleVersion: config.source,
      gradingConfigId: config.id,
      total: result.total,
      maxTotal: result.maxTotal,
      level: result.level,
    },
  };
}
