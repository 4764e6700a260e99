/**
 * Coverage of a unit on a date, and the same re-attributed to the units of another date
 * through lineage. Every figure is a count of distinct IDs, so a residential area or a
 * model is never counted twice, whatever the shape of the data.
 */
import { intervalContains, type IsoDate } from '../dates.js';
import { descendantsIn, linksByPredecessor, type LineageLink } from '../hierarchy/lineage.js';
import type { LifecycleEventKind } from '../entities/enums.js';
import { buildLifecycle, isActiveOn } from '../lifecycle/timeline.js';
import { LIFECYCLE_TRANSITIONS } from '../lifecycle/transitions.js';
import type {
  Coverage,
  CoverageCommuneTally,
  CoverageData,
  CoverageInput,
  CoverageFigures,
  CoverageOptions,
  CoverageProblem,
  CoverageResult,
  CoverageUnit,
  LineageCoverageResult,
  NationalCoverage,
  NationalCoverageResult,
  NationalLineageCoverage,
  ModelTypeCoverage,
  PartialAttribution,
  UnmappedCommune,
} from './types.js';

/**
 * What one commune holds on a date, as counts. Counting per commune is exact because a
 * residential area (and a model) belongs to one commune on a date; the rows path counts
 * distinct IDs within each commune (tallyCommunes), so nothing is counted twice when
 * communes are added up the hierarchy or through lineage.
 */
interface Tally {
  readonly areas: number;
  readonly covered: number;
  readonly models: number;
  /**
   * By model type, one entry per type in ascending ID order. An array, not a map: a national
   * roll-up reads some 33,000 of them (3,300 communes × ~10 types), most only once, and a
   * commune's tally from the database can then share its list instead of copying it.
   */
  readonly byType: readonly ModelTypeCoverage[];
}

const EMPTY_TALLY: Tally = { areas: 0, covered: 0, models: 0, byType: [] };

const byId = (a: ModelTypeCoverage, b: ModelTypeCoverage) => (a.modelTypeId < b.modelTypeId ? -1 : 1);

/** Whether the list is in strictly ascending ID order (so each type is there once). */
function strictlyOrdered(list: readonly ModelTypeCoverage[]): boolean {
  for (let i = 1; i < list.length; i++) if (!(list[i - 1]!.modelTypeId < list[i]!.modelTypeId)) return false;
  return true;
}

function merge(tallies: Iterable<Tally>): Tally {
  let areas = 0;
  let covered = 0;
  let models = 0;
  const types = new Map<string, { models: number; areas: number }>();
  for (const t of tallies) {
    areas += t.areas;
    covered += t.covered;
    models += t.models;
    for (const v of t.byType) {
      let o = types.get(v.modelTypeId);
      if (o === undefined) types.set(v.modelTypeId, (o = { models: 0, areas: 0 }));
      o.models += v.activeModels;
      o.areas += v.residentialAreas;
    }
  }
  const byType = [...types].map(([modelTypeId, v]) => ({ modelTypeId, activeModels: v.models, residentialAreas: v.areas })).sort(byId);
  return { areas, covered, models, byType };
}

function figuresOf(t: Tally): CoverageFigures {
  return {
    residentialAreas: t.areas,
    residentialAreasWithActiveModel: t.covered,
    activeModels: t.models,
    modelTypes: t.byType.length,
  };
}

function byModelTypeOf(t: Tally): ModelTypeCoverage[] {
  return [...t.byType];
}

/** Events after which a model is ACTIVE, from the transition table: a model is active on a date when its last event by then is one of these. */
export const ACTIVATING_EVENTS: readonly LifecycleEventKind[] = (Object.keys(LIFECYCLE_TRANSITIONS) as LifecycleEventKind[]).filter(
  (kind) => LIFECYCLE_TRANSITIONS[kind].to === 'ACTIVE',
);

/** The units valid on a date, indexed by ID, by code and by parent code. */
class Hierarchy {
  readonly byId = new Map<string, CoverageUnit>();
  readonly byCode = new Map<string, CoverageUnit>();
  private readonly children = new Map<string, CoverageUnit[]>();

  constructor(units: readonly CoverageUnit[], date: IsoDate) {
    for (const u of units) {
      if (!intervalContains(u.validity, date)) continue;
      this.byId.set(u.id, u);
      this.byCode.set(u.code, u);
      if (u.parentCode !== null) {
        const list = this.children.get(u.parentCode) ?? [];
        list.push(u);
        this.children.set(u.parentCode, list);
      }
    }
    for (const list of this.children.values()) list.sort((a, b) => (a.code < b.code ? -1 : 1));
  }

