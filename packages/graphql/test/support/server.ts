/** A server over a test database, driven through `yoga.fetch`: no port is opened. */
import type { Database } from '@antq/db';
import { createAntqYoga, type AntqYoga } from '../../src/index.js';

export interface TestServer {
  readonly db: Database;
  readonly yoga: AntqYoga;
  /** Runs a GraphQL operation and returns its JSON body. */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLBody<T>>;
  /** Runs an operation and returns its body with the SQL statements it sent. */
  queryCounting<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<{ body: GraphQLBody<T>; statements: string[] }>;
}

export interface GraphQLBody<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

/** Today in these tests: a day after the last reorganisation in the data. */
export const TEST_TODAY = new Date('2026-06-01T03:00:00Z');

export function createTestServer(db: Database): TestServer {
  const yoga = createAntqYoga({ db, clock: () => TEST_TODAY, graphiql: false });
  const query = async <T>(q: string, variables?: Record<string, unknown>) => {
    const response = await yoga.fetch('http://antq.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: q, variables }),
    });
    return (await response.json()) as GraphQLBody<T>;
  };
  return {
    db,
    yoga,
    query,
    async queryCounting(q, variables) {
      const statements: string[] = [];
      const stop = db.onQuery((e) => statements.push(e.query));
      try {
        return { body: await query(q, variables), statements };
      } finally {
        stop();
      }
    },
  };
}
