/**
 * `antq serve` as an operator runs it, the real command in a child process on a free port:
 * graceful shutdown (src/http/shutdown.ts) and `--workers N` (src/http/cluster.ts).
 * A request is kept in flight by sending its headers and holding the rest of its body back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '@antq/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './support/free-port.js';
import { createPostgresDatabase, postgresUnavailable, REQUIRE_POSTGRES } from '../../db/test/support/databases.js';
import { settingsFromEnv } from '../src/settings.js';
import { preparedDumpPath } from './support/prepared-database.js';

const CLI = new URL('../src/cli.ts', import.meta.url).pathname;
const QUERY = JSON.stringify({ query: '{ adminUnit(code: "70", asOf: "2024-06-01") { fullName } }' });
const ANSWER = { adminUnit: { fullName: 'Tỉnh Bình Phước' } };

interface Served {
  readonly child: ChildProcess;
  readonly port: number;
  /** stderr so far. */
  log(): string;
  /** Resolves when stderr has a line that matches. */
  line(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** Starts `antq serve` with `args` and `env`, on a free port of 127.0.0.1. */
async function serve(args: string[], env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', ...args], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ANTQ_LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const waiting = new Set<() => void>();
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const check of waiting) check();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })),
  );
  servedProcesses.add(child);
  return {
    child,
    port,
    log: () => stderr,
    exited,
    line: (pattern, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`no line like ${pattern} in ${timeoutMs} ms; stderr:\n${stderr}`));
        }, timeoutMs);
        const check = () => {
          const found = stderr.match(pattern);
          if (!found) return;
          clearTimeout(timer);
          waiting.delete(check);
          resolve(found);
        };
        waiting.add(check);
        check();
        void exited.then(() => setTimeout(check, 50));
      }),
  };
}

/** Every child still running at the end is stopped, by its own pid. */
const servedProcesses = new Set<ChildProcess>();
afterAll(() => {
  for (const child of servedProcesses) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** A POST to /graphql, to be written by the caller: on a connection of its own, or one of `agent`'s. */
const postTo = (port: number, headers: Record<string, string>, agent: Agent | false = false) =>
  request({
    host: '127.0.0.1',
    port,
    path: '/graphql',
    method: 'POST',
    agent,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** A POST of QUERY on a connection of its own, or one of `agent`'s (with the answer's Connection header). */
function post(port: number, agent: Agent | false = false): Promise<{ status: number; body: unknown; connection?: string }> {
  return new Promise((resolve, reject) => {
    const req = postTo(port, {}, agent);
    req
      .on('error', reject)
      .on('response', (res) => answerOf(res).then((a) => resolve({ ...a, connection: res.headers.connection }), reject));
    req.end(QUERY);
  });
}

function answerOf(res: IncomingMessage): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    let text = '';
    res.setEncoding('utf8').on('data', (c: string) => (text += c));
    res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) as unknown }));
    res.on('error', reject);
  });
}

/** A POST of QUERY whose headers and first half are sent now, and the rest when `finish()` is called. */
function heldPost(port: number): {
  finish(): void;
  /** Resolves once connected and the headers sent, and a moment more for the server to read them. */
  sent: Promise<void>;
  answer: Promise<{ status: number; body: unknown; connection?: string }>;
} {
  const half = Math.floor(QUERY.length / 2);
  const req = postTo(port, { 'content-length': String(Buffer.byteLength(QUERY)) });
  const answer = new Promise<{ status: number; body: unknown; connection?: string }>((resolve, reject) => {
    req
      .on('error', reject)
      .on('response', (res) =>
        answerOf(res).then((a) => resolve({ ...a, ...(res.headers.connection ? { connection: res.headers.connection } : {}) }), reject),
      );
  });
  answer.catch(() => {}); // awaited by the test that holds it
  const sent = new Promise<void>((resolve) => req.once('socket', (socket) => socket.once('connect', () => setTimeout(resolve, 300))));
  req.write(QUERY.slice(0, half));
  return { finish: () => req.end(QUERY.slice(half)), sent, answer };
}

const METRICS_TOKEN = 'metrics-token-for-the-tests-0123';

