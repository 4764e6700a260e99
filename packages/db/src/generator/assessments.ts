/**
 * The year's assessments of a province's residential areas and communes: the recognition
 * "An toàn về ANTT" (TT 124/2021), facts drawn with a realistic spread (most met, a few
 * resolutions after the first quarter, households not all registered, a serious event
 * here and there), and the grading (QĐ 510, under the example configurations), measured
 * from the same facts and the year's effective models; core's verdict or points on them,
 * and each one's way through the workflow (most decided; some submitted late with a
 * reason, some sent back and resubmitted, a few still under review or not submitted),
 * with every step dated and within core's rules.
 */
import {
  addDays,
  ASSESSMENT_TRANSITIONS,
  assessmentRecord,
  assessmentSubjectKey,
  EXAMPLE_GRADING_CONFIGS,
  judgeAssessmentAct,
  reportingDeadline,
  type AssessmentAct,
  type AssessmentKind,
  type AssessmentStatus,
  type GradedUnitKind,
  type IsoDate,
  type OfficerRole,
  type RecognitionFacts,
  type RecordedFacts,
} from '@antq/core';
import type { Random } from '../demo/random.js';
import type { AssessmentRow, AssessmentStepRow, ResidentialAreaPlacementRow, ResidentialAreaRow } from './rows.js';
import type { DemoUnit } from './units.js';

type Id = string;

export interface AssessmentInput {
  readonly year: number;
  readonly datasetId: Id;
  /** The communes of the year (on its last day), and their areas' rows and placements. */
  readonly communes: readonly DemoUnit[];
  readonly areas: readonly ResidentialAreaRow[];
  readonly placements: readonly ResidentialAreaPlacementRow[];
  /** Effective models in each commune (by code) during the year. */
  readonly effectiveModels: ReadonlyMap<string, number>;
  /** The residential areas with a model evaluated effective during the year. */
  readonly effectiveAreas: ReadonlySet<Id>;
  /** Who decides for the communes: the province's people's committee. */
  readonly provinceIssuer: string;
  /** The last day a step may be dated. */
  readonly until: IsoDate;
  readonly uuid: (kind: string, key: string) => Id;
  readonly random: (stream: string) => Random;
}

export interface AssessmentRows {
  readonly assessments: AssessmentRow[];
  readonly assessmentSteps: AssessmentStepRow[];
}

/** Where a unit's assessment stops in the year, with its share of units (the rest are decided). */
const ENDINGS: ReadonlyArray<readonly [AssessmentStatus, number]> = [
  ['DRAFT', 0.02],
  ['SUBMITTED', 0.04],
  ['REVIEWED', 0.04],
];
const LATE_SHARE = 0.09;
const SENT_BACK_SHARE = 0.06;

const LATE_REASONS = [
  'Trưởng khu dân cư đi vắng, họp khu dân cư chậm.',
  'Chờ tổng hợp số hộ đăng ký sau đợt mưa lũ.',
  'Bàn giao công việc giữa hai trưởng khu dân cư.',
];
const SEND_BACK_REASONS = [
  'Thiếu biên bản họp đăng ký thi đua.',
  'Số hộ đăng ký chưa khớp sổ hộ khẩu.',
  'Thiếu minh chứng tiêu chí không có vụ việc nghiêm trọng.',
];

