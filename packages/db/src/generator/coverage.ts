/** Core's coverage input for generated rows: what the demo and the national generators check before they write. */
import { intervalContains, type CoverageData, type CoverageModel, type IsoDate } from '@antq/core';
import type { GeneratedTables } from './rows.js';
import type { DemoUnit } from './units.js';

type CoverageRows = Pick<GeneratedTables, 'residentialAreaPlacements' | 'organizationPlacements' | 'models' | 'lifecycleEvents'>;

/**
 * The coverage data of `rows` over `units` on `asOf`. Core places a model hosted by an
 * organization in one commune for one interval, so the organization's placement of that
 * date is given (any other would be reported unplaced).
 */
export function coverageDataOf(units: Iterable<DemoUnit>, rows: CoverageRows, asOf: IsoDate): CoverageData {
  const orgPlacements = new Map<string, CoverageRows['organizationPlacements']>();
  for (const p of rows.organizationPlacements) orgPlacements.set(p.organizationId, [...(orgPlacements.get(p.organizationId) ?? []), p]);
  return {
    units: [...units].map((u) => ({
      id: u.id,
      code: u.code,
      level: u.level,
      parentCode: u.parentCode,
      validity: { from: u.validFrom, to: u.validTo },
    })),
    residentialAreas: rows.residentialAreaPlacements.map((p) => ({
      id: p.residentialAreaId,
      communeCode: p.communeCode,
      validity: { from: p.validFrom, to: p.validTo },
    })),
    models: rows.models.flatMap((m): CoverageModel[] =>
      m.hostKind === 'RESIDENTIAL_AREA'
        ? [{ id: m.id, modelTypeId: m.modelTypeId, host: { kind: 'RESIDENTIAL_AREA', residentialAreaId: m.residentialAreaId! } }]
        : (orgPlacements.get(m.organizationId!) ?? [])
            .filter((p) => intervalContains({ from: p.validFrom, to: p.validTo }, asOf))
            .map((p) => ({
              id: m.id,
              modelTypeId: m.modelTypeId,
              host: { kind: 'ORGANIZATION', communeCode: p.communeCode, validity: { from: p.validFrom, to: p.validTo } },
            })),
    ),
    events: rows.lifecycleEvents.map((e) => ({ modelId: e.modelId, kind: e.kind, date: e.date })),
  };
}
