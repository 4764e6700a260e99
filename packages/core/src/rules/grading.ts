/**
 * Grading the movement under QĐ 510/QĐ-BCA-V05 (2022): each unit self-assesses points by
 * criterion and reports upward by a deadline; the total decides the level (xuất sắc, khá,
 * trung bình, yếu). The criteria, their points and the cut-offs are not all public, so
 * they are a dated configuration validated by {@link gradingConfigSchema}; example
 * configurations for agencies, residential areas and communes ship as
 * {@link EXAMPLE_GRADING_CONFIGS}, the default until a province sets its own.
 */
import { z } from 'zod';
import { intervalContains, isoDate, type IsoDate } from '../dates.js';
import { GRADED_UNIT_KINDS, type GradedUnitKind, type GradingLevel } from '../entities/enums.js';
import { dateIntervalSchema } from '../entities/common.js';
import { DISTRICTS_ABOLISHED_ON } from '../hierarchy/units.js';

const labelSchema = z.object({ vi: z.string().trim().min(1), en: z.string().trim().min(1) });
const criterionCode = z.string().regex(/^[A-Z0-9_]{1,60}$/, 'must be UPPER_SNAKE_CASE');

/**
 * One criterion of a grading configuration:
 * - `YES_NO`: `points` when met, 0 when not (a first-quarter resolution and plan: 3 points);
 * - `SHARE_AT_LEAST`: `points` when `part/whole` is at least `atLeastPercent`% (at least 90%
 *   of members taking part: 3 points), 0 otherwise;
 * - `SCORED`: the assessor awards 0 to `maxPoints`.
 */
export const gradingCriterionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('YES_NO'), code: criterionCode, label: labelSchema, points: z.number().positive() }),
  z.object({
    kind: z.literal('SHARE_AT_LEAST'),
    code: criterionCode,
    label: labelSchema,
    atLeastPercent: z.number().gt(0).max(100),
    points: z.number().positive(),
  }),
  z.object({ kind: z.literal('SCORED'), code: criterionCode, label: labelSchema, maxPoints: z.number().positive() }),
]);
/** One criterion of a grading configuration. */
export type GradingCriterion = z.infer<typeof gradingCriterionSchema>;

/** The most points a criterion can give. */
export function maxPointsOf(c: GradingCriterion): number {
  return c.kind === 'SCORED' ? c.maxPoints : c.points;
}

/**
 * A dated grading configuration for some unit kinds: criteria, and the least total for
 * each level above `WEAK` (`EXCELLENT` ≥ `GOOD` ≥ `AVERAGE`; below `AVERAGE` is `WEAK`).
 */
export const gradingConfigSchema = z
  .object({
    id: z.string().trim().min(1),
    /** The text it comes from, e.g. "QĐ 510/QĐ-BCA-V05, Điều 7". */
    source: z.string().trim().min(1),
    unitKinds: z.array(z.enum(GRADED_UNIT_KINDS)).min(1),
    effective: dateIntervalSchema,
    criteria: z.array(gradingCriterionSchema).min(1),
    cutoffs: z.object({ EXCELLENT: z.number().min(0), GOOD: z.number().min(0), AVERAGE: z.number().min(0) }),
  })
  .superRefine((c, ctx) => {
    const codes = c.criteria.map((x) => x.code);
    if (new Set(codes).size !== codes.length)
      ctx.addIssue({ code: 'custom', message: 'criterion codes must be unique', path: ['criteria'] });
    if (!(c.cutoffs.EXCELLENT >= c.cutoffs.GOOD && c.cutoffs.GOOD >= c.cutoffs.AVERAGE)) {
      ctx.addIssue({ code: 'custom', message: 'cut-offs must not rise from EXCELLENT to AVERAGE', path: ['cutoffs'] });
    }
    const max = c.criteria.reduce((s, x) => s + maxPointsOf(x), 0);
    if (c.cutoffs.EXCELLENT > max) {
      ctx.addIssue({
        code: 'custom',
        message: `the EXCELLENT cut-off exceeds the ${max} points available`,
        path: ['cutoffs', 'EXCELLENT'],
      });
    }
  });
