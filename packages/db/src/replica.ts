/**
 * A read replica (`DATABASE_REPLICA_URL`): a PostgreSQL streaming replica (hot standby) that
 * answers reads, beside the primary that takes every write. The database (database.ts) opens
 * a second Prisma client on a pool of its own over the replica; which of the two clients a
 * request reads with is chosen once per request by {@link ReadRouter.choose}, for a key that
 * names the viewer:
 *
 *  - the replica, unless that viewer wrote recently (read-your-writes): a mutation marks the
 *    key while it runs (`writing`), and after it records the primary's WAL position
 *    (`wrote`, `pg_current_wal_lsn()` read after the commit). The viewer reads from the
 *    primary until the replica has replayed past that position (`pg_last_wal_replay_lsn()`,
 *    read at most once every `lsnCacheMs`), or for `maxLagMs` at most (a replica that lags
 *    more than that is read again, stale or not: the primary is not held for ever);
 *  - the primary while the replica is known to be down: a statement the replica cannot take
 *    (unreachable, its connection lost, starting up, too many connections, or cancelled by a
 *    conflict with recovery) is sent to the primary instead, and the replica is left alone
 *    for `retryMs`; then one probe in the background tells whether it is back.
 *
 * The state is in memory, per process: with `antq serve --workers N` each worker knows the
 * writes it served. A viewer whose next request lands on another worker reads the replica,
 * which is behind by the replication lag (milliseconds on one network); see DESIGN.md.
 */
import pg from 'pg';
import { databaseUnavailable, type UnavailableReason } from './unavailable.js';

/** Which server a statement goes to. */
export type DatabaseRole = 'primary' | 'replica';

/** How a replica is used (see the top of this file). */
export interface ReplicaOptions {
  readonly url: string;
  /** The longest a viewer who wrote reads from the primary, in milliseconds. Default 10,000; `ANTQ_REPLICA_MAX_LAG_MS`. */
  readonly maxLagMs?: number;
  /** How long the replica's replayed position is trusted before it is read again. Default 50 ms. */
  readonly lsnCacheMs?: number;
  /** How long a replica that failed is left alone before it is probed again. Default 5,000 ms. */
  readonly retryMs?: number;
}

export const DEFAULT_REPLICA_MAX_LAG_MS = 10_000;
const DEFAULT_LSN_CACHE_MS = 50;
const DEFAULT_RETRY_MS = 5_000;
/** Sweep the marks of viewers that wrote long ago once there are this many. */
const SWEEP_AT = 10_000;

/** What the replica is doing now, for `/ready`. */
export type ReplicaStatus =
  | { readonly up: true; readonly replaying: boolean; readonly replayLsn: string | null }
  | { readonly up: false; readonly reason: UnavailableReason | 'UNKNOWN' };

