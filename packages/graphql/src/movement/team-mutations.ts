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
  authorize,
  checkMemberEligibility,
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
import { audit } from '../audit/record.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ConflictErrorRef, ForbiddenErrorRef, NotFoundErrorRef, payloadType, ValidationErrorRef } from '../error-types.js';
import { userErrors, type Outcome, type UserError } from '../errors.js';
import { communePlace, placeCodesUntil } from '../hierarchy/place.js';
import { dateColumn, isoOf } from '../hierarchy/rows.js';
import { DateScalar } from '../scalars.js';
import { AREA, placementHolds } from './area-mutations.js';
import { decodeId, refused, stripNulls, zodError, type Subject } from '../mutations.js';
import { EducationLevelEnum, SecurityTeamRef, TeamEvaluationLevelEnum, TeamRoleEnum } from './teams.js';

export const TEAM: Label = { vi: 'tổ bảo vệ an ninh, trật tự', en: 'security team' };
const MEMBER: Label = { vi: 'thành viên tổ', en: 'team member' };

/** The team-size packs the API judges by: core's and the demo's. */
export const TEAM_SIZE_PACKS_IN_USE: readonly TeamSizePack[] = [...TEAM_SIZE_PACKS, DEMO_TEAM_SIZE_PACK];

type TeamResult = Prisma.SecurityTeamGetPayload<object>;
type FieldError = { path: string[]; message: string };
const ERRORS = [ValidationErrorRef, NotFoundErrorRef, ForbiddenErrorRef] as const;
const VERSIONED_ERRORS = [...ERRORS, ConflictErrorRef] as const;

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
  areas: ReadonlyArray<{ households: number | null; residents: number | null }>,
  date: IsoDate,
): number | null {
  const sum = (k: 'households' | 'residents') => (areas.every((a) => a[k] !== null) ? areas.reduce((s, a) => s + a[k]!, 0) : undefined);
  // Key areas (địa bàn trọng điểm) are not stored yet: judged as ordinary.
  const size = prescribedTeamSize(
    TEAM_SIZE_PACKS_IN_USE,
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

builder.mutationField('formSecurityTeam', (t) =>
  t.field({
    type: payloadType<TeamResult>('FormSecurityTeam', SecurityTeamRef, ERRORS),
    description:
      'Form a security team in a commune of your jurisdiction with its areas and members. Members are checked for eligibility (Law 30/2023/QH15) and the team for its composition: ' +
      'exactly one leader and, when the province has a team-size pack in force on establishedOn, the prescribed number of members (otherwise the size is not checked).',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: FormInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<TeamResult> }> => {
      const action = 'formSecurityTeam';
      const none: Subject = { entity: 'SecurityTeam' };
      if (!authorize(ctx.viewer, 'TEAM_MEMBER', 'WRITE').allowed) return refused(ctx, action, userErrors.forbidden(), none);
      const parsed = securityTeamInput.safeParse({
        name: input.name,
        communeCode: input.communeCode,
        residentialAreaIds: input.areaIds.map(String),
        establishedOn: input.establishedOn,
      });
      if (!parsed.success) return refused(ctx, action, zodError(parsed.error, { residentialAreaIds: 'areaIds' }), none);
      const team = parsed.data;
      const on = team.establishedOn as IsoDate;
      if (on > ctx.today)
        return refused(ctx, action, userErrors.invalid([{ path: ['establishedOn'], message: 'must not be in the future' }]), none);
      const judged = input.members.map((m, i) => judgeMember(m, ['members', String(i)], on, ctx.today, on));
      const memberErrors = judged.flatMap((j) => j.errors);
      if (memberErrors.length)
        return refused(
          ctx,
          action,
          userErrors.invalid(memberErrors, {
            vi: 'Có thành viên chưa đủ điều kiện: xem từng trường.',
            en: 'Some members are not eligible or not valid: see each field.',
          }),
          none,
        );
      const members = judged.map((j) => j.member!);

      const place = await communePlace(ctx, team.communeCode, on);
      if (!place)
        return refused(
          ctx,
          action,
          userErrors.notFound({ vi: `xã, phường có mã ${team.communeCode} vào ngày ${on}`, en: `commune ${team.communeCode} on ${on}` }),
          none,
        );
      // Filed under its place then and every unit it has since passed into, so today's officers find it.
      const placeCodes = await placeCodesUntil(ctx, place, ctx.today);
      const placed: Subject = { entity: 'SecurityTeam', placeCodes };
      if (!authorize(ctx.viewer, 'TEAM_MEMBER', 'WRITE', { unitCodes: placeCodes }).allowed)
        return refused(ctx, action, userErrors.forbidden(), placed);

      const ids = input.areaIds.map((g) => decodeId(g, 'ResidentialArea'));
      const found = await ctx.db.prisma.residentialArea.findMany({
        where: { id: { in: ids.filter((id): id is string => id !== null) } },
        include: { placements: true, securityTeams: { include: { team: { select: { establishedOn: true, dissolvedOn: true } } } } },
      });
      const byId = new Map(found.map((a) => [a.id, a]));
      const areas = ids.map((id) => (id ? byId.get(id) : undefined));
      // An area that does not exist, or that the viewer may not see at all: NOT_FOUND, as node(id:) answers.
      const visible = (a: (typeof found)[number]) =>
        authorize(ctx.viewer, 'RESIDENTIAL_AREA', 'READ', {
          unitCodes: [...new Set(a.placements.flatMap((p) => p.placeCodes))],
          areaId: a.id,
        }).allowed;
      if (areas.some((a) => !a || !visible(a))) return refused(ctx, action, userErrors.notFound(AREA), placed);
      const areaErrors = areas.flatMap((a, i): FieldError[] => {
        const area = a!;
        const path = ['areaIds', String(i)];
        if (!area.placements.some((p) => placementHolds(p, on) && p.communeId === place.commune.id))
          return [{ path, message: `the residential area is not placed in commune ${team.communeCode} on ${on}` }];
        const covering = area.securityTeams.some(
          ({ team: t }) => isoOf(t.establishedOn)! <= on && (t.dissolvedOn === null || isoOf(t.dissolvedOn)! >= on),
        );
        return covering ? [{ path, message: `the residential area is already covered by a security team on ${on}` }] : [];
      });
      const prescribed = prescribedSize(
        provinceOf(place.codes),
        areas.map((a) => a!),
        on,
      );
      const invalid = [
        ...areaErrors,
        ...compositionErrors(
          members.map((m) => m.role),
          prescribed,
          ['members'],
        ),
      ];
      if (invalid.length) return refused(ctx, action, userErrors.invalid(invalid), placed);

      const created = await ctx.db.prisma.$transaction(async (tx) => {
        const row = await tx.securityTeam.create({
          data: {
            name: team.name,
            communeId: place.commune.id,
            communeCode: place.commune.code,
            placeCodes,
            establishedOn: dateColumn(on),
            areas: { create: areas.map((a) => ({ residentialAreaId: a!.id })) },
            members: { create: members.map(memberData) },
          },
        });
        await audit(tx, ctx, { action, entity: 'SecurityTeam', entityId: row.id, placeCodes });
        return row;
      });
      return { result: created };
    },
  }),
);

// ─── The team an officer changes ────────────────────────────────────────────────────

export const teamForWrite = { areas: { include: { residentialArea: true } }, members: true } satisfies Prisma.SecurityTeamInclude;
export type TeamRow = Prisma.SecurityTeamGetPayload<{ include: typeof teamForWrite }>;
/** What deciding who may change a team reads: its places and its areas' IDs (an evaluation needs no more). */
const teamForJudging = { areas: { select: { residentialAreaId: true } } } satisfies Prisma.SecurityTeamInclude;
type JudgedTeam = Prisma.SecurityTeamGetPayload<{ include: typeof teamForJudging }>;
const teamSubject = (team?: { id: string; placeCodes: string[] } | null): Subject => ({
  entity: 'SecurityTeam',
  id: team?.id ?? null,
  placeCodes: team?.placeCodes ?? [],
});

/** Not visible at all: NOT_FOUND (as node(id:) answers null); visible but not writable: FORBIDDEN. */
export function judgeTeam(ctx: Context, team: Pick<JudgedTeam, 'placeCodes' | 'areas'>): UserError | null {
  const viewer = ctx.viewer;
  const leaderArea = viewer.kind === 'OFFICER' && viewer.role === 'AREA_LEADER' ? (viewer.areaId ?? null) : null;
  const areaId = leaderArea && team.areas.some((a) => a.residentialAreaId === leaderArea) ? leaderArea : null;
  if (!authorize(ctx.viewer, 'TEAM_MEMBER', 'READ', { unitCodes: team.placeCodes, areaId }).allowed) return userErrors.notFound(TEAM);
  if (!authorize(ctx.viewer, 'TEAM_MEMBER', 'WRITE', { unitCodes: team.placeCodes, areaId }).allowed) return userErrors.forbidden();
  return null;
}

/**
 * The team a mutation changes, or its refusal (already audited): a role that may never
 * change teams, a missing or invisible team, one the viewer may not change, a stale version.
 */
async function teamToChange<Include extends typeof teamForWrite | typeof teamForJudging>(
  ctx: Context,
  action: string,
  teamId: string | number,
  version: number,
  include: Include,
): Promise<{ team: Prisma.SecurityTeamGetPayload<{ include: Include }> & JudgedTeam } | { refusal: { result: UserError } }> {
  // Either include reads the areas' IDs that judging needs.
  type Team = Prisma.SecurityTeamGetPayload<{ include: Include }> & JudgedTeam;
  const refuse = async (error: UserError, team?: Team | null) => ({ refusal: await refused(ctx, action, error, teamSubject(team)) });
  if (!authorize(ctx.viewer, 'TEAM_MEMBER', 'WRITE').allowed) return refuse(userErrors.forbidden());
  const id = decodeId(teamId, 'SecurityTeam');
  const team = id ? ((await ctx.db.prisma.securityTeam.findUnique({ where: { id }, include })) as Team | null) : null;
  if (!team) return refuse(userErrors.notFound(TEAM));
  const denied = judgeTeam(ctx, team);
  if (denied) return refuse(denied, team);
  if (version !== team.version) return refuse(userErrors.conflict(team.version), team);
  return { team };
}

/** Applies `write` if the team is still at `version`, with the audit entry; null if it is not (stale). */
async function writeTeam(
  ctx: Context,
  action: string,
  team: Pick<TeamRow, 'id' | 'placeCodes'>,
  version: number,
  write: (tx: Prisma.TransactionClient) => Promise<void>,
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    // The team as it stands after the act: no write changes the team's own row but its version.
    const [bumped] = await tx.securityTeam.updateManyAndReturn({ where: { id: team.id, version }, data: { version: { increment: 1 } } });
    if (!bumped) return null;
    await write(tx);
    await audit(tx, ctx, { action, entity: 'SecurityTeam', entityId: team.id, placeCodes: team.placeCodes });
    return bumped;
  });
}