/** A dated grading configuration. */
export type GradingConfig = z.infer<typeof gradingConfigSchema>;

// QĐ 510/QĐ-BCA-V05 (2022), Điều 7: a first-quarter resolution and plan, 3 points.
/** The criterion the agency and commune examples share: a resolution and plan in the first quarter. */
const Q1_RESOLUTION_AND_PLAN: GradingCriterion = {
  kind: 'YES_NO',
  code: 'Q1_RESOLUTION_AND_PLAN',
  label: { vi: 'Có nghị quyết, kế hoạch trong quý I', en: 'A first-quarter resolution and plan' },
  points: 3,
};

/** The illustrative catch-all criterion of every example, worth `maxPoints`. */
function otherCriteria(maxPoints: number): GradingCriterion {
  return {
    kind: 'SCORED',
    code: 'OTHER_CRITERIA',
    label: { vi: 'Các tiêu chí khác (minh họa)', en: 'Other criteria (illustrative)' },
    maxPoints,
  };
}

/** The examples' illustrative cut-offs (the real ones are not public). */
const EXAMPLE_CUTOFFS: GradingConfig['cutoffs'] = { EXCELLENT: 9, GOOD: 7, AVERAGE: 5 };

/** In force from QĐ 510's first year (2022), with no end. */
const SINCE_QD_510: GradingConfig['effective'] = { from: '2022-01-01', to: null };

/**
 * An EXAMPLE configuration for agencies. The first two criteria and their points are
 * those of QĐ 510 Art. 7 quoted in DOMAIN.md; the rest of the criteria and all cut-offs
 * are illustrative (the real ones are not public) and must be replaced by a province's.
 */
export const EXAMPLE_AGENCY_GRADING_CONFIG: GradingConfig = {
  id: 'example-agency-2022',
  source: 'QĐ 510/QĐ-BCA-V05 (2022), Điều 7 — ví dụ; điểm sàn minh họa',
  unitKinds: ['AGENCY'],
  effective: SINCE_QD_510,
  criteria: [
    Q1_RESOLUTION_AND_PLAN,
    {
      kind: 'SHARE_AT_LEAST',
      code: 'MEMBERS_TAKING_PART',
      label: { vi: 'Ít nhất 90% cán bộ, nhân viên tham gia', en: 'At least 90% of members taking part' },
      atLeastPercent: 90,
      points: 3,
    },
    otherCriteria(4),
  ],
  cutoffs: EXAMPLE_CUTOFFS,
};

/**
 * An EXAMPLE configuration for residential areas: criteria drawn from what TT 124 asks of
 * an area (first-quarter acts, households registered, a self-managed model that works),
 * with illustrative points and cut-offs, to be replaced by a province's.
 */
export const EXAMPLE_AREA_GRADING_CONFIG: GradingConfig = {
  id: 'example-area-2022',
  source: 'QĐ 510/QĐ-BCA-V05 (2022) — ví dụ cho khu dân cư; điểm và điểm sàn minh họa',
  unitKinds: ['RESIDENTIAL_AREA'],
  effective: SINCE_QD_510,
  criteria: [
    {
      kind: 'YES_NO',
      code: 'Q1_RESOLUTION_AND_REGISTRATION',
      label: { vi: 'Có nghị quyết và đăng ký thi đua trong quý I', en: 'A first-quarter resolution and registration to compete' },
      points: 3,
    },
    {
      kind: 'SHARE_AT_LEAST',
      code: 'HOUSEHOLDS_REGISTERED',
      label: { vi: 'Ít nhất 95% hộ gia đình đăng ký thi đua', en: 'At least 95% of households registered' },
      atLeastPercent: 95,
      points: 3,
    },
    {
      kind: 'YES_NO',
      code: 'EFFECTIVE_MODEL',
      label: { vi: 'Có mô hình tự quản được đánh giá hiệu quả', en: 'A self-managed model evaluated effective' },
      points: 2,
    },
    otherCriteria(2),
  ],
  cutoffs: EXAMPLE_CUTOFFS,
};

/**
 * An EXAMPLE configuration for communes (and the districts of the old era): criteria drawn
 * from TT 124 and the movement's coverage, with illustrative points and cut-offs.
 */
