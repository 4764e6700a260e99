/**
 * The mutation pipeline's own tests, once for every mutation (mutation/define.ts): a probe
 * mutation on residential areas, defined here before the schema is built (this file's
 * schema only), goes through each step. Stale versions, the audit entry (exactly once, in
 * the act's transaction; none and nothing else written when the write fails), global IDs of
 * the wrong type, the permission, the core verdict: each answered by code and message, in
 * Vietnamese and English.
 */
import { judgeEnding } from '@antq/core';
import type { Database } from '@antq/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builder } from '../src/builder.js';
import { userErrors } from '../src/errors.js';
import { isoOf } from '../src/hierarchy/rows.js';
import { placedTarget } from '../src/movement/area-mutations.js';
import { ResidentialAreaRef } from '../src/movement/areas.js';
import { defineMutation } from '../src/mutation/define.js';
import { DateScalar } from '../src/scalars.js';
import { openPreparedDatabase } from './support/prepared-database.js';
import { seats, type Who } from './support/movement.js';
import { createTestServer, type TestServer } from './support/server.js';

const ProbeInput = builder.inputType('PipelineProbeInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    name: t.string({ required: true }),
    closedOn: t.field({ type: DateScalar }),
    /** Another act commits between this one's read and its write. */
    raced: t.boolean(),
    /** The write fails after it has changed the row. */
    failAfterWrite: t.boolean(),
  }),
});

defineMutation('pipelineProbe', {
  description: 'Renames an area: the pipeline’s probe.',
  input: ProbeInput,
  result: ResidentialAreaRef,
  permission: ['RESIDENTIAL_AREA', 'WRITE'],
  entity: 'ResidentialArea',
  ids: { id: 'ResidentialArea' },
  notFound: { vi: 'khu dân cư', en: 'residential area' },
  load: async (ctx, _input, { id }) => {
    const area = await ctx.db.prisma.residentialArea.findUnique({ where: { id }, include: { placements: true } });
    return area && placedTarget(area, area.placements, area.id, area.id, area.version);
  },
  versioned: { table: 'residentialArea', version: (input) => input.version },
  judge: async (ctx, input, area) => {
    const failures = input.closedOn ? judgeEnding({ startedOn: isoOf(area.validFrom), endedOn: null }, input.closedOn, ctx.today) : [];
    if (failures.length) throw userErrors.invalid(failures.map((f) => ({ path: ['closedOn'], message: f.code })));
    if (input.raced) await ctx.db.prisma.residentialArea.update({ where: { id: area.id }, data: { version: { increment: 1 } } });
    return input;
  },
  write: async (tx, input, area) => {
    const row = await tx.residentialArea.update({ where: { id: area.id }, data: { name: input.name } });
    if (input.failAfterWrite) throw new Error('the disk is full');
    return row;
  },
});

const COMMUNE = '25195';
let db: Database;
let server: TestServer;
const as = {} as Record<Who, Record<string, string>>;
let area: { id: string; globalId: string };

beforeAll(async () => {
  db = await openPreparedDatabase();
  server = createTestServer(db);
  Object.assign(as, await seats(db, COMMUNE, '00000000-0000-0000-0000-000000000001'));
  const commune = await db.prisma.adminUnit.findFirstOrThrow({ where: { code: COMMUNE, validTo: null } });
  const row = await db.prisma.residentialArea.create({
    data: {
      name: 'Ấp Thử',
      kind: 'AP',
      validFrom: new Date('2026-01-01T00:00:00Z'),
      searchText: 'ap thu',
      placements: {
        create: { communeId: commune.id, communeCode: COMMUNE, placeCodes: [COMMUNE, '75'], validFrom: new Date('2026-01-01T00:00:00Z') },
      },
    },
  });
  area = { id: row.id, globalId: Buffer.from(`ResidentialArea:${row.id}`).toString('base64') };
});
afterAll(() => db?.close());

const PROBE = `mutation($i: PipelineProbeInput!) { pipelineProbe(input: $i) { result {
  __typename ... on UserError { code message messageVi messageEn } ... on ValidationError { fields { path message } }
  ... on ConflictError { currentVersion } ... on ResidentialArea { name version } } } }`;

const current = () => db.prisma.residentialArea.findUniqueOrThrow({ where: { id: area.id } });
const entries = () => db.prisma.auditEntry.findMany({ where: { action: 'pipelineProbe' }, orderBy: { at: 'asc' } });

/** Runs the probe; answers its result, what the act audited, and the area after it. */
async function probe(input: Record<string, unknown>, who: Who = 'commune') {
  const before = (await entries()).length;
  const body = await server.query<any>(PROBE, { i: { id: area.globalId, name: 'Ấp Mới', ...input } }, as[who]);
  return { body, result: body.data?.pipelineProbe.result, audited: (await entries()).slice(before), area: await current() };
}

