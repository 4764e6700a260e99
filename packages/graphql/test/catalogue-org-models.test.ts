import { seedDemo } from '@antq/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { pagesOf5And50 } from './support/page-cost.js';
import { tokenFor, usePreparedServer, type TestServer } from './support/server.js';

const ctx = usePreparedServer();
let server: TestServer;
const as: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  server = ctx.server;
  await seedDemo(ctx.db);
  const bearer = async (t: Promise<string>) => ({ authorization: `Bearer ${await t}` });
  as.public = {};
  as.national = await bearer(tokenFor('NATIONAL', null));
  as.province = await bearer(tokenFor('PROVINCE_OFFICER', '75'));
  as.otherProvince = await bearer(tokenFor('PROVINCE_OFFICER', '01'));
});

const NODE = `query($id: ID!) { node(id: $id) { __typename id
  ... on ModelType { code name category catalogue { id provinceCode } }
  ... on ModelCatalogue { code types { id } }
  ... on Organization { name kind isDemo version commune(asOf: "2025-12-31") { code } models(first: 5) { totalCount } }
  ... on Model { name modelType { id } } } }`;

describe('node(id) for catalogues, model types, organizations and models', () => {
  it('round-trips a model catalogue and a model type, for anyone', async () => {
    const { data } = await server.query<any>(`{ modelCatalogues(provinceCode: "70") { id code types { id code } } }`);
    const catalogue = data.modelCatalogues[0];
    const type = catalogue.types[0];
    const c = await server.query<any>(NODE, { id: catalogue.id }, as.public);
    expect(c.data.node).toMatchObject({ __typename: 'ModelCatalogue', id: catalogue.id, code: catalogue.code });
    expect(c.data.node.types).toHaveLength(14);
    const t = await server.query<any>(NODE, { id: type.id }, as.public);
    expect(t.data.node).toMatchObject({
      __typename: 'ModelType',
      id: type.id,
      code: type.code,
      catalogue: { id: catalogue.id, provinceCode: '70' },
    });
  });

  it('answers null for a missing or malformed catalogue or type', async () => {
    for (const id of [
      Buffer.from('ModelType:00000000-0000-0000-0000-000000000000').toString('base64'),
      Buffer.from('ModelCatalogue:tổ').toString('base64'),
    ]) {
      expect((await server.query<any>(NODE, { id }, as.public)).data.node).toBeNull();
    }
  });

  it('round-trips an organization and a model inside the jurisdiction, null outside', async () => {
    const orgs = await server.query<any>(
      `{ organizations(unitCode: "75", asOf: "2025-12-31", first: 1) { edges { node { id name } } } }`,
      undefined,
      as.province,
    );
    const org = orgs.data.organizations.edges[0].node;
    const models = await server.query<any>(
      `{ models(unitCode: "75", asOf: "2025-12-31", first: 1) { edges { node { id name } } } }`,
      undefined,
      as.province,
    );
    const model = models.data.models.edges[0].node;
    const o = await server.query<any>(NODE, { id: org.id }, as.province);
    expect(o.data.node).toMatchObject({
      __typename: 'Organization',
      id: org.id,
      name: org.name,
      isDemo: true,
      commune: { code: expect.any(String) },
    });
    const m = await server.query<any>(NODE, { id: model.id }, as.province);
    expect(m.data.node).toMatchObject({ __typename: 'Model', id: model.id, name: model.name, modelType: { id: expect.any(String) } });
    for (const id of [org.id, model.id]) {
      expect((await server.query<any>(NODE, { id }, as.otherProvince)).data.node).toBeNull();
      expect((await server.query<any>(NODE, { id }, as.public)).data.node).toBeNull();
    }
  });
});

const ORGS = `query($k: OrganizationKind) { organizations(unitCode: "75", asOf: "2025-12-31", kind: $k, first: 3) { totalCount edges { node { kind } } } }`;
const MODELS = `query($t: ID) { models(unitCode: "75", asOf: "2025-12-31", modelTypeId: $t, first: 3) { totalCount edges { node { modelType { id } } } } }`;

describe('organizations and models by unit and date', () => {
  it('lists organizations within the jurisdiction: province 75 sees them, 01 and the public are refused', async () => {
    const national = (await server.query<any>(ORGS, {}, as.national)).data.organizations.totalCount;
    expect(national).toBeGreaterThan(0);
    expect((await server.query<any>(ORGS, {}, as.province)).data.organizations.totalCount).toBe(national);
    expect((await server.query<any>(ORGS, {}, as.otherProvince)).errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      unitCode: '75',
    });
    expect((await server.query<any>(ORGS, {}, as.public)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const before = await server.query<any>(
      `{ organizations(unitCode: "75", asOf: "2024-12-31", first: 1) { totalCount } }`,
      undefined,
      as.national,
    );
    expect(before.data.organizations.totalCount).toBe(0);
  });

  it('filters organizations by kind', async () => {
    const all = (await server.query<any>(ORGS, {}, as.province)).data.organizations.totalCount;
    let sum = 0;
    for (const k of ['AGENCY', 'ENTERPRISE', 'SCHOOL']) {
      const r = await server.query<any>(ORGS, { k }, as.province);
      expect(r.data.organizations.edges.every((e: any) => e.node.kind === k)).toBe(true);
      sum += r.data.organizations.totalCount;
    }
    expect(sum).toBe(all);
  });

  it('lists models within the jurisdiction: province 75 sees them, 01 and the public are refused', async () => {
    const national = (await server.query<any>(MODELS, {}, as.national)).data.models.totalCount;
    expect(national).toBeGreaterThan(0);
    expect((await server.query<any>(MODELS, {}, as.province)).data.models.totalCount).toBe(national);
    expect((await server.query<any>(MODELS, {}, as.otherProvince)).errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      unitCode: '75',
    });
    expect((await server.query<any>(MODELS, {}, as.public)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('filters models by type, given its global ID or its bare uuid', async () => {
    const all = (await server.query<any>(MODELS, {}, as.province)).data.models;
    const typeId = all.edges[0].node.modelType.id;
    const byGlobal = (await server.query<any>(MODELS, { t: typeId }, as.province)).data.models;
    const bare = Buffer.from(typeId, 'base64').toString().split(':')[1];
    const byBare = (await server.query<any>(MODELS, { t: bare }, as.province)).data.models;
    expect(byGlobal.totalCount).toBeGreaterThan(0);
    expect(byGlobal.totalCount).toBeLessThan(all.totalCount);
    expect(byBare.totalCount).toBe(byGlobal.totalCount);
    expect(byGlobal.edges.every((e: any) => e.node.modelType.id === typeId)).toBe(true);
    expect((await server.query<any>(MODELS, { t: 'tổ' }, as.province)).data.models.totalCount).toBe(0);
  });

  it('refuses a page larger than the maximum', async () => {
    const r = await server.query<any>(`{ models(unitCode: "75", first: 101) { totalCount } }`, undefined, as.province);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('SQL statements', () => {
  const page = (n: number) => `{ models(unitCode: "75", asOf: "2025-12-31", first: ${n}) { totalCount edges { node {
    name state(asOf: "2025-12-31") modelType { name code } latestEvaluation { outcome periodTo } } } } }`;

  it('a page of models with their type and latest evaluation costs the same for 5 and 50', async () => {
    const { small } = await pagesOf5And50(server, page, 'models', as.province);
    expect(small.statements.length).toMatchInlineSnapshot(`5`);
  });
});
