import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.js';
import { hierarchyCache, type HierarchyCache } from './hierarchy.js';
import {
  DEFAULT_REPLICA_MAX_LAG_MS,
  fallbackPool,
  ReadRouter,
  type DatabaseRole,
  type ReplicaOptions,
  type ReplicaStatus,
} from './replica.js';

export { DEFAULT_REPLICA_MAX_LAG_MS, lsnValue, type DatabaseRole, type ReplicaOptions, type ReplicaStatus } from './replica.js';

/** Where the data lives: an embedded PGlite directory (or memory), or a PostgreSQL server. */
export type DatabaseTarget =
  | {
      readonly kind: 'pglite';
      readonly dataDir: string | 'memory';
      /** A dump from `dumpDatabase` to start from (tests load a prepared database this way). */
      readonly loadDataDir?: Blob;
    }
  | {
      readonly kind: 'postgres';
      readonly url: string;
      /** A streaming replica that answers reads (replica.ts); none by default. */
      readonly replica?: ReplicaOptions;
    };

/** One SQL statement as Prisma sent it, for statement counting in tests and benchmarks. */
export interface QueryEvent {
  readonly query: string;
  readonly durationMs: number;
  /** The client that sent it: the primary's, or the replica's (whose pool may have handed it to the primary, replica.ts). */
  readonly role: DatabaseRole;
}

/** What the PostgreSQL connection pool holds at a moment (node-postgres' counts). */
export interface PoolUse {
  /** Connections open, busy or idle. */
  readonly open: number;
  readonly idle: number;
  /** Queries waiting for a connection (all of them busy, and `max` open). */
  readonly waiting: number;
  /** The most connections the pool opens. */
  readonly max: number;
}

/** An open database: the Prisma client, the adapter it runs on, and how to close both. */
export interface Database {
  readonly target: DatabaseTarget;
  readonly prisma: PrismaClient;
  /**
   * The driver adapter factory that drives migrations (see migrate.ts): on PGlite the
   * client's own; on PostgreSQL one that opens a pool per connection, ended when the
   * migration is done, beside the client's pool.
   */
  readonly adapter: SqlMigrationAwareDriverAdapterFactory;
  /** The embedded database itself (PGlite only; null on PostgreSQL), for SQL that bypasses Prisma (the benchmark's baseline). */
  readonly pglite: PGlite | null;
  /** The units and lineage, read once (see hierarchy.ts). */
  readonly hierarchy: HierarchyCache;
  /** The client's connection pool now (PostgreSQL only; null on PGlite, one connection in the process). */
  poolUse(): PoolUse | null;
  /**
   * The read replica (`DATABASE_REPLICA_URL`, replica.ts), or null: its client, its pool,
   * what it is doing, and the marks of read-your-writes. Without one, every read is the primary's.
   */
  readonly replica: ReadReplica | null;
  /**
   * The client a request of the viewer named `key` reads with, chosen once per request: the
   * replica's, unless that viewer wrote and the replica has not replayed the write yet (for
   * the replica's `maxLagMs` at most), or the replica is down; the primary's (`prisma`)
   * without a replica. Writes and transactions always use `prisma`.
   */
  reader(key: string | null): Promise<{ readonly role: DatabaseRole; readonly prisma: PrismaClient }>;
  /** Calls `listener` for every SQL statement the client sends; returns an unsubscribe. */
  onQuery(listener: (event: QueryEvent) => void): () => void;
  /** The embedded database's files as a gzipped tarball (PGlite only), to open a copy later. */
  dump(): Promise<Blob>;
  close(): Promise<void>;
}

