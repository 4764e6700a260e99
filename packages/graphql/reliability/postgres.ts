/**
 * The reliability run's own PostgreSQL 15 cluster (test/support/postgres-cluster.ts): a
 * temporary folder, a free port of 127.0.0.1, `fsync=on` (the restart phase counts what
 * survives), removed at the end. The machine's shared PostgreSQL is never touched.
 */
import { clusterFolder, clusterProblem, startCluster as start, type Cluster as Started } from '../test/support/postgres-cluster.js';

export interface Cluster extends Pick<Started, 'url' | 'port' | 'pid' | 'restart'> {
  /** Stops the postmaster by its PID, waits for it, removes the folder. */
  stop(): Promise<void>;
}

export async function startCluster(log: (m: string) => void): Promise<Cluster> {
  const problem = await clusterProblem();
  if (problem) throw new Error(problem);
  const folder = await clusterFolder('antq-reliability-pg-');
  log(`PostgreSQL: initdb in ${folder.dir}`);
  try {
    const cluster = await start(folder.dir, 'data', { fsync: 'on', max_connections: 200, shared_buffers: '256MB' });
    log(`PostgreSQL: pid ${cluster.pid()}, port ${cluster.port}`);
    return {
      ...cluster,
      async stop() {
        const pid = await cluster.stop('fast');
        folder.remove();
        log(`PostgreSQL: ${pid === null ? 'not running' : `stopped (pid ${pid})`}, ${folder.dir} removed`);
      },
    };
  } catch (error) {
    folder.remove();
    throw error;
  }
}
