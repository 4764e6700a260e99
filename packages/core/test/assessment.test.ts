import { describe, expect, it, test } from 'vitest';
import {
  ASSESSMENT_ACTS,
  ASSESSMENT_STATUSES,
  assessmentActor,
  assessmentRefusalLabel,
  assessmentRecord,
  EXAMPLE_AGENCY_GRADING_CONFIG,
  EXAMPLE_GRADING_CONFIGS,
  RECOGNITION_CRITERIA_OF,
  gradingConfigSchema,
  gradingOutcome,
  isSubmissionLate,
  judgeAssessmentAct,
  recognitionFactsSchema,
  recognitionVerdict,
  type AssessmentActInput,
  type AssessmentRefusal,
  type RecognitionFacts,
} from '../src/index.js';

const submit: AssessmentActInput = {
  act: 'SUBMIT',
  unitKind: 'RESIDENTIAL_AREA',
  year: 2024,
  status: 'DRAFT',
  role: 'AREA_LEADER',
  today: '2024-11-19',
  reason: null,
};
const codes = (input: AssessmentActInput) => judgeAssessmentAct(input).failures.map((f) => f.code);

describe('the assessment workflow (QĐ 510; TT 124/2021 as amended by TT 48/2025)', () => {
  test.each<[string, Partial<AssessmentActInput>, AssessmentRefusal['code'][], boolean]>([
    ['an area submits its draft the day before 20 Nov', {}, [], false],
    ['on 20 Nov itself it is late, and needs a reason', { today: '2024-11-20' }, ['REASON_REQUIRED'], true],
    ['late with a reason', { today: '2024-12-02', reason: 'Trưởng khu dân cư ốm' }, [], true],
    ['a blank reason is none', { today: '2024-12-02', reason: '   ' }, ['REASON_REQUIRED'], true],
    ['a commune officer cannot submit for an area', { role: 'COMMUNE_OFFICER' }, ['WRONG_ACTOR'], false],
    ['a commune submits before 30 Nov', { unitKind: 'COMMUNE', role: 'COMMUNE_OFFICER', today: '2024-11-29' }, [], false],
    ['a school submits on 30 Nov: late', { unitKind: 'SCHOOL', role: 'COMMUNE_OFFICER', today: '2024-11-30' }, ['REASON_REQUIRED'], true],
    ['a district of 2024 before 15 Dec', { unitKind: 'DISTRICT', role: 'PROVINCE_OFFICER', today: '2024-12-14' }, [], false],
    [
      'no district after the 2025 reform',
      { unitKind: 'DISTRICT', role: 'PROVINCE_OFFICER', year: 2025, today: '2025-12-01' },
      ['NO_DISTRICTS_IN_ERA'],
      false,
    ],
    ['a sent-back assessment is submitted again', { status: 'SENT_BACK' }, [], false],
    ['… after the deadline too: only the first submission is late', { status: 'SENT_BACK', today: '2024-12-05' }, [], false],
    ['a submitted one cannot be submitted again', { status: 'SUBMITTED' }, ['WRONG_STATUS'], false],
    ['a decided one never changes', { status: 'DECIDED' }, ['ALREADY_DECIDED'], false],
    ['nothing to submit yet', { status: null }, ['WRONG_STATUS'], false],
    ['a year not begun', { year: 2025 }, ['YEAR_NOT_STARTED'], false],
    ['a year before TT 124', { year: 2021 }, ['BEFORE_THE_RULES'], false],
    ['not a year', { year: 2024.5 }, ['BEFORE_THE_RULES'], false],
    ['a partner never acts', { role: 'PARTNER' }, ['WRONG_ACTOR'], false],
  ])('submit: %s', (_name, change, refusals, late) => {
    const verdict = judgeAssessmentAct({ ...submit, ...change });
    expect(verdict.failures.map((f) => f.code)).toEqual(refusals);
    expect(verdict.late).toBe(late);
  });

  const byCommune = { unitKind: 'RESIDENTIAL_AREA', role: 'COMMUNE_OFFICER', today: '2024-12-10' } as const;
  test.each<[string, Partial<AssessmentActInput>, AssessmentRefusal['code'][]]>([
    ['the commune sends an area back, with a reason', { act: 'SEND_BACK', status: 'SUBMITTED', reason: 'Thiếu biên bản họp' }, []],
    ['sending back needs a reason', { act: 'SEND_BACK', status: 'SUBMITTED' }, ['REASON_REQUIRED']],
    ['a reviewed one can still be sent back', { act: 'SEND_BACK', status: 'REVIEWED', reason: 'Sai số hộ' }, []],
    ['the commune reviews', { act: 'REVIEW', status: 'SUBMITTED' }, []],
    ['adjusting in review needs a reason', { act: 'REVIEW', status: 'SUBMITTED', adjusts: true }, ['REASON_REQUIRED']],
    ['a draft cannot be reviewed', { act: 'REVIEW', status: 'DRAFT' }, ['WRONG_STATUS']],
    ['the area leader cannot review itself', { act: 'REVIEW', status: 'SUBMITTED', role: 'AREA_LEADER' }, ['WRONG_ACTOR']],
    ['the commune decides for its areas', { act: 'DECIDE', status: 'REVIEWED', decisionDate: '2024-12-10' }, []],
    ['not before review', { act: 'DECIDE', status: 'SUBMITTED' }, ['WRONG_STATUS']],
    ['not dated in the future', { act: 'DECIDE', status: 'REVIEWED', decisionDate: '2024-12-11' }, ['DECISION_IN_FUTURE']],
    ['not dated before the year', { act: 'DECIDE', status: 'REVIEWED', decisionDate: '2023-12-31' }, ['DECISION_BEFORE_YEAR']],
    ['a decided one is not decided again', { act: 'DECIDE', status: 'DECIDED' }, ['ALREADY_DECIDED']],
    ['a decided one is corrected with a reason', { act: 'CORRECT', status: 'DECIDED', reason: 'Sai tên khu dân cư' }, []],
    ['correcting needs a reason', { act: 'CORRECT', status: 'DECIDED' }, ['REASON_REQUIRED']],
    ['only a decided one is corrected', { act: 'CORRECT', status: 'REVIEWED', reason: 'x' }, ['WRONG_STATUS']],
    ['a decision on paper is recorded by the commune', { act: 'RECORD', status: null, decisionDate: '2024-12-05' }, []],
    ['… only where there is none yet', { act: 'RECORD', status: 'DRAFT', decisionDate: '2024-12-05' }, ['WRONG_STATUS']],
    ['… not by the area leader', { act: 'RECORD', status: null, role: 'AREA_LEADER' }, ['WRONG_ACTOR']],
    ['the province decides for communes, not the commune', { act: 'DECIDE', status: 'REVIEWED', unitKind: 'COMMUNE' }, ['WRONG_ACTOR']],
    [
      'every refusal is named at once',
      { act: 'DECIDE', status: 'DRAFT', role: 'AREA_LEADER', year: 2025 },
      ['WRONG_STATUS', 'WRONG_ACTOR', 'YEAR_NOT_STARTED'],
    ],
  ])('review and decision: %s', (_name, change, refusals) => {
    expect(codes({ ...submit, ...byCommune, ...change })).toEqual(refusals);
  });

  it('says who acts at each step for each kind of unit', () => {
    expect(ASSESSMENT_ACTS.map((act) => assessmentActor('RESIDENTIAL_AREA', act))).toEqual([
      'AREA_LEADER',
      'AREA_LEADER',
      'COMMUNE_OFFICER',
      'COMMUNE_OFFICER',
      'COMMUNE_OFFICER',
      'COMMUNE_OFFICER',
      'COMMUNE_OFFICER',
    ]);
    expect(['COMMUNE', 'AGENCY', 'ENTERPRISE', 'SCHOOL'].map((k) => assessmentActor(k as 'COMMUNE', 'DECIDE'))).toEqual(
      Array(4).fill('PROVINCE_OFFICER'),
    );
    expect(assessmentActor('COMMUNE', 'SUBMIT')).toBe('COMMUNE_OFFICER');
  });

  it('deadlines are strict: the due day itself is late', () => {
    expect(isSubmissionLate('RESIDENTIAL_AREA', 2024, '2024-11-19')).toBe(false);
    expect(isSubmissionLate('RESIDENTIAL_AREA', 2024, '2024-11-20')).toBe(true);
    expect(isSubmissionLate('COMMUNE', 2024, '2024-11-29')).toBe(false);
    expect(isSubmissionLate('DISTRICT', 2024, '2024-12-15')).toBe(true);
    expect(isSubmissionLate('RESIDENTIAL_AREA', 2024, '2025-01-05')).toBe(true);
  });

  it('every refusal says what to do in Vietnamese and English', () => {
    const all: AssessmentRefusal[] = [
      ...ASSESSMENT_STATUSES.map((status) => ({ code: 'WRONG_STATUS' as const, act: 'REVIEW' as const, status })),
      { code: 'WRONG_STATUS', act: 'SUBMIT', status: null },
      { code: 'ALREADY_DECIDED' },
      ...ASSESSMENT_ACTS.map((act) => ({ code: 'WRONG_ACTOR' as const, act, actor: assessmentActor('COMMUNE', act) })),
      { code: 'YEAR_NOT_STARTED', year: 2027 },
      { code: 'BEFORE_THE_RULES', year: 2021 },
      { code: 'NO_DISTRICTS_IN_ERA', year: 2025 },
      ...(['LATE', 'SENT_BACK', 'ADJUSTED', 'CORRECTED'] as const).map((because) => ({ code: 'REASON_REQUIRED' as const, because })),
      { code: 'DECISION_IN_FUTURE' },
      { code: 'DECISION_BEFORE_YEAR', year: 2024 },
    ];
    const labels = all.map(assessmentRefusalLabel);
    for (const l of labels) expect(l.vi.length > 10 && l.en.length > 10 && l.vi !== l.en).toBe(true);
    expect(new Set(labels.map((l) => l.en)).size).toBe(labels.length);
    expect(assessmentRefusalLabel({ code: 'WRONG_STATUS', act: 'REVIEW', status: 'DRAFT' })).toEqual({
      vi: 'Không thể thẩm định bản đánh giá đang ở trạng thái "đang soạn".',
      en: 'An assessment that is a draft cannot be reviewed.',
    });
    expect(assessmentRefusalLabel({ code: 'WRONG_ACTOR', act: 'DECIDE', actor: 'PROVINCE_OFFICER' }).en).toBe(
      'Only a province officer with jurisdiction may decide this assessment.',
    );
  });
});

