/**
 * Handling a tip (tố giác, tin báo về tội phạm): what a resident submits, and the dated
 * states a tip goes through. Law 2015 Criminal Procedure Code, Art. 144–147: a received tip
 * is verified, then resolved, forwarded to the competent body, or rejected.
 */
import { z } from 'zod';
import { communeCodeSchema, isoDateSchema, textSchema } from '../entities/common.js';
import { TIP_CATEGORIES, type TipStatus } from '../entities/enums.js';

/** What anyone may submit, signed in or not: the API's input, checked here once. */
export const submitTipInput = z.object({
  category: z.enum(TIP_CATEGORIES),
  /** The commune where it happened. */
  unitCode: communeCodeSchema,
  /** When it happened; the day of submission if not given. */
  occurredOn: isoDateSchema.optional(),
  text: textSchema.pipe(
    z.string().min(10, 'must say what happened in at least 10 characters').max(5000, 'must be at most 5000 characters'),
  ),
  /** How to reach the informant, and who they are, if they wish: encrypted at rest. */
  contact: z.string().trim().max(500, 'must be at most 500 characters').optional(),
});
/** A tip as submitted. */
export type SubmitTipInput = z.infer<typeof submitTipInput>;

/** A message added to a tip, by the informant or an officer. */
export const tipMessageInput = z.object({
  text: textSchema.pipe(z.string().min(1).max(5000, 'must be at most 5000 characters')),
});

/** Why an officer reveals an informant's identity: required, and recorded in the audit log. */
export const revealReasonSchema = z.string().trim().min(20, 'must explain the need in at least 20 characters').max(1000);

/** From each state, the states a tip may move to. RESOLVED and REJECTED are final. */
export const TIP_TRANSITIONS: Readonly<Record<TipStatus, readonly TipStatus[]>> = {
  RECEIVED: ['VERIFYING', 'FORWARDED', 'REJECTED'],
  VERIFYING: ['FORWARDED', 'RESOLVED', 'REJECTED'],
  FORWARDED: ['RESOLVED', 'REJECTED'],
  RESOLVED: [],
  REJECTED: [],
};

/** Whether a tip in `from` may move to `to`. */
export function canMoveTip(from: TipStatus, to: TipStatus): boolean {
  return TIP_TRANSITIONS[from].includes(to);
}
