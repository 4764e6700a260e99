import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  coverage,
  ACTIVATING_EVENTS,
  countCommunes,
  coverageThroughLineage,
  nationalCoverage,
  nationalCoverageThroughLineage,
  type Coverage,
  type CoverageData,
  type CoverageEvent,
  type CoverageFigures,
  type CoverageModel,
  type CoverageUnit,
  type LifecycleEventKind,
  type LineageLink,
} from '../src/index.js';

const OLD = { from: null, to: '2025-06-30' } as const;
const NEW = { from: '2025-07-01', to: null } as const;
const unit = (
  id: string,
  code: string,
  level: CoverageUnit['level'],
  parentCode: string | null,
  validity: CoverageUnit['validity'],
): CoverageUnit => ({
  id,
  code,
  level,
  parentCode,
  validity,
});
const founded = (modelId: string, date: string): CoverageEvent[] =>
  (['PROPOSE', 'SURVEY', 'APPROVE', 'ESTABLISH', 'ACTIVATE'] as const).map((kind) => ({ modelId, kind, date }));
const event = (modelId: string, kind: LifecycleEventKind, date: string): CoverageEvent => ({ modelId, kind, date });
const figures = (c: CoverageFigures): CoverageFigures => ({
  residentialAreas: c.residentialAreas,
  residentialAreasWithActiveModel: c.residentialAreasWithActiveModel,
  activeModels: c.activeModels,
  modelTypes: c.modelTypes,
});
const f = (residentialAreas: number, residentialAreasWithActiveModel: number, activeModels: number, modelTypes: number) => ({
  residentialAreas,
  residentialAreasWithActiveModel,
  activeModels,
  modelTypes,
});

// Two eras. Commune code 00001 is reused: before the reform it is c1-old in province 70,
// after it c1-new in province 75 (which absorbed 70).
const data: CoverageData = {
  units: [
    unit('p70', '70', 'PROVINCE', null, OLD),
    unit('d700', '700', 'DISTRICT', '70', OLD),
    unit('d701', '701', 'DISTRICT', '70', OLD),
    unit('c1-old', '00001', 'COMMUNE', '700', OLD),
    unit('c2-old', '00002', 'COMMUNE', '700', OLD),
    unit('c3-old', '00003', 'COMMUNE', '701', OLD),
    unit('p75-old', '75', 'PROVINCE', null, OLD),
    unit('d750', '750', 'DISTRICT', '75', OLD),
    unit('c10-old', '00010', 'COMMUNE', '750', OLD),
    unit('c40-old', '00040', 'COMMUNE', '750', OLD),
    unit('p75-new', '75', 'PROVINCE', null, NEW),
    unit('c1-new', '00001', 'COMMUNE', '75', NEW),
    unit('c20-new', '00020', 'COMMUNE', '75', NEW),
  ],
  residentialAreas: [
    { id: 'ra1', communeCode: '00001', validity: OLD },
    { id: 'ra1', communeCode: '00001', validity: NEW },
    { id: 'ra2', communeCode: '00001', validity: OLD },
    { id: 'ra3', communeCode: '00002', validity: OLD },
    { id: 'ra4', communeCode: '00003', validity: OLD },
    { id: 'ra5', communeCode: '00010', validity: OLD },
    { id: 'ra6', communeCode: '00040', validity: OLD },
  ],
  models: [
    { id: 'm1', modelTypeId: 'T1', host: { kind: 'RESIDENTIAL_AREA', residentialAreaId: 'ra1' } },
    { id: 'm2', modelTypeId: 'T2', host: { kind: 'RESIDENTIAL_AREA', residentialAreaId: 'ra1' } },
    { id: 'm3', modelTypeId: 'T1', host: { kind: 'RESIDENTIAL_AREA', residentialAreaId: 'ra3' } },
    { id: 'm4', modelTypeId: 'T3', host: { kind: 'RESIDENTIAL_AREA', residentialAreaId: 'ra4' } },
    { id: 'm5', modelTypeId: 'T4', host: { kind: 'COMMUNE', communeCode: '00002', validity: OLD } },
    { id: 'm6', modelTypeId: 'T1', host: { kind: 'RESIDENTIAL_AREA', residentialAreaId: 'ra5' } },
    { id: 'm7', modelTypeId: 'T1', host: { kind: 'RESIDENTIAL_AREA', residentialAreaId: 'ra2' } },
    { id: 'm8', modelTypeId: 'T1', host: { kind: 'RESIDENTIAL_AREA', residentialAreaId: 'nowhere' } },
  ],
  events: [
    ...founded('m1', '2024-01-01'),
    ...founded('m2', '2024-01-01'),
    ...founded('m3', '2024-01-01'),
    event('m3', 'SUSPEND', '2024-12-01'),
    ...founded('m4', '2024-01-01'),
    ...founded('m5', '2024-01-01'),
    ...founded('m6', '2024-01-01'),
    event('m7', 'ACTIVATE', '2024-01-01'),
    ...founded('m8', '2024-01-01'),
  ],
};
const links: LineageLink<string>[] = [
  { predecessor: 'c1-old', successor: 'c1-new', kind: 'FULL', date: '2025-07-01' },
  { predecessor: 'c2-old', successor: 'c1-new', kind: 'FULL', date: '2025-07-01' },
  { predecessor: 'c3-old', successor: 'c1-new', kind: 'PARTIAL', date: '2025-07-01' },
  { predecessor: 'c3-old', successor: 'c20-new', kind: 'PARTIAL', date: '2025-07-01' },
  { predecessor: 'c10-old', successor: 'c20-new', kind: 'FULL', date: '2025-07-01' },
];