/** Generates the recognition assessments of the year, each judged and walked through the workflow with core's rules (a refusal is a bug: it throws). */
export function generateAssessments(input: AssessmentInput): AssessmentRows {
  const { year, datasetId, uuid } = input;
  const day = (month: number, d: number): IsoDate => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const yearEnd = day(12, 31);
  const out: AssessmentRows = { assessments: [], assessmentSteps: [] };
  const placementOn = new Map<Id, ResidentialAreaPlacementRow>();
  const codesAfter = new Map<Id, Set<string>>();
  for (const p of input.placements) {
    if ((p.validFrom === null || p.validFrom <= yearEnd) && (p.validTo === null || p.validTo >= yearEnd))
      placementOn.set(p.residentialAreaId, p);
    if (p.validTo === null || p.validTo >= yearEnd) {
      const set = codesAfter.get(p.residentialAreaId) ?? new Set<string>();
      for (const c of p.placeCodes) set.add(c);
      codesAfter.set(p.residentialAreaId, set);
    }
  }
  const communeById = new Map(input.communes.map((c) => [c.id, c]));
  const areasOf = new Map<string, Id[]>();

  const walk = (
    kind: AssessmentKind,
    unitKind: GradedUnitKind,
    key: string,
    recorded: RecordedFacts,
    filed: Omit<
      AssessmentRow,
      | 'id'
      | 'kind'
      | 'year'
      | 'unitKind'
      | 'subjectKey'
      | 'revision'
      | 'status'
      | 'facts'
      | 'verdict'
      | 'passed'
      | 'ruleVersion'
      | 'gradingConfigId'
      | 'total'
      | 'maxTotal'
      | 'level'
      | 'submittedOn'
      | 'late'
      | 'lateReason'
      | 'reviewedOn'
      | 'decisionNumber'
      | 'decisionDate'
      | 'decisionIssuer'
      | 'datasetId'
    >,
    issuer: string,
    decisionNumber: string,
  ) => {
    key = kind === 'RECOGNITION' ? key : `grading/${key}`;
    const random = input.random(key);
    const unit = unitKind === 'RESIDENTIAL_AREA' ? { unitKind } : { unitKind: 'COMMUNE' as const };
    const outcome = assessmentRecord(unit, year, recorded, EXAMPLE_GRADING_CONFIGS);
    if (!outcome.ok) throw new Error(`generated assessment ${key}: ${JSON.stringify(outcome.problems)}`);
    const id = uuid('Assessment', key);
    const roll = random.next();
    let cut = 0;
    const ending = ENDINGS.find(([, share]) => roll < (cut += share))?.[0] ?? 'DECIDED';
    const deadline = reportingDeadline(unitKind, year);
    if (!deadline.ok) throw new Error(`no deadline for ${unitKind} ${year}`);
    const late = ending !== 'DRAFT' && random.next() < LATE_SHARE;
    const sentBack = ending !== 'DRAFT' && ending !== 'SUBMITTED' && random.next() < SENT_BACK_SHARE;
    const row: AssessmentRow = {
      id,
      kind,
      year,
      unitKind,
      ...filed,
      subjectKey: assessmentSubjectKey(filed),
      revision: 1,
      status: 'DRAFT',
      ...outcome.record,
      submittedOn: null,
      late: false,
      lateReason: null,
      reviewedOn: null,
      decisionNumber: null,
      decisionDate: null,
      decisionIssuer: null,
      datasetId,
    };
    const actors: Record<'OWN' | 'ABOVE', OfficerRole> = {
      OWN: unitKind === 'RESIDENTIAL_AREA' ? 'AREA_LEADER' : 'COMMUNE_OFFICER',
      ABOVE: unitKind === 'RESIDENTIAL_AREA' ? 'COMMUNE_OFFICER' : 'PROVINCE_OFFICER',
    };
    let on = addDays(deadline.dueBefore, -random.int(20, 40));
    const act = (a: AssessmentAct, by: keyof typeof actors, at: IsoDate, reason: string | null, decisionDate?: IsoDate) => {
      const verdict = judgeAssessmentAct({
        act: a,
        unitKind,
        year,
        status: a === 'DRAFT' ? null : row.status,
        role: actors[by],
        today: at,
        reason,
        decisionDate,
      });
      if (!verdict.pass) throw new Error(`generated assessment ${key}: ${a} refused: ${verdict.failures.map((f) => f.code).join(', ')}`);
      const status = ASSESSMENT_TRANSITIONS[a].to;
      out.assessmentSteps.push({
        id: uuid('AssessmentStep', `${key}/${out.assessmentSteps.length}`),
        assessmentId: id,
        act: a,
        status,
        on: at,
        actor: `${actors[by].toLowerCase()}@${filed.unitCode}`,
        reason,
        before: null,
      });
      if (a === 'SUBMIT') {
        row.submittedOn = at;
        if (row.status === 'DRAFT') [row.late, row.lateReason] = [verdict.late, verdict.late ? reason : null];
      }
      if (a === 'REVIEW') row.reviewedOn = at;
      row.status = status;
    };
    act('DRAFT', 'OWN', on, null);
    if (ending !== 'DRAFT') {
      on = late ? addDays(deadline.dueBefore, random.int(0, 10)) : addDays(deadline.dueBefore, -random.int(1, 15));
      act('SUBMIT', 'OWN', on, late ? random.pick(LATE_REASONS) : null);
      if (sentBack) {
        act('SEND_BACK', 'ABOVE', (on = addDays(on, random.int(1, 4))), random.pick(SEND_BACK_REASONS));
        act('SUBMIT', 'OWN', (on = addDays(on, random.int(1, 4))), null);
      }
    }
    if (ending === 'REVIEWED' || ending === 'DECIDED') act('REVIEW', 'ABOVE', (on = addDays(on, random.int(1, 6))), null);
    if (ending === 'DECIDED') {
      const decided = addDays(on, random.int(1, 5));
      act('DECIDE', 'ABOVE', decided, null, decided);
      Object.assign(row, { decisionNumber, decisionDate: decided, decisionIssuer: issuer });
    }
    if (on > input.until) throw new Error(`generated assessment ${key}: a step on ${on}, after ${input.until}`);
    out.assessments.push(row);
    return outcome.record;
  };
  const inFirstQuarter = (...days: ReadonlyArray<IsoDate | null | undefined>) => days.every((d) => !!d && d <= day(3, 31));
  const recognisedAreas = new Set<Id>();

  // Residential areas: decided by their commune (TT 124 as amended by TT 48/2025).
  for (const area of [...input.areas].sort((a, b) => a.id.localeCompare(b.id))) {
    const p = placementOn.get(area.id);
    const commune = p && communeById.get(p.communeId);
    if (!p || !commune) continue;
    areasOf.set(commune.code, [...(areasOf.get(commune.code) ?? []), area.id]);
    const random = input.random(`facts/area/${area.id}`);
    const households = area.households;
    const facts: RecognitionFacts = {
      resolutionOn: random.next() < 0.03 ? day(4, random.int(1, 20)) : day(random.int(1, 3), random.int(2, 28)),
      registeredOn: day(random.int(1, 3), random.int(2, 28)),
      households,
      householdsRegistered: random.next() < 0.04 ? households - random.int(1, 3) : households,
      policiesImplemented: true,
      seriousEvents: random.next() < 0.01 ? ['PROLONGED_DISPUTE'] : [],
      evidence: {
        FIRST_QUARTER_RESOLUTION: 'Biên bản họp khu dân cư quý I',
        ALL_HOUSEHOLDS_REGISTERED: 'Sổ đăng ký thi đua của các hộ gia đình',
      },
    };
    const filed = {
      unitId: commune.id,
      unitCode: commune.code,
      placeCodes: [...(codesAfter.get(area.id) ?? [])].sort(),
      residentialAreaId: area.id,
      organizationId: null,
      correctsId: null,
    };
    const issuer = `Ủy ban nhân dân ${commune.fullName}`;
    const recognition = walk(
      'RECOGNITION',
      'RESIDENTIAL_AREA',
      `area/${area.id}`,
      { recognition: facts },
      filed,
      issuer,
      `${random.int(100, 399)}/QĐ-UBND`,
    );
    if (recognition.passed) recognisedAreas.add(area.id);
    const grading = {
      Q1_RESOLUTION_AND_REGISTRATION: inFirstQuarter(facts.resolutionOn, facts.registeredOn),
      HOUSEHOLDS_REGISTERED: { part: facts.householdsRegistered!, whole: Math.max(1, households) },
      EFFECTIVE_MODEL: input.effectiveAreas.has(area.id),
      OTHER_CRITERIA: random.pick([0, 1, 1, 2, 2, 2]),
    };
    walk('GRADING', 'RESIDENTIAL_AREA', `area/${area.id}`, { grading }, filed, issuer, `${random.int(400, 699)}/QĐ-UBND`);
  }
  // Communes: decided by the province.
  for (const [i, commune] of [...input.communes].sort((a, b) => a.code.localeCompare(b.code)).entries()) {
    const areas = areasOf.get(commune.code) ?? [];
    if (!areas.length) continue;
    const random = input.random(`facts/commune/${commune.code}`);
    const households = areas.reduce((s, a) => s + (input.areas.find((r) => r.id === a)?.households ?? 0), 0);
    const facts: RecognitionFacts = {
      resolutionOn: day(1, random.int(5, 31)),
      planOn: day(random.int(1, 2), random.int(5, 28)),
      registeredOn: day(random.int(2, 3), random.int(1, 28)),
      households,
      householdsRegistered: households,
      policiesImplemented: random.next() > 0.02,
      seriousEvents: [],
      effectiveModels: input.effectiveModels.get(commune.code) ?? 0,
      policeDisciplined: random.next() < 0.03 ? 1 : 0,
      evidence: { FIRST_QUARTER_PLAN: `Kế hoạch số ${random.int(5, 60)}/KH-CAX` },
    };
    const codes = [...new Set(areas.flatMap((a) => [...(codesAfter.get(a) ?? [])]))].sort();
    const filed = {
      unitId: commune.id,
      unitCode: commune.code,
      placeCodes: codes,
      residentialAreaId: null,
      organizationId: null,
      correctsId: null,
    };
    walk('RECOGNITION', 'COMMUNE', `commune/${commune.code}`, { recognition: facts }, filed, input.provinceIssuer, `${2100 + i}/QĐ-UBND`);
    const grading = {
      Q1_RESOLUTION_AND_PLAN: inFirstQuarter(facts.resolutionOn, facts.planOn),
      AREAS_RECOGNISED: { part: areas.filter((a) => recognisedAreas.has(a)).length, whole: areas.length },
      AREAS_WITH_EFFECTIVE_MODEL: { part: areas.filter((a) => input.effectiveAreas.has(a)).length, whole: areas.length },
      OTHER_CRITERIA: random.pick([0, 1, 1, 2, 2, 2]),
    };
    walk('GRADING', 'COMMUNE', `commune/${commune.code}`, { grading }, filed, input.provinceIssuer, `${2400 + i}/QĐ-UBND`);
  }
  return out;
}
