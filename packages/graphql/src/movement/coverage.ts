/**
 * Coverage and the movement report in GraphQL: residential areas with an active model
 * over all residential areas, active models and distinct model types, for any unit and
 * date, by child unit and by model type; optionally re-attributed through the lineage.
 * Each commune's counts come from coverage-data.ts (a fixed number of statements); the
 * roll-up and the lineage from @antq/core's `coverage` / `coverageThroughLineage`.
 */
import { scopeOf } from '../access.js';
import {
  coverage as computeCoverage,
  coverageThroughLineage,
  nationalCoverage as computeNationalCoverage,
  nationalCoverageThroughLineage,
  type NationalCoverage,
  type Coverage,
  type CoverageFigures,
  type IsoDate,
  type PartialAttribution,
} from '@antq/core';
import { GraphQLError, Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { uuidOrNone } from '../access.js';
import { builder, type AntqTypes } from '../builder.js';
import type { Context } from '../context.js';
import { forbidden, invalidArgument } from '../errors.js';
import type { UnitOnDate } from '../hierarchy/loaders.js';
import type { AdminUnitRow } from '../hierarchy/rows.js';
import { AdminUnitRef, LineageKindEnum } from '../hierarchy/schema.js';
import { DateScalar } from '../scalars.js';
import { keptCoverage } from './coverage-cache.js';
import { readCoverageRows, type CoverageRows, type CoverageScope } from './coverage-data.js';
import { modelTypeLoader } from './model-types.js';
import { mayReadReport, movementReportFor, reportText } from '../report/movement-report.js';
import { coverageSectionOf } from './coverage-section.js';

/**
 * A model type (a node, public like the catalogues): coverage's byModelType points at it, and
 * `node(id:)` answers it for anyone.
 */
const ModelTypeRef = builder.prismaNode('ModelType', {
  id: { field: 'id' },
  description: 'A kind of model (loại mô hình), such as "Tổ an ninh nhân dân", from a national or provincial catalogue.',
  // Missing (or not a UUID): null.
  nullable: true,
  findUnique: (id) => ({ id: uuidOrNone(id) }),
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Code within its catalogue (TO_AN_NINH_NHAN_DAN).' }),
    name: t.exposeString('name', { description: 'Name in Vietnamese (Tổ an ninh nhân dân).' }),
    category: t.exposeString('category', {
      description: 'CRIME_PREVENTION, SELF_MANAGEMENT, MEDIATION, TRAFFIC_ORDER, FIRE_PREVENTION, RELIGION, ECONOMY or OTHER.',
    }),
    catalogue: t.relation('catalogue', { description: 'The catalogue it belongs to.' }),
  }),
});

/** Levels of byChild computed at once: province → district → commune, the deepest the hierarchy goes. */
const DEPTH = 2;

/** One coverage computed for a request: the tree of figures and the unit rows it names. */
interface Computed {
  /** The unit's tree; for the country, a tree without unitId/unitCode. */
  readonly tree: Coverage;
  readonly units: ReadonlyMap<string, AdminUnitRow>;
  readonly figuresOn: IsoDate;
  readonly lineage: LineageView | null;
}

interface LineageView {
  readonly figuresOn: IsoDate;
  readonly partialTotal: CoverageFigures;
  readonly partial: ReadonlyArray<
    PartialAttribution & { readonly units: ReadonlyMap<string, AdminUnitRow>; readonly unitsOn: IsoDate; readonly figuresOn: IsoDate }
  >;
}

/** A node of the coverage tree as GraphQL sees it. */
interface CoverageView {
  readonly node: Coverage;
  readonly computed: Computed;
  readonly isRoot: boolean;
}

interface ModelTypeCoverageView {
  readonly modelTypeId: string;
  readonly activeModels: number;
  readonly residentialAreas: number;
}

