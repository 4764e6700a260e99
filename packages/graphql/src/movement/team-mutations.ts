/**
 * Mutations on security teams (Law 30/2023/QH15): form a team with its areas and members,
 * assign a member, remove one. Each checks the policy (TEAM_MEMBER WRITE at the team's
 * place), validates with core's input schemas and rules (member eligibility, team
 * composition under the province's team-size pack), writes with its audit entry in one
 * transaction, and answers a typed error otherwise, audited too. Changes to a team name
 * the version they read.
 *
 * Team size: the pack in force for the commune's province on the date (core's packs and
 * the demo's) gives the number of members. When the province has no pack, or one of the
 * areas lacks the figure the pack counts (households or residents), only the leadership
 * is checked (exactly one leader): the size is not.
 *
 * Error messages never carry personal data: failures name the member by position and the
 * rule by code, not the dates or numbers they were judged on.
 */
import {
  checkMemberEligibility,
  judgeEnding,
  checkTeamComposition,
  checkTeamEvaluation,
  ELIGIBILITY_FAILURE_LABELS,
  LAW_30_IN_FORCE_FROM,
  prescribedTeamSize,
  securityTeamInput,
  TEAM_COMPOSITION_FAILURE_LABELS,
  TEAM_EVALUATION_FAILURE_LABELS,
  TEAM_SIZE_PACKS,
  teamEvaluationInput,
  teamEvaluationPeriod,
  teamMemberInput,
  type EligibilityFailureCode,
  type IsoDate,
  type Label,
  type TeamCompositionFailure,
  type TeamRole,
  type TeamSizePack,
} from '@antq/core';
import { DEMO_TEAM_SIZE_PACK, type Prisma } from '@antq/db';
import { mayAccess } from '../access.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { userErrors, type UserError, refuseInvalid } from '../errors.js';
import { placeCodesUntil, namedCommune } from '../hierarchy/place.js';
import { dateColumn, isoOf } from '../hierarchy/rows.js';
import { DateScalar } from '../scalars.js';
import { actsOn, defineMutation, type Target } from '../mutation/define.js';
import { parseInput, stripNulls, zodError, notInFuture } from '../mutations.js';
import { AREA, placedTarget, placementHolds } from './area-mutations.js';
import { EducationLevelEnum, SecurityTeamRef, TeamEvaluationLevelEnum, TeamRoleEnum } from './teams.js';

export const TEAM: Label = { vi: 'tổ bảo vệ an ninh, trật tự', en: 'security team' };
const MEMBER: Label = { vi: 'thành viên tổ', en: 'team member' };

/**
 * The team-size packs a team of `areas` is judged by: core's (the provinces' own rules),
 * and the demo's illustrative pack only for a team of demo areas (every area from a
 * dataset): a pack made up for the demo never judges real data.
 */
export function teamSizePacksFor(areas: ReadonlyArray<{ datasetId: string | null }>): readonly TeamSizePack[] {
  return areas.length > 0 && areas.every((a) => a.datasetId !== null) ? [...TEAM_SIZE_PACKS, DEMO_TEAM_SIZE_PACK] : TEAM_SIZE_PACKS;
}

type FieldError = { path: string[]; message: string };

// ─── Members as input ───────────────────────────────────────────────────────────────

const TeamMemberInput = builder.inputType('TeamMemberInput', {
  description: 'A member and what eligibility is judged on (Law 30/2023/QH15, Circular 14/2024/TT-BCA).',
  fields: (t) => ({
    fullName: t.string({ required: true }),
    birthDate: t.field({ type: DateScalar, required: true }),
    citizenId: t.string({ description: '12-digit citizen identity number.' }),
    phone: t.string(),
    address: t.string(),
    role: t.field({ type: TeamRoleEnum, required: true }),
    joinedOn: t.field({
      type: DateScalar,
      description: 'Default: the team’s establishedOn (formSecurityTeam) or today (assignTeamMember).',
    }),
    education: t.field({ type: EducationLevelEnum, required: true }),
    residentSince: t.field({ type: DateScalar, description: 'Since when they have lived in the area; null: not resident.' }),
    cleanRecord: t.boolean({ required: true }),
    hasHealthCertificate: t.boolean({ required: true }),
    over70ApprovedByCommuneChairman: t.boolean({ description: 'Over 70: healthy and accepted by the commune chairman’s decision.' }),
  }),
});
export type MemberArg = typeof TeamMemberInput.$inferInput;