/** A read replica beside the primary (see replica.ts and {@link Database.reader}). */
export interface ReadReplica {
  readonly prisma: PrismaClient;
  /** The longest a viewer who wrote reads from the primary, in milliseconds. */
  readonly maxLagMs: number;
  poolUse(): PoolUse;
  /** Asks the replica whether it answers and replays (for `/ready`); a replica found answering is read again. */
  status(): Promise<ReplicaStatus>;
  /** Whether the replica is known to be down now (reads go to the primary). */
  readonly down: boolean;
  /** Statements the replica could not take, answered by the primary, since the database was opened. */
  readonly fallbacks: number;
  /** Viewers reading from the primary for their recent writes now. */
  readonly pinned: number;
  /** A mutation of the viewer `key` starts: that viewer reads from the primary until {@link wrote} and the replica catch up. */
  writing(key: string | null): void;
  /** That mutation has ended: the primary's WAL position after it is recorded (`pg_current_wal_lsn()`). */
  wrote(key: string | null): Promise<void>;
}

/**
 * PostgreSQL's buffer cache inside the embedded database. PGlite starts with the server's
 * default, 128 MB, which is written through at start: it was a quarter of the embedded
 * server's resident memory. Pages that are not cached come from the operating system's
 * file cache (which is not the process's memory); with one province loaded (about 120 MB
 * of files) reads were no slower at 32 MB, and the server resides in some 90 MB less.
 */
export const EMBEDDED_SHARED_BUFFERS = '32MB';

/** The most connections the PostgreSQL client opens. */
const POOL_MAX = 10;

/** How long a statement waits for a PostgreSQL connection (opened, or free in the pool) before it fails. */
export const CONNECT_TIMEOUT_MS = 5_000;

/** How long a replica's statement waits for a connection before the primary answers it instead. */
const REPLICA_CONNECT_TIMEOUT_MS = 1_000;

/**
 * The default target: `DATABASE_URL` when set (with `DATABASE_REPLICA_URL`, a replica that
 * answers reads, and `ANTQ_REPLICA_MAX_LAG_MS`), else PGlite in `dataDir` (which has no
 * replica: see {@link replicaIgnored}).
 */
export function targetFromEnv(env: NodeJS.ProcessEnv, dataDir: string): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (!url) return { kind: 'pglite', dataDir: `${dataDir}/pglite` };
  const replicaUrl = env.DATABASE_REPLICA_URL?.trim();
  if (!replicaUrl) return { kind: 'postgres', url };
  const lag = env.ANTQ_REPLICA_MAX_LAG_MS?.trim();
  const maxLagMs = lag ? Number(lag) : DEFAULT_REPLICA_MAX_LAG_MS;
  if (!Number.isInteger(maxLagMs) || maxLagMs < 0)
    throw new Error(`ANTQ_REPLICA_MAX_LAG_MS must be a whole number of milliseconds, 0 or more (got ${lag})`);
  return { kind: 'postgres', url, replica: { url: replicaUrl, maxLagMs } };
}

/** What to tell whoever set `DATABASE_REPLICA_URL` without `DATABASE_URL`: the embedded database has no replica. Null otherwise. */
export function replicaIgnored(env: NodeJS.ProcessEnv): string | null {
  if (!env.DATABASE_REPLICA_URL?.trim() || env.DATABASE_URL?.trim()) return null;
  return 'DATABASE_REPLICA_URL is ignored: the embedded database (PGlite, no DATABASE_URL) is one process and has no replica. Set DATABASE_URL to a PostgreSQL primary to read from its replica.';
}