/** A unit that access.ts's scopeOf found on the date has rows: otherwise the database is inconsistent (an internal error). */
function unitNotFound(code: string, date: IsoDate): Error {
  return new Error(`coverage: unit ${code} holds on ${date} but has no coverage rows`);
}

/**
 * Coverage by (unit, date, lineage, figuresOn), kept between requests while the data does not
 * change (coverage-cache.ts): asked twice (aliases, the report) or by the next request, read
 * once; the tree is built once per depth asked from the same rows.
 */
async function coverageOf(ctx: Context, s: CoverageScope, depth = DEPTH): Promise<Computed> {
  const entry = await keptCoverage<Computed>(ctx, s, () => readCoverageRows(ctx.db.prisma, s));
  let tree = entry.trees.get(depth);
  if (!tree) entry.trees.set(depth, (tree = entry.rows.then((rows) => compute(rows, s, depth))));
  return tree;
}

/**
 * How many levels of breakdown (`byChild`, the country's `byProvince`) the query selects
 * under this field, up to DEPTH: only those are built. The country's figures to its
 * communes are 3,300 trees of figures nobody asked for when a client wants the provinces.
 */
function depthAsked(info: GraphQLResolveInfo): number {
  const walk = (set: SelectionSetNode | undefined, level: number): number => {
    if (!set || level >= DEPTH) return level;
    let deepest = level;
    for (const sel of set.selections) {
      const next =
        sel.kind === Kind.FIELD
          ? sel.name.value === 'byChild' || sel.name.value === 'byProvince'
            ? walk(sel.selectionSet, level + 1)
            : level
          : walk(sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : info.fragments[sel.name.value]?.selectionSet, level);
      deepest = Math.max(deepest, next);
    }
    return deepest;
  };
  return Math.max(...info.fieldNodes.map((node) => walk(node.selectionSet, 0)));
}

function compute(rows: CoverageRows, s: CoverageScope, depth: number): Computed {
  if (s.unitCode === null) return computeNational(rows, s, depth);
  if (!rows.root) throw unitNotFound(s.unitCode, s.unitsOn);
  if (!s.lineage) {
    const r = computeCoverage(rows.data, s.unitCode, s.unitsOn, { depth });
    if (!r.ok) throw unitNotFound(s.unitCode, s.unitsOn);
    return { tree: r.coverage, units: rows.units, figuresOn: s.figuresOn, lineage: null };
  }
  const r = coverageThroughLineage(rows.data, rows.links, s.unitCode, { figuresOn: s.figuresOn, unitsOn: s.unitsOn }, { depth });
  if (!r.ok) throw unitNotFound(s.unitCode, s.unitsOn);
  return throughLineage(r, r.attributed, rows, s);
}

/** The country has no unit row: its tree carries empty unitId and unitCode, never shown (NationalCoverage has no unit field). */
function computeNational(rows: CoverageRows, s: CoverageScope, depth: number): Computed {
  const asTree = (c: NationalCoverage): Coverage => ({ unitId: '', unitCode: '', ...c });
  if (!s.lineage) {
    return {
      tree: asTree(computeNationalCoverage(rows.data, s.unitsOn, { depth }).coverage),
      units: rows.units,
      figuresOn: s.figuresOn,
      lineage: null,
    };
  }
  const r = nationalCoverageThroughLineage(rows.data, rows.links, { figuresOn: s.figuresOn, unitsOn: s.unitsOn }, { depth });
  return throughLineage(r, asTree(r.attributed), rows, s);
}

/** Coverage through the lineage, with what could not be attributed whole. */
function throughLineage(
  r: { readonly partialTotal: CoverageFigures; readonly partial: readonly PartialAttribution[] },
  tree: Coverage,
  rows: CoverageRows,
  s: CoverageScope,
): Computed {
  const partial = r.partial.map((p) => ({ ...p, units: rows.units, unitsOn: s.unitsOn, figuresOn: s.figuresOn }));
  return {
    tree,
    units: rows.units,
    figuresOn: s.figuresOn,
    lineage: { figuresOn: s.figuresOn, partialTotal: r.partialTotal, partial } as Computed['lineage'],
  };
}

