/**
 * A model is rated (evaluated effective or not) only after it has run a minimum time.
 * DOMAIN.md found no national figure, so the minimum is a parameter in days of being
 * `ACTIVE`, summed over every active spell (suspensions do not count).
 */
import type { IsoDate } from '../dates.js';
import { activeDaysUpTo, type Lifecycle } from '../lifecycle/timeline.js';
import { verdictOf, type Verdict } from './verdict.js';

/** Why a model cannot be rated yet. */
export interface ModelRatingFailure {
  readonly code: 'TOO_LITTLE_TIME_ACTIVE';
  readonly activeDays: number;
  readonly requiredDays: number;
}

// Movement practice (DOMAIN.md, no national figure): a model is rated only after a minimum time active, a parameter.
/** Whether a model with `lifecycle` may be rated on `asOf`: at least `minimumActiveDays` days active up to that day. */
export function canRateModel(lifecycle: Lifecycle, asOf: IsoDate, minimumActiveDays: number): Verdict<ModelRatingFailure> {
  const activeDays = activeDaysUpTo(lifecycle, asOf);
  return verdictOf(
    activeDays >= minimumActiveDays ? [] : [{ code: 'TOO_LITTLE_TIME_ACTIVE' as const, activeDays, requiredDays: minimumActiveDays }],
  );
}
