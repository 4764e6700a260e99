/**
 * A PostgreSQL cluster of one's own, for what must not touch the machine's shared server
 * (it accepts no replication connections, and other work runs on it): `initdb` into a
 * temporary folder, settings appended to its postgresql.conf (a free port of 127.0.0.1, Unix
 * sockets in the folder), started with pg_ctl; or a hot standby of one, by `pg_basebackup -R`.
 * Stopped by its postmaster's PID, its folder removed. The read replica test and the
 * reliability run use it.
 *
 * The binaries are PostgreSQL 15's (`ANTQ_POSTGRES_BIN`, default /usr/lib/postgresql/15/bin).
 * As root (initdb and postgres refuse it) they run as the `postgres` user, through `runuser`.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';

const exec = promisify(execFile);
export const POSTGRES_BIN = process.env.ANTQ_POSTGRES_BIN?.trim() || '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

/** Why no cluster can be made here (a binary missing, or no `postgres` user as root), or null. */
export async function clusterProblem(tools: readonly string[] = ['initdb', 'pg_ctl', 'postgres']): Promise<string | null> {
  for (const tool of tools)
    if (!existsSync(join(POSTGRES_BIN, tool))) return `${join(POSTGRES_BIN, tool)} not found (set ANTQ_POSTGRES_BIN)`;
  if (asRoot && (await postgresUser()) === null) return 'running as root, and there is no postgres user to run PostgreSQL as';
  return null;
}

async function postgresUser(): Promise<{ uid: number; gid: number } | null> {
  try {
    const [uid, gid] = await Promise.all([exec('id', ['-u', 'postgres']), exec('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return null;
  }
}

/** Runs one of PostgreSQL's programs (as the postgres user when root), without blocking the event loop. */
async function tool(name: string, args: string[]): Promise<void> {
  const path = join(POSTGRES_BIN, name);
  await (asRoot ? exec('runuser', ['-u', 'postgres', '--', path, ...args], { timeout: 150_000 }) : exec(path, args, { timeout: 150_000 }));
}

export interface Cluster {
  readonly url: string;
  readonly port: number;
  /** Its data folder. */
  readonly data: string;
  /** The postmaster's PID (from postmaster.pid). */
  pid(): number;
  /** `pg_ctl restart -m <mode>`; resolves once it accepts connections again, with the seconds it took. */
  restart(mode: 'fast' | 'immediate'): Promise<number>;
  /** Stops the postmaster by its PID (fast: SIGINT, immediate: SIGQUIT) and waits for it to exit; the PID, or null if it was not running. Safe to call twice. */
  stop(mode?: 'fast' | 'immediate'): Promise<number | null>;
}

/** Settings of a cluster (postgresql.conf lines), beyond its port and sockets. */
export type Settings = Readonly<Record<string, string | number>>;

/** A folder for clusters, owned by the postgres user when root; `remove()` deletes it. */
export async function clusterFolder(prefix: string): Promise<{ readonly dir: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const user = asRoot ? await postgresUser() : null;
  if (user) chownSync(dir, user.uid, user.gid);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A new cluster in `dir`/`name`, started; `hba` lines are added to its pg_hba.conf. */
export async function startCluster(dir: string, name: string, settings: Settings = {}, hba: readonly string[] = []): Promise<Cluster> {
  const data = join(dir, name);
  await tool('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  if (hba.length) appendFileSync(join(data, 'pg_hba.conf'), `\n${hba.join('\n')}\n`);
  return started(dir, name, settings);
}

/** A hot standby of `primary` in `dir`/`name` (`pg_basebackup -R`: it streams from the primary), started. */
export async function startStandby(primary: Cluster, dir: string, name: string, settings: Settings = {}): Promise<Cluster> {
  const data = join(dir, name);
  await tool('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    data,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
  ]);
  return started(dir, name, settings);
}

async function started(dir: string, name: string, settings: Settings): Promise<Cluster> {
  const data = join(dir, name);
  const port = await freePort();
  const lines = { port, listen_addresses: "'127.0.0.1'", unix_socket_directories: `'${dir}'`, ...settings };
  // Appended: a later line wins over the copy of a primary's (a standby's) and over initdb's.
  appendFileSync(
    join(data, 'postgresql.conf'),
    `\n${Object.entries(lines)
      .map(([k, v]) => `${k} = ${v}`)
      .join('\n')}\n`,
  );
  const log = join(dir, `${name}.log`);
  await tool('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '120', 'start']);
  const pid = () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    data,
    pid,
    async restart(mode) {
      const began = performance.now();
      await tool('pg_ctl', ['-D', data, '-l', log, '-m', mode, '-w', '-t', '120', 'restart']);
      return (performance.now() - began) / 1000;
    },
    async stop(mode = 'fast') {
      if (!existsSync(join(data, 'postmaster.pid'))) return null;
      const postmaster = pid();
      if (!alive(postmaster)) return null;
      process.kill(postmaster, mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
      for (let i = 0; i < 600 && alive(postmaster); i++) await new Promise((r) => setTimeout(r, 100));
      if (alive(postmaster)) process.kill(postmaster, 'SIGKILL');
      return postmaster;
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