async function conflict(ctx: Context, action: string, team: Pick<TeamRow, 'id' | 'version' | 'placeCodes'>) {
  const now = await ctx.db.prisma.securityTeam.findUnique({ where: { id: team.id }, select: { version: true } });
  return refused(ctx, action, userErrors.conflict(now?.version ?? team.version), teamSubject(team));
}

export const activeOn = (m: { joinedOn: Date; leftOn: Date | null }, date: IsoDate) =>
  isoOf(m.joinedOn)! <= date && (m.leftOn === null || isoOf(m.leftOn)! >= date);

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
  const established = isoOf(team.establishedOn)!;
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

builder.mutationField('assignTeamMember', (t) =>
  t.field({
    type: payloadType<TeamResult>('AssignTeamMember', SecurityTeamRef, VERSIONED_ERRORS),
    description:
      'Add a member to a team: eligible on joinedOn (default today), and not making the team larger than its province’s pack prescribes nor giving it a second leader. ' +
      'A team below its size (a member left) may be filled up this way.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: AssignInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<TeamResult> }> => {
      const action = 'assignTeamMember';
      const found = await teamToChange(ctx, action, input.teamId, input.version, teamForWrite);
      if ('refusal' in found) return found.refusal;
      const { team } = found;

      const [{ member, errors }] = judgeNewMembers(ctx, team, [{ arg: input.member, at: ['member'] }]) as [JudgedMember];
      if (!member || errors.length) return refused(ctx, action, userErrors.invalid(errors), teamSubject(team));
      const updated = await writeTeam(ctx, action, team, input.version, async (tx) => {
        await tx.teamMember.create({ data: { teamId: team.id, ...memberData(member) } });
      });
      return updated ? { result: updated } : conflict(ctx, action, team);
    },
  }),
);

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

