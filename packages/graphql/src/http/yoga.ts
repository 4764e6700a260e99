import { vietnamDateOf } from '@antq/core';
import type { Database } from '@antq/db';
import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import { createContext, type Context } from '../context.js';
import { antqSchema } from '../schema.js';

export interface YogaOptions {
  readonly db: Database;
  /** The clock that decides "today" in Vietnam; tests pin it. */
  readonly clock?: () => Date;
  /** GraphiQL at /graphql in a browser (default: on). */
  readonly graphiql?: boolean;
}

export type AntqYoga = YogaServerInstance<Record<string, never>, Context>;

/**
 * The GraphQL server as a fetch handler: `/graphql` (with GraphiQL), `/health` (the
 * process answers) and `/ready` (the database answers). Mount it on node:http, or call
 * `yoga.fetch` in tests without opening a port.
 */
export function createAntqYoga({ db, clock = () => new Date(), graphiql = true }: YogaOptions): AntqYoga {
  return createYoga<Record<string, never>, Context>({
    schema: antqSchema(),
    context: () => createContext(db, vietnamDateOf(clock())),
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
    ],
  });
}
