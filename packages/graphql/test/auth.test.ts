import { createHash } from 'node:crypto';
import type { Database } from '@antq/db';
import { getNamedType, isObjectType } from 'graphql';
import { SignJWT } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { issueApiKey, operationsOfFile, registerPersistedOperations, revokeApiKey } from '../src/auth/api-keys.js';
import { issueToken, tokenVerifier } from '../src/auth/tokens.js';
import { antqSchema } from '../src/index.js';
import { usePreparedServer, TEST_SECRETS, tokenFor, type TestServer } from './support/server.js';

const ctx = usePreparedServer();
let db: Database;
let server: TestServer;
beforeAll(() => ({ db, server } = ctx));

const Q = '{ adminUnit(code: "75") { code } }';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('a token of this server, remembered once verified', () => {
  afterEach(() => vi.useRealTimers());
  const later = (seconds: number) => vi.useFakeTimers({ now: Date.now() + seconds * 1000, toFake: ['Date'] });

  it('answers the same viewer again without verifying, until the token expires', async () => {
    const verify = tokenVerifier({ secret: TEST_SECRETS.jwtSecret });
    const token = await issueToken(TEST_SECRETS.jwtSecret, { role: 'PROVINCE_OFFICER', unitCode: '75', subject: 'x', ttl: '1h' });
    const viewer = await verify(token);
    expect(viewer).toMatchObject({ kind: 'OFFICER', role: 'PROVINCE_OFFICER', unitCode: '75' });
    expect(await verify(token)).toBe(viewer);
    later(3601);
    await expect(verify(token)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('refuses a token issued more than 30 days ago, whatever its exp', async () => {
    const verify = tokenVerifier({ secret: TEST_SECRETS.jwtSecret });
    const token = await issueToken(TEST_SECRETS.jwtSecret, { role: 'NATIONAL', unitCode: null, subject: 'x', ttl: '60d' });
    await verify(token);
    later(29 * 24 * 3600);
    expect(await verify(token)).toMatchObject({ role: 'NATIONAL' });
    later(31 * 24 * 3600);
    await expect(verify(token)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('does not remember a refusal, nor a token that differs by one character', async () => {
    const verify = tokenVerifier({ secret: TEST_SECRETS.jwtSecret });
    const token = await issueToken(TEST_SECRETS.jwtSecret, { role: 'NATIONAL', unitCode: null, subject: 'x', ttl: '1h' });
    await verify(token);
    // A character inside the signature (the last one also holds padding bits).
    const at = token.length - 5;
    const tampered = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
    await expect(verify(tampered)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    await expect(verify(tampered)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });
});

describe('credentials that are refused: 401, why (extensions.why) and what to do, in Vietnamese and English', () => {
  const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;
  /** A token of these claims, as this server signs them unless `secret` or `exp` (null: none) say otherwise. */
  const signed = async (
    claims: Record<string, string>,
    { secret = TEST_SECRETS.jwtSecret, exp = inAnHour() }: { secret?: Uint8Array; exp?: number | null } = {},
  ) => {
    const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuer('antq').setAudience('antq-api');
    if (exp === null) return bearer(await jwt.setIssuedAt().sign(secret));
    return bearer(
      await jwt
        .setIssuedAt(exp - 3600)
        .setExpirationTime(exp)
        .sign(secret),
    );
  };
  const officer = { role: 'province-officer', unit: '75' };

  it.each<[string, () => Promise<Record<string, string>>, string, string | undefined, RegExp]>([
    [
      'an expired token',
      () => signed(officer, { exp: Math.floor(Date.now() / 1000) - 60 }),
      'TOKEN_EXPIRED',
      'EXPIRED',
      /hết hạn.*antq token.* \/ The token has expired: get a new token/,
    ],
    ['a malformed token', async () => bearer('not.a.jwt'), 'TOKEN_INVALID', 'MALFORMED', /not a well-formed JWT/],
    [
      'a token signed with another key',
      () => signed(officer, { secret: Buffer.from('another-secret-another-secret-another!') }),
      'TOKEN_INVALID',
      'WRONG_KEY',
      /not signed by this server/,
    ],
    [
      'a token without a unit for a province officer',
      () => signed({ role: 'province-officer' }),
      'TOKEN_INVALID',
      'BAD_UNIT',
      /no unit code of its role/,
    ],
    ['an unknown role', () => signed({ role: 'admin', unit: '75' }), 'TOKEN_INVALID', 'BAD_ROLE', /no valid role/],
    ['a token that never expires', () => signed({ role: 'national' }, { exp: null }), 'TOKEN_INVALID', 'NO_EXPIRY', /must carry an expiry/],
    [
      'a commune officer whose unit is a province',
      () => signed({ role: 'commune-officer', unit: '75' }),
      'TOKEN_INVALID',
      'BAD_UNIT',
      /no unit code of its role/,
    ],
    [
      'a header that is not Bearer',
      async () => ({ authorization: 'Basic dXNlcjpwYXNz' }),
      'TOKEN_INVALID',
      'NOT_BEARER',
      /Authorization: Bearer <token>/,
    ],
    [
      'an API key that does not exist',
      async () => bearer('antq_pk_AAAAAAAAAAAA_' + 'a'.repeat(43)),
      'API_KEY_INVALID',
      undefined,
      /not valid or has been revoked/,
    ],
    ['garbage in X-Api-Key', async () => ({ 'x-api-key': 'antq_pk_short' }), 'API_KEY_INVALID', undefined, /not valid/],
  ])('%s', async (_name, headers, reason, why, message) => {
    const response = await server.request(Q, undefined, await headers());
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    const body = await response.json();
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason, ...(why ? { why } : {}) });
    expect(body.errors[0].message).toMatch(message);
    // Said in our words, Vietnamese then English: nothing of the library's own diagnosis leaks.
    expect(body.errors[0].message).toMatch(/^[^/]*[àáảãạăâđêôơư][^]* \/ [A-Z]/i);
    expect(JSON.stringify(body)).not.toMatch(/JWS|JWT claim|"alg"|stack|ERR_/);
  });

  it('refuses a revoked API key at once', async () => {
    const issued = await issueApiKey(db.prisma, { name: 'Sở Y tế Đồng Nai', scopes: ['read:aggregates'], issuedBy: 'test' });
    expect((await server.request(Q, undefined, bearer(issued.key))).status).toBe(200);
    expect(await revokeApiKey(db.prisma, issued.prefix)).toBe(true);
    const refused = await server.request(Q, undefined, { 'x-api-key': issued.key });
    expect(refused.status).toBe(401);
    expect((await refused.json()).errors[0].extensions.reason).toBe('API_KEY_INVALID');
  });

  it('stores only a hash of an API key', async () => {
    const issued = await issueApiKey(db.prisma, { name: 'Tỉnh đoàn', scopes: ['read:models'], issuedBy: 'test' });
    const row = await db.prisma.apiKey.findUniqueOrThrow({ where: { prefix: issued.prefix } });
    // The secret is what follows `antq_pk_<prefix>_`; it may itself hold "_" (base64url).
    const secret = issued.key.slice(`antq_pk_${issued.prefix}_`.length);
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it('accepts a valid token and the public alike for public data', async () => {
    const token = await tokenFor('COMMUNE_OFFICER', '25195');
    expect((await server.query(Q, undefined, bearer(token))).data).toEqual({ adminUnit: { code: '75' } });
    expect((await server.query(Q)).data).toEqual({ adminUnit: { code: '75' } });
  });
});

describe('authorization is part of the schema', () => {
  it('every root field declares who may use it', () => {
    const schema = antqSchema();
    const undeclared: string[] = [];
    for (const root of [schema.getQueryType(), schema.getMutationType()]) {
      for (const field of Object.values(root!.getFields())) {
        const options = (field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions;
        if (!options?.authScopes) undeclared.push(`${root!.name}.${field.name}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('protects the types that hold confidential records wherever they are reached', () => {
    const schema = antqSchema();
    for (const name of ['Tip', 'AuditEntry']) {
      const type = getNamedType(schema.getType(name)!);
      expect(isObjectType(type)).toBe(true);
      expect((type.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions?.authScopes).toBeTypeOf('function');
    }
  });
});

describe('request limits', () => {
  it('reports the cost of every answer in extensions', async () => {
    const body = await server.query(
      '{ adminUnits(level: PROVINCE, first: 10) { edges { node { code children(first: 5) { totalCount } } } } }',
    );
    expect(body.extensions?.cost).toMatchObject({ complexity: expect.any(Number), depth: 5, max: { complexity: 50_000, depth: 12 } });
    const bigger = await server.query(
      '{ adminUnits(level: PROVINCE, first: 20) { edges { node { code children(first: 5) { totalCount } } } } }',
    );
    expect((bigger.extensions!.cost as { complexity: number }).complexity).toBeGreaterThan(
      (body.extensions!.cost as { complexity: number }).complexity,
    );
  });

  it.each([
    ['depth', `{ adminUnit(code: "70", asOf: "2024-01-01") { ${'parent { '.repeat(12)} code ${'} '.repeat(12)} } }`, 'depth'],
    [
      'cost that multiplies by first',
      '{ adminUnits(first: 100) { edges { node { children(first: 100) { edges { node { children(first: 100) { totalCount } } } } } } } }',
      'cost',
    ],
  ])('refuses a query over the %s limit before running it', async (_name, query, limit) => {
    const { statements, body } = await server.queryCounting(query);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
    expect(statements).toEqual([]);
  });

  it('measures the operation that runs, not the first one in the document', async () => {
    const big = `query Big { ${Array.from({ length: 20 }, (_, i) => `a${i}: adminUnits(first: 100) { edges { node { children(first: 100) { totalCount } } } }`).join(' ')} }`;
    const { body, statements } = await server.queryCounting(`query Cheap { __typename }\n${big}`);
    expect(body.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE'); // two operations need a name to run
    const sent = await server.yoga.fetch('http://antq.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `query Cheap { __typename }\n${big}`, operationName: 'Big' }),
    });
    const answer = await sent.json();
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
    expect(statements).toEqual([]);
  });

  it('refuses too many aliases and too many tokens', async () => {
    const aliases = await server.query(`{ ${Array.from({ length: 25 }, (_, i) => `a${i}: adminUnit(code: "75") { code }`).join(' ')} }`);
    expect(aliases.errors?.[0]?.message).toMatch(/^Truy vấn dùng quá 20 bí danh\. \/ The query uses more than 20 aliases\.$/);
    expect(aliases.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 20 });
    const tokens = await server.query(`{ adminUnit(code: "75") { ${'code '.repeat(2500)} } }`);
    expect(tokens.errors?.[0]?.message).toMatch(/The query has more than 2000 tokens/);
    expect(tokens.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('persisted operations for partners', () => {
  it('holds a persisted-only key to the operations registered for it', async () => {
    const issued = await issueApiKey(db.prisma, {
      name: 'Bộ đội biên phòng',
      scopes: ['read:aggregates'],
      persistedOnly: true,
      issuedBy: 'test',
    });
    const document = '{ adminUnit(code: "75") { fullName } }';
    const [hash] = await registerPersistedOperations(db.prisma, issued.prefix, [document], antqSchema());
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    // A document that does not validate is refused, naming it, and nothing is registered.
    await expect(registerPersistedOperations(db.prisma, issued.prefix, [document, '{ adminUnit { nope } }'], antqSchema())).rejects.toThrow(
      /operation 2/,
    );
    expect(await db.prisma.persistedOperation.count({ where: { apiKey: { prefix: issued.prefix } } })).toBe(1);

    const arbitrary = await server.query(Q, undefined, bearer(issued.key));
    expect(arbitrary.errors?.[0]?.message).toMatch(/PersistedQueryOnly|persisted/i);

    const response = await server.yoga.fetch('http://antq.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(issued.key) },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
    });
    expect((await response.json()).data).toEqual({ adminUnit: { fullName: 'Thành phố Đồng Nai' } });

    // Another key cannot run it, and the public can still send ordinary queries.
    const other = await issueApiKey(db.prisma, { name: 'Khác', scopes: ['read:aggregates'], issuedBy: 'test' });
    const foreign = await server.yoga.fetch('http://antq.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(other.key) },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
    });
    expect((await foreign.json()).errors?.[0]?.message).toMatch(/PersistedQueryNotFound|not found/i);
    expect((await server.query(Q)).data).toEqual({ adminUnit: { code: '75' } });
  });

  it('reads the operations of a .graphql file, and of a manifest of hash → document whose hashes it checks', () => {
    const document = 'query A { adminUnit(code: "01") { code } }';
    const hash = createHash('sha256').update(document).digest('hex');
    expect(operationsOfFile('a.graphql', document)).toEqual([document]);
    expect(
      operationsOfFile(
        'persisted-documents.json',
        JSON.stringify({ [hash]: document, [createHash('sha256').update('{ __typename }').digest('hex')]: '{ __typename }' }),
      ),
    ).toEqual([document, '{ __typename }']);
    expect(() => operationsOfFile('m.json', JSON.stringify({ [`sha256:${hash}`]: document }))).toThrow(
      /m.json: sha256:.* is not the SHA-256 \(hex\) of its document/,
    );
    expect(() => operationsOfFile('m.json', JSON.stringify({ [hash]: 42 }))).toThrow(/is not a string/);
    expect(() => operationsOfFile('m.json', '[]')).toThrow(/expected an object/);
    expect(() => operationsOfFile('m.json', '{')).toThrow(/m.json: not JSON/);
  });

  it('answers with stable codes, in both languages, and 401 to a revoked key that sends a hash', async () => {
    const issued = await issueApiKey(db.prisma, {
      name: 'Cục Thống kê',
      scopes: ['read:aggregates'],
      persistedOnly: true,
      issuedBy: 'test',
    });
    const [hash] = await registerPersistedOperations(db.prisma, issued.prefix, ['{ adminUnit(code: "01") { code } }'], antqSchema());
    const send = async (body: unknown) => {
      const response = await server.yoga.fetch('http://antq.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': issued.key },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    };
    const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
    const only = await send({ query: Q });
    expect(only.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/^Khóa API .* \/ This API key may run only its registered operations/),
      extensions: { code: 'PERSISTED_QUERY_ONLY' },
    });
    const missing = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect(missing.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/ \/ This operation is not registered for this API key/),
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
    });
    expect((await send(byHash)).body.data).toEqual({ adminUnit: { code: '01' } });

    await revokeApiKey(db.prisma, issued.prefix);
    const revoked = await send(byHash);
    expect(revoked.status).toBe(401);
    expect(revoked.body.errors).toEqual([
      { message: expect.stringMatching(/revoked/), extensions: { code: 'UNAUTHENTICATED', reason: 'API_KEY_INVALID' } },
    ]);
  });
});
