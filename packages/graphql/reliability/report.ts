/**
 * RELIABILITY.md from one run of `pnpm reliability`: the machine, the data, and the five
 * figures, each with its goal and whether it was met.
 */
import type { FuzzFigures } from './fuzz.js';
import type { Figures } from '../bench/measure.js';

export interface MixedFigures {
  readonly stages: Array<Figures & { connections: number; graphqlErrors: number; writes: number; acknowledged: number }>;
  readonly requests: number;
  readonly errors: number;
  readonly acknowledged: number;
  readonly found: number;
  /** RSS of the server, MB, every 2 s from the first stage's start. */
  readonly memory: Array<{ s: number; rss: number }>;
  readonly rssStart: number;
  readonly rssEnd: number;
  /** Least-squares slope of the RSS over the second and third stages, MB per minute. */
  readonly slopeMbPerMinute: number;
  /** The heap left after collecting all garbage (reliability/heap-probe.mjs), MB, every 6 s from the first stage's start and at the end. */
  readonly heapAfterGc: Array<{ s: number; mb: number }>;
  /** Its least-squares slope over the second and third stages, MB per minute; null with fewer than three samples there. */
  readonly heapSlopeMbPerMinute: number | null;
  readonly load: [number, number, number];
}

export interface RestartFigures {
  readonly writes: number;
  readonly acknowledged: number;
  readonly found: number;
  readonly lost: number;
  /** Rows of the phase in the database that were not acknowledged (committed, answer lost or failed). */
  readonly unacknowledgedFound: number;
  readonly failures: Record<string, number>;
  readonly restartSeconds: number;
  readonly recoverySeconds: number | null;
  readonly firstFailureAfterSeconds: number | null;
  readonly load: [number, number, number];
}

export interface SigtermFigures {
  readonly inFlight: number;
  readonly inFlightFailed: number;
  readonly inFlightFailures: Record<string, number>;
  readonly inFlightFailedDetail: string[];
  readonly after: number;
  readonly afterRefused: Record<string, number>;
  readonly afterServed: number;
  readonly exitCode: number | null;
  readonly stopSeconds: number;
  readonly writesAcknowledged: number;
  readonly writesFound: number;
  readonly load: [number, number, number];
}

export interface WorkersSide extends Figures {
  /** CPU time a request took, ms: antq's processes, PostgreSQL's (the postmaster and its backends), the load generator's. */
  readonly cpuMsPerRequest: { readonly antq: number; readonly postgres: number; readonly loader: number };
}

export interface WorkersFigures {
  readonly connections: number;
  readonly seconds: number;
  readonly one: WorkersSide;
  readonly two: WorkersSide;
  readonly ratio: number;
  /** The most `--workers 2` could give on this machine, as a ratio: every core busy with the CPU a request takes. */
  readonly ceiling: number;
  readonly cores: number;
  readonly loadDuring: [number, number, number];
}

export interface ReliabilityResult {
  readonly date: string;
  readonly commit: string;
  /** The packages had uncommitted changes when the run started. */
  readonly dirty: boolean;
  readonly machine: {
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGb: number;
    readonly node: string;
    readonly postgres: string;
    readonly loadBefore: [number, number, number];
    readonly loadAfter: [number, number, number];
  };
  readonly scale: number;
  readonly quick: boolean;
  readonly seed: number;
  readonly dataset: Record<string, number>;
  readonly loadSeconds: number;
  readonly totalSeconds: number;
  readonly mixed: MixedFigures;
  readonly restart: RestartFigures;
  readonly sigterm: SigtermFigures;
  readonly fuzz: FuzzFigures & { serverErrors: string[]; load: [number, number, number] };
  readonly workers: WorkersFigures;
}

const n = (x: number) => x.toLocaleString('en-US');
const met = (ok: boolean) => (ok ? '**met**' : '**not met**');
const la = (l: readonly number[]) => l.join(' / ');
const json = (x: unknown) => (Object.keys(x as object).length ? `\`${JSON.stringify(x)}\`` : 'none');