/** The scope of a question, with the defaults and checks of the arguments (unitCode null: the country). */
function coverageScopeOf(
  ctx: Context,
  args: { unitCode: string | null; asOf?: IsoDate | null; lineage?: boolean | null; figuresOn?: IsoDate | null },
): CoverageScope {
  const unitsOn = args.asOf ?? ctx.today;
  // The unit the code names on asOf, or NOT_FOUND saying what became of it (a public aggregate: no jurisdiction).
  if (args.unitCode !== null) scopeOf(ctx, 'AGGREGATE', 'READ', { code: args.unitCode, date: unitsOn, argument: 'unitCode' });
  const lineage = args.lineage ?? false;
  if (args.figuresOn && !lineage) {
    throw invalidArgument('NEEDS_LINEAGE', 'figuresOn', args.figuresOn, {
      vi: `Đối số figuresOn (${args.figuresOn}) chỉ dùng với lineage: true.`,
      en: `Argument figuresOn (${args.figuresOn}) needs lineage: true: without it the figures are those of asOf.`,
    });
  }
  const figuresOn = args.figuresOn ?? unitsOn;
  if (figuresOn > unitsOn) {
    throw invalidArgument('DATE_RANGE', 'figuresOn', figuresOn, {
      vi: `Đối số figuresOn (${figuresOn}) không được sau asOf (${unitsOn}): phả hệ chỉ chuyển số liệu về các đơn vị của ngày sau.`,
      en: `Argument figuresOn (${figuresOn}) may not be after asOf (${unitsOn}): lineage carries figures forward to the units of asOf.`,
    });
  }
  return { unitCode: args.unitCode === null ? null : args.unitCode.trim(), unitsOn, figuresOn, lineage };
}

const figureFields = {
  residentialAreas: 'Residential areas (khu dân cư) in the unit.',
  residentialAreasWithActiveModel: 'Of those, the ones with at least one active model hosted in them (the 866 of "866/866").',
  activeModels: 'Active models in the unit: hosted by its residential areas, communes or organizations.',
  modelTypes: 'Distinct model types among the active models (the "14 kinds of models").',
} as const;

export const CoverageFiguresRef = builder.objectRef<CoverageFigures>('CoverageFigures').implement({
  description: 'The four figures of coverage, without a breakdown.',
  fields: (t) => ({
    residentialAreas: t.exposeInt('residentialAreas', { description: figureFields.residentialAreas }),
    residentialAreasWithActiveModel: t.exposeInt('residentialAreasWithActiveModel', {
      description: figureFields.residentialAreasWithActiveModel,
    }),
    activeModels: t.exposeInt('activeModels', { description: figureFields.activeModels }),
    modelTypes: t.exposeInt('modelTypes', { description: figureFields.modelTypes }),
  }),
});

export const ModelTypeCoverageRef = builder.objectRef<ModelTypeCoverageView>('ModelTypeCoverage').implement({
  description: 'The figures of one model type within a unit.',
  fields: (t) => ({
    modelType: t.field({
      type: ModelTypeRef,
      description: 'The model type (all of a request’s model types are read in one statement).',
      resolve: async (m, _args, ctx) => {
        const row = await modelTypeLoader(ctx).load(m.modelTypeId);
        if (!row) throw new GraphQLError(`model type ${m.modelTypeId} vanished while being read`);
        return row;
      },
    }),
    activeModels: t.exposeInt('activeModels', { description: 'Active models of this type.' }),
    residentialAreas: t.exposeInt('residentialAreas', { description: 'Residential areas with at least one active model of this type.' }),
  }),
});

