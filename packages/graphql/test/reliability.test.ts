/**
 * `pnpm reliability --quick` (reliability/run.ts), the smoke test of the script that writes
 * RELIABILITY.md: its own PostgreSQL cluster (test/support/postgres-cluster.ts), tiny data,
 * a few seconds a phase, 300 fuzzed operations of a fixed seed. It must run to its end and
 * write every figure; of the figures, those that do not depend on the machine's speed are
 * held: no acknowledged write lost across PostgreSQL's restart, and no fuzzed operation
 * answered 5xx, INTERNAL_SERVER_ERROR, without a code, or with a partial write.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REQUIRE_POSTGRES } from '../../db/test/support/databases.js';
import { clusterProblem } from './support/postgres-cluster.js';

const problem = await clusterProblem();
if (problem && !REQUIRE_POSTGRES)
  console.warn(`\n⚠⚠⚠ pnpm reliability --quick SKIPPED: ${problem} (ANTQ_REQUIRE_POSTGRES=1 to require it)\n`);

const RUN = new URL('../reliability/run.ts', import.meta.url).pathname;

describe.skipIf(problem !== null && !REQUIRE_POSTGRES)('pnpm reliability --quick', () => {
  const dir = mkdtempSync(join(tmpdir(), 'antq-reliability-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the five phases on its own cluster and writes the report, losing no write and answering every fuzzed operation with a code', async () => {
    const out = join(dir, 'RELIABILITY.md');
    const child = spawn(process.execPath, ['--import', 'tsx', RUN, '--quick', '--seed', '7', '--out', out], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, log.slice(-4000)).toBe(0);
    // It stopped what it started.
    expect(log).toMatch(/PostgreSQL: stopped \(pid \d+\), \S+ removed/);

    const report = readFileSync(out, 'utf8');
    expect(report).toContain('This is a `--quick` run');
    // The summary: the first table, a row a figure.
    const rows = report
      .split('\n')
      .filter((line) => /^\| [1-5] \|/.test(line))
      .slice(0, 5);
    expect(rows.map((row) => row.slice(2, 3))).toEqual(['1', '2', '3', '4', '5']);
    expect(rows[1]).toMatch(/acknowledged writes, ([\d,]+) found, 0 lost/);
    expect(rows[3]).toContain(
      '| 300 fuzzed operations | 0 5xx (and 0 INTERNAL_SERVER_ERROR answered 200), 0 errors without a code, 0 partial writes |',
    );
    expect(rows[4]).toMatch(/×\d+\.\d\d \(\d+\/s against \d+\/s\)/);
    console.log(`[reliability.test] ${log.match(/wrote .* in [\d.]+ min/)?.[0]}`);
  }, 600_000);
});
