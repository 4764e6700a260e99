/**
 * Where a generated record sits through the reorganisations: the chain of commune versions
 * it belongs to, from its commune of 2024 along the lineage, and the placement rows of that
 * chain. The demo and the national generator differ only in which successor they follow
 * where a commune was split, so they pass that choice in.
 */
import type { IsoDate } from '@antq/core';
import type { DemoUnit } from './units.js';
import type { PlacementRow, Uuid } from './rows.js';

type Day = IsoDate;

/** One commune version a record belongs to, for a period. */
export interface Placement {
  readonly unit: DemoUnit;
  readonly from: Day | null;
  readonly to: Day | null;
}

/** The chain from `commune`: each version until it ends, then the successor `next` picks (none: the chain stops). */
export function placementChain(commune: DemoUnit, next: (unit: DemoUnit) => DemoUnit | undefined): Placement[] {
  const chain: Placement[] = [];
  let unit: DemoUnit | undefined = commune;
  let from: Day | null = null;
  while (unit) {
    chain.push({ unit, from, to: unit.validTo });
    if (unit.validTo === null) break;
    unit = next(unit);
    from = unit?.validFrom ?? null;
  }
  return chain;
}

/** The placement rows of a chain, with ids derived from the owner and each period's start. */
export function placementRowsOf(
  placements: readonly Placement[],
  owner: string,
  uuid: Uuid,
  placeCodesOf: (commune: DemoUnit) => string[],
): PlacementRow[] {
  return placements.map((p) => ({
    id: uuid('Placement', `${owner}/${p.from ?? 'start'}`),
    communeId: p.unit.id,
    communeCode: p.unit.code,
    placeCodes: placeCodesOf(p.unit),
    validFrom: p.from,
    validTo: p.to,
  }));
}