/** The text of /metrics, on a connection of its own. */
function metrics(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/metrics', agent: false, headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    req.on('error', reject).on('response', (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`/metrics answered ${res.statusCode}: ${text}`))));
    });
    req.end();
  });
}

/** Whether new connections to the port are refused within a second (a server stops listening a moment after its signal's log line). */
async function refused(port: number): Promise<boolean> {
  for (let tries = 0; tries < 20; tries++) {
    if (await refusedNow(port)) return true;
    await sleep(50);
  }
  return false;
}

function refusedNow(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ANTQ_SHUTDOWN_TIMEOUT_MS', () => {
  it('is 10 s by default, a whole number of milliseconds from 0', () => {
    expect(settingsFromEnv({}).shutdownTimeoutMs).toBe(10_000);
    expect(settingsFromEnv({ ANTQ_SHUTDOWN_TIMEOUT_MS: '2500' }).shutdownTimeoutMs).toBe(2500);
    expect(settingsFromEnv({ ANTQ_SHUTDOWN_TIMEOUT_MS: '0' }).shutdownTimeoutMs).toBe(0);
    for (const bad of ['-1', '1.5', 'soon']) {
      expect(() => settingsFromEnv({ ANTQ_SHUTDOWN_TIMEOUT_MS: bad })).toThrow(/shutdownTimeoutMs must be a whole number of milliseconds/);
    }
  });
});

