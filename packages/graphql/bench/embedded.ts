/**
 * The embedded server as a user starts it (`pnpm start` on PGlite, no DATABASE_URL): the
 * time of a start after the first (the data directory exists, migrations and data are in
 * place) until /ready answers, and the peak resident memory (VmHWM) of the server's process
 * after serving the representative reads. The first start, which loads the data, is not timed.
 * The commands are the root package.json's `start` script itself: the steps before the last
 * (building what is stale) run, and are timed, as they are for the user, and the last, the
 * server, is spawned without a shell, so that the pid measured is the server's.
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface EmbeddedFigures {
  readonly dataDir: string;
  /** Residential areas in the embedded database. */
  readonly residentialAreas: number;
  /** Seconds from running `pnpm start`'s commands to /ready answering 200, on a start after the first (pnpm's own start-up aside). */
  readonly startSeconds: number;
  /** Resident memory after start, MB. */
  readonly rssAfterStartMb: number;
  /** Peak resident memory of the process (VmHWM) after the reads, MB. */
  readonly peakRssMb: number;
  /** Requests served between the two readings. */
  readonly requests: number;
}

interface Options {
  readonly port: number;
  readonly repo: string;
  readonly log: (m: string) => void;
  /** Where the embedded database lives (kept between runs: only the first start loads data). */
  readonly dataDir?: string;
  /** The province loaded (its code of today), read on its own besides the country. */
  readonly province?: string;
}

export async function measureEmbedded({
  port,
  repo,
  log,
  dataDir = process.env.ANTQ_BENCH_EMBEDDED_DIR ?? join(tmpdir(), 'antq-bench-embedded'),
  province = '08',
}: Options): Promise<EmbeddedFigures> {
  if (!existsSync(join(dataDir, 'pglite'))) {
    log(
      `embedded: first start in ${dataDir} (creates the database and imports the units; not timed). Load a province first: ANTQ_DATA_DIR=${dataDir} antq seed national --province ${province}`,
    );
    const first = await start(repo, dataDir, port, 900_000);
    await stop(first.child);
  }
  log('embedded: timing a start after the first');
  const { child, seconds } = await start(repo, dataDir, port, 120_000);
  try {
    const rssAfterStartMb = memory(child.pid!).rss;
    const base = `http://127.0.0.1:${port}/graphql`;
    const post = async (query: string) => {
      const res = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      return (await res.json()) as { data?: Record<string, { residentialAreas?: number } | null>; errors?: unknown[] };
    };
    // Public reads (no token is needed for coverage): today, with lineage, the report.
    const reads = [
      '{ nationalCoverage { residentialAreas byProvince { unit { code } residentialAreas activeModels } } }',
      '{ nationalCoverage(lineage: true, figuresOn: "2024-12-31") { residentialAreas byProvince { residentialAreas } lineage { partial { residentialAreas } } } }',
      `{ coverage(unitCode: "${province}") { residentialAreas byChild { residentialAreas } byModelType { modelType { name } } } }`,
      `{ movementReport(unitCode: "${province}") }`,
    ];
    const first = await post(reads[0]!);
    if (first.errors) throw new Error(`embedded server: ${JSON.stringify(first.errors).slice(0, 300)}`);
    let requests = 0;
    for (let round = 0; round < 5; round++) {
      for (const q of reads) {
        await post(q);
        requests += 1;
      }
    }
    const peak = memory(child.pid!).hwm;
    return {
      dataDir,
      residentialAreas: first.data?.nationalCoverage?.residentialAreas ?? 0,
      startSeconds: seconds,
      rssAfterStartMb,
      peakRssMb: peak,
      requests,
    };
  } finally {
    await stop(child);
  }
}

async function start(repo: string, dataDir: string, port: number, timeoutMs: number): Promise<{ child: ChildProcess; seconds: number }> {
  // The data measured is what the directory holds (one province from `antq seed national --province`): no demo added on start.
  const env: NodeJS.ProcessEnv = { ANTQ_DEMO: 'off', ...process.env, ANTQ_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
  delete env.DATABASE_URL;
  const { before, server } = startCommands(repo);
  const began = performance.now();
  // As pnpm runs a script: the packages' commands on the PATH.
  for (const command of before)
    execSync(command, {
      cwd: repo,
      env: { ...env, PATH: `${join(repo, 'node_modules', '.bin')}${delimiter}${env.PATH ?? ''}` },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const [program, ...args] = server;
  const child = spawn(program === 'node' ? process.execPath : program!, args, { cwd: repo, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  while (performance.now() - began < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`the embedded server exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/ready`);
      if (res.status === 200) return { child, seconds: (performance.now() - began) / 1000 };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGTERM');
  throw new Error(`the embedded server was not ready after ${timeoutMs / 1000} s: ${stderr}`);
}

/**
 * What `pnpm start` runs: the `start` script of the root package.json, split at `&&` into
 * the steps before the server and the server's command line (plain words, no quoting).
 */
export function startCommands(repo: string): { before: string[]; server: string[] } {
  const { scripts } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const steps = scripts.start!.split('&&').map((step) => step.trim());
  const server = steps.pop()!.split(/\s+/);
  if (server.some((word) => /["'$`|;<>]/.test(word)))
    throw new Error(`the start script's last command is not a plain command line: ${server.join(' ')}`);
  return { before: steps, server };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * CPU seconds (user and system) a process has used, with those of its children (a primary's
 * workers, a postmaster's backends): the living ones' own, and the ended ones' that the
 * kernel adds to their parent when it reaps them (cutime, cstime), Linux.
 */
export function cpuSeconds(pid: number): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The fields after the command's name (which may hold spaces): state, ppid, …, utime, stime, cutime, cstime (the 14th to 17th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(entry) === pid || Number(fields[1]) === pid)
        total += fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / CLOCK_TICKS;
    } catch {
      // The process ended while read.
    }
  }
  return total;
}

/** The kernel's clock ticks per second, in which /proc gives CPU time (USER_HZ: 100 on Linux). */
const CLOCK_TICKS = 100;

/** Resident and peak resident memory of a process, MB (Linux). */
export function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: Math.round(kb('VmRSS') / 1024), hwm: Math.round(kb('VmHWM') / 1024) };
}
