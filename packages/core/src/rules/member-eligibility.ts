/**
 * Who may be a member of a security team (Tổ bảo vệ an ninh, trật tự ở cơ sở) under Law
 * 30/2023/QH15 (in force from 2024-07-01) and Circular 14/2024/TT-BCA.
 */
import { addYears, ageOn, type IsoDate } from '../dates.js';
import { EDUCATION_LEVELS, type EducationLevel } from '../entities/enums.js';
import type { Labels } from '../labels.js';
import { verdictOf, type Verdict } from './verdict.js';

/** Law 30/2023/QH15 takes effect on this day: there are no security teams before it. */
export const LAW_30_IN_FORCE_FROM: IsoDate = '2024-07-01';
/** The youngest age (in whole years) of a member. */
export const MEMBER_MIN_AGE = 18;
/** The oldest age (in whole years) of a member without the commune chairman's decision. */
export const MEMBER_MAX_AGE = 70;

/** What a candidate is judged on. `over70ApprovedByCommuneChairman` only matters above 70. */
export interface MemberCandidate {
  readonly birthDate: IsoDate;
  /** A clear background: no unexpunged conviction, not under prosecution or an administrative measure. */
  readonly cleanRecord: boolean;
  readonly education: EducationLevel;
  /** Since when the candidate has lived (permanently or temporarily) in the area; `null` if not resident. */
  readonly residentSince: IsoDate | null;
  /** A health certificate from a lawful medical facility. */
  readonly hasHealthCertificate: boolean;
  /** For a candidate over 70: healthy and accepted by decision of the commune People's Committee chairman. */
  readonly over70ApprovedByCommuneChairman?: boolean;
}

/** Where and when the candidate is judged. */
export interface EligibilityContext {
  /** The day of the decision. */
  readonly date: IsoDate;
  /** The commune is a border, mountain or ethnic-minority area (primary education suffices). */
  readonly borderMountainOrEthnicMinorityArea: boolean;
}

/** One unmet condition, with what it was judged on. */
export type EligibilityFailure =
  | { readonly code: 'LAW_NOT_IN_FORCE'; readonly date: IsoDate }
  | { readonly code: 'UNDER_18'; readonly age: number }
  | { readonly code: 'OVER_70_WITHOUT_APPROVAL'; readonly age: number }
  | { readonly code: 'RECORD_NOT_CLEAN' }
  | { readonly code: 'EDUCATION_TOO_LOW'; readonly education: EducationLevel; readonly required: EducationLevel }
  | { readonly code: 'RESIDENCE_UNDER_ONE_YEAR'; readonly residentSince: IsoDate | null }
  | { readonly code: 'NO_HEALTH_CERTIFICATE' };

/** The codes of {@link EligibilityFailure}. */
export type EligibilityFailureCode = EligibilityFailure['code'];

/** Vietnamese and English labels of each {@link EligibilityFailureCode}. */
export const ELIGIBILITY_FAILURE_LABELS: Labels<EligibilityFailureCode> = {
  LAW_NOT_IN_FORCE: { vi: 'Luật 30/2023/QH15 chưa có hiệu lực (từ 01/7/2024)', en: 'Law 30/2023/QH15 not yet in force (from 2024-07-01)' },
  UNDER_18: { vi: 'Chưa đủ 18 tuổi', en: 'Under 18' },
  OVER_70_WITHOUT_APPROVAL: {
    vi: 'Trên 70 tuổi mà chưa được Chủ tịch UBND cấp xã quyết định',
    en: "Over 70 without the commune chairman's decision",
  },
  RECORD_NOT_CLEAN: { vi: 'Lý lịch không rõ ràng', en: 'Record not clean' },
  EDUCATION_TOO_LOW: { vi: 'Trình độ học vấn chưa đạt', en: 'Education below the requirement' },
  RESIDENCE_UNDER_ONE_YEAR: { vi: 'Cư trú tại địa bàn chưa đủ 01 năm', en: 'Resident in the area for less than a year' },
  NO_HEALTH_CERTIFICATE: { vi: 'Không có giấy chứng nhận đủ sức khỏe', en: 'No health certificate' },
};

const educationRank = (e: EducationLevel): number => EDUCATION_LEVELS.indexOf(e);

/** The education a member needs: lower secondary, or primary in border, mountain and ethnic-minority areas. */
export function requiredEducation(borderMountainOrEthnicMinorityArea: boolean): EducationLevel {
  return borderMountainOrEthnicMinorityArea ? 'PRIMARY' : 'LOWER_SECONDARY';
}

// Law 30/2023/QH15 and Circular 14/2024/TT-BCA: 18–70 (over 70 if healthy and approved), clean record, education, ≥1 year resident, health certificate.
/**
 * Whether `candidate` may join a security team on `context.date`. Ages are whole years
 * (a person is 18 from their 18th birthday; one born on 29 February turns a year older
 * on 28 February in a common year, as the Civil Code counts years). "18 to 70" includes
 * 70: a member is over 70 from their 71st birthday. Residence of one year is complete on
 * its anniversary.
 */
export function checkMemberEligibility(candidate: MemberCandidate, context: EligibilityContext): Verdict<EligibilityFailure> {
  const failures: EligibilityFailure[] = [];
  const { date } = context;
  if (date < LAW_30_IN_FORCE_FROM) failures.push({ code: 'LAW_NOT_IN_FORCE', date });
  const age = ageOn(candidate.birthDate, date);
  if (age < MEMBER_MIN_AGE) failures.push({ code: 'UNDER_18', age });
  if (age > MEMBER_MAX_AGE && !candidate.over70ApprovedByCommuneChairman) failures.push({ code: 'OVER_70_WITHOUT_APPROVAL', age });
  if (!candidate.cleanRecord) failures.push({ code: 'RECORD_NOT_CLEAN' });
  const required = requiredEducation(context.borderMountainOrEthnicMinorityArea);
  if (educationRank(candidate.education) < educationRank(required)) {
    failures.push({ code: 'EDUCATION_TOO_LOW', education: candidate.education, required });
  }
  if (candidate.residentSince === null || addYears(candidate.residentSince, 1) > date) {
    failures.push({ code: 'RESIDENCE_UNDER_ONE_YEAR', residentSince: candidate.residentSince });
  }
  if (!candidate.hasHealthCertificate) failures.push({ code: 'NO_HEALTH_CERTIFICATE' });
  return verdictOf(failures);
}
