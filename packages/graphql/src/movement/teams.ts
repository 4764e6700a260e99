/**
 * Security teams (Tổ bảo vệ an ninh, trật tự ở cơ sở, Law 30/2023/QH15) in GraphQL: a team
 * with its commune, the residential areas it covers, its members (personal data masked as
 * for model members) and its yearly evaluations. Who sees a team follows TEAM_MEMBER READ
 * through access.ts's one scope: a team is filed under the commune version of its
 * establishment (`communeId`), so it is seen under that commune's territory on a date and
 * within every jurisdiction of today that commune passed into.
 */
import { EDUCATION_LEVELS, TEAM_EVALUATION_LEVELS, TEAM_ROLES } from '@antq/core';
import type { Prisma } from '@antq/db';
import type { ObjectRef } from '@pothos/core';
import { filedUnder, mayAccess, uuidOrNone, type ScopeContext, type UnitArg } from '../access.js';
import { builder } from '../builder.js';
import { AdminUnitRef, unitOnDateArgs } from '../hierarchy/schema.js';
import { dateColumn, isoOf } from '../hierarchy/rows.js';
import { checkPageSize, connectionComplexity } from '../pagination.js';
import { filteredList } from '../filtered-list.js';
import { DateScalar } from '../scalars.js';
import { totalCountPerPage } from '../related-counts.js';
import { ResidentialAreaRef } from './areas.js';

export const TeamRoleEnum = builder.enumType('TeamRole', { description: 'Tổ trưởng, tổ phó, tổ viên.', values: TEAM_ROLES });
export const EducationLevelEnum = builder.enumType('EducationLevel', { values: EDUCATION_LEVELS });
export const TeamEvaluationLevelEnum = builder.enumType('TeamEvaluationLevel', {
  description: 'Guidance 01/HD-BCA-V05: xuất sắc, tốt, hoàn thành, không hoàn thành nhiệm vụ.',
  values: TEAM_EVALUATION_LEVELS,
});

/** The ResidentialArea type as a typed ref (areas.ts exports it by name only). */
const AreaType = ResidentialAreaRef as unknown as ObjectRef<
  (typeof builder)['$inferSchemaTypes'],
  Prisma.ResidentialAreaGetPayload<object>
>;

/**
 * Teams the viewer may read (TEAM_MEMBER READ: a team is filed under the commune version it
 * was formed in; an area leader sees the teams covering their area); with `within`, only
 * those under that unit on its date and existing then (established on or before it, not
 * dissolved before it).
 */
export function teamWhere(ctx: ScopeContext, within?: UnitArg): Prisma.SecurityTeamWhereInput {
  const filed = filedUnder(ctx, 'TEAM_MEMBER', 'communeId', within, (areaId) => ({ areas: { some: { residentialAreaId: areaId } } }));
  if (!within) return filed;
  const day = dateColumn(within.date);
  return { AND: [filed, { establishedOn: { lte: day } }, { OR: [{ dissolvedOn: null }, { dissolvedOn: { gte: day } }] }] };
}

/**
 * Whether the viewer may read a team (and so its members' names) reached through another
 * record: the same TEAM_MEMBER READ as {@link teamWhere}, decided on the loaded row. A team
 * is placed by its commune, and for area leaders by the areas it covers (give `areas` then).
 */
export function mayReadTeam(
  ctx: ScopeContext,
  team: { communeId: string; placeCodes: readonly string[]; areas?: ReadonlyArray<{ residentialAreaId: string }> },
): boolean {
  const areaIds = [null, ...(team.areas ?? []).map((a) => a.residentialAreaId)];
  return areaIds.some((areaId) => mayAccess(ctx, 'TEAM_MEMBER', 'READ', { unitId: team.communeId, unitCodes: team.placeCodes, areaId }));
}

/** Personal fields are shown only to those the policy lets read members' personal data (as models.ts). */
const personal = <T>(value: T, ctx: ScopeContext): T | null => (mayAccess(ctx, 'TEAM_MEMBER', 'READ_PERSONAL') ? value : null);

