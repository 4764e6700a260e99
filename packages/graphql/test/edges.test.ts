/**
 * The edges a newcomer meets first: a request without a query, a field that needs sign-in,
 * `first: 0`, the probes, unit search, refused tokens, and the GraphQL-over-HTTP audit.
 */
import { migrate, openDatabase, seedDemo } from '@antq/db';
import { auditServer } from 'graphql-http';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenRefused } from '../src/auth/tokens.js';
import { createAntqYoga } from '../src/index.js';
import { TEST_SECRETS, tokenFor, usePreparedServer } from './support/server.js';

const ctx = usePreparedServer();
let national: Record<string, string>;
beforeAll(async () => {
  await seedDemo(ctx.db);
  national = { authorization: `Bearer ${await tokenFor('NATIONAL', null)}` };
});

/** Vietnamese (a letter with its marks), then " / ", then English. */
const BILINGUAL = /[\u00C0-\u1EF9][^]* \/ [A-Z"]/;

describe('a request without a query', () => {
  it.each<[string, RequestInit, string]>([
    ['GET /graphql', { method: 'GET' }, ''],
    ['GET /graphql?query=', { method: 'GET' }, '?query='],
    ['POST {}', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }, ''],
    ['POST {"variables": {}}', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"variables":{}}' }, ''],
  ])('%s → 400, saying what to send in both languages', async (_name, init, search) => {
    const response = await ctx.server.yoga.fetch(`http://antq.test/graphql${search}`, init);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].message).toMatch(BILINGUAL);
    expect(body.errors[0].message).toContain('No GraphQL query: send "query"');
    expect(body.errors[0].extensions).toEqual({ code: 'PERSISTED_QUERY_ID_REQUIRED' });
  });
});

describe('a public request for a field that needs sign-in', () => {
  it('is told how to sign in: the token command, the header, and the API key for partners', async () => {
    const body = await ctx.server.query(`{ residentialAreas(unitCode: "70", asOf: "2024-12-31") { totalCount } }`);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toEqual({ code: 'FORBIDDEN', reason: 'SIGN_IN_REQUIRED' });
    expect(body.errors![0]!.message).toMatch(BILINGUAL);
    expect(body.errors![0]!.message).toContain('Authorization: Bearer <token>');
    expect(body.errors![0]!.message).toContain('pnpm antq token --role');
    expect(body.errors![0]!.message).toContain('X-Api-Key');
  });

  it('while a signed-in viewer outside the field’s roles hears no more than FORBIDDEN', async () => {
    const partner = {
      authorization: `Bearer ${await tokenFor('AREA_LEADER', '25195', { areaId: '00000000-0000-0000-0000-000000000001' })}`,
    };
    const body = await ctx.server.query(`{ tips(first: 1) { totalCount } }`, undefined, partner);
    expect(body.errors![0]!.extensions).toEqual({ code: 'FORBIDDEN' });
  });
});

