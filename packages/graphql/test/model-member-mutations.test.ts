/**
 * A model's members, evaluations and replication through the API: success seen through
 * the read API, every typed error, no partial write on failure (row counts unchanged, the
 * refusal audited), personal data masked for partners and absent from errors, the audit
 * log and the server log, and stale versions refused.
 */
import type { Database } from '@antq/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAntqYoga } from '../src/index.js';
import type { LogEntry } from '../src/http/request-log.js';
import { DEFAULT_SETTINGS, serverSettings, settingsFromEnv } from '../src/settings.js';
import { mutationHelpers, seats, testModelTypes, type Who } from './support/movement.js';
import { openPreparedDatabase } from './support/prepared-database.js';
import { createTestServer, TEST_SECRETS, TEST_TODAY, tokenFor, type TestServer } from './support/server.js';
import { gid, rawId } from './support/ids.js';

let db: Database;
let server: TestServer;
const logs: LogEntry[] = [];
const as = {} as Record<Who, Record<string, string>>;

// Phường Bình Phước (25195) in Thành phố Đồng Nai (75); the tests' today is 2026-06-01.
const COMMUNE = '25195';
const NOBODY = '00000000-0000-0000-0000-000000000000';
let raType = '';
let orgType = '';

const RESULT = `__typename ... on UserError { code message messageEn } ... on ValidationError { fields { path message } }`;
const MODEL_FIELDS = `... on Model { id name version state foundedOn builtBy
  members(first: 20) { totalCount edges { node { id fullName position joinedOn leftOn birthDate citizenId phone address } } }
  latestEvaluation { periodFrom periodTo evaluatedOn outcome note }
  evaluations { periodFrom periodTo }
  replicatedFrom { replicatedOn sourceModelId } replicationCount
  modelType { id } residentialArea { id name } events { kind date } }`;
const mutation = (name: string, input: string, versioned = true) =>
  `mutation($i: ${input}!) { ${name}(input: $i) { result { ${RESULT} ${versioned ? '... on ConflictError { currentVersion }' : ''} ${MODEL_FIELDS} } } }`;
const ADD = mutation('addModelMember', 'AddModelMemberInput');
const REMOVE = mutation('removeModelMember', 'RemoveModelMemberInput');
const EVALUATE = mutation('recordModelEvaluation', 'RecordModelEvaluationInput');
const REPLICATE = mutation('replicateModel', 'ReplicateModelInput', false);
const CREATE_AREA = `mutation($i: CreateResidentialAreaInput!) { createResidentialArea(input: $i) { result { __typename ... on ResidentialArea { id } } } }`;
const CREATE_MODEL = `mutation($i: CreateModelInput!) { createModel(input: $i) { result { __typename ... on Model { id version } } } }`;
const RECORD_EVENT = `mutation($i: RecordLifecycleEventInput!) { recordLifecycleEvent(input: $i) { result { __typename ... on Model { version } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ${MODEL_FIELDS} } }`;

const node = async (id: string, who: Who = 'commune') => (await server.query<any>(NODE, { id }, as[who])).data.node;

/** Row counts of every table these mutations write. */
async function counts() {
  const p = db.prisma;
  return {
    models: await p.model.count(),
    events: await p.lifecycleEvent.count(),
    members: await p.modelMember.count(),
    left: await p.modelMember.count({ where: { leftOn: { not: null } } }),
    evaluations: await p.modelEvaluation.count(),
    points: await p.replicationPoint.count(),
    versions: (await p.model.aggregate({ _sum: { version: true } }))._sum.version,
  };
}

const { run, refusedWith } = mutationHelpers<Who>(() => ({ server, db, as }), counts);

/** An area of the commune, from 2025-07-01 (the commune's first day). */
async function newArea(name: string) {
  const area = await run(CREATE_AREA, { name, kind: 'AP', communeCode: COMMUNE, validFrom: '2025-07-01' });
  expect(area.__typename).toBe('ResidentialArea');
  return area.id as string;
}