describe('coverage on a date, on the hierarchy of that date', () => {
  it('province 70 at the end of 2024', () => {
    const r = coverage(data, '70', '2024-12-31');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const c = r.coverage;
    expect(figures(c)).toEqual(f(4, 2, 4, 4));
    expect(c.byChild.map((x) => [x.unitCode, figures(x)])).toEqual([
      ['700', f(3, 1, 3, 3)],
      ['701', f(1, 1, 1, 1)],
    ]);
    expect(c.byModelType).toEqual([
      { modelTypeId: 'T1', activeModels: 1, residentialAreas: 1 },
      { modelTypeId: 'T2', activeModels: 1, residentialAreas: 1 },
      { modelTypeId: 'T3', activeModels: 1, residentialAreas: 1 },
      { modelTypeId: 'T4', activeModels: 1, residentialAreas: 0 },
    ]);
    expect(c.byChild[0]!.byChild).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'ILLEGAL_LIFECYCLE',
        modelId: 'm7',
        error: expect.objectContaining({ state: null, event: 'ACTIVATE' }),
      }),
      { code: 'UNPLACED_MODEL', modelId: 'm8' },
    ]);
  });

  it('a suspended model stops counting from the day of suspension', () => {
    const before = coverage(data, '70', '2024-11-30');
    const after = coverage(data, '70', '2024-12-01');
    expect(before.ok && figures(before.coverage)).toEqual(f(4, 3, 5, 4));
    expect(after.ok && figures(after.coverage)).toEqual(f(4, 2, 4, 4));
  });

  it('filters by model type', () => {
    const r = coverage(data, '70', '2024-06-01', { modelTypeIds: ['T1'] });
    expect(r.ok && figures(r.coverage)).toEqual(f(4, 2, 2, 1));
  });

  it('depth 0 and depth 2', () => {
    const d0 = coverage(data, '70', '2024-06-01', { depth: 0 });
    expect(d0.ok && d0.coverage.byChild).toEqual([]);
    const d2 = coverage(data, '70', '2024-06-01', { depth: 2 });
    expect(d2.ok && d2.coverage.byChild[0]!.byChild.map((x) => [x.unitCode, x.residentialAreas, x.byChild.length])).toEqual([
      ['00001', 2, 0],
      ['00002', 1, 0],
    ]);
  });

  it('a commune on its own', () => {
    const r = coverage(data, '00001', '2024-06-01');
    expect(r.ok && [figures(r.coverage), r.coverage.byChild]).toEqual([f(2, 1, 2, 2), []]);
  });

  it('a reused code names the unit of the date, not the old one', () => {
    const r = coverage(data, '00001', '2025-12-31');
    expect(r.ok && [r.coverage.unitId, figures(r.coverage)]).toEqual(['c1-new', f(1, 1, 2, 2)]);
    // Still active, but their hosts (ra4, ra5, commune 00002) were placed only in the old era;
    // m7's history is illegal; m8's area never existed. Problems concern all the data given.
    expect(r.ok && r.problems.map((p) => [p.code, p.modelId])).toEqual([
      ['UNPLACED_MODEL', 'm4'],
      ['UNPLACED_MODEL', 'm5'],
      ['UNPLACED_MODEL', 'm6'],
      ['ILLEGAL_LIFECYCLE', 'm7'],
      ['UNPLACED_MODEL', 'm8'],
    ]);
  });

  it('an unknown unit on the date is an error', () => {
    expect(coverage(data, '70', '2025-12-31')).toEqual({
      ok: false,
      error: { code: 'UNIT_NOT_FOUND', unitCode: '70', asOf: '2025-12-31' },
    });
  });
});

