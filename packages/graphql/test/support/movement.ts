/** What the movement's mutation tests share: who acts, and a catalogue of model types of their own. */
import type { Database } from '@antq/db';
import { issueApiKey } from '../../src/auth/api-keys.js';
import { expect } from 'vitest';
import { tokenFor, type TestServer } from './server.js';

export type Who = 'commune' | 'otherCommune' | 'province' | 'otherProvince' | 'national' | 'partner' | 'leader';

/**
 * Request headers for each kind of viewer around `commune` (of province 75): its officer,
 * another commune's (25210), the province's and another province's (01), national, a
 * partner with read scopes, and the leader of area `leaderAreaId`.
 */
export async function seats(db: Database, commune: string, leaderAreaId: string): Promise<Record<Who, Record<string, string>>> {
  const bearer = async (t: Promise<string>) => ({ authorization: `Bearer ${await t}` });
  return {
    commune: await bearer(tokenFor('COMMUNE_OFFICER', commune)),
    otherCommune: await bearer(tokenFor('COMMUNE_OFFICER', '25210')),
    province: await bearer(tokenFor('PROVINCE_OFFICER', '75')),
    otherProvince: await bearer(tokenFor('PROVINCE_OFFICER', '01')),
    national: await bearer(tokenFor('NATIONAL', null)),
    leader: await bearer(tokenFor('AREA_LEADER', commune, { areaId: leaderAreaId })),
    partner: {
      'x-api-key': (await issueApiKey(db.prisma, { name: 'Sở Y tế', scopes: ['read:areas', 'read:models'], issuedBy: 'test' })).key,
    },
  };
}

/** A provincial catalogue `code` of 75 with a type for residential areas and one for organizations; their IDs. */
export async function testModelTypes(db: Database, code: string): Promise<{ raType: string; orgType: string }> {
  const catalogue = await db.prisma.modelCatalogue.create({
    data: {
      code,
      name: 'Danh mục thử',
      scope: 'PROVINCIAL',
      provinceCode: '75',
      types: {
        create: [
          {
            code: 'TANND',
            name: 'Tổ an ninh nhân dân',
            category: 'CRIME_PREVENTION',
            hostKinds: ['RESIDENTIAL_AREA', 'COMMUNE'],
            searchText: 'to an ninh nhan dan',
          },
          {
            code: 'DNAT',
            name: 'Doanh nghiệp an toàn',
            category: 'CRIME_PREVENTION',
            hostKinds: ['ORGANIZATION'],
            searchText: 'doanh nghiep an toan',
          },
        ],
      },
    },
    include: { types: true },
  });
  return { raType: catalogue.types.find((t) => t.code === 'TANND')!.id, orgType: catalogue.types.find((t) => t.code === 'DNAT')!.id };
}

/**
 * `run` sends a mutation (its one input as `$i`) as a viewer and answers its `result`;
 * `refusedWith` runs one expected to fail and checks that nothing was written (`counts` of
 * the tables the mutations write are unchanged) but the refusal's audit entry, with its code.
 * `get` is read at each call: the server and the viewers are made in `beforeAll`.
 */
export function mutationHelpers<W extends string>(
  get: () => { server: TestServer; db: Database; as: Record<W, Record<string, string>> },
  counts: () => Promise<unknown>,
) {
  const run = async (query: string, input: Record<string, unknown>, who: W | Record<string, string> = 'commune' as W, on?: TestServer) => {
    const { server, as } = get();
    const r = await (on ?? server).query<any>(query, { i: input }, typeof who === 'string' ? as[who] : who);
    expect(r.errors).toBeUndefined();
    return Object.values(r.data as Record<string, { result: any }>)[0]!.result;
  };
  const refusedWith = async (
    query: string,
    action: string,
    input: Record<string, unknown>,
    who: W | Record<string, string> = 'commune' as W,
  ) => {
    const { db } = get();
    const before = await counts();
    const audited = await db.prisma.auditEntry.count({ where: { action } });
    const result = await run(query, input, who);
    expect(await counts()).toEqual(before);
    const entries = await db.prisma.auditEntry.findMany({ where: { action }, orderBy: { at: 'asc' } });
    expect(entries).toHaveLength(audited + 1);
    expect(result.code).not.toBe(undefined);
    expect(entries.at(-1)!.outcome).toBe(result.code);
    return result;
  };
  /** Each act of the table refused in turn (see refusedWith), its answer matching the last column. */
  const refusesEach = async (acts: ReadonlyArray<readonly [string, string, Record<string, unknown>, Record<string, unknown>]>) => {
    for (const [query, action, input, expected] of acts) expect(await refusedWith(query, action, input)).toMatchObject(expected);
  };
  return { run, refusedWith, refusesEach };
}