/** A model in a new area, founded on 2025-08-01 and, unless `activeFrom` is null, ACTIVE from that day: answers its ID and version. */
async function newModel(name: string, activeFrom: string | null = '2025-09-01') {
  const areaId = await newArea(`Ấp ${name}`);
  const model = await run(CREATE_MODEL, {
    name,
    modelTypeId: gid('ModelType', raType),
    residentialAreaId: areaId,
    foundedOn: '2025-08-01',
    builtBy: 'POLICE',
  });
  let version = model.version as number;
  if (activeFrom) {
    for (const [kind, date] of [
      ['SURVEY', '2025-08-05'],
      ['APPROVE', '2025-08-10'],
      ['ESTABLISH', '2025-08-15'],
      ['ACTIVATE', activeFrom],
    ] as const) {
      const step = await run(RECORD_EVENT, { modelId: model.id, version, kind, date });
      expect(step.__typename).toBe('Model');
      version = step.version;
    }
  }
  return { id: model.id as string, version, areaId };
}

beforeAll(async () => {
  db = await openPreparedDatabase();
  server = createTestServer(db, (e) => logs.push(e));
  Object.assign(as, await seats(db, COMMUNE, NOBODY.replace(/0$/, '1')));
  ({ raType, orgType } = await testModelTypes(db, 'TEST-MEMBERS-75'));
});
afterAll(() => db?.close());

// The personal data of the member used below: none of it may appear in errors or logs.
const PERSON = {
  fullName: 'Nguyễn Văn An',
  position: 'Tổ trưởng',
  birthDate: '1980-03-04',
  citizenId: '070080001234',
  phone: '0912 345 678',
  address: '12 đường Lê Lợi, ấp Tân Lập',
};
const SECRETS = ['070080001234', '0912345678', '0912 345 678', 'Lê Lợi', '1980-03-04'];
const mentionsPersonalData = (value: unknown) => SECRETS.some((s) => JSON.stringify(value).includes(s));