/** Which input field each eligibility failure is about. */
const FAILURE_FIELD: Record<EligibilityFailureCode, string> = {
  LAW_NOT_IN_FORCE: 'joinedOn',
  UNDER_18: 'birthDate',
  OVER_70_WITHOUT_APPROVAL: 'birthDate',
  RECORD_NOT_CLEAN: 'cleanRecord',
  EDUCATION_TOO_LOW: 'education',
  RESIDENCE_UNDER_ONE_YEAR: 'residentSince',
  NO_HEALTH_CERTIFICATE: 'hasHealthCertificate',
};

type ParsedMember = ReturnType<typeof teamMemberInput.parse>;

/**
 * Parses a member with core's schema and judges their eligibility on the day they join;
 * every failure is a field error under `at` (e.g. ["members", "2", "birthDate"]).
 */
export function judgeMember(
  arg: MemberArg,
  at: string[],
  defaultJoinedOn: IsoDate,
  today: IsoDate,
  earliest: IsoDate,
): { member?: ParsedMember; errors: FieldError[] } {
  const m = stripNulls(arg);
  const parsed = teamMemberInput.safeParse({
    teamId: 'new',
    person: stripNulls({ fullName: m.fullName, birthDate: m.birthDate, citizenId: m.citizenId, phone: m.phone, address: m.address }),
    role: m.role,
    joinedOn: m.joinedOn ?? defaultJoinedOn,
    education: m.education,
    residentSince: m.residentSince ?? null,
    cleanRecord: m.cleanRecord,
    hasHealthCertificate: m.hasHealthCertificate,
    over70ApprovedByCommuneChairman: m.over70ApprovedByCommuneChairman ?? false,
  });
  if (!parsed.success) {
    // Core nests the person's fields under `person`; the input has them flat.
    return {
      errors: parsed.error.issues.map((i) => ({
        path: [...at, ...i.path.map(String).filter((p, n) => !(n === 0 && p === 'person'))],
        message: i.message,
      })),
    };
  }
  const member = parsed.data;
  const joinedOn = member.joinedOn as IsoDate;
  const errors: FieldError[] = [
    ...(joinedOn > today ? [{ path: [...at, 'joinedOn'], message: 'must not be in the future' }] : []),
    ...(joinedOn < earliest ? [{ path: [...at, 'joinedOn'], message: `must not be before the team was established (${earliest})` }] : []),
  ];
  const verdict = checkMemberEligibility(
    {
      birthDate: member.person.birthDate as IsoDate,
      cleanRecord: member.cleanRecord,
      education: member.education,
      residentSince: member.residentSince as IsoDate | null,
      hasHealthCertificate: member.hasHealthCertificate,
      over70ApprovedByCommuneChairman: member.over70ApprovedByCommuneChairman,
    },
    // Whether the commune is a border, mountain or ethnic-minority area is not stored yet: judged as not.
    { date: joinedOn, borderMountainOrEthnicMinorityArea: false },
  );
  // The rule's code and label only: never the dates or ages it was judged on.
  for (const f of verdict.failures)
    errors.push({
      path: [...at, FAILURE_FIELD[f.code]],
      message: `${f.code}: ${ELIGIBILITY_FAILURE_LABELS[f.code].en} / ${ELIGIBILITY_FAILURE_LABELS[f.code].vi}`,
    });
  return { member, errors };
}