builder.mutationField('removeTeamMember', (t) =>
  t.field({
    type: payloadType<TeamResult>('RemoveTeamMember', SecurityTeamRef, VERSIONED_ERRORS),
    description:
      'Record that a member left the team on leftOn (kept in its history). The team may fall below its prescribed size or be left without a leader until a member is assigned: ' +
      'removing is never blocked by composition, since a replacement can only be assigned once the place is free.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: RemoveInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<TeamResult> }> => {
      const action = 'removeTeamMember';
      if (!authorize(ctx.viewer, 'TEAM_MEMBER', 'WRITE').allowed) return refused(ctx, action, userErrors.forbidden(), teamSubject());
      const id = decodeId(input.memberId, 'TeamMember');
      const row = id ? await ctx.db.prisma.teamMember.findUnique({ where: { id }, include: { team: { include: teamForWrite } } }) : null;
      if (!row) return refused(ctx, action, userErrors.notFound(MEMBER), teamSubject());
      const { team } = row;
      const denied = judgeTeam(ctx, team);
      if (denied) return refused(ctx, action, denied.code === 'NOT_FOUND' ? userErrors.notFound(MEMBER) : denied, teamSubject(team));
      if (input.teamVersion !== team.version) return refused(ctx, action, userErrors.conflict(team.version), teamSubject(team));
      const leftOn = input.leftOn;
      const invalid = [
        ...(row.leftOn !== null ? [{ path: ['memberId'], message: `the member already left the team on ${isoOf(row.leftOn)}` }] : []),
        ...(leftOn > ctx.today ? [{ path: ['leftOn'], message: 'must not be in the future' }] : []),
        ...(leftOn < isoOf(row.joinedOn)! ? [{ path: ['leftOn'], message: 'must not be before the member joined' }] : []),
      ];
      if (invalid.length) return refused(ctx, action, userErrors.invalid(invalid), teamSubject(team));
      const updated = await writeTeam(ctx, action, team, input.teamVersion, async (tx) => {
        await tx.teamMember.update({ where: { id: row.id }, data: { leftOn: dateColumn(leftOn), version: { increment: 1 } } });
      });
      return updated ? { result: updated } : conflict(ctx, action, team);
    },
  }),
);

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

