/**
 * The movement's first mutations: residential areas (create, update, close), models
 * (create) and lifecycle events. For each: success seen through the read API, every typed
 * error, and no partial write on failure (row counts unchanged, the refusal audited).
 */
import type { Database } from '@antq/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPreparedDatabase } from './support/prepared-database.js';
import { mutationHelpers, seats, testModelTypes, type Who } from './support/movement.js';
import { createTestServer, tokenFor, type TestServer } from './support/server.js';
import { gid, rawId } from './support/ids.js';

let db: Database;
let server: TestServer;
const as = {} as Record<Who, Record<string, string>>;

// Phường Bình Phước (25195) in Thành phố Đồng Nai (75) on the tests' today, 2026-06-01.
const COMMUNE = '25195';
let raType = '';
let orgType = '';

beforeAll(async () => {
  db = await openPreparedDatabase();
  server = createTestServer(db);
  Object.assign(as, await seats(db, COMMUNE, '00000000-0000-0000-0000-000000000001'));
  ({ raType, orgType } = await testModelTypes(db, 'TEST-75'));
});
afterAll(() => db?.close());

const RESULT = `__typename ... on UserError { code message } ... on ValidationError { fields { path message } }`;
const AREA_FIELDS = `... on ResidentialArea { id name kind households residents validFrom validTo version commune { code } }`;
const MODEL_FIELDS = `... on Model { id name version foundedOn builtBy state residentialArea { name } events { kind date decisionNumber decisionIssuer } }`;

const mutation = (name: string, input: string, fields: string, versioned = false) =>
  `mutation($i: ${input}!) { ${name}(input: $i) { result { ${RESULT} ${versioned ? '... on ConflictError { currentVersion }' : ''} ${fields} } } }`;
const CREATE_AREA = mutation('createResidentialArea', 'CreateResidentialAreaInput', AREA_FIELDS);
const UPDATE_AREA = mutation('updateResidentialArea', 'UpdateResidentialAreaInput', AREA_FIELDS, true);
const CLOSE_AREA = mutation('closeResidentialArea', 'CloseResidentialAreaInput', AREA_FIELDS, true);
const CREATE_MODEL = mutation('createModel', 'CreateModelInput', MODEL_FIELDS);
const RECORD_EVENT = mutation('recordLifecycleEvent', 'RecordLifecycleEventInput', MODEL_FIELDS, true);

/** Row counts of every table these mutations write. */
async function counts() {
  const p = db.prisma;
  return {
    areas: await p.residentialArea.count(),
    placements: await p.residentialAreaPlacement.count(),
    models: await p.model.count(),
    events: await p.lifecycleEvent.count(),
  };
}

const { run, refusedWith } = mutationHelpers<Who>(() => ({ server, db, as }), counts);

const AREA = { name: 'Ấp Tân Lập', kind: 'AP', communeCode: COMMUNE, validFrom: '2026-01-15', households: 120, residents: 480 };
const LIST = `query($u: String!, $d: Date) { residentialAreas(unitCode: $u, asOf: $d, first: 100) { totalCount edges { node { id name } } } }`;
const listed = async (unit: string, date: string, who: Who = 'province') =>
  (
    (await server.query<any>(LIST, { u: unit, d: date }, as[who])).data.residentialAreas.edges as Array<{
      node: { id: string; name: string };
    }>
  ).map((e) => e.node);

