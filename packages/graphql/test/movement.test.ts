import { seedDemo } from '@antq/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../src/auth/api-keys.js';
import { tokenFor, usePreparedServer, type TestServer } from './support/server.js';
import { pagesOf5And50 } from './support/page-cost.js';
import { gid, rawId } from './support/ids.js';

const ctx = usePreparedServer();
let server: TestServer;
const as: Record<string, Record<string, string>> = {};
let commune = '';
let areaId = '';

beforeAll(async () => {
  server = ctx.server;
  await seedDemo(ctx.db);
  const bearer = async (t: Promise<string>) => ({ authorization: `Bearer ${await t}` });
  as.national = await bearer(tokenFor('NATIONAL', null));
  as.province = await bearer(tokenFor('PROVINCE_OFFICER', '75'));
  as.otherProvince = await bearer(tokenFor('PROVINCE_OFFICER', '01'));
  const first = await server.query<any>(
    `{ residentialAreas(unitCode: "75", asOf: "2025-12-31", first: 1) { edges { node { id commune(asOf: "2025-12-31") { code } } } } }`,
    undefined,
    as.national,
  );
  commune = first.data.residentialAreas.edges[0].node.commune.code;
  areaId = first.data.residentialAreas.edges[0].node.id;
  as.commune = await bearer(tokenFor('COMMUNE_OFFICER', commune));
  as.otherCommune = await bearer(tokenFor('COMMUNE_OFFICER', '00004'));
  as.leader = await bearer(tokenFor('AREA_LEADER', commune, { areaId: Buffer.from(areaId, 'base64').toString().split(':')[1]! }));
  as.partner = {
    'x-api-key': (await issueApiKey(ctx.db.prisma, { name: 'Sở Y tế', scopes: ['read:areas', 'read:models'], issuedBy: 'test' })).key,
  };
  as.aggregatesOnly = {
    'x-api-key': (await issueApiKey(ctx.db.prisma, { name: 'Báo chí', scopes: ['read:aggregates'], issuedBy: 'test' })).key,
  };
});

const COUNT = `query($u: String!, $d: Date) { residentialAreas(unitCode: $u, asOf: $d, first: 1) { totalCount } }`;

