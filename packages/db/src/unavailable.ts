/**
 * Whether an error means the database cannot be used right now (down, restarting, its
 * connections cut or exhausted) rather than that the statement was wrong: the one place
 * that reads Prisma's and the drivers' errors for it. The server answers such an error as
 * `DATABASE_UNAVAILABLE` (and `/ready` as 503); the pool opens new connections by itself
 * once the database is back, so nothing needs a restart.
 *
 * What is recognised:
 *  - Prisma's connection codes: P1001 (cannot reach the server), P1002 (it timed out),
 *    P1017 (it closed the connection), P2024 (no connection from the pool in time);
 *  - a driver adapter's error (`meta.driverAdapterError.cause.kind`), as `$queryRaw`'s P2010
 *    carries it: DatabaseNotReachable (ECONNREFUSED, ENOTFOUND), ConnectionClosed
 *    (ECONNRESET), SocketTimeout, TooManyConnections, and PostgreSQL's own codes of a
 *    server going away (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect
 *    now, class 08 connection exceptions);
 *  - node-postgres' own errors, which no adapter maps: a socket error (ECONNREFUSED,
 *    ECONNRESET, ETIMEDOUT, EPIPE…), "Connection terminated" and the pool's "timeout
 *    exceeded when trying to connect".
 *
 * The answer is a reason code, never the error's message (which can name the host or quote
 * the values a statement was given).
 */

/** Why the database cannot be used now. */
export type UnavailableReason = 'UNREACHABLE' | 'CONNECTION_LOST' | 'TIMEOUT' | 'SHUTTING_DOWN' | 'TOO_MANY_CONNECTIONS';

const PRISMA_CODES: Readonly<Record<string, UnavailableReason>> = {
  P1001: 'UNREACHABLE',
  P1002: 'TIMEOUT',
  P1017: 'CONNECTION_LOST',
  P2024: 'TIMEOUT',
};

const ADAPTER_KINDS: Readonly<Record<string, UnavailableReason>> = {
  DatabaseNotReachable: 'UNREACHABLE',
  ConnectionClosed: 'CONNECTION_LOST',
  SocketTimeout: 'TIMEOUT',
  TooManyConnections: 'TOO_MANY_CONNECTIONS',
};

const SOCKET_CODES: Readonly<Record<string, UnavailableReason>> = {
  ECONNREFUSED: 'UNREACHABLE',
  ENOTFOUND: 'UNREACHABLE',
  EHOSTUNREACH: 'UNREACHABLE',
  ENETUNREACH: 'UNREACHABLE',
  EAI_AGAIN: 'UNREACHABLE',
  ECONNRESET: 'CONNECTION_LOST',
  EPIPE: 'CONNECTION_LOST',
  ETIMEDOUT: 'TIMEOUT',
};

/** PostgreSQL's SQLSTATE of a server that is going away or refusing connections. */
function postgresReason(sqlState: string): UnavailableReason | null {
  if (sqlState === '57P01' || sqlState === '57P02' || sqlState === '57P03') return 'SHUTTING_DOWN';
  if (sqlState === '53300') return 'TOO_MANY_CONNECTIONS';
  if (sqlState.startsWith('08')) return 'CONNECTION_LOST';
  return null;
}

type Inspected = { code?: unknown; kind?: unknown; message?: unknown; meta?: unknown; cause?: unknown; originalError?: unknown };

function reasonOfOne(error: Inspected): UnavailableReason | null {
  const code = typeof error.code === 'string' ? error.code : null;
  if (code && PRISMA_CODES[code]) return PRISMA_CODES[code];
  const adapter = (error.meta as { driverAdapterError?: { cause?: Inspected } } | undefined)?.driverAdapterError?.cause;
  if (adapter && typeof adapter.kind === 'string') {
    if (ADAPTER_KINDS[adapter.kind]) return ADAPTER_KINDS[adapter.kind]!;
    const state = (adapter as { code?: unknown; originalCode?: unknown }).originalCode ?? adapter.code;
    if (adapter.kind === 'postgres' && typeof state === 'string') return postgresReason(state);
  }
  if (typeof error.kind === 'string' && ADAPTER_KINDS[error.kind]) return ADAPTER_KINDS[error.kind]!;
  if (code && SOCKET_CODES[code]) return SOCKET_CODES[code];
  if (code && /^[0-9A-Z]{5}$/.test(code)) {
    const reason = postgresReason(code);
    if (reason) return reason;
  }
  const message = typeof error.message === 'string' ? error.message : '';
  if (/Connection terminated|Client has encountered a connection error|Connection ended unexpectedly/i.test(message))
    return 'CONNECTION_LOST';
  if (/timeout exceeded when trying to connect/i.test(message)) return 'TIMEOUT';
  if (/Can't reach database server/i.test(message)) return 'UNREACHABLE';
  return null;
}

/** The reason `error` (or an error it wraps: `cause`, GraphQL's `originalError`) says the database cannot be used now; null otherwise. */
export function databaseUnavailable(error: unknown): UnavailableReason | null {
  const seen = new Set<unknown>();
  for (let e = error; e && typeof e === 'object' && !seen.has(e);) {
    seen.add(e);
    const inspected = e as Inspected;
    const reason = reasonOfOne(inspected);
    if (reason) return reason;
    e = inspected.originalError ?? inspected.cause;
  }
  return null;
}
