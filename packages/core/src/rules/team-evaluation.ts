/**
 * The yearly evaluation of security teams and their members under Guidance
 * 01/HD-BCA-V05 (2026). The commune proposes a level for each team and member; this rule
 * checks the proposals of one commune together, because the cap on "excellent" applies
 * across the commune. The period of year N runs 15 Nov N−1 – 14 Nov N
 * ({@link teamEvaluationPeriod}).
 */
import { addDays, monthsBetween, teamEvaluationPeriod, type IsoDate } from '../dates.js';
import { TEAM_EVALUATION_LEVELS, type TeamEvaluationLevel, type TeamRole } from '../entities/enums.js';
import type { Labels } from '../labels.js';
import { verdictOf, type Verdict } from './verdict.js';

/**
 * The numbers of the guidance, as parameters. `capBase` settles an ambiguity in "may not
 * exceed 20% of those rated good": `GOOD` (default, the literal reading) counts only those
 * rated good; `GOOD_OR_ABOVE` counts good and excellent together.
 */
export interface TeamEvaluationPolicy {
  /** No rating for a team or member active fewer whole months than this by the period's end. */
  readonly minimumActiveMonths: number;
  /** "Excellent" needs strictly more than this percentage of tasks completed. */
  readonly excellentAbovePercent: number;
  /** "Excellent" ratings may not exceed this percentage of the cap base. */
  readonly excellentCapPercent: number;
  /** What the cap percentage is taken of. */
  readonly capBase: 'GOOD' | 'GOOD_OR_ABOVE';
}

/** The policy of Guidance 01/HD-BCA-V05: 9 months, more than 95%, at most 20% of "good". */
export const TEAM_EVALUATION_POLICY: TeamEvaluationPolicy = {
  minimumActiveMonths: 9,
  excellentAbovePercent: 95,
  excellentCapPercent: 20,
  capBase: 'GOOD',
};

/** A team or member as evaluated: since when active, its tasks, and the proposed level (`null`: not rated). */
export interface EvaluatedSubject {
  readonly id: string;
  readonly activeSince: IsoDate;
  readonly tasksAssigned: number;
  readonly tasksCompleted: number;
  readonly level: TeamEvaluationLevel | null;
}

/** A member's evaluation, with the member's role. */
export interface MemberEvaluationEntry extends EvaluatedSubject {
  readonly role: TeamRole;
}

/** A team's evaluation, with its members'. */
export interface TeamEvaluationEntry extends EvaluatedSubject {
  readonly members: readonly MemberEvaluationEntry[];
}

/** All teams of one commune for one evaluation year. */
export interface CommuneTeamEvaluation {
  readonly year: number;
  readonly teams: readonly TeamEvaluationEntry[];
}

/** Whose evaluation a failure is about. */
export type EvaluationSubjectRef =
  { readonly kind: 'TEAM'; readonly teamId: string } | { readonly kind: 'MEMBER'; readonly teamId: string; readonly memberId: string };

/** A broken rule of the evaluation, with the numbers it was judged on. */
export type TeamEvaluationFailure =
  | {
      readonly code: 'RATED_UNDER_MINIMUM_ACTIVE_TIME';
      readonly subject: EvaluationSubjectRef;
      readonly activeMonths: number;
      readonly requiredMonths: number;
    }
  | {
      readonly code: 'EXCELLENT_WITHOUT_TASK_RATE';
      readonly subject: EvaluationSubjectRef;
      readonly tasksCompleted: number;
      readonly tasksAssigned: number;
    }
  | {
      readonly code: 'EXCELLENT_CAP_EXCEEDED';
      readonly pool: 'TEAMS' | 'MEMBERS';
      readonly excellent: number;
      readonly good: number;
      readonly cap: number;
    }
  | {
      readonly code: 'LEADER_ABOVE_TEAM';
      readonly subject: EvaluationSubjectRef;
      readonly leaderLevel: TeamEvaluationLevel;
      readonly teamLevel: TeamEvaluationLevel;
    };

/** Vietnamese and English labels of each team-evaluation failure code. */
export const TEAM_EVALUATION_FAILURE_LABELS: Labels<TeamEvaluationFailure['code']> = {
  RATED_UNDER_MINIMUM_ACTIVE_TIME: { vi: 'Hoạt động chưa đủ 9 tháng thì không xếp loại', en: 'Rated though active less than 9 months' },
  EXCELLENT_WITHOUT_TASK_RATE: {
    vi: 'Xếp loại xuất sắc khi chưa hoàn thành trên 95% nhiệm vụ',
    en: 'Excellent without more than 95% of tasks completed',
  },
  EXCELLENT_CAP_EXCEEDED: {
    vi: 'Số xếp loại xuất sắc vượt quá 20% số xếp loại hoàn thành tốt',
    en: 'More "excellent" than 20% of those rated "good"',
  },
  LEADER_ABOVE_TEAM: { vi: 'Tổ trưởng được xếp loại cao hơn Tổ', en: 'Team leader rated above the team' },
};

