/**
 * A re-integration case's outcome (Decree 49/2020/NĐ-CP, Art. 21–23: the commune, the
 * family and organisations help a person returning from prison to settle): ONGOING until
 * it is closed with one outcome, which is final. A person helped again later is a new case.
 */
import type { ReintegrationStatus } from '../entities/enums.js';

/** The outcomes a case can be closed with. */
export const REINTEGRATION_OUTCOMES = ['COMPLETED', 'REOFFENDED', 'MOVED_AWAY', 'CLOSED'] as const satisfies readonly ReintegrationStatus[];
/** An outcome of a closed case. */
export type ReintegrationOutcome = (typeof REINTEGRATION_OUTCOMES)[number];

/** From each status, the statuses a case may move to. */
export const REINTEGRATION_TRANSITIONS: Readonly<Record<ReintegrationStatus, readonly ReintegrationStatus[]>> = {
  ONGOING: REINTEGRATION_OUTCOMES,
  COMPLETED: [],
  REOFFENDED: [],
  MOVED_AWAY: [],
  CLOSED: [],
};

/** Whether a case in `from` may move to `to`. */
export function canMoveCase(from: ReintegrationStatus, to: ReintegrationStatus): boolean {
  return REINTEGRATION_TRANSITIONS[from].includes(to);
}

/** A case's status on a date: ONGOING from its return until it is closed (the closing day shows the outcome). */
export function caseStatusOn(
  c: { readonly returnedOn: string; readonly status: ReintegrationStatus; readonly closedOn: string | null },
  asOf: string,
): ReintegrationStatus | null {
  if (c.returnedOn > asOf) return null;
  return c.status !== 'ONGOING' && c.closedOn !== null && c.closedOn <= asOf ? c.status : 'ONGOING';
}
