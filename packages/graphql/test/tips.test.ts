import type { Database } from '@antq/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPreparedDatabase } from './support/prepared-database.js';
import { createTestServer, tokenFor, type TestServer } from './support/server.js';

let db: Database;
let server: TestServer;
let as: Record<'communeOfficer' | 'otherCommune' | 'provinceOfficer' | 'otherProvince' | 'national' | 'areaLeader', Record<string, string>>;

// Phường Bình Phước (25195) in Thành phố Đồng Nai (75) on the tests' today, 2026-06-01.
const COMMUNE = '25195';
// The phone is looked for whole, with or without spaces: a random uuid in the row can contain "0912".
const PHONE = '0912 345 678';
const PHONE_ANYHOW = /0912\s?345\s?678/;
const CONTACT = `Nguyễn Văn Tố, ${PHONE}, số 5 hẻm 12`;
const TEXT = 'Có người bán ma túy ở đầu hẻm 12 vào mỗi tối sau 22 giờ.';

beforeAll(async () => {
  db = await openPreparedDatabase();
  server = createTestServer(db);
  const h = async (t: Promise<string>) => ({ authorization: `Bearer ${await t}` });
  as = {
    communeOfficer: await h(tokenFor('COMMUNE_OFFICER', COMMUNE)),
    otherCommune: await h(tokenFor('COMMUNE_OFFICER', '25210')),
    provinceOfficer: await h(tokenFor('PROVINCE_OFFICER', '75')),
    otherProvince: await h(tokenFor('PROVINCE_OFFICER', '01')),
    national: await h(tokenFor('NATIONAL', null)),
    areaLeader: await h(tokenFor('AREA_LEADER', COMMUNE, { areaId: 'area-1' })),
  };
});
afterAll(() => db?.close());

const SUBMIT = `mutation($input: SubmitTipInput!) { submitTip(input: $input) { result {
  __typename ... on TipReceipt { tipNumber secret } ... on UserError { code message } ... on ValidationError { fields { path message } } } } }`;
const TIPS = `query($unit: String) { tips(unitCode: $unit, first: 10) { totalCount edges { node { id number status text hasInformantContact version commune { code } events { status } } } } }`;

async function submit(input: Record<string, unknown>, headers?: Record<string, string>) {
  return (await server.query<any>(SUBMIT, { input }, headers)).data.submitTip.result;
}

/** A tip submitted in the commune with a contact: its number, and its ID as the commune's officer finds it in the list. */
async function submittedWithContact(category: string, text: string): Promise<{ number: string; id: string }> {
  const { tipNumber } = await submit({ category, unitCode: COMMUNE, text, contact: CONTACT });
  const list = await server.query<any>(TIPS, { unit: COMMUNE }, as.communeOfficer);
  return { number: tipNumber, id: list.data.tips.edges.find((e: any) => e.node.number === tipNumber).node.id };
}

