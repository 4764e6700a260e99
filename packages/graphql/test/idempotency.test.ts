/**
 * Idempotency keys (src/mutation/idempotency.ts, in the one mutation pipeline), on a real
 * PostgreSQL: a mutation retried with the same `Idempotency-Key` by the same client answers
 * the first payload and writes once; concurrent duplicates write once; the same key with
 * other input is refused (IDEMPOTENCY_KEY_REUSED); another client's key is its own; keys
 * expire; the stored answer is sealed (a tip's secret is not readable in the table).
 */
import { importAdminUnits } from '@antq/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, postgresUnavailable, REQUIRE_POSTGRES } from '../../db/test/support/databases.js';
import { createTestServer, tokenFor, type GraphQLBody, type TestServer } from './support/server.js';

const SUBMIT = `mutation Tip($i: SubmitTipInput!) { submitTip(input: $i) { result {
  __typename ... on TipReceipt { tipNumber secret } ... on UserError { code } } } }`;
const TIP = { category: 'OTHER', unitCode: '25195', text: 'Có người lạ đỗ xe trước nhà số 7 mỗi đêm.' };

type Submitted = GraphQLBody<{ submitTip: { result: { __typename: string; tipNumber?: string; secret?: string; code?: string } } }>;

describe.skipIf(postgresUnavailable !== null && !REQUIRE_POSTGRES)('idempotency keys on PostgreSQL', () => {
  let opened: Awaited<ReturnType<typeof openTestDatabase>>;
  let server: TestServer;
  beforeAll(async () => {
    opened = await openTestDatabase('postgres');
    await importAdminUnits(opened.db);
    server = createTestServer(opened.db);
  }, 180_000);
  afterAll(() => opened?.dispose());

  const submit = async (key: string | null, input: Record<string, unknown> = TIP, headers: Record<string, string> = {}, s = server) => {
    const response = await s.request(SUBMIT, { i: input }, { ...headers, ...(key ? { 'idempotency-key': key } : {}) });
    return { status: response.status, body: (await response.json()) as Submitted };
  };
  const tips = () => opened.db.prisma.tip.count();
  const audits = () => opened.db.prisma.auditEntry.count({ where: { action: 'submitTip' } });

  it('answers a retry with the first payload, and writes once (one tip, one audit entry, one key)', async () => {
    const [tipsBefore, auditsBefore] = [await tips(), await audits()];
    const first = await submit('retry-0001');
    expect(first.status).toBe(200);
    expect(first.body.data!.submitTip.result).toMatchObject({ __typename: 'TipReceipt', tipNumber: expect.stringMatching(/^TG-/) });
    const again = await submit('retry-0001');
    const third = await submit('retry-0001');
    expect(again.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);
    expect(await tips()).toBe(tipsBefore + 1);
    expect(await audits()).toBe(auditsBefore + 1);
    expect(await opened.db.prisma.idempotencyKey.count({ where: { key: 'retry-0001' } })).toBe(1);
    // Without a key, the same request writes again.
    await submit(null);
    expect(await tips()).toBe(tipsBefore + 2);
  });

  it('writes once for concurrent duplicates, each answered with the same payload', async () => {
    const before = await tips();
    const answers = await Promise.all(Array.from({ length: 8 }, () => submit('concurrent-0001')));
    for (const a of answers) expect(a.body.errors).toBeUndefined();
    const numbers = new Set(answers.map((a) => a.body.data!.submitTip.result.tipNumber));
    expect(numbers.size).toBe(1);
    expect(new Set(answers.map((a) => a.body.data!.submitTip.result.secret)).size).toBe(1);
    expect(await tips()).toBe(before + 1);
    expect(await opened.db.prisma.tip.count({ where: { number: [...numbers][0]! } })).toBe(1);
    expect(await opened.db.prisma.idempotencyKey.count({ where: { key: 'concurrent-0001' } })).toBe(1);
  });

  it('refuses the same key with other input, in Vietnamese and English, writing nothing', async () => {
    await submit('reused-0001');
    const before = await tips();
    const other = await submit('reused-0001', { ...TIP, text: 'Một việc khác hẳn, ở chỗ khác trong phường.' });
    expect(other.status).toBe(422);
    expect(other.body.errors![0]!.extensions).toEqual({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(other.body.errors![0]!.message).toMatch(/^Idempotency-Key này đã được dùng .* \/ This Idempotency-Key was already used/);
    expect(await tips()).toBe(before);
  });

  it('keeps each client’s keys apart: an officer’s key is not an anonymous one’s', async () => {
    const anonymous = await submit('shared-0001');
    const officer = await submit('shared-0001', TIP, { authorization: `Bearer ${await tokenFor('NATIONAL', null)}` });
    expect(officer.body.data!.submitTip.result.tipNumber).not.toBe(anonymous.body.data!.submitTip.result.tipNumber);
  });

  it('does not store a refused act: the retry runs again', async () => {
    const before = await opened.db.prisma.idempotencyKey.count();
    const refused = await submit('refused-0001', { ...TIP, unitCode: '99999' });
    expect(refused.body.data!.submitTip.result).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect(await opened.db.prisma.idempotencyKey.count()).toBe(before);
    const fixed = await submit('refused-0001', { ...TIP, unitCode: '99999' });
    expect(fixed.body.data!.submitTip.result.__typename).toBe('NotFoundError');
  });

  it('stores the answer sealed: the tip’s secret is not in the table', async () => {
    const { body } = await submit('sealed-0001');
    const row = await opened.db.prisma.idempotencyKey.findFirstOrThrow({ where: { key: 'sealed-0001' } });
    expect(JSON.stringify(row)).not.toContain(body.data!.submitTip.result.secret!);
    expect(row.clientHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets keys expire after the server’s idempotencyKeyTtlSeconds, then the key writes again', async () => {
    const short = createTestServer(opened.db, () => {}, { settings: { idempotencyKeyTtlSeconds: 1 } });
    const first = await submit('expiring-0001', TIP, {}, short);
    expect((await submit('expiring-0001', TIP, {}, short)).body).toEqual(first.body);
    await new Promise((r) => setTimeout(r, 1_200));
    const later = await submit('expiring-0001', TIP, {}, short);
    expect(later.body.data!.submitTip.result.tipNumber).not.toBe(first.body.data!.submitTip.result.tipNumber);
    expect(await opened.db.prisma.idempotencyKey.count({ where: { key: 'expiring-0001' } })).toBe(1);
  });

  it('refuses a malformed key with BAD_USER_INPUT', async () => {
    const { body } = await submit('x'.repeat(256));
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IDEMPOTENCY_KEY' });
  });
});
