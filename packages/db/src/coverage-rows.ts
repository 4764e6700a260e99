/**
 * Core's coverage input, read plainly from the rows: every unit, residential area, model
 * and lifecycle event, with no SQL of coverage's own. The reference that the coverage steps
 * and the API's figures are checked against (core counts it; the SQL must agree).
 */
import { intervalContains, type CoverageData, type CoverageModel, type IsoDate } from '@antq/core';
import type { PrismaClient } from './generated/prisma/client.js';
import { isoOf, validityOf } from './dates.js';

type Dated = { validFrom: Date | null; validTo: Date | null };
/** The period both rows are valid in (a placement and what it places). */
const both = (a: Dated, b: Dated) => ({
  from: isoOf([a.validFrom, b.validFrom].filter((d): d is Date => d !== null).sort((x, y) => +y - +x)[0] ?? null),
  to: isoOf([a.validTo, b.validTo].filter((d): d is Date => d !== null).sort((x, y) => +x - +y)[0] ?? null),
});

/**
 * Every row coverage on `asOf` depends on. Core places a model of an organization in one
 * commune for one interval, so only the organization's placement of `asOf` is given (any
 * other would be reported unplaced).
 */
export async function readCoverageData(prisma: PrismaClient, asOf: IsoDate): Promise<CoverageData> {
  const [units, placements, models, events] = await Promise.all([
    prisma.adminUnit.findMany({ select: { id: true, code: true, level: true, parentCode: true, validFrom: true, validTo: true } }),
    prisma.residentialAreaPlacement.findMany({ include: { residentialArea: { select: { validFrom: true, validTo: true } } } }),
    prisma.model.findMany({ include: { commune: true, organization: { include: { placements: true } } } }),
    prisma.lifecycleEvent.findMany({
      select: { modelId: true, kind: true, date: true },
      orderBy: [{ modelId: 'asc' }, { date: 'asc' }, { seq: 'asc' }],
    }),
  ]);
  return {
    units: units.map((u) => ({ id: u.id, code: u.code, level: u.level, parentCode: u.parentCode, validity: validityOf(u) })),
    residentialAreas: placements.map((p) => ({
      id: p.residentialAreaId,
      communeCode: p.communeCode,
      validity: both(p, p.residentialArea),
    })),
    models: models.flatMap((m): CoverageModel[] => {
      const { id, modelTypeId } = m;
      if (m.hostKind === 'RESIDENTIAL_AREA')
        return [{ id, modelTypeId, host: { kind: 'RESIDENTIAL_AREA', residentialAreaId: m.residentialAreaId! } }];
      if (m.hostKind === 'COMMUNE')
        return [{ id, modelTypeId, host: { kind: 'COMMUNE', communeCode: m.commune!.code, validity: validityOf(m.commune!) } }];
      return m
        .organization!.placements.map((p) => ({ p, validity: both(p, m.organization!) }))
        .filter(({ validity }) => intervalContains(validity, asOf))
        .map(({ p, validity }) => ({ id, modelTypeId, host: { kind: 'ORGANIZATION', communeCode: p.communeCode, validity } }));
    }),
    events: events.map((e) => ({ modelId: e.modelId, kind: e.kind, date: isoOf(e.date) })),
  };
}
