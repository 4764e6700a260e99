/**
 * Yearly ratings of security teams and their members for one commune (the pool Guidance
 * 01/HD-BCA-V05 caps), drafted at random and then checked with core's checkTeamEvaluation.
 */
import {
  checkTeamEvaluation,
  excellentCap,
  TEAM_EVALUATION_LEVELS,
  type IsoDate,
  type TeamEvaluationEntry,
  type TeamEvaluationLevel,
  type TeamRole,
} from '@antq/core';
import type { Random } from '../demo/random.js';
import type { TeamEvaluationRow, TeamMemberEvaluationRow, Uuid } from './rows.js';

/** A team of the commune, with the members to rate (those active long enough: the caller decides). */
export interface TeamToRate {
  readonly id: string;
  readonly activeSince: IsoDate;
  readonly members: ReadonlyArray<{ readonly id: string; readonly role: TeamRole; readonly activeSince: IsoDate }>;
}

const draftLevel = (random: Random) => random.weighted<TeamEvaluationLevel>({ EXCELLENT: 10, GOOD: 60, COMPLETE: 24, NOT_COMPLETE: 6 });
const tasksFor = (random: Random, level: TeamEvaluationLevel): [number, number] => {
  const assigned = random.int(12, 24);
  const share = {
    EXCELLENT: 1,
    GOOD: 0.85 + random.next() * 0.1,
    COMPLETE: 0.7 + random.next() * 0.14,
    NOT_COMPLETE: 0.4 + random.next() * 0.28,
  }[level];
  return [assigned, Math.min(assigned, Math.floor(assigned * share))];
};
/** Demotes "excellent" ratings beyond the cap (20% of "good") to "good", last first. */
const capExcellent = (levels: TeamEvaluationLevel[]) => {
  for (let i = levels.length - 1; i >= 0; i--) {
    const excellent = levels.filter((l) => l === 'EXCELLENT').length;
    const good = levels.filter((l) => l === 'GOOD').length;
    if (excellent <= excellentCap(good, excellent)) break;
    if (levels[i] === 'EXCELLENT') levels[i] = 'GOOD';
  }
};
const rank = (l: TeamEvaluationLevel) => TEAM_EVALUATION_LEVELS.indexOf(l); // 0 is best

/**
 * Rates `teams` (one commune's) for `year`: about 10% excellent, 60% good, 24% complete, 6%
 * not complete, within the 20% cap, no leader above the team. Throws if core rejects the result.
 */
export function rateCommuneTeams(
  random: Random,
  year: number,
  teams: readonly TeamToRate[],
  uuid: Uuid,
  communeLabel: string,
): { teamEvaluations: TeamEvaluationRow[]; memberEvaluations: TeamMemberEvaluationRow[] } {
  const teamEvaluations: TeamEvaluationRow[] = [];
  const memberEvaluations: TeamMemberEvaluationRow[] = [];
  const teamLevels = teams.map(() => draftLevel(random));
  capExcellent(teamLevels);
  const memberList = teams.flatMap((t, i) => t.members.map((m) => ({ ...m, teamIndex: i })));
  const memberLevels = memberList.map((m) => {
    const level = draftLevel(random);
    const teamLevel = teamLevels[m.teamIndex]!;
    return m.role === 'LEADER' && rank(level) < rank(teamLevel) ? teamLevel : level;
  });
  capExcellent(memberLevels);
  const entries: TeamEvaluationEntry[] = teams.map((team, i) => {
    const [tasksAssigned, tasksCompleted] = tasksFor(random, teamLevels[i]!);
    teamEvaluations.push({
      id: uuid('TeamEvaluation', `${team.id}/${year}`),
      teamId: team.id,
      year,
      tasksAssigned,
      tasksCompleted,
      level: teamLevels[i]!,
    });
    return {
      id: team.id,
      activeSince: team.activeSince,
      tasksAssigned,
      tasksCompleted,
      level: teamLevels[i]!,
      members: memberList
        .map((m, j) => ({ m, level: memberLevels[j]! }))
        .filter(({ m }) => m.teamIndex === i)
        .map(({ m, level }) => {
          const [assigned, completed] = tasksFor(random, level);
          memberEvaluations.push({
            id: uuid('TeamMemberEvaluation', `${m.id}/${year}`),
            memberId: m.id,
            year,
            tasksAssigned: assigned,
            tasksCompleted: completed,
            level,
          });
          return { id: m.id, role: m.role, activeSince: m.activeSince, tasksAssigned: assigned, tasksCompleted: completed, level };
        }),
    };
  });
  const verdict = checkTeamEvaluation({ year, teams: entries });
  if (!verdict.pass)
    throw new Error(`team evaluations of ${communeLabel} for ${year} break Guidance 01: ${JSON.stringify(verdict.failures)}`);
  return { teamEvaluations, memberEvaluations };
}
