/**
 * The national-scale data through the API: what `antq seed national` writes (here one
 * province, 75, at scale 0.05, with the server's sealing) is what the API serves.
 */
import { NATIONAL_AS_OF, seedNational, type SeedNationalResult } from '@antq/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealWith } from '../src/startup.js';
import { tipSealer } from '../src/tips/sealing.js';
import { TEST_SECRETS, tokenFor, usePreparedServer, type TestServer } from './support/server.js';

const ctx = usePreparedServer();
let server: TestServer;
let result: SeedNationalResult;
let province: Record<string, string>;
let national: Record<string, string>;

beforeAll(async () => {
  ({ server } = ctx);
  result = await seedNational(ctx.db, {
    scale: 0.05,
    province: '75',
    seed: 75,
    seal: tipSealer(TEST_SECRETS.dataKey),
    sealPersonal: sealWith(TEST_SECRETS.dataKey),
  });
  province = { authorization: `Bearer ${await tokenFor('PROVINCE_OFFICER', '75')}` };
  national = { authorization: `Bearer ${await tokenFor('NATIONAL', null)}` };
}, 180_000);

describe('national-scale data through the API (issue #6, item 1)', () => {
  it('serves the generated inspections and outreach of the five years, and opens the re-integration cases sealed with the server key', async () => {
    const { data, errors } = await server.query<any>(
      `{ inspections(unitCode: "75", from: "2021-01-01", to: "2025-12-31", first: 3) { totalCount edges { node { id status unit { code } followUps { status } } } }
         outreachActivities(unitCode: "75", from: "2021-01-01", to: "2025-12-31", first: 3) { totalCount }
         reintegrationCases(unitCode: "75", asOf: "2025-12-31", first: 3) { totalCount edges { node { fullName citizenId offenceSummary notes { text } } } } }`,
      {},
      province,
    );
    expect(errors).toBeUndefined();
    expect(data.inspections.totalCount).toBe(result.counts.inspections);
    expect(data.outreachActivities.totalCount).toBe(result.counts.outreachActivities);
    expect(result.counts.reintegrationCases).toBeGreaterThan(0);
    expect(data.reintegrationCases.edges.length).toBeGreaterThan(0);
    for (const { node } of data.reintegrationCases.edges) {
      expect(node.fullName.length).toBeGreaterThan(3);
      expect(node.citizenId).toMatch(/^000\d{9}$/);
      expect(node.offenceSummary).toMatch(/Điều \d+/);
    }
  });

  it('gives the coverage of the province that the generator says it wrote', async () => {
    const written = result.coverage['75']!;
    expect(written.residentialAreas).toBeGreaterThan(100);
    const { data, errors } = await server.query<any>(
      `query($on: Date!) { coverage(unitCode: "75", asOf: $on) { residentialAreas residentialAreasWithActiveModel activeModels modelTypes } }`,
      { on: NATIONAL_AS_OF },
      national,
    );
    expect(errors).toBeUndefined();
    expect(data.coverage).toEqual({
      residentialAreas: written.residentialAreas,
      residentialAreasWithActiveModel: written.residentialAreasWithActiveModel,
      activeModels: written.activeModels,
      modelTypes: written.modelTypes,
    });
    expect(written.residentialAreas).toBe(result.counts.residentialAreas);
  });

  it('serves the generated tips to the province’s officers, opened with the server’s key', async () => {
    const { data, errors } = await server.query<any>(
      `{ tips(unitCode: "75", first: 20) { totalCount edges { node { number text hasInformantContact commune { code } events { status } messages { author text } } } } }`,
      undefined,
      province,
    );
    expect(errors).toBeUndefined();
    expect(data.tips.totalCount).toBe(result.counts.tips);
    for (const { node } of data.tips.edges) {
      expect(node.number).toMatch(/^TG-202[1-5]-\d{6}$/);
      expect(node.text.length).toBeGreaterThan(10);
      expect(node.events[0].status).toBe('RECEIVED');
      for (const m of node.messages) expect(m.text.length).toBeGreaterThan(5);
    }
    const withContact = data.tips.edges.find((e: any) => e.node.hasInformantContact);
    expect(withContact).toBeDefined();
  });

  it('lists the generated teams of the province, marked as generated (isDemo)', async () => {
    const { data, errors } = await server.query<any>(
      `query($on: Date!) { securityTeams(unitCode: "75", asOf: $on, first: 5) { totalCount edges { node { isDemo } } } }`,
      { on: NATIONAL_AS_OF },
      province,
    );
    expect(errors).toBeUndefined();
    expect(data.securityTeams.totalCount).toBe(result.counts.securityTeams);
    expect(data.securityTeams.edges.every((e: any) => e.node.isDemo)).toBe(true);
  });
});
