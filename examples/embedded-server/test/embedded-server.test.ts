import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { start, type Started } from '../src/server.js';

let dir: string;
let started: Started;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'antq-example-'));
  started = await start({ dataDir: dir, port: 0 });
}, 300_000);

afterAll(async () => {
  await started?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('serves the hierarchy over HTTP from a fresh data directory', async () => {
  const response = await fetch(started.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ adminUnit(code: "70", asOf: "2024-06-01") { fullName children { totalCount } } }' }),
  });
  const body = await response.json();
  expect(body.data).toEqual({ adminUnit: { fullName: 'Tỉnh Bình Phước', children: { totalCount: 11 } } });
  expect(body.extensions.cost).toMatchObject({ depth: 3 }); // every answer says what it cost
  expect((await fetch(started.server.url.replace('/graphql', '/ready'))).status).toBe(200);
});
