/**
 * Plain-data inputs and outputs of coverage, shaped so the server can fill them from SQL
 * rows: no classes, no callbacks, IDs as strings.
 */
import type { DateInterval, IsoDate } from '../dates.js';
import type { AdminLevel } from '../hierarchy/units.js';
import type { IllegalTransition } from '../lifecycle/transitions.js';
import type { LifecycleEventKind } from '../entities/enums.js';

/** An administrative unit as coverage needs it: its ID (what lineage links name), code, level, parent code, validity. */
export interface CoverageUnit {
  readonly id: string;
  readonly code: string;
  readonly level: AdminLevel;
  readonly parentCode: string | null;
  readonly validity: DateInterval;
}

/**
 * A residential area's placement: it belongs to the commune with `communeCode` while
 * `validity` holds. An area that moved to another commune has one row per placement,
 * under the same `id`, with intervals that do not overlap; each interval must lie inside
 * the validity of the commune it names (codes are reused across eras).
 */
export interface CoverageResidentialArea {
  readonly id: string;
  readonly communeCode: string;
  readonly validity: DateInterval;
}

/**
 * Where a model is counted: its residential area, or (for models hosted by a commune or an
 * organization) the commune by code during `validity`.
 */
export type CoverageModelHost =
  | { readonly kind: 'RESIDENTIAL_AREA'; readonly residentialAreaId: string }
  | { readonly kind: 'COMMUNE' | 'ORGANIZATION'; readonly communeCode: string; readonly validity: DateInterval };

/** A model as coverage needs it. */
export interface CoverageModel {
  readonly id: string;
  readonly modelTypeId: string;
  readonly host: CoverageModelHost;
}

/** A lifecycle event of a model. */
export interface CoverageEvent {
  readonly modelId: string;
  readonly kind: LifecycleEventKind;
  readonly date: IsoDate;
}

/** Everything coverage is computed from. */
export interface CoverageData {
  readonly units: readonly CoverageUnit[];
  readonly residentialAreas: readonly CoverageResidentialArea[];
  readonly models: readonly CoverageModel[];
  readonly events: readonly CoverageEvent[];
}

/**
 * One commune's coverage on a date as the database counts it (distinct residential areas and
 * models placed in it on the date; `byModelType` for the types with an active model). The
 * same as {@link countCommunes} gives from rows; a filter by model type is applied in the count.
 */
export interface CoverageCommuneTally extends CoverageFigures {
  readonly communeId: string;
  readonly byModelType: readonly ModelTypeCoverage[];
}

/** Coverage input counted by the database: the units and each commune's tally on the date of the figures. */
export interface CoverageTallies {
  readonly units: readonly CoverageUnit[];
  readonly communes: readonly CoverageCommuneTally[];
}

/** What coverage is computed from: rows, or communes' tallies. */
export type CoverageInput = CoverageData | CoverageTallies;

/** The four figures of the seed report ("866/866 residential areas…, 14 kinds of models"). */
export interface CoverageFigures {
  /** Residential areas in the unit on the date. */
  readonly residentialAreas: number;
  /** Of those, the ones with at least one active model hosted in them. */
  readonly residentialAreasWithActiveModel: number;
  /** Active models in the unit (hosted by its residential areas, communes or organizations). */
  readonly activeModels: number;
  /** Distinct model types among the active models. */
  readonly modelTypes: number;
}

/** The figures of one model type within a unit. */
export interface ModelTypeCoverage {
  readonly modelTypeId: string;
  /** Active models of this type. */
  readonly activeModels: number;
  /** Residential areas with at least one active model of this type. */
  readonly residentialAreas: number;
}

/** Coverage of one unit: its figures, broken down by child unit and by model type. */
export interface Coverage extends CoverageFigures {
  readonly unitId: string;
  readonly unitCode: string;
  /** The date of the hierarchy used (and, without lineage, of the figures). */
  readonly asOf: IsoDate;
  /** One entry per child unit valid on `asOf`, ordered by code (empty below the requested depth). */
  readonly byChild: readonly Coverage[];
  /** One entry per model type with an active model, ordered by ID. */
  readonly byModelType: readonly ModelTypeCoverage[];
}

/** Coverage of the whole country: its figures, by province and by model type. */
export type NationalCoverage = Omit<Coverage, 'unitId' | 'unitCode'>;

/** The result of {@link nationalCoverage}: the country always exists. */
export interface NationalCoverageResult {
  readonly coverage: NationalCoverage;
  readonly problems: readonly CoverageProblem[];
}

/** Something in the data that coverage had to leave out, and why. */
export type CoverageProblem =
  | { readonly code: 'ILLEGAL_LIFECYCLE'; readonly modelId: string; readonly error: IllegalTransition }
  | { readonly code: 'UNPLACED_MODEL'; readonly modelId: string };

/** Options shared by the coverage functions. */
export interface CoverageOptions {
  /** Levels of `byChild` to compute: 0 none, 1 (default) the unit's children, 2 their children too… */
  readonly depth?: number;
  /** Count only models of these types (the filter of "14 types"); all types when absent. */
  readonly modelTypeIds?: readonly string[];
}

/** Asked about a unit code that names no unit on the date. */
export interface UnitNotFound {
  readonly code: 'UNIT_NOT_FOUND';
  readonly unitCode: string;
  readonly asOf: IsoDate;
}

/** The result of {@link coverage}. */
export type CoverageResult =
  | { readonly ok: true; readonly coverage: Coverage; readonly problems: readonly CoverageProblem[] }
  | { readonly ok: false; readonly error: UnitNotFound };

/** A predecessor commune whose lineage to the units of the date is partial: its figures, reported once. */
export interface PartialAttribution {
  readonly predecessorId: string;
  readonly predecessorCode: string;
  /** Where it went, each successor once; `inUnit` tells whether that successor lies in the unit asked about. */
  readonly successors: ReadonlyArray<{
    readonly id: string;
    readonly code: string;
    readonly kind: 'FULL' | 'PARTIAL';
    readonly inUnit: boolean;
  }>;
  readonly figures: CoverageFigures;
}

/** A predecessor commune with figures whose lineage reaches no unit valid on the date (a gap in the data). */
export interface UnmappedCommune {
  readonly communeId: string;
  readonly communeCode: string;
  readonly figures: CoverageFigures;
}

/** Figures of one date re-attributed to the units of another date through lineage. */
export interface LineageCoverage {
  /** Figures carried by full links, on the hierarchy of `unitsOn` (its `asOf`). */
  readonly attributed: Coverage;
  /** The date the figures are of. */
  readonly figuresOn: IsoDate;
  /** Predecessors split between successors: never added to `attributed`, listed here once each. */
  readonly partial: readonly PartialAttribution[];
  /** The union of `partial` (areas and models counted once). */
  readonly partialTotal: CoverageFigures;
  /** Predecessors with figures that lineage places nowhere (any unit, not only the one asked). */
  readonly unmapped: readonly UnmappedCommune[];
  readonly problems: readonly CoverageProblem[];
}

/** {@link LineageCoverage} of the whole country (every commune of the date is in it). */
export type NationalLineageCoverage = Omit<LineageCoverage, 'attributed'> & { readonly attributed: NationalCoverage };

/** The result of {@link coverageThroughLineage}. */
export type LineageCoverageResult = ({ readonly ok: true } & LineageCoverage) | { readonly ok: false; readonly error: UnitNotFound };