describe('coverage re-attributed through lineage', () => {
  it('"what did the communes that are now 75 have in 2024?"', () => {
    const r = coverageThroughLineage(data, links, '75', { figuresOn: '2024-12-31', unitsOn: '2025-12-31' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.attributed.unitId).toBe('p75-new');
    expect(figures(r.attributed)).toEqual(f(4, 2, 4, 3));
    expect(r.attributed.byChild.map((x) => [x.unitId, figures(x)])).toEqual([
      ['c1-new', f(3, 1, 3, 3)],
      ['c20-new', f(1, 1, 1, 1)],
    ]);
    expect(r.partial).toEqual([
      {
        predecessorId: 'c3-old',
        predecessorCode: '00003',
        successors: [
          { id: 'c1-new', code: '00001', kind: 'PARTIAL', inUnit: true },
          { id: 'c20-new', code: '00020', kind: 'PARTIAL', inUnit: true },
        ],
        figures: f(1, 1, 1, 1),
      },
    ]);
    expect(r.partialTotal).toEqual(f(1, 1, 1, 1));
    expect(r.unmapped).toEqual([{ communeId: 'c40-old', communeCode: '00040', figures: f(1, 0, 0, 0) }]);
    // Nothing lost, nothing counted twice: 6 areas in 2024 = 4 attributed + 1 partial + 1 unmapped.
    expect(r.attributed.residentialAreas + r.partialTotal.residentialAreas + r.unmapped[0]!.figures.residentialAreas).toBe(6);
  });

  it('a partial predecessor outside the unit is not listed', () => {
    const r = coverageThroughLineage(data, links, '00020', { figuresOn: '2024-12-31', unitsOn: '2025-12-31' });
    expect(r.ok && r.partial.map((p) => p.predecessorId)).toEqual(['c3-old']);
    const outside: LineageLink<string>[] = links.map((l) =>
      l.predecessor === 'c3-old' && l.successor === 'c20-new' ? { ...l, successor: 'c1-new' } : l,
    );
    // c3-old now goes twice to c1-new by partial links only: still partial, and not in 00020.
    const r2 = coverageThroughLineage(data, outside, '00020', { figuresOn: '2024-12-31', unitsOn: '2025-12-31' });
    expect(r2.ok && [r2.partial, figures(r2.attributed)]).toEqual([[], f(1, 1, 1, 1)]);
  });

  it('an unknown unit is an error', () => {
    expect(coverageThroughLineage(data, links, '70', { figuresOn: '2024-12-31', unitsOn: '2025-12-31' })).toEqual({
      ok: false,
      error: { code: 'UNIT_NOT_FOUND', unitCode: '70', asOf: '2025-12-31' },
    });
  });
});

// ---- properties ----------------------------------------------------------------------

const FIGURES_ON = '2024-12-31';
const UNITS_ON = '2025-12-31';

/** Random data: old communes under province 70, new ones under 75, lineage between them. */
const world = fc
  .record({
    oldCommunes: fc.integer({ min: 1, max: 6 }),
    newCommunes: fc.integer({ min: 1, max: 4 }),
    areas: fc.array(fc.nat(), { maxLength: 25 }),
    models: fc.array(
      fc.record({
        area: fc.nat(),
        communeHost: fc.boolean(),
        type: fc.integer({ min: 0, max: 4 }),
        events: fc.array(
          fc.record({
            kind: fc.constantFrom<LifecycleEventKind>(
              'PROPOSE',
              'SURVEY',
              'APPROVE',
              'ESTABLISH',
              'ACTIVATE',
              'SUSPEND',
              'RESUME',
              'DISSOLVE',
            ),
            day: fc.integer({ min: 0, max: 400 }),
          }),
          { maxLength: 3 },
        ),
        lifecycle: fc.constantFrom('active', 'suspended', 'never', 'random'),
      }),
      { maxLength: 30 },
    ),
    links: fc.array(fc.record({ kind: fc.constantFrom('FULL', 'SPLIT', 'NONE'), a: fc.nat(), b: fc.nat() }), {
      minLength: 6,
      maxLength: 6,
    }),
  })
  .map((w) => {
    const oldCodes = Array.from({ length: w.oldCommunes }, (_, i) => `0010${i}`);
    const newCodes = Array.from({ length: w.newCommunes }, (_, i) => `0020${i}`);
    const units: CoverageUnit[] = [
      unit('p70', '70', 'PROVINCE', null, OLD),
      unit('p75', '75', 'PROVINCE', null, NEW),
      ...oldCodes.map((c) => unit(`old-${c}`, c, 'COMMUNE', '70', OLD)),
      ...newCodes.map((c) => unit(`new-${c}`, c, 'COMMUNE', '75', NEW)),
    ];
    const residentialAreas = w.areas.map((n, i) => ({ id: `ra${i}`, communeCode: oldCodes[n % oldCodes.length]!, validity: OLD }));
    const models: CoverageModel[] = [];
    const events: CoverageEvent[] = [];
    w.models.forEach((m, i) => {
      const id = `m${i}`;
      const host: CoverageModel['host'] =
        m.communeHost || residentialAreas.length === 0
          ? { kind: 'COMMUNE', communeCode: oldCodes[m.area % oldCodes.length]!, validity: OLD }
          : { kind: 'RESIDENTIAL_AREA', residentialAreaId: residentialAreas[m.area % residentialAreas.length]!.id };
      models.push({ id, modelTypeId: `T${m.type}`, host });
      if (m.lifecycle === 'active' || m.lifecycle === 'suspended') events.push(...founded(id, '2024-01-01'));
      if (m.lifecycle === 'suspended') events.push(event(id, 'SUSPEND', '2024-06-01'));
      if (m.lifecycle === 'random') events.push(...m.events.map((e) => event(id, e.kind, `2024-0${1 + (e.day % 9)}-01`)));
    });
    const linkList: LineageLink<string>[] = [];
    const allFull: LineageLink<string>[] = [];
    oldCodes.forEach((c, i) => {
      const l = w.links[i]!;
      const a = newCodes[l.a % newCodes.length]!;
      const b = newCodes[l.b % newCodes.length]!;
      allFull.push({ predecessor: `old-${c}`, successor: `new-${a}`, kind: 'FULL', date: '2025-07-01' });
      if (l.kind === 'FULL') linkList.push({ predecessor: `old-${c}`, successor: `new-${a}`, kind: 'FULL', date: '2025-07-01' });
      if (l.kind === 'SPLIT') {
        linkList.push({ predecessor: `old-${c}`, successor: `new-${a}`, kind: 'PARTIAL', date: '2025-07-01' });
        if (b !== a) linkList.push({ predecessor: `old-${c}`, successor: `new-${b}`, kind: 'PARTIAL', date: '2025-07-01' });
      }
    });
    const d: CoverageData = { units, residentialAreas, models, events };
    return { data: d, links: linkList, allFull };
  });

const sum = (cs: readonly Coverage[], k: keyof CoverageFigures) => cs.reduce((s, c) => s + c[k], 0);

describe('coverage properties', () => {
  it('never exceeds the residential areas; children and types add up to the parent', () => {
    fc.assert(
      fc.property(world, ({ data: d }) => {
        const r = coverage(d, '70', FIGURES_ON);
        if (!r.ok) throw new Error('unit 70 must exist');
        const c = r.coverage;
        expect(c.residentialAreas).toBe(d.residentialAreas.length);
        expect(c.residentialAreasWithActiveModel).toBeLessThanOrEqual(c.residentialAreas);
        expect(c.modelTypes).toBeLessThanOrEqual(c.activeModels);
        expect(c.modelTypes).toBe(c.byModelType.length);
        for (const k of ['residentialAreas', 'residentialAreasWithActiveModel', 'activeModels'] as const)
          expect(sum(c.byChild, k)).toBe(c[k]);
        expect(c.byModelType.reduce((s, t) => s + t.activeModels, 0)).toBe(c.activeModels);
        for (const t of c.byModelType) expect(t.residentialAreas).toBeLessThanOrEqual(c.residentialAreasWithActiveModel);
      }),
    );
  });

  it('re-attribution through full links preserves every total', () => {
    fc.assert(
      fc.property(world, ({ data: d, allFull }) => {
        const then = coverage(d, '70', FIGURES_ON);
        const now = coverageThroughLineage(d, allFull, '75', { figuresOn: FIGURES_ON, unitsOn: UNITS_ON });
        if (!then.ok || !now.ok) throw new Error('units must exist');
        expect(figures(now.attributed)).toEqual(figures(then.coverage));
        expect(now.attributed.byModelType).toEqual(then.coverage.byModelType);
        expect(now.partial).toEqual([]);
        expect(now.unmapped).toEqual([]);
      }),
    );
  });

  it('with partial and missing links, attributed + partial + unmapped = the total, none counted twice', () => {
    fc.assert(
      fc.property(world, ({ data: d, links: l }) => {
        const then = coverage(d, '70', FIGURES_ON);
        const now = coverageThroughLineage(d, l, '75', { figuresOn: FIGURES_ON, unitsOn: UNITS_ON });
        if (!then.ok || !now.ok) throw new Error('units must exist');
        for (const k of ['residentialAreas', 'residentialAreasWithActiveModel', 'activeModels'] as const) {
          const unmapped = now.unmapped.reduce((s, u) => s + u.figures[k], 0);
          expect(now.attributed[k] + now.partialTotal[k] + unmapped).toBe(then.coverage[k]);
          expect(now.partial.reduce((s, p) => s + p.figures[k], 0)).toBe(now.partialTotal[k]);
        }
        expect(now.attributed.modelTypes).toBeLessThanOrEqual(then.coverage.modelTypes);
      }),
    );
  });

  it('without a change of hierarchy, lineage coverage is plain coverage', () => {
    fc.assert(
      fc.property(world, ({ data: d }) => {
        const plain = coverage(d, '70', FIGURES_ON, { depth: 2 });
        const through = coverageThroughLineage(d, [], '70', { figuresOn: FIGURES_ON, unitsOn: FIGURES_ON }, { depth: 2 });
        if (!plain.ok || !through.ok) throw new Error('unit 70 must exist');
        expect(through.attributed).toEqual(plain.coverage);
        expect(through.problems).toEqual(plain.problems);
      }),
    );
  });
});

describe('coverage of the whole country', () => {
  it('is the sum of the provinces of the date, with model types counted once', () => {
    fc.assert(
      fc.property(world, ({ data: d }) => {
        const national = nationalCoverage(d, FIGURES_ON, { depth: 2 });
        const province = coverage(d, '70', FIGURES_ON, { depth: 1 });
        if (!province.ok) throw new Error('unit 70 must exist');
        // The world holds one province on FIGURES_ON: the country is that province, one level up.
        expect(national.coverage.byChild.map((c) => c.unitCode)).toEqual(['70']);
        expect(national.coverage.byChild[0]).toEqual(province.coverage);
        expect(figures(national.coverage)).toEqual(figures(province.coverage));
        expect(national.coverage.byModelType).toEqual(province.coverage.byModelType);
        expect(national.problems).toEqual(province.problems);
      }),
    );
  });

  it('through lineage, attributes to the provinces of unitsOn as the province-level function does', () => {
    fc.assert(
      fc.property(world, ({ data: d, links: l }) => {
        const national = nationalCoverageThroughLineage(d, l, { figuresOn: FIGURES_ON, unitsOn: UNITS_ON });
        const province = coverageThroughLineage(d, l, '75', { figuresOn: FIGURES_ON, unitsOn: UNITS_ON }, { depth: 0 });
        if (!province.ok) throw new Error('unit 75 must exist');
        const p75 = national.attributed.byChild.find((c) => c.unitCode === '75');
        expect(p75).toEqual(province.attributed);
        for (const k of ['residentialAreas', 'residentialAreasWithActiveModel', 'activeModels'] as const)
          expect(sum(national.attributed.byChild, k)).toBe(national.attributed[k]);
        expect(national.unmapped).toEqual(province.unmapped);
      }),
    );
  });
});

describe('coverage from communes counted by the database', () => {
  const counted = (d: CoverageData, date: string) => ({ units: d.units, communes: countCommunes(d, date).communes });

  it('gives the figures of the rows, on the date and through the lineage, for a unit and for the country', () => {
    fc.assert(
      fc.property(world, ({ data: d, links: l }) => {
        const rows = coverage(d, '70', FIGURES_ON, { depth: 2 });
        const tallies = coverage(counted(d, FIGURES_ON), '70', FIGURES_ON, { depth: 2 });
        if (!rows.ok || !tallies.ok) throw new Error('unit 70 must exist');
        expect(tallies.coverage).toEqual(rows.coverage);
        expect(nationalCoverage(counted(d, FIGURES_ON), FIGURES_ON).coverage).toEqual(nationalCoverage(d, FIGURES_ON).coverage);
        const dates = { figuresOn: FIGURES_ON, unitsOn: UNITS_ON };
        const { problems: _p, ...through } = nationalCoverageThroughLineage(d, l, dates);
        const { problems: _q, ...throughTallies } = nationalCoverageThroughLineage(counted(d, FIGURES_ON), l, dates);
        expect(throughTallies).toEqual(through);
        const one = coverageThroughLineage(d, l, '75', dates);
        const oneTallies = coverageThroughLineage(counted(d, FIGURES_ON), l, '75', dates);
        if (!one.ok || !oneTallies.ok) throw new Error('unit 75 must exist');
        expect(oneTallies.attributed).toEqual(one.attributed);
        expect(oneTallies.partial).toEqual(one.partial);
      }),
    );
  });

  it('takes a commune’s model types in any order, and adds up a type listed twice', () => {
    fc.assert(
      fc.property(world, ({ data: d }) => {
        const given = counted(d, FIGURES_ON);
        // Reversed, each type split in two entries (nothing and everything).
        const shuffled = {
          units: given.units,
          communes: given.communes.map((c) => ({
            ...c,
            byModelType: [...c.byModelType].reverse().flatMap((t) => [{ ...t, activeModels: 0, residentialAreas: 0 }, t]),
          })),
        };
        expect(nationalCoverage(shuffled, FIGURES_ON, { depth: 3 }).coverage).toEqual(
          nationalCoverage(given, FIGURES_ON, { depth: 3 }).coverage,
        );
      }),
    );
  });

  it('a model is active when its last event activated or resumed it (the transition table’s events leading to ACTIVE)', () => {
    expect(ACTIVATING_EVENTS).toEqual(['ACTIVATE', 'RESUME']);
  });
});
