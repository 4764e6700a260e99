/**
 * `pnpm bench`: the benchmark of the API against hand-written SQL.
 *
 * Starts the GraphQL server in this process on a database (DATABASE_URL, or --pglite <dir>),
 * picks its fixtures from the data, counts the SQL statements of each representative
 * operation at two page sizes (and fails when they differ), warms up, then measures each
 * operation over HTTP with autocannon and its hand-written SQL baseline through `pg` at the
 * same concurrency. Optionally measures the embedded server's second start and peak memory.
 * Writes bench/results/<label>.json and renders BENCHMARKS.md from every result file.
 *
 * With `--peer postgraphile`, then compares antq with PostGraphile 5 and bare graphql-yoga on
 * the same database, each server a child process on a Node >= 22 binary (peer.ts).
 *
 *   pnpm bench [--label <name>] [--seconds 10] [--connections 8] [--quick] [--pglite <dir>] [--embedded] [--no-write]
 *              [--peer postgraphile [--peer-only] [--rounds 2]]
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { migrate, openDatabase, type DatabaseTarget } from '@antq/db';
import { issueToken } from '../src/auth/tokens.js';
import { createAntqYoga } from '../src/http/yoga.js';
import { listen } from '../src/http/serve.js';
import { measureEmbedded } from './embedded.js';
import { closedLoop, httpLoad, type Load } from './measure.js';
import { forgetEvaluations, pickFixtures, type TeamSlot } from './fixtures.js';
import { OPERATIONS, TEAM_EVALUATION, teamEvaluationVariables, type GraphQLRequest } from './operations.js';
import { peerNode, runPeer, type PeerResult } from './peer.js';
import { renderBenchmarks, type OperationResult, type RunResult } from './report.js';
import { pgDriver, pgliteDriver, Sql, coverageFigures } from './sql.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const RESULTS_DIR = join(HERE, 'results');
const REPO = resolve(HERE, '../../..');

const log = (m: string) => console.error(`[bench] ${m}`);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      label: { type: 'string' },
      seconds: { type: 'string' },
      connections: { type: 'string', default: '8' },
      quick: { type: 'boolean', default: false },
      pglite: { type: 'string' },
      embedded: { type: 'boolean', default: false },
      'embedded-only': { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      port: { type: 'string', default: process.env.PORT ?? '4102' },
      peer: { type: 'string' },
      'peer-only': { type: 'boolean', default: false },
      rounds: { type: 'string', default: '2' },
    },
  });
  const load: Load = { connections: Number(values.connections), seconds: Number(values.seconds ?? (values.quick ? 3 : 10)) };
  const port = Number(values.port);
  const loadBefore = loadavg();
  if (values['embedded-only']) {
    const embedded = await measureEmbedded({ port, repo: REPO, log });
    console.log(JSON.stringify(embedded, null, 2));
    // With --label, recorded with that run's figures.
    const file = values.label ? join(RESULTS_DIR, `${values.label}.json`) : null;
    if (file && existsSync(file)) {
      writeFileSync(file, `${JSON.stringify({ ...(JSON.parse(readFileSync(file, 'utf8')) as RunResult), embedded }, null, 2)}\n`);
      writeFileSync(join(REPO, 'BENCHMARKS.md'), renderBenchmarks(RESULTS_DIR));
      log(`recorded in bench/results/${values.label}.json and BENCHMARKS.md`);
    }
    return 0;
  }

  const url = process.env.DATABASE_URL?.trim();
  const target: DatabaseTarget = values.pglite
    ? { kind: 'pglite', dataDir: resolve(values.pglite) }
    : url
      ? { kind: 'postgres', url }
      : fail('set DATABASE_URL (PostgreSQL) or --pglite <dir>');
  if (values.peer !== undefined && values.peer !== 'postgraphile') fail(`--peer: the one peer is postgraphile, not ${values.peer}`);
  if (values['peer-only'] && !values.peer) fail('--peer-only goes with --peer postgraphile');
  if (values.peer && target.kind !== 'postgres')
    fail('--peer postgraphile needs PostgreSQL (DATABASE_URL): PostGraphile does not open PGlite');
  // Refused now, not after the operations' minutes: PostGraphile 5 needs Node >= 22.
  if (values.peer) log(`peer: PostGraphile on ${peerNode().version}`);
  const db = await openDatabase(target);
  await migrate(db);
  // Planner statistics, as autovacuum would gather them some time after a bulk load (a freshly seeded database has none).
  await db.prisma.$executeRawUnsafe('ANALYZE');
  const sql = new Sql(target.kind === 'postgres' ? pgDriver(target.url, load.connections) : pgliteDriver(db.pglite!));
  const secrets = { jwtSecret: randomBytes(32), dataKey: randomBytes(32) };
  const yoga = createAntqYoga({ db, secrets, graphiql: false, log: () => {} });
  const listening = await listen(yoga, port, '127.0.0.1');
  const server = { url: `http://127.0.0.1:${port}/graphql`, close: () => listening.close() };
  // Requests in flight: statements are counted only on an idle server (a load run's last requests may still be running).
  let inFlight = 0;
  listening.server.on('request', (_req, res) => {
    inFlight += 1;
    res.once('close', () => (inFlight -= 1));
  });
  const idle = async () => {
    while (inFlight > 0) await new Promise((r) => setTimeout(r, 20));
  };
  const token = await issueToken(secrets.jwtSecret, { role: 'NATIONAL', unitCode: null, areaId: null, subject: 'bench', ttl: '2h' });
  const headers = { authorization: `Bearer ${token}` };
  const failures: string[] = [];
  const operations: OperationResult[] = [];
  const fx = await pickFixtures(db);
  log(`fixtures: commune ${fx.communeCode}, model ${fx.modelId}, ${fx.teamSlots.graphql.length + fx.teamSlots.baseline.length} team slots`);

  /** One request; with `strict`, an error answer throws (the closed loop counts it as failed). */
  const post = async (request: GraphQLRequest, strict = false) => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(request),
    });
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (strict && (!res.ok || body.errors)) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
    return body;
  };
  const counted = async (request: GraphQLRequest) => {
    await idle();
    let n = 0;
    const stop = db.onQuery(() => (n += 1));
    try {
      const body = await post(request);
      if (body.errors) throw new Error(`errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
      return { body, statements: n };
    } finally {
      stop();
    }
  };

  let peer: PeerResult | null = null;
  try {
    for (const op of values['peer-only'] ? [] : OPERATIONS) {
      if (op.write && values['no-write']) continue;
      log(`${op.name}: ${op.title}`);
      const statements: Record<string, number> = {};
      let sameAnswer: boolean | null = null;
      const slots = op.write ? { graphql: [...fx.teamSlots.graphql], baseline: [...fx.teamSlots.baseline] } : null;
      const requestOf = (size: number): GraphQLRequest =>
        slots
          ? { query: TEAM_EVALUATION, variables: teamEvaluationVariables(slots.graphql.shift() ?? fail('no team slot left')) }
          : op.request(fx, size);

      // Statements of one request, alone on the server.
      for (const size of op.pageSizes.length ? op.pageSizes : [0]) {
        const { body, statements: n } = await counted(requestOf(size));
        statements[op.pageSizes.length ? `first ${size}` : 'one'] = n;
        if (op.write) {
          const kind = (body.data?.recordTeamEvaluation as { result?: { __typename?: string } } | undefined)?.result?.__typename;
          if (kind !== 'SecurityTeam') failures.push(`${op.name}: the mutation answered ${kind}, not SecurityTeam`);
        }
        if (op.name.startsWith('coverage')) sameAnswer = agree(body.data?.nationalCoverage, await op.baseline(sql, fx));
      }
      const counts = Object.values(statements);
      if (new Set(counts).size > 1) failures.push(`${op.name}: statements grow with the page size (${JSON.stringify(statements)})`);
      if (sameAnswer === false) failures.push(`${op.name}: the API and the SQL baseline disagree`);

      const size = op.pageSizes.at(-1) ?? 0;
      const body = () => JSON.stringify(requestOf(size));
      const before = sql.statements;
      const baselineCall = slots
        ? () => sql.recordTeamEvaluation(slots.baseline.shift() ?? fail('no team slot left'))
        : () => op.baseline(sql, fx);
      await baselineCall();
      const baselineStatements = sql.statements - before;

      // Warm-up (JIT, plans, pools), then the measured runs. A write consumes its slots: it runs a fixed number of requests.
      const warm: Load = { connections: load.connections, seconds: Math.max(1, Math.round(load.seconds / 5)) };
      const amounts = slots ? { warm: Math.min(20, Math.floor(slots.graphql.length / 4)), graphql: 0, baseline: 0 } : null;
      await httpLoad(server.url, warm, body, headers, amounts?.warm);
      await closedLoop(warm, baselineCall, amounts ? Math.min(20, Math.floor(slots!.baseline.length / 4)) : undefined);
      await idle();
      await idle();
      let during = 0;
      const stop = db.onQuery(() => (during += 1));
      // A write runs a fixed number of requests (its slots are finite): at most 25 per connection.
      const writes = (side: TeamSlot[]) => Math.min(side.length, load.connections * 25);
      let graphql = await httpLoad(server.url, load, body, headers, slots ? writes(slots.graphql) : undefined);
      await idle();
      // Slower than the run: autocannon drops the requests still in flight at the end; count a fixed number instead.
      if (graphql.requests < load.connections && !slots) graphql = await httpLoad(server.url, load, body, headers, load.connections * 2);
      await idle();
      stop();
      let baseline = await closedLoop(load, baselineCall, slots ? writes(slots.baseline) : undefined);
      if (baseline.requests < load.connections && !slots) baseline = await closedLoop(load, baselineCall, load.connections * 2);
      // Alone: one connection, a fixed number of requests (a write's slots are finite).
      const one: Load = { connections: 1, seconds: load.seconds };
      const aloneCount = Math.round(Math.max(5, Math.min(200, (graphql.rps * load.seconds) / load.connections)));
      // The same closed loop as the baseline's, over HTTP: autocannon rounds latencies to whole milliseconds.
      const alone = {
        graphql: await closedLoop(one, () => post(JSON.parse(body()) as GraphQLRequest, true), aloneCount),
        baseline: await closedLoop(one, baselineCall, aloneCount),
      };
      await idle();
      if (graphql.errors + alone.graphql.errors) failures.push(`${op.name}: ${graphql.errors + alone.graphql.errors} failed requests`);
      const result: OperationResult = {
        name: op.name,
        title: op.title,
        statements,
        statementsUnderLoad: graphql.requests ? during / graphql.requests : NaN,
        baselineStatements,
        graphql,
        baseline,
        alone,
        sameAnswer,
      };
      operations.push(result);
      log(
        `  GraphQL p50 ${graphql.p50.toFixed(2)} ms p99 ${graphql.p99.toFixed(1)} ms ${graphql.rps.toFixed(0)}/s, ${counts.join('/')} statements; ` +
          `SQL p50 ${baseline.p50.toFixed(2)} ms p99 ${baseline.p99.toFixed(1)} ms ${baseline.rps.toFixed(0)}/s; ratio ${(graphql.p50 / baseline.p50).toFixed(2)}; ` +
          `alone: GraphQL p50 ${alone.graphql.p50.toFixed(2)} ms, SQL p50 ${alone.baseline.p50.toFixed(2)} ms, ratio ${(alone.graphql.p50 / alone.baseline.p50).toFixed(2)}`,
      );
    }
    if (fx.teamSlots.graphql.length && !values['no-write'] && !values['peer-only'])
      log(
        `removed the ${await forgetEvaluations(db, [...fx.teamSlots.graphql, ...fx.teamSlots.baseline])} team evaluations the run recorded`,
      );
    if (values.peer) {
      await server.close();
      const [province] = await db.prisma.$queryRawUnsafe<{ code: string }[]>(
        `SELECT "parentCode" AS code FROM "AdminUnit" WHERE code = $1 AND "validTo" IS NULL AND "parentCode" IS NOT NULL`,
        fx.communeCode,
      );
      peer = await runPeer({
        url: (target as { url: string }).url,
        fx,
        provinceCode: province?.code ?? fail(`commune ${fx.communeCode} has no province today`),
        sql,
        load,
        basePort: port,
        rounds: Number(values.rounds),
        log,
      });
    }
  } finally {
    await server.close();
    await db.close();
  }

  const embedded = values.embedded ? await measureEmbedded({ port, repo: REPO, log }) : null;
  const result: RunResult = {
    label: values.label ?? (await datasetLabel(target)),
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      database: target.kind === 'postgres' ? await postgresVersion(target.url) : 'PGlite (embedded)',
      loadBefore,
      loadAfter: loadavg(),
    },
    dataset: fx.dataset,
    load,
    operations,
    embedded,
    peer,
    failures,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${result.label}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(REPO, 'BENCHMARKS.md'), renderBenchmarks(RESULTS_DIR));
  log(`wrote bench/results/${result.label}.json and BENCHMARKS.md`);
  for (const f of failures) log(`FAILED: ${f}`);
  return failures.length ? 1 : 0;
}

function fail(message: string): never {
  throw new Error(message);
}

/** The national answer and the baseline's agree on the country's and each province's four figures. */
function agree(api: unknown, rows: unknown): boolean {
  type Four = { residentialAreas: number; residentialAreasWithActiveModel: number; activeModels: number; modelTypes: number };
  const n = api as Four & { byProvince: Array<Four & { unit: { code: string } }> };
  const four = (c: Four) => [c.residentialAreas, c.residentialAreasWithActiveModel, c.activeModels, c.modelTypes];
  const sql = coverageFigures(rows as Record<string, unknown>[]);
  const same =
    JSON.stringify(four(n)) === JSON.stringify(sql.national) &&
    n.byProvince.every((p) => JSON.stringify(four(p)) === JSON.stringify(sql.byProvince[p.unit.code] ?? [0, 0, 0, 0]));
  if (!same) log(`  disagreement: API ${JSON.stringify(four(n))} vs SQL ${JSON.stringify(sql.national)}`);
  return same;
}

async function datasetLabel(target: DatabaseTarget): Promise<string> {
  return target.kind === 'postgres' ? `postgres-${new URL(target.url).pathname.slice(1)}` : 'pglite';
}

async function postgresVersion(url: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return String((await client.query('SHOW server_version')).rows[0].server_version)
      .replace(/ .*/, '')
      .replace(/^/, 'PostgreSQL ');
  } finally {
    await client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