/** The row of a member, for a create. */
export function memberData(m: ParsedMember) {
  return {
    fullName: m.person.fullName,
    birthDate: dateColumn(m.person.birthDate as IsoDate),
    citizenId: m.person.citizenId ?? null,
    phone: m.person.phone ?? null,
    address: m.person.address ?? null,
    role: m.role,
    joinedOn: dateColumn(m.joinedOn as IsoDate),
    education: m.education,
    residentSince: m.residentSince ? dateColumn(m.residentSince as IsoDate) : null,
    cleanRecord: m.cleanRecord,
    hasHealthCertificate: m.hasHealthCertificate,
    over70ApprovedByCommuneChairman: m.over70ApprovedByCommuneChairman,
  };
}

/** The prescribed size of a team covering `areas` in `provinceCode` on `date`, or null when no pack (or figure) gives one. */
export function prescribedSize(
  provinceCode: string,
  areas: ReadonlyArray<{ households: number | null; residents: number | null; datasetId: string | null }>,
  date: IsoDate,
): number | null {
  const sum = (k: 'households' | 'residents') => (areas.every((a) => a[k] !== null) ? areas.reduce((s, a) => s + a[k]!, 0) : undefined);
  // Key areas (địa bàn trọng điểm) are not stored yet: judged as ordinary.
  const size = prescribedTeamSize(
    teamSizePacksFor(areas),
    { provinceCode, households: sum('households'), residents: sum('residents'), keyArea: false },
    date,
  );
  return size.ok ? size.members : null;
}

const compositionMessage = (f: TeamCompositionFailure) =>
  `${f.code}: ${TEAM_COMPOSITION_FAILURE_LABELS[f.code].en}${'expected' in f ? ` (prescribed ${f.expected}, given ${f.actual})` : ''} / ${TEAM_COMPOSITION_FAILURE_LABELS[f.code].vi}`;

/** Composition failures of `roles` (size only when `prescribed` is known), keeping those `keep` lets through. */
export function compositionErrors(
  roles: readonly TeamRole[],
  prescribed: number | null,
  path: string[],
  keep: (f: TeamCompositionFailure) => boolean = () => true,
): FieldError[] {
  const verdict = checkTeamComposition(roles, prescribed ?? roles.length);
  return verdict.failures.filter(keep).map((f) => ({ path, message: compositionMessage(f) }));
}

export const provinceOf = (placeCodes: readonly string[]) => placeCodes.find((c) => /^\d{2}$/.test(c)) ?? '';

// ─── formSecurityTeam ───────────────────────────────────────────────────────────────

const FormInput = builder.inputType('FormSecurityTeamInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    communeCode: t.string({ required: true, description: 'The 5-digit code of its commune on establishedOn.' }),
    areaIds: t.idList({
      required: true,
      description: 'The residential areas it covers: placed in that commune on establishedOn, not covered by another team then.',
    }),
    establishedOn: t.field({
      type: DateScalar,
      required: true,
      description: 'Not before 2024-07-01 (Law 30/2023/QH15), nor in the future.',
    }),
    members: t.field({
      type: [TeamMemberInput],
      required: true,
      description: 'Each must be eligible on joinedOn; exactly one LEADER; as many as the province’s pack prescribes.',
    }),
  }),
});

const MEMBERS_NOT_ELIGIBLE: Label = {
  vi: 'Có thành viên chưa đủ điều kiện: xem từng trường.',
  en: 'Some members are not eligible or not valid: see each field.',
};
const teamAreas = {
  placements: true,
  securityTeams: { include: { team: { select: { establishedOn: true, dissolvedOn: true } } } },
} as const;

/**
 * Where a new team is filed, as the pipeline's target: its commune on the day it is
 * established (and every unit that commune has since passed into, so that today's officers
 * find it), with each of its areas, which must be visible (as node(id:) answers), else NOT_FOUND.
 */
