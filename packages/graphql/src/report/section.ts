/**
 * The contract between the movement report and the parts of the movement that feed it
 * (models and coverage, exemplars, inspections, outreach, re-integration, commendations,
 * key areas…). Each part contributes one section from its own module; the report, its JSON
 * in the API and its XLSX and CSV downloads are assembled from the list of sections, so a
 * new part of the movement adds a loader and touches nothing else.
 *
 * Sections hold aggregates only: never a person's name, number, phone or address.
 */
import type { IsoDate, ScopedUnit } from '@antq/core';
import { unitVersions, type PrismaClient } from '@antq/db';

/** What a report is asked about. */
export interface FigureScope {
  /** The unit the report is for, valid on `to`. */
  readonly unitCode: string;
  /**
   * The unit versions whose records count: the unit on `to` and everything of every era that
   * lay in it, wholly or partly (core's territory through the lineage, from access.ts's
   * scope). Records are filed under the version of their date (`unitId` or `communeId`), so a
   * code reused across eras never mixes two territories.
   */
  readonly versions: readonly string[];
  /** The period, both ends included; figures "as of" a date use `to`. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  /**
   * When set, only records filed under one of these unit codes count (the key areas of the
   * period): records are filed with `placeCodes` (their commune and the units above it), so
   * the filter is an array overlap in SQL, `placeCodes && onlyUnder`.
   */
  readonly onlyUnder?: readonly string[];
}

/** The figure scope of `unit` (access.ts's scope of the unit asked about, on `to`) for the period. */
export const figureScopeOf = (unit: ScopedUnit, from: IsoDate, to: IsoDate): FigureScope => ({
  unitCode: unit.unit.code,
  from,
  to,
  versions: unitVersions(unit),
});

/** A text in both of the report's languages. */
export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/** One figure of a section, optionally broken down (by form, audience, level, category…). */
export interface ReportFigure {
  /** Stable key, used by the JSON and as the spreadsheet's row key: `outreach.activities`. */
  readonly key: string;
  readonly label: Bilingual;
  readonly value: number;
  readonly breakdown?: ReadonlyArray<{ readonly key: string; readonly label: Bilingual; readonly value: number }>;
}

/** One section of the report: its sentences and the figures they are written from. */
export interface ReportSection {
  /** Stable key: `coverage`, `exemplars`, `inspections`, `outreach`, `reintegration`, `commendations`, `keyAreas`… */
  readonly key: string;
  readonly title: Bilingual;
  /** Sentences written from the figures, as a provincial police report words them. */
  readonly sentences: { readonly vi: readonly string[]; readonly en: readonly string[] };
  readonly figures: readonly ReportFigure[];
}

/** Loads one section for a scope. At most a constant number of SQL statements, whatever the unit's size. */
export type SectionLoader = (prisma: PrismaClient, scope: FigureScope) => Promise<ReportSection>;
