/**
 * The inspection workflow (kiểm tra, củng cố, kiện toàn):
 *
 * ```text
 * PLANNED ─record→ DONE (findings, rating, follow-ups)
 * PLANNED ─cancel→ CANCELLED
 * ```
 *
 * and each follow-up: OPEN until closed DONE or CANCELLED on a day; on any date an open
 * follow-up past its due date is OVERDUE. OVERDUE is derived from the due date and the
 * date asked, never stored, so "overdue on 2024-12-31" stays true of the past whatever
 * happened since. (Source: the seed report's "kiểm tra, củng cố, kiện toàn" in DOMAIN.md;
 * no statute fixes these states: they are the project's workflow.)
 */
import type { IsoDate } from '../dates.js';
import type { FollowUpState, InspectionStatus } from '../entities/enums.js';
import type { FollowUp } from '../entities/inspection.js';

/** From each state, the states an inspection may move to. DONE and CANCELLED are final. */
export const INSPECTION_TRANSITIONS: Readonly<Record<InspectionStatus, readonly InspectionStatus[]>> = {
  PLANNED: ['DONE', 'CANCELLED'],
  DONE: [],
  CANCELLED: [],
};

/** Whether an inspection in `from` may move to `to`. */
export function canMoveInspection(from: InspectionStatus, to: InspectionStatus): boolean {
  return INSPECTION_TRANSITIONS[from].includes(to);
}

/**
 * A follow-up's state on `asOf`: DONE or CANCELLED once closed on or before it; else
 * OVERDUE when due before it; else OPEN. (Due on `asOf` itself is not yet overdue.)
 */
export function followUpStateOn(followUp: FollowUp, asOf: IsoDate): FollowUpState {
  if (followUp.status !== 'OPEN' && followUp.closedOn !== null && followUp.closedOn <= asOf) return followUp.status;
  return followUp.dueOn < asOf ? 'OVERDUE' : 'OPEN';
}

/** Whether a follow-up is overdue on `asOf` (see {@link followUpStateOn}). */
export function isOverdueOn(followUp: FollowUp, asOf: IsoDate): boolean {
  return followUpStateOn(followUp, asOf) === 'OVERDUE';
}