describe('first: 0 asks for the total alone', () => {
  it.each([
    ['adminUnits', `{ c: adminUnits(level: PROVINCE, first: 0) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`, 34],
    [
      'children',
      `{ a: adminUnit(code: "70", asOf: "2024-12-31") { c: children(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } } }`,
      11,
    ],
    [
      'residentialAreas (plugin-prisma)',
      `{ c: residentialAreas(unitCode: "70", asOf: "2024-12-31", first: 0) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`,
      866,
    ],
  ])('%s: no edges, no cursor, and so hasNextPage false; the next page is asked with first > 0', async (_name, query, total) => {
    const body = await ctx.server.query<any>(query, undefined, national);
    expect(body.errors).toBeUndefined();
    const c = body.data!.c ?? body.data!.a.c;
    expect(c).toEqual({ totalCount: total, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('a page with rows still says there is more, with its endCursor', async () => {
    const body = await ctx.server.query<any>(
      `{ residentialAreas(unitCode: "70", asOf: "2024-12-31", first: 1) { pageInfo { hasNextPage endCursor } } }`,
      undefined,
      national,
    );
    expect(body.data.residentialAreas.pageInfo.hasNextPage).toBe(true);
    expect(body.data.residentialAreas.pageInfo.endCursor).toEqual(expect.any(String));
  });
});

describe('probes', () => {
  it('/health answers JSON: status, version, uptime', async () => {
    const response = await ctx.server.yoga.fetch('http://antq.test/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/), uptime: expect.any(Number) });
    expect(body.uptime).toBeGreaterThanOrEqual(0);
  });

  it('/ready answers JSON: ready, with nothing not ready', async () => {
    const response = await ctx.server.yoga.fetch('http://antq.test/ready');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', notReady: [] });
  });

  it('/ready names what is not ready, and what to do: no units, then no database', async () => {
    const empty = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
    await migrate(empty);
    const yoga = createAntqYoga({ db: empty, secrets: TEST_SECRETS, graphiql: false, log: () => {} });
    const noUnits = await yoga.fetch('http://antq.test/ready');
    expect(noUnits.status).toBe(503);
    const body = await noUnits.json();
    expect(body).toMatchObject({ status: 'not ready', notReady: ['adminUnits'] });
    expect(body.problems[0].en).toContain('antq import admin-units');
    await empty.close();
    const closed = await yoga.fetch('http://antq.test/ready');
    expect(closed.status).toBe(503);
    expect(await closed.json()).toMatchObject({ status: 'not ready', notReady: ['database'] });
    // The process itself still answers.
    expect((await yoga.fetch('http://antq.test/health')).status).toBe(200);
  }, 120_000); // a fresh database is migrated
});

describe('unit search ranks by match quality', () => {
  const search = async (text: string, asOf: string, extra = '') => {
    const body = await ctx.server.query<any>(
      `query($s: String!, $d: Date) { adminUnits(search: $s, asOf: $d${extra}) { totalCount edges { cursor node { code } } pageInfo { hasNextPage endCursor } } }`,
      { s: text, d: asOf },
    );
    expect(body.errors).toBeUndefined();
    return body.data.adminUnits;
  };

  it('"binh phuoc" puts province 70 first, then names that begin so, then names that hold the words', async () => {
    const found = await search('binh phuoc', '2024-06-01');
    const codes = found.edges.map((e: any) => e.node.code);
    // The province, then the communes named "Bình Phước…", then those that hold both words (Hiệp Bình Phước, Phước Bình…).
    expect(codes.slice(0, 4)).toEqual(['70', '21073', '29644', '30667']);
    expect(codes.slice(4)).toContain('26809');
    expect(codes.slice(4)).toEqual([...codes.slice(4)].sort());
    expect(found.totalCount).toBe(codes.length);
  });

  it('ignores accents, case and tone-mark placement alike', async () => {
    const plain = await search('binh phuoc', '2024-06-01');
    for (const text of ['Bình Phước', 'BÌNH PHƯỚC', 'Bình Phuớc']) expect(await search(text, '2024-06-01')).toEqual(plain);
  });

  it('an exact code comes first; the words may come in any order', async () => {
    expect((await search('75', '2026-01-01')).edges[0].node.code).toBe('75');
    expect((await search('25195', '2026-01-01')).edges.map((e: any) => e.node.code)).toEqual(['25195']);
    const reversed = await search('phuoc binh', '2024-06-01');
    expect(reversed.edges.map((e: any) => e.node.code)).toContain('70');
  });

  it('pages through the ranking with its cursors, and refuses a cursor of another order', async () => {
    const all = await search('binh', '2024-06-01', ', first: 100');
    const codes: string[] = [];
    let after: string | null = null;
    for (;;) {
      const body: any = await ctx.server.query<any>(
        `query($a: String) { adminUnits(search: "binh", asOf: "2024-06-01", first: 7, after: $a) { edges { node { code } } pageInfo { hasNextPage endCursor } } }`,
        { a: after },
      );
      codes.push(...body.data.adminUnits.edges.map((e: any) => e.node.code));
      if (!body.data.adminUnits.pageInfo.hasNextPage) break;
      after = body.data.adminUnits.pageInfo.endCursor;
    }
    expect(codes.slice(0, 100)).toEqual(all.edges.map((e: any) => e.node.code));
    expect(codes).toHaveLength(all.totalCount);
    expect(new Set(codes).size).toBe(codes.length);
    const plain = await ctx.server.query<any>(`{ adminUnits(first: 1) { pageInfo { endCursor } } }`);
    const wrong = await ctx.server.query(`query($a: String) { adminUnits(search: "binh", after: $a) { totalCount } }`, {
      a: plain.data.adminUnits.pageInfo.endCursor,
    });
    expect(wrong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(wrong.errors![0]!.message).toMatch(BILINGUAL);
  });
});

describe('refused tokens say why', () => {
  it('has a reason for a token whose unit no longer exists, naming the unit (the jurisdiction check raises it)', () => {
    const refused = tokenRefused('UNKNOWN_UNIT', '70');
    expect(refused).toMatchObject({ code: 'TOKEN_INVALID', why: 'UNKNOWN_UNIT' });
    expect(refused.message).toMatch(BILINGUAL);
    expect(refused.message).toContain("The token's unit (70) does not exist today");
  });
});

describe('the GraphQL-over-HTTP audit (graphql-http)', () => {
  it('passes every check: 0 warnings, 0 errors', async () => {
    const results = await auditServer({
      url: 'http://antq.test/graphql',
      fetchFn: (input: RequestInfo | URL, init?: RequestInit) =>
        Promise.resolve(ctx.server.yoga.fetch(new URL(input instanceof Request ? input.url : input), init ?? {})),
    });
    const notOk = results.filter((r) => r.status !== 'ok').map((r) => `${r.status}: ${r.name}${'reason' in r ? ` (${r.reason})` : ''}`);
    expect(notOk).toEqual([]);
    expect(results.length).toBeGreaterThan(30);
  });
});
