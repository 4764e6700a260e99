import { intervalContains } from '@antq/core';
import type { LineageKind, LineageUnitFragment } from './generated/graphql';

/** A unit and its links as UnitLineage reads them (three links deep each way). */
export interface LineageNode extends LineageUnitFragment {
  readonly predecessors?: ReadonlyArray<{ readonly date: string; readonly kind: LineageKind; readonly unit: LineageNode }>;
  readonly successors?: ReadonlyArray<{ readonly date: string; readonly kind: LineageKind; readonly unit: LineageNode }>;
}

export interface HeldBy {
  readonly unit: LineageUnitFragment;
  /** FULL when every link from the unit picked to this one is FULL. */
  readonly kind: LineageKind;
}

export const heldOn = (unit: LineageUnitFragment, day: string) => intervalContains({ from: unit.validFrom, to: unit.validTo }, day);

/**
 * The units that held the territory of `unit` on `day`: the unit itself if it held then,
 * else those reached by following its predecessors (an earlier day) or successors (a later
 * one) until a unit that held on that day; each once.
 */
export function unitsHolding(unit: LineageNode, day: string): HeldBy[] {
  const found = new Map<string, HeldBy>();
  const walk = (u: LineageNode, kind: LineageKind) => {
    if (heldOn(u, day)) {
      const key = `${u.code}@${u.validFrom ?? ''}`;
      const seen = found.get(key);
      found.set(key, { unit: u, kind: seen?.kind === 'FULL' ? 'FULL' : kind });
      return;
    }
    const links = u.validFrom !== null && day < u.validFrom ? u.predecessors : u.successors;
    for (const link of links ?? []) walk(link.unit, kind === 'FULL' && link.kind === 'FULL' ? 'FULL' : 'PARTIAL');
  };
  walk(unit, 'FULL');
  return [...found.values()].sort((a, b) => a.unit.code.localeCompare(b.unit.code));
}
