/**
 * A model's history as a timeline of states, built from its dated events.
 *
 * Ordering, decided here once:
 * - **Out of date order**: events are sorted by date before they are applied, so callers
 *   may pass them in any order across dates (a back-dated event recorded later takes its
 *   place by date, and the whole history is checked again).
 * - **Same day**: events on the same date are applied in the order given (the sort is
 *   stable), and the state *on* a date is the state at the end of that day. A model
 *   proposed, surveyed, approved, established and activated on one day is `ACTIVE` on that
 *   day; one suspended and resumed on the same day never shows as suspended.
 * - A day counts as active when the model is `ACTIVE` at the end of it.
 */
import { addDays, daysBetween, type IsoDate } from '../dates.js';
import type { LifecycleEventKind, ModelState } from '../entities/enums.js';
import { applyEvent, IllegalTransitionError, type IllegalTransition } from './transitions.js';

/** The least an event needs to be replayed: its kind and its date. */
export interface DatedEvent {
  readonly kind: LifecycleEventKind;
  readonly date: IsoDate;
}

/** A run of days in one state: from `from` to `to` inclusive (`to: null`: still so). */
export interface LifecycleSegment {
  readonly state: ModelState;
  readonly from: IsoDate;
  readonly to: IsoDate | null;
}

/** A legal history as consecutive segments, oldest first. Empty when there were no events. */
export interface Lifecycle {
  readonly segments: readonly LifecycleSegment[];
}

/** A lifecycle, or the first illegal transition found in date order. */
export type LifecycleResult =
  { readonly ok: true; readonly lifecycle: Lifecycle } | { readonly ok: false; readonly error: IllegalTransition };

/** `events` sorted by date, same-day events kept in input order, each with its input index. */
export function sortEvents<E extends DatedEvent>(events: readonly E[]): Array<{ event: E; index: number }> {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : 0));
}

/** Replays `events` (any order across dates; see the module notes) into a {@link Lifecycle}. */
export function buildLifecycle(events: readonly DatedEvent[]): LifecycleResult {
  const segments: Array<{ state: ModelState; from: IsoDate; to: IsoDate | null }> = [];
  let state: ModelState | null = null;
  const sorted = sortEvents(events);
  let i = 0;
  while (i < sorted.length) {
    const day = sorted[i]!.event.date;
    const before: ModelState | null = state;
    for (; i < sorted.length && sorted[i]!.event.date === day; i++) {
      const { event, index } = sorted[i]!;
      const r = applyEvent(state, event.kind, event.date, index);
      if (!r.ok) return { ok: false, error: r.error };
      state = r.state;
    }
    if (state !== before && state !== null) {
      const last = segments.at(-1);
      if (last) last.to = addDays(day, -1);
      segments.push({ state, from: day, to: null });
    }
  }
  return { ok: true, lifecycle: { segments } };
}

/** Like {@link buildLifecycle}, but throws {@link IllegalTransitionError} on an illegal history. */
export function lifecycleOrThrow(events: readonly DatedEvent[]): Lifecycle {
  const r = buildLifecycle(events);
  if (!r.ok) throw new IllegalTransitionError(r.error);
  return r.lifecycle;
}

/** The state at the end of `date`, or `null` before the first event. */
export function stateOn(lifecycle: Lifecycle, date: IsoDate): ModelState | null {
  for (const s of lifecycle.segments) {
    if (s.from <= date && (s.to === null || date <= s.to)) return s.state;
  }
  return null;
}

/** Whether the model is `ACTIVE` on `date`. */
export function isActiveOn(lifecycle: Lifecycle, date: IsoDate): boolean {
  return stateOn(lifecycle, date) === 'ACTIVE';
}

/** Days spent `ACTIVE` up to and including `date`, over every active spell. */
export function activeDaysUpTo(lifecycle: Lifecycle, date: IsoDate): number {
  let days = 0;
  for (const s of lifecycle.segments) {
    if (s.state !== 'ACTIVE' || s.from > date) continue;
    const end = s.to === null || s.to > date ? date : s.to;
    days += daysBetween(s.from, end) + 1;
  }
  return days;
}

/** The first day the model was `ACTIVE`, or `null` if it never was. */
export function firstActiveDate(lifecycle: Lifecycle): IsoDate | null {
  return lifecycle.segments.find((s) => s.state === 'ACTIVE')?.from ?? null;
}
