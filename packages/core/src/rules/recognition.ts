/**
 * "An toàn về an ninh, trật tự" recognition under Circular 124/2021/TT-BCA (in force from
 * 2022-02-10; amended by Circular 48/2025/TT-BCA for the two-level local government, which
 * changes who approves, not these criteria). All criteria must hold; every failed one is
 * named.
 */
import { periodContains, quarterOf, type IsoDate } from '../dates.js';
import type { EnterpriseSize, SchoolLevel, SeriousEventKind } from '../entities/enums.js';
import type { Labels } from '../labels.js';
import { verdictOf, type Verdict } from './verdict.js';

/** Circular 124/2021/TT-BCA takes effect on this day. */
export const CIRCULAR_124_IN_FORCE_FROM: IsoDate = '2022-02-10';

/** The criteria of recognition, each failure code naming one. */
export type RecognitionCriterion =
  | 'IN_SCOPE'
  | 'FIRST_QUARTER_RESOLUTION'
  | 'FIRST_QUARTER_PLAN'
  | 'FIRST_QUARTER_REGISTRATION'
  | 'ALL_HOUSEHOLDS_REGISTERED'
  | 'POLICIES_IMPLEMENTED'
  | 'NO_SERIOUS_EVENTS'
  | 'EFFECTIVE_MODEL'
  | 'NO_POLICE_DISCIPLINED';

/** Vietnamese and English labels of each {@link RecognitionCriterion}. */
export const RECOGNITION_CRITERION_LABELS: Labels<RecognitionCriterion> = {
  IN_SCOPE: { vi: 'Thuộc đối tượng áp dụng', en: 'Within the scope of the circular' },
  FIRST_QUARTER_RESOLUTION: { vi: 'Có nghị quyết trong quý I', en: 'A resolution in the first quarter' },
  FIRST_QUARTER_PLAN: { vi: 'Có kế hoạch trong quý I', en: 'A plan in the first quarter' },
  FIRST_QUARTER_REGISTRATION: { vi: 'Đăng ký thi đua trong quý I', en: 'Registration to compete in the first quarter' },
  ALL_HOUSEHOLDS_REGISTERED: { vi: '100% hộ gia đình đăng ký thực hiện', en: '100% of households registered' },
  POLICIES_IMPLEMENTED: { vi: 'Thực hiện tốt chủ trương, chính sách, pháp luật', en: 'Policies and laws implemented' },
  NO_SERIOUS_EVENTS: { vi: 'Không xảy ra các vụ việc nghiêm trọng theo quy định', en: 'None of the listed serious events' },
  EFFECTIVE_MODEL: {
    vi: 'Có ít nhất một mô hình được xây dựng, củng cố, duy trì hoạt động hiệu quả',
    en: 'At least one effective model built, consolidated or maintained',
  },
  NO_POLICE_DISCIPLINED: { vi: 'Không có cán bộ Công an xã bị kỷ luật', en: 'No commune police officer disciplined' },
};

/** Why an organization falls outside Circular 124 (Art. 1(2)(b)). */
export type OutOfScopeReason = 'ARMED_FORCES_AGENCY' | 'SMALL_ENTERPRISE' | 'MICRO_ENTERPRISE' | 'PRIMARY_SCHOOL' | 'PRESCHOOL' | 'NURSERY';

/** Vietnamese and English labels of each {@link OutOfScopeReason}. */
export const OUT_OF_SCOPE_REASON_LABELS: Labels<OutOfScopeReason> = {
  ARMED_FORCES_AGENCY: { vi: 'Cơ quan, đơn vị lực lượng vũ trang', en: 'Armed forces agency' },
  SMALL_ENTERPRISE: { vi: 'Doanh nghiệp nhỏ', en: 'Small enterprise' },
  MICRO_ENTERPRISE: { vi: 'Doanh nghiệp siêu nhỏ', en: 'Micro enterprise' },
  PRIMARY_SCHOOL: { vi: 'Cơ sở giáo dục tiểu học', en: 'Primary school' },
  PRESCHOOL: { vi: 'Cơ sở giáo dục mầm non', en: 'Preschool' },
  NURSERY: { vi: 'Nhà trẻ', en: 'Nursery' },
};