async function newTeamTarget(ctx: Context, input: typeof FormInput.$inferInput, areaIds: string[]) {
  const { name, communeCode, establishedOn } = input;
  const team = parseInput(
    securityTeamInput,
    { name, communeCode, residentialAreaIds: areaIds, establishedOn },
    { residentialAreaIds: 'areaIds' },
  );
  const on = team.establishedOn as IsoDate;
  refuseInvalid(notInFuture(ctx.today, { establishedOn: on }));
  const [place, found] = await Promise.all([
    namedCommune(ctx, team.communeCode, on),
    ctx.db.prisma.residentialArea.findMany({ where: { id: { in: areaIds } }, include: teamAreas }),
  ]);
  const byId = new Map(found.map((a) => [a.id, a]));
  const areas = areaIds.map((id) => byId.get(id)).filter((a) => a !== undefined);
  if (areas.length < areaIds.length) throw userErrors.notFound(AREA);
  // Filed under its place then and every unit it has since passed into, so today's officers find it.
  const placeCodes = await placeCodesUntil(ctx, place, ctx.today);
  // Each area must be visible (as node(id:) answers), else NOT_FOUND.
  const alsoSeen = areas.map((a) => ({
    resource: 'RESIDENTIAL_AREA' as const,
    at: placedTarget(a, a.placements, a.id, a.id).seenAt!,
    notFound: AREA,
  }));
  return { row: { team, on, place, placeCodes, areas }, placeCodes, actsAt: { unitCodes: placeCodes }, alsoSeen };
}

/** Each area of a new team must lie in its commune on the day, and no other team may cover it then. */
function teamAreaProblems(
  areas: ReadonlyArray<Prisma.ResidentialAreaGetPayload<{ include: typeof teamAreas }>>,
  communeId: string,
  communeCode: string,
  on: IsoDate,
) {
  return areas.flatMap((area, i): FieldError[] => {
    const path = ['areaIds', String(i)];
    if (!area.placements.some((p) => placementHolds(p, on) && p.communeId === communeId))
      return [{ path, message: `the residential area is not placed in commune ${communeCode} on ${on}` }];
    const covering = area.securityTeams.some(
      ({ team: t }) => isoOf(t.establishedOn) <= on && (t.dissolvedOn === null || isoOf(t.dissolvedOn) >= on),
    );
    return covering ? [{ path, message: `the residential area is already covered by a security team on ${on}` }] : [];
  });
}

/** The members of a new team, each eligible (Law 30/2023/QH15), and the team: its areas free and in its commune, its composition as the pack prescribes. */
function judgeNewTeam(
  ctx: Context,
  input: typeof FormInput.$inferInput,
  { on, place, areas, team }: Awaited<ReturnType<typeof newTeamTarget>>['row'],
) {
  const judged = input.members.map((m, i) => judgeMember(m, ['members', String(i)], on, ctx.today, on));
  refuseInvalid(
    judged.flatMap((j) => j.errors),
    MEMBERS_NOT_ELIGIBLE,
  );
  const members = judged.map((j) => j.member!);
  const prescribed = prescribedSize(provinceOf(place.codes), areas, on);
  refuseInvalid([
    ...teamAreaProblems(areas, place.commune.id, team.communeCode, on),
    ...compositionErrors(
      members.map((m) => m.role),
      prescribed,
      ['members'],
    ),
  ]);
  return members;
}

