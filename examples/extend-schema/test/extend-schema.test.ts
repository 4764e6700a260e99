import { seedDemo, type Database } from '@antq/db';
import { antqSchema, issueApiKey } from '@antq/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// antq's own test harness: a copy of a prepared database with the real administrative units.
import { openPreparedDatabase } from '../../../packages/graphql/test/support/prepared-database.js';
import { createTestServer, tokenFor, type TestServer } from '../../../packages/graphql/test/support/server.js';
import { fireInspections } from '../src/extension.js';
import { migrateFireSafety } from '../src/tables.js';

let db: Database;
let server: TestServer;
const as: Record<string, Record<string, string>> = {};
let areas: Array<{ id: string; models: string[] }> = [];
let commune = '';

const RECORD = `mutation($input: RecordFireInspectionInput!) { recordFireInspection(input: $input) { result {
  __typename
  ... on FireInspection { id inspectedOn outcome hazards note accompaniedBy { id } }
  ... on UserError { code messageVi messageEn }
  ... on ValidationError { fields { path message } }
} } }`;

beforeAll(async () => {
  db = await openPreparedDatabase();
  await seedDemo(db);
  // Built before the extension is added: antq's own schema stays as it is.
  antqSchema();
  server = createTestServer(db, () => {}, { extensions: [fireInspections] });
  await fireInspections.migrate!(db);
  const bearer = async (t: Promise<string>) => ({ authorization: `Bearer ${await t}` });
  as.national = await bearer(tokenFor('NATIONAL', null));
  as.province = await bearer(tokenFor('PROVINCE_OFFICER', '75'));
  as.otherProvince = await bearer(tokenFor('PROVINCE_OFFICER', '01'));
  const page = await server.query<any>(
    `{ residentialAreas(unitCode: "75", asOf: "2025-12-31", first: 60) { edges { node { id commune(asOf: "2025-12-31") { code } models(first: 3) { edges { node { id } } } } } } }`,
    undefined,
    as.national,
  );
  const edges = page.data!.residentialAreas.edges;
  areas = edges.map((e: any) => ({ id: e.node.id, models: e.node.models.edges.map((m: any) => m.node.id) }));
  commune = edges[0].node.commune.code;
  as.commune = await bearer(tokenFor('COMMUNE_OFFICER', commune));
  as.leader = await bearer(tokenFor('AREA_LEADER', commune, { areaId: Buffer.from(areas[0]!.id, 'base64').toString().split(':')[1]! }));
  as.partner = { 'x-api-key': (await issueApiKey(db.prisma, { name: 'Sở Y tế', scopes: ['read:areas'], issuedBy: 'test' })).key };
}, 300_000);

afterAll(() => db?.close());