const rank = (l: TeamEvaluationLevel): number => TEAM_EVALUATION_LEVELS.length - TEAM_EVALUATION_LEVELS.indexOf(l);

/** Whole months active from `activeSince` through the last day of the period of `year`. */
export function activeMonthsInYear(activeSince: IsoDate, year: number): number {
  return monthsBetween(activeSince, addDays(teamEvaluationPeriod(year).to, 1));
}

/** Whether a team or member active since `activeSince` may be rated for `year` (9 whole months by 14 Nov). */
export function isRatable(activeSince: IsoDate, year: number, policy: TeamEvaluationPolicy = TEAM_EVALUATION_POLICY): boolean {
  return activeMonthsInYear(activeSince, year) >= policy.minimumActiveMonths;
}

/** Whether `tasksCompleted` of `tasksAssigned` is strictly more than the excellent percentage (none assigned: no). */
export function meetsExcellentTaskRate(
  tasksCompleted: number,
  tasksAssigned: number,
  policy: TeamEvaluationPolicy = TEAM_EVALUATION_POLICY,
): boolean {
  return tasksAssigned > 0 && tasksCompleted * 100 > policy.excellentAbovePercent * tasksAssigned;
}

/** The most "excellent" ratings a pool may have, given its "good" and "excellent" counts. */
export function excellentCap(good: number, excellent: number, policy: TeamEvaluationPolicy = TEAM_EVALUATION_POLICY): number {
  const base = policy.capBase === 'GOOD' ? good : good + excellent;
  return Math.floor((base * policy.excellentCapPercent) / 100);
}

function checkSubject(s: EvaluatedSubject, ref: EvaluationSubjectRef, year: number, policy: TeamEvaluationPolicy): TeamEvaluationFailure[] {
  if (s.level === null) return [];
  const failures: TeamEvaluationFailure[] = [];
  const activeMonths = activeMonthsInYear(s.activeSince, year);
  if (activeMonths < policy.minimumActiveMonths) {
    failures.push({ code: 'RATED_UNDER_MINIMUM_ACTIVE_TIME', subject: ref, activeMonths, requiredMonths: policy.minimumActiveMonths });
  }
  if (s.level === 'EXCELLENT' && !meetsExcellentTaskRate(s.tasksCompleted, s.tasksAssigned, policy)) {
    failures.push({ code: 'EXCELLENT_WITHOUT_TASK_RATE', subject: ref, tasksCompleted: s.tasksCompleted, tasksAssigned: s.tasksAssigned });
  }
  return failures;
}

function checkCap(
  pool: 'TEAMS' | 'MEMBERS',
  levels: readonly (TeamEvaluationLevel | null)[],
  policy: TeamEvaluationPolicy,
): TeamEvaluationFailure[] {
  const excellent = levels.filter((l) => l === 'EXCELLENT').length;
  const good = levels.filter((l) => l === 'GOOD').length;
  const cap = excellentCap(good, excellent, policy);
  return excellent > cap ? [{ code: 'EXCELLENT_CAP_EXCEEDED', pool, excellent, good, cap }] : [];
}

// Guidance 01/HD-BCA-V05 (2026): 15 Nov–14 Nov; excellent needs >95% of tasks and ≤20% of "good" across the commune; leader ≤ team; no rating under 9 months.
/**
 * Checks one commune's proposed ratings for a year. Teams and members are two separate
 * pools for the cap. A leader is compared with the team only when both are rated.
 */
export function checkTeamEvaluation(
  commune: CommuneTeamEvaluation,
  policy: TeamEvaluationPolicy = TEAM_EVALUATION_POLICY,
): Verdict<TeamEvaluationFailure> {
  const failures: TeamEvaluationFailure[] = [];
  for (const team of commune.teams) {
    failures.push(...checkSubject(team, { kind: 'TEAM', teamId: team.id }, commune.year, policy));
    for (const m of team.members) {
      const ref = { kind: 'MEMBER', teamId: team.id, memberId: m.id } as const;
      failures.push(...checkSubject(m, ref, commune.year, policy));
      if (m.role === 'LEADER' && m.level !== null && team.level !== null && rank(m.level) > rank(team.level)) {
        failures.push({ code: 'LEADER_ABOVE_TEAM', subject: ref, leaderLevel: m.level, teamLevel: team.level });
      }
    }
  }
  failures.push(
    ...checkCap(
      'TEAMS',
      commune.teams.map((t) => t.level),
      policy,
    ),
  );
  failures.push(
    ...checkCap(
      'MEMBERS',
      commune.teams.flatMap((t) => t.members.map((m) => m.level)),
      policy,
    ),
  );
  return verdictOf(failures);
}
