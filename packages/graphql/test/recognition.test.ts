/**
 * Recognition through the API (issue #8, items 1, 5, 6, 7): exemplars, commendations, key
 * areas, people of influence and model partners, with typed errors, jurisdiction, masked
 * names, tips kept confidential behind a commendation, audit, and statement counts.
 */
import { seedDemo } from '@antq/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../src/auth/api-keys.js';
import { tokenFor, usePreparedServer, type TestServer } from './support/server.js';

const ctx = usePreparedServer();
let server: TestServer;
const as = {} as Record<
  'province70' | 'province75' | 'province01' | 'national' | 'communeHere' | 'communeThere' | 'partner',
  Record<string, string>
>;
let modelId = '';
let areaId = '';
let areaCommune = '';

beforeAll(async () => {
  ({ server } = ctx);
  await seedDemo(ctx.db);
  const bearer = async (role: Parameters<typeof tokenFor>[0], unit: string | null) => ({
    authorization: `Bearer ${await tokenFor(role, unit)}`,
  });
  as.province70 = await bearer('PROVINCE_OFFICER', '75');
  as.province75 = await bearer('PROVINCE_OFFICER', '75');
  as.province01 = await bearer('PROVINCE_OFFICER', '01');
  as.national = await bearer('NATIONAL', null);
  // A demo model in a residential area, and the commune that area was in at the end of 2024.
  const model = await ctx.db.prisma.model.findFirstOrThrow({
    where: { hostKind: 'RESIDENTIAL_AREA', datasetId: { not: null } },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      residentialArea: { select: { id: true, placements: { orderBy: { validFrom: 'asc' }, select: { communeCode: true } } } },
    },
  });
  modelId = encodeGlobalID('Model', model.id);
  areaId = encodeGlobalID('ResidentialArea', model.residentialArea!.id);
  areaCommune = model.residentialArea!.placements[0]!.communeCode;
  as.communeHere = await bearer('COMMUNE_OFFICER', areaCommune);
  as.communeThere = await bearer('COMMUNE_OFFICER', areaCommune === '25195' ? '25210' : '25195');
  as.partner = {
    'x-api-key': (await issueApiKey(ctx.db.prisma, { name: 'Recognition partner', scopes: ['read:models'], issuedBy: 'test' })).key,
  };
}, 120_000);

const RESULT = `__typename ... on ValidationError { code fields { path message } } ... on NotFoundError { code } ... on ForbiddenError { code }`;
const EXEMPLAR = `mutation($i: RecognizeExemplarInput!) { recognizeExemplar(input: $i) { result { ${RESULT} ... on Exemplar { id subjectKind level unitCode personName personRole decision { number date issuer } model { id } } } } }`;
const COMMEND = `mutation($i: RecordCommendationInput!) { recordCommendation(input: $i) { result { ${RESULT} ... on Commendation { id form level forKind reason personName tip { id } } } } }`;
const FLAG = `mutation($i: FlagKeyAreaInput!) { flagKeyArea(input: $i) { result { ${RESULT} ... on KeyArea { id unitCode category validFrom validTo } } } }`;
const ENGAGE = `mutation($i: EngageInfluentialPersonInput!) { engageInfluentialPerson(input: $i) { result { ${RESULT} ... on InfluentialPerson { id kind fullName role religion } } } }`;
const PARTNER = `mutation($i: AddModelPartnerInput!) { addModelPartner(input: $i) { result { ${RESULT} ... on AddedModelPartner { name model { id partners { partnerKind name } } } } } }`;
const decision = { decisionNumber: '77/QĐ-UBND', decisionDate: '2024-12-01', decisionIssuer: 'Ủy ban nhân dân tỉnh Bình Phước' };
const run = async (m: string, i: Record<string, unknown>, headers: Record<string, string>) => {
  const body = await server.query<any>(m, { i }, headers);
  expect(body.errors).toBeUndefined();
  return Object.values(body.data)[0] as any;
};
/** Submits an anonymous tip about commune 25195, and answers its global ID. */
const submitTip = async (text: string) => {
  const body = await server.query<any>(`mutation($i: SubmitTipInput!) { submitTip(input: $i) { result { __typename } } }`, {
    i: { category: 'DRUGS', unitCode: '25195', text },
  });
  expect(body.data.submitTip.result.__typename).toBe('TipReceipt');
  const tip = await ctx.db.prisma.tip.findFirstOrThrow({ orderBy: { receivedAt: 'desc' }, select: { id: true } });
  return encodeGlobalID('Tip', tip.id);
};
/** The node of this ID as `headers` read it, through `selection` (e.g. `... on Exemplar { personName }`). */
const nodeAs = async (id: string, selection: string, headers: Record<string, string>) => {
  const body = await server.query<any>(`query($id: ID!) { node(id: $id) { ${selection} } }`, { id }, headers);
  expect(body.errors).toBeUndefined();
  return body.data.node;
};

