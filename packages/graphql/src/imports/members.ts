/**
 * Importing members of existing security teams. A row names the team by its commune code
 * (the code it was formed under, or a code it has since been filed under) and its name;
 * the teams the viewer may read of every commune named are read in one go, each judged as
 * assignTeamMember judges it (judgeTeam: visible and writable) and its newcomers as
 * assignTeamMember judges a member (judgeNewMembers: valid, eligible under Law 30/2023,
 * not already in the team, the team not over its size nor with a second leader, counting
 * every newcomer of the file). A citizen ID given twice in the file is a duplicate. Written
 * as assignTeamMember writes (memberData), each team's version bumped, in one transaction.
 */
import { ValidationError } from '../errors.js';
import { nameKey, rowProblem, type IsoDate, type SheetRow } from '@antq/core';
import type { Context } from '../context.js';
import { judgeNewMembers, judgeTeam, memberData, teamForWrite, type MemberArg, type TeamRow } from '../movement/team-mutations.js';
import { teamWhere } from '../movement/teams.js';
import { problemsOf, type Checked, type ErrorColumns, partedRows } from './row-problems.js';

type Row = SheetRow<'TEAM_MEMBERS'>;

const memberArg = (v: Row['values']): MemberArg => ({
  fullName: v.fullName!,
  birthDate: v.birthDate as IsoDate,
  citizenId: v.citizenId,
  phone: v.phone,
  address: v.address,
  role: v.role!,
  joinedOn: v.joinedOn as IsoDate | null,
  education: v.education!,
  residentSince: v.residentSince as IsoDate | null,
  cleanRecord: v.cleanRecord!,
  hasHealthCertificate: v.hasHealthCertificate!,
  over70ApprovedByCommuneChairman: v.over70ApprovedByCommuneChairman,
});

export async function checkMembers(ctx: Context, rows: Row[], headers: Record<string, string>): Promise<Checked> {
  const columns: ErrorColumns = {
    headers,
    fields: {
      fullName: 'fullName',
      birthDate: 'birthDate',
      citizenId: 'citizenId',
      phone: 'phone',
      address: 'address',
      role: 'role',
      joinedOn: 'joinedOn',
      education: 'education',
      residentSince: 'residentSince',
      cleanRecord: 'cleanRecord',
      hasHealthCertificate: 'hasHealthCertificate',
      over70ApprovedByCommuneChairman: 'over70ApprovedByCommuneChairman',
      teamId: 'teamName',
    },
    fallback: 'role',
    notFound: ['UNKNOWN_TEAM', 'teamName'],
    forbidden: 'teamName',
  };
  const { problems, ready } = partedRows(rows);
  const codes = [...new Set(ready.map((r) => r.values.communeCode!))];
  // Only the teams the viewer may read (as securityTeams lists them): one outside the
  // jurisdiction is not told apart from a missing one, nor counted as a second of its name.
  const teams = codes.length
    ? await ctx.db.prisma.securityTeam.findMany({
        where: { AND: [teamWhere(ctx), { OR: [{ communeCode: { in: codes } }, { placeCodes: { hasSome: codes } }] }] },
        include: teamForWrite,
      })
    : [];

  // Each row's team, or its problem.
  const byTeam = new Map<string, { team: TeamRow; rows: Row[] }>();
  for (const r of ready) {
    const code = r.values.communeCode!;
    const named = teams.filter(
      (t) => (t.communeCode === code || t.placeCodes.includes(code)) && nameKey(t.name) === nameKey(r.values.teamName!),
    );
    if (named.length !== 1) {
      problems.push(rowProblem(r.row, headers.teamName!, named.length ? 'AMBIGUOUS' : 'UNKNOWN_TEAM'));
      continue;
    }
    const team = named[0]!;
    const denied = judgeTeam(ctx, team);
    if (denied) {
      problems.push(...problemsOf(r.row, denied, columns));
      continue;
    }
    const entry = byTeam.get(team.id) ?? { team, rows: [] };
    entry.rows.push(r);
    byTeam.set(team.id, entry);
  }

  const seenIds = new Set<string>();
  const accepted: Array<{ team: TeamRow; data: ReturnType<typeof memberData> }> = [];
  for (const { team, rows: joining } of byTeam.values()) {
    const judged = judgeNewMembers(
      ctx,
      team,
      joining.map((r) => ({ arg: memberArg(r.values), at: [] })),
    );
    judged.forEach(({ member, errors }, i) => {
      const row = joining[i]!.row;
      if (errors.length || !member) return problems.push(...problemsOf(row, new ValidationError(errors), columns));
      const id = member.person.citizenId;
      if (id && seenIds.has(id)) return problems.push(rowProblem(row, headers.citizenId!, 'DUPLICATE_IN_FILE'));
      if (id) seenIds.add(id);
      accepted.push({ team, data: memberData(member) });
    });
  }
  const changed = [...new Map(accepted.map((a) => [a.team.id, a.team])).values()];

  return {
    problems,
    placeCodes: changed.map((t) => t.placeCodes),
    write: async (tx) => {
      // Every team still at the version read, or none is changed (as assignTeamMember refuses a stale one).
      const { count } = await tx.securityTeam.updateMany({
        where: { OR: changed.map((t) => ({ id: t.id, version: t.version })) },
        data: { version: { increment: 1 } },
      });
      if (count !== changed.length) throw new StaleTeams();
      await tx.teamMember.createMany({ data: accepted.map((a) => ({ teamId: a.team.id, ...a.data })) });
      return accepted.length;
    },
  };
}

/** A team changed between the check and the write: the import is refused, nothing written. */
export class StaleTeams extends Error {
  constructor() {
    super('a team changed while the file was being imported');
  }
}
