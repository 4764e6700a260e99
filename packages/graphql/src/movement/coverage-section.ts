/**
 * The movement report's first section: models and coverage on the period's last day, from
 * the same rows and core rules as the `coverage` field (coverage-data.ts), optionally
 * narrowed to key areas. 5 statements: coverage's 4 and the names of the model types.
 */
import { coverage as computeCoverage, type Coverage, type CoverageTallies, type IsoDate } from '@antq/core';
import type { AdminUnitRow } from '../hierarchy/rows.js';
import type { FigureScope, ReportFigure, ReportSection, SectionLoader } from '../report/section.js';
import { readCoverageRows } from './coverage-data.js';
import { movementReportSentences } from './report.js';

/** The unit a report was asked about did not hold on the period's last day. */
export class ReportUnitNotFound extends Error {
  constructor(
    readonly unitCode: string,
    readonly date: string,
  ) {
    super(`no administrative unit has code ${unitCode} on ${date}`);
  }
}

/**
 * Coverage tallies narrowed to the communes under one of `onlyUnder`: a commune counts when
 * it or a unit above it (within the tree read) is listed; a listed code outside the tree is a
 * unit above the report's (it holds the whole unit), so nothing is narrowed.
 */
export function narrowToKeyAreas(data: CoverageTallies, onlyUnder: readonly string[]): CoverageTallies {
  const parent = new Map(data.units.map((u) => [u.code, u.parentCode]));
  if (onlyUnder.some((code) => !parent.has(code))) return data;
  const listed = new Set(onlyUnder);
  const codeOf = new Map(data.units.map((u) => [u.id, u.code]));
  const keyCommune = (code: string | undefined) => {
    for (let c: string | null | undefined = code; c; c = parent.get(c)) if (listed.has(c)) return true;
    return false;
  };
  return { ...data, communes: data.communes.filter((t) => keyCommune(codeOf.get(t.communeId))) };
}

/** Models and coverage of the unit on `scope.to`. */
export const coverageSection: SectionLoader = async (prisma, scope: FigureScope) => {
  const rows = await readCoverageRows(prisma, { unitCode: scope.unitCode, unitsOn: scope.to, figuresOn: scope.to, lineage: false });
  if (!rows.root) throw new ReportUnitNotFound(scope.unitCode, scope.to);
  const data = scope.onlyUnder ? narrowToKeyAreas(rows.data, scope.onlyUnder) : rows.data;
  const r = computeCoverage(data, scope.unitCode, scope.to, { depth: 0 });
  if (!r.ok) throw new ReportUnitNotFound(scope.unitCode, scope.to);
  const c = r.coverage;
  const types = await prisma.modelType.findMany({
    where: { id: { in: c.byModelType.map((m) => m.modelTypeId) } },
    select: { id: true, code: true, name: true },
  });
  return coverageSectionOf({ unit: rows.root, asOf: scope.to, coverage: c, types, keyAreasOnly: scope.onlyUnder !== undefined });
};

/** The section written from a coverage already computed (the `coverage` field's, reused by the public movementReport). Pure. */
export function coverageSectionOf(input: {
  unit: AdminUnitRow;
  asOf: IsoDate;
  coverage: Coverage;
  types: ReadonlyArray<{ id: string; code: string; name: string }>;
  keyAreasOnly: boolean;
}): ReportSection {
  const c = input.coverage;
  const typeOf = new Map(input.types.map((t) => [t.id, t]));
  const byType = c.byModelType
    .flatMap((m) => {
      const t = typeOf.get(m.modelTypeId);
      return t ? [{ ...t, activeModels: m.activeModels }] : [];
    })
    .sort((a, b) => b.activeModels - a.activeModels || a.name.localeCompare(b.name, 'vi'));
  const text = { unit: input.unit, asOf: input.asOf, figures: c, modelTypes: byType, keyAreasOnly: input.keyAreasOnly };
  const figures: ReportFigure[] = [
    { key: 'coverage.residentialAreas', label: { vi: 'Khu dân cư', en: 'Residential areas' }, value: c.residentialAreas },
    {
      key: 'coverage.residentialAreasWithActiveModel',
      label: { vi: 'Khu dân cư đã xây dựng mô hình', en: 'Residential areas with an active model' },
      value: c.residentialAreasWithActiveModel,
    },
    { key: 'coverage.modelTypes', label: { vi: 'Loại mô hình', en: 'Kinds of models' }, value: c.modelTypes },
    {
      key: 'coverage.activeModels',
      label: { vi: 'Mô hình đang hoạt động', en: 'Active models' },
      value: c.activeModels,
      // Model types are data, named in Vietnamese only: their code is the key.
      breakdown: byType.map((t) => ({ key: t.code, label: { vi: t.name, en: t.name }, value: t.activeModels })),
    },
  ];
  return {
    key: 'coverage',
    title: { vi: 'Xây dựng mô hình tự quản về an ninh, trật tự', en: 'Self-managed security models and coverage' },
    sentences: { vi: movementReportSentences(text, 'VI'), en: movementReportSentences(text, 'EN') },
    figures,
  };
}
