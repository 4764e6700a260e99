// Times the import of the real administrative units (three eras + the 2025 lineage), then
// the demo data (seedDemo), into a fresh PGlite persisted in a temporary directory and into
// a fresh PostgreSQL database:
//   pnpm --filter @antq/db bench:import [pglite|postgres]
// Each target runs in a process of its own, so that its peak RSS is its own. PostgreSQL is
// the server at ANTQ_TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres);
// the database is created as antq_bench_<pid>_<random> and dropped afterwards.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importAdminUnits } from '../src/admin-units/import.js';
import { openDatabase, type DatabaseTarget } from '../src/database.js';
import { seedDemo } from '../src/demo/index.js';
import { migrate } from '../src/migrate.js';
import { createPostgresDatabase, POSTGRES_URL, withAdminClient } from '../test/support/scratch-postgres.js';

type Target = 'pglite' | 'postgres';
const TARGETS: Target[] = ['pglite', 'postgres'];

const requested = process.argv[2] as Target | undefined;
if (requested && !TARGETS.includes(requested)) {
  console.error('usage: pnpm --filter @antq/db bench:import [pglite|postgres]');
  process.exit(2);
}

if (!requested) {
  // The parent: describe the machine, then run each target in a child process.
  const cpu = cpus();
  console.log(
    `machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}/${process.arch}`,
  );
  let failed = false;
  for (const target of TARGETS) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), target], { stdio: 'inherit' });
    failed ||= child.status !== 0;
  }
  process.exit(failed ? 1 : 0);
}

// The units shipped with @antq/db, as the server's first start imports them; the source
// files instead when ANTQ_ADMIN_UNITS_DIR names them.
const dir = process.env.ANTQ_ADMIN_UNITS_DIR?.trim() || null;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const shownUrl = (url: string) => url.replace(/:[^:@/]*@/, ':***@');

async function sizeOf(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const entry of await readdir(path)) total += await sizeOf(join(path, entry));
  return total;
}

let where: DatabaseTarget;
let cleanUp: () => Promise<void>;
let size: () => Promise<string>;
if (requested === 'pglite') {
  const dataDir = await mkdtemp(join(tmpdir(), 'antq-bench-pglite-'));
  where = { kind: 'pglite', dataDir };
  cleanUp = () => rm(dataDir, { recursive: true, force: true });
  size = async () => `${((await sizeOf(dataDir)) / 1024 / 1024).toFixed(0)} MB on disk`;
} else {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  try {
    database = await createPostgresDatabase('antq_bench');
  } catch (error) {
    console.error(`postgres: cannot create a database at ${shownUrl(POSTGRES_URL)}: ${(error as Error).message}`);
    process.exit(1);
  }
  const { name } = database;
  where = { kind: 'postgres', url: database.url };
  cleanUp = database.drop;
  size = async () => {
    const rows = await withAdminClient((c) => c.query<{ size: string }>(`select pg_database_size($1)::text as size`, [name]));
    return `${(Number(rows.rows[0]!.size) / 1024 / 1024).toFixed(0)} MB on disk`;
  };
}

try {
  let t = performance.now();
  const db = await openDatabase(where);
  await migrate(db);
  const openMs = performance.now() - t;

  const summary = await importAdminUnits(db, dir);
  t = performance.now();
  const again = await importAdminUnits(db, dir);
  const againMs = performance.now() - t;
  const demo = await seedDemo(db);
  const demoAgain = await seedDemo(db);
  await db.close();

  const peakRss = process.resourceUsage().maxRSS / 1024;
  const eraMs = summary.eras.reduce((sum, e) => sum + e.ms, 0);
  console.log(`\n${requested}: open + migrate a fresh database ${seconds(openMs)}`);
  for (const e of summary.eras) {
    console.log(`  ${e.file}: ${e.inserted} units inserted, ${e.closed} closed, ${e.linksInserted} links — ${seconds(e.ms)}`);
  }
  console.log(`  ${dir ? 'reading + checking + planning the source files' : 'reading the shipped data'}: ${seconds(summary.ms - eraMs)}`);
  console.log(`  import total: ${seconds(summary.ms)}`);
  console.log(
    `  second run (changes nothing: ${again.eras.every((e) => !e.inserted && !e.updated && !e.closed && !e.linksInserted)}): ${seconds(againMs)}`,
  );
  const demoRows = Object.values(demo.counts).reduce((sum, n) => sum + n, 0);
  console.log(
    `  seedDemo: ${demoRows} rows — ${seconds(demo.ms)}; second run (writes nothing: ${!demoAgain.created}): ${seconds(demoAgain.ms)}`,
  );
  console.log(`  peak RSS of the process: ${peakRss.toFixed(0)} MB; database: ${await size()}`);
} finally {
  await cleanUp();
}
