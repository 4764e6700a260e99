import { resolveUnit, unresolvedMessage, type HierarchyIndex, type IsoDate, type Viewer } from '@antq/core';
import type { Database, DatabaseRole } from '@antq/db';
import { AuthenticationError } from './auth/tokens.js';
import type { Secrets } from './auth/secrets.js';
import { createHierarchyLoaders, type HierarchyLoaders } from './hierarchy/loaders.js';
import { clientKey, NO_RATE_LIMITS, type RateLimits } from './http/rate-limits.js';
import { DEFAULT_SETTINGS, type ServerSettings } from './settings.js';

/** What lives as long as the server: the database and the keys. */
export interface ServerServices {
  readonly db: Database;
  readonly secrets: Secrets;
  /** Parameters of the rules (see settings.ts); the defaults when not given. */
  readonly settings?: ServerSettings;
  /** The limits on clients' failures (http/rate-limits.ts); none when not given (the command line). */
  readonly rateLimits?: RateLimits;
}

/** What every resolver receives: the services, who is asking, today in Vietnam, the hierarchy, per-request loaders. */
export interface Context extends ServerServices {
  readonly settings: ServerSettings;
  readonly rateLimits: RateLimits;
  readonly viewer: Viewer;
  /** The address the request came from (http/rate-limits.ts), `unknown` off HTTP: what an anonymous client is counted as. */
  readonly clientAddress: string;
  /** The request's `Idempotency-Key` header, or null (mutation/idempotency.ts). */
  readonly idempotencyKey: string | null;
  /** Today in Vietnam: the default `asOf` of every question about the hierarchy. */
  readonly today: IsoDate;
  /** The units and lineage every unit-on-date and jurisdiction decision is taken on (access.ts). */
  readonly hierarchy: HierarchyIndex;
  readonly loaders: HierarchyLoaders;
  /** Correlates the audit log with the server's log. */
  readonly requestId: string;
  /**
   * Where the request's statements go (`ctx.db.prisma` is that server's client): the read
   * replica for a query when the database has one and the viewer has no write the replica
   * lacks, else the primary; a mutation is turned to the primary before it runs
   * (http/read-your-writes.ts), so that it reads, writes and answers on the primary.
   */
  readonly reads: RequestReads;
}

/** The server a request reads from, chosen once per request (see {@link Context.reads}). */
export interface RequestReads {
  readonly role: DatabaseRole;
  /** The viewer, as the database's read-your-writes marks name it (the rate limits' client key). */
  readonly key: string;
  /** From now on, this request's statements go to the primary. */
  toPrimary(): void;
}

/**
 * A fresh context for one request: loaders batch and cache within that request only. A
 * credential naming a unit that does not exist today (a province merged since it was
 * issued) is refused here, with what the unit became.
 */
export async function createContext(
  services: ServerServices,
  request: {
    viewer: Viewer;
    today: IsoDate;
    requestId: string;
    clientAddress?: string;
    idempotencyKey?: string | null;
    /** Read from the database's replica when it has one (`Database.reader`); default off: every statement on the primary (the command line's imports). */
    readFromReplica?: boolean;
  },
): Promise<Context> {
  const hierarchy = await services.db.hierarchy.load();
  const { viewer, today } = request;
  if (viewer.kind !== 'ANONYMOUS' && viewer.unitCode !== null) {
    const unit = resolveUnit(hierarchy, viewer.unitCode, today);
    if (unit.kind !== 'FOUND') {
      const why = unresolvedMessage(unit, viewer.kind === 'PARTNER' ? 'unit of the API key' : 'unit of the token');
      throw new AuthenticationError(
        viewer.kind === 'PARTNER' ? 'API_KEY_INVALID' : 'TOKEN_INVALID',
        viewer.kind === 'PARTNER'
          ? `${why.vi} Xin cấp khóa mới cho đơn vị hiện nay. / ${why.en} Ask for a new key for today's unit.`
          : `${why.vi} Xin cấp mã truy cập mới cho đơn vị hiện nay. / ${why.en} Ask for a new token for today's unit.`,
      );
    }
  }
  const { readFromReplica = false, ...given } = request;
  const primary = services.db;
  const key = clientKey(viewer, request.clientAddress ?? 'unknown');
  const chosen = readFromReplica ? await primary.reader(key) : { role: 'primary' as const, prisma: primary.prisma };
  let role: DatabaseRole = chosen.role;
  // The request's view of the database: every resolver reads `ctx.db.prisma`, the chosen server's client.
  const db: Database = Object.create(primary, {
    prisma: { get: () => (role === 'replica' ? chosen.prisma : primary.prisma), enumerable: true },
  }) as Database;
  const reads: RequestReads = {
    get role() {
      return role;
    },
    key,
    toPrimary: () => {
      role = 'primary';
    },
  };
  return {
    ...services,
    settings: services.settings ?? DEFAULT_SETTINGS,
    rateLimits: services.rateLimits ?? NO_RATE_LIMITS,
    clientAddress: 'unknown',
    idempotencyKey: null,
    ...given,
    db,
    reads,
    hierarchy,
    loaders: createHierarchyLoaders(() => db.prisma),
  };
}