const TeamMemberNode = builder.prismaNode('TeamMember', {
  id: { field: 'id' },
  description: 'A member of a security team. Identity number, phone, address and date of birth are null unless you may see personal data.',
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNone(id), team: teamWhere(ctx) }),
  fields: (t) => ({
    fullName: t.exposeString('fullName'),
    role: t.field({ type: TeamRoleEnum, resolve: (m) => m.role }),
    joinedOn: t.field({ type: DateScalar, resolve: (m) => isoOf(m.joinedOn) }),
    leftOn: t.field({
      type: DateScalar,
      nullable: true,
      description: 'Last day in the team; null: still a member.',
      resolve: (m) => isoOf(m.leftOn),
    }),
    education: t.field({ type: EducationLevelEnum, resolve: (m) => m.education }),
    birthDate: t.field({ type: DateScalar, nullable: true, resolve: (m, _a, ctx) => personal(isoOf(m.birthDate), ctx) }),
    citizenId: t.string({ nullable: true, resolve: (m, _a, ctx) => personal(m.citizenId, ctx) }),
    phone: t.string({ nullable: true, resolve: (m, _a, ctx) => personal(m.phone, ctx) }),
    address: t.string({ nullable: true, resolve: (m, _a, ctx) => personal(m.address, ctx) }),
  }),
});

builder.prismaNode('TeamEvaluation', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNone(id), team: teamWhere(ctx) }),
  description: 'A team’s yearly evaluation (Guidance 01/HD-BCA-V05): year N is 15 Nov N−1 to 14 Nov N.',
  fields: (t) => ({
    year: t.exposeInt('year'),
    tasksAssigned: t.exposeInt('tasksAssigned'),
    tasksCompleted: t.exposeInt('tasksCompleted'),
    level: t.field({ type: TeamEvaluationLevelEnum, resolve: (e) => e.level }),
    version: t.exposeInt('version'),
  }),
});

const SecurityTeamNode = builder.prismaNode('SecurityTeam', {
  id: { field: 'id' },
  description:
    'A security team (Tổ bảo vệ an ninh, trật tự ở cơ sở, Law 30/2023/QH15) of a commune, covering one or more residential areas.',
  // Outside the jurisdiction, or missing: the same null.
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNone(id), AND: [teamWhere(ctx)] }),
  fields: (t) => ({
    name: t.exposeString('name'),
    establishedOn: t.field({ type: DateScalar, resolve: (s) => isoOf(s.establishedOn) }),
    dissolvedOn: t.field({
      type: DateScalar,
      nullable: true,
      description: 'Last day it existed; null: it still does.',
      resolve: (s) => isoOf(s.dissolvedOn),
    }),
    version: t.exposeInt('version', { description: 'Send it back with a change: a stale one is refused.' }),
    isDemo: t.boolean({ description: 'Part of the demo data, not of any real province’s records.', resolve: (s) => s.datasetId !== null }),
    commune: t.field({
      type: AdminUnitRef,
      description: 'The commune it was formed in, seen on establishedOn.',
      select: { commune: true },
      resolve: (s) => ({ row: s.commune, asOf: isoOf(s.establishedOn) }),
    }),
    areas: t.field({
      type: [AreaType],
      description: 'The residential areas it covers.',
      select: (_args, _ctx, nested) => ({ areas: { orderBy: { residentialAreaId: 'asc' }, select: { residentialArea: nested(true) } } }),
      resolve: (s) => s.areas.map((a) => a.residentialArea),
    }),
    members: t.relatedConnection(
      'members',
      {
        cursor: 'id',
        description: 'Its members, past (leftOn set) and present, in the order they were recorded.',
        complexity: connectionComplexity,
        query: (args) => (checkPageSize(args), { orderBy: { id: 'asc' } }),
      },
      totalCountPerPage('SecurityTeam.members', (ctx, ids) =>
        ctx.db.prisma.teamMember
          .groupBy({ by: ['teamId'], where: { teamId: { in: ids } }, _count: { _all: true } })
          .then((rows) => rows.map((r) => [r.teamId, r._count._all] as const)),
      ),
    ),
    evaluations: t.relation('evaluations', { query: { orderBy: { year: 'desc' } } }),
  }),
});

builder.queryField('securityTeams', (t) =>
  t.prismaConnection({
    type: 'SecurityTeam',
    description:
      'Security teams existing on asOf (default today) filed under a unit (a commune, or anything above it), within your jurisdiction, by creation.',
    authScopes: { allowed: ['TEAM_MEMBER', 'READ'] as const },
    args: unitOnDateArgs,
    ...filteredList(
      (db) => db.securityTeam,
      (ctx, args: { unitCode: string; asOf?: string | null }) => teamWhere(ctx, { code: args.unitCode, date: args.asOf ?? ctx.today }),
      { id: 'asc' },
    ),
  }),
);

/** The SecurityTeam type, typed, for fields of other records that lead to a team (check {@link mayReadTeam}). */
export const SecurityTeamType = SecurityTeamNode;

/** The SecurityTeam and TeamMember types, for mutation payloads. */
export const SecurityTeamRef: { readonly name: string } = SecurityTeamNode;
export const TeamMemberRef: { readonly name: string } = TeamMemberNode;