describe('createResidentialArea', () => {
  it('records the area and its placement in the commune, audited, and the read API shows it', async () => {
    const before = await counts();
    const area = await run(CREATE_AREA, AREA);
    expect(area).toEqual({
      __typename: 'ResidentialArea',
      id: expect.any(String),
      name: 'Ấp Tân Lập',
      kind: 'AP',
      households: 120,
      residents: 480,
      validFrom: '2026-01-15',
      validTo: null,
      version: 1,
      commune: { code: COMMUNE },
    });
    expect(await counts()).toEqual({ ...before, areas: before.areas + 1, placements: before.placements + 1 });
    const row = await db.prisma.residentialArea.findUniqueOrThrow({ where: { id: rawId(area.id) }, include: { placements: true } });
    expect(row.searchText).toBe('ap tan lap');
    expect(row.placements.map((p) => [p.communeCode, p.placeCodes, p.validFrom?.toISOString().slice(0, 10), p.validTo])).toEqual([
      [COMMUNE, [COMMUNE, '75'], '2026-01-15', null],
    ]);
    expect((await listed('75', '2026-06-01')).map((a) => a.id)).toContain(area.id);
    expect((await listed(COMMUNE, '2026-01-14')).map((a) => a.id)).not.toContain(area.id);
    const entry = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'createResidentialArea', entityId: area.id } });
    expect(entry).toMatchObject({ outcome: 'OK', actorRole: 'COMMUNE_OFFICER', placeCodes: [COMMUNE, '75'] });
  });

  it('takes today as validFrom when none is given, and lets the province write in its communes', async () => {
    const area = await run(CREATE_AREA, { name: 'Khu phố 3', kind: 'KHU_PHO', communeCode: COMMUNE }, 'province');
    expect(area).toMatchObject({ __typename: 'ResidentialArea', validFrom: '2026-06-01', households: null });
  });

  it.each([
    ['an empty name', { name: '  ' }, 'VALIDATION', ['input', 'name']],
    ['a province code as the commune', { communeCode: '75' }, 'VALIDATION', ['input', 'communeCode']],
    ['negative households', { households: -1 }, 'VALIDATION', ['input', 'households']],
    ['a start in the future', { validFrom: '2026-12-01' }, 'VALIDATION', ['input', 'validFrom']],
    [
      'a commune that has since ended (Phường Thác Mơ, 2025)',
      { communeCode: '25216', validFrom: '2025-01-01' },
      'VALIDATION',
      ['input', 'communeCode'],
      'national',
    ],
    ['a commune that did not exist on the date', { communeCode: '99999' }, 'NOT_FOUND', null],
    ['a commune officer of another commune', {}, 'FORBIDDEN', null, 'otherCommune'],
    ['a province officer of another province', {}, 'FORBIDDEN', null, 'otherProvince'],
    ['an area leader (who may not create areas)', {}, 'FORBIDDEN', null, 'leader'],
    ['a partner', {}, 'FORBIDDEN', null, 'partner'],
  ] as const)('refuses %s with a typed error, audited, and writes nothing', async (_name, change, code, path, who: Who = 'commune') => {
    const result = await refusedWith(CREATE_AREA, 'createResidentialArea', { ...AREA, ...change }, who);
    expect(result.code).toBe(code);
    if (path) expect(result.fields.map((f: any) => f.path)).toContainEqual(path);
  });

  it('is closed to the public', async () => {
    const r = await server.query<any>(CREATE_AREA, { i: AREA });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('updateResidentialArea', () => {
  let id = '';
  beforeAll(async () => {
    id = (await run(CREATE_AREA, { ...AREA, name: 'Ấp Cũ' })).id;
  });

  it('changes what is given, keeps the rest, bumps the version, and node(id) shows it', async () => {
    const area = await run(UPDATE_AREA, { id, version: 1, name: 'Ấp Mới', households: 130 });
    expect(area).toMatchObject({ __typename: 'ResidentialArea', name: 'Ấp Mới', kind: 'AP', households: 130, residents: 480, version: 2 });
    expect((await db.prisma.residentialArea.findUniqueOrThrow({ where: { id: rawId(id) } })).searchText).toBe('ap moi');
    const node = await server.query<any>(
      `query($id: ID!) { node(id: $id) { ... on ResidentialArea { name version } } }`,
      { id },
      as.province,
    );
    expect(node.data.node).toEqual({ name: 'Ấp Mới', version: 2 });
    expect(await db.prisma.auditEntry.count({ where: { action: 'updateResidentialArea', entityId: id, outcome: 'OK' } })).toBe(1);
  });

  it('refuses a stale version with the current one, and changes nothing', async () => {
    const result = await refusedWith(UPDATE_AREA, 'updateResidentialArea', { id, version: 1, name: 'Ấp Khác' });
    expect(result).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT', currentVersion: 2 });
    expect((await db.prisma.residentialArea.findUniqueOrThrow({ where: { id: rawId(id) } })).name).toBe('Ấp Mới');
  });

  it.each([
    ['an invalid figure', { residents: -5 }, 'VALIDATION', 'commune'],
    ['a commune officer of another commune (who cannot see it)', {}, 'NOT_FOUND', 'otherCommune'],
    ['another province', {}, 'NOT_FOUND', 'otherProvince'],
    ['an area leader', {}, 'FORBIDDEN', 'leader'],
    ['a partner', {}, 'FORBIDDEN', 'partner'],
  ] as const)('refuses %s', async (_name, change, code, who) => {
    const result = await refusedWith(UPDATE_AREA, 'updateResidentialArea', { id, version: 2, name: 'Ấp Khác', ...change }, who);
    expect(result.code).toBe(code);
    if (code === 'VALIDATION') expect(result.fields).toEqual([{ path: ['input', 'residents'], message: expect.any(String) }]);
  });

  it('names the area in the log when an officer outside its place tries, though the answer hides it', async () => {
    const tries = await db.prisma.auditEntry.findMany({ where: { action: 'updateResidentialArea', actorUnitCode: '25210' } });
    expect(tries.map((e) => [e.outcome, e.entityId, e.placeCodes])).toEqual([['NOT_FOUND', id, [COMMUNE, '75']]]);
  });

  it.each([
    ['a malformed ID', 'not-an-id'],
    ['the ID of another type', gid('Model', '00000000-0000-0000-0000-000000000000')],
    ['an area that does not exist', gid('ResidentialArea', '00000000-0000-0000-0000-000000000000')],
    ['an ID that is not a uuid', gid('ResidentialArea', 'abc')],
  ])('answers NotFoundError for %s', async (_name, badId) => {
    expect((await refusedWith(UPDATE_AREA, 'updateResidentialArea', { id: badId, version: 1, name: 'X' })).code).toBe('NOT_FOUND');
  });
});

describe('closeResidentialArea', () => {
  let id = '';
  beforeAll(async () => {
    id = (await run(CREATE_AREA, { ...AREA, name: 'Tổ dân phố 9', kind: 'TO_DAN_PHO' })).id;
  });

  it.each([
    ['a date in the future', { closedOn: '2026-06-02' }, 'VALIDATION', 'commune'],
    ['a date before it started', { closedOn: '2026-01-14' }, 'VALIDATION', 'commune'],
    ['a stale version', { version: 0 }, 'CONFLICT', 'commune'],
    ['a commune officer of another commune', {}, 'NOT_FOUND', 'otherCommune'],
    ['an area leader', {}, 'FORBIDDEN', 'leader'],
  ] as const)('refuses %s and closes nothing', async (_name, change, code, who) => {
    const result = await refusedWith(CLOSE_AREA, 'closeResidentialArea', { id, version: 1, closedOn: '2026-05-31', ...change }, who);
    expect(result.code).toBe(code);
    if (code === 'VALIDATION') expect(result.fields[0].path).toEqual(['input', 'closedOn']);
    if (code === 'CONFLICT') expect(result.currentVersion).toBe(1);
    expect(await db.prisma.residentialAreaPlacement.count({ where: { residentialAreaId: rawId(id), validTo: { not: null } } })).toBe(0);
  });

  it('ends the area and its placement on closedOn: listed up to that day, not after', async () => {
    const area = await run(CLOSE_AREA, { id, version: 1, closedOn: '2026-05-31' });
    expect(area).toMatchObject({ __typename: 'ResidentialArea', validTo: '2026-05-31', version: 2 });
    const placements = await db.prisma.residentialAreaPlacement.findMany({ where: { residentialAreaId: rawId(id) } });
    expect(placements.map((p) => p.validTo?.toISOString().slice(0, 10))).toEqual(['2026-05-31']);
    expect((await listed(COMMUNE, '2026-05-31')).map((a) => a.id)).toContain(id);
    expect((await listed(COMMUNE, '2026-06-01')).map((a) => a.id)).not.toContain(id);
  });

  it('refuses to close it twice', async () => {
    const result = await refusedWith(CLOSE_AREA, 'closeResidentialArea', { id, version: 2, closedOn: '2026-05-31' });
    expect(result).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: ['input', 'id'], message: expect.stringContaining('already closed on 2026-05-31') }],
    });
  });
});