const PartialSuccessorRef = builder
  .objectRef<{ unit: UnitOnDate; kind: 'FULL' | 'PARTIAL'; inUnit: boolean }>('CoveragePartialSuccessor')
  .implement({
    description: 'A commune of asOf that a split predecessor passed into.',
    fields: (t) => ({
      unit: t.field({ type: AdminUnitRef, description: 'The successor, seen on asOf.', resolve: (s) => s.unit }),
      kind: t.field({ type: LineageKindEnum, description: 'FULL or PARTIAL along the whole chain of links.', resolve: (s) => s.kind }),
      inUnit: t.exposeBoolean('inUnit', { description: 'Whether the successor lies in the unit asked about.' }),
    }),
  });

const PartialCommuneRef = builder.objectRef<LineageView['partial'][number]>('CoveragePartialCommune').implement({
  description:
    'A commune of figuresOn split between several communes of asOf (or passed on partly): its figures cannot be divided, so they are listed here once and never added to the coverage figures.',
  fields: (t) => ({
    commune: t.field({
      type: AdminUnitRef,
      description: 'The predecessor commune, seen on figuresOn.',
      resolve: (p) => ({ row: p.units.get(p.predecessorId)!, asOf: p.figuresOn }),
    }),
    successors: t.field({
      type: [PartialSuccessorRef],
      description: 'The communes of asOf it passed into, each once.',
      resolve: (p) => p.successors.map((s) => ({ unit: { row: p.units.get(s.id)!, asOf: p.unitsOn }, kind: s.kind, inUnit: s.inUnit })),
    }),
    figures: t.field({ type: CoverageFiguresRef, description: 'What it had on figuresOn.', resolve: (p) => p.figures }),
  }),
});

const CoverageLineageRef = builder.objectRef<LineageView>('CoverageLineage').implement({
  description:
    'How figures of one date were re-attributed to the units of another through the lineage. A commune of figuresOn that ' +
    'passed wholly (by FULL links only) into one commune of asOf counts in that commune; one that was split, or passed on ' +
    'partly, is listed in partialCommunes and counted in partial, never in the coverage figures: nothing is counted twice.',
  fields: (t) => ({
    figuresOn: t.field({ type: DateScalar, description: 'The date the figures are of.', resolve: (l) => l.figuresOn }),
    partial: t.field({
      type: CoverageFiguresRef,
      description: 'The union of the figures of partialCommunes (areas and models counted once), outside the coverage figures.',
      resolve: (l) => l.partialTotal,
    }),
    partialCommunes: t.field({
      type: [PartialCommuneRef],
      description: 'Communes of figuresOn split between communes of asOf, at least one of them in the unit.',
      resolve: (l) => l.partial,
    }),
  }),
});

/** The coverage of each unit directly below (computed with the parent's). */
const childrenOf = (c: CoverageView): CoverageView[] => c.node.byChild.map((node) => ({ node, computed: c.computed, isRoot: false }));

/** The date of the hierarchy and the four figures, as a unit's coverage and the country's say them. */
const theFigures = (t: PothosSchemaTypes.ObjectFieldBuilder<AntqTypes, CoverageView>, figuresOn: string) => ({
  asOf: t.field({
    type: DateScalar,
    description: 'The date of the hierarchy the figures are rolled up by.',
    resolve: (c) => c.node.asOf,
  }),
  figuresOn: t.field({ type: DateScalar, description: figuresOn, resolve: (c) => c.computed.figuresOn }),
  residentialAreas: t.int({ description: figureFields.residentialAreas, resolve: (c) => c.node.residentialAreas }),
  residentialAreasWithActiveModel: t.int({
    description: figureFields.residentialAreasWithActiveModel,
    resolve: (c) => c.node.residentialAreasWithActiveModel,
  }),
  activeModels: t.int({ description: figureFields.activeModels, resolve: (c) => c.node.activeModels }),
  modelTypes: t.int({ description: figureFields.modelTypes, resolve: (c) => c.node.modelTypes }),
});

