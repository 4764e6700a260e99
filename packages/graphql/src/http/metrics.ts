/**
 * Prometheus metrics at `GET /metrics`, for an operator's scraper. Off unless the server has a
 * `metricsToken` (settings.ts, `ANTQ_METRICS_TOKEN`): then `/metrics` answers only a request
 * sent with `Authorization: Bearer <token>` (compared in constant time), and 401 any other.
 *
 * Each server has a prom-client registry of its own, never prom-client's global default one:
 * two servers in a process (tests, an embedding program) count apart.
 *
 * Labels are operation names, error codes and statuses, nothing else: never variables, the
 * document, results, messages, who asked or from where (the request's URL, which a GET
 * request's variables are part of, is not a label). An operation is named as the request log
 * names it (request-log.ts `shownOperationName`: a name that could hold a phone or ID number is
 * not shown); `Anonymous` when it has no name, `(other)` when its name is not shown or when
 * the server has seen {@link MAX_OPERATION_NAMES} other names already (clients choose names:
 * they must not grow the metrics without end).
 *
 * | metric | labels | what |
 * |---|---|---|
 * | `graphql_envelop_request` | operationName, operationType | operations executed (counter) |
 * | `graphql_envelop_request_duration` | operationName, operationType | seconds from parse to the end of execution (histogram) |
 * | `graphql_yoga_http_duration` | operationName, operationType, method, statusCode | seconds of the HTTP request of an operation (histogram) |
 * | `antq_graphql_errors_total` | operationName, code | errors in GraphQL answers, by `extensions.code` (counter) |
 * | `antq_db_statement_duration_seconds` | | SQL statements the client sent (histogram) |
 * | `antq_db_pool_connections` | state (busy, idle), role (primary, replica) | each PostgreSQL pool's open connections (gauge) |
 * | `antq_db_pool_max`, `antq_db_pool_waiting` | role | its most connections, and queries waiting for one (gauges) |
 * | `antq_db_replica_fallbacks`, `antq_db_replica_pinned_viewers` | | with a read replica: statements it could not take (answered by the primary), viewers reading from the primary for their writes (gauges) |
 *
 * The first three are `@graphql-yoga/plugin-prometheus`'s, with these labels. Errors are
 * counted from every answer `/graphql` gives (a refusal before execution, such as a body over
 * its limit or a credential that is not valid, included), with the code the client receives.
 * Statements are observed through the database's one statement hook (`db.onQuery`, which
 * tests count statements with). The pool's gauges exist on PostgreSQL only: PGlite is one
 * connection inside the process, with no pool to report.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Database, PoolUse } from '@antq/db';
import { createCounter, createHistogram, usePrometheus, type FillLabelsFnParams } from '@graphql-yoga/plugin-prometheus';
import { getOperationAST, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { clusterScrape } from './cluster.js';
import { errorResponse } from './error-response.js';
import { errorCodeOf, shownOperationName } from './request-log.js';

/** The most operation names a server labels metrics with; later ones are `(other)`. */
export const MAX_OPERATION_NAMES = 200;

const ANONYMOUS = 'Anonymous';
const OTHER = '(other)';
/** An error's operation when the request failed before its document was parsed. */
const NONE = '(none)';

const UNAUTHORIZED =
  'Cần mã truy cập số liệu vận hành: gửi "Authorization: Bearer <mã>" với mã ANTQ_METRICS_TOKEN của máy chủ. / ' +
  'The metrics need their token: send "Authorization: Bearer <token>" with the server\'s ANTQ_METRICS_TOKEN.';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether `authorization` is `Bearer <token>`, compared in constant time (digests of equal length). */
function authorizes(authorization: string | null, expected: Buffer): boolean {
  const given = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), expected);
}

/** The label of an operation's name (see the module's comment); one per server, for the cap. */
function operationLabeller(): (name: string | null | undefined) => string {
  const seen = new Set<string>();
  return (name) => {
    if (!name) return ANONYMOUS;
    const shown = shownOperationName(name);
    if (shown === null) return OTHER;
    if (!seen.has(shown)) {
      if (seen.size >= MAX_OPERATION_NAMES) return OTHER;
      seen.add(shown);
    }
    return shown;
  };
}

