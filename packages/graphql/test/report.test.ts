/**
 * The movement report (issue #8, item 8): its sections for Bình Phước in 2024 from the demo
 * data, key areas only, who may read it, and a constant number of statements.
 */
import { seedDemo } from '@antq/db';
import type { PartnerScope } from '@antq/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../src/auth/api-keys.js';
import { tokenFor, usePreparedServer, type TestServer } from './support/server.js';

const ctx = usePreparedServer();
let server: TestServer;
let province: Record<string, string>;
beforeAll(async () => {
  ({ server } = ctx);
  await seedDemo(ctx.db);
  province = { authorization: `Bearer ${await tokenFor('PROVINCE_OFFICER', '75')}` };
}, 120_000);

const REPORT = `query($unit: String!, $from: Date!, $to: Date!, $key: Boolean, $lang: Language) {
  movementReportData(unitCode: $unit, from: $from, to: $to, keyAreasOnly: $key, language: $lang) {
    unit { code } from to keyAreasOnly keyAreaCount language text
    sections { key title sentences figures { key label value breakdown { key label value } } }
  }
}`;
const YEAR = { unit: '70', from: '2024-01-01', to: '2024-12-31' };
const figure = (report: any, key: string) => report.sections.flatMap((s: any) => s.figures).find((f: any) => f.key === key)?.value;

describe('movementReportData', () => {
  it('speaks of models, exemplars, commendations, key areas and people of influence in Bình Phước, 2024', async () => {
    const { data, errors } = await server.query<any>(REPORT, YEAR, province);
    expect(errors).toBeUndefined();
    const r = data.movementReportData;
    expect(r.sections.map((s: any) => s.key)).toEqual([
      'coverage',
      'exemplars',
      'inspections',
      'outreach',
      'reintegration',
      'commendations',
      'keyAreas',
      'influence',
      'assessments',
    ]);
    expect(figure(r, 'coverage.residentialAreas')).toBe(866);
    for (const key of ['exemplars.recognised', 'commendations.total', 'keyAreas.units', 'influence.people', 'partners.models'])
      expect(figure(r, key)).toBeGreaterThan(0);
  });
});

describe('movementReportData: key areas, access, cost', () => {
  it('narrows every figure to the key areas with keyAreasOnly', async () => {
    const all = (await server.query<any>(REPORT, YEAR, province)).data.movementReportData;
    const { data, errors } = await server.query<any>(REPORT, { ...YEAR, key: true }, province);
    expect(errors).toBeUndefined();
    const key = data.movementReportData;
    expect(key.keyAreasOnly).toBe(true);
    expect(key.keyAreaCount).toBe(figure(all, 'keyAreas.units'));
    const areas = figure(key, 'coverage.residentialAreas');
    expect(areas).toBeGreaterThan(0);
    expect(areas).toBeLessThan(866);
    for (const f of ['coverage.activeModels', 'exemplars.recognised', 'commendations.total', 'influence.people', 'partners.models'])
      expect(figure(key, f)).toBeLessThanOrEqual(figure(all, f));
    expect(figure(key, 'keyAreas.units')).toBe(figure(all, 'keyAreas.units'));
    expect(key.text).toContain('tại các địa bàn trọng điểm');
  });

  it('is written in English, numbers grouped the English way', async () => {
    const r = (await server.query<any>(REPORT, { ...YEAR, lang: 'EN' }, province)).data.movementReportData;
    expect(r.language).toBe('EN');
    expect(r.text).toMatch(/^As of 31\/12\/2024, Bình Phước province has 14 kinds of models/);
    expect(r.text).toMatch(/exemplars were recognised/);
    expect(r.text).toMatch(/1,\d{3} models are active/);
  });

  it('is refused to the public, to officers of other units and to area leaders; partners need read:aggregates', async () => {
    const refused = async (headers: Record<string, string>) =>
      (await server.query<any>(REPORT, YEAR, headers)).errors?.[0]?.extensions?.code;
    expect(await refused({})).toBe('FORBIDDEN');
    expect(await refused({ authorization: `Bearer ${await tokenFor('PROVINCE_OFFICER', '01')}` })).toBe('FORBIDDEN');
    expect(await refused({ authorization: `Bearer ${await tokenFor('COMMUNE_OFFICER', '25195')}` })).toBe('FORBIDDEN');
    expect(
      await refused({
        authorization: `Bearer ${await tokenFor('AREA_LEADER', '25195', { areaId: '00000000-0000-0000-0000-000000000001' })}`,
      }),
    ).toBe('FORBIDDEN');
    expect(await refused({ authorization: `Bearer ${await tokenFor('NATIONAL', null)}` })).toBeUndefined();
    const partner = async (scopes: PartnerScope[], unitCode: string | null = null) =>
      refused({ 'x-api-key': (await issueApiKey(ctx.db.prisma, { name: 'Report partner', scopes, unitCode, issuedBy: 'test' })).key });
    expect(await partner(['read:aggregates'])).toBeUndefined();
    expect(await partner(['read:aggregates'], '01')).toBe('FORBIDDEN');
    expect(await partner(['read:models', 'read:areas'])).toBe('FORBIDDEN');
  });

  it('answers bad arguments with typed errors', async () => {
    const code = async (vars: Record<string, unknown>) =>
      (await server.query<any>(REPORT, { ...YEAR, ...vars }, province)).errors?.[0]?.extensions?.code;
    expect(await code({ from: '2025-01-01' })).toBe('BAD_USER_INPUT');
    expect(await code({ unit: '7' })).toBe('BAD_USER_INPUT');
    expect(await code({ unit: '70', to: '2025-12-31' })).toBe('NOT_FOUND');
  });

  it('costs the same number of statements for a commune as for the province', async () => {
    const count = async (unit: string, headers: Record<string, string>) => {
      const { body, statements } = await server.queryCounting<any>(REPORT, { ...YEAR, unit, key: true }, headers);
      expect(body.errors).toBeUndefined();
      return statements.length;
    };
    const provinceCount = await count('70', province);
    // A commune of the demo: its officers read it (and the province's officers too).
    const communeCount = await count('25195', province);
    expect(communeCount).toBeLessThanOrEqual(provinceCount + 2); // one lookup more per level of the hierarchy above
    expect(provinceCount).toBeLessThanOrEqual(16);
  });
});

describe('movementReport (text)', () => {
  it('gives the public the coverage sentences only, and the province officer every section', async () => {
    const q = `{ movementReport(unitCode: "70", asOf: "2024-12-31") }`;
    const pub = (await server.query<any>(q)).data.movementReport as string;
    expect(pub).toContain('866/866');
    expect(pub).not.toContain('điển hình');
    const full = (await server.query<any>(q, {}, province)).data.movementReport as string;
    expect(full).toContain('866/866');
    for (const words of ['điển hình tiên tiến', 'khen thưởng', 'địa bàn trọng điểm', 'chức sắc tôn giáo']) expect(full).toContain(words);
    expect(
      (await server.query<any>(`{ movementReport(unitCode: "70", asOf: "2024-12-31", keyAreasOnly: true) }`)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });
});