defineMutation('formSecurityTeam', {
  description:
    'Form a security team in a commune of your jurisdiction with its areas and members. Members are checked for eligibility (Law 30/2023/QH15) and the team for its composition: ' +
    'exactly one leader and, when the province has a team-size pack in force on establishedOn, the prescribed number of members (otherwise the size is not checked).',
  input: FormInput,
  result: SecurityTeamRef,
  permission: ['TEAM_MEMBER', 'WRITE'],
  entity: 'SecurityTeam',
  ids: { areaIds: ['ResidentialArea'] },
  notFound: AREA,
  load: (ctx, input, { areaIds }) => newTeamTarget(ctx, input, areaIds),
  judge: (ctx, input, row) => judgeNewTeam(ctx, input, row),
  write: (tx, members, { team, on, place, placeCodes, areas }) =>
    tx.securityTeam.create({
      data: {
        name: team.name,
        communeId: place.commune.id,
        communeCode: place.commune.code,
        placeCodes,
        establishedOn: dateColumn(on),
        areas: { create: areas.map((a) => ({ residentialAreaId: a.id })) },
        members: { create: members.map(memberData) },
      },
    }),
});

// ─── The team an officer changes ────────────────────────────────────────────────────

export const teamForWrite = { areas: { include: { residentialArea: true } }, members: true } satisfies Prisma.SecurityTeamInclude;
export type TeamRow = Prisma.SecurityTeamGetPayload<{ include: typeof teamForWrite }>;
/** What deciding who may change a team reads: its places and its areas' IDs (an evaluation needs no more). */
const teamForJudging = { areas: { select: { residentialAreaId: true } } } satisfies Prisma.SecurityTeamInclude;
type JudgedTeam = Prisma.SecurityTeamGetPayload<{ include: typeof teamForJudging }>;
/**
 * Where a team sits, for the policy: its places; an area leader sees and acts on the teams
 * covering their own area.
 */
function teamPlacement(ctx: Context, team: Pick<JudgedTeam, 'placeCodes' | 'areas'>) {
  const viewer = ctx.viewer;
  const leaderArea = viewer.kind === 'OFFICER' && viewer.role === 'AREA_LEADER' ? (viewer.areaId ?? null) : null;
  const areaId = leaderArea && team.areas.some((a) => a.residentialAreaId === leaderArea) ? leaderArea : null;
  return { unitCodes: team.placeCodes, areaId };
}

/** A team as a mutation's target. */
function teamTarget<T extends JudgedTeam>(ctx: Context, team: T): Target<T> {
  const at = teamPlacement(ctx, team);
  return { row: team, id: team.id, version: team.version, placeCodes: team.placeCodes, seenAt: at, actsAt: at };
}

/** Not visible at all: NOT_FOUND (as node(id:) answers null); visible but not writable: FORBIDDEN. (For the spreadsheet import.) */
export function judgeTeam(ctx: Context, team: Pick<JudgedTeam, 'placeCodes' | 'areas'>): UserError | null {
  const at = teamPlacement(ctx, team);
  if (!mayAccess(ctx, 'TEAM_MEMBER', 'READ', at)) return userErrors.notFound(TEAM);
  if (!mayAccess(ctx, 'TEAM_MEMBER', 'WRITE', at)) return userErrors.forbidden();
  return null;
}

/** The team of `id` as a target, with what `include` reads. */
async function loadTeam<Include extends typeof teamForWrite | typeof teamForJudging>(ctx: Context, id: string, include: Include) {
  // Either include reads the areas' IDs that judging needs.
  const team = (await ctx.db.prisma.securityTeam.findUnique({ where: { id }, include })) as
    (Prisma.SecurityTeamGetPayload<{ include: Include }> & JudgedTeam) | null;
  return team && teamTarget(ctx, team);
}

export const activeOn = (m: { joinedOn: Date; leftOn: Date | null }, date: IsoDate) =>
  isoOf(m.joinedOn) <= date && (m.leftOn === null || isoOf(m.leftOn) >= date);

// ─── New members of a team, as assignTeamMember and the spreadsheet import judge them ─

export type JudgedMember = { member?: ParsedMember; errors: FieldError[] };

/**
 * Members joining an existing team, each judged as assignTeamMember judges one: valid and
 * eligible on joinedOn (default today, not before the team was formed nor before Law 30
 * took effect), the team not dissolved by then, not already a member (by citizen ID), and
 * the team, with everyone present on that day and the newcomers before it that passed, neither larger than
 * its province's pack prescribes nor with a second leader. Errors sit under each one's `at`.
 */
