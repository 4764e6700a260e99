import { checkCoverageSteps, deferCoverageSteps, readCoverageData, refreshCoverageSteps, seedDemo } from '@antq/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIVATING_EVENTS, countCommunes } from '@antq/core';
import { readCoverageRows } from '../src/movement/coverage-data.js';
import { movementReportText, namedModelTypes } from '../src/movement/report.js';
import { usePreparedServer, type TestServer } from './support/server.js';

const ctx = usePreparedServer();
let server: TestServer;
beforeAll(async () => {
  ({ server } = ctx);
  // The prepared database holds the administrative units only: add the Bình Phước demo.
  await seedDemo(ctx.db);
}, 120_000);

const FIGURES = 'residentialAreas residentialAreasWithActiveModel activeModels modelTypes';
const sum = (list: any[], key: string) => list.reduce((s, c) => s + c[key], 0);

describe('coverage (issue #4, item 3)', () => {
  it('gives Bình Phước 866/866 residential areas and 14 model types at the end of 2024, by district and by model type', async () => {
    const { data, errors } = await server.query<any>(`{
      coverage(unitCode: "70", asOf: "2024-12-31") {
        unit { code fullName asOf } asOf figuresOn ${FIGURES} lineage { figuresOn }
        byChild { unit { code level } asOf ${FIGURES} byChild { unit { level } residentialAreas } }
        byModelType { modelType { code name category } activeModels residentialAreas }
      }
    }`);
    expect(errors).toBeUndefined();
    const c = data.coverage;
    expect(c).toMatchObject({
      unit: { code: '70', fullName: 'Tỉnh Bình Phước', asOf: '2024-12-31' },
      asOf: '2024-12-31',
      figuresOn: '2024-12-31',
      residentialAreas: 866,
      residentialAreasWithActiveModel: 866,
      modelTypes: 14,
      lineage: null,
    });
    expect(c.activeModels).toBeGreaterThanOrEqual(866);
    expect(c.byChild).toHaveLength(11);
    expect(c.byChild.every((d: any) => d.unit.level === 'DISTRICT' && d.asOf === '2024-12-31')).toBe(true);
    expect(c.byChild.map((d: any) => d.unit.code)).toEqual([...c.byChild.map((d: any) => d.unit.code)].sort());
    for (const key of ['residentialAreas', 'residentialAreasWithActiveModel', 'activeModels']) expect(sum(c.byChild, key)).toBe(c[key]);
    // Below the districts, their 111 communes, with the same areas.
    const communes = c.byChild.flatMap((d: any) => d.byChild);
    expect(communes).toHaveLength(111);
    expect(communes.every((x: any) => x.unit.level === 'COMMUNE')).toBe(true);
    expect(sum(communes, 'residentialAreas')).toBe(866);
    // By model type: the 14 of the catalogue, the five the report names among them.
    expect(c.byModelType).toHaveLength(14);
    expect(sum(c.byModelType, 'activeModels')).toBe(c.activeModels);
    expect(c.byModelType.map((m: any) => m.modelType.name)).toEqual(
      expect.arrayContaining([
        'Tổ an ninh nhân dân',
        'Đội dân phòng',
        'Tổ xung kích phòng, chống tội phạm',
        'Đội xe ôm tự quản',
        'Khu dân cư không có tội phạm ẩn náu hoạt động',
      ]),
    );
    expect(c.byModelType.find((m: any) => m.modelType.code === 'TO_AN_NINH_NHAN_DAN')).toMatchObject({
      modelType: { category: 'CRIME_PREVENTION' },
    });
  });

  it('reaches the same 866 after the reform, in the Đồng Nai communes the areas were placed in', async () => {
    const { data, errors } = await server.query<any>(`{
      coverage(unitCode: "75", asOf: "2025-12-31") { unit { fullName } ${FIGURES} byChild { unit { code level } residentialAreas residentialAreasWithActiveModel } }
    }`);
    expect(errors).toBeUndefined();
    const c = data.coverage;
    expect(c).toMatchObject({
      unit: { fullName: 'Tỉnh Đồng Nai' },
      residentialAreas: 866,
      residentialAreasWithActiveModel: 866,
      modelTypes: 14,
    });
    expect(c.byChild).toHaveLength(95);
    expect(c.byChild.every((x: any) => x.unit.level === 'COMMUNE')).toBe(true);
    expect(sum(c.byChild, 'residentialAreas')).toBe(866);
  });

  it('re-attributes the figures of 2024 to the communes that are now Đồng Nai through the lineage, broken down by child', async () => {
    const { data, errors } = await server.query<any>(`{
      coverage(unitCode: "75", asOf: "2025-12-31", lineage: true, figuresOn: "2024-12-31") {
        asOf figuresOn ${FIGURES}
        byChild { unit { code level asOf } figuresOn residentialAreas residentialAreasWithActiveModel lineage { figuresOn } }
        lineage { figuresOn partial { ${FIGURES} } partialCommunes { commune { code } } }
      }
      plain: coverage(unitCode: "75", asOf: "2025-12-31") { byChild { unit { code } residentialAreas } }
    }`);
    expect(errors).toBeUndefined();
    const c = data.coverage;
    expect(c).toMatchObject({
      asOf: '2025-12-31',
      figuresOn: '2024-12-31',
      residentialAreas: 866,
      residentialAreasWithActiveModel: 866,
      modelTypes: 14,
    });
    expect(c.lineage).toEqual({
      figuresOn: '2024-12-31',
      partial: { residentialAreas: 0, residentialAreasWithActiveModel: 0, activeModels: 0, modelTypes: 0 },
      partialCommunes: [],
    });
    expect(c.byChild).toHaveLength(95);
    expect(
      c.byChild.every(
        (x: any) => x.unit.level === 'COMMUNE' && x.unit.asOf === '2025-12-31' && x.figuresOn === '2024-12-31' && x.lineage === null,
      ),
    ).toBe(true);
    expect(sum(c.byChild, 'residentialAreas')).toBe(866);
    // Every area moved with its commune: each new commune has, through the lineage, what its areas had in 2024.
    expect(c.byChild.map((x: any) => x.residentialAreas)).toEqual(data.plain.byChild.map((x: any) => x.residentialAreas));
    // Without figuresOn, lineage takes asOf's own figures: the same 866.
    const same = await server.query<any>(
      `{ coverage(unitCode: "75", asOf: "2025-12-31", lineage: true) { figuresOn residentialAreas residentialAreasWithActiveModel } }`,
    );
    expect(same.data.coverage).toEqual({ figuresOn: '2025-12-31', residentialAreas: 866, residentialAreasWithActiveModel: 866 });
  });

  it('answers a commune on its own, and zero where the demo has nothing', async () => {
    const { data } = await server.query<any>(`{
      district: coverage(unitCode: "70", asOf: "2024-12-31") { byChild { unit { code } residentialAreas byChild { unit { code } } } }
      hanoi: coverage(unitCode: "01", asOf: "2024-12-31") { ${FIGURES} byModelType { activeModels } }
    }`);
    const district = data.district.byChild[0];
    const commune = await server.query<any>(
      `query($c: String!) { coverage(unitCode: $c, asOf: "2024-12-31") { unit { level } residentialAreas byChild { asOf } } }`,
      {
        c: district.byChild[0].unit.code,
      },
    );
    expect(commune.data.coverage).toMatchObject({ unit: { level: 'COMMUNE' }, byChild: [] });
    expect(commune.data.coverage.residentialAreas).toBeGreaterThan(0);
    expect(data.hanoi).toEqual({
      residentialAreas: 0,
      residentialAreasWithActiveModel: 0,
      activeModels: 0,
      modelTypes: 0,
      byModelType: [],
    });
  });

  it('says which unit and date it could not find, and refuses figuresOn it cannot honour', async () => {
    const unknown = await server.query<any>(`{ coverage(unitCode: "99", asOf: "2024-12-31") { residentialAreas } }`);
    expect(unknown.data).toBeNull();
    expect(unknown.errors).toHaveLength(1);
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', unitCode: '99', asOf: '2024-12-31' });
    expect(unknown.errors![0]!.message).toContain('No administrative unit has code "99" (argument unitCode)');
    // Bình Phước no longer exists after the reform.
    const gone = await server.query<any>(`{ movementReport(unitCode: "70", asOf: "2025-12-31") }`);
    expect(gone.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', unitCode: '70', asOf: '2025-12-31' });
    const noLineage = await server.query<any>(
      `{ coverage(unitCode: "75", asOf: "2025-12-31", figuresOn: "2024-12-31") { residentialAreas } }`,
    );
    expect(noLineage.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'figuresOn' });
    const later = await server.query<any>(
      `{ coverage(unitCode: "70", asOf: "2024-12-31", lineage: true, figuresOn: "2025-12-31") { residentialAreas } }`,
    );
    expect(later.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'figuresOn' });
  });

  it('is a published aggregate: anyone may read it, with no token', async () => {
    const { data, errors } = await server.query<any>(
      `{ coverage(unitCode: "70", asOf: "2024-12-31") { residentialAreasWithActiveModel } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.coverage.residentialAreasWithActiveModel).toBe(866);
  });
});

describe('movementReport', () => {
  it('writes the provincial report in Vietnamese by default, and in English', async () => {
    const { data, errors } = await server.query<any>(`{
      vi: movementReport(unitCode: "70", asOf: "2024-12-31")
      en: movementReport(unitCode: "70", asOf: "2024-12-31", language: EN)
      figures: coverage(unitCode: "70", asOf: "2024-12-31") { activeModels }
    }`);
    expect(errors).toBeUndefined();
    const active = data.figures.activeModels as number;
    expect(data.vi).toBe(
      'Tính đến ngày 31/12/2024, Tỉnh Bình Phước có 14 loại mô hình phòng ngừa tội phạm, bảo đảm an ninh, trật tự do lực lượng Công an ' +
        'xây dựng hoặc hướng dẫn xây dựng; 866/866 khu dân cư đã xây dựng mô hình. Một số mô hình được duy trì hoạt động: ' +
        '"Tổ an ninh nhân dân", "Đội dân phòng", "Tổ xung kích phòng, chống tội phạm", "Đội xe ôm tự quản", ' +
        `"Khu dân cư không có tội phạm ẩn náu hoạt động"… Tổng cộng ${active.toLocaleString('vi-VN')} mô hình đang hoạt động.`,
    );
    expect(data.en).toBe(
      'As of 31/12/2024, Bình Phước province has 14 kinds of models in crime prevention and security-and-order work, built by the police ' +
        'or with their guidance; 866/866 residential areas have built models. Some models are maintained and active: ' +
        '"Tổ an ninh nhân dân", "Đội dân phòng", "Tổ xung kích phòng, chống tội phạm", "Đội xe ôm tự quản", ' +
        `"Khu dân cư không có tội phạm ẩn náu hoạt động"… ${active.toLocaleString('en-GB')} models are active in all.`,
    );
  });

  it('writes numbers and dates as in Vietnam, names the reported types first, and says so when there is nothing', () => {
    const unit = { name: 'Bình Phước', fullName: 'Tỉnh Bình Phước', kind: 'TINH' };
    const figures = { residentialAreas: 1234, residentialAreasWithActiveModel: 1200, activeModels: 2180, modelTypes: 2 };
    const types = [
      { name: 'Camera an ninh', activeModels: 900 },
      { name: 'Đội dân phòng', activeModels: 5 },
    ];
    expect(namedModelTypes(types)).toEqual(['Đội dân phòng', 'Camera an ninh']);
    const vi = movementReportText({ unit, asOf: '2024-01-05', figures, modelTypes: types });
    expect(vi).toContain('Tính đến ngày 05/01/2024');
    expect(vi).toContain('1.200/1.234 khu dân cư');
    expect(vi).toContain('"Đội dân phòng", "Camera an ninh". Tổng cộng 2.180 mô hình');
    const en = movementReportText(
      {
        unit: { name: 'Hồ Chí Minh', fullName: 'Thành phố Hồ Chí Minh', kind: 'THANH_PHO_TRUC_THUOC_TRUNG_UONG' },
        asOf: '2024-01-05',
        figures,
        modelTypes: types,
      },
      'EN',
    );
    expect(en).toContain('As of 05/01/2024, Hồ Chí Minh City has 2 kinds of models');
    expect(en).toContain('1,200/1,234 residential areas');
    const none = { residentialAreas: 0, residentialAreasWithActiveModel: 0, activeModels: 0, modelTypes: 0 };
    expect(movementReportText({ unit, asOf: '2024-01-05', figures: none, modelTypes: [] })).toBe(
      'Tính đến ngày 05/01/2024, Tỉnh Bình Phước có 0 loại mô hình phòng ngừa tội phạm, bảo đảm an ninh, trật tự do lực lượng Công an ' +
        'xây dựng hoặc hướng dẫn xây dựng; 0/0 khu dân cư đã xây dựng mô hình. Tổng cộng 0 mô hình đang hoạt động.',
    );
  });
});

/**
 * A write as another server or command makes it: the steps of one Bình Phước commune
 * recomputed (unchanged figures), which moves the database's coverage version. The next
 * request computes coverage again: the statements of a cold server.
 */
async function coverageWritten(): Promise<void> {
  const [commune] = await ctx.db.prisma.$queryRaw<{ id: string }[]>`SELECT "communeId" AS id FROM "CoverageStep" LIMIT 1`;
  await ctx.db.prisma.$transaction((tx) => refreshCoverageSteps(tx, [commune!.id]));
}

describe('SQL statements', () => {
  const byChild = (code: string) => `{
    coverage(unitCode: "${code}", asOf: "2024-12-31") {
      unit { code } ${FIGURES}
      byChild { unit { code } ${FIGURES} byChild { unit { code } ${FIGURES} byModelType { modelType { name } activeModels } } byModelType { modelType { name } activeModels } }
      byModelType { modelType { code name } activeModels residentialAreas }
    }
  }`;

  it('are as many for a province by child as for one district: the number of units below does not count', async () => {
    await coverageWritten();
    const province = await server.queryCounting<any>(byChild('70'));
    const district = await server.queryCounting<any>(byChild('688'));
    expect(province.body.errors).toBeUndefined();
    expect(district.body.errors).toBeUndefined();
    expect(province.body.data.coverage.byChild).toHaveLength(11);
    expect(district.body.data.coverage.unit.code).toBe('688');
    expect(district.body.data.coverage.byChild.length).toBeGreaterThan(1);
    expect(province.statements.length).toBe(district.statements.length);
    // the coverage version; units (recursive CTE), each commune's counts; model types (one batch)
    expect(province.statements.length).toMatchInlineSnapshot(`4`);
  });

  it('add one for the lineage, and none for the report beside the coverage it reuses', async () => {
    await coverageWritten();
    const lineage = await server.queryCounting<any>(`{
      coverage(unitCode: "75", asOf: "2025-12-31", lineage: true, figuresOn: "2024-12-31") { ${FIGURES} byChild { residentialAreas } byModelType { modelType { name } } lineage { partial { residentialAreas } } }
    }`);
    expect(lineage.body.errors).toBeUndefined();
    // the version; units, links, each commune's counts; model types
    expect(lineage.statements.length).toMatchInlineSnapshot(`5`);
    const both = await server.queryCounting<any>(`{
      coverage(unitCode: "70", asOf: "2024-12-31") { residentialAreas byModelType { modelType { name } } }
      movementReport(unitCode: "70", asOf: "2024-12-31")
    }`);
    expect(both.body.errors).toBeUndefined();
    expect(both.statements.length).toMatchInlineSnapshot(`4`);
  });
});

describe('coverage kept between requests (movement/coverage-cache.ts)', () => {
  const QUESTION = `{ coverage(unitCode: "70", asOf: "2024-12-31") { ${FIGURES} byChild { unit { code } residentialAreas } } }`;

  it('is read again only when the data changed: one statement (the version) while it has not', async () => {
    await coverageWritten();
    const cold = await server.queryCounting<any>(QUESTION);
    const warm = await server.queryCounting<any>(QUESTION);
    expect(cold.body.errors).toBeUndefined();
    expect(warm.body).toEqual(cold.body);
    expect(cold.statements.length).toBe(3);
    expect(warm.statements).toHaveLength(1);
    expect(warm.statements[0]).toContain('"CoverageVersion"');
    await coverageWritten();
    expect((await server.queryCounting<any>(QUESTION)).statements).toHaveLength(3);
  });

  it('answers a write made by another server or command at once: the next request sees it, with no notification to wait for', async () => {
    await server.query(QUESTION);
    // An area of Bình Phước loses its placement, as a write through another server would do.
    const [placement] = await ctx.db.prisma.$queryRaw<{ id: string }[]>`
      SELECT p.id FROM "ResidentialAreaPlacement" p WHERE '70' = ANY (p."placeCodes")
        AND (p."validFrom" IS NULL OR p."validFrom" <= '2024-12-31') AND (p."validTo" IS NULL OR p."validTo" >= '2024-12-31')
      ORDER BY p.id LIMIT 1`;
    const before = (await server.query<any>(QUESTION)).data.coverage.residentialAreas;
    const saved = await ctx.db.prisma.residentialAreaPlacement.findUniqueOrThrow({ where: { id: placement!.id } });
    await ctx.db.prisma.residentialAreaPlacement.delete({ where: { id: placement!.id } });
    try {
      expect((await server.query<any>(QUESTION)).data.coverage.residentialAreas).toBe(before - 1);
    } finally {
      await ctx.db.prisma.residentialAreaPlacement.create({ data: saved });
    }
    expect((await server.query<any>(QUESTION)).data.coverage.residentialAreas).toBe(before);
  });
});

describe('nationalCoverage', () => {
  const NATIONAL = (args: string) => `{
    nationalCoverage(${args}) {
      asOf figuresOn ${FIGURES}
      byProvince { unit { code } ${FIGURES} byChild { unit { code } residentialAreas } byModelType { modelType { name } activeModels } }
      byModelType { modelType { name } activeModels residentialAreas }
      lineage { partial { residentialAreas } partialCommunes { commune { code } } }
    }
  }`;

  it('is the sum of the provinces, each as coverage(unitCode) gives it, in the statements of one coverage', async () => {
    await coverageWritten();
    const national = await server.queryCounting<any>(NATIONAL('asOf: "2024-12-31"'));
    const province = await server.query<any>(
      `{ coverage(unitCode: "70", asOf: "2024-12-31") { ${FIGURES} byModelType { activeModels } } }`,
    );
    expect(national.body.errors).toBeUndefined();
    const n = national.body.data.nationalCoverage;
    expect(n.byProvince).toHaveLength(63);
    expect(n.lineage).toBeNull();
    const bp = n.byProvince.find((p: any) => p.unit.code === '70');
    const { byModelType: _types, ...figures } = province.data.coverage;
    expect(bp).toMatchObject(figures);
    for (const k of ['residentialAreas', 'residentialAreasWithActiveModel', 'activeModels']) expect(n[k]).toBe(sum(n.byProvince, k));
    // The demo data is Bình Phước's only: the country is that province.
    expect(n).toMatchObject({ ...figures, figuresOn: '2024-12-31' });
    // the coverage version; units (recursive CTE), each commune's counts; model types (one batch)
    expect(national.statements.length).toMatchInlineSnapshot(`4`);
  });

  it('re-attributes 2024 to the 34 provinces of today through the lineage, in one more statement', async () => {
    await coverageWritten();
    const r = await server.queryCounting<any>(NATIONAL('asOf: "2025-12-31", lineage: true, figuresOn: "2024-12-31"'));
    const province = await server.query<any>(
      `{ coverage(unitCode: "75", asOf: "2025-12-31", lineage: true, figuresOn: "2024-12-31") { ${FIGURES} lineage { partial { residentialAreas } } } }`,
    );
    expect(r.body.errors).toBeUndefined();
    const n = r.body.data.nationalCoverage;
    expect(n.byProvince).toHaveLength(34);
    expect(n.byProvince.find((p: any) => p.unit.code === '75')).toMatchObject({
      residentialAreas: province.data.coverage.residentialAreas,
      activeModels: province.data.coverage.activeModels,
    });
    expect(n.lineage.partial.residentialAreas).toBe(province.data.coverage.lineage.partial.residentialAreas);
    expect(r.statements.length).toMatchInlineSnapshot(`5`);
  });

  it('builds the levels of breakdown the query selects, through fragments too, with the same figures', async () => {
    const shallow = await server.query<any>(`{ nationalCoverage(asOf: "2024-12-31") { byProvince { unit { code } residentialAreas } } }`);
    const deep = await server.query<any>(
      `{ nationalCoverage(asOf: "2024-12-31") { ...N } } fragment N on NationalCoverage { byProvince { ... on Coverage { unit { code } residentialAreas ...C } } } fragment C on Coverage { byChild { unit { code } residentialAreas } }`,
    );
    const p70 = (r: any) => r.data.nationalCoverage.byProvince.find((p: any) => p.unit.code === '70');
    expect(p70(deep).residentialAreas).toBe(p70(shallow).residentialAreas);
    expect(p70(deep).byChild.length).toBeGreaterThan(0);
    expect(sum(p70(deep).byChild, 'residentialAreas')).toBe(p70(deep).residentialAreas);
  });

  it('refuses figuresOn without lineage, as coverage does', async () => {
    const r = await server.query<any>(`{ nationalCoverage(figuresOn: "2024-12-31") { residentialAreas } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('communes counted in SQL', () => {
  it.each([
    ['70', '2024-06-30'],
    ['70', '2024-12-31'],
    ['75', '2025-12-31'],
    ['75', '2026-06-01'],
  ])('are the counts core gives from the rows: %s on %s', async (unitCode, date) => {
    const data = await readCoverageData(ctx.db.prisma, date);
    const sql = await readCoverageRows(ctx.db.prisma, { unitCode, unitsOn: date, figuresOn: date, lineage: false });
    const reference = countCommunes(data, date);
    // Models placed elsewhere on the date are left out by both; no lifecycle in the demo is illegal.
    expect(reference.problems.filter((p) => p.code === 'ILLEGAL_LIFECYCLE')).toEqual([]);
    const byId = (list: readonly { communeId: string }[]) => new Map(list.map((c) => [c.communeId, c]));
    const mine = byId(sql.data.communes);
    const theirs = byId(reference.communes.filter((c) => sql.units.has(c.communeId)));
    expect(mine.size).toBeGreaterThan(0);
    expect(mine).toEqual(theirs);
  });
});

describe('coverage steps kept by every write (CoverageStep, migration coverage_steps)', () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  /** Stored steps against a recomputation from the rows: both differences must be empty. */
  const stale = async () => {
    const { missing, extra } = await checkCoverageSteps(ctx.db.prisma);
    return missing + extra;
  };
  const figures70 = async (date: string) =>
    (await readCoverageRows(ctx.db.prisma, { unitCode: '70', unitsOn: date, figuresOn: date, lineage: false })).data.communes;
  const total = (communes: readonly { activeModels: number; residentialAreas: number }[]) =>
    communes.reduce((s, c) => [s[0]! + c.residentialAreas, s[1]! + c.activeModels], [0, 0]);

  it('holds on every date the lifecycle activates and stops models, the same as core', async () => {
    expect(await stale()).toBe(0);
    const kinds = await ctx.db.prisma.$queryRaw<{ def: string }[]>`SELECT pg_get_functiondef('antq_coverage_steps'::regproc) AS def`;
    const listed = /e\.kind::text IN \(([^)]*)\)/
      .exec(kinds[0]!.def)![1]!
      .match(/'([A-Z_]+)'/g)!
      .map((k) => k.slice(1, -1));
    expect(listed.sort()).toEqual([...ACTIVATING_EVENTS].sort());
  });

  it('follows inserts, updates and deletes of events, models, areas, organizations and their placements, in any way they are written', async () => {
    const p = ctx.db.prisma;
    // An active model of an area of 70 in mid-2024.
    const model = (await p.model.findFirst({
      where: {
        hostKind: 'RESIDENTIAL_AREA',
        events: { some: { kind: 'ACTIVATE', date: { lt: day('2024-01-01') } }, none: { kind: { in: ['SUSPEND', 'DISSOLVE'] } } },
      },
      include: { events: { orderBy: { seq: 'desc' }, take: 1 }, residentialArea: { include: { placements: true } } },
    }))!;
    const placement = model.residentialArea!.placements.find((pl) => pl.validFrom === null || pl.validFrom <= day('2024-06-30'))!;
    const before = total(await figures70('2024-06-30'));
    const writes: [string, () => Promise<unknown>][] = [
      [
        'an event inserted',
        () =>
          p.lifecycleEvent.create({ data: { modelId: model.id, kind: 'SUSPEND', date: day('2024-03-01'), seq: model.events[0]!.seq + 1 } }),
      ],
      [
        'an event moved',
        () => p.lifecycleEvent.updateMany({ where: { modelId: model.id, kind: 'SUSPEND' }, data: { date: day('2024-08-01') } }),
      ],
      [
        'an event inserted by raw SQL',
        () =>
          p.$executeRaw`INSERT INTO "LifecycleEvent" (id, "modelId", kind, date, seq) VALUES (gen_random_uuid(), ${model.id}::uuid, 'RESUME', ${day('2024-09-01')}, ${model.events[0]!.seq + 2})`,
      ],
      ['events deleted', () => p.lifecycleEvent.deleteMany({ where: { modelId: model.id, seq: { gt: model.events[0]!.seq } } })],
      [
        'an area moved to another commune',
        async () => {
          const other = await p.adminUnit.findFirst({
            where: { level: 'COMMUNE', code: { not: placement.communeCode }, validTo: day('2025-06-30') },
          });
          await p.residentialAreaPlacement.update({ where: { id: placement.id }, data: { validTo: day('2024-04-30') } });
          await p.residentialAreaPlacement.create({
            data: {
              residentialAreaId: placement.residentialAreaId,
              communeId: other!.id,
              communeCode: other!.code,
              placeCodes: [other!.code],
              validFrom: day('2024-05-01'),
              validTo: day('2025-06-30'),
            },
          });
        },
      ],
      [
        'an area dissolved',
        () => p.residentialArea.update({ where: { id: placement.residentialAreaId }, data: { validTo: day('2024-10-31') } }),
      ],
      [
        'a model moved to another area',
        async () => {
          const next = await p.model.findFirst({
            where: { hostKind: 'RESIDENTIAL_AREA', residentialAreaId: { not: model.residentialAreaId } },
          });
          await p.model.update({ where: { id: model.id }, data: { residentialAreaId: next!.residentialAreaId } });
        },
      ],
      [
        'a model hosted by the commune itself, created with its events',
        async () => {
          const created = await p.model.create({
            data: {
              name: 'Tổ hòa giải xã (test)',
              modelTypeId: model.modelTypeId,
              hostKind: 'COMMUNE',
              communeId: placement.communeId,
              foundedOn: day('2024-02-01'),
              builtBy: 'POLICE',
            },
          });
          await p.lifecycleEvent.createMany({
            data: (['PROPOSE', 'SURVEY', 'APPROVE', 'ESTABLISH', 'ACTIVATE'] as const).map((kind, i) => ({
              modelId: created.id,
              kind,
              date: day('2024-02-01'),
              seq: i + 1,
            })),
          });
        },
      ],
      [
        'an organization and its placement ended',
        async () => {
          const org = await p.organization.findFirst({ where: { models: { some: {} } }, include: { placements: true } });
          await p.organizationPlacement.update({ where: { id: org!.placements[0]!.id }, data: { validTo: day('2024-05-31') } });
          await p.organization.update({ where: { id: org!.id }, data: { validTo: day('2024-12-31') } });
        },
      ],
      [
        'a model of another type',
        async () => {
          const type = await p.modelType.findFirst({ where: { id: { not: model.modelTypeId } } });
          await p.model.update({ where: { id: model.id }, data: { modelTypeId: type!.id } });
        },
      ],
      ['a model deleted with its events', () => p.model.delete({ where: { id: model.id } })],
    ];
    for (const [what, write] of writes) {
      await write();
      expect(await stale(), `after ${what}`).toBe(0);
    }
    // The writes did move the figures (the test would fail on stale steps) …
    expect(total(await figures70('2024-06-30'))).not.toEqual(before);
    // … and the steps still count what core counts from the rows.
    for (const [unitCode, date] of [
      ['70', '2024-06-30'],
      ['70', '2024-12-31'],
      ['75', '2026-06-01'],
    ] as const) {
      const data = await readCoverageData(ctx.db.prisma, date);
      const sql = await readCoverageRows(p, { unitCode, unitsOn: date, figuresOn: date, lineage: false });
      const byId = (list: readonly { communeId: string }[]) => new Map(list.map((c) => [c.communeId, c]));
      expect(byId(sql.data.communes), `${unitCode} on ${date}`).toEqual(
        byId(countCommunes(data, date).communes.filter((c) => sql.units.has(c.communeId))),
      );
    }
  });

  it('are left as they are by an update that changes nothing they count (a version, a name), and recomputed once by one that does', async () => {
    const p = ctx.db.prisma;
    const model = (await p.model.findFirst({
      where: { hostKind: 'RESIDENTIAL_AREA', residentialArea: { placements: { some: {} } } },
      include: { residentialArea: { include: { placements: true } } },
    }))!;
    const communes = [...new Set(model.residentialArea!.placements.map((pl) => pl.communeId))];
    // The transaction that last wrote each step of those communes: a refresh rewrites them all.
    const writers = async () =>
      (
        await p.$queryRaw<
          { x: string }[]
        >`SELECT string_agg(xmin::text, ',' ORDER BY id) AS x FROM "CoverageStep" WHERE "communeId" = ANY (${communes}::uuid[])`
      )[0]!.x;
    const untouched = await writers();
    expect(untouched).toBeTruthy();
    await p.model.update({ where: { id: model.id }, data: { version: { increment: 1 }, name: `${model.name} (đổi tên)` } });
    await p.residentialArea.update({ where: { id: model.residentialAreaId! }, data: { version: { increment: 1 }, households: 321 } });
    await p.$executeRaw`UPDATE "ResidentialAreaPlacement" SET "placeCodes" = "placeCodes" WHERE "residentialAreaId" = ${model.residentialAreaId}::uuid`;
    expect(await writers()).toBe(untouched);
    // A lifecycle event moved by a day is a change: the communes are recomputed, and right.
    const event = (await p.lifecycleEvent.findFirst({ where: { modelId: model.id }, orderBy: { seq: 'desc' } }))!;
    await p.lifecycleEvent.update({ where: { id: event.id }, data: { date: new Date(event.date.getTime() + 86_400_000) } });
    expect(await writers()).not.toBe(untouched);
    expect(await stale()).toBe(0);
    // Moved back (the next test finds the data as it was), and right again.
    await p.lifecycleEvent.update({ where: { id: event.id }, data: { date: event.date } });
    expect(await stale()).toBe(0);
  });

  it('wait for a bulk load that defers them, and are right once it refreshes', async () => {
    const p = ctx.db.prisma;
    // A model active through 2024, so that dissolving it in January moves the figures.
    const model = (await p.model.findFirst({
      where: {
        hostKind: 'RESIDENTIAL_AREA',
        events: { some: { kind: 'ACTIVATE', date: { lt: day('2024-01-01') } }, none: { kind: { in: ['SUSPEND', 'DISSOLVE'] } } },
      },
      include: { events: { orderBy: { seq: 'desc' }, take: 1 } },
      orderBy: { id: 'asc' },
    }))!;
    await p.$transaction(async (tx) => {
      await deferCoverageSteps(tx);
      await tx.lifecycleEvent.create({
        data: { modelId: model.id, kind: 'DISSOLVE', date: day('2024-01-15'), seq: model.events[0]!.seq + 1 },
      });
      expect((await checkCoverageSteps(tx)).missing).toBeGreaterThan(0);
      await refreshCoverageSteps(tx, 'all');
      expect(await checkCoverageSteps(tx)).toMatchObject({ missing: 0, extra: 0 });
    });
    expect(await stale()).toBe(0);
  });
});

describe('a blank unit code', () => {
  it('is refused as BAD_USER_INPUT naming the argument, not taken for the whole jurisdiction nor answered with an internal error', async () => {
    for (const lineage of [false, true]) {
      const body = await server.query<any>(
        `query($l: Boolean) { coverage(unitCode: " ", asOf: "2085-09-24", lineage: $l) { residentialAreas } }`,
        { l: lineage },
      );
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BLANK_UNIT_CODE', argument: 'unitCode' });
      expect(body.errors?.[0]?.message).toContain('Argument unitCode is blank: give a unit code');
    }
  });
});