describe('antq serve: graceful shutdown (embedded database)', () => {
  let dataDir: string;
  beforeAll(async () => {
    // The prepared database (migrated, with the real units) as the embedded data directory.
    dataDir = mkdtempSync(join(tmpdir(), 'antq-serve-'));
    const db = await openDatabase({
      kind: 'pglite',
      dataDir: join(dataDir, 'pglite'),
      loadDataDir: new Blob([readFileSync(preparedDumpPath())]),
    });
    await db.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('on SIGTERM refuses new connections, lets the request in flight finish (200), cuts one still open when the time is up, exits 0', async () => {
    const served = await serve([], { ANTQ_DATA_DIR: dataDir, ANTQ_DEMO: 'off', ANTQ_SHUTDOWN_TIMEOUT_MS: '3000' });
    await served.line(/GraphQL server ready at/);
    expect(await post(served.port)).toEqual({ status: 200, body: expect.objectContaining({ data: ANSWER }), connection: 'close' });
    // A keep-alive connection, idle at the signal.
    const keptAlive = new Agent({ keepAlive: true, maxSockets: 1 });
    expect(await post(served.port, keptAlive)).toMatchObject({ status: 200, connection: 'keep-alive' });

    const finishing = heldPost(served.port);
    const stuck = heldPost(served.port);
    const stuckAnswer = stuck.answer.then(
      () => 'answered',
      (error: NodeJS.ErrnoException) => error.code,
    );
    await Promise.all([finishing.sent, stuck.sent]); // the server has both requests' headers
    const signalled = performance.now();
    served.child.kill('SIGTERM');
    await served.line(/SIGTERM: stopping \(no new connections; requests in flight have 3\.0 s to finish\)/);
    expect(await refused(served.port)).toBe(true);
    // A request written on it just after the signal (one on its way while the server was busy) is served, and the connection closed after it.
    expect(await post(served.port, keptAlive)).toEqual({
      status: 200,
      body: expect.objectContaining({ data: ANSWER }),
      connection: 'close',
    });
    keptAlive.destroy();

    await sleep(500);
    finishing.finish();
    const answer = await finishing.answer;
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(expect.objectContaining({ data: ANSWER }));
    expect(performance.now() - signalled).toBeLessThan(3000);

    // The other one never sends the rest of its body: cut when the 3 s are up, then the process exits 0.
    expect(await stuckAnswer).toBe('ECONNRESET');
    const { code, at } = await served.exited;
    expect(code).toBe(0);
    const took = at - signalled;
    expect(took).toBeGreaterThanOrEqual(2900);
    expect(took).toBeLessThan(8000);
    expect(served.log()).toMatch(/\[antq\] stopped in \d+\.\d s/);
    console.log(`[serve.test] SIGTERM to exit: ${(took / 1000).toFixed(1)} s (a request finished 0.5 s after the signal, one cut at 3 s)`);
  }, 60_000);

  it('with nothing in flight, exits 0 at once on SIGINT', async () => {
    const served = await serve([], { ANTQ_DATA_DIR: dataDir, ANTQ_DEMO: 'off' });
    await served.line(/GraphQL server ready at/);
    expect((await post(served.port)).status).toBe(200);
    const signalled = performance.now();
    served.child.kill('SIGINT');
    const { code, at } = await served.exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(3000);
    expect(await refused(served.port)).toBe(true);
  }, 60_000);

  it('refuses --workers 2 on the embedded database, saying why (exit 2), and takes auto as one process', async () => {
    const served = await serve(['--workers', '2'], { ANTQ_DATA_DIR: dataDir, ANTQ_DEMO: 'off' });
    expect((await served.exited).code).toBe(2);
    expect(served.log()).toContain('antq: --workers 2 needs PostgreSQL (DATABASE_URL): the embedded database lives inside one process');
    const bad = await serve(['--workers', 'many'], { ANTQ_DATA_DIR: dataDir });
    expect((await bad.exited).code).toBe(2);
    expect(bad.log()).toContain('--workers must be a whole number from 1, or auto');

    const auto = await serve(['--workers', 'auto'], { ANTQ_DATA_DIR: dataDir, ANTQ_DEMO: 'off' });
    await auto.line(/GraphQL server ready at/);
    expect(auto.log()).not.toMatch(/worker \d/);
    auto.child.kill('SIGTERM');
    expect((await auto.exited).code).toBe(0);
  }, 60_000);
});

describe.skipIf(postgresUnavailable !== null && !REQUIRE_POSTGRES)('antq serve --workers 2 (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  beforeAll(async () => {
    database = await createPostgresDatabase();
  });
  afterAll(() => database?.drop());

  it('starts two workers that answer, /metrics of both, restarts one that dies, and on SIGTERM stops both and exits 0', async () => {
    const served = await serve(['--workers', '2'], {
      DATABASE_URL: database.url,
      ANTQ_JWT_SECRET: randomBytes(32).toString('hex'),
      ANTQ_DATA_KEY: randomBytes(32).toString('base64'),
      ANTQ_METRICS_TOKEN: METRICS_TOKEN,
    });
    // The primary migrates and imports the units once (a first start), then forks.
    await served.line(/GraphQL server ready at http:\/\/127\.0\.0\.1:\d+\/graphql with 2 workers/, 120_000);
    const started = [...served.log().matchAll(/\[antq\] worker (\d+) started \(pid (\d+)\)/g)];
    expect(started.map((m) => m[1]).sort()).toEqual(['1', '2']);

    const answers = await Promise.all(Array.from({ length: 20 }, () => post(served.port)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    for (const a of answers) expect(a.body).toEqual(expect.objectContaining({ data: ANSWER }));

    // /metrics, on whichever worker takes the connection, counts the requests of both, and both pools.
    for (let scrape = 0; scrape < 4; scrape++) {
      const text = await metrics(served.port);
      expect(text).toMatch(/^graphql_envelop_request\{operationName="Anonymous",operationType="query"\} 20$/m);
      expect(text).toMatch(/^antq_db_pool_max\{role="primary"\} 20$/m);
    }

    // A worker killed from outside is replaced.
    process.kill(Number(started[0]![2]), 'SIGKILL');
    await served.line(new RegExp(`worker ${started[0]![1]} exited by SIGKILL: restarting it as worker 3`));
    await served.line(/worker 3 started/);
    const after = await Promise.all(Array.from({ length: 10 }, () => post(served.port)));
    expect(after.map((a) => a.status)).toEqual(Array(10).fill(200));

    // An in-flight request on a worker finishes after the primary's SIGTERM.
    const held = heldPost(served.port);
    await held.sent;
    served.child.kill('SIGTERM');
    await served.line(/SIGTERM: stopping 2 workers/);
    await sleep(300);
    held.finish();
    expect((await held.answer).status).toBe(200);
    const { code } = await served.exited;
    expect(code).toBe(0);
    expect(served.log()).toMatch(/worker \d stopped with code 0[\s\S]*worker \d stopped with code 0[\s\S]*all workers stopped/);
    expect(await refused(served.port)).toBe(true);
  }, 180_000);
});
