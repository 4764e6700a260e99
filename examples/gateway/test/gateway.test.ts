import { seedDemo, type Database } from '@antq/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// antq's own test harness: a copy of a prepared database with the real administrative units.
import { openPreparedDatabase } from '../../../packages/graphql/test/support/prepared-database.js';
import { TEST_SECRETS, TEST_TODAY, tokenFor } from '../../../packages/graphql/test/support/server.js';
import type { Patrol } from '../src/patrols.js';
import { startAll, type Running } from '../src/start.js';

let db: Database;
let running: Running;
const as: Record<string, Record<string, string>> = {};
let areaIds: string[] = [];
const DAY = '2026-06-01';

async function gateway(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(running.urls.gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as {
    data?: any;
    errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  };
}

beforeAll(async () => {
  db = await openPreparedDatabase();
  await seedDemo(db);
  const areas = await db.prisma.residentialArea.findMany({
    where: { datasetId: { not: null }, placements: { some: { placeCodes: { has: '75' } } } },
    orderBy: { id: 'asc' },
    take: 3,
    select: { id: true },
  });
  areaIds = areas.map((a) => Buffer.from(`ResidentialArea:${a.id}`).toString('base64'));
  const patrols: Patrol[] = [
    { areaId: areaIds[0]!, date: DAY, shift: 'NIGHT', team: 'Tổ tuần tra 1' },
    { areaId: areaIds[0]!, date: DAY, shift: 'MORNING', team: 'Tổ tuần tra 2' },
    { areaId: areaIds[1]!, date: DAY, shift: 'AFTERNOON', team: 'Tổ tuần tra 3' },
    { areaId: areaIds[0]!, date: '2026-06-02', shift: 'MORNING', team: 'Tổ tuần tra 1' },
  ];
  running = await startAll({ db, secrets: TEST_SECRETS, patrols, ports: { antq: 0, patrols: 0, gateway: 0 }, clock: () => TEST_TODAY });
  const bearer = async (t: Promise<string>) => ({ authorization: `Bearer ${await t}` });
  as.province = await bearer(tokenFor('PROVINCE_OFFICER', '75'));
  as.otherProvince = await bearer(tokenFor('PROVINCE_OFFICER', '01'));
}, 300_000);

afterAll(async () => {
  await running?.stop();
  await db?.close();
});

describe('one query across antq and the patrol service, through Hive Gateway', () => {
  it('answers antq’s areas with the partner’s patrols, for an officer of the province', async () => {
    const { data, errors } = await gateway(
      `{ residentialAreas(unitCode: "75", asOf: "${DAY}", first: 3) { edges { node { id name commune { code } patrols(from: "${DAY}", to: "${DAY}") { shift team } } } } }`,
      as.province,
    );
    expect(errors).toBeUndefined();
    const byId = new Map(data.residentialAreas.edges.map((e: any) => [e.node.id, e.node]));
    expect((byId.get(areaIds[0]) as any).patrols).toEqual([
      { shift: 'MORNING', team: 'Tổ tuần tra 2' },
      { shift: 'NIGHT', team: 'Tổ tuần tra 1' },
    ]);
    expect((byId.get(areaIds[1]) as any).patrols).toEqual([{ shift: 'AFTERNOON', team: 'Tổ tuần tra 3' }]);
    expect((byId.get(areaIds[0]) as any).name).toBeTypeOf('string');
  });

  it('answers the partner’s patrols with antq’s areas (through antq’s _entities)', async () => {
    const { data, errors } = await gateway(
      `{ patrolsOn(date: "${DAY}") { shift team area { id name commune { code } isDemo } } }`,
      as.province,
    );
    expect(errors).toBeUndefined();
    expect(data.patrolsOn.map((p: any) => [p.shift, p.area.id])).toEqual([
      ['MORNING', areaIds[0]],
      ['AFTERNOON', areaIds[1]],
      ['NIGHT', areaIds[0]],
    ]);
    expect(data.patrolsOn[0].area).toMatchObject({ isDemo: true, commune: { code: expect.stringMatching(/^\d{5}$/) } });
  });

  it('passes the caller’s Authorization to antq: outside the jurisdiction the areas are null, as node(id:) answers, and a list is FORBIDDEN', async () => {
    const { data } = await gateway(`{ patrolsOn(date: "${DAY}") { shift area { name } } }`, as.otherProvince);
    expect(data.patrolsOn).toEqual([
      { shift: 'MORNING', area: null },
      { shift: 'AFTERNOON', area: null },
      { shift: 'NIGHT', area: null },
    ]);
    const areas = await gateway(`{ residentialAreas(unitCode: "75", asOf: "${DAY}", first: 3) { totalCount } }`, as.otherProvince);
    expect(areas.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', unitCode: '75' });
  });

  it('passes it to the patrol service too: without a token it refuses, and antq refuses its own fields', async () => {
    const patrols = await gateway(`{ patrolsOn(date: "${DAY}") { shift } }`);
    expect(patrols.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const areas = await gateway(`{ residentialAreas(unitCode: "75", first: 1) { totalCount } }`);
    expect(areas.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('serves antq’s own queries unchanged through the gateway', async () => {
    const { data } = await gateway(`{ adminUnit(code: "70", asOf: "2024-06-01") { fullName children { totalCount } } }`);
    expect(data).toEqual({ adminUnit: { fullName: 'Tỉnh Bình Phước', children: { totalCount: 11 } } });
  });
});