describe('createModel', () => {
  let areaId = '';
  beforeAll(async () => {
    areaId = (await run(CREATE_AREA, { ...AREA, name: 'Ấp Mô Hình', validFrom: '2026-01-01' })).id;
  });
  const MODEL = () => ({
    name: 'Tổ an ninh nhân dân ấp Mô Hình',
    modelTypeId: gid('ModelType', raType),
    residentialAreaId: areaId,
    foundedOn: '2026-02-01',
    builtBy: 'POLICE',
  });

  it('records the model PROPOSED on foundedOn, with its first event, and the area lists it', async () => {
    const before = await counts();
    const model = await run(CREATE_MODEL, MODEL());
    expect(model).toEqual({
      __typename: 'Model',
      id: expect.any(String),
      name: 'Tổ an ninh nhân dân ấp Mô Hình',
      version: 1,
      foundedOn: '2026-02-01',
      builtBy: 'POLICE',
      state: 'PROPOSED',
      residentialArea: { name: 'Ấp Mô Hình' },
      events: [{ kind: 'PROPOSE', date: '2026-02-01', decisionNumber: null, decisionIssuer: null }],
    });
    expect(await counts()).toEqual({ ...before, models: before.models + 1, events: before.events + 1 });
    const events = await db.prisma.lifecycleEvent.findMany({ where: { modelId: rawId(model.id) } });
    expect(events.map((e) => e.seq)).toEqual([1]);
    const area = await server.query<any>(
      `query($id: ID!) { node(id: $id) { ... on ResidentialArea { models(first: 5) { totalCount edges { node { id } } } } } }`,
      { id: areaId },
      as.commune,
    );
    expect(area.data.node.models.edges.map((e: any) => e.node.id)).toContain(model.id);
    const entry = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'createModel', entityId: model.id } });
    expect(entry).toMatchObject({ outcome: 'OK', entity: 'Model', placeCodes: [COMMUNE, '75'] });
  });

  it('takes the model type’s bare id as ModelType.id shows it, and lets the area’s leader build there', async () => {
    const leader = { authorization: `Bearer ${await tokenFor('AREA_LEADER', COMMUNE, { areaId: rawId(areaId) })}` };
    const model = await run(CREATE_MODEL, { ...MODEL(), name: 'Camera an ninh', modelTypeId: raType, builtBy: 'RESIDENTS' }, leader);
    expect(model).toMatchObject({ __typename: 'Model', state: 'PROPOSED' });
  });

  it.each([
    [
      'a model type that is not built in residential areas',
      () => ({ modelTypeId: gid('ModelType', orgType) }),
      'VALIDATION',
      ['input', 'modelTypeId'],
    ],
    ['a founding before the area existed', () => ({ foundedOn: '2025-12-31' }), 'VALIDATION', ['input', 'foundedOn']],
    ['a founding in the future', () => ({ foundedOn: '2026-07-01' }), 'VALIDATION', ['input', 'foundedOn']],
    ['an empty name', () => ({ name: '' }), 'VALIDATION', ['input', 'name']],
    [
      'a model type that does not exist',
      () => ({ modelTypeId: gid('ModelType', '00000000-0000-0000-0000-000000000000') }),
      'NOT_FOUND',
      null,
    ],
    ['a model type ID that is malformed', () => ({ modelTypeId: 'tổ' }), 'NOT_FOUND', null],
    ['an area ID of another type', () => ({ residentialAreaId: gid('ModelType', raType) }), 'NOT_FOUND', null],
    ['an area outside the jurisdiction (another commune’s officer)', () => ({}), 'NOT_FOUND', null, 'otherCommune'],
    ['another area’s leader', () => ({}), 'NOT_FOUND', null, 'leader'],
    ['a partner', () => ({}), 'FORBIDDEN', null, 'partner'],
  ] as const)('refuses %s with a typed error, audited, and writes nothing', async (_name, change, code, path, who: Who = 'commune') => {
    const result = await refusedWith(CREATE_MODEL, 'createModel', { ...MODEL(), ...change() }, who);
    expect(result.code).toBe(code);
    if (path) expect(result.fields.map((f: any) => f.path)).toContainEqual(path);
  });
});

