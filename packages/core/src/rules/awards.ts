/**
 * Which authority may give which award. The forms and the authorities that give them are
 * those of the Law on Emulation and Commendation (Luật Thi đua, khen thưởng 06/2022/QH15,
 * from 2024-01-01) and Decree 98/2023/NĐ-CP; districts, and so district-level awards, end
 * with the two-level government on 2025-07-01.
 *
 * Levels name the authority, not the recipient: `COMMUNE` the chairman of a commune's
 * People's Committee; `DISTRICT` the chairman of a district's (before 2025-07-01);
 * `PROVINCE` the chairman of a province's People's Committee, or the head of a provincial
 * agency such as the province police director (who gives Giấy khen); `MINISTRY` a minister
 * (the Minister of Public Security), or the head of a unit under a ministry (Giấy khen);
 * `GOVERNMENT` the Prime Minister; `STATE` the State President.
 */
import type { IsoDate } from '../dates.js';
import type { AwardLevel, CommendationForm, RecipientKind } from '../entities/enums.js';
import { DISTRICTS_ABOLISHED_ON } from '../hierarchy/units.js';
import { verdictOf, type Verdict } from './verdict.js';

/** The levels whose authority may give each form. */
export const AWARD_AUTHORITIES: Readonly<Record<CommendationForm, readonly AwardLevel[]>> = {
  // Giấy khen: heads of agencies and units, chairmen of commune (and district) People's Committees (Law 06/2022/QH15, Giấy khen).
  LETTER_OF_COMMENDATION: ['COMMUNE', 'DISTRICT', 'PROVINCE', 'MINISTRY'],
  // Bằng khen: a minister or province chairman ("cấp bộ, ngành, tỉnh") or the Prime Minister (Law 06/2022/QH15, Bằng khen).
  CERTIFICATE_OF_MERIT: ['PROVINCE', 'MINISTRY', 'GOVERNMENT'],
  // Cờ thi đua: of a ministry or province, or of the Government (Law 06/2022/QH15, danh hiệu thi đua).
  EMULATION_FLAG: ['PROVINCE', 'MINISTRY', 'GOVERNMENT'],
  // Huân chương, huy chương: conferred by the State President (Law 06/2022/QH15; Constitution 2013, Art. 88).
  MEDAL: ['STATE'],
  // Other forms (Kỷ niệm chương, commemorative awards…): any level; recorded as decided.
  OTHER: ['COMMUNE', 'DISTRICT', 'PROVINCE', 'MINISTRY', 'GOVERNMENT', 'STATE'],
};

/** The levels that recognise exemplars (điển hình tiên tiến): from the commune to the Ministry of Public Security. */
export const EXEMPLAR_LEVELS: readonly AwardLevel[] = ['COMMUNE', 'DISTRICT', 'PROVINCE', 'MINISTRY'];

/** Why an award as given is not one the law provides for. */
export type AwardFailure =
  | { readonly code: 'LEVEL_CANNOT_GIVE_FORM'; readonly allowed: readonly AwardLevel[] }
  | { readonly code: 'NO_DISTRICTS_IN_ERA' }
  | { readonly code: 'COLLECTIVE_ONLY' }
  | { readonly code: 'NOT_AN_EXEMPLAR_LEVEL'; readonly allowed: readonly AwardLevel[] };

// Law 06/2022/QH15: districts ended 2025-07-01 (Resolution 202/2025/QH15), so no district-level award is decided after.
const districtFailures = (level: AwardLevel, decidedOn: IsoDate): AwardFailure[] =>
  level === 'DISTRICT' && decidedOn >= DISTRICTS_ABOLISHED_ON ? [{ code: 'NO_DISTRICTS_IN_ERA' }] : [];

/** Whether a commendation of `form` from an authority of `level`, decided on `decidedOn`, to a `recipient`, is one the law provides for. */
export function checkCommendation(
  form: CommendationForm,
  level: AwardLevel,
  recipient: RecipientKind,
  decidedOn: IsoDate,
): Verdict<AwardFailure> {
  const allowed = AWARD_AUTHORITIES[form];
  return verdictOf([
    ...(allowed.includes(level) ? [] : [{ code: 'LEVEL_CANNOT_GIVE_FORM' as const, allowed }]),
    ...districtFailures(level, decidedOn),
    // Cờ thi đua is an emulation title of collectives only (Law 06/2022/QH15).
    ...(form === 'EMULATION_FLAG' && recipient !== 'COLLECTIVE' ? [{ code: 'COLLECTIVE_ONLY' as const }] : []),
  ]);
}

/** Whether an exemplar may be recognised at `level` by a decision of `decidedOn`. */
export function checkExemplarLevel(level: AwardLevel, decidedOn: IsoDate): Verdict<AwardFailure> {
  return verdictOf([
    ...(EXEMPLAR_LEVELS.includes(level) ? [] : [{ code: 'NOT_AN_EXEMPLAR_LEVEL' as const, allowed: EXEMPLAR_LEVELS }]),
    ...districtFailures(level, decidedOn),
  ]);
}

/** What each failure says, in Vietnamese and English. */
export const AWARD_FAILURE_LABELS: Readonly<Record<AwardFailure['code'], { readonly vi: string; readonly en: string }>> = {
  LEVEL_CANNOT_GIVE_FORM: {
    vi: 'Cấp này không có thẩm quyền tặng hình thức khen thưởng này',
    en: 'An authority of this level cannot give this form of award',
  },
  NO_DISTRICTS_IN_ERA: { vi: 'Từ ngày 01/07/2025 không còn cấp huyện', en: 'There are no districts from 2025-07-01' },
  COLLECTIVE_ONLY: { vi: 'Cờ thi đua chỉ tặng cho tập thể', en: 'An emulation flag is given to collectives only' },
  NOT_AN_EXEMPLAR_LEVEL: { vi: 'Cấp này không công nhận điển hình tiên tiến', en: 'Exemplars are not recognised at this level' },
};