builder.mutationField('recordTeamEvaluation', (t) =>
  t.field({
    type: payloadType<TeamResult>('RecordTeamEvaluation', SecurityTeamRef, VERSIONED_ERRORS),
    description:
      'Record a team’s yearly evaluation under Guidance 01/HD-BCA-V05: no rating for a team active less than 9 months; EXCELLENT needs more than 95% of tasks done and may not exceed 20% of ' +
      'the commune’s teams rated GOOD that year; the team may not be rated below its leader. One evaluation per team and year.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: EvaluationInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<TeamResult> }> => {
      const action = 'recordTeamEvaluation';
      const found = await teamToChange(ctx, action, input.teamId, input.version, teamForJudging);
      if ('refusal' in found) return found.refusal;
      const { team } = found;
      const parsed = teamEvaluationInput.safeParse({
        subject: { kind: 'TEAM', teamId: team.id },
        year: input.year,
        tasksAssigned: input.tasksAssigned,
        tasksCompleted: input.tasksCompleted,
        level: input.level,
      });
      if (!parsed.success) return refused(ctx, action, zodError(parsed.error), teamSubject(team));
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
        ...(isoOf(team.establishedOn)! > period.to ? [{ path: ['year'], message: 'the team did not exist in that period' }] : []),
        ...(recorded > 0 ? [{ path: ['year'], message: `the team’s evaluation for ${evaluation.year} is already recorded` }] : []),
      ];
      if (invalid.length) return refused(ctx, action, userErrors.invalid(invalid), teamSubject(team));
      const verdict = checkTeamEvaluation({
        year: evaluation.year,
        teams: [
          {
            id: team.id,
            activeSince: isoOf(team.establishedOn)!,
            tasksAssigned: evaluation.tasksAssigned,
            tasksCompleted: evaluation.tasksCompleted,
            level: evaluation.level,
            members: leaders.map((l) => ({
              id: l.memberId,
              role: l.member.role,
              activeSince: isoOf(l.member.joinedOn)!,
              tasksAssigned: l.tasksAssigned,
              tasksCompleted: l.tasksCompleted,
              level: l.level,
            })),
          },
          ...commune.map((c) => ({
            id: c.id,
            activeSince: isoOf(c.establishedOn)!,
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
        return refused(ctx, action, userErrors.invalid(fields), teamSubject(team));
      }
      const updated = await writeTeam(ctx, action, team, input.version, async (tx) => {
        await tx.teamEvaluation.create({
          data: {
            teamId: team.id,
            year: evaluation.year,
            tasksAssigned: evaluation.tasksAssigned,
            tasksCompleted: evaluation.tasksCompleted,
            level: evaluation.level,
          },
        });
      });
      return updated ? { result: updated } : conflict(ctx, action, team);
    },
  }),
);
