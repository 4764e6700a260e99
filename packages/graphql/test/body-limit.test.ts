/**
 * The request body limit (src/http/body-limit.ts): a body over the server's `maxBodyBytes`
 * (1 MiB by default, `ANTQ_MAX_BODY_BYTES`) is refused with HTTP 413 and `PAYLOAD_TOO_LARGE`,
 * counted as it streams in, so that a missing or lying Content-Length does not get past it;
 * a body of the limit is answered as any other. Imports keep their own, larger limit
 * (test/imports.test.ts).
 */
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { listen } from '../src/http/serve.js';
import { DEFAULT_SETTINGS, serverSettings, settingsFromEnv } from '../src/settings.js';
import { createTestServer, usePreparedServer, type GraphQLBody } from './support/server.js';

const ctx = usePreparedServer();
const MiB = 1024 * 1024;

/** A JSON GraphQL request of exactly `bytes` bytes: `{ __typename }` with a variable it does not use, padded. */
function bodyOf(bytes: number): string {
  const empty = JSON.stringify({ query: '{ __typename }', variables: { pad: '' } });
  return JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(bytes - empty.length) } });
}

/** `bytes` of the body, offered in 64 KiB chunks as a client streams them; `pulled()` is what the server read. */
function streamed(body: string) {
  const bytes = new TextEncoder().encode(body);
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= bytes.length) return controller.close();
      const chunk = bytes.subarray(pulled, pulled + 64 * 1024);
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

const post = (yoga: typeof ctx.server.yoga, body: BodyInit, headers: Record<string, string> = {}) =>
  Promise.resolve(
    yoga.fetch('http://antq.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      duplex: 'half',
    } as RequestInit),
  );

async function expectRefused(response: Response, maxBytes = MiB, size = '1 MiB') {
  expect(response.status).toBe(413);
  const json = (await response.json()) as GraphQLBody<unknown>;
  expect(json.errors).toHaveLength(1);
  expect(json.errors![0]!.extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', maxBytes });
  expect(json.errors![0]!.message).toBe(`Nội dung yêu cầu quá lớn (tối đa ${size}). / The request body is too large (at most ${size}).`);
}

describe('the request body limit', () => {
  const TWELVE_MB = bodyOf(12 * 1000 * 1000);

  it('refuses a 12 MB body declared as such with 413 and PAYLOAD_TOO_LARGE, in Vietnamese and English', async () => {
    await expectRefused(await post(ctx.server.yoga, TWELVE_MB, { 'content-length': String(TWELVE_MB.length) }));
  });

  it('refuses a 12 MB body sent without a Content-Length (chunked), reading little more than the limit', async () => {
    const body = streamed(TWELVE_MB);
    await expectRefused(await post(ctx.server.yoga, body.stream));
    expect(body.pulled()).toBeLessThan(2 * MiB);
  });

  it('refuses a 12 MB body whose Content-Length says it is small', async () => {
    const body = streamed(TWELVE_MB);
    await expectRefused(await post(ctx.server.yoga, body.stream, { 'content-length': '100' }));
    expect(body.pulled()).toBeLessThan(2 * MiB);
  });

  it('answers a body of exactly the limit, streamed or declared, and refuses one byte more', async () => {
    expect(DEFAULT_SETTINGS.maxBodyBytes).toBe(MiB);
    const atLimit = bodyOf(MiB);
    expect(new TextEncoder().encode(atLimit).byteLength).toBe(MiB);
    for (const response of [
      await post(ctx.server.yoga, atLimit, { 'content-length': String(MiB) }),
      await post(ctx.server.yoga, streamed(atLimit).stream),
    ]) {
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ data: { __typename: 'Query' } });
    }
    await expectRefused(await post(ctx.server.yoga, streamed(bodyOf(MiB + 1)).stream));
  });

  it('takes its size from the server setting (ANTQ_MAX_BODY_BYTES), and refuses a size that is not a whole number of bytes', async () => {
    const small = createTestServer(ctx.db, () => {}, { settings: { maxBodyBytes: 64 * 1024 } });
    await expectRefused(await post(small.yoga, streamed(bodyOf(64 * 1024 + 1)).stream), 64 * 1024, '64 KiB');
    expect((await post(small.yoga, bodyOf(64 * 1024))).status).toBe(200);
    expect(settingsFromEnv({}).maxBodyBytes).toBe(MiB);
    expect(settingsFromEnv({ ANTQ_MAX_BODY_BYTES: '' }).maxBodyBytes).toBe(MiB);
    expect(settingsFromEnv({ ANTQ_MAX_BODY_BYTES: '300000' }).maxBodyBytes).toBe(300000);
    expect(() => settingsFromEnv({ ANTQ_MAX_BODY_BYTES: '1MB' })).toThrow(/maxBodyBytes must be a whole number of bytes/);
    expect(() => serverSettings({ maxBodyBytes: 0 })).toThrow(/maxBodyBytes/);
  });

  it('refuses a body of a kind no parser reads (text/plain) with 415 and UNSUPPORTED_MEDIA_TYPE, in both languages', async () => {
    const response = await post(ctx.server.yoga, JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
    const [error] = ((await response.json()) as GraphQLBody<unknown>).errors!;
    expect(error!.extensions!.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error!.message).toContain('Kiểu nội dung "text/plain" không được hỗ trợ');
    expect(error!.message).toContain('Content type "text/plain" is not supported: send application/json');
  });

  it('over node:http, headers or a URL too long for Node’s parser are answered 431 with a code, not a bare status line', async () => {
    const served = await listen(ctx.server.yoga, 0, '127.0.0.1');
    try {
      const answered = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          `${served.url}?q=${'x'.repeat(20_000)}`,
          { method: 'GET', headers: { 'x-pad': 'y'.repeat(20_000) } },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(answered.status).toBe(431);
      expect((JSON.parse(answered.body) as GraphQLBody<unknown>).errors![0]!.extensions!.code).toBe('HEADERS_TOO_LARGE');
    } finally {
      await served.close();
    }
  });

  it('over node:http too: a 12 MB chunked body is answered 413 before the client has sent it all', async () => {
    const served = await listen(ctx.server.yoga, 0, '127.0.0.1');
    try {
      let sent = 0;
      const answered = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(served.url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        // Chunked (no Content-Length), written as the socket takes it, until the server answers.
        let answered = false;
        req.once('response', () => (answered = true));
        const write = () => {
          while (sent < TWELVE_MB.length && !answered) {
            const chunk = TWELVE_MB.slice(sent, sent + 64 * 1024);
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', write);
          }
          req.end();
        };
        write();
      });
      expect(answered.status).toBe(413);
      expect((JSON.parse(answered.body) as GraphQLBody<unknown>).errors![0]!.extensions!.code).toBe('PAYLOAD_TOO_LARGE');
      expect(sent).toBeLessThan(TWELVE_MB.length);
    } finally {
      await served.close();
    }
  });
});
