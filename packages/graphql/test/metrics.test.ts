/**
 * Prometheus metrics at /metrics (src/http/metrics.ts): off without a metrics token; with
 * one, 401 without it; operations counted and timed by name, errors by code, SQL statements
 * timed, the PostgreSQL pool's connections reported; a registry per server; and no label
 * that holds what a request carried (variables, credentials, a tip's text and contact).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_OPERATION_NAMES } from '../src/http/metrics.js';
import { serverSettings, settingsFromEnv } from '../src/settings.js';
import { openTestDatabase, postgresUnavailable, REQUIRE_POSTGRES } from '../../db/test/support/databases.js';
import { createTestServer, usePreparedServer, type GraphQLBody, type TestServer } from './support/server.js';

const ctx = usePreparedServer();
const TOKEN = 'metrics-token-for-the-tests-0123';
const withToken = (db = ctx.db) => createTestServer(db, () => {}, { settings: { metricsToken: TOKEN } });

const scrape = (server: TestServer, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
  Promise.resolve(server.yoga.fetch('http://antq.test/metrics', { headers }));

interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** The samples of a scrape (Prometheus' text format: `name{label="value",…} number`). */
async function samplesOf(server: TestServer): Promise<{ text: string; samples: Sample[] }> {
  const response = await scrape(server);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  const samples = text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, name, labels, value] = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line)!;
      return {
        name: name!,
        labels: Object.fromEntries([...(labels ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!])),
        value: Number(value),
      };
    });
  return { text, samples };
}

const valueOf = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

const UNIT_NAME = `query UnitName { adminUnit(code: "70", asOf: "2024-06-01") { fullName } }`;
// Residential areas need sign-in: asked anonymously, FORBIDDEN.
const AREAS = `query Areas { residentialAreas(unitCode: "70", asOf: "2024-12-31", first: 1) { totalCount } }`;