  /** The units directly below `unit`; below the country (`null`), the provinces. */
  childrenOf(unit: CoverageUnit | null): CoverageUnit[] {
    if (unit === null) return [...this.byId.values()].filter((u) => u.level === 'PROVINCE').sort((a, b) => (a.code < b.code ? -1 : 1));
    return unit.level === 'COMMUNE' ? [] : (this.children.get(unit.code) ?? []);
  }

  communesUnder(unit: CoverageUnit | null): CoverageUnit[] {
    if (unit !== null && unit.level === 'COMMUNE') return [unit];
    return this.childrenOf(unit).flatMap((c) => this.communesUnder(c));
  }
}

/** Sets of distinct IDs of one commune, while its rows are read. */
interface IdSets {
  readonly areas: Set<string>;
  readonly covered: Set<string>;
  readonly models: Set<string>;
  readonly byType: Map<string, { models: Set<string>; areas: Set<string> }>;
}

/**
 * Each commune's counts on `date` from rows (what the database would count): by commune
 * unit ID, with what had to be left out. The commune tallies the server reads from SQL
 * (see {@link CoverageTallies}) are the same counts.
 */
export function countCommunes(
  data: CoverageData,
  date: IsoDate,
  options: CoverageOptions = {},
): { communes: CoverageCommuneTally[]; problems: CoverageProblem[] } {
  const { tallies, problems } = tallyCommunes(data, date, new Hierarchy(data.units, date), options);
  return {
    communes: [...tallies].map(([communeId, t]) => ({ communeId, ...figuresOf(t), byModelType: byModelTypeOf(t) })),
    problems,
  };
}

function tallyCommunes(
  data: CoverageData,
  date: IsoDate,
  hierarchy: Hierarchy,
  options: CoverageOptions,
): { tallies: Map<string, Tally>; problems: CoverageProblem[] } {
  const sets = new Map<string, IdSets>();
  const setsFor = (id: string) => {
    let t = sets.get(id);
    if (!t) sets.set(id, (t = { areas: new Set(), covered: new Set(), models: new Set(), byType: new Map() }));
    return t;
  };
  const problems: CoverageProblem[] = [];
  const communeIdOn = (code: string): string | undefined => {
    const u = hierarchy.byCode.get(code);
    return u?.level === 'COMMUNE' ? u.id : undefined;
  };

  const areaCommune = new Map<string, string>();
  for (const ra of data.residentialAreas) {
    if (!intervalContains(ra.validity, date)) continue;
    const communeId = communeIdOn(ra.communeCode);
    if (communeId === undefined || areaCommune.has(ra.id)) continue;
    areaCommune.set(ra.id, communeId);
    setsFor(communeId).areas.add(ra.id);
  }

  const eventsByModel = new Map<string, CoverageData['events'][number][]>();
  for (const e of data.events) {
    const list = eventsByModel.get(e.modelId) ?? [];
    list.push(e);
    eventsByModel.set(e.modelId, list);
  }
  const types = options.modelTypeIds ? new Set(options.modelTypeIds) : null;

  for (const model of data.models) {
    const life = buildLifecycle(eventsByModel.get(model.id) ?? []);
    if (!life.ok) {
      problems.push({ code: 'ILLEGAL_LIFECYCLE', modelId: model.id, error: life.error });
      continue;
    }
    if (!isActiveOn(life.lifecycle, date) || (types !== null && !types.has(model.modelTypeId))) continue;
    const host = model.host;
    const areaId = host.kind === 'RESIDENTIAL_AREA' ? host.residentialAreaId : null;
    const communeId =
      host.kind === 'RESIDENTIAL_AREA'
        ? areaCommune.get(host.residentialAreaId)
        : intervalContains(host.validity, date)
          ? communeIdOn(host.communeCode)
          : undefined;
    if (communeId === undefined) {
      problems.push({ code: 'UNPLACED_MODEL', modelId: model.id });
      continue;
    }
    const t = setsFor(communeId);
    t.models.add(model.id);
    const byType = t.byType.get(model.modelTypeId) ?? { models: new Set<string>(), areas: new Set<string>() };
    byType.models.add(model.id);
    if (areaId !== null) {
      t.covered.add(areaId);
      byType.areas.add(areaId);
    }
    t.byType.set(model.modelTypeId, byType);
  }
  const tallies = new Map<string, Tally>();
  for (const [id, t] of sets) {
    tallies.set(id, {
      areas: t.areas.size,
      covered: t.covered.size,
      models: t.models.size,
      byType: [...t.byType]
        .map(([modelTypeId, v]) => ({ modelTypeId, activeModels: v.models.size, residentialAreas: v.areas.size }))
        .sort(byId),
    });
  }
  return { tallies, problems };
}

