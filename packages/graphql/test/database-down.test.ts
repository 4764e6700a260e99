/**
 * PostgreSQL down (src/http/masked-errors.ts, src/http/probes.ts, @antq/db's
 * `databaseUnavailable`): the server is pointed at a TCP proxy in front of the tests'
 * PostgreSQL, which the test takes down (every connection cut, nothing listening) and
 * brings back. Down, `/ready` answers 503 naming why and GraphQL operations fail with
 * `DATABASE_UNAVAILABLE` (HTTP 503, Retry-After, Vietnamese and English), nothing of the
 * driver's message, the host, the port or a stack in the answer; the process does not
 * crash. Back up, the same server answers again, without a restart. A connection the
 * server terminates (57P01, as on a restart) mid-statement is recognised the same way.
 */
import { databaseUnavailable, migrate, openDatabase, type Database } from '@antq/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, postgresUnavailable, POSTGRES_URL, REQUIRE_POSTGRES } from '../../db/test/support/databases.js';
import { createTestServer, tokenFor, type GraphQLBody, type TestServer } from './support/server.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';

const UNITS = `query Units { adminUnits(search: "thu", first: 1) { totalCount } }`;
const SUBMIT = `mutation Tip($i: SubmitTipInput!) { submitTip(input: $i) { result { __typename } } }`;
const TIP = {
  category: 'OTHER',
  unitCode: '00001',
  text: 'Người lạ Qwzrt đỗ xe trước nhà số 7 mỗi đêm.',
  contact: 'Lê Văn Kqjx, 0912 345 678',
};

const MESSAGE =
  'Cơ sở dữ liệu tạm thời không phản hồi: không có gì được ghi. Vui lòng thử lại sau ít giây. / ' +
  'The database is not answering for now: nothing was written. Please try again in a few seconds.';