describe('the mutation pipeline', () => {
  it('writes, bumps the version and audits the act exactly once, in the act’s transaction', async () => {
    const { version } = await current();
    const statements: string[] = [];
    const stop = db.onQuery((e) => statements.push(e.query));
    const { result, audited } = await probe({ version, name: 'Ấp Đổi Tên' });
    stop();
    expect(result).toEqual({ __typename: 'ResidentialArea', name: 'Ấp Đổi Tên', version: version + 1 });
    expect(audited.map((e) => [e.outcome, e.entity, e.entityId, e.placeCodes])).toEqual([
      ['OK', 'ResidentialArea', area.globalId, [COMMUNE, '75']],
    ]);
    // The version bump, the write and the audit entry, then the transaction's one COMMIT (the driver logs no BEGIN).
    const bump = statements.findIndex((s) => /^UPDATE "public"\."ResidentialArea" SET "version"/.test(s));
    const commits = statements.flatMap((s, i) => (/COMMIT/.test(s) ? [i] : []));
    expect(bump).toBeGreaterThanOrEqual(0);
    expect(commits).toHaveLength(1);
    const inside = statements.slice(bump, commits[0]);
    expect(inside.map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual([
      'UPDATE "public"."ResidentialArea" SET',
      'UPDATE "public"."ResidentialArea" SET',
      'INSERT INTO "public"."AuditEntry"',
    ]);
    expect(statements.filter((s) => s.startsWith('INSERT INTO "public"."AuditEntry"'))).toHaveLength(1);
  });

  it('answers a stale version with ConflictError and the current version, audited, writing nothing', async () => {
    const before = await current();
    const { result, audited, area: after } = await probe({ version: before.version - 1 });
    expect(result).toEqual({
      __typename: 'ConflictError',
      code: 'CONFLICT',
      currentVersion: before.version,
      messageVi: `Bản ghi đã được người khác sửa (phiên bản hiện tại ${before.version}): tải lại rồi thử lại.`,
      messageEn: `Someone else changed this record (now version ${before.version}): reload and try again.`,
      message: `Bản ghi đã được người khác sửa (phiên bản hiện tại ${before.version}): tải lại rồi thử lại. / Someone else changed this record (now version ${before.version}): reload and try again.`,
    });
    expect(audited.map((e) => e.outcome)).toEqual(['CONFLICT']);
    expect(after).toEqual(before);
  });

  it('answers ConflictError when another act commits between the read and the write (the optimistic write), writing nothing', async () => {
    const before = await current();
    const { result, audited, area: after } = await probe({ version: before.version, raced: true });
    expect(result).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT', currentVersion: before.version + 1 });
    expect(result.messageEn).toMatch(/now version/);
    expect(audited.map((e) => [e.outcome, e.entityId])).toEqual([['CONFLICT', area.globalId]]);
    expect(after.name).toBe(before.name);
  });

  it('leaves no audit entry and no partial write when the write fails', async () => {
    const before = await current();
    const { body, audited, area: after } = await probe({ version: before.version, failAfterWrite: true });
    expect(body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(audited).toEqual([]);
    expect(after).toEqual(before);
  });

  it.each([
    ['of another type', () => Buffer.from(`Model:${area.id}`).toString('base64')],
    ['that is malformed', () => 'not-an-id'],
  ])('answers NotFoundError naming the argument for a global ID %s, audited', async (_name, id) => {
    const before = await current();
    const body = await server.query<any>(PROBE, { i: { id: id(), version: before.version, name: 'X' } }, as.commune);
    const result = body.data.pipelineProbe.result;
    expect(result).toMatchObject({
      __typename: 'NotFoundError',
      code: 'NOT_FOUND',
      messageVi: 'Không tìm thấy khu dân cư: input.id không phải là ID của một ResidentialArea.',
      messageEn: 'No such residential area: input.id is not the ID of a ResidentialArea.',
    });
    expect((await entries()).at(-1)!.outcome).toBe('NOT_FOUND');
    expect(await current()).toEqual(before);
  });

  it.each([
    ['a partner, whom the policy never lets write', 'partner', 'FORBIDDEN'],
    ['an area leader, who may read areas but not write them', 'leader', 'FORBIDDEN'],
    ['an officer of another province, who may not see the area', 'otherProvince', 'NOT_FOUND'],
  ] as const)('refuses %s, audited, writing nothing', async (_name, who, code) => {
    const before = await current();
    const { result, audited, area: after } = await probe({ version: before.version }, who);
    expect(result.code).toBe(code);
    expect(result).toMatchObject(
      code === 'FORBIDDEN'
        ? {
            __typename: 'ForbiddenError',
            messageVi: 'Bạn không có quyền thực hiện thao tác này.',
            messageEn: 'You are not allowed to do this.',
          }
        : { __typename: 'NotFoundError', messageVi: 'Không tìm thấy khu dân cư.', messageEn: 'No such residential area.' },
    );
    expect(audited.map((e) => e.outcome)).toEqual([code]);
    expect(after).toEqual(before);
  });

  it('answers a refusing core verdict with ValidationError naming the field, audited, writing nothing', async () => {
    const before = await current();
    const { result, audited, area: after } = await probe({ version: before.version, closedOn: '2099-01-01' });
    expect(result).toEqual({
      __typename: 'ValidationError',
      code: 'VALIDATION',
      fields: [{ path: ['input', 'closedOn'], message: 'IN_THE_FUTURE' }],
      messageVi: 'Dữ liệu nhập chưa hợp lệ: xem từng trường.',
      messageEn: 'Some input is not valid: see each field.',
      message: 'Dữ liệu nhập chưa hợp lệ: xem từng trường. / Some input is not valid: see each field.',
    });
    expect(audited.map((e) => [e.outcome, e.entityId])).toEqual([['VALIDATION', area.globalId]]);
    expect(after).toEqual(before);
  });
});