/** The tallies of coverage input: counted here from rows, or given as counted by the database. */
function talliesOf(
  input: CoverageInput,
  date: IsoDate,
  hierarchy: Hierarchy,
  options: CoverageOptions,
): { tallies: Map<string, Tally>; problems: CoverageProblem[] } {
  if (!('communes' in input)) return tallyCommunes(input, date, hierarchy, options);
  const tallies = new Map<string, Tally>();
  for (const c of input.communes) {
    if (!hierarchy.byId.has(c.communeId)) continue;
    const tally = { areas: c.residentialAreas, covered: c.residentialAreasWithActiveModel, models: c.activeModels, byType: c.byModelType };
    // Shared as given when in ID order (as the database sends it); otherwise ordered, one entry per type.
    tallies.set(c.communeId, strictlyOrdered(c.byModelType) ? tally : merge([tally]));
  }
  return { tallies, problems: [] };
}

/** A unit's tally (null: the country): what its communes receive, added up once per unit. */
type TallyOfUnit = (unit: CoverageUnit | null) => Tally;

/**
 * Tallies of units, each computed once from its children's: a tree of the country to the
 * communes then costs one merge per unit, not one per unit and level above it.
 */
function rollUp(hierarchy: Hierarchy, received: (communeId: string) => Tally[]): TallyOfUnit {
  const memo = new Map<CoverageUnit | null, Tally>();
  const of: TallyOfUnit = (unit) => {
    let t = memo.get(unit);
    if (t === undefined) {
      const parts = unit !== null && unit.level === 'COMMUNE' ? received(unit.id) : hierarchy.childrenOf(unit).map(of);
      // Merging copies; one part is shared as it is (tallies are never changed once made).
      t = parts.length === 1 ? parts[0]! : merge(parts);
      memo.set(unit, t);
    }
    return t;
  };
  return of;
}

/** The coverage tree of `unit`, from the tallies each commune ID of the hierarchy receives. */
function buildTree(hierarchy: Hierarchy, unit: CoverageUnit, asOf: IsoDate, tallyOf: TallyOfUnit, depth: number): Coverage {
  return { unitId: unit.id, unitCode: unit.code, ...buildFigures(hierarchy, unit, asOf, tallyOf, depth) };
}

/** The figures and breakdowns of `unit` (`null`: the country, by province). */
function buildFigures(
  hierarchy: Hierarchy,
  unit: CoverageUnit | null,
  asOf: IsoDate,
  tallyOf: TallyOfUnit,
  depth: number,
): NationalCoverage {
  const t = tallyOf(unit);
  return {
    asOf,
    ...figuresOf(t),
    byChild: depth > 0 ? hierarchy.childrenOf(unit).map((c) => buildTree(hierarchy, c, asOf, tallyOf, depth - 1)) : [],
    byModelType: byModelTypeOf(t),
  };
}

/**
 * Coverage of the unit with `unitCode` on `asOf`, rolled up the hierarchy of that date:
 * residential areas, those with at least one active model, active models and distinct
 * model types, by child unit and by model type. Models whose events break the lifecycle,
 * or whose host is not placed on the date, are left out and listed in `problems`.
 */
export function coverage(data: CoverageInput, unitCode: string, asOf: IsoDate, options: CoverageOptions = {}): CoverageResult {
  const hierarchy = new Hierarchy(data.units, asOf);
  const unit = hierarchy.byCode.get(unitCode);
  if (!unit) return { ok: false, error: { code: 'UNIT_NOT_FOUND', unitCode, asOf } };
  const { tallies, problems } = talliesOf(data, asOf, hierarchy, options);
  const tree = buildTree(
    hierarchy,
    unit,
    asOf,
    rollUp(hierarchy, (id) => [tallies.get(id) ?? EMPTY_TALLY]),
    options.depth ?? 1,
  );
  return { ok: true, coverage: tree, problems };
}

/**
 * The figures of `figuresOn` re-attributed to the units of `unitsOn` through `links`
 * ("what did the communes that are now Đồng Nai have in 2024?"). Each commune of
 * `figuresOn` is followed forward with `descendantsOn`: when it reaches exactly one
 * commune valid on `unitsOn` by full links only, its figures go to that commune; when
 * it reaches several, or any by a partial link, it is listed once in `partial` (if one
 * of its successors lies in the unit) and never added to `attributed`. A commune that did
 * not change carries its figures to itself.
 */
