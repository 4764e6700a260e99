/**
 * Limits on failures per client (src/http/rate-limits.ts): the informant's tip look-up
 * (40 wrong secrets in a window by default, then HTTP 429 `RATE_LIMITED` with Retry-After,
 * the same whether or not the tip exists) and credentials that are not valid (bearer tokens,
 * API keys: 20 by default, per address). Each client counts apart (the signed-in viewer, else
 * its address); a right answer does not count; the window ends and the client is served again.
 */
import type { Database } from '@antq/db';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { listen } from '../src/http/serve.js';
import { createAntqYoga, type AntqYoga } from '../src/index.js';
import { DEFAULT_SETTINGS, settingsFromEnv, type ServerSettings } from '../src/settings.js';
import { openPreparedDatabase } from './support/prepared-database.js';
import { TEST_SECRETS, TEST_TODAY, tokenFor, type GraphQLBody } from './support/server.js';

let db: Database;
let tip: { tipNumber: string; secret: string };

const LOOKUP = `query Lookup($n: String!, $s: String!) { informantTip(number: $n, secret: $s) { number status } }`;
const ADD = `mutation Add($i: AddTipMessageInput!) { addTipMessage(input: $i) { result { __typename } } }`;
const PUBLIC = `query Unit { adminUnit(code: "70", asOf: "2024-06-01") { code } }`;
const RATE_LIMITED = /^Quá nhiều lần thử sai: thử lại sau \d+ giây\. \/ Too many failed attempts: try again in \d+ seconds\.$/;
const FORGED = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJYanFvcCJ9.c2lnbmF0dXJl';

const serverWith = (settings: Partial<ServerSettings> = {}) =>
  createAntqYoga({ db, secrets: TEST_SECRETS, clock: () => TEST_TODAY, graphiql: false, log: () => {}, settings });

/** A request from `address`, as node:http hands it to yoga (the connection's remote address). */
function ask(
  yoga: AntqYoga,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
  address = '203.0.113.7',
) {
  return Promise.resolve(
    yoga.fetch(
      'http://antq.test/graphql',
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) },
      { req: { socket: { remoteAddress: address } } } as never,
    ),
  );
}

const lookup = (yoga: AntqYoga, number: string, secret: string, headers?: Record<string, string>, address?: string) =>
  ask(yoga, LOOKUP, { n: number, s: secret }, headers, address);

async function expectRateLimited(response: Response, windowSeconds: number) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  const body = (await response.json()) as GraphQLBody<unknown>;
  expect(body.errors).toHaveLength(1);
  expect(body.errors![0]!.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter });
  expect(body.errors![0]!.message).toMatch(RATE_LIMITED);
  return body;
}

/**
 * The clock the counters read (Date), stopped for the test so that a loaded machine cannot
 * end a window early; `after(seconds)` moves it on.
 */
function stopTheClock() {
  vi.useFakeTimers({ toFake: ['Date'] });
  return { after: (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000) };
}
afterEach(() => {
  vi.useRealTimers();
});

beforeAll(async () => {
  db = await openPreparedDatabase();
  const submitted = (await (
    await ask(
      serverWith(),
      `mutation($i: SubmitTipInput!) { submitTip(input: $i) { result { ... on TipReceipt { tipNumber secret } } } }`,
      { i: { category: 'OTHER', unitCode: '25195', text: 'Có người lạ đỗ xe trước nhà số 7 mỗi đêm.' } },
    )
  ).json()) as GraphQLBody<{ submitTip: { result: { tipNumber: string; secret: string } } }>;
  tip = submitted.data!.submitTip.result;
});
afterAll(() => db?.close());

