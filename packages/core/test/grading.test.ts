import { describe, expect, it, test } from 'vitest';
import {
  EXAMPLE_AGENCY_GRADING_CONFIG as EXAMPLE,
  gradeUnit,
  gradingConfigFor,
  gradingConfigSchema,
  isReportOnTime,
  levelFor,
  reportingDeadline,
  type CriterionMeasure,
  type GradedUnitKind,
  type GradingConfig,
  type GradingLevel,
} from '../src/index.js';

describe('grading configuration', () => {
  it('the example configuration is valid', () => expect(gradingConfigSchema.parse(EXAMPLE)).toEqual(EXAMPLE));
  test.each<[string, (c: GradingConfig) => unknown, string]>([
    ['repeated criterion code', (c) => ({ ...c, criteria: [c.criteria[0], c.criteria[0]] }), 'criterion codes must be unique'],
    ['cut-offs rising', (c) => ({ ...c, cutoffs: { EXCELLENT: 5, GOOD: 7, AVERAGE: 3 } }), 'cut-offs must not rise'],
    ['cut-off above the maximum', (c) => ({ ...c, cutoffs: { EXCELLENT: 11, GOOD: 7, AVERAGE: 5 } }), 'exceeds the 10 points'],
    ['lower-case code', (c) => ({ ...c, criteria: [{ ...c.criteria[0], code: 'q1' }] }), 'UPPER_SNAKE_CASE'],
    ['share above 100%', (c) => ({ ...c, criteria: [{ ...c.criteria[1], atLeastPercent: 101 }] }), '100'],
    ['no unit kinds', (c) => ({ ...c, unitKinds: [] }), '>=1'],
  ])('rejects: %s', (_n, change, message) => {
    const r = gradingConfigSchema.safeParse(change(EXAMPLE));
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(message);
  });

  it('picks the configuration in force for the kind and date, the latest first', () => {
    const v2: GradingConfig = { ...EXAMPLE, id: 'v2', effective: { from: '2025-07-01', to: null } };
    const v1: GradingConfig = { ...EXAMPLE, id: 'v1', effective: { from: '2022-01-01', to: '2025-06-30' } };
    expect(gradingConfigFor([v1, v2], 'AGENCY', '2025-06-30')?.id).toBe('v1');
    expect(gradingConfigFor([v1, v2], 'AGENCY', '2025-07-01')?.id).toBe('v2');
    expect(gradingConfigFor([EXAMPLE, v2], 'AGENCY', '2026-01-01')?.id).toBe('v2');
    expect(gradingConfigFor([v1, v2], 'SCHOOL', '2025-07-01')).toBeUndefined();
    expect(gradingConfigFor([v1], 'AGENCY', '2021-12-31')).toBeUndefined();
  });
});

