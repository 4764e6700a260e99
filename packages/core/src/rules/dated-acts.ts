/**
 * When a dated act may be recorded: the day an existing record ends (an area closes, a
 * member leaves) and the day of an event that follows others. No law sets these: they
 * keep each record's validity interval closed and its history in order, so that "as of"
 * questions keep one answer.
 */
import type { IsoDate } from '../dates.js';
import type { ModelState } from '../entities/enums.js';

/** Why a record may not end on a day. */
export type EndingFailure =
  | { readonly code: 'ALREADY_ENDED'; readonly endedOn: IsoDate }
  | { readonly code: 'IN_THE_FUTURE' }
  | { readonly code: 'BEFORE_START'; readonly startedOn: IsoDate };

/**
 * May a record that started on `startedOn` (its latest start, when it has several; null:
 * unknown) and ended on `endedOn` (null: still open) end on `last`, its last day?
 */
export function judgeEnding(
  record: { readonly startedOn: IsoDate | null; readonly endedOn: IsoDate | null },
  last: IsoDate,
  today: IsoDate,
): EndingFailure[] {
  return [
    // A closed interval is not closed again: its end is part of the history others were judged on.
    ...(record.endedOn !== null ? [{ code: 'ALREADY_ENDED' as const, endedOn: record.endedOn }] : []),
    // Records state what happened, never what is planned.
    ...(last > today ? [{ code: 'IN_THE_FUTURE' as const }] : []),
    // Both ends included: a record may end on the day it started, not before.
    ...(record.startedOn !== null && last < record.startedOn ? [{ code: 'BEFORE_START' as const, startedOn: record.startedOn }] : []),
  ];
}

/** The latest of some start dates (null ones are unknown), or null. */
export function latestStart(...starts: ReadonlyArray<IsoDate | null>): IsoDate | null {
  return starts.filter((d): d is IsoDate => d !== null).reduce<IsoDate | null>((a, d) => (a === null || d > a ? d : a), null);
}

/** Why an event may not be recorded on a day. */
export type EventDateFailure = { readonly code: 'IN_THE_FUTURE' } | { readonly code: 'BEFORE_LAST_EVENT'; readonly lastOn: IsoDate };

/** May an event on `date` follow a history whose last event was on `lastOn` (null: none)? */
export function judgeEventDate(date: IsoDate, lastOn: IsoDate | null, today: IsoDate): EventDateFailure[] {
  return [
    // Records state what happened, never what is planned.
    ...(date > today ? [{ code: 'IN_THE_FUTURE' as const }] : []),
    // A history is kept in order: an event on the same day as the last one follows it.
    ...(lastOn !== null && date < lastOn ? [{ code: 'BEFORE_LAST_EVENT' as const, lastOn }] : []),
  ];
}

/** Why a person may not join a model on a day. */
export type JoiningFailure =
  | { readonly code: 'IN_THE_FUTURE' }
  | { readonly code: 'BEFORE_FOUNDED'; readonly foundedOn: IsoDate }
  | { readonly code: 'DISSOLVED' }
  | { readonly code: 'BORN_AFTER_JOINING' };

/**
 * May a person born on `birthDate` (null: not given) join, on `joinedOn`, a model founded on
 * `foundedOn` that is in `stateThen` on that day (null: no lifecycle known)?
 */
export function judgeJoining(
  model: { readonly foundedOn: IsoDate; readonly stateThen: ModelState | null },
  person: { readonly birthDate: IsoDate | null },
  joinedOn: IsoDate,
  today: IsoDate,
): JoiningFailure[] {
  return [
    // Records state what happened, never what is planned.
    ...(joinedOn > today ? [{ code: 'IN_THE_FUTURE' as const }] : []),
    // One takes part in a model that exists…
    ...(joinedOn < model.foundedOn ? [{ code: 'BEFORE_FOUNDED' as const, foundedOn: model.foundedOn }] : []),
    // …and has not been dissolved.
    ...(model.stateThen === 'DISSOLVED' ? [{ code: 'DISSOLVED' as const }] : []),
    // A member is born before they join (a birth date on the day of joining is a typing slip).
    ...(person.birthDate !== null && person.birthDate >= joinedOn ? [{ code: 'BORN_AFTER_JOINING' as const }] : []),
  ];
}