describe('addModelMember', () => {
  let model: { id: string; version: number };
  beforeAll(async () => {
    model = await newModel('Tổ thành viên');
  });
  const input = (change: Record<string, unknown> = {}) => ({
    modelId: model.id,
    version: model.version,
    ...PERSON,
    joinedOn: '2025-09-10',
    ...change,
  });

  it.each([
    ['an empty name', { fullName: ' ' }, 'VALIDATION', ['input', 'fullName']],
    ['a malformed identity number', { citizenId: '07008000123X' }, 'VALIDATION', ['input', 'citizenId']],
    ['a malformed phone number', { phone: '12345' }, 'VALIDATION', ['input', 'phone']],
    ['a birth date after joining', { birthDate: '2025-09-11' }, 'VALIDATION', ['input', 'birthDate']],
    ['a birth date that is not a date (not repeated back)', { birthDate: '04/03/1980' }, 'VALIDATION', ['input', 'birthDate']],
    ['joining before the model was founded', { joinedOn: '2025-07-31' }, 'VALIDATION', ['input', 'joinedOn']],
    ['joining in the future', { joinedOn: '2026-06-02' }, 'VALIDATION', ['input', 'joinedOn']],
    ['a stale version', { version: 1 }, 'CONFLICT', null],
    ['a model that does not exist', { modelId: gid('Model', NOBODY) }, 'NOT_FOUND', null],
    ['a malformed model ID', { modelId: 'không phải' }, 'NOT_FOUND', null],
    ['an ID of another type', { modelId: gid('ResidentialArea', NOBODY) }, 'NOT_FOUND', null],
    ['a commune officer of another commune', {}, 'NOT_FOUND', null, 'otherCommune'],
    ['a province officer of another province', {}, 'NOT_FOUND', null, 'otherProvince'],
    ['another area’s leader', {}, 'NOT_FOUND', null, 'leader'],
    ['a partner', {}, 'FORBIDDEN', null, 'partner'],
  ] as const)(
    'refuses %s with a typed error, audited, writes nothing, and repeats no personal data',
    async (_name, change, code, path, who: Who = 'commune') => {
      const result = await refusedWith(ADD, 'addModelMember', input(change), who);
      expect(result.code).toBe(code);
      if (path) expect(result.fields.map((f: any) => f.path)).toContainEqual(path);
      if (code === 'CONFLICT') expect(result.currentVersion).toBe(model.version);
      expect(mentionsPersonalData(result)).toBe(false);
      for (const given of ['07008000123X', '04/03/1980', '12345']) expect(JSON.stringify(result)).not.toContain(given);
    },
  );

  it('records the member, bumps the model’s version, and the read API lists them (personal data to officers only)', async () => {
    const before = await counts();
    const added = await run(ADD, input());
    expect(added).toMatchObject({ __typename: 'Model', id: model.id, version: model.version + 1 });
    expect(added.members.totalCount).toBe(1);
    expect(added.members.edges[0].node).toEqual({
      id: expect.any(String),
      fullName: 'Nguyễn Văn An',
      position: 'Tổ trưởng',
      joinedOn: '2025-09-10',
      leftOn: null,
      birthDate: '1980-03-04',
      citizenId: '070080001234',
      phone: '0912345678',
      address: '12 đường Lê Lợi, ấp Tân Lập',
    });
    expect(await counts()).toMatchObject({ members: before.members + 1, versions: before.versions! + 1 });
    model.version += 1;

    const partner = await node(model.id, 'partner');
    expect(partner.members.edges[0].node).toMatchObject({
      fullName: 'Nguyễn Văn An',
      birthDate: null,
      citizenId: null,
      phone: null,
      address: null,
    });
    expect((await node(model.id, 'province')).members.edges[0].node.citizenId).toBe('070080001234');
    expect(await node(model.id, 'otherCommune')).toBeNull();

    const entry = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'addModelMember', outcome: 'OK' } });
    expect(entry).toMatchObject({ entity: 'Model', entityId: model.id, placeCodes: [COMMUNE, '75'], actorRole: 'COMMUNE_OFFICER' });
  });

  it('refuses a second current member with the same identity number, without repeating it', async () => {
    const result = await refusedWith(ADD, 'addModelMember', input({ fullName: 'Nguyễn Văn Ân' }));
    expect(result.fields).toEqual([{ path: ['input', 'citizenId'], message: 'is that of a current member of this model' }]);
    expect(mentionsPersonalData(result)).toBe(false);
  });

  it('keeps personal data out of the whole audit log and the server log', async () => {
    expect(mentionsPersonalData(await db.prisma.auditEntry.findMany())).toBe(false);
    expect(logs.length).toBeGreaterThan(0);
    expect(mentionsPersonalData(logs)).toBe(false);
  });

  it('lets the area’s own leader add a member with only a name, and refuses a model since dissolved', async () => {
    const other = await newModel('Tổ giải thể');
    const leader = { authorization: `Bearer ${await tokenFor('AREA_LEADER', COMMUNE, { areaId: rawId(other.areaId) })}` };
    const added = await run(ADD, { modelId: other.id, version: other.version, fullName: 'Trần Thị Bình', joinedOn: '2025-10-01' }, leader);
    expect(added.members.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ fullName: 'Trần Thị Bình', position: null, citizenId: null }),
    ]);
    const dissolved = await run(RECORD_EVENT, { modelId: other.id, version: added.version, kind: 'DISSOLVE', date: '2026-01-01' });
    const result = await refusedWith(ADD, 'addModelMember', {
      modelId: other.id,
      version: dissolved.version,
      fullName: 'Lê Văn C',
      joinedOn: '2026-02-01',
    });
    expect(result.fields).toEqual([{ path: ['input', 'joinedOn'], message: 'the model was dissolved by then' }]);
  });

  it('lets one of two concurrent additions on the same version through, and answers the other a ConflictError', async () => {
    const before = await counts();
    const results = await Promise.all([
      run(ADD, input({ fullName: 'Người Một', citizenId: '070080000001' })),
      run(ADD, input({ fullName: 'Người Hai', citizenId: '070080000002' })),
    ]);
    expect(results.map((r) => r.__typename).sort()).toEqual(['ConflictError', 'Model']);
    expect(results.find((r) => r.__typename === 'ConflictError').currentVersion).toBe(model.version + 1);
    expect(await counts()).toMatchObject({ members: before.members + 1 });
  });

  it('is closed to the public', async () => {
    const r = await server.query<any>(ADD, { i: input() });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('removeModelMember', () => {
  let model: { id: string; version: number };
  let memberId = '';
  beforeAll(async () => {
    model = await newModel('Tổ rời đi');
    const added = await run(ADD, { modelId: model.id, version: model.version, ...PERSON, joinedOn: '2025-09-10' });
    model.version = added.version;
    memberId = added.members.edges[0].node.id;
  });
  const input = (change: Record<string, unknown> = {}) => ({ memberId, modelVersion: model.version, leftOn: '2026-05-01', ...change });

  it.each([
    ['leaving before joining', { leftOn: '2025-09-09' }, 'VALIDATION', ['input', 'leftOn']],
    ['leaving in the future', { leftOn: '2026-06-02' }, 'VALIDATION', ['input', 'leftOn']],
    ['a stale version', { modelVersion: 1 }, 'CONFLICT', null],
    ['a member that does not exist', { memberId: gid('ModelMember', NOBODY) }, 'NOT_FOUND', null],
    ['a model’s ID instead of a member’s', () => ({ memberId: model.id }), 'NOT_FOUND', null],
    ['a malformed member ID', { memberId: '???' }, 'NOT_FOUND', null],
    ['a commune officer of another commune', {}, 'NOT_FOUND', null, 'otherCommune'],
    ['another area’s leader', {}, 'NOT_FOUND', null, 'leader'],
    ['a partner', {}, 'FORBIDDEN', null, 'partner'],
  ] as const)('refuses %s with a typed error, audited, and writes nothing', async (_name, change, code, path, who: Who = 'commune') => {
    const result = await refusedWith(REMOVE, 'removeModelMember', input(typeof change === 'function' ? change() : change), who);
    expect(result.code).toBe(code);
    if (path) expect(result.fields.map((f: any) => f.path)).toContainEqual(path);
    if (code === 'CONFLICT') expect(result.currentVersion).toBe(model.version);
    expect(mentionsPersonalData(result)).toBe(false);
  });

  it('names the member in the log when an officer outside its place tries', async () => {
    const tries = await db.prisma.auditEntry.findMany({ where: { action: 'removeModelMember', actorUnitCode: '25210' } });
    expect(tries.map((e) => [e.outcome, e.entity, e.entityId, e.placeCodes])).toEqual([
      ['NOT_FOUND', 'ModelMember', memberId, [COMMUNE, '75']],
    ]);
  });

  it('records the day they left: the member stays in the history with leftOn, the model’s version moves on', async () => {
    const before = await counts();
    const removed = await run(REMOVE, input());
    expect(removed).toMatchObject({ __typename: 'Model', version: model.version + 1 });
    expect(removed.members.edges.map((e: any) => [e.node.id, e.node.leftOn])).toEqual([[memberId, '2026-05-01']]);
    expect(await counts()).toMatchObject({ members: before.members, left: before.left + 1, versions: before.versions! + 1 });
    model.version += 1;
    const entry = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'removeModelMember', outcome: 'OK' } });
    expect(entry).toMatchObject({ entity: 'ModelMember', entityId: memberId, placeCodes: [COMMUNE, '75'] });
    expect(mentionsPersonalData(entry)).toBe(false);
  });

  it('refuses to remove them twice', async () => {
    const result = await refusedWith(REMOVE, 'removeModelMember', input());
    expect(result.fields).toEqual([{ path: ['input', 'memberId'], message: 'the member already left on 2026-05-01' }]);
  });
});

