/**
 * The model lifecycle as a state machine:
 *
 * ```text
 * (none) ─PROPOSE→ PROPOSED ─SURVEY→ SURVEYED ─APPROVE→ APPROVED ─ESTABLISH→ ESTABLISHED
 *        ─ACTIVATE→ ACTIVE ⇄ (SUSPEND / RESUME) SUSPENDED
 * any state but DISSOLVED ─DISSOLVE→ DISSOLVED (final)
 * ```
 *
 * Dissolving is allowed from every live state: a proposal that is dropped before it is
 * established is dissolved too. Nothing leaves `DISSOLVED`: a model rebuilt later is a
 * new model.
 */
import type { Label } from '../labels.js';
import type { IsoDate } from '../dates.js';
import type { LifecycleEventKind, ModelState } from '../entities/enums.js';

/** For each event, the states it may be applied in (`null`: before the model exists) and the state it leads to. */
export const LIFECYCLE_TRANSITIONS: Readonly<
  Record<LifecycleEventKind, { readonly from: readonly (ModelState | null)[]; readonly to: ModelState }>
> = {
  PROPOSE: { from: [null], to: 'PROPOSED' },
  SURVEY: { from: ['PROPOSED'], to: 'SURVEYED' },
  APPROVE: { from: ['SURVEYED'], to: 'APPROVED' },
  ESTABLISH: { from: ['APPROVED'], to: 'ESTABLISHED' },
  ACTIVATE: { from: ['ESTABLISHED'], to: 'ACTIVE' },
  SUSPEND: { from: ['ACTIVE'], to: 'SUSPENDED' },
  RESUME: { from: ['SUSPENDED'], to: 'ACTIVE' },
  DISSOLVE: { from: ['PROPOSED', 'SURVEYED', 'APPROVED', 'ESTABLISHED', 'ACTIVE', 'SUSPENDED'], to: 'DISSOLVED' },
};

/** An event applied in a state that does not allow it. */
export interface IllegalTransition {
  readonly code: 'ILLEGAL_TRANSITION';
  /** The state the model was in (`null`: it did not exist yet). */
  readonly state: ModelState | null;
  /** The event that cannot happen in that state. */
  readonly event: LifecycleEventKind;
  /** The event's date. */
  readonly date: IsoDate;
  /** The event's position in the input. */
  readonly index: number;
  /** What went wrong, in Vietnamese and English. */
  readonly message: Label;
}

/** The result of applying one event: the new state, or the illegal transition. */
export type TransitionResult =
  { readonly ok: true; readonly state: ModelState } | { readonly ok: false; readonly error: IllegalTransition };

/** The events allowed in `state` (`null`: before the model exists), in lifecycle order. */
export function allowedEvents(state: ModelState | null): LifecycleEventKind[] {
  return (Object.keys(LIFECYCLE_TRANSITIONS) as LifecycleEventKind[]).filter((e) => LIFECYCLE_TRANSITIONS[e].from.includes(state));
}

/** The state after `event` in `state`, or an {@link IllegalTransition} naming both. */
export function applyEvent(state: ModelState | null, event: LifecycleEventKind, date: IsoDate, index = 0): TransitionResult {
  const t = LIFECYCLE_TRANSITIONS[event];
  if (t.from.includes(state)) return { ok: true, state: t.to };
  const where = state ?? 'NONE';
  return {
    ok: false,
    error: {
      code: 'ILLEGAL_TRANSITION',
      state,
      event,
      date,
      index,
      message: {
        vi: `Không thể thực hiện sự kiện ${event} khi mô hình ở trạng thái ${where} (ngày ${date}).`,
        en: `Event ${event} is not allowed in state ${where} (on ${date}).`,
      },
    },
  };
}

/** Thrown by {@link assertLegal} and `lifecycleOrThrow`: an illegal transition as an `Error`. */
export class IllegalTransitionError extends Error {
  /** The state the model was in (`null`: it did not exist yet). */
  readonly state: ModelState | null;
  /** The event that cannot happen in that state. */
  readonly event: LifecycleEventKind;
  /** The event's date. */
  readonly date: IsoDate;
  /** The full description. */
  readonly detail: IllegalTransition;

  /** Wraps `detail`; the message is its English text. */
  constructor(detail: IllegalTransition) {
    super(detail.message.en);
    this.name = 'IllegalTransitionError';
    this.state = detail.state;
    this.event = detail.event;
    this.date = detail.date;
    this.detail = detail;
  }
}

/** The state after `event` in `state`; throws {@link IllegalTransitionError} when not allowed. */
export function assertLegal(state: ModelState | null, event: LifecycleEventKind, date: IsoDate): ModelState {
  const r = applyEvent(state, event, date);
  if (!r.ok) throw new IllegalTransitionError(r.error);
  return r.state;
}
