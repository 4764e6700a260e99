/**
 * The movement report (issue #8, item 8): its sections for Bình Phước in 2024 from the demo
 * data, key areas only, who may read it, and a constant number of statements.
 */
import { seedDemo } from '@antq/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFor, usePreparedServer, type TestServer } from './support/server.js';

const ctx = usePreparedServer();
let server: TestServer;
let province: Record<string, string>;
beforeAll(async () => {
  ({ server } = ctx);
  await seedDemo(ctx.db);
  province = { authorization: `Bearer ${await tokenFor('PROVINCE_OFFICER', '70')}` };
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
    console.log(r.text);
    expect(r.sections.map((s: any) => s.key)).toEqual(['coverage', 'exemplars', 'commendations', 'keyAreas', 'influence']);
    expect(figure(r, 'coverage.residentialAreas')).toBe(866);
    for (const key of ['exemplars.recognised', 'commendations.total', 'keyAreas.units', 'influence.people', 'partners.models']) expect(figure(r, key)).toBeGreaterThan(0);
  });
});