export function judgeNewMembers(
  ctx: Pick<Context, 'today'>,
  team: TeamRow,
  joining: ReadonlyArray<{ arg: MemberArg; at: string[] }>,
): JudgedMember[] {
  const established = isoOf(team.establishedOn);
  const earliest = established > LAW_30_IN_FORCE_FROM ? established : LAW_30_IN_FORCE_FROM;
  const judged = joining.map(({ arg, at }) => ({ at, ...judgeMember(arg, at, ctx.today, ctx.today, earliest) }));
  const dissolved = isoOf(team.dissolvedOn);
  // In order: each newcomer is judged with the team as it is with those before it that passed.
  const before: TeamRole[] = [];
  return judged.map(({ at, member, errors }) => {
    if (!member) return { errors };
    const on = member.joinedOn as IsoDate;
    const present = team.members.filter((m) => activeOn(m, on));
    const all = [
      ...errors,
      ...(dissolved && on > dissolved ? [{ path: ['teamId'], message: `the team was dissolved on ${dissolved}` }] : []),
      ...(member.person.citizenId && present.some((m) => m.citizenId === member.person.citizenId)
        ? [{ path: [...at, 'citizenId'], message: 'is already a member of this team' }]
        : []),
      ...compositionErrors(
        [...present.map((m) => m.role), ...before, member.role],
        prescribedSize(
          provinceOf(team.placeCodes),
          team.areas.map((a) => a.residentialArea),
          on,
        ),
        at,
        (f) => f.code === 'TOO_MANY_MEMBERS' || f.code === 'MORE_THAN_ONE_LEADER',
      ),
    ];
    if (!all.length) before.push(member.role);
    return { member, errors: all };
  });
}

// ─── assignTeamMember ───────────────────────────────────────────────────────────────

const AssignInput = builder.inputType('AssignTeamMemberInput', {
  fields: (t) => ({
    teamId: t.id({ required: true }),
    version: t.int({ required: true, description: 'The team’s version you read: a stale one is refused (ConflictError).' }),
    member: t.field({ type: TeamMemberInput, required: true }),
  }),
});

/** Acts on a SecurityTeam, found by `teamId`. */
const ON_SECURITY_TEAM_FOR_WRITE = actsOn({
  permission: ['TEAM_MEMBER', 'WRITE'],
  entity: 'SecurityTeam',
  idField: 'teamId',
  notFound: TEAM,
  load: (ctx, id) => loadTeam(ctx, id, teamForWrite),
});

/** Acts on a SecurityTeam, found by `teamId`. */
const ON_SECURITY_TEAM_FOR_JUDGING = actsOn({
  permission: ['TEAM_MEMBER', 'WRITE'],
  entity: 'SecurityTeam',
  idField: 'teamId',
  notFound: TEAM,
  load: (ctx, id) => loadTeam(ctx, id, teamForJudging),
});

defineMutation('assignTeamMember', {
  description:
    'Add a member to a team: eligible on joinedOn (default today), and not making the team larger than its province’s pack prescribes nor giving it a second leader. ' +
    'A team below its size (a member left) may be filled up this way.',
  input: AssignInput,
  result: SecurityTeamRef,
  ...ON_SECURITY_TEAM_FOR_WRITE,
  versioned: { table: 'securityTeam', version: (input) => input.version },
  judge: (ctx, input, team) => {
    const [{ member, errors }] = judgeNewMembers(ctx, team, [{ arg: input.member, at: ['member'] }]) as [JudgedMember];
    if (!member || errors.length) throw userErrors.invalid(errors);
    return member;
  },
  write: async (tx, member, team) => {
    await tx.teamMember.create({ data: { teamId: team.id, ...memberData(member) } });
    return teamAfter(tx, team);
  },
});