describe.skipIf(postgresUnavailable !== null && !REQUIRE_POSTGRES)('PostgreSQL down and back', () => {
  let created: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let direct: Database;
  let proxy: TcpProxy;
  let proxied: Database;
  let server: TestServer;
  let proxiedUrl: URL;
  const logged: unknown[] = [];

  beforeAll(async () => {
    created = await createPostgresDatabase();
    direct = await openDatabase({ kind: 'postgres', url: created.url });
    await migrate(direct);
    await direct.prisma.adminUnit.create({
      data: { code: '00001', level: 'COMMUNE', kind: 'XA', name: 'Thử', fullName: 'Xã Thử', searchText: 'thu xa thu' },
    });
    const real = new URL(created.url);
    proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
    proxiedUrl = new URL(created.url);
    proxiedUrl.hostname = '127.0.0.1';
    proxiedUrl.port = String(proxy.port);
    proxied = await openDatabase({ kind: 'postgres', url: proxiedUrl.toString() });
    server = createTestServer(proxied, (entry) => logged.push(entry));
  });
  afterAll(async () => {
    await proxied?.close().catch(() => {});
    await proxy?.close();
    await direct?.close();
    await created?.drop();
  });

  const ready = async () => {
    const response = await server.yoga.fetch('http://antq.test/ready');
    return { status: response.status, text: await response.text() };
  };

  /** What must never be in an answer: the host and port, the URL, the user, the driver's words, a stack. */
  const expectNothingLeaked = (text: string) => {
    for (const secret of [
      proxiedUrl.toString(),
      POSTGRES_URL,
      `127.0.0.1:${proxy.port}`,
      String(proxy.port),
      created.name,
      'postgres',
      'ECONNREFUSED',
      "Can't reach",
      'Connection terminated',
      'stack',
      'originalError',
      '    at ',
    ])
      expect(text).not.toContain(secret);
  };

  it('answers while the database is up', async () => {
    expect((await ready()).status).toBe(200);
    expect((await server.query(UNITS)).data).toEqual({ adminUnits: { totalCount: 1 } });
  });

  it('answers /ready with 503 naming the database and why, and nothing of the connection', async () => {
    await proxy.down();
    const { status, text } = await ready();
    expect(status).toBe(503);
    const body = JSON.parse(text) as { status: string; notReady: string[]; problems: Array<Record<string, string>> };
    expect(body.status).toBe('not ready');
    expect(body.notReady).toEqual(['database']);
    expect(body.problems[0]!.reason).toMatch(/^(UNREACHABLE|CONNECTION_LOST)$/);
    expect(body.problems[0]!.en).toMatch(/^The database does not answer \((UNREACHABLE|CONNECTION_LOST)\): check the PostgreSQL server/);
    expect(body.problems[0]!.vi).toMatch(/^Cơ sở dữ liệu không trả lời/);
    expectNothingLeaked(text);
  });

  it('fails a query, a mutation and an API key’s sign-in with DATABASE_UNAVAILABLE (503, Retry-After), in both languages', async () => {
    const officer = { authorization: `Bearer ${await tokenFor('NATIONAL', null)}` };
    for (const [query, variables, headers] of [
      [UNITS, undefined, {}],
      [UNITS, undefined, officer],
      [SUBMIT, { i: TIP }, {}],
      [UNITS, undefined, { 'x-api-key': `antq_pk_abcdef123456_${'x'.repeat(43)}` }],
    ] as const) {
      const response = await server.request(query, variables, headers);
      const text = await response.text();
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      const body = JSON.parse(text) as GraphQLBody<unknown>;
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]!.message).toBe(MESSAGE);
      expect(body.errors![0]!.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', reason: expect.stringMatching(/^[A-Z_]+$/) });
      expectNothingLeaked(text);
      for (const personal of ['Qwzrt', 'Kqjx', '0912']) expect(text).not.toContain(personal);
    }
    // The report download, beside /graphql, says it the same way.
    const download = await server.yoga.fetch('http://antq.test/reports/movement.csv?unitCode=00001&from=2024-01-01&to=2024-12-31', {
      headers: officer,
    });
    const text = await download.text();
    expect(download.status).toBe(503);
    expect(download.headers.get('retry-after')).toBe('5');
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: MESSAGE, extensions: { code: 'DATABASE_UNAVAILABLE', reason: expect.stringMatching(/^[A-Z_]+$/) } }],
    });
    expectNothingLeaked(text);
    // The log has the codes, never the driver's message.
    const log = JSON.stringify(logged);
    expect(log).toContain('DATABASE_UNAVAILABLE');
    expect(log).not.toContain(String(proxy.port));
    expect(log).not.toContain('Qwzrt');
  });

  it('recovers by itself when the database is back, without a restart', async () => {
    await proxy.up();
    const started = performance.now();
    let status = 0;
    while (status !== 200 && performance.now() - started < 10_000) {
      status = (await ready()).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    expect((await server.query(UNITS)).data).toEqual({ adminUnits: { totalCount: 1 } });
    const tip = await server.query<{ submitTip: { result: { __typename: string } } }>(SUBMIT, { i: TIP });
    expect(tip.errors).toBeUndefined();
  });

  it('recognises a connection the server terminated mid-statement (57P01, as on a restart), and goes on', async () => {
    const sleeping = proxied.prisma.$queryRaw`SELECT pg_sleep(5)`.then(
      () => null,
      (error: unknown) => error,
    );
    // Wait until the statement runs, then terminate every connection of the proxied client.
    for (let i = 0; i < 50; i++) {
      const [row] = await direct.prisma.$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%'`;
      if (row!.n > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await direct.prisma.$queryRaw`
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`;
    const error = await sleeping;
    expect(error).not.toBeNull();
    expect(databaseUnavailable(error)).toMatch(/^(SHUTTING_DOWN|CONNECTION_LOST)$/);
    // The pool drops the connections the server cut; at worst the first request after hears DATABASE_UNAVAILABLE.
    let answered: GraphQLBody<unknown> | undefined;
    for (let attempt = 0; attempt < 5 && !answered?.data; attempt++) {
      answered = await server.query(UNITS);
      if (answered.errors) expect(answered.errors[0]!.extensions!.code).toBe('DATABASE_UNAVAILABLE');
    }
    expect(answered!.data).toEqual({ adminUnits: { totalCount: 1 } });
  });
});