describe('/metrics', () => {
  it('is off without a metrics token (404), as the server is by default', async () => {
    expect(serverSettings().metricsToken).toBeNull();
    expect(settingsFromEnv({}).metricsToken).toBeNull();
    expect(settingsFromEnv({ ANTQ_METRICS_TOKEN: '' }).metricsToken).toBeNull();
    const response = await scrape(ctx.server);
    expect(response.status).toBe(404);
  });

  it('takes its token from ANTQ_METRICS_TOKEN, and refuses one too short to be a secret without repeating it', () => {
    expect(settingsFromEnv({ ANTQ_METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
    expect(() => settingsFromEnv({ ANTQ_METRICS_TOKEN: 'short-token' })).toThrow(/at least 16 characters/);
    expect(() => settingsFromEnv({ ANTQ_METRICS_TOKEN: 'short-token' })).not.toThrow(/short-token/);
  });

  it('answers 401 UNAUTHENTICATED, in Vietnamese and English, without the token or with a wrong one', async () => {
    const server = withToken();
    for (const headers of [
      {} as Record<string, string>,
      { authorization: 'Bearer wrong' },
      { authorization: `Bearer ${TOKEN.slice(0, -1)}x` },
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` },
      { authorization: TOKEN },
    ]) {
      const response = await scrape(server, headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      const body = (await response.json()) as GraphQLBody<unknown>;
      expect(body.errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect(body.errors![0]!.message).toMatch(/^Cần mã truy cập số liệu vận hành.* \/ The metrics need their token/);
    }
    expect((await scrape(server, { authorization: `bearer ${TOKEN}` })).status).toBe(200);
  });

  it('counts and times operations by name, and errors by code (a refused query, a body over its limit)', async () => {
    const server = withToken();
    expect((await server.query(UNIT_NAME)).data).toEqual({ adminUnit: { fullName: 'Tỉnh Bình Phước' } });
    expect((await server.query(UNIT_NAME)).errors).toBeUndefined();
    expect((await server.query(AREAS)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const tooLarge = await server.yoga.fetch('http://antq.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) },
      body: '{}',
    });
    expect(tooLarge.status).toBe(413);
    const { samples } = await samplesOf(server);
    const unitName = { operationName: 'UnitName', operationType: 'query' };
    expect(valueOf(samples, 'graphql_envelop_request', unitName)).toBe(2);
    expect(valueOf(samples, 'graphql_envelop_request', { operationName: 'Areas' })).toBe(1);
    expect(valueOf(samples, 'graphql_envelop_request_duration_count', unitName)).toBe(2);
    expect(valueOf(samples, 'graphql_envelop_request_duration_sum', unitName)).toBeGreaterThan(0);
    expect(valueOf(samples, 'graphql_yoga_http_duration_count', { ...unitName, method: 'POST', statusCode: '200' })).toBe(2);
    expect(valueOf(samples, 'antq_graphql_errors_total', { operationName: 'Areas', code: 'FORBIDDEN' })).toBe(1);
    expect(valueOf(samples, 'antq_graphql_errors_total', { operationName: '(none)', code: 'PAYLOAD_TOO_LARGE' })).toBe(1);
    expect(valueOf(samples, 'antq_graphql_errors_total', { operationName: 'UnitName' })).toBeUndefined();
    // Every statement the server sent (the hierarchy's first load and the unit's lookups) is timed.
    expect(valueOf(samples, 'antq_db_statement_duration_seconds_count')).toBeGreaterThan(0);
    // PGlite: one connection in the process, no pool to report.
    expect(samples.filter((s) => s.name.startsWith('antq_db_pool'))).toEqual([]);
  });

  it('keeps a registry per server: two servers count apart, and neither writes to prom-client’s global one', async () => {
    const { register } = await import('prom-client');
    const [one, two] = [withToken(), withToken()];
    await one.query(UNIT_NAME);
    await one.query(UNIT_NAME);
    await two.query(UNIT_NAME);
    const unitName = { operationName: 'UnitName' };
    expect(valueOf((await samplesOf(one)).samples, 'graphql_envelop_request', unitName)).toBe(2);
    expect(valueOf((await samplesOf(two)).samples, 'graphql_envelop_request', unitName)).toBe(1);
    expect(await register.getMetricsAsJSON()).toEqual([]);
  });

  it('holds no variable, credential, tip text or contact in any label, nor an operation name that could be a phone number', async () => {
    const server = withToken();
    const SEARCHED = 'Trần Thị Bích Zyxwv 0987654321';
    const TIP_TEXT = 'Người lạ Qwzrt đỗ xe trước nhà số 7 mỗi đêm.';
    const CONTACT = 'Lê Văn Kqjx, 0912 345 678';
    const FORGED = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJYanFvcCJ9.c2lnbmF0dXJl';
    const search = `query Search($s: String) { adminUnits(search: $s, asOf: "2024-06-01", first: 1) { totalCount } }`;
    expect((await server.query(search, { s: SEARCHED })).errors).toBeUndefined();
    // The same, as a GET: the variables are in the URL, which is no label.
    const get = await server.yoga.fetch(
      `http://antq.test/graphql?query=${encodeURIComponent(search)}&variables=${encodeURIComponent(JSON.stringify({ s: SEARCHED }))}`,
      { headers: { accept: 'application/json' } },
    );
    expect(get.status).toBe(200);
    // A variable that does not fit its type: its value is quoted in the error's message, not in a label.
    const bad = await server.query(`query Bad($d: Date) { adminUnit(code: "70", asOf: $d) { code } }`, { d: SEARCHED });
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    // A sign-in attempt with a credential that is not valid.
    const signIn = await server.query(UNIT_NAME, undefined, { authorization: `Bearer ${FORGED}` });
    expect(signIn.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const tip = await server.query<{ submitTip: { result: { __typename: string } } }>(
      `mutation Tip($i: SubmitTipInput!) { submitTip(input: $i) { result { __typename } } }`,
      { i: { category: 'OTHER', unitCode: '25195', text: TIP_TEXT, contact: CONTACT } },
    );
    expect(tip.data?.submitTip.result.__typename).toBe('TipReceipt');
    await server.query(`query Call0912345678 { __typename }`);

    const { text, samples } = await samplesOf(server);
    for (const secret of [SEARCHED, 'Zyxwv', '0987654321', TIP_TEXT, 'Qwzrt', CONTACT, 'Kqjx', '0912', FORGED, 'Call0912345678']) {
      expect(text).not.toContain(secret);
    }
    expect(decodeURIComponent(text)).not.toContain('Zyxwv');
    // Every label is an operation (as shown), a type, a code, a method, a status, a state or a bucket.
    const names = new Set(samples.flatMap((s) => Object.keys(s.labels)));
    expect([...names].sort()).toEqual(['code', 'le', 'method', 'operationName', 'operationType', 'statusCode']);
    expect(new Set(samples.map((s) => s.labels.operationName).filter(Boolean))).toEqual(
      new Set(['Search', 'Bad', 'UnitName', 'Tip', '(other)']),
    );
    expect(valueOf(samples, 'antq_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    expect(valueOf(samples, 'antq_graphql_errors_total', { operationName: 'Bad', code: 'BAD_USER_INPUT' })).toBe(1);
    expect(valueOf(samples, 'graphql_envelop_request', { operationName: 'Search' })).toBe(2);
  });

  it(`labels at most ${MAX_OPERATION_NAMES} operation names, the rest as (other)`, async () => {
    const server = withToken();
    for (let i = 0; i < MAX_OPERATION_NAMES + 5; i++) await server.query(`query Op${i} { __typename }`);
    const { samples } = await samplesOf(server);
    const named = new Set(samples.filter((s) => s.name === 'graphql_envelop_request').map((s) => s.labels.operationName));
    expect(named.size).toBe(MAX_OPERATION_NAMES + 1);
    expect(valueOf(samples, 'graphql_envelop_request', { operationName: '(other)' })).toBe(5);
  });
});

describe.skipIf(postgresUnavailable !== null && !REQUIRE_POSTGRES)('/metrics on PostgreSQL', () => {
  let opened: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    opened = await openTestDatabase('postgres');
  });
  afterAll(() => opened?.dispose());

  it('reports the pool’s connections (busy, idle), its maximum and the queries waiting', async () => {
    const server = withToken(opened.db);
    expect((await server.query(`{ adminUnits(search: "binh phuoc", first: 1) { totalCount } }`)).errors).toBeUndefined();
    const { samples } = await samplesOf(server);
    expect(valueOf(samples, 'antq_db_pool_max')).toBe(10);
    expect(valueOf(samples, 'antq_db_pool_waiting')).toBe(0);
    const idle = valueOf(samples, 'antq_db_pool_connections', { state: 'idle' })!;
    const busy = valueOf(samples, 'antq_db_pool_connections', { state: 'busy' })!;
    expect(idle).toBeGreaterThanOrEqual(1);
    expect(idle + busy).toBeLessThanOrEqual(10);
    expect(valueOf(samples, 'antq_db_statement_duration_seconds_count')).toBeGreaterThan(0);
  });
});
