import { randomUUID } from 'node:crypto';
import { ANONYMOUS, vietnamDateOf } from '@antq/core';
import type { Database } from '@antq/db';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError } from 'graphql';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { authenticate, type Authenticated } from '../auth/authenticate.js';
import type { Secrets } from '../auth/secrets.js';
import { AuthenticationError, tokenVerifier } from '../auth/tokens.js';
import { createContext, type Context } from '../context.js';
import { idempotencyKeyOf } from '../mutation/idempotency.js';
import type { AntqExtension } from '../extend.js';
import { antqSchema } from '../schema.js';
import { serverSettings, type ServerSettings } from '../settings.js';
import { useReportDownloads } from '../report/download.js';
import { useBodyLimit } from './body-limit.js';
import { clientKey, rateLimitsOf, useClientAddress } from './rate-limits.js';
import { DEFAULT_LIMITS, limitPlugins, type Limits } from './limits.js';
import { useNamedInputErrors } from './input-errors.js';
import { maskErrors } from './masked-errors.js';
import { metricsPlugins } from './metrics.js';
import { probePlugins } from './probes.js';
import { useReadYourWrites } from './read-your-writes.js';
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
  /** The OpenTelemetry spans of each operation: `(await startTracing())?.plugin` (tracing.ts); none by default. */
  readonly tracing?: Plugin;
  /**
   * This server is a worker of `antq serve --workers N` (node:cluster, see cluster.ts): its
   * `/metrics` answers the sum over all the workers, gathered by the primary (default: off,
   * the figures of this server alone).
   */
  readonly clusterMetrics?: boolean;
}

export type AntqYoga = YogaServerInstance<Record<string, never>, Context>;

/**
 * The GraphQL server as a fetch handler: `/graphql` (with GraphiQL, served whole from this
 * server: nothing loads from another host), `/health` and `/ready` (JSON, see probes.ts),
 * `/live` (graphql-yoga's own liveness probe: an empty 200), the report downloads
 * (`/reports/movement.xlsx`, `.csv`) and, with a metrics token, `/metrics` (Prometheus, see
 * metrics.ts). Mount it on node:http, or call
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
  tracing,
  clusterMetrics = false,
}: YogaOptions): AntqYoga {
  const schema = antqSchema({ extensions, federation });
  const settings = serverSettings(given);
  const verifyToken = tokenVerifier({ secret: secrets.jwtSecret, jwksUrl: jwks?.url, issuer: jwks?.issuer, audience: jwks?.audience });
  // One authentication per request, shared by the persisted-operations check and the context.
  const authentications = new WeakMap<Request, Promise<Authenticated>>();
  // Credentials that are not valid are counted per address: spent, RATE_LIMITED (rate-limits.ts).
  const rateLimits = rateLimitsOf(settings);
  const clients = useClientAddress(settings.trustProxy);
  const signIn = (request: Request) =>
    request.headers.has('authorization') || request.headers.has('x-api-key')
      ? rateLimits.signIn.attempt(
          clientKey(ANONYMOUS, clients.addressOf(request)),
          () => authenticate(request, verifyToken, db.prisma),
          () => false,
          (error) => error instanceof AuthenticationError,
        )
      : authenticate(request, verifyToken, db.prisma);
  const authOf = (request: Request) => {
    let found = authentications.get(request);
    if (!found) authentications.set(request, (found = signIn(request)));
    return found;
  };
  const services = { db, secrets, settings, rateLimits };

  return createYoga<Record<string, never>, Context>({
    schema,
    context: async ({ request }) => {
      try {
        const { viewer } = await authOf(request);
        return await createContext(services, {
          viewer,
          today: vietnamDateOf(clock()),
          requestId: randomUUID(),
          clientAddress: clients.addressOf(request),
          idempotencyKey: idempotencyKeyOf(request),
          readFromReplica: true,
        });
      } catch (error) {
        if (error instanceof AuthenticationError) throw unauthenticated(error);
        throw error;
      }
    },
    logging: yogaLogger(log),
    // Errors from below the API: masked, or said as DATABASE_UNAVAILABLE (masked-errors.ts).
    maskedErrors: { maskError: maskErrors },
    graphqlEndpoint: '/graphql',
    // graphql-yoga answers this path itself, with an empty 200; /health is probes.ts's JSON.
    healthCheckEndpoint: '/live',
    landingPage: false,
    graphiql: graphiql && { title: 'antq', defaultQuery: GRAPHIQL_DEFAULT_QUERY },
    // GraphiQL's page with its scripts, styles and workers inline, from the installed
    // package (not a CDN): it works on a closed network. Rendered once per set of options: it is 9 MB.
    renderGraphiQL: (options) => {
      const key = JSON.stringify(options ?? {});
      let page = graphiqlPages.get(key);
      if (page === undefined) graphiqlPages.set(key, (page = renderGraphiQL(options)));
      return page;
    },
    plugins: [
      ...(tracing ? [tracing] : []),
      clients.plugin,
      ...probePlugins(db),
      // Before the limits: an operation they stop is counted too.
      ...metricsPlugins({ db, token: settings.metricsToken, cluster: clusterMetrics }),
      useNamedInputErrors(),
      useReadYourWrites(db),
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
      useReportDownloads({ services, viewerOf: async (request) => (await authOf(request)).viewer, clock, log }),
      useBodyLimit(settings.maxBodyBytes),
      useRequestLog(log),
    ],
  });
}

/** GraphiQL's page for each set of options (one, in practice). */
const graphiqlPages = new Map<string, string>();

/** What GraphiQL shows on first open: the demo's 866 residential areas of Bình Phước, and how to sign in to see them. */
export const GRAPHIQL_DEFAULT_QUERY = `# antq: Vietnam's units and the movement, on any date.
#
# Residential areas need sign-in. In a terminal:
#   pnpm antq token --role national
# then, in the Headers tab below:
#   { "Authorization": "Bearer <the token>" }
# and run (the play button, or Ctrl+Enter).
# Published figures need no sign-in, e.g.
#   coverage(unitCode: "70", asOf: "2024-12-31") {
#     residentialAreas modelTypes }
{
  residentialAreas(unitCode: "70", asOf: "2024-12-31",
                   first: 3) {
    totalCount
    edges { node { name kind commune { fullName } } }
  }
}
`;

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
  // A request with neither a query nor a hash: a client's mistake, so 400 (graphql-over-http).
  keyNotFound: {
    message:
      'Thiếu truy vấn GraphQL: gửi "query" (GET /graphql?query=… hoặc POST JSON {"query": "…"}), hoặc mã băm của thao tác đã đăng ký. / ' +
      'No GraphQL query: send "query" (GET /graphql?query=… or POST JSON {"query": "…"}), or the hash of a registered operation (PersistedQueryKeyNotFound).',
    extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED', http: { status: 400 } },
  },
};

function unauthenticated(error: AuthenticationError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      reason: error.code,
      ...(error.why ? { why: error.why } : {}),
      http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } },
    },
  });
}
