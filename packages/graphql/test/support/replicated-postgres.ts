/**
 * A PostgreSQL primary and its streaming replica of the test's own: `initdb` a fresh primary
 * in a temporary folder on a free port (replication connections allowed from 127.0.0.1),
 * `pg_basebackup -R` a hot standby of it into another folder on another port, and start
 * both. `stop()` stops both (immediately) and removes the folders. The machine's own
 * PostgreSQL is not touched (it does not accept replication connections).
 *
 * Both are clusters of postgres-cluster.ts (its binaries, `ANTQ_POSTGRES_BIN`).
 */
import pg from 'pg';
import { clusterFolder, clusterProblem, startCluster, startStandby, type Cluster } from './postgres-cluster.js';

/** Why a replicated pair cannot be started here (no binaries, or no `postgres` user as root), or null. */
export const replicationProblem = () => clusterProblem(['initdb', 'pg_ctl', 'pg_basebackup', 'postgres']);

/** Small servers: the test writes a few rows. */
const SETTINGS = { fsync: 'off', synchronous_commit: 'on', max_connections: 40, shared_buffers: '16MB' };

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
  const folder = await clusterFolder('antq-replica-');
  const started: Cluster[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const cluster of started.reverse()) await cluster.stop('immediate');
    folder.remove();
  };
  try {
    const primary = await startCluster(folder.dir, 'primary', SETTINGS, ['host replication all 127.0.0.1/32 trust']);
    started.push(primary);
    const replica = await startStandby(primary, folder.dir, 'replica', SETTINGS);
    started.push(replica);
    const urls = { primary: primary.url, replica: replica.url };
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
        await replica.stop('immediate');
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