/** Opens a database without migrating it (see `migrate`). */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  let adapter: SqlMigrationAwareDriverAdapterFactory;
  let clientAdapter: SqlMigrationAwareDriverAdapterFactory;
  let closeDriver: () => Promise<void>;
  let poolUse = (): PoolUse | null => null;
  let replicaOf: ((client: ClientOf) => OpenedReplica) | null = null;
  let embedded: PGlite | null = null;
  let dump = (): Promise<Blob> => Promise.reject(new Error('only an embedded (PGlite) database can be dumped'));
  if (target.kind === 'pglite') {
    if (target.dataDir !== 'memory') mkdirSync(target.dataDir, { recursive: true });
    const pglite = new PGlite({
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`],
      ...(target.dataDir === 'memory' ? {} : { dataDir: target.dataDir }),
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    });
    await pglite.waitReady;
    embedded = pglite;
    adapter = clientAdapter = new PrismaPGlite(pglite);
    closeDriver = () => pglite.close();
    dump = () => pglite.dumpDataDir('gzip');
  } else {
    // The client's pool is this one, so that its use can be read; the adapter keeps it open
    // when the client disconnects (an external pool), and close() ends it. Migrations keep a
    // factory whose every connection is a pool of its own, ended with the connection: a
    // session-level lock the migration engine takes never stays in the client's pool.
    // A statement waits at most CONNECT_TIMEOUT_MS for a connection (a database that is down or
    // unreachable fails fast, as DATABASE_UNAVAILABLE, instead of piling requests up); a
    // connection the server cut is dropped from the pool, and the next one is opened afresh.
    const pool = new pg.Pool({ connectionString: target.url, max: POOL_MAX, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // An idle connection the server cuts (a restart, 57P01) is an 'error' event on the pool, which
    // drops that connection; without a listener the event would end the process (after the
    // client disconnects, the adapter's own listener is gone, e.g. while a database is dropped).
    pool.on('error', () => {});
    clientAdapter = new PrismaPg(pool);
    adapter = new PrismaPg({ connectionString: target.url, max: POOL_MAX });
    poolUse = () => ({ open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: POOL_MAX });
    closeDriver = () => pool.end();
    const options = target.replica;
    if (options) replicaOf = (client) => openReplica(options, pool, client);
  }
  const listeners = new Set<(event: QueryEvent) => void>();
  const clientOf: ClientOf = (driver, role) => {
    const client = new PrismaClient({ adapter: driver, log: [{ emit: 'event', level: 'query' }] });
    client.$on('query', (e) => {
      for (const listener of listeners) listener({ query: e.query, durationMs: e.duration, role });
    });
    return client;
  };
  const prisma = clientOf(clientAdapter, 'primary');
  const opened = replicaOf?.(clientOf) ?? null;
  const replica = opened?.replica ?? null;
  return {
    target,
    prisma,
    adapter,
    pglite: embedded,
    hierarchy: hierarchyCache(prisma),
    dump,
    poolUse,
    replica,
    reader: opened
      ? async (key) =>
          (await opened.router.choose(key)) === 'replica' ? { role: 'replica', prisma: opened.replica.prisma } : { role: 'primary', prisma }
      : () => Promise.resolve({ role: 'primary', prisma }),
    onQuery(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await opened?.close();
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}

/** A Prisma client on `driver`, whose statements are told to the database's `onQuery` listeners as `role`'s. */
type ClientOf = (driver: SqlMigrationAwareDriverAdapterFactory, role: DatabaseRole) => PrismaClient;

interface OpenedReplica {
  readonly replica: ReadReplica;
  readonly router: ReadRouter;
  close(): Promise<void>;
}

/** The replica's client, on a pool of its own whose statements the primary's pool answers when the replica cannot (replica.ts). */
function openReplica(options: ReplicaOptions, primaryPool: pg.Pool, clientOf: ClientOf): OpenedReplica {
  let reads: ReadRouter | null = null;
  const { pool, direct } = fallbackPool(
    { connectionString: options.url, max: POOL_MAX, connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS },
    primaryPool,
    () => reads!,
  );
  pool.on('error', () => {});
  const router = (reads = new ReadRouter(options, (text) => primaryPool.query(text), direct));
  const client = clientOf(new PrismaPg(pool), 'replica');
  const replica: ReadReplica = {
    prisma: client,
    poolUse: () => ({ open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: POOL_MAX }),
    maxLagMs: router.maxLagMs,
    status: () => router.status(),
    get down() {
      return router.down;
    },
    get fallbacks() {
      return router.fallbacks;
    },
    get pinned() {
      return router.pinned;
    },
    writing: (key) => router.writing(key),
    wrote: (key) => router.wrote(key),
  };
  return {
    replica,
    router,
    async close() {
      await client.$disconnect();
      await pool.end();
    },
  };
}
