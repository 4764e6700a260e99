import { seedDemo } from '@antq/db';
import { printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { antqSchema } from '../src/index.js';
import { openPreparedDatabase } from './support/prepared-database.js';
import { createTestServer, tokenFor, type TestServer } from './support/server.js';
import type { Database } from '@antq/db';

let db: Database;
let subgraph: TestServer;
let plain: TestServer;
const as: Record<string, Record<string, string>> = {};
let areaIds: string[] = [];
let modelIds: string[] = [];

beforeAll(async () => {
  db = await openPreparedDatabase();
  await seedDemo(db);
  plain = createTestServer(db);
  subgraph = createTestServer(db, () => {}, { federation: true });
  const bearer = async (t: Promise<string>) => ({ authorization: `Bearer ${await t}` });
  as.national = await bearer(tokenFor('NATIONAL', null));
  as.province = await bearer(tokenFor('PROVINCE_OFFICER', '75'));
  as.otherProvince = await bearer(tokenFor('PROVINCE_OFFICER', '01'));
  const page = await plain.query<any>(
    `{ models(unitCode: "75", asOf: "2025-12-31", first: 50) { edges { node { id residentialArea { id } } } } }`,
    undefined,
    as.national,
  );
  modelIds = page.data.models.edges.map((e: any) => e.node.id);
  areaIds = [...new Set<string>(page.data.models.edges.map((e: any) => e.node.residentialArea.id))];
}, 180_000);

afterAll(() => db?.close());

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  __typename
  ... on ResidentialArea { id name commune(asOf: "2025-12-31") { code } }
  ... on Model { id name modelType { name } }
  ... on AdminUnit { id code fullName }
} }`;

describe('the subgraph schema', () => {
  it('is asked for: the plain schema has no _service or _entities, and the same SDL as before', () => {
    const fields = Object.keys(antqSchema().getQueryType()!.getFields());
    expect(fields).not.toContain('_entities');
    expect(fields).not.toContain('_service');
    const sub = antqSchema({ federation: true });
    expect(Object.keys(sub.getQueryType()!.getFields())).toEqual(expect.arrayContaining(['_entities', '_service']));
    // Apart from the federation's own fields and types, the two schemas are the same.
    const withoutFederation = printSchema(sub)
      .replace(/\n\s*_entities\(representations: \[_Any!\]!\): \[_Entity\]!/, '')
      .replace(/\n\s*_service: _Service!/, '')
      .replace(/\n*(scalar _Any|union _Entity = [^\n]*|type _Service \{\n[^}]*\})\n*/g, '\n\n');
    const tidy = (sdl: string) => sdl.replace(/\{\n\n/g, '{\n').trim();
    expect(tidy(withoutFederation)).toBe(tidy(printSchema(antqSchema())));
  });

  it('publishes keys on the id of AdminUnit, ResidentialArea and Model', async () => {
    const { data } = await subgraph.query<any>(`{ _service { sdl } }`);
    const sdl: string = data._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])');
    for (const type of ['AdminUnit', 'ResidentialArea', 'Model'])
      expect(sdl).toMatch(new RegExp(`type ${type} implements Node\\s+@key\\(fields: "id"\\)`));
    expect(sdl.match(/@key\(/g)).toHaveLength(3);
  });
});

describe('_entities', () => {
  it('resolves each representation as node(id:) does: inside the jurisdiction, and null outside it', async () => {
    const r = [
      { __typename: 'ResidentialArea', id: areaIds[0] },
      { __typename: 'Model', id: modelIds[0] },
    ];
    const inside = await subgraph.query<any>(ENTITIES, { r }, as.province);
    expect(inside.errors).toBeUndefined();
    expect(inside.data._entities.map((e: any) => e?.id)).toEqual([areaIds[0], modelIds[0]]);
    expect(inside.data._entities[0].commune.code).toMatch(/^\d{5}$/);
    const outside = await subgraph.query<any>(ENTITIES, { r }, as.otherProvince);
    expect(outside.data._entities).toEqual([null, null]);
    const anonymous = await subgraph.query<any>(ENTITIES, { r });
    expect(anonymous.data._entities).toEqual([null, null]);
    // node(id:) answers the same for the same viewers.
    for (const [who, expected] of [
      ['province', areaIds[0]],
      ['otherProvince', null],
    ] as const) {
      const node = await plain.query<any>(`query($id: ID!) { node(id: $id) { id } }`, { id: areaIds[0] }, as[who]);
      expect(node.data.node?.id ?? null).toBe(expected);
    }
  });

  it('answers null for a key of another type, a malformed key, or a missing record', async () => {
    const r = [
      { __typename: 'ResidentialArea', id: modelIds[0] },
      { __typename: 'Model', id: 'not-a-global-id' },
      { __typename: 'Model', id: Buffer.from('Model:00000000-0000-4000-8000-000000000000').toString('base64') },
      { __typename: 'AdminUnit', id: 42 },
    ];
    const { data, errors } = await subgraph.query<any>(ENTITIES, { r }, as.national);
    expect(errors).toBeUndefined();
    expect(data._entities).toEqual([null, null, null, null]);
  });

  it('resolves administrative units for anyone (they are public), seen today', async () => {
    const unit = await plain.query<any>(`{ adminUnit(code: "75", asOf: "2025-12-31") { id fullName } }`);
    const { data } = await subgraph.query<any>(ENTITIES, { r: [{ __typename: 'AdminUnit', id: unit.data.adminUnit.id }] });
    expect(data._entities).toEqual([
      { __typename: 'AdminUnit', id: unit.data.adminUnit.id, code: '75', fullName: unit.data.adminUnit.fullName },
    ]);
  });

  it('reads a batch of representations in a number of statements that does not grow with it', async () => {
    const count = async (n: number) => {
      const r = [
        ...areaIds.slice(0, n).map((id) => ({ __typename: 'ResidentialArea', id })),
        ...modelIds.slice(0, n).map((id) => ({ __typename: 'Model', id })),
      ];
      const { body, statements } = await subgraph.queryCounting<any>(ENTITIES, { r }, as.province);
      expect(body.data._entities.filter(Boolean)).toHaveLength(r.length);
      return statements.length;
    };
    const few = await count(2);
    const many = await count(Math.min(areaIds.length, 20));
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(8);
  });
});