/** A failed recognition criterion, with what it was judged on. */
export type RecognitionFailure =
  | { readonly criterion: 'IN_SCOPE'; readonly reason: OutOfScopeReason }
  | {
      readonly criterion: 'FIRST_QUARTER_RESOLUTION' | 'FIRST_QUARTER_PLAN' | 'FIRST_QUARTER_REGISTRATION';
      /** `null` when there was none; else the date, which fell outside the first quarter. */
      readonly date: IsoDate | null;
    }
  | { readonly criterion: 'ALL_HOUSEHOLDS_REGISTERED'; readonly households: number; readonly registered: number }
  | { readonly criterion: 'POLICIES_IMPLEMENTED' }
  | { readonly criterion: 'NO_SERIOUS_EVENTS'; readonly events: readonly SeriousEventKind[] }
  | { readonly criterion: 'EFFECTIVE_MODEL'; readonly effectiveModels: number }
  | { readonly criterion: 'NO_POLICE_DISCIPLINED'; readonly disciplined: number };

/** Pass/fail of a recognition. */
export type RecognitionVerdict = Verdict<RecognitionFailure>;

/** What a residential area's recognition for `year` is judged on. */
export interface ResidentialAreaRecognitionInput {
  readonly year: number;
  /** Date of the residential area's resolution on the movement, or `null`. */
  readonly resolutionOn: IsoDate | null;
  /** Date it registered to compete, or `null`. */
  readonly registeredOn: IsoDate | null;
  readonly households: number;
  readonly householdsRegistered: number;
  readonly policiesImplemented: boolean;
  /** The listed serious events that happened in the area during the year. */
  readonly seriousEvents: readonly SeriousEventKind[];
}

/** What a commune's recognition for `year` is judged on: its own acts plus criteria 2–4 over its area. */
export interface CommuneRecognitionInput extends ResidentialAreaRecognitionInput {
  readonly planOn: IsoDate | null;
  /** Models built, consolidated or maintained during the year and evaluated effective. */
  readonly effectiveModels: number;
  /** Officers of the commune police disciplined during the year. */
  readonly policeDisciplined: number;
}

/** The facts about an organization that decide whether Circular 124 applies to it. */
export type OrganizationScopeInput =
  | { readonly kind: 'AGENCY'; readonly armedForces: boolean }
  | { readonly kind: 'ENTERPRISE'; readonly size: EnterpriseSize }
  | { readonly kind: 'SCHOOL'; readonly level: SchoolLevel };

/** What an organization's recognition for `year` is judged on. */
export interface OrganizationRecognitionInput {
  readonly organization: OrganizationScopeInput;
  readonly year: number;
  readonly resolutionOn: IsoDate | null;
  readonly planOn: IsoDate | null;
  readonly registeredOn: IsoDate | null;
  readonly effectiveModels: number;
  readonly policiesImplemented: boolean;
  readonly seriousEvents: readonly SeriousEventKind[];
}

function firstQuarter(
  criterion: 'FIRST_QUARTER_RESOLUTION' | 'FIRST_QUARTER_PLAN' | 'FIRST_QUARTER_REGISTRATION',
  date: IsoDate | null,
  year: number,
): RecognitionFailure[] {
  return date !== null && periodContains(quarterOf(year, 1), date) ? [] : [{ criterion, date }];
}

// Criteria 2–4 of a residential area, which a commune must also meet over its whole area.
function criteriaTwoToFour(input: ResidentialAreaRecognitionInput): RecognitionFailure[] {
  const failures: RecognitionFailure[] = [];
  if (input.households === 0 || input.householdsRegistered < input.households) {
    failures.push({ criterion: 'ALL_HOUSEHOLDS_REGISTERED', households: input.households, registered: input.householdsRegistered });
  }
  if (!input.policiesImplemented) failures.push({ criterion: 'POLICIES_IMPLEMENTED' });
  if (input.seriousEvents.length > 0) failures.push({ criterion: 'NO_SERIOUS_EVENTS', events: [...new Set(input.seriousEvents)] });
  return failures;
}