export const EXAMPLE_COMMUNE_GRADING_CONFIG: GradingConfig = {
  id: 'example-commune-2022',
  source: 'QĐ 510/QĐ-BCA-V05 (2022) — ví dụ cho cấp xã, cấp huyện; điểm và điểm sàn minh họa',
  unitKinds: ['COMMUNE', 'DISTRICT'],
  effective: SINCE_QD_510,
  criteria: [
    Q1_RESOLUTION_AND_PLAN,
    {
      kind: 'SHARE_AT_LEAST',
      code: 'AREAS_RECOGNISED',
      label: { vi: 'Ít nhất 80% khu dân cư đạt "An toàn về ANTT"', en: 'At least 80% of residential areas recognised' },
      atLeastPercent: 80,
      points: 3,
    },
    {
      kind: 'SHARE_AT_LEAST',
      code: 'AREAS_WITH_EFFECTIVE_MODEL',
      label: {
        vi: 'Ít nhất 70% khu dân cư có mô hình tự quản được đánh giá hiệu quả',
        en: 'At least 70% of residential areas with a self-managed model evaluated effective',
      },
      atLeastPercent: 70,
      points: 2,
    },
    otherCriteria(2),
  ],
  cutoffs: EXAMPLE_CUTOFFS,
};

/** The example configurations, one per kind of unit they grade: the default until replaced (same id). */
export const EXAMPLE_GRADING_CONFIGS: readonly GradingConfig[] = [
  EXAMPLE_AGENCY_GRADING_CONFIG,
  EXAMPLE_AREA_GRADING_CONFIG,
  EXAMPLE_COMMUNE_GRADING_CONFIG,
];

/** The configuration in force for `unitKind` on `date`: the one that started last, if several. */
export function gradingConfigFor(configs: readonly GradingConfig[], unitKind: GradedUnitKind, date: IsoDate): GradingConfig | undefined {
  return configs
    .filter((c) => c.unitKinds.includes(unitKind) && intervalContains(c.effective, date))
    .sort((a, b) => ((a.effective.from ?? '') < (b.effective.from ?? '') ? 1 : -1))[0];
}

/** What the assessor measured for one criterion: a yes/no, a share as part of a whole, or points. */
export type CriterionMeasure = boolean | { readonly part: number; readonly whole: number } | number;

/** A measure that cannot be scored against the configuration. */
export type GradingInputError =
  | { readonly code: 'MISSING_MEASURE'; readonly criterion: string }
  | { readonly code: 'UNKNOWN_CRITERION'; readonly criterion: string }
  | { readonly code: 'WRONG_MEASURE'; readonly criterion: string; readonly expected: GradingCriterion['kind'] }
  | { readonly code: 'OUT_OF_RANGE'; readonly criterion: string };

/** The points of one criterion; `full` is false for every criterion that lost points. */
export interface CriterionScore {
  readonly criterion: string;
  readonly points: number;
  readonly maxPoints: number;
  readonly full: boolean;
}

/** A grading: the total and level with the score of each criterion, or every input error. */
export type GradingResult =
  | {
      readonly ok: true;
      readonly configId: string;
      readonly total: number;
      readonly maxTotal: number;
      readonly level: GradingLevel;
      readonly criteria: readonly CriterionScore[];
      /** The criteria that did not get full points. */
      readonly lost: readonly string[];
    }
  | { readonly ok: false; readonly errors: readonly GradingInputError[] };

/** The level a total reaches under `cutoffs` (each cut-off is the least total for its level). */
export function levelFor(total: number, cutoffs: GradingConfig['cutoffs']): GradingLevel {
  if (total >= cutoffs.EXCELLENT) return 'EXCELLENT';
  if (total >= cutoffs.GOOD) return 'GOOD';
  if (total >= cutoffs.AVERAGE) return 'AVERAGE';
  return 'WEAK';
}