export const CoverageRef = builder.objectRef<CoverageView>('Coverage');

CoverageRef.implement({
  description:
    'Coverage of a unit: its residential areas, those with at least one active model, active models and distinct model ' +
    'types, rolled up the hierarchy of asOf, by child unit and by model type. Every figure counts distinct residential ' +
    'areas and models: nothing is counted twice.',
  fields: (t) => ({
    unit: t.field({
      type: AdminUnitRef,
      description: 'The unit, seen on asOf.',
      resolve: (c) => ({ row: c.computed.units.get(c.node.unitId)!, asOf: c.node.asOf }),
    }),
    ...theFigures(t, 'The date the figures are of: asOf, or the figuresOn asked for with lineage.'),
    byChild: t.field({
      type: [CoverageRef],
      description: 'One entry per unit directly below on asOf, by code (computed with the parent: no further statement).',
      resolve: childrenOf,
    }),
    byModelType: t.field({
      type: [ModelTypeCoverageRef],
      description: 'One entry per model type with an active model in the unit.',
      resolve: (c) => c.node.byModelType,
    }),
    lineage: t.field({
      type: CoverageLineageRef,
      nullable: true,
      description: 'With lineage: true, on the unit asked about: what could not be attributed whole. Null otherwise (and on byChild).',
      resolve: (c) => (c.isRoot ? c.computed.lineage : null),
    }),
  }),
});

export const NationalCoverageRef = builder.objectRef<CoverageView>('NationalCoverage').implement({
  description:
    'Coverage of the whole country on asOf: the four figures, by province (and below, as Coverage.byChild) and by model ' +
    'type, rolled up the hierarchy of asOf; every figure counts distinct residential areas and models.',
  fields: (t) => ({
    ...theFigures(t, 'The date the figures are of.'),
    byProvince: t.field({
      type: [CoverageRef],
      description: 'One entry per province of asOf, by code, each with its byChild (computed together: no further statement).',
      resolve: childrenOf,
    }),
    byModelType: t.field({
      type: [ModelTypeCoverageRef],
      description: 'One entry per model type with an active model.',
      resolve: (c) => c.node.byModelType,
    }),
    lineage: t.field({
      type: CoverageLineageRef,
      nullable: true,
      description: 'With lineage: true, what could not be attributed whole (communes split between communes of asOf). Null otherwise.',
      resolve: (c) => c.computed.lineage,
    }),
  }),
});

export const LanguageEnum = builder.enumType('Language', {
  description: 'The language of a text the API writes.',
  values: { VI: { description: 'Tiếng Việt' }, EN: { description: 'English' } } as const,
});