describe('residential areas by unit and date', () => {
  it('finds the 866 demo areas of Bình Phước in 2024 and in Đồng Nai after the reform', async () => {
    const before = await server.query<any>(COUNT, { u: '70', d: '2024-12-31' }, as.national);
    const after = await server.query<any>(COUNT, { u: '75', d: '2025-12-31' }, as.national);
    const gone = await server.query<any>(COUNT, { u: '70', d: '2025-12-31' }, as.national);
    expect([before.data.residentialAreas.totalCount, after.data.residentialAreas.totalCount]).toEqual([866, 866]);
    // Province 70 ended on 2025-06-30: asked for on a later date, it is NOT_FOUND, saying what it became.
    expect(gone.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      argument: 'unitCode',
      unitCode: '70',
      became: [{ code: '75' }],
    });
    expect(gone.errors?.[0]?.message).toContain('merged into 75');
  });

  it.each([
    ['national', 'national', 866],
    ['the province officer', 'province', 866],
    ['a partner granted read:areas', 'partner', 866],
  ])('%s sees %i', async (_name, who, count) => {
    const r = await server.query<any>(COUNT, { u: '75', d: '2025-12-31' }, as[who]);
    expect(r.data.residentialAreas.totalCount).toBe(count);
  });

  it('refuses another province’s officer, naming the unit', async () => {
    const r = await server.query<any>(COUNT, { u: '75', d: '2025-12-31' }, as.otherProvince);
    expect(r.data).toBeNull();
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', argument: 'unitCode', unitCode: '75' });
    expect(r.errors?.[0]?.message).toContain('outside your jurisdiction');
  });

  it('narrows a commune officer to the commune and an area leader to the area', async () => {
    const own = await server.query<any>(COUNT, { u: commune, d: '2025-12-31' }, as.commune);
    const province = await server.query<any>(COUNT, { u: '75', d: '2025-12-31' }, as.commune);
    expect(own.data.residentialAreas.totalCount).toBeGreaterThan(0);
    expect(province.data.residentialAreas.totalCount).toBe(own.data.residentialAreas.totalCount);
    const outside = await server.query<any>(COUNT, { u: '75', d: '2025-12-31' }, as.otherCommune);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', argument: 'unitCode', unitCode: '75' });
    expect((await server.query<any>(COUNT, { u: '75', d: '2025-12-31' }, as.leader)).data.residentialAreas.totalCount).toBe(1);
  });

  it('refuses the public and partners without the scope', async () => {
    for (const headers of [{}, as.aggregatesOnly]) {
      const r = await server.query<any>(COUNT, { u: '75', d: '2025-12-31' }, headers);
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('answers node(id) inside the jurisdiction and null outside, as for a missing area', async () => {
    const q = `query($id: ID!) { node(id: $id) { ... on ResidentialArea { name isDemo commune { code } } } }`;
    const inside = await server.query<any>(q, { id: areaId }, as.province);
    expect(inside.data.node).toMatchObject({ isDemo: true, commune: { code: commune } });
    const outside = await server.query<any>(q, { id: areaId }, as.otherProvince);
    expect(outside).toEqual({ data: { node: null }, extensions: expect.anything() });
  });
});

describe('model catalogues', () => {
  it('are public: Bình Phước’s has 14 model types, the five of the seed report among them', async () => {
    const { data } = await server.query<any>(`{ modelCatalogues(provinceCode: "70") { provinceCode isDemo types { name } } }`);
    expect(data.modelCatalogues).toHaveLength(1);
    const names = data.modelCatalogues[0].types.map((t: any) => t.name);
    expect(names).toHaveLength(14);
    expect(names).toEqual(
      expect.arrayContaining(['Tổ an ninh nhân dân', 'Đội dân phòng', 'Tổ xung kích phòng, chống tội phạm', 'Đội xe ôm tự quản']),
    );
    expect(data.modelCatalogues[0]).toMatchObject({ provinceCode: '70', isDemo: true });
  });
});

describe('models', () => {
  const MODELS = `query($id: ID!) { node(id: $id) { ... on ResidentialArea { models(first: 20) { totalCount edges { node {
    name state(asOf: "2024-12-31") modelType { name } latestEvaluation { outcome periodTo } events { kind date }
    members(first: 5) { edges { node { fullName citizenId phone birthDate } } } } } } } } }`;

  it('has an active model in the area at the end of 2024, with its type, events and latest evaluation', async () => {
    const r = await server.query<any>(MODELS, { id: areaId }, as.province);
    const models = r.data.node.models.edges.map((e: any) => e.node);
    expect(models.length).toBeGreaterThan(0);
    expect(models.some((m: any) => m.state === 'ACTIVE')).toBe(true);
    expect(models[0].events[0].kind).toBe('PROPOSE');
    expect(models[0].modelType.name).toEqual(expect.any(String));
  });

  it('masks members’ personal data for partners, and shows it to the officers of the place', async () => {
    // An area with a model that records its members, and the officer of its commune today.
    const member = await ctx.db.prisma.modelMember.findFirstOrThrow({
      where: { model: { residentialAreaId: { not: null } } },
      include: { model: true },
    });
    const placement = await ctx.db.prisma.residentialAreaPlacement.findFirstOrThrow({
      where: { residentialAreaId: member.model.residentialAreaId!, validTo: null },
    });
    const id = Buffer.from(`ResidentialArea:${member.model.residentialAreaId}`).toString('base64');
    const officerHeaders = { authorization: `Bearer ${await tokenFor('COMMUNE_OFFICER', placement.communeCode)}` };
    const officer = await server.query<any>(MODELS, { id }, officerHeaders);
    const partner = await server.query<any>(MODELS, { id }, as.partner);
    const withMembers = (r: any) => r.data.node.models.edges.flatMap((e: any) => e.node.members.edges.map((m: any) => m.node));
    const seen = withMembers(officer);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.some((m: any) => m.citizenId !== null || m.phone !== null)).toBe(true);
    const masked = withMembers(partner);
    expect(masked.map((m: any) => m.fullName)).toEqual(seen.map((m: any) => m.fullName));
    expect(masked.every((m: any) => m.citizenId === null && m.phone === null && m.birthDate === null)).toBe(true);
  });

  it('counts the models of every area of a page as their lists hold them, with one count statement for the page', async () => {
    const PAGE = `{ residentialAreas(unitCode: "75", asOf: "2025-12-31", first: 20) { edges { node { id
      models(first: 20) { totalCount edges { node { id members(first: 20) { totalCount edges { node { id } } } } } } } } } }`;
    const { body, statements } = await server.queryCounting<any>(PAGE, undefined, as.province);
    expect(body.errors).toBeUndefined();
    const areas = body.data!.residentialAreas.edges.map((e: any) => e.node);
    const models = areas.flatMap((a: any) => a.models.edges.map((e: any) => e.node));
    expect(areas.some((a: any) => a.models.totalCount > 1) && models.some((m: any) => m.members.totalCount > 0)).toBe(true);
    for (const a of areas) {
      expect(a.models.totalCount).toBe(a.models.edges.length);
      expect(a.models.totalCount).toBe(await ctx.db.prisma.model.count({ where: { residentialAreaId: rawId(a.id) } }));
    }
    for (const m of models) expect(m.members.totalCount).toBe(m.members.edges.length);
    // Counted for the page's areas only (`IN (…)`), never as an aggregate of every model joined to the page.
    const counts = statements.filter((s) => /COUNT\(\*\)/.test(s) && /GROUP BY "public"\."Model"\."residentialAreaId"/.test(s));
    expect(counts).toHaveLength(1);
    expect(counts[0]).toMatch(/"residentialAreaId" IN \(/);
    expect(statements.some((s) => /LEFT JOIN \(SELECT "public"\."Model"\.[^)]*COUNT\(\*\)/.test(s))).toBe(false);
    // An area leader's viewer counts only what it may see: its own area's models.
    const leader = await server.query<any>(PAGE, undefined, as.leader);
    const own = leader.data.residentialAreas.edges.map((e: any) => e.node);
    expect(own.map((a: any) => a.id)).toEqual([areaId]);
    expect(own[0].models.totalCount).toBe(await ctx.db.prisma.model.count({ where: { residentialAreaId: rawId(areaId) } }));
  });
});

describe('every record is a node', () => {
  it('finds events, evaluations, members, replication points and team evaluations by ID, and only within the jurisdiction', async () => {
    const prisma = ctx.db.prisma;
    const point = await prisma.replicationPoint.findFirstOrThrow();
    const member = await prisma.modelMember
      .findFirstOrThrow({ where: { modelId: point.replicaModelId } })
      .catch(() => prisma.modelMember.findFirstOrThrow());
    const ids = [
      gid('LifecycleEvent', (await prisma.lifecycleEvent.findFirstOrThrow()).id),
      gid('ModelEvaluation', (await prisma.modelEvaluation.findFirstOrThrow()).id),
      gid('ModelMember', member.id),
      gid('ReplicationPoint', point.id),
      gid('TeamEvaluation', (await prisma.teamEvaluation.findFirstOrThrow()).id),
    ];
    const q = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`;
    const inside = await server.query<any>(q, { ids }, as.province);
    expect(inside.errors).toBeUndefined();
    expect(inside.data.nodes.map((n: any) => n?.__typename)).toEqual([
      'LifecycleEvent',
      'ModelEvaluation',
      'ModelMember',
      'ReplicationPoint',
      'TeamEvaluation',
    ]);
    expect(inside.data.nodes.map((n: any) => n.id)).toEqual(ids);
    const outside = await server.query<any>(q, { ids }, as.otherProvince);
    expect(outside.data.nodes).toEqual([null, null, null, null, null]);
  });
});

describe('SQL statements', () => {
  const page = (n: number) => `{ residentialAreas(unitCode: "75", asOf: "2025-12-31", first: ${n}) { totalCount edges { node {
    name kind commune(asOf: "2025-12-31") { code }
    models(first: 10) { totalCount edges { node { name state(asOf: "2025-12-31") modelType { name } latestEvaluation { outcome } } } } } } } }`;

  it('a page of residential areas with their models and latest evaluation costs the same for 5 and 50', async () => {
    const { small } = await pagesOf5And50(server, page, 'residentialAreas', as.province);
    // The models' totalCount is a statement of its own, for the whole page (src/related-counts.ts).
    expect(small.statements.length).toMatchInlineSnapshot(`9`);
  });
});
