/**
 * Core's `ReadScope` (the unit asked about on its date, the viewer's jurisdiction through
 * the lineage, an area leader's area) as the SQL filter of each kind of record. Records are
 * kept in three shapes, and each has one filter here:
 *  - placed through time (residential areas, organizations): a chain of placements, each in
 *    the commune version of its period — `placedWhere`;
 *  - filed under one unit version (teams, tips, activities, recognition: `unitId` or
 *    `communeId`, the version on the record's date) — `filedWhere`;
 *  - filed under codes only (the audit log) — `codedWhere`.
 * Lists, nodes, totals and aggregates build their `where` from these and nothing else.
 */
import type { IsoDate, ReadScope, ScopedUnit } from '@antq/core';

/** The scope a list may read (a `ReadScope` that is neither NOT_FOUND nor FORBIDDEN). */
export type Scope = Extract<ReadScope, { kind: 'SCOPE' }>;

/** Matches no row (every table here has a UUID `id`). */
export const NOTHING = { id: { in: [] as string[] } };

const day = (date: IsoDate): Date => new Date(`${date}T00:00:00.000Z`);

/** Rows whose `validFrom`/`validTo` (null: open) hold on `date`, both ends included. */
export function heldOn(date: IsoDate) {
  const d = day(date);
  return { AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: d } }] }, { OR: [{ validTo: null }, { validTo: { gte: d } }] }] };
}

/** Every unit version wholly or partly in the territory (for raw SQL: `"unitId" = ANY(versions)`). */
export const unitVersions = (s: ScopedUnit): string[] => [...s.territory.full, ...s.territory.partial];

/**
 * Conditions on a record's placements: one on `date` under the unit asked about (codes are
 * unique on a date), and one, of any period, in a commune wholly within the viewer's
 * jurisdiction (today's communes and every earlier one that passed wholly into them: an area
 * of a split commune is seen where its next placement put it).
 */
export function placementConditions(scope: Scope) {
  return [
    ...(scope.unit ? [{ placeCodes: { has: scope.unit.unit.code }, ...heldOn(scope.unit.date) }] : []),
    ...(scope.viewer ? [{ communeId: { in: [...scope.viewer.territory.communes] } }] : []),
  ];
}

/** A `where` on a table of records placed through time (its relation `placements`); `areaColumn` names the record's own area ID, if an area leader may see it. */
export function placedWhere(scope: Scope, areaColumn: 'id' | null) {
  if (scope.areaId && !areaColumn) return NOTHING;
  return {
    AND: [...placementConditions(scope).map((some) => ({ placements: { some } })), ...(scope.areaId ? [{ id: scope.areaId }] : [])],
  };
}

/**
 * A `where` on a table of records filed under one unit version (`column`: `unitId` or
 * `communeId`): under the unit asked about, wholly or partly (a record of a commune that was
 * split counts for each part), and within the viewer's jurisdiction likewise. An area leader
 * sees the records of their area (`area` says how a row names its area; none: nothing).
 */
export function filedWhere<C extends string>(scope: Scope, column: C, area: ((areaId: string) => object) | null = byAreaColumn) {
  if (scope.areaId && !area) return NOTHING;
  return {
    AND: [
      ...[scope.unit, scope.viewer].flatMap((s) => (s ? [{ [column]: { in: unitVersions(s) } } as Record<C, { in: string[] }>] : [])),
      ...(scope.areaId && area ? [area(scope.areaId)] : []),
    ],
  };
}

const byAreaColumn = (areaId: string) => ({ residentialAreaId: areaId });

/**
 * A `where` on a table filed under codes only (`placeCodes`): the unit asked about by its
 * code, and the viewer's jurisdiction by the codes of the units of its level that passed
 * wholly into it (a province code is never reused for another territory).
 */
export function codedWhere(scope: Scope) {
  if (scope.areaId) return NOTHING;
  return {
    AND: [
      ...(scope.unit ? [{ placeCodes: { has: scope.unit.unit.code } }] : []),
      ...(scope.viewer ? [{ placeCodes: { hasSome: [...scope.viewer.territory.codes] } }] : []),
    ],
  };
}