describe('the limit on tip look-ups', () => {
  it('has its defaults and takes its settings from the environment', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      tipLookupFailuresPerWindow: 40,
      signInFailuresPerWindow: 20,
      rateLimitWindowSeconds: 900,
      trustProxy: false,
    });
    expect(
      settingsFromEnv({
        ANTQ_RATE_LIMIT_TIP_FAILURES: '5',
        ANTQ_RATE_LIMIT_SIGN_IN_FAILURES: '0',
        ANTQ_RATE_LIMIT_WINDOW_SECONDS: '60',
        ANTQ_TRUST_PROXY: '1',
      }),
    ).toMatchObject({ tipLookupFailuresPerWindow: 5, signInFailuresPerWindow: 0, rateLimitWindowSeconds: 60, trustProxy: true });
    expect(() => settingsFromEnv({ ANTQ_RATE_LIMIT_TIP_FAILURES: '-1' })).toThrow(/tipLookupFailuresPerWindow/);
    expect(() => settingsFromEnv({ ANTQ_RATE_LIMIT_WINDOW_SECONDS: '0' })).toThrow(/rateLimitWindowSeconds/);
  });

  it('answers 40 wrong secrets, refuses the 41st with 429 and Retry-After, and serves the right secret after the window', async () => {
    const WINDOW = DEFAULT_SETTINGS.rateLimitWindowSeconds;
    const yoga = serverWith();
    const clock = stopTheClock();
    for (let i = 0; i < 40; i++) {
      const response = await lookup(yoga, tip.tipNumber, `wrong-secret-${i}`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as GraphQLBody<unknown>).data).toEqual({ informantTip: null });
    }
    const refused = await expectRateLimited(await lookup(yoga, tip.tipNumber, 'wrong-secret-40'), WINDOW);
    // The clock stood still: the whole window is left.
    expect(refused.errors![0]!.extensions!.retryAfter).toBe(WINDOW);
    // Spent, the right secret is refused the same way, and so is a number that does not exist: nothing tells them apart.
    const right = await expectRateLimited(await lookup(yoga, tip.tipNumber, tip.secret), WINDOW);
    const none = await expectRateLimited(await lookup(yoga, 'TG-2026-000000', 'x'), WINDOW);
    expect(right).toEqual(refused);
    expect(none).toEqual(refused);
    // An informant's message with a secret is held by the same count.
    await expectRateLimited(
      await ask(yoga, ADD, { i: { tipNumber: tip.tipNumber, secret: tip.secret, text: 'Thêm một chi tiết nữa.' } }),
      WINDOW,
    );
    // Another address is another client.
    const other = await lookup(yoga, tip.tipNumber, tip.secret, {}, '198.51.100.9');
    expect(((await other.json()) as GraphQLBody<unknown>).data).toEqual({ informantTip: { number: tip.tipNumber, status: 'RECEIVED' } });
    clock.after(WINDOW - 1);
    await expectRateLimited(await lookup(yoga, tip.tipNumber, tip.secret), WINDOW);
    clock.after(2);
    const after = await lookup(yoga, tip.tipNumber, tip.secret);
    expect(after.status).toBe(200);
    expect(((await after.json()) as GraphQLBody<unknown>).data).toEqual({ informantTip: { number: tip.tipNumber, status: 'RECEIVED' } });
  });

  it('counts wrong secrets for tips that exist and numbers that do not alike, and right ones not at all', async () => {
    const yoga = serverWith({ tipLookupFailuresPerWindow: 4 });
    for (let i = 0; i < 10; i++) expect((await lookup(yoga, tip.tipNumber, tip.secret)).status).toBe(200);
    for (const [number, secret] of [
      [tip.tipNumber, 'wrong'],
      ['TG-2026-000000', 'wrong'],
      [tip.tipNumber, 'wrong'],
      ['TG-1999-123456', tip.secret],
    ])
      expect((await lookup(yoga, number!, secret!)).status).toBe(200);
    await expectRateLimited(await lookup(yoga, tip.tipNumber, 'wrong'), 900);
  });

  it('counts a signed-in viewer as itself, not its address', async () => {
    const yoga = serverWith({ tipLookupFailuresPerWindow: 2 });
    const officer = { authorization: `Bearer ${await tokenFor('NATIONAL', null)}` };
    for (let i = 0; i < 2; i++) expect((await lookup(yoga, tip.tipNumber, 'wrong', officer)).status).toBe(200);
    await expectRateLimited(await lookup(yoga, tip.tipNumber, 'wrong', officer), 900);
    // The same address, anonymous: its own count.
    expect((await lookup(yoga, tip.tipNumber, 'wrong')).status).toBe(200);
  });

  it('is off at 0', async () => {
    const yoga = serverWith({ tipLookupFailuresPerWindow: 0 });
    for (let i = 0; i < 60; i++) expect((await lookup(yoga, tip.tipNumber, 'wrong')).status).toBe(200);
  });
});

describe('the limit on credentials that are not valid', () => {
  it('answers 20 refused credentials with 401, then 429 with Retry-After for the address (tokens and API keys alike); no credential is still served', async () => {
    const WINDOW = DEFAULT_SETTINGS.rateLimitWindowSeconds;
    const yoga = serverWith();
    const clock = stopTheClock();
    const valid = { authorization: `Bearer ${await tokenFor('NATIONAL', null)}` };
    // A valid credential does not count.
    for (let i = 0; i < 5; i++) expect((await ask(yoga, PUBLIC, {}, valid)).status).toBe(200);
    for (let i = 0; i < 20; i++) {
      const headers: Record<string, string> =
        i % 2 ? { authorization: `Bearer ${FORGED}` } : { 'x-api-key': `antq_pk_abcdef123456_${'x'.repeat(43)}` };
      const response = await ask(yoga, PUBLIC, {}, headers);
      expect(response.status).toBe(401);
    }
    await expectRateLimited(await ask(yoga, PUBLIC, {}, { authorization: `Bearer ${FORGED}` }), WINDOW);
    // The address's budget is spent: its valid credentials wait too; without credentials it is served.
    await expectRateLimited(await ask(yoga, PUBLIC, {}, valid), WINDOW);
    expect((await ask(yoga, PUBLIC, {})).status).toBe(200);
    expect((await ask(yoga, PUBLIC, {}, valid, '198.51.100.9')).status).toBe(200);
    clock.after(WINDOW + 1);
    const after = await ask(yoga, PUBLIC, {}, valid);
    expect(after.status).toBe(200);
    expect(((await after.json()) as GraphQLBody<unknown>).data).toEqual({ adminUnit: { code: '70' } });
  });

  it('counts by the connection’s address on node:http, and by X-Forwarded-For only when told to trust a proxy', async () => {
    for (const trustProxy of [false, true]) {
      const served = await listen(serverWith({ signInFailuresPerWindow: 1, trustProxy }), 0, '127.0.0.1');
      try {
        const post = (forwardedFor: string) =>
          fetch(served.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${FORGED}`, 'x-forwarded-for': forwardedFor },
            body: JSON.stringify({ query: PUBLIC }),
          }).then((r) => r.status);
        expect(await post('192.0.2.1')).toBe(401);
        // Trusted, another forwarded address is another client; not trusted, the same connection's address.
        expect(await post('192.0.2.2')).toBe(trustProxy ? 401 : 429);
        expect(await post('192.0.2.2')).toBe(429);
      } finally {
        await served.close();
      }
    }
  });
});
