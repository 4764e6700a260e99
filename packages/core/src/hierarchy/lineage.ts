import type { IsoDate } from '../dates.js';

/**
 * How a unit passed into another on a reorganisation: `FULL` when all of the
 * predecessor's territory and people went into the successor, `PARTIAL` when only part did.
 */
export type LineageKind = 'FULL' | 'PARTIAL';

/** One link from a predecessor unit to a successor unit, effective on `date`. */
export interface LineageLink<Id = string> {
  readonly predecessor: Id;
  readonly successor: Id;
  readonly kind: LineageKind;
  /** The first day of the successor. */
  readonly date: IsoDate;
}

/** The links out of `unit`: what it became. */
export function successorsOf<Id>(links: Iterable<LineageLink<Id>>, unit: Id): LineageLink<Id>[] {
  return [...links].filter((l) => l.predecessor === unit);
}

/** The links into `unit`: what it came from. */
export function predecessorsOf<Id>(links: Iterable<LineageLink<Id>>, unit: Id): LineageLink<Id>[] {
  return [...links].filter((l) => l.successor === unit);
}

/**
 * Where `unit` stands on `date` by following links forward through every
 * reorganisation up to that date: the units it ended up in, each with the kind of the
 * weakest link on the way (one `PARTIAL` step makes the whole path partial).
 * A unit that did not change is its own answer. Cycles are impossible in real data
 * but are cut all the same.
 */
export function descendantsOn<Id>(links: Iterable<LineageLink<Id>>, unit: Id, date: IsoDate): Array<{ unit: Id; kind: LineageKind }> {
  return descendantsIn(linksByPredecessor(links, date), unit);
}

/** The links up to `date` by predecessor: built once to follow many units (coverage of a country follows every commune). */
export function linksByPredecessor<Id>(links: Iterable<LineageLink<Id>>, date: IsoDate): ReadonlyMap<Id, readonly LineageLink<Id>[]> {
  const byPredecessor = new Map<Id, LineageLink<Id>[]>();
  for (const l of links) {
    if (l.date > date) continue;
    const list = byPredecessor.get(l.predecessor) ?? [];
    list.push(l);
    byPredecessor.set(l.predecessor, list);
  }
  return byPredecessor;
}

/** {@link descendantsOn} over links indexed by {@link linksByPredecessor}. */
export function descendantsIn<Id>(
  byPredecessor: ReadonlyMap<Id, readonly LineageLink<Id>[]>,
  unit: Id,
): Array<{ unit: Id; kind: LineageKind }> {
  const result = new Map<Id, LineageKind>();
  const walk = (id: Id, kind: LineageKind, seen: Set<Id>): void => {
    const next = (byPredecessor.get(id) ?? []).filter((l) => !seen.has(l.successor));
    if (!next.length) {
      // Where the path ends is the answer; keep the strongest path when two reach it.
      if (result.get(id) !== 'FULL') result.set(id, kind);
      return;
    }
    for (const l of next) {
      walk(l.successor, kind === 'FULL' && l.kind === 'FULL' ? 'FULL' : 'PARTIAL', new Set(seen).add(l.successor));
    }
  };
  walk(unit, 'FULL', new Set([unit]));
  return [...result].map(([u, kind]) => ({ unit: u, kind }));
}
