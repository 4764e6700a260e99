import { describe, expect, it, test } from 'vitest';
import {
  TEAM_EVALUATION_POLICY,
  activeMonthsInYear,
  checkTeamEvaluation,
  excellentCap,
  isRatable,
  meetsExcellentTaskRate,
  type MemberEvaluationEntry,
  type TeamEvaluationEntry,
  type TeamEvaluationLevel,
} from '../src/index.js';

const YEAR = 2026; // period 2025-11-15 – 2026-11-14
const member = (id: string, level: TeamEvaluationLevel | null, extra: Partial<MemberEvaluationEntry> = {}): MemberEvaluationEntry => ({
  id,
  role: 'MEMBER',
  activeSince: '2024-07-01',
  tasksAssigned: 10,
  tasksCompleted: 10,
  level,
  ...extra,
});
const team = (id: string, level: TeamEvaluationLevel | null, extra: Partial<TeamEvaluationEntry> = {}): TeamEvaluationEntry => ({
  id,
  activeSince: '2024-07-01',
  tasksAssigned: 20,
  tasksCompleted: 20,
  level,
  members: [],
  ...extra,
});
const goods = (n: number) => Array.from({ length: n }, (_, i) => team(`g${i}`, 'GOOD'));

describe('9 months active by 14 November', () => {
  test.each([
    ['2026-02-14', 9, true],
    ['2026-02-15', 9, true],
    ['2026-02-16', 8, false],
    ['2025-11-15', 12, true],
    ['2026-11-14', 0, false],
  ])('active since %s: %i whole months, ratable %s', (since, months, ratable) => {
    expect(activeMonthsInYear(since, YEAR)).toBe(months);
    expect(isRatable(since, YEAR)).toBe(ratable);
  });

  it('a team rated with 8 months is a failure; unrated it is fine', () => {
    expect(checkTeamEvaluation({ year: YEAR, teams: [team('t', 'COMPLETE', { activeSince: '2026-02-16' })] }).failures).toEqual([
      { code: 'RATED_UNDER_MINIMUM_ACTIVE_TIME', subject: { kind: 'TEAM', teamId: 't' }, activeMonths: 8, requiredMonths: 9 },
    ]);
    expect(checkTeamEvaluation({ year: YEAR, teams: [team('t', null, { activeSince: '2026-02-16' })] }).pass).toBe(true);
  });

  it('applies to members too', () => {
    const t = team('t', 'GOOD', { members: [member('m', 'COMPLETE', { activeSince: '2026-03-01' })] });
    expect(checkTeamEvaluation({ year: YEAR, teams: [t] }).failures).toEqual([
      {
        code: 'RATED_UNDER_MINIMUM_ACTIVE_TIME',
        subject: { kind: 'MEMBER', teamId: 't', memberId: 'm' },
        activeMonths: 8,
        requiredMonths: 9,
      },
    ]);
  });
});

describe('excellent needs more than 95% of tasks', () => {
  test.each([
    [20, 20, true],
    [40, 39, true], // 97.5%
    [20, 19, false], // exactly 95%
    [100, 95, false],
    [100, 96, true],
    [0, 0, false],
  ])('%i assigned, %i done → %s', (assigned, done, ok) => {
    expect(meetsExcellentTaskRate(done, assigned)).toBe(ok);
    const v = checkTeamEvaluation({
      year: YEAR,
      teams: [team('t', 'EXCELLENT', { tasksAssigned: assigned, tasksCompleted: done }), ...goods(5)],
    });
    expect(v.failures).toEqual(
      ok
        ? []
        : [{ code: 'EXCELLENT_WITHOUT_TASK_RATE', subject: { kind: 'TEAM', teamId: 't' }, tasksCompleted: done, tasksAssigned: assigned }],
    );
  });
});

describe('excellent ≤ 20% of good, across the commune', () => {
  test.each([
    [4, 0],
    [5, 1],
    [9, 1],
    [10, 2],
    [0, 0],
  ])('%i rated good allow %i excellent', (good, cap) => expect(excellentCap(good, 99)).toBe(cap));

  it('counts good and excellent together under GOOD_OR_ABOVE', () => {
    expect(excellentCap(4, 1, { ...TEAM_EVALUATION_POLICY, capBase: 'GOOD_OR_ABOVE' })).toBe(1);
    expect(excellentCap(4, 1)).toBe(0);
  });

  it('5 good and 1 excellent pass; 4 good and 1 excellent fail', () => {
    expect(checkTeamEvaluation({ year: YEAR, teams: [team('x', 'EXCELLENT'), ...goods(5)] }).pass).toBe(true);
    expect(checkTeamEvaluation({ year: YEAR, teams: [team('x', 'EXCELLENT'), ...goods(4)] }).failures).toEqual([
      { code: 'EXCELLENT_CAP_EXCEEDED', pool: 'TEAMS', excellent: 1, good: 4, cap: 0 },
    ]);
  });

  it('members are a pool of their own', () => {
    const t = team('t', 'GOOD', {
      members: [member('a', 'EXCELLENT'), member('b', 'EXCELLENT'), ...Array.from({ length: 8 }, (_, i) => member(`m${i}`, 'GOOD'))],
    });
    expect(checkTeamEvaluation({ year: YEAR, teams: [t] }).failures).toEqual([
      { code: 'EXCELLENT_CAP_EXCEEDED', pool: 'MEMBERS', excellent: 2, good: 8, cap: 1 },
    ]);
  });
});

describe('a leader is never rated above the team', () => {
  test.each<[TeamEvaluationLevel, TeamEvaluationLevel, boolean]>([
    ['GOOD', 'GOOD', true],
    ['GOOD', 'COMPLETE', true],
    ['COMPLETE', 'GOOD', false],
    ['NOT_COMPLETE', 'COMPLETE', false],
  ])('team %s, leader %s → pass %s', (teamLevel, leaderLevel, pass) => {
    const t = team('t', teamLevel, { members: [member('L', leaderLevel, { role: 'LEADER' })] });
    const v = checkTeamEvaluation({ year: YEAR, teams: [t, ...goods(5)] });
    expect(v.failures).toEqual(
      pass ? [] : [{ code: 'LEADER_ABOVE_TEAM', subject: { kind: 'MEMBER', teamId: 't', memberId: 'L' }, leaderLevel, teamLevel }],
    );
  });

  it('a deputy may be rated above the team; an unrated team bounds nobody', () => {
    expect(
      checkTeamEvaluation({ year: YEAR, teams: [team('t', 'COMPLETE', { members: [member('D', 'GOOD', { role: 'DEPUTY' })] })] }).pass,
    ).toBe(true);
    expect(checkTeamEvaluation({ year: YEAR, teams: [team('t', null, { members: [member('L', 'GOOD', { role: 'LEADER' })] })] }).pass).toBe(
      true,
    );
  });
});

it('names every failure of a commune at once', () => {
  const v = checkTeamEvaluation({
    year: YEAR,
    teams: [
      team('t1', 'COMPLETE', {
        activeSince: '2026-05-01',
        members: [member('L', 'EXCELLENT', { role: 'LEADER', tasksCompleted: 9 })],
      }),
    ],
  });
  expect(v.failures.map((x) => x.code)).toEqual([
    'RATED_UNDER_MINIMUM_ACTIVE_TIME',
    'EXCELLENT_WITHOUT_TASK_RATE',
    'LEADER_ABOVE_TEAM',
    'EXCELLENT_CAP_EXCEEDED',
  ]);
});