describe('submitting a tip', () => {
  it('takes an anonymous tip and answers a number and a secret', async () => {
    const receipt = await submit({ category: 'DRUGS', unitCode: COMMUNE, text: TEXT, contact: CONTACT });
    expect(receipt).toEqual({
      __typename: 'TipReceipt',
      tipNumber: expect.stringMatching(/^TG-2026-\d{6}$/),
      secret: expect.stringMatching(/^[\w-]{24}$/),
    });
  });

  it('keeps the contact and the text encrypted at rest', async () => {
    const receipt = await submit({
      category: 'THEFT',
      unitCode: COMMUNE,
      text: 'Trộm xe máy ở chợ Tân Phú, biển số 93A-123.45.',
      contact: CONTACT,
    });
    const row = await db.prisma.tip.findUniqueOrThrow({ where: { number: receipt.tipNumber } });
    expect(JSON.stringify(row)).not.toMatch(PHONE_ANYHOW);
    expect(JSON.stringify(row)).not.toContain('93A-123.45');
    expect(row.placeCodes).toEqual([COMMUNE, '75']);
  });

  it('files a tip about before the 2025 reform under the old units and under today’s', async () => {
    // Phường Thác Mơ (25216), Thị xã Phước Long (688), Tỉnh Bình Phước (70) on 2025-01-01.
    const receipt = await submit({
      category: 'THEFT',
      unitCode: '25216',
      occurredOn: '2025-01-01',
      text: 'Mất trộm bò ở ấp 2, đầu năm 2025.',
    });
    const row = await db.prisma.tip.findUniqueOrThrow({ where: { number: receipt.tipNumber } });
    expect(row.placeCodes.slice(0, 3)).toEqual(['25216', '688', '70']);
    expect(row.placeCodes).toContain('75');
    const seen = await server.query<any>(TIPS, {}, as.provinceOfficer);
    expect(seen.data.tips.edges.some((e: any) => e.node.number === receipt.tipNumber)).toBe(true);
  });

  it.each([
    ['a province as the place', { unitCode: '75' }, 'VALIDATION', ['input', 'unitCode']],
    ['a text too short', { text: 'ma túy' }, 'VALIDATION', ['input', 'text']],
    ['a date in the future', { occurredOn: '2026-12-01' }, 'VALIDATION', ['input', 'occurredOn']],
    ['a commune that did not exist on the date', { unitCode: '99999' }, 'NOT_FOUND', null],
  ])('refuses %s with a typed error and writes nothing', async (_name, change, code, path) => {
    const before = await db.prisma.tip.count();
    const result = await submit({ category: 'DRUGS', unitCode: COMMUNE, text: TEXT, ...change });
    expect(result.code).toBe(code);
    if (path) expect(result.fields[0].path).toEqual(path);
    expect(await db.prisma.tip.count()).toBe(before);
  });
});

describe('informants who are signed in', () => {
  it('are not named in the audit log for their own tip', async () => {
    const signedIn = { authorization: `Bearer ${await tokenFor('COMMUNE_OFFICER', '00004', { subject: 'nguyen.van.an@cand.gov.vn' })}` };
    const { tipNumber } = await submit({ category: 'FRAUD', unitCode: COMMUNE, text: 'Một cán bộ báo tin với tư cách cá nhân.' }, signedIn);
    const tip = await db.prisma.tip.findUniqueOrThrow({ where: { number: tipNumber } });
    const entries = await db.prisma.auditEntry.findMany({
      where: { action: 'submitTip', entityId: Buffer.from(`Tip:${tip.id}`).toString('base64') },
    });
    expect(entries.map((e) => [e.actorKind, e.actor, e.actorRole, e.actorUnitCode])).toEqual([['ANONYMOUS', null, null, null]]);
  });
});

describe('following a tip up without revealing oneself', () => {
  it('reads status and replies with the secret, and nothing without it', async () => {
    const { tipNumber, secret } = await submit({ category: 'GAMBLING', unitCode: COMMUNE, text: 'Sới bạc ở nhà số 7 mỗi chủ nhật.' });
    const read = `query($n: String!, $s: String!) { informantTip(number: $n, secret: $s) { number status history { status date } messages { author text } } }`;
    expect((await server.query<any>(read, { n: tipNumber, s: secret })).data.informantTip).toEqual({
      number: tipNumber,
      status: 'RECEIVED',
      history: [{ status: 'RECEIVED', date: '2026-06-01' }],
      messages: [],
    });
    expect((await server.query<any>(read, { n: tipNumber, s: 'wrong-secret' })).data.informantTip).toBeNull();
    expect((await server.query<any>(read, { n: 'TG-2026-000000', s: secret })).data.informantTip).toBeNull();

    const add = `mutation($i: AddTipMessageInput!) { addTipMessage(input: $i) { result { __typename ... on InformantTip { messages { author text } } ... on UserError { code } } } }`;
    const added = await server.query<any>(add, { i: { tipNumber, secret, text: 'Họ đổi sang nhà số 9.' } });
    expect(added.data.addTipMessage.result).toEqual({
      __typename: 'InformantTip',
      messages: [{ author: 'INFORMANT', text: 'Họ đổi sang nhà số 9.' }],
    });
    const refused = await server.query<any>(add, { i: { tipNumber, secret: 'nope', text: 'x' } });
    expect(refused.data.addTipMessage.result).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND' });

    // The officer replies; the informant reads the reply, with no officer named.
    const tip = (await server.query<any>(TIPS, { unit: COMMUNE }, as.communeOfficer)).data.tips.edges.find(
      (e: any) => e.node.number === tipNumber,
    ).node;
    const reply = await server.query<any>(
      `mutation($i: ReplyToTipInput!) { replyToTip(input: $i) { result { __typename } } }`,
      { i: { tipId: tip.id, text: 'Cảm ơn, chúng tôi đang xác minh.' } },
      as.communeOfficer,
    );
    expect(reply.data.replyToTip.result.__typename).toBe('Tip');
    const after = await server.query<any>(
      `query($n: String!, $s: String!) { informantTip(number: $n, secret: $s) { messages { author text } } }`,
      { n: tipNumber, s: secret },
    );
    expect(after.data.informantTip.messages.at(-1)).toEqual({ author: 'OFFICER', text: 'Cảm ơn, chúng tôi đang xác minh.' });
  });
});