builder.queryFields((t) => ({
  coverage: t.field({
    type: CoverageRef,
    authScopes: { public: true },
    complexity: 20,
    description:
      'Coverage of the unit with unitCode on asOf (default: today in Vietnam), rolled up the hierarchy of asOf. A published ' +
      'aggregate: anyone may read it. With lineage: true, the figures of figuresOn (default asOf; not after it) are ' +
      're-attributed to the units of asOf through the lineage: each commune of figuresOn that passed wholly into one commune ' +
      'of asOf counts there, split ones are listed under `lineage` ("what did the communes that are now Đồng Nai have at ' +
      'the end of 2024?": unitCode "75", asOf "2025-12-31", lineage: true, figuresOn "2024-12-31"). Costs 2 SQL statements ' +
      '(3 with lineage) whatever the number of units below, plus one for all model types asked for.',
    args: {
      unitCode: t.arg.string({ required: true, description: 'Statistical code of a province, district or commune.' }),
      asOf: t.arg({ type: DateScalar, description: 'The date of the hierarchy (and of the figures, without lineage). Default: today.' }),
      lineage: t.arg.boolean({ description: 'Re-attribute the figures of figuresOn to the units of asOf through the lineage.' }),
      figuresOn: t.arg({ type: DateScalar, description: 'With lineage: the date the figures are of (default asOf; not after asOf).' }),
    },
    resolve: async (_root, args, ctx, info) => {
      const computed = await coverageOf(ctx, coverageScopeOf(ctx, args), depthAsked(info));
      return { node: computed.tree, computed, isRoot: true };
    },
  }),
  nationalCoverage: t.field({
    type: NationalCoverageRef,
    authScopes: { public: true },
    complexity: 40,
    description:
      'Coverage of the whole country on asOf (default today), by province, as `coverage` gives it for one unit (a published ' +
      'aggregate). With lineage: true, the figures of figuresOn re-attributed to the units of asOf ("the country of 34 ' +
      'provinces as it stood at the end of 2024"). The same statements as `coverage`: 2, 3 with lineage, plus one for the model types asked for.',
    args: {
      asOf: t.arg({ type: DateScalar, description: 'The date of the hierarchy (and of the figures, without lineage). Default: today.' }),
      lineage: t.arg.boolean({ description: 'Re-attribute the figures of figuresOn to the units of asOf through the lineage.' }),
      figuresOn: t.arg({ type: DateScalar, description: 'With lineage: the date the figures are of (default asOf; not after asOf).' }),
    },
    resolve: async (_root, args, ctx, info) => {
      const computed = await coverageOf(ctx, coverageScopeOf(ctx, { ...args, unitCode: null }), depthAsked(info));
      return { node: computed.tree, computed, isRoot: true };
    },
  }),
  movementReport: t.string({
    authScopes: { public: true },
    complexity: 20,
    description:
      'The movement report’s sentences for the unit on asOf (default today), in Vietnamese (default) or English: ' +
      '"Tính đến ngày 31/12/2024, Tỉnh Bình Phước có 14 loại mô hình …; 866/866 khu dân cư đã xây dựng mô hình. …". ' +
      'Anyone gets the sentences on coverage (a published aggregate). A viewer who may read the unit’s movement report ' +
      '(see movementReportData) gets every section, for the period from `from` (default: 1 January of asOf’s year) to ' +
      'asOf: exemplars, commendations, key areas…; keyAreasOnly needs that right.',
    args: {
      unitCode: t.arg.string({ required: true }),
      asOf: t.arg({ type: DateScalar }),
      language: t.arg({ type: LanguageEnum }),
      from: t.arg({ type: DateScalar, description: 'Start of the period of the full report (default: 1 January of asOf’s year).' }),
      keyAreasOnly: t.arg.boolean({ description: 'Figures of the key areas only (full report only).' }),
    },
    resolve: async (_root, args, ctx) => {
      const language = args.language ?? 'VI';
      const s = coverageScopeOf(ctx, { unitCode: args.unitCode, asOf: args.asOf });
      const to = s.unitsOn;
      const unitCode = args.unitCode.trim();
      if (mayReadReport(ctx, unitCode, to)) {
        const report = await movementReportFor(ctx, {
          unitCode,
          from: args.from ?? (`${to.slice(0, 4)}-01-01` as IsoDate),
          to,
          keyAreasOnly: args.keyAreasOnly,
        });
        return reportText(report, language);
      }
      if (args.keyAreasOnly) throw forbidden();
      // The public sentences: from the coverage this request computes anyway (no statement more beside `coverage`).
      const computed = await coverageOf(ctx, s);
      const rows = await modelTypeLoader(ctx).loadMany(computed.tree.byModelType.map((m) => m.modelTypeId));
      const types = rows.flatMap((row) => (row && !(row instanceof Error) ? [row] : []));
      const section = coverageSectionOf({
        unit: computed.units.get(computed.tree.unitId)!,
        asOf: to,
        coverage: computed.tree,
        types,
        keyAreasOnly: false,
      });
      return reportText({ sections: [section] }, language);
    },
  }),
}));