/** The team after an act on it: no act changes the team's own row but its version. */
const teamAfter = (tx: Prisma.TransactionClient, team: { id: string }) => tx.securityTeam.findUniqueOrThrow({ where: { id: team.id } });

// ─── removeTeamMember ───────────────────────────────────────────────────────────────

const RemoveInput = builder.inputType('RemoveTeamMemberInput', {
  fields: (t) => ({
    memberId: t.id({ required: true }),
    teamVersion: t.int({ required: true, description: 'The team’s version you read: a stale one is refused (ConflictError).' }),
    leftOn: t.field({
      type: DateScalar,
      required: true,
      description: 'Their last day in the team: not before they joined, nor in the future.',
    }),
  }),
});

defineMutation('removeTeamMember', {
  description:
    'Record that a member left the team on leftOn (kept in its history). The team may fall below its prescribed size or be left without a leader until a member is assigned: ' +
    'removing is never blocked by composition, since a replacement can only be assigned once the place is free.',
  input: RemoveInput,
  result: SecurityTeamRef,
  permission: ['TEAM_MEMBER', 'WRITE'],
  entity: 'SecurityTeam',
  ids: { memberId: 'TeamMember' },
  notFound: MEMBER,
  load: async (ctx, _input, { memberId }) => {
    const member = await ctx.db.prisma.teamMember.findUnique({ where: { id: memberId }, include: { team: { include: teamForWrite } } });
    return member && { ...teamTarget(ctx, member.team), row: member };
  },
  versioned: { table: 'securityTeam', version: (input) => input.teamVersion },
  judge: (ctx, { leftOn }, member) => {
    const failures = judgeEnding({ startedOn: isoOf(member.joinedOn), endedOn: isoOf(member.leftOn) }, leftOn, ctx.today);
    if (failures.length)
      throw userErrors.invalid(
        failures.map((f) =>
          f.code === 'ALREADY_ENDED'
            ? { path: ['memberId'], message: `the member already left the team on ${f.endedOn}` }
            : f.code === 'IN_THE_FUTURE'
              ? { path: ['leftOn'], message: 'must not be in the future' }
              : { path: ['leftOn'], message: 'must not be before the member joined' },
        ),
      );
    return leftOn;
  },
  write: async (tx, leftOn, member) => {
    await tx.teamMember.update({ where: { id: member.id }, data: { leftOn: dateColumn(leftOn), version: { increment: 1 } } });
    return teamAfter(tx, member.team);
  },
});

// ─── recordTeamEvaluation ───────────────────────────────────────────────────────────

const EvaluationInput = builder.inputType('RecordTeamEvaluationInput', {
  fields: (t) => ({
    teamId: t.id({ required: true }),
    version: t.int({ required: true, description: 'The team’s version you read: a stale one is refused (ConflictError).' }),
    year: t.int({ required: true, description: 'The evaluation year N: 15 Nov N−1 to 14 Nov N. Recorded once its period has ended.' }),
    tasksAssigned: t.int({ required: true }),
    tasksCompleted: t.int({ required: true }),
    level: t.field({ type: TeamEvaluationLevelEnum, required: true }),
  }),
});

/**
 * A team's evaluation for a year, judged under Guidance 01/HD-BCA-V05 (core's
 * checkTeamEvaluation) with the commune's other teams and the team's leaders that year.
 */