describe('gradeUnit (QĐ 510)', () => {
  test.each<[string, Record<string, CriterionMeasure>, number, GradingLevel, string[]]>([
    ['all full', { Q1_RESOLUTION_AND_PLAN: true, MEMBERS_TAKING_PART: { part: 90, whole: 100 }, OTHER_CRITERIA: 4 }, 10, 'EXCELLENT', []],
    [
      'exactly 90% earns the points',
      { Q1_RESOLUTION_AND_PLAN: true, MEMBERS_TAKING_PART: { part: 9, whole: 10 }, OTHER_CRITERIA: 3 },
      9,
      'EXCELLENT',
      ['OTHER_CRITERIA'],
    ],
    [
      '89/99 (89.9%) does not',
      { Q1_RESOLUTION_AND_PLAN: true, MEMBERS_TAKING_PART: { part: 89, whole: 99 }, OTHER_CRITERIA: 4 },
      7,
      'GOOD',
      ['MEMBERS_TAKING_PART'],
    ],
    [
      'no resolution',
      { Q1_RESOLUTION_AND_PLAN: false, MEMBERS_TAKING_PART: { part: 100, whole: 100 }, OTHER_CRITERIA: 2 },
      5,
      'AVERAGE',
      ['Q1_RESOLUTION_AND_PLAN', 'OTHER_CRITERIA'],
    ],
    [
      '4 points: weak',
      { Q1_RESOLUTION_AND_PLAN: false, MEMBERS_TAKING_PART: { part: 0, whole: 10 }, OTHER_CRITERIA: 4 },
      4,
      'WEAK',
      ['Q1_RESOLUTION_AND_PLAN', 'MEMBERS_TAKING_PART'],
    ],
  ])('%s', (_n, measures, total, level, lost) => {
    const r = gradeUnit(EXAMPLE, measures);
    expect(r).toMatchObject({ ok: true, configId: 'example-agency-2022', total, maxTotal: 10, level, lost });
  });

  it('scores each criterion', () => {
    const r = gradeUnit(EXAMPLE, { Q1_RESOLUTION_AND_PLAN: true, MEMBERS_TAKING_PART: { part: 1, whole: 2 }, OTHER_CRITERIA: 2.5 });
    expect(r.ok && r.criteria).toEqual([
      { criterion: 'Q1_RESOLUTION_AND_PLAN', points: 3, maxPoints: 3, full: true },
      { criterion: 'MEMBERS_TAKING_PART', points: 0, maxPoints: 3, full: false },
      { criterion: 'OTHER_CRITERIA', points: 2.5, maxPoints: 4, full: false },
    ]);
  });

  it('reports every input error', () => {
    expect(gradeUnit(EXAMPLE, { Q1_RESOLUTION_AND_PLAN: 3, MEMBERS_TAKING_PART: { part: 5, whole: 0 }, EXTRA: true })).toEqual({
      ok: false,
      errors: [
        { code: 'UNKNOWN_CRITERION', criterion: 'EXTRA' },
        { code: 'WRONG_MEASURE', criterion: 'Q1_RESOLUTION_AND_PLAN', expected: 'YES_NO' },
        { code: 'OUT_OF_RANGE', criterion: 'MEMBERS_TAKING_PART' },
        { code: 'MISSING_MEASURE', criterion: 'OTHER_CRITERIA' },
      ],
    });
    expect(gradeUnit(EXAMPLE, { Q1_RESOLUTION_AND_PLAN: true, MEMBERS_TAKING_PART: true, OTHER_CRITERIA: 5 })).toEqual({
      ok: false,
      errors: [
        { code: 'WRONG_MEASURE', criterion: 'MEMBERS_TAKING_PART', expected: 'SHARE_AT_LEAST' },
        { code: 'OUT_OF_RANGE', criterion: 'OTHER_CRITERIA' },
      ],
    });
    expect(
      gradeUnit(EXAMPLE, { Q1_RESOLUTION_AND_PLAN: true, MEMBERS_TAKING_PART: { part: 11, whole: 10 }, OTHER_CRITERIA: false }),
    ).toMatchObject({
      ok: false,
      errors: [
        { code: 'OUT_OF_RANGE', criterion: 'MEMBERS_TAKING_PART' },
        { code: 'WRONG_MEASURE', criterion: 'OTHER_CRITERIA', expected: 'SCORED' },
      ],
    });
  });

  test.each<[number, GradingLevel]>([
    [9, 'EXCELLENT'],
    [8.99, 'GOOD'],
    [7, 'GOOD'],
    [6.5, 'AVERAGE'],
    [5, 'AVERAGE'],
    [4.99, 'WEAK'],
    [0, 'WEAK'],
  ])('levelFor(%d) = %s (cut-offs are inclusive)', (total, level) => expect(levelFor(total, EXAMPLE.cutoffs)).toBe(level));
});

describe('reporting deadlines (QĐ 510)', () => {
  test.each<[GradedUnitKind, number, ReturnType<typeof reportingDeadline>]>([
    ['RESIDENTIAL_AREA', 2024, { ok: true, dueBefore: '2024-11-20' }],
    ['COMMUNE', 2024, { ok: true, dueBefore: '2024-11-30' }],
    ['AGENCY', 2025, { ok: true, dueBefore: '2025-11-30' }],
    ['ENTERPRISE', 2025, { ok: true, dueBefore: '2025-11-30' }],
    ['SCHOOL', 2025, { ok: true, dueBefore: '2025-11-30' }],
    ['DISTRICT', 2024, { ok: true, dueBefore: '2024-12-15' }],
    ['DISTRICT', 2025, { ok: false, reason: 'NO_DISTRICTS_IN_ERA' }],
    ['COMMUNE', 2025, { ok: true, dueBefore: '2025-11-30' }],
  ])('%s %i', (kind, year, want) => expect(reportingDeadline(kind, year)).toEqual(want));

  test.each([
    ['2024-11-19', true],
    ['2024-11-20', false],
    ['2024-11-21', false],
  ])('a residential area reporting on %s is on time: %s', (date, onTime) => expect(isReportOnTime(date, '2024-11-20')).toBe(onTime));
});