describe('recognizeExemplar', () => {
  const base = { subjectKind: 'MODEL', level: 'PROVINCE', periodFrom: '2024-01-01', periodTo: '2024-12-31', ...decision, unitCode: '70' };

  it('recognises a model of old Bình Phước, by today’s Đồng Nai officers too, audited', async () => {
    const { result } = await run(EXEMPLAR, { ...base, modelId }, as.province75);
    expect(result).toMatchObject({
      __typename: 'Exemplar',
      subjectKind: 'MODEL',
      level: 'PROVINCE',
      unitCode: '70',
      decision: { number: '77/QĐ-UBND', date: '2024-12-01' },
      model: { id: modelId },
    });
    const audited = await ctx.db.prisma.auditEntry.count({ where: { action: 'recognizeExemplar', outcome: 'OK' } });
    expect(audited).toBe(1);
  });

  it.each<[string, Record<string, unknown>, string, string[]]>([
    [
      'a district level after districts ended',
      { level: 'DISTRICT', decisionDate: '2025-08-01', periodTo: '2025-12-31' },
      'ValidationError',
      ['level'],
    ],
    ['a level that does not recognise exemplars', { level: 'STATE' }, 'ValidationError', ['level']],
    ['a decision in the future', { decisionDate: '2026-07-01', periodTo: '2026-12-31' }, 'ValidationError', ['decisionDate']],
    ['a decision after the period', { decisionDate: '2025-01-05' }, 'ValidationError', ['decisionDate']],
    [
      'a collective without its ID',
      { subjectKind: 'COLLECTIVE', collectiveKind: 'RESIDENTIAL_AREA', modelId: undefined },
      'ValidationError',
      ['collectiveId'],
    ],
    [
      'an individual without a role',
      { subjectKind: 'INDIVIDUAL', fullName: 'Nguyễn Văn A', modelId: undefined },
      'ValidationError',
      ['role'],
    ],
    ['a unit the subject is not in', { unitCode: '01' }, 'ValidationError', ['unitCode']],
    ['a unit code that held no unit then', { unitCode: '99' }, 'ValidationError', ['unitCode']],
  ])('refuses %s', async (_n, change, type, paths) => {
    const { result } = await run(EXEMPLAR, { ...base, modelId, ...change }, as.province70);
    expect(result.__typename).toBe(type);
    expect(result.fields.map((f: any) => f.path.at(-1))).toEqual(paths);
  });

  it('answers NotFound for a model outside the jurisdiction, Forbidden to the public and to area-less partners', async () => {
    expect((await run(EXEMPLAR, { ...base, modelId }, as.communeThere)).result.__typename).toBe('NotFoundError');
    expect((await run(EXEMPLAR, { ...base, modelId }, as.province01)).result.__typename).toBe('NotFoundError');
    expect((await run(EXEMPLAR, { ...base, modelId }, as.partner)).result.__typename).toBe('ForbiddenError');
    expect((await server.query<any>(EXEMPLAR, { i: { ...base, modelId } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const refusals = await ctx.db.prisma.auditEntry.count({ where: { action: 'recognizeExemplar', outcome: { not: 'OK' } } });
    expect(refusals).toBeGreaterThanOrEqual(3);
  });

  it('masks an individual’s name for those who may not read personal data, and never audits it', async () => {
    const { result } = await run(
      EXEMPLAR,
      {
        ...base,
        subjectKind: 'INDIVIDUAL',
        fullName: 'Trần Thị Bích',
        role: 'Tổ trưởng tổ bảo vệ an ninh, trật tự',
        unitCode: areaCommune,
      },
      as.province70,
    );
    expect(result).toMatchObject({
      __typename: 'Exemplar',
      personName: 'Trần Thị Bích',
      personRole: 'Tổ trưởng tổ bảo vệ an ninh, trật tự',
    });
    // The role is masked with the name: with the place, it says who.
    expect(await nodeAs(result.id, '... on Exemplar { personName personRole }', as.partner)).toEqual({
      personName: null,
      personRole: null,
    });
    const entries = JSON.stringify(await ctx.db.prisma.auditEntry.findMany({ where: { action: 'recognizeExemplar' } }));
    expect(entries).not.toContain('Bích');
  });
});

describe('recordCommendation', () => {
  const base = {
    recipientKind: 'INDIVIDUAL',
    fullName: 'Lê Văn Cường',
    role: 'Người dân',
    form: 'LETTER_OF_COMMENDATION',
    level: 'PROVINCE',
    ...decision,
    decisionIssuer: 'Giám đốc Công an tỉnh Bình Phước',
    reason: 'Tố giác kịp thời một vụ mua bán trái phép chất ma túy.',
  };

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a Bằng khen from a commune', { form: 'CERTIFICATE_OF_MERIT', level: 'COMMUNE' }, ['level']],
    ['a Cờ thi đua to an individual', { form: 'EMULATION_FLAG' }, ['recipientKind']],
    ['a medal from a province', { form: 'MEDAL' }, ['level']],
    ['two things it was for', { forModelId: 'x', forExemplarId: 'y' }, ['forModelId']],
    ['no reason', { reason: ' ' }, ['reason']],
  ])('refuses %s', async (_n, change, paths) => {
    const { result } = await run(COMMEND, { ...base, unitCode: '70', ...change }, as.province70);
    expect(result.__typename).toBe('ValidationError');
    expect(result.fields.map((f: any) => f.path.at(-1))).toEqual(paths);
  });

  it('links a tip without revealing anything of it to those who may not read it', async () => {
    const tipId = await submitTip('Có người bán ma túy ở đầu hẻm, tối nào cũng có.');
    // Officers of another commune may commend their own people, but not for a tip they may not read: not found.
    const elsewhere = { authorization: `Bearer ${await tokenFor('COMMUNE_OFFICER', '25210')}` };
    expect(
      (await run(COMMEND, { ...base, unitCode: '25210', decisionDate: '2026-05-01', forTipId: tipId }, elsewhere)).result.__typename,
    ).toBe('NotFoundError');
    expect(
      (await run(COMMEND, { ...base, unitCode: '25195', decisionDate: '2026-05-01', forTipId: tipId }, elsewhere)).result.__typename,
    ).toBe('ForbiddenError');
    const { result } = await run(COMMEND, { ...base, unitCode: '25195', decisionDate: '2026-05-01', forTipId: tipId }, as.province75);
    expect(result).toMatchObject({ __typename: 'Commendation', forKind: 'TIP', tip: { id: tipId }, personName: 'Lê Văn Cường' });
    expect(await nodeAs(result.id, '... on Commendation { forKind reason tip { id } personName }', as.partner)).toEqual({
      forKind: 'TIP',
      reason: null,
      tip: null,
      personName: null,
    });
  });

  it('keeps who was commended for a tip (the likely informant) from those who may not read the tip', async () => {
    const tipId = await submitTip('Có nhóm thanh niên tụ tập đua xe trái phép mỗi tối thứ bảy.');
    // Filed in another commune (where the person lives), for a tip of 25195: that commune's officers read the commendation, not the tip.
    const { result } = await run(
      COMMEND,
      { ...base, fullName: 'Phạm Thị Dung', role: 'Tổ viên tổ tự quản', unitCode: '25210', decisionDate: '2026-05-01', forTipId: tipId },
      as.province75,
    );
    expect(result).toMatchObject({ __typename: 'Commendation', forKind: 'TIP' });
    const q = '... on Commendation { forKind personName personRole }';
    const elsewhere = { authorization: `Bearer ${await tokenFor('COMMUNE_OFFICER', '25210')}` };
    for (const viewer of [as.partner, elsewhere]) {
      expect(await nodeAs(result.id, q, viewer)).toEqual({ forKind: 'TIP', personName: null, personRole: null });
    }
    expect(await nodeAs(result.id, q, as.province75)).toEqual({
      forKind: 'TIP',
      personName: 'Phạm Thị Dung',
      personRole: 'Tổ viên tổ tự quản',
    });
  });

  it.each<[string, string, () => string]>([
    ['a malformed model ID', 'forModelId', () => 'not-an-id'],
    ['a tip ID of another type', 'forTipId', () => modelId],
    ['a malformed tip ID', 'forTipId', () => encodeGlobalID('Tip', 'not-a-uuid')],
    ['an exemplar ID of another type', 'forExemplarId', () => modelId],
    ['a malformed exemplar ID', 'forExemplarId', () => '%%%'],
    ['a model ID of another type', 'forModelId', () => areaId],
  ])('answers NotFound, audited, for %s in what it was for', async (_n, field, id) => {
    const before = await ctx.db.prisma.auditEntry.count({ where: { action: 'recordCommendation', outcome: 'NOT_FOUND' } });
    const { result } = await run(COMMEND, { ...base, unitCode: '70', [field]: id() }, as.province70);
    expect(result.__typename).toBe('NotFoundError');
    expect(await ctx.db.prisma.auditEntry.count({ where: { action: 'recordCommendation', outcome: 'NOT_FOUND' } })).toBe(before + 1);
  });
});

describe('the collective a record names', () => {
  const NAMED = `{ residentialArea { id } organization { id } securityTeam { name members(first: 5) { edges { node { fullName } } } } }`;
  const read = (id: string, headers: Record<string, string>) =>
    nodeAs(id, `... on Exemplar ${NAMED} ... on Commendation ${NAMED}`, headers);

  it('shows a security team (its members’ names) and a residential area only to those who may read them, not to a read:models partner', async () => {
    const team = await ctx.db.prisma.securityTeam.findFirstOrThrow({
      where: { datasetId: { not: null }, placeCodes: { has: '70' }, members: { some: {} } },
      orderBy: { id: 'asc' },
      select: { id: true, name: true },
    });
    const teamId = encodeGlobalID('SecurityTeam', team.id);
    const collective = { collectiveKind: 'SECURITY_TEAM', collectiveId: teamId };
    const ofCollective = {
      subjectKind: 'COLLECTIVE',
      level: 'PROVINCE',
      periodFrom: '2024-01-01',
      periodTo: '2024-12-31',
      ...decision,
      unitCode: '70',
    };
    const exemplar = await run(EXEMPLAR, { ...ofCollective, ...collective }, as.province70);
    expect(exemplar.result.__typename).toBe('Exemplar');
    const commendation = await run(
      COMMEND,
      {
        recipientKind: 'COLLECTIVE',
        ...collective,
        form: 'CERTIFICATE_OF_MERIT',
        level: 'PROVINCE',
        ...decision,
        reason: 'Hoàn thành xuất sắc nhiệm vụ năm 2024.',
        unitCode: '70',
      },
      as.province70,
    );
    expect(commendation.result.__typename).toBe('Commendation');
    for (const id of [exemplar.result.id, commendation.result.id]) {
      const officer = await read(id, as.province70);
      expect(officer.securityTeam.name).toBe(team.name);
      expect(officer.securityTeam.members.edges.length).toBeGreaterThan(0);
      expect(await read(id, as.partner)).toEqual({ residentialArea: null, organization: null, securityTeam: null });
    }
    const area = await run(EXEMPLAR, { ...ofCollective, collectiveKind: 'RESIDENTIAL_AREA', collectiveId: areaId }, as.province70);
    expect(area.result.__typename).toBe('Exemplar');
    expect((await read(area.result.id, as.province70)).residentialArea).toEqual({ id: areaId });
    expect((await read(area.result.id, as.partner)).residentialArea).toBeNull();
  });
});

describe('key areas, people of influence, partners', () => {
  it('flags a key area (province officers only) and lists it by unit and date', async () => {
    const i = {
      unitCode: '25195',
      category: 'CRIME',
      reason: 'Phức tạp về ma túy.',
      validFrom: '2026-01-01',
      decisionNumber: '9/QĐ-UBND',
      decisionDate: '2026-01-01',
      decisionIssuer: 'UBND Thành phố Đồng Nai',
    };
    expect((await run(FLAG, i, as.communeHere)).result.__typename).toBe('ForbiddenError');
    expect((await run(FLAG, { ...i, decisionIssuer: undefined }, as.province75)).result.fields[0].path).toEqual([
      'input',
      'decisionNumber',
    ]);
    expect((await run(FLAG, { ...i, validTo: '2025-12-31' }, as.province75)).result.fields[0].path).toEqual(['input', 'validTo']);
    expect((await run(FLAG, i, as.province01)).result.__typename).toBe('ForbiddenError');
    expect((await run(FLAG, i, as.province75)).result).toMatchObject({
      __typename: 'KeyArea',
      unitCode: '25195',
      category: 'CRIME',
      validFrom: '2026-01-01',
      validTo: null,
    });
    const list = `query($u: String!, $d: Date) { keyAreas(unitCode: $u, asOf: $d) { totalCount edges { node { unitCode category } } } }`;
    expect(
      (await server.query<any>(list, { u: '75', d: '2026-05-01' }, as.province75)).data.keyAreas.edges.map((e: any) => e.node.unitCode),
    ).toContain('25195');
    expect((await server.query<any>(list, { u: '70', d: '2024-06-01' }, as.province70)).data.keyAreas.totalCount).toBeGreaterThan(0);
    expect((await server.query<any>(list, { u: '75', d: '2026-05-01' }, as.partner)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('engages a dignitary (with a religion) in a residential area, name masked for partners', async () => {
    const i = {
      kind: 'RELIGIOUS_DIGNITARY',
      fullName: 'Nguyễn Văn Phúc',
      role: 'Linh mục quản xứ',
      residentialAreaId: areaId,
      validFrom: '2024-03-01',
    };
    expect((await run(ENGAGE, i, as.province70)).result.fields[0].path).toEqual(['input', 'religion']);
    expect((await run(ENGAGE, { ...i, religion: 'CATHOLICISM' }, as.communeThere)).result.__typename).toBe('NotFoundError');
    const { result } = await run(ENGAGE, { ...i, religion: 'CATHOLICISM' }, as.communeHere);
    expect(result).toMatchObject({
      __typename: 'InfluentialPerson',
      kind: 'RELIGIOUS_DIGNITARY',
      fullName: 'Nguyễn Văn Phúc',
      religion: 'CATHOLICISM',
    });
    expect(await nodeAs(result.id, '... on InfluentialPerson { fullName role }', as.partner)).toEqual({
      fullName: null,
      role: 'Linh mục quản xứ',
    });
  });

  it('adds a partner organisation to a model, once', async () => {
    const i = { modelId, partnerKind: 'VETERANS_ASSOCIATION', name: 'Hội Cựu chiến binh xã', validFrom: '2024-05-01' };
    const { result } = await run(PARTNER, i, as.province70);
    expect(result.__typename).toBe('AddedModelPartner');
    expect(result.model.partners).toEqual(expect.arrayContaining([{ partnerKind: 'VETERANS_ASSOCIATION', name: 'Hội Cựu chiến binh xã' }]));
    expect((await run(PARTNER, i, as.province70)).result.fields[0].path).toEqual(['input', 'name']);
    expect(
      (await run(PARTNER, { ...i, partnerKind: 'CHURCH' }, as.province70).catch(() => ({ result: 'invalid enum' }))).result,
    ).toBeDefined();
  });
});

describe('lists cost a fixed number of statements', () => {
  it('exemplars and commendations of Bình Phước in 2024: the same count for 5 as for 50', async () => {
    const q = `query($n: Int!) {
      exemplars(unitCode: "70", from: "2024-01-01", to: "2024-12-31", first: $n) { totalCount edges { node { subjectKind level personName personRole model { id } residentialArea { id } organization { id } securityTeam { name } decision { number } } } }
      commendations(unitCode: "70", from: "2024-01-01", to: "2024-12-31", first: $n) { totalCount edges { node { form level reason personName personRole tip { id } exemplar { id level } residentialArea { id } organization { id } securityTeam { name } } } }
    }`;
    const small = await server.queryCounting<any>(q, { n: 5 }, as.province70);
    const large = await server.queryCounting<any>(q, { n: 50 }, as.province70);
    expect(small.body.errors).toBeUndefined();
    expect(large.body.data.exemplars.edges.length).toBeGreaterThan(5);
    expect(large.body.data.exemplars.totalCount).toBeGreaterThan(30);
    expect(large.statements.length).toBe(small.statements.length);
  });
});
