/**
 * Tokens from an agency's identity provider: the server fetches the provider's JWKS and
 * accepts tokens it signed (RS256 here), and refuses this server's own HS256 tokens then.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAntqYoga, type AntqYoga } from '../src/index.js';
import { openPreparedDatabase } from './support/prepared-database.js';
import { TEST_SECRETS, tokenFor } from './support/server.js';
import type { Database } from '@antq/db';

let db: Database;
let yoga: AntqYoga;
let jwksServer: Server;
let sign: (claims: Record<string, unknown>) => Promise<string>;

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
  jwksServer = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
  sign = (claims) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
      .setSubject('officer@idp')
      .setIssuer('https://idp.cand.example')
      .setAudience('antq')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
  db = await openPreparedDatabase();
  yoga = createAntqYoga({
    db,
    secrets: TEST_SECRETS,
    jwks: { url, issuer: 'https://idp.cand.example', audience: 'antq' },
    graphiql: false,
    log: () => {},
  });
});

afterAll(async () => {
  await db?.close();
  await new Promise((resolve) => jwksServer?.close(resolve));
});

const ask = async (token: string) =>
  yoga.fetch('http://antq.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ tips(first: 1) { totalCount } }' }),
  });

it('accepts a token the identity provider signed, with its role and unit', async () => {
  const response = await ask(await sign({ role: 'province-officer', unit: '75' }));
  expect(response.status).toBe(200);
  expect((await response.json()).data).toEqual({ tips: { totalCount: 0 } });
});

it('refuses a token for another audience, and this server’s own tokens', async () => {
  const wrongAudience = await new SignJWT({ role: 'national' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('x')
    .setIssuer('https://idp.cand.example')
    .setAudience('other')
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(TEST_SECRETS.jwtSecret);
  expect((await ask(wrongAudience)).status).toBe(401);
  expect((await ask(await tokenFor('NATIONAL', null))).status).toBe(401);
});
