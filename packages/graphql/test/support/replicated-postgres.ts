/**
 * A PostgreSQL primary and its streaming replica of the test's own: `initdb` a fresh primary
 * in a temporary folder on a free port (replication connections allowed from 127.0.0.1),
 * `pg_basebackup -R` a hot standby of it into another folder on another port, and start
 * both. `stop()` stops both (immediately) and removes the folders. The machine's own
 * PostgreSQL is not touched (it does not accept replication connections).
 *
 * The binaries are PostgreSQL's (`ANTQ_TEST_POSTGRES_BIN`, default
 * /usr/lib/postgresql/15/bin); as root (initdb and postgres refuse it) they run as the
 * `postgres` user, through `runuser`.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port.js';

const run = promisify(execFile);
export const POSTGRES_BIN = process.env.ANTQ_TEST_POSTGRES_BIN?.trim() || '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

/** Why a replicated pair cannot be started here (no binaries, or no `postgres` user as root), or null. */
export async function replicationProblem(): Promise<string | null> {
  for (const tool of ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'])
    if (!existsSync(join(POSTGRES_BIN, tool))) return `${join(POSTGRES_BIN, tool)} not found (set ANTQ_TEST_POSTGRES_BIN)`;
  if (asRoot) {
    try {
      await run('id', ['-u', 'postgres']);
    } catch {
      return 'running as root, and there is no postgres user to run PostgreSQL as';
    }
  }
  return null;
}

async function tool(name: string, args: string[]): Promise<void> {
  const path = join(POSTGRES_BIN, name);
  await (asRoot ? run('runuser', ['-u', 'postgres', '--', path, ...args]) : run(path, args));
}

export interface ReplicatedPostgres {
  readonly primaryUrl: string;
  readonly replicaUrl: string;
  /** Runs one SQL statement on the primary or the replica, on a connection of its own. */
  sql(on: 'primary' | 'replica', text: string): Promise<Array<Record<string, unknown>>>;
  /** Waits until the replica has replayed everything the primary wrote so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  /** Stops the replica alone (immediately), as a crash would. */
  stopReplica(): Promise<void>;
  /** Stops both servers and removes their folders; safe to call twice, or after a failed start. */
  stop(): Promise<void>;
}

/** Starts a primary and its streaming replica (see the top of this file); on a failure, what was started is stopped. */
export async function startReplicatedPostgres(): Promise<ReplicatedPostgres> {
  const root = mkdtempSync(join(tmpdir(), 'antq-replica-'));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    chownSync(root, Number(stdout.trim()), Number(group.trim()));
  }
  const primaryDir = join(root, 'primary');
  const replicaDir = join(root, 'replica');
  const started: string[] = [];
  const stopServer = (dir: string) => tool('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']).catch(() => {});
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const dir of started.reverse()) await stopServer(dir);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const [primaryPort, replicaPort] = [await freePort(), await freePort()];
    await tool('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--no-sync', '--encoding=UTF8', '--locale=C']);
    const settings = (port: number) =>
      [
        '',
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${root}'`,
        'fsync = off',
        'synchronous_commit = on',
        'max_connections = 40',
        'shared_buffers = 16MB',
        '',
      ].join('\n');
    appendFileSync(join(primaryDir, 'postgresql.conf'), settings(primaryPort));
    appendFileSync(join(primaryDir, 'pg_hba.conf'), '\nhost replication all 127.0.0.1/32 trust\n');
    await tool('pg_ctl', ['-D', primaryDir, '-l', join(root, 'primary.log'), '-w', 'start']);
    started.push(primaryDir);
    await tool('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaDir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    // The copy's postgresql.conf names the primary's port: a later line wins.
    appendFileSync(join(replicaDir, 'postgresql.conf'), settings(replicaPort));
    await tool('pg_ctl', ['-D', replicaDir, '-l', join(root, 'replica.log'), '-w', 'start']);
    started.push(replicaDir);
    const urls = {
      primary: `postgresql://postgres@127.0.0.1:${primaryPort}/postgres`,
      replica: `postgresql://postgres@127.0.0.1:${replicaPort}/postgres`,
    };
    const sql = async (on: 'primary' | 'replica', text: string) => {
      const client = new pg.Client({ connectionString: urls[on], connectionTimeoutMillis: 3_000 });
      await client.connect();
      try {
        return (await client.query(text)).rows as Array<Record<string, unknown>>;
      } finally {
        await client.end();
      }
    };
    return {
      primaryUrl: urls.primary,
      replicaUrl: urls.replica,
      sql,
      async caughtUp(timeoutMs = 10_000) {
        const [{ lsn }] = (await sql('primary', 'SELECT pg_current_wal_lsn()::text AS lsn')) as [{ lsn: string }];
        const until = Date.now() + timeoutMs;
        for (;;) {
          const [{ behind }] = (await sql('replica', `SELECT pg_last_wal_replay_lsn() < '${lsn}'::pg_lsn AS behind`)) as [
            { behind: boolean },
          ];
          if (!behind) return;
          if (Date.now() > until) throw new Error(`the replica did not replay up to ${lsn} in ${timeoutMs} ms`);
          await new Promise((r) => setTimeout(r, 20));
        }
      },
      async stopReplica() {
        await stopServer(replicaDir);
        started.splice(started.indexOf(replicaDir), 1);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