describe('what an assessment records, judged by core', () => {
  const area: RecognitionFacts = recognitionFactsSchema.parse({
    resolutionOn: '2024-02-15',
    registeredOn: '2024-03-01',
    households: 412,
    householdsRegistered: 412,
    policiesImplemented: true,
    seriousEvents: [],
    evidence: { FIRST_QUARTER_RESOLUTION: 'Biên bản họp ngày 15/02/2024' },
  });

  it('recognises a residential area that meets every criterion of TT 124', () => {
    expect(recognitionVerdict({ unitKind: 'RESIDENTIAL_AREA' }, 2024, area)).toEqual({
      ok: true,
      verdict: { pass: true, failures: [] },
      ruleVersion: 'TT 124/2021/TT-BCA (sửa đổi bởi TT 48/2025/TT-BCA)',
    });
  });
  test.each<[string, Partial<RecognitionFacts>, string[]]>([
    ['a resolution in April', { resolutionOn: '2024-04-01' }, ['FIRST_QUARTER_RESOLUTION']],
    ['one household not registered', { householdsRegistered: 411 }, ['ALL_HOUSEHOLDS_REGISTERED']],
    ['a serious event', { seriousEvents: ['SABOTAGE'] }, ['NO_SERIOUS_EVENTS']],
  ])('an area fails: %s', (_n, change, failed) => {
    const outcome = recognitionVerdict({ unitKind: 'RESIDENTIAL_AREA' }, 2024, { ...area, ...change });
    expect(outcome.ok && outcome.verdict.failures.map((f) => f.criterion)).toEqual(failed);
  });
  it('names the facts a commune needs and the area did not record', () => {
    expect(recognitionVerdict({ unitKind: 'COMMUNE' }, 2024, area)).toEqual({
      ok: false,
      missing: [{ fact: 'planOn' }, { fact: 'effectiveModels' }, { fact: 'policeDisciplined' }],
    });
  });
  it('an enterprise outside the circular fails IN_SCOPE alone; districts are not recognised', () => {
    const facts = { ...area, planOn: '2024-01-10', effectiveModels: 1 };
    const small = recognitionVerdict({ unitKind: 'ENTERPRISE', organization: { kind: 'ENTERPRISE', size: 'SMALL' } }, 2024, facts);
    expect(small.ok && small.verdict.failures).toEqual([{ criterion: 'IN_SCOPE', reason: 'SMALL_ENTERPRISE' }]);
    expect(recognitionVerdict({ unitKind: 'DISTRICT' }, 2024, facts)).toEqual({ ok: false, notApplicable: 'DISTRICT' });
  });
  it('rejects evidence for a criterion that does not exist', () => {
    expect(recognitionFactsSchema.safeParse({ ...area, evidence: { NOT_A_CRITERION: 'x' } }).success).toBe(false);
  });

  it('grades under the configuration in force at the end of the year, not a later one', () => {
    const later = {
      ...EXAMPLE_AGENCY_GRADING_CONFIG,
      id: 'later',
      effective: { from: '2025-01-01', to: null },
      cutoffs: { EXCELLENT: 10, GOOD: 9, AVERAGE: 8 },
    };
    const measures = { Q1_RESOLUTION_AND_PLAN: true, MEMBERS_TAKING_PART: { part: 95, whole: 100 }, OTHER_CRITERIA: 3 };
    const y2024 = gradingOutcome([EXAMPLE_AGENCY_GRADING_CONFIG, later], 'AGENCY', 2024, measures);
    expect(y2024.ok && y2024.config.id).toBe('example-agency-2022');
    expect(y2024.ok && y2024.result.ok && [y2024.result.total, y2024.result.level]).toEqual([9, 'EXCELLENT']);
    const y2025 = gradingOutcome([EXAMPLE_AGENCY_GRADING_CONFIG, later], 'AGENCY', 2025, measures);
    expect(y2025.ok && y2025.result.ok && [y2025.config.id, y2025.result.level]).toEqual(['later', 'GOOD']);
    expect(gradingOutcome([EXAMPLE_AGENCY_GRADING_CONFIG], 'COMMUNE', 2024, measures)).toEqual({ ok: false, noConfig: true });
  });

  // One record for the API, the import and the demo: the columns an assessment is stored in, or every problem.
  test.each<[string, Parameters<typeof assessmentRecord>, ReturnType<typeof assessmentRecord>]>([
    [
      'a recognised area',
      [{ unitKind: 'RESIDENTIAL_AREA' }, 2024, { recognition: area }, []],
      {
        ok: true,
        record: {
          facts: area,
          verdict: { pass: true, failures: [] },
          passed: true,
          ruleVersion: 'TT 124/2021/TT-BCA (sửa đổi bởi TT 48/2025/TT-BCA)',
          gradingConfigId: null,
          total: null,
          maxTotal: null,
          level: null,
        },
      },
    ],
    [
      'a commune without its plan',
      [{ unitKind: 'COMMUNE' }, 2024, { recognition: { ...area, effectiveModels: 2, policeDisciplined: 0 } }, []],
      { ok: false, problems: [{ code: 'REQUIRED', fact: 'planOn' }] },
    ],
    [
      'a district recognised',
      [{ unitKind: 'DISTRICT' }, 2024, { recognition: area }, []],
      { ok: false, problems: [{ code: 'NOT_RECOGNISED' }] },
    ],
    [
      'a commune graded with no configuration',
      [{ unitKind: 'COMMUNE' }, 2024, { grading: {} }, [EXAMPLE_AGENCY_GRADING_CONFIG]],
      { ok: false, problems: [{ code: 'NO_GRADING_CONFIG' }] },
    ],
    [
      'a commune graded under the example: 3 + 3 + 0 + 1 = 7, GOOD',
      [
        { unitKind: 'COMMUNE' },
        2024,
        {
          grading: {
            Q1_RESOLUTION_AND_PLAN: true,
            AREAS_RECOGNISED: { part: 40, whole: 50 },
            AREAS_WITH_EFFECTIVE_MODEL: { part: 34, whole: 50 },
            OTHER_CRITERIA: 1,
          },
        },
        EXAMPLE_GRADING_CONFIGS,
      ],
      {
        ok: true,
        record: expect.objectContaining({ passed: null, gradingConfigId: 'example-commune-2022', total: 7, maxTotal: 10, level: 'GOOD' }),
      },
    ],
    [
      'an area graded with a share over its whole and a criterion missing',
      [
        { unitKind: 'RESIDENTIAL_AREA' },
        2024,
        { grading: { Q1_RESOLUTION_AND_REGISTRATION: true, HOUSEHOLDS_REGISTERED: { part: 5, whole: 4 }, OTHER_CRITERIA: 2 } },
        EXAMPLE_GRADING_CONFIGS,
      ],
      {
        ok: false,
        problems: [
          { code: 'OUT_OF_RANGE', criterion: 'HOUSEHOLDS_REGISTERED' },
          { code: 'MISSING_MEASURE', criterion: 'EFFECTIVE_MODEL' },
        ],
      },
    ],
  ])('assessmentRecord: %s', (_n, args, expected) => {
    expect(assessmentRecord(...args)).toEqual(expected);
  });

  it('every example configuration is valid, and they grade areas, communes, districts and agencies', () => {
    for (const c of EXAMPLE_GRADING_CONFIGS) expect(gradingConfigSchema.safeParse(c).success, c.id).toBe(true);
    expect(EXAMPLE_GRADING_CONFIGS.flatMap((c) => c.unitKinds).sort()).toEqual(['AGENCY', 'COMMUNE', 'DISTRICT', 'RESIDENTIAL_AREA']);
  });

  it('a unit that fails everything fails exactly the criteria its kind is judged on, in that order', () => {
    const none: RecognitionFacts = {
      resolutionOn: null,
      planOn: '2024-05-02',
      registeredOn: null,
      households: 5,
      householdsRegistered: 0,
      policiesImplemented: false,
      seriousEvents: ['SABOTAGE'],
      effectiveModels: 0,
      policeDisciplined: 1,
      evidence: {},
    };
    const failed = (unit: Parameters<typeof recognitionVerdict>[0]) => {
      const outcome = recognitionVerdict(unit, 2024, none);
      return outcome.ok ? outcome.verdict.failures.map((f) => f.criterion) : outcome;
    };
    expect(failed({ unitKind: 'RESIDENTIAL_AREA' })).toEqual(RECOGNITION_CRITERIA_OF.RESIDENTIAL_AREA);
    expect(failed({ unitKind: 'COMMUNE' })).toEqual(RECOGNITION_CRITERIA_OF.COMMUNE);
    // An organization in scope fails the rest; one out of scope fails IN_SCOPE alone.
    expect(failed({ unitKind: 'AGENCY', organization: { kind: 'AGENCY', armedForces: false } })).toEqual(
      RECOGNITION_CRITERIA_OF.AGENCY.slice(1),
    );
    expect(failed({ unitKind: 'ENTERPRISE', organization: { kind: 'ENTERPRISE', size: 'MEDIUM' } })).toEqual(
      RECOGNITION_CRITERIA_OF.ENTERPRISE.slice(1),
    );
    expect(failed({ unitKind: 'SCHOOL', organization: { kind: 'SCHOOL', level: 'LOWER_SECONDARY' } })).toEqual(
      RECOGNITION_CRITERIA_OF.SCHOOL.slice(1),
    );
    expect(failed({ unitKind: 'SCHOOL', organization: { kind: 'SCHOOL', level: 'PRIMARY' } })).toEqual(['IN_SCOPE']);
    expect(RECOGNITION_CRITERIA_OF.DISTRICT).toEqual([]);
  });
});