// Circular 124/2021/TT-BCA, criteria for residential areas: Q1 resolution and registration; 100% of households; policies; no listed events.
/**
 * Whether a residential area meets "An toàn về ANTT" for `year`. The resolution and the
 * registration must both be dated in the first quarter (1 Jan – 31 Mar) of that year; an
 * area with no households fails the 100% criterion.
 */
export function recognizeResidentialArea(input: ResidentialAreaRecognitionInput): RecognitionVerdict {
  return verdictOf([
    ...firstQuarter('FIRST_QUARTER_RESOLUTION', input.resolutionOn, input.year),
    ...firstQuarter('FIRST_QUARTER_REGISTRATION', input.registeredOn, input.year),
    ...criteriaTwoToFour(input),
  ]);
}

// Circular 124/2021/TT-BCA, criteria for communes: Q1 resolution, plan, registration; ≥1 effective model; area criteria 2–4; no commune police disciplined.
/** Whether a commune meets "An toàn về ANTT" for `year`. */
export function recognizeCommune(input: CommuneRecognitionInput): RecognitionVerdict {
  const failures = [
    ...firstQuarter('FIRST_QUARTER_RESOLUTION', input.resolutionOn, input.year),
    ...firstQuarter('FIRST_QUARTER_PLAN', input.planOn, input.year),
    ...firstQuarter('FIRST_QUARTER_REGISTRATION', input.registeredOn, input.year),
  ];
  if (input.effectiveModels < 1) failures.push({ criterion: 'EFFECTIVE_MODEL', effectiveModels: input.effectiveModels });
  failures.push(...criteriaTwoToFour(input));
  if (input.policeDisciplined > 0) failures.push({ criterion: 'NO_POLICE_DISCIPLINED', disciplined: input.policeDisciplined });
  return verdictOf(failures);
}

// Circular 124/2021/TT-BCA Art. 1(2)(b): agencies except armed forces; enterprises except small and micro; schools except primary, preschool, nursery.
/** Whether Circular 124 applies to an organization, and if not, why. */
export function organizationInScope(
  org: OrganizationScopeInput,
): { readonly inScope: true } | { readonly inScope: false; readonly reason: OutOfScopeReason } {
  const out = (reason: OutOfScopeReason) => ({ inScope: false as const, reason });
  switch (org.kind) {
    case 'AGENCY':
      return org.armedForces ? out('ARMED_FORCES_AGENCY') : { inScope: true };
    case 'ENTERPRISE':
      if (org.size === 'SMALL') return out('SMALL_ENTERPRISE');
      if (org.size === 'MICRO') return out('MICRO_ENTERPRISE');
      return { inScope: true };
    case 'SCHOOL':
      if (org.level === 'PRIMARY') return out('PRIMARY_SCHOOL');
      if (org.level === 'PRESCHOOL') return out('PRESCHOOL');
      if (org.level === 'NURSERY') return out('NURSERY');
      return { inScope: true };
  }
}

// Circular 124/2021/TT-BCA, criteria for agencies, enterprises and schools (common core: Q1 resolution, plan, registration; an effective model; policies; no listed events).
/**
 * Whether an organization meets "An toàn về ANTT" for `year`. An organization outside the
 * circular's scope fails with the single criterion `IN_SCOPE` (the others do not apply).
 */
export function recognizeOrganization(input: OrganizationRecognitionInput): RecognitionVerdict {
  const scope = organizationInScope(input.organization);
  if (!scope.inScope) return verdictOf([{ criterion: 'IN_SCOPE', reason: scope.reason }]);
  const failures = [
    ...firstQuarter('FIRST_QUARTER_RESOLUTION', input.resolutionOn, input.year),
    ...firstQuarter('FIRST_QUARTER_PLAN', input.planOn, input.year),
    ...firstQuarter('FIRST_QUARTER_REGISTRATION', input.registeredOn, input.year),
  ];
  if (input.effectiveModels < 1) failures.push({ criterion: 'EFFECTIVE_MODEL', effectiveModels: input.effectiveModels });
  if (!input.policiesImplemented) failures.push({ criterion: 'POLICIES_IMPLEMENTED' });
  if (input.seriousEvents.length > 0) failures.push({ criterion: 'NO_SERIOUS_EVENTS', events: [...new Set(input.seriousEvents)] });
  return verdictOf(failures);
}