/** The plugins that count and serve the metrics of a server over `db`; none when there is no token. */
export function metricsPlugins({ db, token, cluster = false }: { db: Database; token: string | null; cluster?: boolean }): Plugin[] {
  if (token === null) return [];
  const expected = digest(token);
  const registry = new Registry();
  const operationName = operationLabeller();
  const operationLabels = (params: FillLabelsFnParams) => ({
    operationName: operationName(params.operationName),
    operationType: params.operationType ?? 'unknown',
  });
  const OPERATION = ['operationName', 'operationType'] as const;

  const errors = new Counter({
    name: 'antq_graphql_errors_total',
    help: 'Errors in GraphQL answers, by operation and extensions.code',
    labelNames: ['operationName', 'code'] as const,
    registers: [registry],
  });
  const statements = new Histogram({
    name: 'antq_db_statement_duration_seconds',
    help: 'Duration of the SQL statements the server sent',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // A worker of `antq serve --workers N` answers the whole server's figures (cluster.ts).
  const scrape = cluster ? clusterScrape(registry) : () => registry.metrics();
  const stopObserving = db.onQuery((e) => statements.observe(e.durationMs / 1000));
  // Each pool by role: the primary's, and the read replica's when there is one (DATABASE_REPLICA_URL).
  const pools = (): Array<{ role: 'primary' | 'replica'; use: PoolUse }> => {
    const primary = db.poolUse();
    if (!primary) return [];
    return [{ role: 'primary', use: primary }, ...(db.replica ? [{ role: 'replica' as const, use: db.replica.poolUse() }] : [])];
  };
  if (db.poolUse()) {
    new Gauge({
      name: 'antq_db_pool_connections',
      help: 'Open connections of the PostgreSQL pools, by state and role (primary, replica)',
      labelNames: ['state', 'role'] as const,
      registers: [registry],
      collect() {
        for (const { role, use } of pools()) {
          this.set({ state: 'busy', role }, use.open - use.idle);
          this.set({ state: 'idle', role }, use.idle);
        }
      },
    });
    new Gauge({
      name: 'antq_db_pool_max',
      help: 'The most connections each PostgreSQL pool opens, by role',
      labelNames: ['role'] as const,
      registers: [registry],
      collect() {
        for (const { role, use } of pools()) this.set({ role }, use.max);
      },
    });
    new Gauge({
      name: 'antq_db_pool_waiting',
      help: 'Queries waiting for a connection of each PostgreSQL pool, by role',
      labelNames: ['role'] as const,
      registers: [registry],
      collect() {
        for (const { role, use } of pools()) this.set({ role }, use.waiting);
      },
    });
  }
  if (db.replica) {
    const replica = db.replica;
    new Gauge({
      name: 'antq_db_replica_fallbacks',
      help: 'Statements the read replica could not take, answered by the primary, since the server started',
      registers: [registry],
      collect() {
        this.set(replica.fallbacks);
      },
    });
    new Gauge({
      name: 'antq_db_replica_pinned_viewers',
      help: 'Viewers reading from the primary for a write the read replica has not replayed yet',
      registers: [registry],
      collect() {
        this.set(replica.pinned);
      },
    });
  }

  // The operation of each request, for its errors: named once its document is parsed.
  const operationOf = new WeakMap<Request, string>();
  const counting: Plugin = {
    onParse({ context }) {
      const { request, params } = context as { request?: Request; params?: { operationName?: string | null } };
      return ({ result }) => {
        if (!request || !result || result instanceof Error) return;
        const name = params?.operationName || getOperationAST(result as DocumentNode)?.name?.value;
        operationOf.set(request, operationName(name));
      };
    },
    onResultProcess({ request, result }) {
      if (Symbol.asyncIterator in result) return; // streams are not used
      for (const answer of Array.isArray(result) ? result : [result]) {
        for (const error of answer.errors ?? []) errors.inc({ operationName: operationOf.get(request) ?? NONE, code: errorCodeOf(error) });
      }
    },
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/metrics') return;
      if (request.method !== 'GET') return endResponse(new Response(null, { status: 405, headers: { allow: 'GET' } }));
      if (!authorizes(request.headers.get('authorization'), expected)) {
        return endResponse(errorResponse('UNAUTHENTICATED', UNAUTHORIZED, { 'www-authenticate': 'Bearer' }));
      }
      return scrape().then((text) =>
        endResponse(new Response(text, { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } })),
      );
    },
    onDispose: () => void stopObserving(),
  };

  return [
    usePrometheus({
      registry,
      endpoint: false, // served above, behind the token
      metrics: {
        graphql_envelop_request: createCounter({
          registry,
          counter: { name: 'graphql_envelop_request', help: 'GraphQL operations executed', labelNames: OPERATION },
          fillLabelsFn: operationLabels,
        }),
        graphql_envelop_request_duration: createHistogram({
          registry,
          histogram: {
            name: 'graphql_envelop_request_duration',
            help: 'Seconds from parsing a GraphQL operation to the end of its execution',
            labelNames: OPERATION,
          },
          fillLabelsFn: operationLabels,
        }),
        graphql_yoga_http_duration: createHistogram({
          registry,
          histogram: {
            name: 'graphql_yoga_http_duration',
            help: 'Seconds of the HTTP request of a GraphQL operation',
            labelNames: [...OPERATION, 'method', 'statusCode'] as const,
          },
          fillLabelsFn: (params: FillLabelsFnParams & { request: Request; response: Response }) => ({
            ...operationLabels(params),
            method: params.request.method,
            statusCode: params.response.status,
          }),
          phases: ['request'],
        }),
        graphql_envelop_request_time_summary: false,
        graphql_envelop_phase_parse: false,
        graphql_envelop_phase_validate: false,
        graphql_envelop_phase_context: false,
        graphql_envelop_phase_execute: false,
        graphql_envelop_phase_subscribe: false,
        graphql_envelop_error_result: false, // antq_graphql_errors_total counts every answer's errors, with their code
        graphql_envelop_deprecated_field: false,
        graphql_envelop_schema_change: false,
        graphql_envelop_execute_resolver: false,
      },
    }),
    counting,
  ];
}
