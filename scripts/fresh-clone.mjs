// A new user's first minutes, on a clone with no `../shared` beside it (issue #17):
//   node scripts/fresh-clone.mjs [--test] [--keep]
// clones this checkout's HEAD into a scratch folder, installs, runs the README's first
// command (`pnpm start`) on a free port, and checks that the server serves the shipped
// administrative units and the demo: 34 provinces today, 63 on 2024-12-31, coverage of
// Đồng Nai (75) 866/866; then runs .ci/smoke.mjs against it. With --test it also runs the
// whole `pnpm test` in the clone. Prints the figures and timings; exits 1 on any failure.
// Stops only the server it started (its process group).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const PNPM = ['npx', '-y', 'pnpm@12.4.2'];
const scratch = mkdtempSync(join(tmpdir(), 'antq-fresh-clone-'));
const clone = join(scratch, 'antq');
const env = { ...process.env };
delete env.ANTQ_ADMIN_UNITS_DIR; // nothing from outside the clone
delete env.ANTQ_DATA_DIR;
delete env.DATABASE_URL;
const figures = [];
let failed = 0;
const started = (what) => {
  const t = performance.now();
  return () => figures.push(`${what} ${((performance.now() - t) / 1000).toFixed(0)} s`);
};
const check = (name, ok, detail) => {
  console.log(`[fresh-clone] ${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
  if (!ok) failed++;
};

let server;
try {
  execFileSync('git', ['clone', '--quiet', root, clone], { stdio: 'inherit' });
  for (let dir = clone; dirname(dir) !== dir; dir = dirname(dir))
    if (existsSync(join(dir, '..', 'shared', 'data', 'admin-units')) || existsSync(join(dir, 'shared', 'data', 'admin-units')))
      throw new Error(`a shared/data/admin-units is reachable from ${clone} (at or beside ${dir}): not a clone without ../shared`);
  console.log(
    `[fresh-clone] ${clone} (HEAD ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: clone, encoding: 'utf8' }).trim()})`,
  );

  let done = started('install');
  execFileSync(PNPM[0], [...PNPM.slice(1), 'install'], { cwd: clone, env, stdio: ['ignore', 'ignore', 'inherit'] });
  done();

  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  const base = `http://127.0.0.1:${port}`;
  const log = join(scratch, 'server.log');
  done = started('first start (build, migrate, import the shipped units, demo) until /ready');
  server = spawn(PNPM[0], [...PNPM.slice(1), 'start'], {
    cwd: clone,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    detached: true, // a process group of its own, stopped whole below
    stdio: ['ignore', openSync(log, 'w'), openSync(log, 'a')],
  });
  const deadline = Date.now() + 900_000;
  let ready = false;
  while (!ready && Date.now() < deadline && server.exitCode === null) {
    ready = await fetch(`${base}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await new Promise((r) => setTimeout(r, 1000));
  }
  done();
  if (!ready) throw new Error(`the server was not ready; its output:\n${readFileSync(log, 'utf8')}`);
  const imported = readFileSync(log, 'utf8')
    .split('\n')
    .filter((l) => /administrative units|imported in|demo data/.test(l));
  console.log(imported.join('\n'));

  const query = async (q) => {
    const body = await (
      await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: q }),
      })
    ).json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const d = await query(`{
    today: adminUnits(level: PROVINCE) { totalCount }
    old: adminUnits(level: PROVINCE, asOf: "2024-12-31") { totalCount }
    coverage(unitCode: "75") { residentialAreas residentialAreasWithActiveModel }
  }`);
  check('34 provinces today', d.today.totalCount === 34, String(d.today.totalCount));
  check('63 provinces on 2024-12-31', d.old.totalCount === 63, String(d.old.totalCount));
  const c = d.coverage;
  check(
    'coverage(unitCode: "75") 866/866',
    c.residentialAreas === 866 && c.residentialAreasWithActiveModel === 866,
    `${c.residentialAreasWithActiveModel}/${c.residentialAreas}`,
  );
  check(
    'the units came from the shipped data',
    imported.some((l) => l.includes('shipped with @antq/db')),
  );

  done = started('.ci/smoke.mjs');
  try {
    execFileSync('node', ['.ci/smoke.mjs', base, '60', String(server.pid)], { cwd: clone, env, stdio: 'inherit' });
    check('.ci/smoke.mjs', true);
  } catch {
    check('.ci/smoke.mjs', false);
  }
  done();
  stop();

  if (args.has('--test')) {
    done = started('pnpm test');
    try {
      execFileSync(PNPM[0], [...PNPM.slice(1), 'test'], { cwd: clone, env, stdio: 'inherit' });
      check('pnpm test in the clone', true);
    } catch {
      check('pnpm test in the clone', false);
    }
    done();
  }
} catch (error) {
  console.error(`[fresh-clone] ${error.message}`);
  failed++;
} finally {
  stop();
  console.log(`[fresh-clone] ${figures.join(', ')}`);
  if (args.has('--keep')) console.log(`[fresh-clone] kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

function stop() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  // Give it the time to close the database; then wait for its group to be gone.
  for (let i = 0; i < 30; i++) {
    try {
      process.kill(-server.pid, 0);
    } catch {
      return;
    }
    execFileSync('sleep', ['1']);
  }
  try {
    process.kill(-server.pid, 'SIGKILL');
  } catch {
    // gone
  }
}
