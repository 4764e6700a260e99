import { randomUUID } from 'node:crypto';
import { vietnamDateOf } from '@antq/core';
import type { Database } from '@antq/db';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError } from 'graphql';
import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import { authenticate, type Authenticated } from '../auth/authenticate.js';
import type { Secrets } from '../auth/secrets.js';
import { AuthenticationError, tokenVerifier } from '../auth/tokens.js';
import { createContext, type Context } from '../context.js';
import type { AntqExtension } from '../extend.js';
import { antqSchema } from '../schema.js';
import { serverSettings, type ServerSettings } from '../settings.js';
import { useReportDownloads } from '../report/download.js';
import { DEFAULT_LIMITS, limitPlugins, type Limits } from './limits.js';
import { useUploadLimit } from '../imports/upload-limit.js';
import { stderrSink, useRequestLog, yogaLogger, type LogSink } from './request-log.js';

export interface YogaOptions {
  readonly db: Database;
  readonly secrets: Secrets;
  /** An identity provider's JWKS, to accept its tokens instead of this server's own. */
  readonly jwks?: { url: string; issuer?: string; audience?: string };
  /** The clock that decides "today" in Vietnam; tests pin it. */
  readonly clock?: () => Date;
  /** GraphiQL at /graphql in a browser (default: on). */
  readonly graphiql?: boolean;
  readonly limits?: Limits;
  /** Where the log goes (default: JSON lines on stderr). It never receives personal data. */
  readonly log?: LogSink;
  /** Parameters of the rules (see settings.ts); each one left out keeps its default. */
  readonly settings?: Partial<ServerSettings>;
  /** Other packages' additions to the schema (see extend.ts); run `migrateExtensions` first. */
  readonly extensions?: readonly AntqExtension[];
  /** Serve an Apollo Federation subgraph (`_service`, `_entities`) for a gateway (default: off). */
  readonly federation?: boolean;
}

export type AntqYoga = YogaServerInstance<Record<string, never>, Context>;

/**
 * The GraphQL server as a fetch handler: `/graphql` (with GraphiQL), `/health` (the
 * process answers), `/ready` (the database answers) and the report downloads
 * (`/reports/movement.xlsx`, `.csv`). Mount it on node:http, or call
 * `yoga.fetch` in tests without opening a port.
 */
export function createAntqYoga({
  db,
  secrets,
  jwks,
  clock = () => new Date(),
  graphiql = true,
  limits = DEFAULT_LIMITS,
  log = stderrSink,
  settings: given,
  extensions,
  federation,
}: YogaOptions): AntqYoga {
  const schema = antqSchema({ extensions, federation });
  const settings = serverSettings(given);
  const verifyToken = tokenVerifier({ secret: secrets.jwtSecret, jwksUrl: jwks?.url, issuer: jwks?.issuer, audience: jwks?.audience });
  // One authentication per request, shared by the persisted-operations check and the context.
  const authentications = new WeakMap<Request, Promise<Authenticated>>();
  const authOf = (request: Request) => {
    let found = authentications.get(request);
    if (!found) authentications.set(request, (found = authenticate(request, verifyToken, db.prisma)));
    return found;
  };

  return createYoga<Record<string, never>, Context>({
    schema,
    context: async ({ request }) => {
      try {
        const { viewer } = await authOf(request);
        return createContext({ db, secrets, settings }, { viewer, today: vietnamDateOf(clock()), requestId: randomUUID() });
      } catch (error) {
        if (error instanceof AuthenticationError) throw unauthenticated(error);
        throw error;
      }
    },
    logging: yogaLogger(log),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: graphiql && {
      title: 'antq',
      defaultQuery: `# The provinces of Vietnam today, and their communes\n{\n  adminUnits(level: PROVINCE, first: 5) {\n    totalCount\n    edges { node { code fullName children(first: 3) { totalCount edges { node { code fullName } } } } }\n  }\n}\n`,
    },
    plugins: [
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          await db.prisma.$queryRaw`SELECT 1`;
        },
      }),
      usePersistedOperations({
        // Partners register operations for their key; a key may be held to those alone.
        allowArbitraryOperations: async (request) => {
          try {
            return !(await authOf(request)).persistedOnly;
          } catch {
            return true; // let the context refuse the credential with a 401
          }
        },
        getPersistedOperation: async (hash, request) => {
          // A credential that is not valid gets its 401 here, not a misleading "not found".
          const { viewer } = await authOf(request).catch((error: unknown) => {
            throw error instanceof AuthenticationError ? unauthenticated(error) : error;
          });
          if (viewer.kind !== 'PARTNER') return null;
          const op = await db.prisma.persistedOperation.findFirst({
            where: { hash, apiKey: { prefix: viewer.keyId } },
            select: { document: true },
          });
          return op?.document ?? null;
        },
        customErrors: PERSISTED_OPERATION_ERRORS,
      }),
      ...limitPlugins(schema, limits),
      // GET /reports/movement.xlsx and .csv: the movement report as a download, same auth as GraphQL.
      useReportDownloads({ services: { db, secrets, settings }, viewerOf: async (request) => (await authOf(request)).viewer, clock }),
      useUploadLimit(),
      useRequestLog(log),
    ],
  });
}

/**
 * What a partner hears about persisted operations: Apollo's codes and words (its clients
 * look for them), and the same in Vietnamese and English.
 */
const PERSISTED_OPERATION_ERRORS = {
  notFound: {
    message: 'Thao tác này chưa được đăng ký cho khóa API. / This operation is not registered for this API key (PersistedQueryNotFound).',
    extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
  },
  persistedQueryOnly: {
    message:
      'Khóa API này chỉ chạy được các thao tác đã đăng ký: gửi extensions.persistedQuery.sha256Hash. / This API key may run only its registered operations: send extensions.persistedQuery.sha256Hash (PersistedQueryOnly).',
    extensions: { code: 'PERSISTED_QUERY_ONLY' },
  },
  keyNotFound: {
    message:
      'Thiếu truy vấn hoặc mã băm của thao tác đã đăng ký. / Send a query, or the hash of a registered operation (PersistedQueryKeyNotFound).',
    extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED' },
  },
};

function unauthenticated(error: AuthenticationError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { code: 'UNAUTHENTICATED', reason: error.code, http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } } },
  });
}