/** A WAL position (`16/B374D848`) as a number that compares. */
export function lsnValue(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  if (high === undefined || low === undefined || !/^[0-9A-Fa-f]+$/.test(high) || !/^[0-9A-Fa-f]+$/.test(low))
    throw new Error(`not a WAL position: ${lsn}`);
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/** Whether a failed statement on the replica should be sent to the primary instead: the replica could not take it, not the statement was wrong. */
export function replicaCannotAnswer(error: unknown): boolean {
  if (databaseUnavailable(error)) return true;
  // A hot standby cancels a read that conflicts with the WAL it replays (40001, "conflict with recovery").
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === '40001' && typeof message === 'string' && /recovery/i.test(message);
}

interface Mark {
  /** The primary's WAL position after the viewer's last write; null until it is known. */
  lsn: bigint | null;
  /** Mutations of the viewer running now. */
  inFlight: number;
  /** Until when the viewer reads from the primary at most (ms since the epoch). */
  until: number;
}

type Query = (text: string) => Promise<{ rows: Array<Record<string, unknown>> }>;

/** Chooses, per viewer, the server a request reads from (see the top of this file). */
export class ReadRouter {
  private readonly marks = new Map<string, Mark>();
  private replayed: { value: bigint | null; at: number } | null = null;
  private replaying: Promise<bigint | null> | null = null;
  private downSince: number | null = null;
  private downReason: UnavailableReason | 'UNKNOWN' = 'UNKNOWN';
  private probing: Promise<unknown> | null = null;
  readonly maxLagMs: number;
  private readonly lsnCacheMs: number;
  private readonly retryMs: number;
  /** Statements the replica could not take, answered by the primary. */
  fallbacks = 0;

  constructor(
    options: ReplicaOptions,
    private readonly onPrimary: Query,
    private readonly onReplica: Query,
    private readonly clock: () => number = Date.now,
  ) {
    this.maxLagMs = options.maxLagMs ?? DEFAULT_REPLICA_MAX_LAG_MS;
    this.lsnCacheMs = options.lsnCacheMs ?? DEFAULT_LSN_CACHE_MS;
    this.retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
    if (!Number.isInteger(this.maxLagMs) || this.maxLagMs < 0)
      throw new Error(`ANTQ_REPLICA_MAX_LAG_MS must be a whole number of milliseconds, 0 or more (got ${String(options.maxLagMs)})`);
  }

  /** Whether the replica is known to be down now (statements go to the primary). */
  get down(): boolean {
    return this.downSince !== null;
  }

  /** A statement the replica could not take (`error`) was answered by the primary; so are the next ones until a probe finds it back. */
  failed(error: unknown): void {
    this.fallbacks += 1;
    this.markDown(error);
  }

  private markDown(error: unknown): void {
    this.downReason = databaseUnavailable(error) ?? 'UNKNOWN';
    this.downSince ??= this.clock();
  }

  /** The server `key`'s reads go to now. */
  async choose(key: string | null): Promise<DatabaseRole> {
    const now = this.clock();
    if (this.downSince !== null) {
      if (now - this.downSince >= this.retryMs && !this.probing) {
        this.probing = this.status().finally(() => (this.probing = null));
      }
      return 'primary';
    }
    const mark = key === null ? undefined : this.marks.get(key);
    if (!mark) return 'replica';
    if (now >= mark.until) {
      this.marks.delete(key!);
      return 'replica';
    }
    if (mark.inFlight > 0 || mark.lsn === null) return 'primary';
    const replayed = await this.replayLsn();
    if (replayed === null || replayed < mark.lsn) return 'primary';
    if (mark.inFlight === 0 && this.marks.get(key!) === mark) this.marks.delete(key!);
    return 'replica';
  }

  /** A mutation of `key` starts: its reads go to the primary until {@link wrote} and the replica catch up. */
  writing(key: string | null): void {
    if (key === null) return;
    const now = this.clock();
    if (this.marks.size >= SWEEP_AT) for (const [k, m] of this.marks) if (now >= m.until && m.inFlight === 0) this.marks.delete(k);
    const mark = this.marks.get(key) ?? { lsn: null, inFlight: 0, until: 0 };
    mark.inFlight += 1;
    mark.until = now + this.maxLagMs;
    this.marks.set(key, mark);
  }

  /** The mutation of `key` has ended (committed or not): its position on the primary is recorded. */
  async wrote(key: string | null): Promise<void> {
    if (key === null) return;
    let lsn: bigint | null = null;
    try {
      const { rows } = await this.onPrimary('SELECT pg_current_wal_lsn()::text AS lsn');
      lsn = lsnValue(String(rows[0]?.lsn));
    } catch {
      // The primary did not say: the viewer reads from it for maxLagMs.
    }
    const mark = this.marks.get(key);
    if (!mark) return;
    mark.inFlight = Math.max(0, mark.inFlight - 1);
    if (lsn === null) mark.lsn = null;
    else if (mark.lsn === null || lsn > mark.lsn) mark.lsn = lsn;
    // Counted from the end of the write: the replica has maxLagMs to replay it.
    mark.until = Math.max(mark.until, this.clock() + this.maxLagMs);
  }

  /** Viewers reading from the primary for their writes now. */
  get pinned(): number {
    const now = this.clock();
    let count = 0;
    for (const m of this.marks.values()) if (now < m.until) count += 1;
    return count;
  }

  /** The replica's replayed WAL position, read at most once every lsnCacheMs; null when it does not say (not a standby, or down). */
  private replayLsn(): Promise<bigint | null> {
    const now = this.clock();
    if (this.replayed && now - this.replayed.at < this.lsnCacheMs) return Promise.resolve(this.replayed.value);
    this.replaying ??= this.onReplica('SELECT pg_last_wal_replay_lsn()::text AS lsn')
      .then(({ rows }) => {
        const lsn = rows[0]?.lsn;
        return typeof lsn === 'string' ? lsnValue(lsn) : null;
      })
      .catch((error: unknown) => {
        this.markDown(error);
        return null;
      })
      .then((value) => {
        this.replayed = { value, at: this.clock() };
        this.replaying = null;
        return value;
      });
    return this.replaying;
  }

  /** Asks the replica whether it answers and replays; a replica that answers is used again. */
  async status(): Promise<ReplicaStatus> {
    try {
      const { rows } = await this.onReplica('SELECT pg_is_in_recovery() AS replaying, pg_last_wal_replay_lsn()::text AS lsn');
      this.downSince = null;
      const row = rows[0] ?? {};
      return { up: true, replaying: row.replaying === true, replayLsn: typeof row.lsn === 'string' ? row.lsn : null };
    } catch (error) {
      this.markDown(error);
      return { up: false, reason: this.downReason };
    }
  }
}

/**
 * The pool of the replica's client: a statement the replica cannot take (see
 * {@link replicaCannotAnswer}) is sent to `primary` instead, as is every statement while
 * the replica is known to be down. Only reads reach it: a write on a standby fails as
 * read-only (25006), which is not sent on. node-postgres' own `query`, promise form (as
 * `@prisma/adapter-pg` calls it), is wrapped; the pool stays a `pg.Pool`, so the adapter
 * takes it as its external pool.
 */
export function fallbackPool(config: pg.PoolConfig, primary: pg.Pool, router: () => ReadRouter): { pool: pg.Pool; direct: Query } {
  const pool = new pg.Pool(config);
  const direct = pool.query.bind(pool) as unknown as (...args: unknown[]) => Promise<pg.QueryResult>;
  const toPrimary = primary.query.bind(primary) as unknown as (...args: unknown[]) => Promise<pg.QueryResult>;
  const wrapped = (...args: unknown[]): unknown => {
    if (typeof args[args.length - 1] === 'function') return direct(...args);
    if (router().down) return toPrimary(...args);
    return direct(...args).catch((error: unknown) => {
      if (!replicaCannotAnswer(error)) throw error;
      router().failed(error);
      return toPrimary(...args);
    });
  };
  pool.query = wrapped as typeof pool.query;
  return { pool, direct: (text) => direct(text) as Promise<pg.QueryResult> };
}