describe('recordModelEvaluation', () => {
  // ACTIVE from 2025-09-01: 168 days by 2026-02-15, 212 by 2026-03-31 (the default minimum is 180).
  let model: { id: string; version: number };
  beforeAll(async () => {
    model = await newModel('Tổ đánh giá');
  });
  const input = (change: Record<string, unknown> = {}) => ({
    modelId: model.id,
    version: model.version,
    periodFrom: '2025-10-01',
    periodTo: '2026-03-31',
    evaluatedOn: '2026-04-10',
    outcome: 'EFFECTIVE',
    note: 'Hoạt động đều',
    ...change,
  });

  it('has a documented default minimum (180 days), set from the environment or by the embedding program', () => {
    expect(DEFAULT_SETTINGS.minimumActiveDaysToRateModel).toBe(180);
    expect(settingsFromEnv({}).minimumActiveDaysToRateModel).toBe(180);
    expect(settingsFromEnv({ ANTQ_MODEL_RATING_MIN_ACTIVE_DAYS: '270' }).minimumActiveDaysToRateModel).toBe(270);
    expect(() => settingsFromEnv({ ANTQ_MODEL_RATING_MIN_ACTIVE_DAYS: 'sáu tháng' })).toThrow(/whole number/);
    expect(() => serverSettings({ minimumActiveDaysToRateModel: -1 })).toThrow(/whole number/);
  });

  it('refuses a model not active the minimum time by periodTo, naming the rule and the days', async () => {
    const result = await refusedWith(EVALUATE, 'recordModelEvaluation', input({ periodTo: '2026-02-15', evaluatedOn: '2026-02-20' }));
    expect(result).toMatchObject({
      __typename: 'ValidationError',
      messageEn: 'A model is rated only after it has been active the minimum time.',
      fields: [
        {
          path: ['input', 'periodTo'],
          message: 'TOO_LITTLE_TIME_ACTIVE: a model is rated only after 180 days active; this one was active 168 days up to 2026-02-15',
        },
      ],
    });
  });

  it('refuses a model that never became active', async () => {
    const proposed = await newModel('Tổ đề xuất', null);
    const result = await refusedWith(EVALUATE, 'recordModelEvaluation', input({ modelId: proposed.id, version: proposed.version }));
    expect(result.fields[0].message).toContain('active 0 days');
  });

  it.each([
    ['a period that ends before it starts', { periodFrom: '2026-04-01' }, 'VALIDATION', ['input', 'periodTo']],
    ['an evaluation before the period', { evaluatedOn: '2025-09-30' }, 'VALIDATION', ['input', 'evaluatedOn']],
    ['a period not over yet', { periodTo: '2026-06-30' }, 'VALIDATION', ['input', 'periodTo']],
    ['an evaluation in the future', { evaluatedOn: '2026-06-02' }, 'VALIDATION', ['input', 'evaluatedOn']],
    ['an empty note', { note: '  ' }, 'VALIDATION', ['input', 'note']],
    ['a stale version', { version: 2 }, 'CONFLICT', null],
    ['a model that does not exist', { modelId: gid('Model', NOBODY) }, 'NOT_FOUND', null],
    ['a commune officer of another commune', {}, 'NOT_FOUND', null, 'otherCommune'],
    ['another province', {}, 'NOT_FOUND', null, 'otherProvince'],
    ['a partner', {}, 'FORBIDDEN', null, 'partner'],
  ] as const)('refuses %s with a typed error, audited, and writes nothing', async (_name, change, code, path, who: Who = 'commune') => {
    const result = await refusedWith(EVALUATE, 'recordModelEvaluation', input(change), who);
    expect(result.code).toBe(code);
    if (path) expect(result.fields.map((f: any) => f.path)).toContainEqual(path);
    if (code === 'CONFLICT') expect(result.currentVersion).toBe(model.version);
  });

  it('records the evaluation once the model has run long enough: latestEvaluation shows it', async () => {
    const before = await counts();
    const evaluated = await run(EVALUATE, input(), 'province');
    expect(evaluated).toMatchObject({
      __typename: 'Model',
      version: model.version + 1,
      latestEvaluation: {
        periodFrom: '2025-10-01',
        periodTo: '2026-03-31',
        evaluatedOn: '2026-04-10',
        outcome: 'EFFECTIVE',
        note: 'Hoạt động đều',
      },
    });
    expect(await counts()).toMatchObject({ evaluations: before.evaluations + 1, versions: before.versions! + 1 });
    model.version += 1;
    expect((await node(model.id, 'partner')).latestEvaluation).toMatchObject({ periodTo: '2026-03-31', outcome: 'EFFECTIVE' });
    expect(await db.prisma.auditEntry.count({ where: { action: 'recordModelEvaluation', entityId: model.id, outcome: 'OK' } })).toBe(1);
  });

  it('refuses a second evaluation of the same period as a ValidationError, not a crash on the unique index', async () => {
    const result = await refusedWith(EVALUATE, 'recordModelEvaluation', input({ outcome: 'NOT_EFFECTIVE' }));
    expect(result).toMatchObject({
      __typename: 'ValidationError',
      messageEn: 'This model already has an evaluation for this period.',
      fields: [{ path: ['input', 'periodFrom'] }],
    });
  });

  it('keeps evaluations newest first, and latestEvaluation follows the latest period', async () => {
    const next = await run(
      EVALUATE,
      input({ periodFrom: '2026-04-01', periodTo: '2026-05-31', evaluatedOn: '2026-06-01', outcome: 'NOT_EFFECTIVE', note: null }),
    );
    model.version += 1;
    expect(next.latestEvaluation).toEqual({
      periodFrom: '2026-04-01',
      periodTo: '2026-05-31',
      evaluatedOn: '2026-06-01',
      outcome: 'NOT_EFFECTIVE',
      note: null,
    });
    expect(next.evaluations.map((e: any) => e.periodTo)).toEqual(['2026-05-31', '2026-03-31']);
  });

  it('takes the minimum from the server’s settings', async () => {
    const yoga = createAntqYoga({
      db,
      secrets: TEST_SECRETS,
      clock: () => TEST_TODAY,
      graphiql: false,
      log: () => {},
      settings: { minimumActiveDaysToRateModel: 150 },
    });
    const lenient: TestServer = {
      ...server,
      query: async (q, variables, headers) =>
        (await (
          await yoga.fetch('http://antq.test/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify({ query: q, variables }),
          })
        ).json()) as never,
    };
    const rated = await run(
      EVALUATE,
      input({ periodFrom: '2025-09-01', periodTo: '2026-02-15', evaluatedOn: '2026-02-20' }),
      'commune',
      lenient,
    );
    expect(rated).toMatchObject({ __typename: 'Model', version: model.version + 1 });
  });
});

