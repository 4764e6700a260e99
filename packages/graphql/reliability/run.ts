/**
 * `pnpm reliability`: load, faults and fuzzing on national-scale data; writes RELIABILITY.md.
 *
 * A script, not a timed test. It makes a PostgreSQL 15 cluster of its own (postgres.ts),
 * loads the administrative units and national-scale data into it with the `antq` CLI, then
 * runs `antq serve` as a child process (server.ts) through five phases:
 *   1. mixed load: the bench's reads and a repeatable write, 8, 16 then 32 connections
 *      (autocannon), the server's memory read every 2 s;
 *   2. PostgreSQL restarted (`pg_ctl restart -m fast`) under a write load: every
 *      acknowledged write looked for in the database, and the time to recover;
 *   3. SIGTERM to the server under load: requests sent before the signal must all succeed;
 *   4. 10,000 schema-aware fuzzed operations (fuzz.ts);
 *   5. the same read load against `--workers 1` and `--workers 2`.
 * Then it stops everything it started, by PID, removes the cluster's folder and writes
 * RELIABILITY.md at the repository's root.
 *
 *   pnpm reliability [--scale 1] [--seconds 60] [--fuzz 10000] [--seed N] [--quick] [--out RELIABILITY.md]
 *
 * `--quick` (the smoke test): scale 0.01, a few seconds per phase, 300 fuzzed operations,
 * written to --out (default: a temporary file, not RELIABILITY.md).
 */
import { execSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '@antq/db';
import pg from 'pg';
import { issueToken } from '../src/auth/tokens.js';
import { cpuSeconds, memory } from '../bench/embedded.js';
import { pickFixtures, type Fixtures } from '../bench/fixtures.js';
import { httpLoad } from '../bench/measure.js';
import { fuzzRequests, publishedSchema, runFuzz, type FuzzFigures } from './fuzz.js';
import { acknowledged, callers, readRequest, tally, writeRequest } from './phases.js';
import { startCluster, type Cluster } from './postgres.js';
import {
  renderReliability,
  type MixedFigures,
  type ReliabilityResult,
  type RestartFigures,
  type SigtermFigures,
  type WorkersFigures,
  type WorkersSide,
} from './report.js';
import { runAntq, startAntq, type Antq } from './server.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../../..');
const log = (m: string) => console.error(`[reliability] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () => loadavg().map((x) => Number(x.toFixed(2))) as [number, number, number];

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      scale: { type: 'string' },
      seconds: { type: 'string' },
      fuzz: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const quick = values.quick;
  const scale = Number(values.scale ?? (quick ? 0.01 : 1));
  const seconds = Number(values.seconds ?? (quick ? 6 : 60));
  const fuzzCount = Number(values.fuzz ?? (quick ? 300 : 10_000));
  const seed = values.seed === undefined ? randomInt(2 ** 31 - 1) : Number(values.seed);
  const out = resolve(values.out ?? (quick ? join(tmpdir(), 'antq-RELIABILITY.quick.md') : join(REPO, 'RELIABILITY.md')));
  const phaseSeconds = quick ? 3 : 10;
  log(`scale ${scale}, ${seconds} s of mixed load, ${fuzzCount} fuzzed operations, seed ${seed} (repeat with --seed ${seed})`);
  const loadBefore = load();
  const started = performance.now();

  const cluster = await startCluster(log);
  const secrets = { ANTQ_JWT_SECRET: randomBytes(32).toString('hex'), ANTQ_DATA_KEY: randomBytes(32).toString('base64') };
  const env = { DATABASE_URL: cluster.url, ...secrets };
  const running = new Set<Antq>();
  const serve: Serve = async (workers, more = {}, options = {}) => {
    const antq = await startAntq(REPO, workers, { ...env, ...more }, log, options);
    running.add(antq);
    return antq;
  };
  const stop = async (antq: Antq) => {
    await antq.stop();
    running.delete(antq);
  };
  const pool = new pg.Pool({ connectionString: cluster.url, max: 4 });
  // A restart cuts the pool's idle connections: they must not crash this process.
  pool.on('error', () => {});
  let db: Awaited<ReturnType<typeof openDatabase>> | null = null;
  try {
    log('loading data: the administrative units, then national-scale data');
    const loadBegan = performance.now();
    await runAntq(REPO, ['import', 'admin-units'], env, log);
    await runAntq(REPO, ['seed', 'national', '--scale', String(scale), '--seed', '1'], env, log);
    const loadSeconds = (performance.now() - loadBegan) / 1000;
    db = await openDatabase({ kind: 'postgres', url: cluster.url });
    const fx = await pickFixtures(db);
    await db.close();
    db = null;
    log(`data loaded in ${loadSeconds.toFixed(0)} s: ${JSON.stringify(fx.dataset)}`);
    const token = await issueToken(Buffer.from(secrets.ANTQ_JWT_SECRET), {
      role: 'NATIONAL',
      unitCode: null,
      areaId: null,
      subject: 'reliability',
      ttl: '4h',
    });
    const headers = { authorization: `Bearer ${token}` };
    const runId = randomBytes(4).toString('hex');
    let counter = 0;
    // Printable ASCII without spaces: the marker is the Idempotency-Key too.
    const marker = (phase: string) => `reliability-${runId}-${phase}-${++counter}`;

    const run: Run = { serve, stop, running, fx, headers, cluster, pool, marker, phaseSeconds };
    const mixed = await mixedLoad({ ...run, seconds });
    const restart = await restartUnderWrites(run);
    const sigterm = await sigtermUnderLoad(run);
    const fuzz = await fuzzPhase({ ...run, seed, count: fuzzCount, token });
    const workers = await workersPhase({ ...run, seconds: quick ? 4 : 20 });

    const result: ReliabilityResult = {
      date: new Date().toISOString(),
      commit: git('rev-parse --short HEAD'),
      dirty: git('status --porcelain -- packages') !== '',
      machine: {
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        postgres: (await pool.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version,
        loadBefore,
        loadAfter: load(),
      },
      scale,
      quick,
      seed,
      dataset: fx.dataset,
      loadSeconds,
      totalSeconds: (performance.now() - started) / 1000,
      mixed,
      restart,
      sigterm,
      fuzz,
      workers,
    };
    writeFileSync(out, renderReliability(result));
    log(`wrote ${out} in ${(result.totalSeconds / 60).toFixed(1)} min`);
    for (const line of summary(result)) log(line);
    return 0;
  } finally {
    for (const antq of running) await antq.stop();
    await db?.close();
    await pool.end().catch(() => {});
    await cluster.stop();
  }
}

type Serve = (workers: number, env?: Record<string, string>, options?: { heapProbe?: boolean }) => Promise<Antq>;
type Stop = (antq: Antq) => Promise<void>;

/** What every phase is given: antq to start and stop, the data's fixtures, a national officer's headers, the run's cluster and a pool on it, markers for writes. */
interface Run {
  readonly serve: Serve;
  readonly stop: Stop;
  /** The servers started and not yet stopped. */
  readonly running: Set<Antq>;
  readonly fx: Fixtures;
  readonly headers: Record<string, string>;
  readonly cluster: Cluster;
  readonly pool: pg.Pool;
  readonly marker: (phase: string) => string;
  /** How long the restart and SIGTERM phases last, s. */
  readonly phaseSeconds: number;
}

/** How many of the markers are in the database: each acknowledged write is one outreach activity of that topic. */
async function found(pool: pg.Pool, markers: string[]): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "OutreachActivity" WHERE topic = ANY($1::text[])`, [markers]);
  return Number(rows[0]!.n);
}