describe('who sees a tip', () => {
  let tipId: string;
  let number: string;
  beforeAll(async () => {
    ({ number, id: tipId } = await submittedWithContact('VIOLENCE', 'Nhóm thanh niên đánh nhau ở công viên.'));
  });

  it.each([
    ['the commune’s officer', 'communeOfficer', true],
    ['the province officer', 'provinceOfficer', true],
    ['a national officer', 'national', true],
    ['another commune’s officer', 'otherCommune', false],
    ['another province’s officer', 'otherProvince', false],
  ] as const)('%s: %s', async (_name, who, sees) => {
    const { data } = await server.query<any>(TIPS, {}, as[who]);
    expect(data.tips.edges.some((e: any) => e.node.number === number)).toBe(sees);
    const node = await server.query<any>(`query($id: ID!) { node(id: $id) { ... on Tip { number text } } }`, { id: tipId }, as[who]);
    // Outside the jurisdiction a tip is exactly as absent as one that does not exist.
    const missing = await server.query<any>(
      `query($id: ID!) { node(id: $id) { ... on Tip { number } } }`,
      { id: Buffer.from('Tip:0190a1b2-0000-7000-8000-000000000000').toString('base64') },
      as[who],
    );
    expect(missing).toMatchObject({ data: { node: null } });
    expect(missing.errors).toBeUndefined();
    if (sees) expect(node.data.node).toEqual({ number, text: 'Nhóm thanh niên đánh nhau ở công viên.' });
    else {
      expect(node.data).toEqual({ node: null });
      expect(node.errors).toBeUndefined();
    }
  });

  it('gives the public and area leaders nothing, with FORBIDDEN', async () => {
    for (const headers of [undefined, as.areaLeader]) {
      const r = await server.query<any>(TIPS, {}, headers);
      expect(r.data).toBeNull();
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('pages with the cursors it gives', async () => {
    for (let i = 0; i < 3; i++) await submit({ category: 'OTHER', unitCode: COMMUNE, text: `Tin báo thứ ${i} để thử phân trang.` });
    const page = `query($after: String) { tips(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { number } } } }`;
    const first = await server.query<any>(page, {}, as.provinceOfficer);
    const second = await server.query<any>(page, { after: first.data.tips.pageInfo.endCursor }, as.provinceOfficer);
    expect(second.errors).toBeUndefined();
    expect(second.data.tips.edges).toHaveLength(2);
    const numbers = [...first.data.tips.edges, ...second.data.tips.edges].map((e: any) => e.node.number);
    expect(new Set(numbers).size).toBe(4);
    const tooMany = await server.query<any>(`{ tips(first: 101) { totalCount } }`, undefined, as.provinceOfficer);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('narrows an officer’s unitCode filter to their jurisdiction', async () => {
    const r = await server.query<any>(TIPS, { unit: COMMUNE }, as.otherCommune);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', argument: 'unitCode', unitCode: COMMUNE });
  });

  it('never shows the contact on the tip itself', async () => {
    const { data } = await server.query<any>(TIPS, { unit: COMMUNE }, as.communeOfficer);
    expect(JSON.stringify(data)).not.toMatch(PHONE_ANYHOW);
    expect(data.tips.edges.find((e: any) => e.node.number === number).node.hasInformantContact).toBe(true);
  });
});

describe('handling and revealing', () => {
  let tipId: string;
  beforeAll(async () => {
    ({ id: tipId } = await submittedWithContact('FRAUD', 'Lừa đảo qua điện thoại giả danh công an.'));
  });

  const STATUS = `mutation($i: RecordTipStatusInput!) { recordTipStatus(input: $i) { result { __typename
    ... on Tip { status version events { status } } ... on ConflictError { currentVersion } ... on ValidationError { fields { path message } } ... on UserError { code } } } }`;

  it('moves a tip along, refuses a stale version and an illegal step, and writes nothing then', async () => {
    const ok = await server.query<any>(STATUS, { i: { tipId, status: 'VERIFYING', version: 1 } }, as.communeOfficer);
    expect(ok.data.recordTipStatus.result).toEqual({
      __typename: 'Tip',
      status: 'VERIFYING',
      version: 2,
      events: [{ status: 'RECEIVED' }, { status: 'VERIFYING' }],
    });
    const events = await db.prisma.tipEvent.count();
    const stale = await server.query<any>(STATUS, { i: { tipId, status: 'RESOLVED', version: 1 } }, as.communeOfficer);
    expect(stale.data.recordTipStatus.result).toEqual({ __typename: 'ConflictError', currentVersion: 2, code: 'CONFLICT' });
    const illegal = await server.query<any>(STATUS, { i: { tipId, status: 'RECEIVED', version: 2 } }, as.communeOfficer);
    expect(illegal.data.recordTipStatus.result).toMatchObject({ __typename: 'ValidationError', fields: [{ path: ['input', 'status'] }] });
    const outside = await server.query<any>(STATUS, { i: { tipId, status: 'RESOLVED', version: 2 } }, as.otherCommune);
    expect(outside.data.recordTipStatus.result).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect(await db.prisma.tipEvent.count()).toBe(events);
  });

  const REVEAL = `mutation($i: RevealTipInformantInput!) { revealTipInformant(input: $i) { result { __typename
    ... on RevealedInformant { anonymous contact } ... on UserError { code } } } }`;

  it('reveals the informant only with a written reason, and audits every attempt', async () => {
    const noReason = await server.query<any>(REVEAL, { i: { tipId, reason: 'cần' } }, as.communeOfficer);
    expect(noReason.data.revealTipInformant.result).toEqual({ __typename: 'ValidationError', code: 'VALIDATION' });
    const outside = await server.query<any>(REVEAL, { i: { tipId, reason: 'Cần xác minh lời khai của người báo tin.' } }, as.otherProvince);
    expect(outside.data.revealTipInformant.result.__typename).toBe('NotFoundError');
    const leader = await server.query<any>(REVEAL, { i: { tipId, reason: 'Cần xác minh lời khai của người báo tin.' } }, as.areaLeader);
    expect(leader.data.revealTipInformant.result.__typename).toBe('ForbiddenError');

    const reason = 'Cần lấy lời khai bổ sung theo yêu cầu của cơ quan điều tra.';
    const ok = await server.query<any>(REVEAL, { i: { tipId, reason } }, as.provinceOfficer);
    expect(ok.data.revealTipInformant.result).toEqual({ __typename: 'RevealedInformant', anonymous: false, contact: CONTACT });

    const entries = await db.prisma.auditEntry.findMany({
      where: { action: 'revealTipInformant', entityId: tipId },
      orderBy: { at: 'asc' },
    });
    expect(entries.map((e) => [e.actorRole, e.actorUnitCode, e.outcome, e.reason])).toEqual([
      ['COMMUNE_OFFICER', COMMUNE, 'VALIDATION', null],
      ['PROVINCE_OFFICER', '01', 'NOT_FOUND', 'Cần xác minh lời khai của người báo tin.'],
      ['PROVINCE_OFFICER', '75', 'OK', reason],
    ]);
    // A role that may never reveal is refused before the tip is looked up, and that is recorded too.
    const leaderTries = await db.prisma.auditEntry.findMany({ where: { action: 'revealTipInformant', actorRole: 'AREA_LEADER' } });
    expect(leaderTries.map((e) => [e.outcome, e.entityId])).toEqual([['FORBIDDEN', null]]);
    // The audit log never holds the personal data it protects.
    expect(JSON.stringify(await db.prisma.auditEntry.findMany())).not.toMatch(PHONE_ANYHOW);
  });
});

describe('the audit log', () => {
  const LOG = `query($f: AuditLogFilter) { auditLog(filter: $f, first: 50) { totalCount edges { node { action actorKind actorRole outcome unitCodes reason } } } }`;

  it('records every mutation, and shows province officers their province only', async () => {
    const national = await server.query<any>(LOG, { f: { action: 'submitTip' } }, as.national);
    expect(national.data.auditLog.totalCount).toBeGreaterThanOrEqual(5);
    expect(national.data.auditLog.edges[0].node).toMatchObject({
      action: 'submitTip',
      actorKind: 'ANONYMOUS',
      outcome: 'OK',
      unitCodes: [COMMUNE, '75'],
    });
    const province = await server.query<any>(LOG, {}, as.provinceOfficer);
    expect(province.data.auditLog.totalCount).toBeGreaterThan(0);
    expect(province.data.auditLog.edges.every((e: any) => e.node.unitCodes.includes('75'))).toBe(true);
    const elsewhere = await server.query<any>(LOG, {}, as.otherProvince);
    expect(elsewhere.data.auditLog.totalCount).toBe(0);
  });

  it('is closed to commune officers and the public', async () => {
    for (const headers of [as.communeOfficer, undefined]) {
      const r = await server.query<any>(LOG, {}, headers);
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('the server log', () => {
  it('holds none of the personal data a request carries, even when the request fails', async () => {
    const lines: string[] = [];
    const logged = createTestServer(db, (entry) => lines.push(JSON.stringify(entry)));
    const contact = 'Trần Thị Bảo, CCCD 079123456789, 0987 654 321';
    const body = 'Ông Lê Văn Hùng ở số 42 đường Phú Riềng Đỏ chứa hàng cấm.';
    await logged.query(SUBMIT, { input: { category: 'SMUGGLING', unitCode: COMMUNE, text: body, contact } });
    await logged.query(SUBMIT, { input: { category: 'SMUGGLING', unitCode: '99999', text: body, contact } });
    await logged.query(
      `mutation { submitTip(input: { category: SMUGGLING, unitCode: "${COMMUNE}", text: "${body}", contact: "${contact}" }) { result { __typename } } }`,
    );
    await logged.query(
      `mutation { submitTip(input: { category: NOPE, unitCode: "${COMMUNE}", text: "${body}", contact: "${contact}" }) { result { __typename } } }`,
    );
    // A client-chosen operation name is no place for personal data either.
    await logged.yoga.fetch('http://antq.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Tran_Thi_Bao_079123456789 { __typename }', operationName: 'Tran_Thi_Bao_079123456789' }),
    });
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const log = lines.join('\n');
    for (const secret of ['079123456789', '0987', 'Bảo', 'Lê Văn Hùng', 'Phú Riềng']) expect(log).not.toContain(secret);
    const operations = lines.map((l) => JSON.parse(l)).filter((e) => e.msg === 'operation');
    expect(operations[0]).toMatchObject({ level: 'info', kind: 'mutation', viewer: { kind: 'ANONYMOUS' }, errorCodes: [] });
    expect(operations).toHaveLength(4); // the invalid one never runs
  });
});