describe('replicateModel', () => {
  let source: { id: string; version: number; areaId: string };
  let target = '';
  beforeAll(async () => {
    source = await newModel('Tổ điển hình');
    target = await newArea('Ấp Nhân Rộng');
  });
  const input = (change: Record<string, unknown> = {}) => ({
    sourceModelId: source.id,
    residentialAreaId: target,
    name: 'Tổ an ninh ấp Nhân Rộng',
    replicatedOn: '2026-05-01',
    ...change,
  });

  it.each([
    ['its own area', () => ({ residentialAreaId: source.areaId }), 'VALIDATION', ['input', 'residentialAreaId']],
    ['a date before the source was founded', () => ({ replicatedOn: '2025-07-31' }), 'VALIDATION', ['input', 'replicatedOn']],
    ['a date in the future', () => ({ replicatedOn: '2026-06-02' }), 'VALIDATION', ['input', 'replicatedOn']],
    ['an empty name', () => ({ name: ' ' }), 'VALIDATION', ['input', 'name']],
    ['a source that does not exist', () => ({ sourceModelId: gid('Model', NOBODY) }), 'NOT_FOUND', null],
    ['an area that does not exist', () => ({ residentialAreaId: gid('ResidentialArea', NOBODY) }), 'NOT_FOUND', null],
    ['a commune officer of another commune', () => ({}), 'NOT_FOUND', null, 'otherCommune'],
    ['another province', () => ({}), 'NOT_FOUND', null, 'otherProvince'],
    ['a partner', () => ({}), 'FORBIDDEN', null, 'partner'],
  ] as const)('refuses %s with a typed error, audited, and writes nothing', async (_name, change, code, path, who: Who = 'commune') => {
    const result = await refusedWith(REPLICATE, 'replicateModel', input(change()), who);
    expect(result.code).toBe(code);
    if (path) expect(result.fields.map((f: any) => f.path)).toContainEqual(path);
  });

  it('answers the source’s area leader NotFoundError for an area they cannot see', async () => {
    const leader = { authorization: `Bearer ${await tokenFor('AREA_LEADER', COMMUNE, { areaId: rawId(source.areaId) })}` };
    expect((await refusedWith(REPLICATE, 'replicateModel', input(), leader)).code).toBe('NOT_FOUND');
  });

  it('creates the replica (same type, PROPOSED in the area) and its replication point together', async () => {
    const before = await counts();
    const replica = await run(REPLICATE, input());
    expect(replica).toMatchObject({
      __typename: 'Model',
      name: 'Tổ an ninh ấp Nhân Rộng',
      version: 1,
      state: 'PROPOSED',
      foundedOn: '2026-05-01',
      builtBy: 'POLICE',
      modelType: { id: expect.any(String) },
      residentialArea: { id: target },
      events: [{ kind: 'PROPOSE', date: '2026-05-01' }],
      replicatedFrom: { replicatedOn: '2026-05-01', sourceModelId: source.id },
      replicationCount: 0,
    });
    expect(await counts()).toMatchObject({ models: before.models + 1, events: before.events + 1, points: before.points + 1 });
    const row = await db.prisma.model.findUniqueOrThrow({ where: { id: rawId(replica.id) } });
    expect(row.modelTypeId).toBe(raType);
    expect((await node(source.id)).replicationCount).toBe(1);
    const entry = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'replicateModel', outcome: 'OK' } });
    expect(entry).toMatchObject({ entity: 'Model', entityId: replica.id, placeCodes: [COMMUNE, '75'] });
  });

  it('takes the source’s name when none is given', async () => {
    const other = await newArea('Ấp Thứ Hai');
    expect(await run(REPLICATE, input({ residentialAreaId: other, name: null }))).toMatchObject({
      __typename: 'Model',
      name: 'Tổ điển hình',
    });
  });

  it('refuses a source whose type is not built in residential areas', async () => {
    await db.prisma.model.update({ where: { id: rawId(source.id) }, data: { modelTypeId: orgType } });
    try {
      const result = await refusedWith(REPLICATE, 'replicateModel', input({ residentialAreaId: await newArea('Ấp Thứ Ba') }));
      expect(result.fields.map((f: any) => f.path)).toContainEqual(['input', 'sourceModelId']);
    } finally {
      await db.prisma.model.update({ where: { id: rawId(source.id) }, data: { modelTypeId: raType } });
    }
  });
});