function scoreOne(c: GradingCriterion, m: CriterionMeasure): number | GradingInputError {
  switch (c.kind) {
    case 'YES_NO':
      return typeof m === 'boolean' ? (m ? c.points : 0) : { code: 'WRONG_MEASURE', criterion: c.code, expected: c.kind };
    case 'SHARE_AT_LEAST': {
      if (typeof m !== 'object') return { code: 'WRONG_MEASURE', criterion: c.code, expected: c.kind };
      if (!(m.whole > 0 && m.part >= 0 && m.part <= m.whole)) return { code: 'OUT_OF_RANGE', criterion: c.code };
      // Integer-safe: part/whole ≥ p% ⇔ 100·part ≥ p·whole.
      return m.part * 100 >= c.atLeastPercent * m.whole ? c.points : 0;
    }
    case 'SCORED':
      if (typeof m !== 'number') return { code: 'WRONG_MEASURE', criterion: c.code, expected: c.kind };
      return m >= 0 && m <= c.maxPoints ? m : { code: 'OUT_OF_RANGE', criterion: c.code };
  }
}

// QĐ 510/QĐ-BCA-V05 (2022): points per criterion, summed; the total's level by the configured cut-offs.
/** Scores `measures` (by criterion code) against `config` and gives the level. */
export function gradeUnit(config: GradingConfig, measures: Readonly<Record<string, CriterionMeasure>>): GradingResult {
  const errors: GradingInputError[] = [];
  const criteria: CriterionScore[] = [];
  const known = new Set(config.criteria.map((c) => c.code));
  for (const code of Object.keys(measures)) if (!known.has(code)) errors.push({ code: 'UNKNOWN_CRITERION', criterion: code });
  for (const c of config.criteria) {
    const m = measures[c.code];
    if (m === undefined) {
      errors.push({ code: 'MISSING_MEASURE', criterion: c.code });
      continue;
    }
    const points = scoreOne(c, m);
    if (typeof points !== 'number') errors.push(points);
    else criteria.push({ criterion: c.code, points, maxPoints: maxPointsOf(c), full: points === maxPointsOf(c) });
  }
  if (errors.length > 0) return { ok: false, errors };
  const total = criteria.reduce((s, c) => s + c.points, 0);
  return {
    ok: true,
    configId: config.id,
    total,
    maxTotal: criteria.reduce((s, c) => s + c.maxPoints, 0),
    level: levelFor(total, config.cutoffs),
    criteria,
    lost: criteria.filter((c) => !c.full).map((c) => c.criterion),
  };
}

/** Month and day by which each kind of unit reports its self-assessment (QĐ 510). */
export const REPORTING_DEADLINES: Readonly<Record<GradedUnitKind, { readonly month: number; readonly day: number }>> = {
  RESIDENTIAL_AREA: { month: 11, day: 20 },
  COMMUNE: { month: 11, day: 30 },
  AGENCY: { month: 11, day: 30 },
  ENTERPRISE: { month: 11, day: 30 },
  SCHOOL: { month: 11, day: 30 },
  DISTRICT: { month: 12, day: 15 },
};

/** The reporting deadline of a unit kind for a year, or why there is none. */
export type ReportingDeadline =
  { readonly ok: true; readonly dueBefore: IsoDate } | { readonly ok: false; readonly reason: 'NO_DISTRICTS_IN_ERA' };

// QĐ 510/QĐ-BCA-V05 (2022): report before 20 Nov (residential areas), 30 Nov (communes, agencies, enterprises, schools), 15 Dec (districts, old era).
/**
 * The day before which a unit of `unitKind` reports its grading for `year`. "Before"
 * is strict: a report dated on `dueBefore` is late. Districts report only in years whose
 * deadline falls before their abolition on 2025-07-01 (so up to 2024).
 */
export function reportingDeadline(unitKind: GradedUnitKind, year: number): ReportingDeadline {
  const { month, day } = REPORTING_DEADLINES[unitKind];
  const dueBefore = isoDate(year, month, day);
  if (unitKind === 'DISTRICT' && dueBefore >= DISTRICTS_ABOLISHED_ON) return { ok: false, reason: 'NO_DISTRICTS_IN_ERA' };
  return { ok: true, dueBefore };
}

/** Whether a report submitted on `submittedOn` meets a deadline `dueBefore` (strictly before). */
export function isReportOnTime(submittedOn: IsoDate, dueBefore: IsoDate): boolean {
  return submittedOn < dueBefore;
}
