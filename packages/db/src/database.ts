import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.js';
import { hierarchyCache, type HierarchyCache } from './hierarchy.js';

/** Where the data lives: an embedded PGlite directory (or memory), or a PostgreSQL server. */
export type DatabaseTarget =
  | {
      readonly kind: 'pglite';
      readonly dataDir: string | 'memory';
      /** A dump from `dumpDatabase` to start from (tests load a prepared database this way). */
      readonly loadDataDir?: Blob;
    }
  | { readonly kind: 'postgres'; readonly url: string };

/** One SQL statement as Prisma sent it, for statement counting in tests and benchmarks. */
export interface QueryEvent {
  readonly query: string;
  readonly durationMs: number;
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
  /** Calls `listener` for every SQL statement the client sends; returns an unsubscribe. */
  onQuery(listener: (event: QueryEvent) => void): () => void;
  /** The embedded database's files as a gzipped tarball (PGlite only), to open a copy later. */
  dump(): Promise<Blob>;
  close(): Promise<void>;
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

/** The default target: `DATABASE_URL` when set, else PGlite in `dataDir`. */
export function targetFromEnv(env: NodeJS.ProcessEnv, dataDir: string): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  return url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: `${dataDir}/pglite` };
}

/** Opens a database without migrating it (see `migrate`). */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  let adapter: SqlMigrationAwareDriverAdapterFactory;
  let clientAdapter: SqlMigrationAwareDriverAdapterFactory;
  let closeDriver: () => Promise<void>;
  let poolUse = (): PoolUse | null => null;
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
  }
  const prisma = new PrismaClient({ adapter: clientAdapter, log: [{ emit: 'event', level: 'query' }] });
  const listeners = new Set<(event: QueryEvent) => void>();
  prisma.$on('query', (e) => {
    for (const listener of listeners) listener({ query: e.query, durationMs: e.duration });
  });
  return {
    target,
    prisma,
    adapter,
    pglite: embedded,
    hierarchy: hierarchyCache(prisma),
    dump,
    poolUse,
    onQuery(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}