async function judgeTeamEvaluation(ctx: Context, input: typeof EvaluationInput.$inferInput, team: JudgedTeam) {
  const parsed = teamEvaluationInput.safeParse({
    subject: { kind: 'TEAM', teamId: team.id },
    year: input.year,
    tasksAssigned: input.tasksAssigned,
    tasksCompleted: input.tasksCompleted,
    level: input.level,
  });
  if (!parsed.success) throw zodError(parsed.error);
  const evaluation = parsed.data;
  const period = teamEvaluationPeriod(evaluation.year);
  const dissolved = isoOf(team.dissolvedOn);
  // Every team of the commune with its evaluation and its members' for the year: the cap and the leader rule look across them.
  // The three reads are independent: sent together, they cost one round trip rather than three.
  const [commune, leaders, recorded] = await Promise.all([
    ctx.db.prisma.securityTeam.findMany({
      where: { communeId: team.communeId, evaluations: { some: { year: evaluation.year } }, id: { not: team.id } },
      select: { id: true, establishedOn: true, evaluations: { where: { year: evaluation.year } } },
    }),
    ctx.db.prisma.teamMemberEvaluation.findMany({
      where: { year: evaluation.year, member: { teamId: team.id, role: 'LEADER' } },
      include: { member: true },
    }),
    ctx.db.prisma.teamEvaluation.count({ where: { teamId: team.id, year: evaluation.year } }),
  ]);
  const invalid: FieldError[] = [
    ...(period.to >= ctx.today
      ? [{ path: ['year'], message: `the period of ${evaluation.year} (${period.from} to ${period.to}) has not ended` }]
      : []),
    ...(dissolved && dissolved < period.from ? [{ path: ['teamId'], message: `the team was dissolved on ${dissolved}` }] : []),
    ...(isoOf(team.establishedOn) > period.to ? [{ path: ['year'], message: 'the team did not exist in that period' }] : []),
    ...(recorded > 0 ? [{ path: ['year'], message: `the team’s evaluation for ${evaluation.year} is already recorded` }] : []),
  ];
  refuseInvalid(invalid);
  const verdict = checkTeamEvaluation({
    year: evaluation.year,
    teams: [
      {
        id: team.id,
        activeSince: isoOf(team.establishedOn),
        tasksAssigned: evaluation.tasksAssigned,
        tasksCompleted: evaluation.tasksCompleted,
        level: evaluation.level,
        members: leaders.map((l) => ({
          id: l.memberId,
          role: l.member.role,
          activeSince: isoOf(l.member.joinedOn),
          tasksAssigned: l.tasksAssigned,
          tasksCompleted: l.tasksCompleted,
          level: l.level,
        })),
      },
      ...commune.map((c) => ({
        id: c.id,
        activeSince: isoOf(c.establishedOn),
        tasksAssigned: c.evaluations[0]!.tasksAssigned,
        tasksCompleted: c.evaluations[0]!.tasksCompleted,
        level: c.evaluations[0]!.level,
        members: [],
      })),
    ],
  });
  // Only what this evaluation is judged on: this team's own rules and the cap on the commune's teams.
  const failures = verdict.failures.filter((f) => ('subject' in f ? f.subject.teamId === team.id : f.pool === 'TEAMS'));
  if (failures.length) {
    const fields = failures.map((f) => ({
      path: ['level'],
      message: `${f.code}: ${TEAM_EVALUATION_FAILURE_LABELS[f.code].en} / ${TEAM_EVALUATION_FAILURE_LABELS[f.code].vi}`,
    }));
    throw userErrors.invalid(fields);
  }
  return evaluation;
}

defineMutation('recordTeamEvaluation', {
  description:
    'Record a team’s yearly evaluation under Guidance 01/HD-BCA-V05: no rating for a team active less than 9 months; EXCELLENT needs more than 95% of tasks done and may not exceed 20% of ' +
    'the commune’s teams rated GOOD that year; the team may not be rated below its leader. One evaluation per team and year.',
  input: EvaluationInput,
  result: SecurityTeamRef,
  ...ON_SECURITY_TEAM_FOR_JUDGING,
  versioned: { table: 'securityTeam', version: (input) => input.version },
  judge: judgeTeamEvaluation,
  write: async (tx, { year, tasksAssigned, tasksCompleted, level }, team) => {
    await tx.teamEvaluation.create({ data: { teamId: team.id, year, tasksAssigned, tasksCompleted, level } });
    return teamAfter(tx, team);
  },
});