export function coverageThroughLineage(
  data: CoverageInput,
  links: readonly LineageLink<string>[],
  unitCode: string,
  dates: { readonly figuresOn: IsoDate; readonly unitsOn: IsoDate },
  options: CoverageOptions = {},
): LineageCoverageResult {
  const now = new Hierarchy(data.units, dates.unitsOn);
  const unit = now.byCode.get(unitCode);
  if (!unit) return { ok: false, error: { code: 'UNIT_NOT_FOUND', unitCode, asOf: dates.unitsOn } };
  const { attributed, ...rest } = throughLineage(data, links, now, unit, dates, options);
  return { ok: true, attributed: { unitId: unit.id, unitCode: unit.code, ...attributed }, ...rest };
}

/**
 * Coverage of the whole country on `asOf`, by province (and below, to `depth`), computed
 * from the same tallies as {@link coverage}: the national figure of the movement's report.
 */
export function nationalCoverage(data: CoverageInput, asOf: IsoDate, options: CoverageOptions = {}): NationalCoverageResult {
  const hierarchy = new Hierarchy(data.units, asOf);
  const { tallies, problems } = talliesOf(data, asOf, hierarchy, options);
  return {
    coverage: buildFigures(
      hierarchy,
      null,
      asOf,
      rollUp(hierarchy, (id) => [tallies.get(id) ?? EMPTY_TALLY]),
      options.depth ?? 1,
    ),
    problems,
  };
}

/** {@link coverageThroughLineage} for the whole country: every commune of `unitsOn` is in it. */
export function nationalCoverageThroughLineage(
  data: CoverageInput,
  links: readonly LineageLink<string>[],
  dates: { readonly figuresOn: IsoDate; readonly unitsOn: IsoDate },
  options: CoverageOptions = {},
): NationalLineageCoverage {
  return throughLineage(data, links, new Hierarchy(data.units, dates.unitsOn), null, dates, options);
}

function throughLineage(
  data: CoverageInput,
  links: readonly LineageLink<string>[],
  now: Hierarchy,
  unit: CoverageUnit | null,
  dates: { readonly figuresOn: IsoDate; readonly unitsOn: IsoDate },
  options: CoverageOptions,
): NationalLineageCoverage {
  const { figuresOn, unitsOn } = dates;
  const then = new Hierarchy(data.units, figuresOn);
  const { tallies, problems } = talliesOf(data, figuresOn, then, options);
  const inUnit = new Set(now.communesUnder(unit).map((c) => c.id));
  const received = new Map<string, Tally[]>();
  const forward = linksByPredecessor(links, unitsOn);
  const partial: Array<PartialAttribution & { tally: Tally }> = [];
  const unmapped: UnmappedCommune[] = [];
  for (const [communeId, tally] of [...tallies].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const code = then.byId.get(communeId)!.code;
    const successors = descendantsIn(forward, communeId)
      .map((d) => ({ unit: now.byId.get(d.unit), kind: d.kind }))
      .filter((d): d is { unit: CoverageUnit; kind: 'FULL' | 'PARTIAL' } => d.unit?.level === 'COMMUNE')
      .sort((a, b) => (a.unit.code < b.unit.code ? -1 : 1));
    const only = successors[0];
    if (successors.length === 1 && only!.kind === 'FULL') {
      const list = received.get(only!.unit.id) ?? [];
      list.push(tally);
      received.set(only!.unit.id, list);
    } else if (successors.length === 0) {
      unmapped.push({ communeId, communeCode: code, figures: figuresOf(tally) });
    } else if (successors.some((s) => inUnit.has(s.unit.id))) {
      partial.push({
        predecessorId: communeId,
        predecessorCode: code,
        successors: successors.map((s) => ({ id: s.unit.id, code: s.unit.code, kind: s.kind, inUnit: inUnit.has(s.unit.id) })),
        figures: figuresOf(tally),
        tally,
      });
    }
  }

  const attributed = buildFigures(
    now,
    unit,
    unitsOn,
    rollUp(now, (id) => received.get(id) ?? []),
    options.depth ?? 1,
  );
  return {
    attributed,
    figuresOn,
    partial: partial.map(({ tally: _tally, ...p }) => p),
    partialTotal: figuresOf(merge(partial.map((p) => p.tally))),
    unmapped,
    problems,
  };
}
