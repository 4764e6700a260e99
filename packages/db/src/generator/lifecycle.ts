/**
 * Planned model lifecycles for the generators: the dated events of a model that ends, on
 * the window's `asOf`, in a chosen fate. Every plan is checked with core's buildLifecycle.
 */
import { addDays, buildLifecycle, type IsoDate, type LifecycleEventKind } from '@antq/core';
import type { Random } from '../demo/random.js';

/** Where a model stands on the window's `asOf`. */
export type Fate = 'ACTIVE' | 'ACTIVE_AFTER_PAUSE' | 'SUSPENDED' | 'DISSOLVED' | 'IN_PROGRESS';

export interface PlannedEvent {
  readonly kind: LifecycleEventKind;
  readonly date: IsoDate;
}

/** The dates a generator's lifecycles fall in. */
export interface LifecycleWindow {
  /** No event after this day. */
  readonly asOf: IsoDate;
  /** Proposals of models that get established fall in [firstProposal, lastProposal]. */
  readonly firstProposal: IsoDate;
  readonly lastProposal: IsoDate;
  /** Models still being set up on `asOf` were proposed in [inProgressFrom, inProgressTo]. */
  readonly inProgressFrom: IsoDate;
  readonly inProgressTo: IsoDate;
  /** The last day a suspension or dissolution is dated. */
  readonly latestChange: IsoDate;
  /** A pause is kept only if the model resumed by this day. */
  readonly resumeBy: IsoDate;
  /** SUSPENDED models were suspended from this day on. */
  readonly suspendFrom: IsoDate;
}

const maxDay = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const minDay = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/** The dated events of a model with the given fate, all on or before `window.asOf`. */
export function lifecycleFor(fate: Fate, random: Random, window: LifecycleWindow): PlannedEvent[] {
  const out: PlannedEvent[] = [];
  const push = (kind: LifecycleEventKind, date: IsoDate) => out.push({ kind, date });
  if (fate === 'IN_PROGRESS') {
    const steps: LifecycleEventKind[] = ['PROPOSE', 'SURVEY', 'APPROVE', 'ESTABLISH'].slice(0, random.int(1, 4)) as LifecycleEventKind[];
    let date = random.date(window.inProgressFrom, window.inProgressTo);
    for (const kind of steps) {
      if (date > window.asOf) break;
      push(kind, date);
      date = addDays(date, random.int(5, 20));
    }
    return out;
  }
  const propose = random.date(window.firstProposal, window.lastProposal);
  const survey = addDays(propose, random.int(5, 30));
  const approve = addDays(survey, random.int(7, 45));
  const establish = addDays(approve, random.int(3, 30));
  const activate = random.chance(0.3) ? establish : addDays(establish, random.int(1, 15));
  push('PROPOSE', propose);
  push('SURVEY', survey);
  push('APPROVE', approve);
  if (fate === 'DISSOLVED' && random.chance(0.2)) {
    // Given up before it was established.
    push('DISSOLVE', addDays(approve, random.int(10, 90)));
    return out;
  }
  push('ESTABLISH', establish);
  push('ACTIVATE', activate);
  const latest = window.latestChange;
  switch (fate) {
    case 'ACTIVE':
      break;
    case 'ACTIVE_AFTER_PAUSE': {
      const suspend = addDays(activate, random.int(60, 400));
      const resume = addDays(suspend, random.int(20, 150));
      if (resume <= window.resumeBy) {
        push('SUSPEND', suspend);
        push('RESUME', resume);
      }
      break;
    }
    case 'SUSPENDED':
      push('SUSPEND', random.date(maxDay(addDays(activate, 30), window.suspendFrom), latest));
      break;
    case 'DISSOLVED':
      push('DISSOLVE', random.date(minDay(addDays(activate, 90), latest), latest));
      break;
  }
  const check = buildLifecycle(out);
  if (!check.ok) throw new Error(`generated lifecycle is illegal: ${check.error.message.en}`);
  return out;
}