describe('recordLifecycleEvent', () => {
  let modelId = '';
  beforeAll(async () => {
    const areaId = (await run(CREATE_AREA, { ...AREA, name: 'Ấp Vòng Đời', validFrom: '2026-01-01' })).id;
    modelId = (
      await run(CREATE_MODEL, {
        name: 'Tổ tự quản',
        modelTypeId: gid('ModelType', raType),
        residentialAreaId: areaId,
        foundedOn: '2026-02-01',
        builtBy: 'FATHERLAND_FRONT',
      })
    ).id;
  });
  const record = (input: Record<string, unknown>, who: Who = 'commune') => run(RECORD_EVENT, { modelId, ...input }, who);

  it('refuses an illegal transition, naming the state and the event, and records nothing', async () => {
    const result = await refusedWith(RECORD_EVENT, 'recordLifecycleEvent', { modelId, version: 1, kind: 'ACTIVATE', date: '2026-02-10' });
    expect(result).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', fields: [{ path: ['input', 'kind'] }] });
    for (const text of [result.message, result.fields[0].message]) {
      expect(text).toContain('PROPOSED');
      expect(text).toContain('ACTIVATE');
    }
  });

  it.each([
    ['a date before the last event', { date: '2026-01-31' }, 'VALIDATION', ['input', 'date']],
    ['a date in the future', { date: '2026-06-02' }, 'VALIDATION', ['input', 'date']],
    ['half a decision', { decisionNumber: '12/QĐ-UBND' }, 'VALIDATION', ['input', 'decisionDate']],
    ['an empty note', { note: ' ' }, 'VALIDATION', ['input', 'note']],
    ['a stale version', { version: 0 }, 'CONFLICT', null],
    ['a model ID of another type', { modelId: gid('ResidentialArea', '00000000-0000-0000-0000-000000000000') }, 'NOT_FOUND', null],
    ['a malformed model ID', { modelId: '%%%' }, 'NOT_FOUND', null],
    ['a commune officer of another commune', {}, 'NOT_FOUND', null, 'otherCommune'],
    ['another area’s leader', {}, 'NOT_FOUND', null, 'leader'],
    ['a partner', {}, 'FORBIDDEN', null, 'partner'],
  ] as const)('refuses %s with a typed error, audited, and writes nothing', async (_name, change, code, path, who: Who = 'commune') => {
    const result = await refusedWith(
      RECORD_EVENT,
      'recordLifecycleEvent',
      { modelId, version: 1, kind: 'SURVEY', date: '2026-02-10', ...change },
      who,
    );
    expect(result.code).toBe(code);
    if (path) expect(result.fields.map((f: any) => f.path)).toContainEqual(path);
    if (code === 'CONFLICT') expect(result.currentVersion).toBe(1);
  });

  it('appends the event with its decision and the next seq, bumps the version, and walks the model to ACTIVE', async () => {
    const surveyed = await record({
      version: 1,
      kind: 'SURVEY',
      date: '2026-02-10',
      decisionNumber: '12/QĐ-UBND',
      decisionDate: '2026-02-09',
      decisionIssuer: 'UBND phường Bình Phước',
    });
    expect(surveyed).toMatchObject({ __typename: 'Model', version: 2, state: 'SURVEYED' });
    expect(surveyed.events.at(-1)).toEqual({
      kind: 'SURVEY',
      date: '2026-02-10',
      decisionNumber: '12/QĐ-UBND',
      decisionIssuer: 'UBND phường Bình Phước',
    });
    // Same-day steps are kept in the order they were recorded.
    await record({ version: 2, kind: 'APPROVE', date: '2026-03-01' });
    await record({ version: 3, kind: 'ESTABLISH', date: '2026-03-01' });
    const active = await record({ version: 4, kind: 'ACTIVATE', date: '2026-03-15' }, 'province');
    expect(active).toMatchObject({ version: 5, state: 'ACTIVE' });
    expect(active.events.map((e: any) => e.kind)).toEqual(['PROPOSE', 'SURVEY', 'APPROVE', 'ESTABLISH', 'ACTIVATE']);
    const rows = await db.prisma.lifecycleEvent.findMany({ where: { modelId: rawId(modelId) }, orderBy: { seq: 'asc' } });
    expect(rows.map((e) => [e.seq, e.kind])).toEqual([
      [1, 'PROPOSE'],
      [2, 'SURVEY'],
      [3, 'APPROVE'],
      [4, 'ESTABLISH'],
      [5, 'ACTIVATE'],
    ]);
    expect(rows[1]!.decisionDate?.toISOString().slice(0, 10)).toBe('2026-02-09');
    const entries = await db.prisma.auditEntry.findMany({ where: { action: 'recordLifecycleEvent', entityId: modelId, outcome: 'OK' } });
    expect(entries).toHaveLength(4);
    expect(entries.every((e) => e.placeCodes.join() === `${COMMUNE},75`)).toBe(true);
  });

  it('lets one of two concurrent steps on the same version through, and answers the other a ConflictError', async () => {
    const before = await counts();
    const results = await Promise.all([
      record({ version: 5, kind: 'SUSPEND', date: '2026-04-01' }),
      record({ version: 5, kind: 'DISSOLVE', date: '2026-04-01' }),
    ]);
    expect(results.map((r) => r.__typename).sort()).toEqual(['ConflictError', 'Model']);
    expect(results.find((r) => r.__typename === 'ConflictError').currentVersion).toBe(6);
    expect(await counts()).toEqual({ ...before, events: before.events + 1 });
  });
});