async function rowsOfPhase(pool: pg.Pool, prefix: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "OutreachActivity" WHERE starts_with(topic, $1)`, [prefix]);
  return Number(rows[0]!.n);
}

/** Phase 1: the bench's reads and one write in three, at 8, 16 then 32 connections. */
async function mixedLoad(o: Run & { seconds: number }): Promise<MixedFigures> {
  log(`phase 1: ${o.seconds} s of mixed load (reads and writes), 8, 16 then 32 connections`);
  const antq = await o.serve(1, {}, { heapProbe: true });
  const url = `${antq.url}/graphql`;
  const markers: string[] = [];
  let n = 0;
  // A third of the requests write; the marker goes in the topic and the Idempotency-Key.
  const body = (context: Record<string, unknown>) => {
    const i = n++;
    if (i % 3 === 2) {
      const m = o.marker('mixed');
      context.marker = m;
      return JSON.stringify(writeRequest(o.fx, m));
    }
    context.marker = null;
    return JSON.stringify(readRequest(o.fx, i));
  };
  // Warm-up (JIT, plans, pools), not counted.
  await httpLoad(url, { connections: 8, seconds: 3 }, body, o.headers, undefined, { headers: idempotency });
  const samples: Array<{ s: number; rss: number }> = [];
  const heap: Array<{ s: number; mb: number }> = [];
  const probes: Array<Promise<unknown>> = [];
  const began = performance.now();
  const at = () => (performance.now() - began) / 1000;
  // RSS every 2 s; every 6 s, the heap left after collecting all garbage (a pause of the server, as a full collection is).
  const sample = () => {
    if (samples.length % 3 === 0) probes.push(antq.heapAfterGc().then((mb) => heap.push({ s: at(), mb })));
    samples.push({ s: at(), rss: memory(antq.pid).rss });
  };
  sample();
  const timer = setInterval(sample, 2000);
  const stages: MixedFigures['stages'] = [];
  try {
    for (const connections of [8, 16, 32]) {
      let graphqlErrors = 0;
      let writes = 0;
      let acked = 0;
      const figures = await httpLoad(url, { connections, seconds: Math.round(o.seconds / 3) }, body, o.headers, undefined, {
        headers: idempotency,
        onResponse: (status, text, context) => {
          const m = context.marker as string | null;
          if (m) {
            writes += 1;
            if (acknowledged(status, text)) {
              acked += 1;
              markers.push(m);
            } else graphqlErrors += 1;
          } else if (status === 200 && text.includes('"errors"')) graphqlErrors += 1;
        },
      });
      stages.push({ ...figures, connections, graphqlErrors, writes, acknowledged: acked });
      log(
        `  ${connections} connections: ${figures.requests} requests, ${figures.errors} HTTP errors, ${graphqlErrors} GraphQL errors, p50 ${figures.p50} ms, p99 ${figures.p99} ms, ${figures.rps.toFixed(0)}/s, RSS ${memory(antq.pid).rss} MB`,
      );
    }
  } finally {
    clearInterval(timer);
  }
  samples.push({ s: at(), rss: memory(antq.pid).rss });
  probes.push(antq.heapAfterGc().then((mb) => heap.push({ s: at(), mb })));
  await Promise.all(probes);
  await o.stop(antq);
  const afterFirstStage = (s: number) => s >= samples.at(-1)!.s / 3;
  const third = samples.filter((p) => afterFirstStage(p.s));
  const heapLater = heap.filter((g) => afterFirstStage(g.s));
  return {
    stages,
    requests: stages.reduce((a, s) => a + s.requests, 0),
    errors: stages.reduce((a, s) => a + s.errors + s.graphqlErrors, 0),
    acknowledged: markers.length,
    found: await found(o.pool, markers),
    memory: samples,
    rssStart: samples[0]!.rss,
    rssEnd: samples.at(-1)!.rss,
    slopeMbPerMinute: slope(third.map((p) => ({ s: p.s, y: p.rss }))) * 60,
    heapAfterGc: heap,
    heapSlopeMbPerMinute: heapLater.length >= 3 ? slope(heapLater.map((g) => ({ s: g.s, y: g.mb }))) * 60 : null,
    load: load(),
  };
}

/** The marker of a connection's request, as its Idempotency-Key. */
const idempotency = (context: Record<string, unknown>): Record<string, string> =>
  typeof context.marker === 'string' ? { 'idempotency-key': context.marker } : {};

/** Least-squares slope of y over s (per second). */
function slope(points: Array<{ s: number; y: number }>): number {
  if (points.length < 2) return 0;
  const mx = points.reduce((a, p) => a + p.s, 0) / points.length;
  const my = points.reduce((a, p) => a + p.y, 0) / points.length;
  const num = points.reduce((a, p) => a + (p.s - mx) * (p.y - my), 0);
  const den = points.reduce((a, p) => a + (p.s - mx) ** 2, 0);
  return den ? num / den : 0;
}

/** Phase 2: writes from 8 callers; PostgreSQL restarted (fast) in the middle. */
async function restartUnderWrites(o: Run): Promise<RestartFigures> {
  log(`phase 2: PostgreSQL restarted (pg_ctl restart -m fast) under a write load of 8 callers`);
  const antq = await o.serve(1);
  let stopAt = Infinity;
  let prefix = '';
  const loop = callers({
    url: antq.url,
    callers: 8,
    headers: o.headers,
    next: () => {
      const m = o.marker('restart');
      prefix ||= m.replace(/\d+$/, '');
      return { request: writeRequest(o.fx, m), marker: m };
    },
    until: () => performance.now() > stopAt,
  });
  await sleep(o.phaseSeconds * 300);
  const restartAt = performance.now();
  log(`  restarting PostgreSQL (pid ${o.cluster.pid()})`);
  const restartSeconds = await o.cluster.restart('fast');
  log(`  PostgreSQL back after ${restartSeconds.toFixed(1)} s (pid ${o.cluster.pid()})`);
  stopAt = performance.now() + o.phaseSeconds * 700;
  const sent = await loop;
  await o.stop(antq);
  const acked = sent.filter((s) => s.ok).map((s) => s.marker!);
  const firstFailure = sent.filter((s) => !s.ok && s.doneAt >= restartAt).sort((a, b) => a.sentAt - b.sentAt)[0];
  // Recovered: the first acknowledged write sent after the first failure (after the restart began when none failed).
  const from = firstFailure?.sentAt ?? restartAt;
  const firstOk = sent.filter((s) => s.ok && s.sentAt > from).sort((a, b) => a.doneAt - b.doneAt)[0];
  const inDb = await found(o.pool, acked);
  const allOfPhase = await rowsOfPhase(o.pool, prefix);
  const figures: RestartFigures = {
    writes: sent.length,
    acknowledged: acked.length,
    found: inDb,
    lost: acked.length - inDb,
    unacknowledgedFound: allOfPhase - inDb,
    failures: tally(sent.map((s) => s.failure)),
    restartSeconds,
    recoverySeconds: firstOk ? (firstOk.doneAt - restartAt) / 1000 : null,
    firstFailureAfterSeconds: firstFailure ? (firstFailure.doneAt - restartAt) / 1000 : null,
    load: load(),
  };
  log(
    `  ${figures.writes} writes, ${figures.acknowledged} acknowledged, ${figures.found} found, ${figures.lost} lost; recovered after ${figures.recoverySeconds?.toFixed(2)} s; failures ${JSON.stringify(figures.failures)}`,
  );
  return figures;
}

/** Phase 3: the mixed load from 16 callers; SIGTERM to the server in the middle. */
async function sigtermUnderLoad(o: Run): Promise<SigtermFigures> {
  log('phase 3: SIGTERM to the server under a mixed load of 16 callers');
  const antq = await o.serve(1);
  let stopAt = Infinity;
  const loop = callers({
    url: antq.url,
    callers: 16,
    headers: o.headers,
    next: (n) => {
      if (n % 3 === 2) {
        const m = o.marker('sigterm');
        return { request: writeRequest(o.fx, m), marker: m };
      }
      // The national coverage with lineage (the slowest read) among them: requests are in flight at the signal.
      return { request: n % 5 === 0 ? lineageRequest() : readRequest(o.fx, n), marker: null };
    },
    until: () => performance.now() > stopAt,
  });
  await sleep(o.phaseSeconds * 300);
  const signalAt = performance.now();
  log(`  SIGTERM to pid ${antq.pid}`);
  process.kill(antq.pid, 'SIGTERM');
  const exit = await antq.exited;
  o.running.delete(antq);
  log(`  the server exited (${exit.code}) after ${((exit.at - signalAt) / 1000).toFixed(1)} s`);
  stopAt = performance.now() + 1000;
  const sent = await loop;
  const before = sent.filter((s) => s.sentAt < signalAt);
  const after = sent.filter((s) => s.sentAt >= signalAt);
  const failed = before.filter((s) => !s.ok);
  const acked = sent.filter((s) => s.ok && s.marker).map((s) => s.marker!);
  const figures: SigtermFigures = {
    inFlight: before.filter((s) => s.doneAt >= signalAt).length,
    inFlightFailed: failed.length,
    inFlightFailures: tally(failed.map((s) => s.failure)),
    inFlightFailedDetail: failed
      .slice(0, 20)
      .map(
        (s) =>
          `${s.write ? 'write' : 'read'} sent ${(s.sentAt - signalAt).toFixed(1)} ms, failed ${(s.doneAt - signalAt).toFixed(1)} ms after the signal: ${s.failure}`,
      ),
    after: after.length,
    afterRefused: tally(after.map((s) => s.failure)),
    afterServed: after.filter((s) => s.ok).length,
    exitCode: exit.code,
    stopSeconds: (exit.at - signalAt) / 1000,
    writesAcknowledged: acked.length,
    writesFound: await found(o.pool, acked),
    load: load(),
  };
  log(
    `  ${figures.inFlight} in flight at the signal, ${figures.inFlightFailed} of the requests sent before it failed; after it: ${JSON.stringify(figures.afterRefused)}, ${figures.afterServed} served`,
  );
  return figures;
}

function lineageRequest() {
  return {
    query: `{ nationalCoverage(lineage: true, figuresOn: "2024-12-31") { residentialAreas byProvince { unit { code } residentialAreas activeModels } lineage { partial { residentialAreas } } } }`,
  };
}

/** Phase 4: the fuzzed operations, against a fresh server. */
async function fuzzPhase(
  o: Run & { seed: number; count: number; token: string },
): Promise<FuzzFigures & { serverErrors: string[]; load: [number, number, number] }> {
  log(`phase 4: ${o.count} schema-aware fuzzed operations, seed ${o.seed}`);
  const ids = await o.pool.query<{ id: string }>(
    `SELECT encode(convert_to(t || ':' || id, 'UTF8'), 'base64') AS id FROM (
       (SELECT 'Model' AS t, id::text FROM "Model" LIMIT 3) UNION ALL (SELECT 'SecurityTeam', id::text FROM "SecurityTeam" LIMIT 3)
       UNION ALL (SELECT 'ResidentialArea', id::text FROM "ResidentialArea" LIMIT 3) UNION ALL (SELECT 'TeamMember', id::text FROM "TeamMember" LIMIT 3)
       UNION ALL (SELECT 'ModelMember', id::text FROM "ModelMember" LIMIT 3) UNION ALL (SELECT 'Inspection', id::text FROM "Inspection" LIMIT 3)
       UNION ALL (SELECT 'ReintegrationCase', id::text FROM "ReintegrationCase" LIMIT 3) UNION ALL (SELECT 'Tip', id::text FROM "Tip" LIMIT 3)
       UNION ALL (SELECT 'OutreachActivity', id::text FROM "OutreachActivity" LIMIT 3) UNION ALL (SELECT 'KeyArea', id::text FROM "KeyArea" LIMIT 3)
       UNION ALL (SELECT 'Exemplar', id::text FROM "Exemplar" LIMIT 3) UNION ALL (SELECT 'InfluentialPerson', id::text FROM "InfluentialPerson" LIMIT 3)
       UNION ALL (SELECT 'ModelType', id::text FROM "ModelType" LIMIT 3)) x`,
  );
  const codes = await o.pool.query<{ code: string }>(
    `(SELECT code FROM "AdminUnit" WHERE "validTo" IS NULL AND level = 'PROVINCE' LIMIT 3) UNION ALL (SELECT $1) UNION ALL (SELECT code FROM "AdminUnit" WHERE "validTo" IS NOT NULL LIMIT 2)`,
    [o.fx.communeCode],
  );
  const requests = fuzzRequests(
    publishedSchema(),
    { ids: ids.rows.map((r) => r.id.replace(/\n/g, '')), unitCodes: codes.rows.map((r) => r.code), today: o.fx.today },
    o.token,
    o.seed,
    o.count,
  );
  // The limits of failures per client (bad tokens, tips) would answer most operations 429 after the first few dozen: lifted, so the operations reach the schema.
  // Its log: the unexpected failures only (each with its stack's frames, never a message).
  const antq = await o.serve(1, {
    ANTQ_RATE_LIMIT_SIGN_IN_FAILURES: '1000000',
    ANTQ_RATE_LIMIT_TIP_FAILURES: '1000000',
    ANTQ_LOG_LEVEL: 'error',
  });
  const figures = await runFuzz({ url: antq.url, requests, seed: o.seed, pg: o.pool, log });
  const serverErrors = antq
    .log()
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes('"level":"error"'))
    .slice(0, 10)
    .map((line) => line.slice(0, 1200));
  // The server is still up and answers after the fuzzing.
  const alive = await fetch(`${antq.url}/ready`).then((r) => r.status);
  await o.stop(antq);
  log(
    `  ${figures.operations} operations in ${figures.seconds.toFixed(0)} s: ${figures.fiveHundreds} 5xx, ${figures.errorsWithoutCode} errors without a code, ${figures.partialWrites} partial writes; /ready ${alive} after`,
  );
  if (alive !== 200) figures.samples.unshift(`/ready answered ${alive} after the fuzzing`);
  return { ...figures, serverErrors, load: load() };
}

/** The reads whose work is the server's more than PostgreSQL's (national coverage left out): what more processes can share. */
const WORKER_READS = ['envelope', 'commune-areas', 'model-page'];

/** Phase 5: the same read load against --workers 1, then --workers 2, with the CPU each side used. */
async function workersPhase(o: Run & { seconds: number }): Promise<WorkersFigures> {
  const connections = 32;
  log(`phase 5: the same read load (${connections} connections, ${o.seconds} s) against --workers 1, then --workers 2`);
  const measure = async (workers: number): Promise<WorkersSide> => {
    const antq = await o.serve(workers);
    let n = 0;
    const body = () => JSON.stringify(readRequest(o.fx, n++, WORKER_READS));
    await httpLoad(`${antq.url}/graphql`, { connections, seconds: 3 }, body, o.headers);
    const cpu = () => ({ antq: cpuSeconds(antq.pid), postgres: cpuSeconds(o.cluster.pid()), loader: process.cpuUsage() });
    const before = cpu();
    const figures = await httpLoad(`${antq.url}/graphql`, { connections, seconds: o.seconds }, body, o.headers);
    const after = cpu();
    await o.stop(antq);
    const perRequest = (seconds: number) => (seconds * 1000) / figures.requests;
    const loaderSeconds = (after.loader.user + after.loader.system - before.loader.user - before.loader.system) / 1e6;
    const side: WorkersSide = {
      ...figures,
      cpuMsPerRequest: {
        antq: perRequest(after.antq - before.antq),
        postgres: perRequest(after.postgres - before.postgres),
        loader: perRequest(loaderSeconds),
      },
    };
    log(
      `  --workers ${workers}: ${figures.rps.toFixed(0)}/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, ${figures.errors} errors; CPU ms a request: ${JSON.stringify(side.cpuMsPerRequest, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(2)) : v))}`,
    );
    return side;
  };
  const one = await measure(1);
  const two = await measure(2);
  // Every core busy with the CPU a request takes (antq, PostgreSQL, the load generator): the most two workers could answer here.
  const { antq, postgres, loader } = two.cpuMsPerRequest;
  const ceiling = (cpus().length * 1000) / (antq + postgres + loader) / one.rps;
  return { connections, seconds: o.seconds, one, two, ratio: two.rps / one.rps, ceiling, cores: cpus().length, loadDuring: load() };
}

function git(args: string): string {
  try {
    return execSync(`git ${args}`, { cwd: REPO, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function summary(r: ReliabilityResult): string[] {
  return [
    `mixed: ${r.mixed.requests} requests, ${r.mixed.errors} errors, heap after collection ${r.mixed.heapAfterGc[0]?.mb} → ${r.mixed.heapAfterGc.at(-1)?.mb} MB, ${r.mixed.heapSlopeMbPerMinute?.toFixed(1) ?? 'no trend'} MB/min, RSS ${r.mixed.rssStart} → ${r.mixed.rssEnd} MB`,
    `restart: ${r.restart.lost} of ${r.restart.acknowledged} acknowledged writes lost, recovered in ${r.restart.recoverySeconds?.toFixed(2)} s`,
    `sigterm: ${r.sigterm.inFlightFailed} failed requests sent before the signal`,
    `fuzz: ${r.fuzz.fiveHundreds} 5xx, ${r.fuzz.internalErrors} INTERNAL_SERVER_ERROR, ${r.fuzz.errorsWithoutCode} errors without a code, ${r.fuzz.partialWrites} partial writes (seed ${r.seed})`,
    `workers: ×${r.workers.ratio.toFixed(2)} (the machine's ceiling ×${r.workers.ceiling.toFixed(2)})`,
  ];
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