export function renderReliability(r: ReliabilityResult): string {
  const { mixed, restart, sigterm, fuzz, workers } = r;
  const heapFirst = mixed.heapAfterGc[0]?.mb ?? 0;
  // A leak grows the live heap (what is left after a collection); RSS swings with garbage and with what V8 keeps reserved.
  const memoryFlat = mixed.heapSlopeMbPerMinute !== null && mixed.heapSlopeMbPerMinute < Math.max(2, 0.05 * heapFirst);
  const heapFigure =
    mixed.heapSlopeMbPerMinute === null
      ? `fewer than three heap samples after the first stage (${mixed.heapAfterGc.length} in all): no trend to read`
      : `heap after collecting its garbage ${heapFirst} → ${mixed.heapAfterGc.at(-1)!.mb} MB, ${mixed.heapSlopeMbPerMinute.toFixed(1)} MB/min after the first stage`;
  const mixedOk = mixed.errors === 0 && memoryFlat;
  const restartOk = restart.lost === 0 && restart.acknowledged > 0;
  const sigtermOk = sigterm.inFlightFailed === 0 && sigterm.exitCode === 0;
  const fuzzOk = fuzz.fiveHundreds === 0 && fuzz.internalErrors === 0 && fuzz.errorsWithoutCode === 0 && fuzz.partialWrites === 0;
  const workersOk = workers.ratio >= 1.7;
  const lines = [
    '# Reliability',
    '',
    'Written by `pnpm reliability` (packages/graphql/reliability/run.ts) from one run; do not edit by hand.',
    r.quick ? '\n**This is a `--quick` run (tiny data, seconds per phase): a smoke test, not the figures.**' : '',
    '',
    `- Date: ${r.date}; commit \`${r.commit}\`${r.dirty ? ' (with uncommitted changes in packages/)' : ''}`,
    `- Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGb} GB; Node ${r.machine.node}; PostgreSQL ${r.machine.postgres} (a cluster of the run's own, \`fsync=on\`)`,
    `- Load average (1 / 5 / 15 min): ${la(r.machine.loadBefore)} before the run, ${la(r.machine.loadAfter)} after; the machine is shared and the load generator runs on it: figures are noisy`,
    `- Data: \`antq seed national --scale ${r.scale} --seed 1\` (${Object.entries(r.dataset)
      .map(([k, v]) => `${n(v)} ${k}`)
      .join(', ')}), loaded in ${r.loadSeconds.toFixed(0)} s; the whole run took ${(r.totalSeconds / 60).toFixed(1)} min`,
    `- Fuzzing seed: ${r.seed} (\`pnpm reliability --seed ${r.seed}\` sends the same operations)`,
    '',
    '| # | figure | result | goal | |',
    '|---|---|---|---|---|',
    `| 1 | ${r.quick ? 'mixed load' : '60 s of mixed load'}, 8 → 32 connections | ${n(mixed.requests)} requests, ${n(mixed.errors)} errors; ${heapFigure} (RSS ${mixed.rssStart} → ${mixed.rssEnd} MB) | 0 errors, no growth trend | ${met(mixedOk)} |`,
    `| 2 | PostgreSQL restarted under writes | ${n(restart.acknowledged)} acknowledged writes, ${n(restart.found)} found, ${n(restart.lost)} lost; recovered ${restart.recoverySeconds === null ? 'never' : `${restart.recoverySeconds.toFixed(2)} s`} after the restart began | 0 lost | ${met(restartOk)} |`,
    `| 3 | SIGTERM under load | ${n(sigterm.inFlightFailed)} failed of the requests sent before the signal (${n(sigterm.inFlight)} of them in flight at it); exit code ${sigterm.exitCode} | 0 failed | ${met(sigtermOk)} |`,
    `| 4 | ${n(fuzz.operations)} fuzzed operations | ${n(fuzz.fiveHundreds)} 5xx (and ${n(fuzz.internalErrors)} INTERNAL_SERVER_ERROR answered 200), ${n(fuzz.errorsWithoutCode)} errors without a code, ${n(fuzz.partialWrites)} partial writes | 0, 0, 0 | ${met(fuzzOk)} |`,
    `| 5 | \`--workers 2\` ÷ \`--workers 1\`, same read load | ×${workers.ratio.toFixed(2)} (${workers.two.rps.toFixed(0)}/s against ${workers.one.rps.toFixed(0)}/s) | ≥ ×1.7 | ${met(workersOk)}${workersOk ? '' : ` (this machine's ceiling: ×${workers.ceiling.toFixed(2)}, § 5)`} |`,
    '',
    '## 1. Mixed load',
    '',
    "The bench's reads (the empty request, one commune's areas, a model's page, national coverage; bench/operations.ts, on the bench's fixtures) and, one request in three, a write: `recordOutreachActivity` in the bench's commune, each with a marker of its own in its topic and as its `Idempotency-Key`. autocannon (bench/measure.ts) against `antq serve --workers 1`, after a 3 s warm-up, in three equal stages of 8, 16 and 32 connections. An error is a non-2xx answer, a timeout, a socket error, an answer with `errors`, or a write not acknowledged.",
    '',
    '| connections | requests | errors (HTTP + GraphQL) | writes acknowledged | p50 ms | p99 ms | req/s |',
    '|---|---|---|---|---|---|---|',
    ...mixed.stages.map(
      (s) =>
        `| ${s.connections} | ${n(s.requests)} | ${s.errors} + ${s.graphqlErrors} | ${n(s.acknowledged)} of ${n(s.writes)} | ${s.p50} | ${s.p99} | ${s.rps.toFixed(0)} |`,
    ),
    '',
    `Acknowledged writes found in the database afterwards: ${n(mixed.found)} of ${n(mixed.acknowledged)}.`,
    `The heap left after collecting all garbage (on SIGUSR2 the server, started with \`--expose-gc\` and reliability/heap-probe.mjs, runs a full collection and reports the heap used), MB, every 6 s from the first stage's start and at the end: ${mixed.heapAfterGc.map((g) => `${g.mb} (${g.s.toFixed(0)} s)`).join(', ') || 'none'}. That is the live data: a leak grows it, garbage does not. "No growth trend" is read as its least-squares slope, over the samples after the first stage (the caches fill during the first), below max(2 MB, 5% of the first) per minute: ${mixed.heapSlopeMbPerMinute === null ? 'too few samples to read one' : `${mixed.heapSlopeMbPerMinute.toFixed(1)} MB/min`}. Each collection pauses the server (a full collection does), which the latencies above include.`,
    `Resident memory of the server (MB, every 2 s), for the record: ${mixed.memory.map((m) => m.rss).join(', ')}; its slope after the first stage ${mixed.slopeMbPerMinute.toFixed(1)} MB/min. It swings with garbage not yet collected and with what V8 keeps reserved after a collection, so it is not the measure of growth. Load average at the end: ${la(mixed.load)}.`,
    '',
    '## 2. PostgreSQL restarted mid-write-load',
    '',
    `8 callers (fetch, each sending its next write when the last returns) write outreach activities with markers; ${r.quick ? 'after about a second' : 'after 3 s'} \`pg_ctl restart -m fast\` restarts the cluster (it took ${restart.restartSeconds.toFixed(1)} s) and the writes go on ${r.quick ? 'for 2 s' : 'for 7 s'} after it is back. A write is acknowledged when it answers 200, no \`errors\`, and the activity; each acknowledged marker is then looked for in the database.`,
    '',
    `- Writes sent: ${n(restart.writes)}; acknowledged: ${n(restart.acknowledged)}; found: ${n(restart.found)}; **lost: ${n(restart.lost)}**.`,
    `- Rows of the phase found whose write was not acknowledged (committed, then the answer failed): ${n(restart.unacknowledgedFound)}.`,
    `- Failed writes, by answer: ${json(restart.failures)}.`,
    `- First failure ${restart.firstFailureAfterSeconds === null ? 'none' : `${restart.firstFailureAfterSeconds.toFixed(2)} s`} after the restart began; recovery (restart begun → the first acknowledged write sent after the first failure): ${restart.recoverySeconds === null ? 'never' : `${restart.recoverySeconds.toFixed(2)} s`}. Load average: ${la(restart.load)}.`,
    '',
    '## 3. SIGTERM mid-load',
    '',
    `16 callers send the mixed requests (with the national coverage with lineage, the slowest read, one in five, so that requests are in flight), then SIGTERM goes to the server's PID. A request sent before the signal must succeed (its answer 200 without errors, a write acknowledged): those that did not are the failed in-flight requests. Requests sent after the signal are expected to be refused (the server stops accepting connections at once): they are counted apart, by how they failed.`,
    '',
    `- Requests sent before the signal and failed: **${n(sigterm.inFlightFailed)}** ${json(sigterm.inFlightFailures)}; ${n(sigterm.inFlight)} were in flight when the signal was sent.`,
    ...sigterm.inFlightFailedDetail.map((d) => `  - ${d}`),
    `- Sent after the signal: ${n(sigterm.after)}; served ${n(sigterm.afterServed)} (on connections already open while the server finished), refused ${json(sigterm.afterRefused)}.`,
    `- The server exited with code ${sigterm.exitCode} ${sigterm.stopSeconds.toFixed(1)} s after the signal. Acknowledged writes of the phase found: ${n(sigterm.writesFound)} of ${n(sigterm.writesAcknowledged)}. Load average: ${la(sigterm.load)}.`,
    '',
    '## 4. Fuzzing',
    '',
    `${n(fuzz.operations)} operations (${n(fuzz.mutations)} mutations) generated by fast-check from the published schema (packages/graphql/schema.graphql; reliability/fuzz.ts, seed ${r.seed}), sent one at a time: random root fields with valid arguments (real global IDs and unit codes among them), wrong types, nulls where required, unknown enum values and fields, strings of any Unicode (lone surrogates included) and up to 2 MB (past the body limit), deep selections (to 12 levels, through unions) and wide ones (up to 40 aliases); some bodies spoiled on the wire (bad UTF-8 bytes, cut JSON, wrong content type, an array or a number for a body, \`query\` not a string, GET). Tokens: a national officer's mostly, none, or an invalid one. The server's limits of failures per client (\`ANTQ_RATE_LIMIT_SIGN_IN_FAILURES\`, \`ANTQ_RATE_LIMIT_TIP_FAILURES\`) are lifted for this phase, else most operations would be answered 429 after the first few dozen.`,
    '',
    `- Answers by status: ${json(fuzz.byStatus)}; ${n(fuzz.succeeded)} succeeded, ${n(fuzz.answeredWithErrors)} answered with errors (a GraphQL error, an error status or a typed error result).`,
    `- 5xx: **${n(fuzz.fiveHundreds)}**; unexpected failures masked as \`INTERNAL_SERVER_ERROR\` (HTTP 200, partial data): **${n(fuzz.internalErrors)}**; errors without \`extensions.code\` (or error statuses without a GraphQL error): **${n(fuzz.errorsWithoutCode)}**.`,
    `- Partial writes: **${n(fuzz.partialWrites)}** ${json(fuzz.partialTables)}. Method: the fuzzer is the only writer and sends one request at a time; around each mutation it reads the next transaction id (\`pg_snapshot_xmax(pg_current_snapshot())\`, which assigns none), so the transactions of that mutation are the ids assigned between. For every mutation answered with an error, those that committed are kept (${n(fuzz.committedTransactionsChecked)} here); at the end every table but the audit log (refused acts are audited by design) is searched for rows whose \`xmin\` is one of them. Rows such a transaction deleted would not be seen; rows it inserted or updated are.`,
    `- Error codes seen: ${json(fuzz.codes)}.`,
    ...(fuzz.samples.length
      ? ['', 'Findings (first 20):', '', ...fuzz.samples.map((s) => `- \`${s.replace(/`/g, "'").replace(/\n/g, ' ')}\``)]
      : []),
    '',
    `Took ${fuzz.seconds.toFixed(0)} s; load average ${la(fuzz.load)}.`,
    '',
    '## 5. `--workers 2` against `--workers 1`',
    '',
    `The bench's reads whose work is more the server's than PostgreSQL's (the empty request, one commune's areas, a model's page; no national coverage, no writes) from autocannon at ${workers.connections} connections for ${workers.seconds} s after a 3 s warm-up, against \`antq serve --workers 1\`, then \`--workers 2\`, on the same cluster.`,
    '',
    '| workers | req/s | p50 ms | p99 ms | errors | CPU ms a request: antq | PostgreSQL | load generator |',
    '|---|---|---|---|---|',
    ...([1, 2] as const).map((w) => {
      const side = w === 1 ? workers.one : workers.two;
      const cpu = side.cpuMsPerRequest;
      return `| ${w} | ${side.rps.toFixed(0)} | ${side.p50} | ${side.p99} | ${side.errors} | ${cpu.antq.toFixed(2)} | ${cpu.postgres.toFixed(2)} | ${cpu.loader.toFixed(2)} |`;
    }),
    '',
    `Ratio ×${workers.ratio.toFixed(2)}; load average at the end ${la(workers.loadDuring)}. What bounds it: the CPU a request takes, read from /proc for antq's processes and PostgreSQL's and from the run's own process for autocannon. This machine has ${workers.cores} cores, shared by the workers, PostgreSQL and autocannon: with every core busy, two workers could answer at most ${workers.cores} × 1000 ÷ (${workers.two.cpuMsPerRequest.antq.toFixed(2)} + ${workers.two.cpuMsPerRequest.postgres.toFixed(2)} + ${workers.two.cpuMsPerRequest.loader.toFixed(2)}) ms = ${(workers.ceiling * workers.one.rps).toFixed(0)} requests a second, ×${workers.ceiling.toFixed(2)} of one worker's ${workers.one.rps.toFixed(0)}. ×1.7 needs the database and the load generator on other cores than the server's (on this machine, other machines).`,
    '',
    '## How to reproduce',
    '',
    '```sh',
    'pnpm install',
    'pnpm reliability                 # about 15 minutes: scale 1, 60 s of mixed load, 10,000 fuzzed operations; writes RELIABILITY.md',
    'pnpm reliability --seed <seed>   # the same fuzzed operations as a run that printed that seed',
    'pnpm reliability --quick         # the smoke test: scale 0.01, seconds per phase, 300 operations, written to a temporary file',
    '```',
    '',
    'It needs the PostgreSQL 15 binaries (`/usr/lib/postgresql/15/bin`, or `ANTQ_POSTGRES_BIN`); it starts its own cluster on a free port in a temporary folder (as the `postgres` user when run as root) and removes it at the end, and never touches another PostgreSQL.',
    '',
  ];
  return lines.join('\n');
}
