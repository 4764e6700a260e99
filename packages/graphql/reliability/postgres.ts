/**
 * A PostgreSQL 15 cluster of the reliability run's own: initdb into a temporary folder, its own
 * free port on 127.0.0.1, started and restarted with pg_ctl, stopped (by its postmaster's PID)
 * and removed at the end. The machine's shared PostgreSQL is never touched: other work uses it.
 * As root, initdb and postgres refuse to run: they then run as the `postgres` OS user, the
 * folder chowned to it.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../test/support/free-port.js';

export const POSTGRES_BIN = process.env.ANTQ_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

export interface Cluster {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** The postmaster's PID (from postmaster.pid). */
  pid(): number;
  /** `pg_ctl restart -m <mode>` (not blocking the event loop: the load goes on); resolves once it accepts connections again, with the seconds it took. */
  restart(mode: 'fast' | 'immediate'): Promise<number>;
  /** Stops the postmaster by its PID (SIGINT: fast shutdown), waits for it, removes the folder. */
  stop(): Promise<void>;
}

/** Why no cluster can be made here, or null: the binaries must exist. */
export function postgresMissing(): string | null {
  return existsSync(join(POSTGRES_BIN, 'initdb')) ? null : `no PostgreSQL binaries in ${POSTGRES_BIN} (set ANTQ_POSTGRES_BIN)`;
}

export async function startCluster(log: (m: string) => void): Promise<Cluster> {
  const missing = postgresMissing();
  if (missing) throw new Error(missing);
  const dir = mkdtempSync(join(tmpdir(), 'antq-reliability-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chmodSync(dir, 0o755);
    execFileSync('chown', ['postgres:postgres', dir]);
  }
  // As root, each command runs as the postgres user.
  const run = (program: string, args: string[]) => {
    const [cmd, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(POSTGRES_BIN, program), ...args]]
      : [join(POSTGRES_BIN, program), args];
    const result = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  const port = await freePort();
  log(`PostgreSQL: initdb in ${data}`);
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  // Unix sockets in the folder, not /var/run (it may not exist, or belong to the shared server).
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c max_connections=200 -c shared_buffers=256MB -c fsync=on`;
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', '-t', '120', 'start']);
  const pid = () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  log(`PostgreSQL: pid ${pid()}, port ${port}`);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    pid,
    async restart(mode) {
      const began = performance.now();
      const args = ['-D', data, '-m', mode, '-w', '-t', '120', 'restart', '-l', join(dir, 'log'), '-o', options];
      const pgCtl = join(POSTGRES_BIN, 'pg_ctl');
      await promisify(execFile)(asRoot ? 'runuser' : pgCtl, asRoot ? ['-u', 'postgres', '--', pgCtl, ...args] : args, { timeout: 150_000 });
      return (performance.now() - began) / 1000;
    },
    async stop() {
      const postmaster = existsSync(join(data, 'postmaster.pid')) ? pid() : null;
      if (postmaster) {
        process.kill(postmaster, 'SIGINT');
        for (let i = 0; i < 600 && alive(postmaster); i++) await new Promise((r) => setTimeout(r, 100));
        if (alive(postmaster)) process.kill(postmaster, 'SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
      log(`PostgreSQL: stopped${postmaster ? ` (pid ${postmaster})` : ''}, ${dir} removed`);
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
