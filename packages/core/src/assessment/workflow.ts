/**
 * The year's assessment of a unit, from its self-assessment to the decision: the
 * recognition "An toàn về ANTT" (Circular 124/2021/TT-BCA, amended by 48/2025/TT-BCA) and
 * the grading of the movement (QĐ 510/QĐ-BCA-V05, 2022). A unit's own officer drafts and
 * submits it by the deadline, the level above reviews it (or sends it back), and the
 * deciding level decides; a decided assessment never changes (a correction is a new
 * decision that names it). Who acts at each step, and the checks of each act.
 */
import { yearOf, type IsoDate } from '../dates.js';
import type { GradedUnitKind } from '../entities/enums.js';
import type { OfficerRole, Viewer } from '../access/policy.js';
import type { Label } from '../labels.js';
import { reportingDeadline } from '../rules/grading.js';
import { CIRCULAR_124_IN_FORCE_FROM } from '../rules/recognition.js';
import { verdictOf, type Verdict } from '../rules/verdict.js';

/** What is assessed: the recognition (pass/fail) or the grading (points and level). */
export const ASSESSMENT_KINDS = ['RECOGNITION', 'GRADING'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/** Where an assessment stands. DECIDED is final. */
export const ASSESSMENT_STATUSES = ['DRAFT', 'SUBMITTED', 'SENT_BACK', 'REVIEWED', 'DECIDED'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** What can be done to an assessment. */
export const ASSESSMENT_ACTS = ['DRAFT', 'SUBMIT', 'SEND_BACK', 'REVIEW', 'DECIDE', 'CORRECT', 'RECORD'] as const;
export type AssessmentAct = (typeof ASSESSMENT_ACTS)[number];

/** The statuses each act starts from (`null`: no assessment yet) and the one it leads to. */
export const ASSESSMENT_TRANSITIONS: Readonly<
  Record<AssessmentAct, { readonly from: ReadonlyArray<AssessmentStatus | null>; readonly to: AssessmentStatus }>
> = {
  DRAFT: { from: [null, 'DRAFT', 'SENT_BACK'], to: 'DRAFT' },
  SUBMIT: { from: ['DRAFT', 'SENT_BACK'], to: 'SUBMITTED' },
  SEND_BACK: { from: ['SUBMITTED', 'REVIEWED'], to: 'SENT_BACK' },
  REVIEW: { from: ['SUBMITTED'], to: 'REVIEWED' },
  DECIDE: { from: ['REVIEWED'], to: 'DECIDED' },
  // A new decision that replaces a decided one (the old one stays, marked as corrected).
  CORRECT: { from: ['DECIDED'], to: 'DECIDED' },
  // A decision already taken on paper, entered by the deciding level (a spreadsheet of a past year).
  RECORD: { from: [null], to: 'DECIDED' },
};

/** Which level acts: the unit's own officer, the level that reviews, the level that decides. */
type Step = 'OWN' | 'REVIEWER' | 'DECIDER';
const STEP_OF: Readonly<Record<AssessmentAct, Step>> = {
  DRAFT: 'OWN',
  SUBMIT: 'OWN',
  SEND_BACK: 'REVIEWER',
  REVIEW: 'REVIEWER',
  DECIDE: 'DECIDER',
  CORRECT: 'DECIDER',
  RECORD: 'DECIDER',
};

/** The commune police do the unit's own steps and the province reviews and decides: a commune's, and an organization's. */
const COMMUNE_POLICE_TO_PROVINCE: Readonly<Record<Step, OfficerRole>> = {
  OWN: 'COMMUNE_OFFICER',
  REVIEWER: 'PROVINCE_OFFICER',
  DECIDER: 'PROVINCE_OFFICER',
};

// Circular 124/2021/TT-BCA Art. 6–7 as amended by 48/2025/TT-BCA, QĐ 510 Art. 8: areas report to the commune, which decides for them; communes, agencies, enterprises, schools and districts to the province.
/** The officer (by role) who does each step for each kind of unit assessed. */
export const ASSESSMENT_ACTORS: Readonly<Record<GradedUnitKind, Readonly<Record<Step, OfficerRole>>>> = {
  RESIDENTIAL_AREA: { OWN: 'AREA_LEADER', REVIEWER: 'COMMUNE_OFFICER', DECIDER: 'COMMUNE_OFFICER' },
  COMMUNE: COMMUNE_POLICE_TO_PROVINCE,
  // Agencies, enterprises and schools assess themselves with the commune police where they sit.
  AGENCY: COMMUNE_POLICE_TO_PROVINCE,
  ENTERPRISE: COMMUNE_POLICE_TO_PROVINCE,
  SCHOOL: COMMUNE_POLICE_TO_PROVINCE,
  // Districts (until 2025-06-30) had no officer role of their own here: the province's act for them.
  DISTRICT: { OWN: 'PROVINCE_OFFICER', REVIEWER: 'PROVINCE_OFFICER', DECIDER: 'PROVINCE_OFFICER' },
};

/** The officer role that may do `act` on an assessment of a unit of `unitKind`. */
export function assessmentActor(unitKind: GradedUnitKind, act: AssessmentAct): OfficerRole {
  return ASSESSMENT_ACTORS[unitKind][STEP_OF[act]];
}

/** The role an act is judged with: an officer's, or the kind of viewer for anyone else (who never acts). */
export const actingRole = (viewer: Viewer): AssessmentActInput['role'] => (viewer.kind === 'OFFICER' ? viewer.role : viewer.kind);

/** The one key of the unit an assessment is of, whatever its kind: its residential area, its organization, or its unit's code. */
export function assessmentSubjectKey(s: { residentialAreaId?: string | null; organizationId?: string | null; unitCode: string }): string {
  if (s.residentialAreaId) return `area:${s.residentialAreaId}`;
  return s.organizationId ? `organization:${s.organizationId}` : `unit:${s.unitCode}`;
}

/** Why an act on an assessment is refused. */
export type AssessmentRefusal =
  | { readonly code: 'WRONG_STATUS'; readonly act: AssessmentAct; readonly status: AssessmentStatus | null }
  | { readonly code: 'ALREADY_DECIDED' }
  | { readonly code: 'WRONG_ACTOR'; readonly act: AssessmentAct; readonly actor: OfficerRole }
  | { readonly code: 'YEAR_NOT_STARTED'; readonly year: number }
  | { readonly code: 'BEFORE_THE_RULES'; readonly year: number }
  | { readonly code: 'NO_DISTRICTS_IN_ERA'; readonly year: number }
  | { readonly code: 'REASON_REQUIRED'; readonly because: 'LATE' | 'SENT_BACK' | 'ADJUSTED' | 'CORRECTED' }
  | { readonly code: 'DECISION_IN_FUTURE' }
  | { readonly code: 'DECISION_BEFORE_YEAR'; readonly year: number };

/** What an act is judged on. */
export interface AssessmentActInput {
  readonly act: AssessmentAct;
  readonly unitKind: GradedUnitKind;
  readonly year: number;
  /** Where the assessment stands; `null` when there is none yet. */
  readonly status: AssessmentStatus | null;
  /** The role of the officer acting (their jurisdiction is checked by the access policy). */
  readonly role: OfficerRole | 'PARTNER' | 'ANONYMOUS';
  readonly today: IsoDate;
  /** The reason given, trimmed; null or empty when none. */
  readonly reason: string | null;
  /** For a review: whether the reviewer changes the unit's points or facts. */
  readonly adjusts?: boolean;
  /** For a decision: its date. */
  readonly decisionDate?: IsoDate;
}

/** The verdict on an act, and for a submission whether it is late. */
export type AssessmentActVerdict = Verdict<AssessmentRefusal> & { readonly late: boolean };

/** Whether a report submitted on `on` for `year` by a unit of `unitKind` is late (its deadline is strict). */
export function isSubmissionLate(unitKind: GradedUnitKind, year: number, on: IsoDate): boolean {
  const deadline = reportingDeadline(unitKind, year);
  return deadline.ok ? on >= deadline.dueBefore : false;
}

// Circular 124/2021/TT-BCA is in force from 2022-02-10: the first year assessed under it is 2022; a year is assessed from its start.
/** Why `year` cannot be assessed on `today`, or null when it can. */
export function assessableYear(year: number, today: IsoDate): Extract<AssessmentRefusal, { year: number }> | null {
  if (!Number.isInteger(year) || year < yearOf(CIRCULAR_124_IN_FORCE_FROM)) return { code: 'BEFORE_THE_RULES', year };
  return year > yearOf(today) ? { code: 'YEAR_NOT_STARTED', year } : null;
}

// QĐ 510/QĐ-BCA-V05: report before the deadline (after it, with a reason, marked late); the level above reviews and may send back with a reason; a decision is final.
/** Judges an act on an assessment: every reason to refuse it, and whether a submission is late. */
export function judgeAssessmentAct(input: AssessmentActInput): AssessmentActVerdict {
  const { act, unitKind, year, status } = input;
  const refusals: AssessmentRefusal[] = [];
  const reason = input.reason?.trim() ? input.reason.trim() : null;
  if (status === 'DECIDED' && act !== 'CORRECT') refusals.push({ code: 'ALREADY_DECIDED' });
  else if (!ASSESSMENT_TRANSITIONS[act].from.includes(status)) refusals.push({ code: 'WRONG_STATUS', act, status });
  const actor = assessmentActor(unitKind, act);
  if (input.role !== actor) refusals.push({ code: 'WRONG_ACTOR', act, actor });
  const yearRefusal = assessableYear(year, input.today);
  // The checks below need a year that can be assessed.
  if (yearRefusal) return { ...verdictOf([...refusals, yearRefusal]), late: false };
  if (unitKind === 'DISTRICT' && !reportingDeadline('DISTRICT', year).ok) refusals.push({ code: 'NO_DISTRICTS_IN_ERA', year });
  // A resubmission answers the reviewer: only the first submission can be late.
  const late = act === 'SUBMIT' && status === 'DRAFT' && isSubmissionLate(unitKind, year, input.today);
  if (late && !reason) refusals.push({ code: 'REASON_REQUIRED', because: 'LATE' });
  if (act === 'SEND_BACK' && !reason) refusals.push({ code: 'REASON_REQUIRED', because: 'SENT_BACK' });
  if (act === 'REVIEW' && input.adjusts && !reason) refusals.push({ code: 'REASON_REQUIRED', because: 'ADJUSTED' });
  if (act === 'CORRECT' && !reason) refusals.push({ code: 'REASON_REQUIRED', because: 'CORRECTED' });
  if ((act === 'DECIDE' || act === 'CORRECT' || act === 'RECORD') && input.decisionDate) {
    if (input.decisionDate > input.today) refusals.push({ code: 'DECISION_IN_FUTURE' });
    if (yearOf(input.decisionDate) < year) refusals.push({ code: 'DECISION_BEFORE_YEAR', year });
  }
  return { ...verdictOf(refusals), late };
}

const ROLE_LABELS: Readonly<Record<OfficerRole, Label>> = {
  NATIONAL: { vi: 'cán bộ cấp Bộ', en: 'a national officer' },
  PROVINCE_OFFICER: { vi: 'cán bộ Công an tỉnh', en: 'a province officer' },
  COMMUNE_OFFICER: { vi: 'cán bộ Công an xã', en: 'a commune officer' },
  AREA_LEADER: { vi: 'trưởng khu dân cư', en: 'the residential area’s leader' },
};
const STATUS_LABELS: Readonly<Record<AssessmentStatus, Label>> = {
  DRAFT: { vi: 'đang soạn', en: 'a draft' },
  SUBMITTED: { vi: 'đã gửi', en: 'submitted' },
  SENT_BACK: { vi: 'bị trả lại', en: 'sent back' },
  REVIEWED: { vi: 'đã thẩm định', en: 'reviewed' },
  DECIDED: { vi: 'đã có quyết định', en: 'decided' },
};
const ACT_LABELS: Readonly<Record<AssessmentAct, Label & { readonly enDone: string }>> = {
  DRAFT: { vi: 'sửa', en: 'edit', enDone: 'edited' },
  SUBMIT: { vi: 'gửi', en: 'submit', enDone: 'submitted' },
  SEND_BACK: { vi: 'trả lại', en: 'send back', enDone: 'sent back' },
  REVIEW: { vi: 'thẩm định', en: 'review', enDone: 'reviewed' },
  DECIDE: { vi: 'ra quyết định công nhận', en: 'decide', enDone: 'decided' },
  CORRECT: { vi: 'đính chính quyết định', en: 'correct', enDone: 'corrected' },
  RECORD: { vi: 'ghi nhận quyết định', en: 'record the decision of', enDone: 'recorded' },
};
const REASON_LABELS: Readonly<Record<Extract<AssessmentRefusal, { code: 'REASON_REQUIRED' }>['because'], Label>> = {
  LATE: { vi: 'Đã quá hạn gửi: cần ghi lý do gửi muộn.', en: 'The deadline has passed: give the reason for submitting late.' },
  SENT_BACK: { vi: 'Cần ghi lý do trả lại.', en: 'Give the reason for sending it back.' },
  ADJUSTED: { vi: 'Điều chỉnh điểm hoặc số liệu cần ghi lý do.', en: 'Adjusting points or facts needs a reason.' },
  CORRECTED: { vi: 'Đính chính quyết định cần ghi lý do.', en: 'Correcting a decision needs a reason.' },
};

/** What a refusal says, in Vietnamese and English. */
export function assessmentRefusalLabel(r: AssessmentRefusal): Label {
  switch (r.code) {
    case 'WRONG_STATUS': {
      const now = r.status ? STATUS_LABELS[r.status] : { vi: 'chưa có', en: 'not started' };
      return {
        vi: `Không thể ${ACT_LABELS[r.act].vi} bản đánh giá đang ở trạng thái "${now.vi}".`,
        en: `An assessment that is ${now.en} cannot be ${ACT_LABELS[r.act].enDone}.`,
      };
    }
    case 'ALREADY_DECIDED':
      return {
        vi: 'Bản đánh giá đã có quyết định nên không thể thay đổi: hãy ra quyết định đính chính.',
        en: 'The assessment is decided and cannot change: issue a correcting decision instead.',
      };
    case 'WRONG_ACTOR':
      return {
        vi: `Chỉ ${ROLE_LABELS[r.actor].vi} có thẩm quyền mới được ${ACT_LABELS[r.act].vi} bản đánh giá này.`,
        en: `Only ${ROLE_LABELS[r.actor].en} with jurisdiction may ${ACT_LABELS[r.act].en} this assessment.`,
      };
    case 'YEAR_NOT_STARTED':
      return { vi: `Năm ${r.year} chưa bắt đầu.`, en: `The year ${r.year} has not begun.` };
    case 'BEFORE_THE_RULES':
      return {
        vi: `Năm ${r.year} không thuộc Thông tư 124/2021/TT-BCA (áp dụng từ năm 2022).`,
        en: `${r.year} is not assessed under Circular 124/2021/TT-BCA (in force from 2022).`,
      };
    case 'NO_DISTRICTS_IN_ERA':
      return {
        vi: `Năm ${r.year} không còn cấp huyện (bỏ từ 01/07/2025).`,
        en: `There are no districts to assess in ${r.year} (abolished on 2025-07-01).`,
      };
    case 'REASON_REQUIRED':
      return REASON_LABELS[r.because];
    case 'DECISION_IN_FUTURE':
      return { vi: 'Ngày quyết định không được ở tương lai.', en: 'The decision date must not be in the future.' };
    case 'DECISION_BEFORE_YEAR':
      return {
        vi: `Quyết định cho năm ${r.year} không thể ký trước năm đó.`,
        en: `A decision on ${r.year} cannot be dated before that year.`,
      };
  }
}
