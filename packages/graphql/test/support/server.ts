/** A server over a test database, driven through `yoga.fetch`: no port is opened. */
import { resolveUnit, territoryOn, type IsoDate, type OfficerRole, type PartnerScope } from '@antq/core';
import { figureScopeOf, type FigureScope } from '../../src/report/section.js';
import type { Database } from '@antq/db';
import { afterAll, beforeAll } from 'vitest';
import { openPreparedDatabase } from './prepared-database.js';
import { issueApiKey } from '../../src/auth/api-keys.js';
import { issueToken } from '../../src/auth/tokens.js';
import type { Secrets } from '../../src/auth/secrets.js';
import { createAntqYoga, type AntqYoga, type LogSink, type YogaOptions } from '../../src/index.js';

/** Fixed keys for tests. */
export const TEST_SECRETS: Secrets = { jwtSecret: Buffer.from('antq-test-secret-0123456789abcdefghij'), dataKey: Buffer.alloc(32, 7) };

/**
 * The code of the unit that `code` (a unit of the demo data's dates, such as a commune of
 * 2024) is on `TEST_TODAY`: itself, or the one unit it passed wholly into. Tokens must name
 * a unit of today (TOKEN_INVALID otherwise), so the officers of the demo data's units are
 * the officers of what those units became.
 */
export async function unitToday(db: Database, code: string): Promise<string> {
  const found = resolveUnit(await db.hierarchy.load(), code, TEST_TODAY.toISOString().slice(0, 10));
  if (found.kind === 'FOUND') return found.unit.code;
  const [only, ...more] = found.kind === 'NOT_ON_DATE' ? found.became : [];
  if (!only || more.length || only.kind !== 'FULL') throw new Error(`unit ${code} did not pass wholly into one unit of today`);
  return only.unit.code;
}

/** The codes of the units linked (wholly or partly) into today's unit `code` by the reorganisation, read from the lineage table. */
export async function predecessorCodes(db: Database, code: string): Promise<string[]> {
  const links = await db.prisma.lineageLink.findMany({
    where: { successor: { code, validTo: null } },
    select: { predecessor: { select: { code: true } } },
  });
  return links.map((l) => l.predecessor.code).sort();
}

/** A report's figure scope for `unitCode` on `to`, as movement-report.ts builds it (the unit's territory then, through the lineage). */
export async function figureScope(db: Database, unitCode: string, from: IsoDate, to: IsoDate): Promise<FigureScope> {
  const index = await db.hierarchy.load();
  const found = resolveUnit(index, unitCode, to);
  if (found.kind !== 'FOUND') throw new Error(`no unit ${unitCode} on ${to}`);
  return figureScopeOf({ unit: found.unit, date: to, territory: territoryOn(index, found.unit, to) }, from, to);
}

/** A token for an officer, signed with the test key. */
export function tokenFor(
  role: OfficerRole,
  unitCode: string | null,
  options: { areaId?: string; ttl?: string; subject?: string } = {},
): Promise<string> {
  return issueToken(TEST_SECRETS.jwtSecret, {
    role,
    unitCode,
    areaId: options.areaId ?? null,
    subject: options.subject ?? `${role}@${unitCode}`,
    ttl: options.ttl ?? '1h',
  });
}

/** Who a test asks as: officers around one commune, a national officer and a partner (by API key). */
export type Who = 'commune' | 'otherCommune' | 'province' | 'otherProvince' | 'national' | 'leader' | 'partner';

/**
 * The request headers of each `Who`: the officers of `commune` and of `otherCommune` (codes
 * of any era; their tokens name what those communes are today), of today's Đồng Nai (75) and
 * of Hà Nội (01), a national officer, the leader of `areaId` (in `commune`), and a partner
 * holding `partnerScopes`.
 */
export async function viewersAround(
  db: Database,
  around: { commune: string; otherCommune: string; areaId: string; partnerScopes: PartnerScope[] },
): Promise<Record<Who, Record<string, string>>> {
  const bearer = async (t: Promise<string>) => ({ authorization: `Bearer ${await t}` });
  const commune = await unitToday(db, around.commune);
  const partner = await issueApiKey(db.prisma, { name: 'Sở Y tế', scopes: around.partnerScopes, issuedBy: 'test' });
  return {
    commune: await bearer(tokenFor('COMMUNE_OFFICER', commune)),
    otherCommune: await bearer(tokenFor('COMMUNE_OFFICER', await unitToday(db, around.otherCommune))),
    province: await bearer(tokenFor('PROVINCE_OFFICER', '75')),
    otherProvince: await bearer(tokenFor('PROVINCE_OFFICER', '01')),
    national: await bearer(tokenFor('NATIONAL', null)),
    leader: await bearer(tokenFor('AREA_LEADER', commune, { areaId: around.areaId })),
    partner: { 'x-api-key': partner.key },
  };
}

export interface TestServer {
  readonly db: Database;
  readonly yoga: AntqYoga;
  /** Runs a GraphQL operation and returns its JSON body. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLBody<T>>;
  /** The raw response, for status codes and headers. */
  request(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<Response>;
  /** Runs an operation and returns its body with the SQL statements it sent. */
  queryCounting<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ body: GraphQLBody<T>; statements: string[] }>;
}

export interface GraphQLBody<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

/** Today in these tests: a day after the last reorganisation in the data. */
export const TEST_TODAY = new Date('2026-06-01T03:00:00Z');

/** `options`: extensions, the federation subgraph, or settings, as `createAntqYoga` takes them. */
export function createTestServer(
  db: Database,
  log: LogSink = () => {},
  options: Pick<YogaOptions, 'extensions' | 'federation' | 'settings' | 'tracing'> = {},
): TestServer {
  const yoga = createAntqYoga({ db, secrets: TEST_SECRETS, clock: () => TEST_TODAY, graphiql: false, log, ...options });
  const request = (q: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) =>
    Promise.resolve(
      yoga.fetch('http://antq.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: q, variables }),
      }),
    );
  const query = async <T>(q: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
    (await (await request(q, variables, headers)).json()) as GraphQLBody<T>;
  return {
    db,
    yoga,
    request,
    query,
    async queryCounting(q, variables, headers) {
      // The units and lineage are read once per database (db.hierarchy), not per request: not counted.
      await db.hierarchy.load();
      const statements: string[] = [];
      const stop = db.onQuery((e) => statements.push(e.query));
      try {
        return { body: await query(q, variables, headers), statements };
      } finally {
        stop();
      }
    },
  };
}

/**
 * For a test file: an in-memory copy of the prepared database and a server over it,
 * opened before the tests and closed after. Read `.db` and `.server` inside tests.
 */
export function usePreparedServer(): { readonly db: Database; readonly server: TestServer } {
  const state = {} as { db: Database; server: TestServer };
  beforeAll(async () => {
    state.db = await openPreparedDatabase();
    state.server = createTestServer(state.db);
  });
  afterAll(() => state.db?.close());
  return state;
}