describe('the combined schema', () => {
  it('adds the extension’s types and fields, and leaves antq’s own schema without them', () => {
    const extended = antqSchema({ extensions: [fireInspections] });
    expect(extended.getType('FireInspection')).toBeDefined();
    expect(Object.keys((extended.getType('ResidentialArea') as any).getFields())).toEqual(
      expect.arrayContaining(['fireInspections', 'fireSafety', 'name']),
    );
    expect(Object.keys((extended.getType('Model') as any).getFields())).toContain('fireInspectionsAccompanied');
    expect(antqSchema().getType('FireInspection')).toBeUndefined();
    expect(Object.keys((antqSchema().getType('ResidentialArea') as any).getFields())).not.toContain('fireInspections');
    // Every type of antq's is still there.
    expect(Object.keys(antqSchema().getTypeMap()).filter((t) => !extended.getType(t))).toEqual([]);
  });

  it('declares who may use each of its root fields, as antq’s own do', () => {
    const schema = antqSchema({ extensions: [fireInspections] });
    const undeclared = [schema.getQueryType()!, schema.getMutationType()!].flatMap((root) =>
      Object.values(root.getFields())
        .filter((field) => !(field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions?.authScopes)
        .map((field) => `${root.name}.${field.name}`),
    );
    expect(undeclared).toEqual([]);
    expect(schema.getMutationType()!.getFields().recordFireInspection).toBeDefined();
  });

  it('can be served as a federation subgraph too', () => {
    const subgraph = antqSchema({ extensions: [fireInspections], federation: true });
    expect(subgraph.getType('FireInspection')).toBeDefined();
    expect(Object.keys(subgraph.getQueryType()!.getFields())).toEqual(
      expect.arrayContaining(['_entities', '_service', 'residentialAreas']),
    );
  });

  it('migrates its own tables once: a second run applies nothing', async () => {
    expect(await migrateFireSafety(db)).toEqual([]);
    const steps = await db.prisma.$queryRaw<Array<{ version: number }>>`SELECT version FROM fire_safety.migration`;
    expect(steps).toEqual([{ version: 1 }]);
  });

  it('refuses a process a second, different set of extensions', () => {
    expect(() => antqSchema({ extensions: [], federation: true })).toThrow(/fire-inspections .*one set of extensions/);
  });
});

describe('recordFireInspection', () => {
  it('records an inspection of an area in the officer’s commune, with its audit entry, in one transaction', async () => {
    const input = {
      residentialAreaId: areas[0]!.id,
      inspectedOn: '2026-05-20',
      outcome: 'HAZARDS_FOUND',
      hazards: 2,
      note: 'Bình chữa cháy hết hạn',
      accompanyingModelId: areas[0]!.models[0] ?? null,
    };
    const { data, errors } = await server.query<any>(RECORD, { input }, as.commune);
    expect(errors).toBeUndefined();
    const result = data.recordFireInspection.result;
    expect(result).toMatchObject({
      __typename: 'FireInspection',
      inspectedOn: '2026-05-20',
      outcome: 'HAZARDS_FOUND',
      hazards: 2,
      note: 'Bình chữa cháy hết hạn',
    });
    expect(result.accompaniedBy?.id ?? null).toBe(areas[0]!.models[0] ?? null);
    const entry = await db.prisma.auditEntry.findFirst({ where: { action: 'recordFireInspection', entityId: result.id } });
    expect(entry).toMatchObject({ outcome: 'OK', actorRole: 'COMMUNE_OFFICER' });
    expect(entry!.placeCodes).toContain(commune);
    // Seen through antq's own type, and through node(id:).
    const area = await server.query<any>(
      `query($id: ID!) { node(id: $id) { ... on ResidentialArea { fireSafety { lastInspectedOn lastOutcome inspectionDue } fireInspections { id } } } }`,
      { id: areas[0]!.id },
      as.commune,
    );
    expect(area.data.node).toEqual({
      fireSafety: { lastInspectedOn: '2026-05-20', lastOutcome: 'HAZARDS_FOUND', inspectionDue: true },
      fireInspections: [{ id: result.id }],
    });
    const node = async (who: string) =>
      (await server.query<any>(`query($id: ID!) { node(id: $id) { id ... on FireInspection { hazards } } }`, { id: result.id }, as[who]))
        .data.node;
    expect(await node('province')).toEqual({ id: result.id, hazards: 2 });
    expect(await node('otherProvince')).toBeNull();
  });

  const base = () => ({ residentialAreaId: areas[0]!.id, inspectedOn: '2026-05-01', outcome: 'PASSED', hazards: 0 });
  it.each([
    ['a passed inspection with hazards', { hazards: 3 }, ['input', 'hazards']],
    ['hazards found without a count', { outcome: 'FAILED' }, ['input', 'hazards']],
    ['a negative count', { outcome: 'FAILED', hazards: -1 }, ['input', 'hazards']],
    ['a day in the future', { inspectedOn: '2026-06-02' }, ['input', 'inspectedOn']],
    ['a note too long', { note: 'x'.repeat(2001) }, ['input', 'note']],
    ['a model of another area', { accompanyingModelId: 'from another area' }, ['input', 'accompanyingModelId']],
  ])('answers ValidationError for %s, and writes nothing', async (_name, change, path) => {
    const input: Record<string, unknown> = { ...base(), ...change };
    if (input.accompanyingModelId === 'from another area')
      input.accompanyingModelId = areas.find((a, i) => i > 0 && a.models.length)!.models[0];
    const before = await count();
    const { data } = await server.query<any>(RECORD, { input }, as.commune);
    expect(data.recordFireInspection.result).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    expect(data.recordFireInspection.result.fields.map((f: any) => f.path)).toContainEqual(path);
    expect(await count()).toBe(before);
  });

  it.each([
    ['an officer of another province', 'otherProvince', 'NotFoundError'],
    ['an area leader (may read, not write)', 'leader', 'ForbiddenError'],
    ['a partner allowed to read areas', 'partner', 'ForbiddenError'],
  ])('answers %s with a typed error, audited', async (_name, who, typename) => {
    const { data } = await server.query<any>(RECORD, { input: { ...base(), residentialAreaId: areas[0]!.id } }, as[who]);
    expect(data.recordFireInspection.result.__typename).toBe(typename);
    expect(
      await db.prisma.auditEntry.count({
        where: { action: 'recordFireInspection', outcome: typename === 'NotFoundError' ? 'NOT_FOUND' : 'FORBIDDEN' },
      }),
    ).toBeGreaterThan(0);
  });

  it('answers NotFoundError for an ID that is not a residential area’s', async () => {
    const { data } = await server.query<any>(
      RECORD,
      { input: { ...base(), residentialAreaId: areas[0]!.models[0] ?? 'nope' } },
      as.national,
    );
    expect(data.recordFireInspection.result).toMatchObject({
      __typename: 'NotFoundError',
      code: 'NOT_FOUND',
      // The pipeline names the argument that is not an ID of its type.
      messageEn: 'No such residential area: input.residentialAreaId is not the ID of a ResidentialArea.',
    });
  });

  it('is refused to anyone not signed in, as every antq mutation', async () => {
    const r = await server.query<any>(RECORD, { input: base() });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

async function count(): Promise<number> {
  const [row] = await db.prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM fire_safety.inspection`;
  return row!.n;
}

describe('reading inspections through antq’s types', () => {
  beforeAll(async () => {
    // Three inspections in each of the first 60 areas, with a civil-defence team where the area has a model.
    for (const [i, area] of areas.entries()) {
      const areaId = Buffer.from(area.id, 'base64').toString().split(':')[1]!;
      const modelId = area.models[0] ? Buffer.from(area.models[0], 'base64').toString().split(':')[1]! : null;
      for (const day of ['2024-03-01', '2025-03-01', i % 2 ? '2026-03-01' : '2025-04-01']) {
        await db.prisma
          .$executeRaw`INSERT INTO fire_safety.inspection (residential_area_id, accompanying_model_id, inspected_on, outcome, hazards) VALUES (${areaId}::uuid, ${modelId}::uuid, ${day}::date, 'PASSED', 0)`;
      }
    }
  });

  const PAGE = `query($first: Int!) { residentialAreas(unitCode: "75", asOf: "2025-12-31", first: $first) { edges { node {
    name fireSafety { lastInspectedOn inspectionDue } fireInspections(last: 2) { inspectedOn outcome }
    models(first: 3) { edges { node { name fireInspectionsAccompanied } } }
  } } } }`;

  it('costs the same number of statements for a page of 5 areas as for 50', async () => {
    const small = await server.queryCounting<any>(PAGE, { first: 5 }, as.province);
    const large = await server.queryCounting<any>(PAGE, { first: 50 }, as.province);
    expect(small.body.errors).toBeUndefined();
    expect(large.body.data.residentialAreas.edges).toHaveLength(50);
    expect(large.statements.length).toBe(small.statements.length);
    // antq's page (areas, models, their counts) plus one statement per extension loader.
    expect(large.statements.filter((s) => s.includes('fire_safety'))).toHaveLength(2);
  });

  it('answers newest first, and whether an inspection is due (none passed in the last 365 days)', async () => {
    const { body } = await server.queryCounting<any>(PAGE, { first: 4 }, as.province);
    const [, second, third] = body.data.residentialAreas.edges.map((e: any) => e.node);
    // The second area: 2026-03-01 passed, within a year of 2026-06-01: not due.
    expect(second.fireInspections.map((f: any) => f.inspectedOn)).toEqual(['2026-03-01', '2025-03-01']);
    expect(second.fireSafety).toEqual({ lastInspectedOn: '2026-03-01', inspectionDue: false });
    // The third: last passed 2025-04-01, more than 365 days before 2026-06-01: due.
    expect(third.fireSafety).toEqual({ lastInspectedOn: '2025-04-01', inspectionDue: true });
    const withModel = body.data.residentialAreas.edges.map((e: any) => e.node).find((n: any) => n.models.edges.length);
    expect(withModel.models.edges[0].node.fireInspectionsAccompanied).toBeGreaterThanOrEqual(3);
  });

  it('refuses a list size outside 1 to 20', async () => {
    const r = await server.query<any>(
      `query($id: ID!) { node(id: $id) { ... on ResidentialArea { fireInspections(last: 21) { id } } } }`,
      { id: areas[0]!.id },
      as.national,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
