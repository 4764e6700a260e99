/**
 * The security-team sections both generators share: the teams of a commune (one per area
 * or pair of small areas, from SECURITY_TEAMS_FROM, sized by the rule pack, every member
 * eligible under core's rule) and their yearly ratings, commune by commune of the period's
 * end. What differs between the demo and the national data is passed in.
 */
import {
  addDays,
  addYears,
  checkMemberEligibility,
  intervalContains,
  isRatable,
  teamEvaluationPeriod,
  type EducationLevel,
  type IsoDate,
  type TeamRole,
  type TeamSizeResult,
} from '@antq/core';
import { SECURITY_TEAMS_FROM } from '../demo/catalogue.js';
import { lowerFirst } from '../demo/names.js';
import type { Random } from '../demo/random.js';
import { birthDateFor, type FakePerson } from './people.js';
import type { Placement } from './placements.js';
import type { SecurityTeamAreaRow, SecurityTeamRow, TeamEvaluationRow, TeamMemberEvaluationRow, TeamMemberRow, Uuid } from './rows.js';
import { push } from './models.js';
import { rateCommuneTeams } from './team-evaluations.js';
import type { DemoUnit } from './units.js';

type Day = IsoDate;

/** A residential area as the teams need it. */
export interface TeamArea {
  readonly id: string;
  readonly name: string;
  readonly households: number;
  readonly placements: readonly Placement[];
}

/** How a generator forms the teams of its communes. */
export interface TeamOptions<A extends TeamArea> {
  readonly random: Random;
  readonly uuid: Uuid;
  readonly datasetId: string;
  /** Two neighbouring areas below this many households each share a team with `pairChance`. */
  readonly pairBelow: number;
  readonly pairChance: number;
  /** The codes a commune version is filed under (itself and the units above it). */
  readonly placeCodesOf: (unit: DemoUnit) => string[];
  /** The size of a team of areas with `households` formed on `on`: core's prescribedTeamSize under the generator's pack. */
  readonly sizeOf: (households: number, on: Day) => TeamSizeResult;
  readonly femaleChance: number;
  readonly education: Readonly<Partial<Record<EducationLevel, number>>>;
  /** Whether the commune is a border, mountain or ethnic-minority area (core's eligibility rule). */
  readonly borderMountainOrEthnicMinorityArea: boolean;
  /** The chance a member left in 2025 and was replaced in the same role (absent: none, without a draw). */
  readonly replacedChance?: number;
  readonly person: (random: Random, female: boolean, birthDate: Day) => FakePerson;
  readonly address: (random: Random, area: A, on: Day) => string;
}

/** The teams of one commune over its `areas` (in order), their areas and members, and the areas of each team. */
export function communeTeams<A extends TeamArea>(
  commune: DemoUnit,
  areas: readonly A[],
  o: TeamOptions<A>,
): {
  teams: SecurityTeamRow[];
  teamAreas: SecurityTeamAreaRow[];
  members: TeamMemberRow[];
  covered: Map<string, A[]>;
} {
  const { random, uuid } = o;
  const out = {
    teams: [] as SecurityTeamRow[],
    teamAreas: [] as SecurityTeamAreaRow[],
    members: [] as TeamMemberRow[],
    covered: new Map<string, A[]>(),
  };
  const establishedOn = random.chance(0.7) ? SECURITY_TEAMS_FROM : random.date(addDays(SECURITY_TEAMS_FROM, 1), '2024-09-30');
  for (let i = 0; i < areas.length;) {
    const a = areas[i]!;
    const b = areas[i + 1];
    const covered = b && a.households < o.pairBelow && b.households < o.pairBelow && random.chance(o.pairChance) ? [a, b] : [a];
    i += covered.length;
    const id = uuid('SecurityTeam', covered.map((x) => x.id).join('+'));
    out.teams.push({
      id,
      name: `Tổ bảo vệ an ninh, trật tự ${covered.map((x) => lowerFirst(x.name)).join(' và ')}`,
      communeId: commune.id,
      communeCode: commune.code,
      // Filed under its commune then and wherever its areas have been placed since (the
      // units of today included), so that today's officers find the teams of their areas.
      placeCodes: [
        ...new Set([
          ...o.placeCodesOf(commune),
          ...covered.flatMap((x) =>
            x.placements.filter((p) => p.to === null || p.to >= establishedOn).flatMap((p) => o.placeCodesOf(p.unit)),
          ),
        ]),
      ],
      establishedOn,
      dissolvedOn: null,
      datasetId: o.datasetId,
    });
    out.covered.set(id, covered);
    for (const x of covered) out.teamAreas.push({ teamId: id, residentialAreaId: x.id });
    const size = o.sizeOf(
      covered.reduce((s, x) => s + x.households, 0),
      establishedOn,
    );
    if (!size.ok) throw new Error(`no team size for ${id}: ${size.error.code}`);
    let k = 0;
    const addMember = (role: TeamRole, joinedOn: Day, leftOn: Day | null) => {
      const age = random.chance(0.06) ? random.int(63, 69) : random.int(24, 62);
      const female = random.chance(o.femaleChance);
      const person = o.person(random, female, birthDateFor(random, joinedOn, age));
      const residentSince = random.chance(0.6)
        ? person.birthDate
        : maxDay(person.birthDate, random.date(addYears(joinedOn, -30), addYears(joinedOn, -2)));
      const member: TeamMemberRow = {
        id: uuid('TeamMember', `${id}/${++k}`),
        teamId: id,
        ...person,
        address: o.address(random, covered[random.int(0, covered.length - 1)]!, joinedOn),
        role,
        joinedOn,
        leftOn,
        education: random.weighted<EducationLevel>(o.education),
        residentSince,
        cleanRecord: true,
        hasHealthCertificate: true,
        over70ApprovedByCommuneChairman: false,
      };
      const eligible = checkMemberEligibility(member, {
        date: joinedOn,
        borderMountainOrEthnicMinorityArea: o.borderMountainOrEthnicMinorityArea,
      });
      if (!eligible.pass) throw new Error(`generated team member ${member.id} is not eligible: ${JSON.stringify(eligible.failures)}`);
      out.members.push(member);
    };
    for (let j = 0; j < size.members; j++) {
      const role: TeamRole = j === 0 ? 'LEADER' : j === 1 ? 'DEPUTY' : 'MEMBER';
      if (o.replacedChance !== undefined && random.chance(o.replacedChance)) {
        const left = random.date('2025-01-06', '2025-10-31');
        addMember(role, establishedOn, left);
        addMember(role, addDays(left, random.int(1, 20)), null);
      } else addMember(role, establishedOn, null);
    }
  }
  return out;
}

/**
 * The ratings of `teams` for each of `years` (Guidance 01): each team rated by the commune
 * its first area is placed in at the period's end (none: the area no longer exists), with
 * the members still in it then and active long enough; communes in the order of their ids.
 */
export function rateTeams(
  teams: readonly SecurityTeamRow[],
  o: {
    readonly years: readonly number[];
    readonly placementsOf: (team: SecurityTeamRow) => readonly Placement[];
    readonly members: readonly TeamMemberRow[];
    readonly random: Random;
    readonly uuid: Uuid;
  },
): { teamEvaluations: TeamEvaluationRow[]; memberEvaluations: TeamMemberEvaluationRow[] } {
  const out = { teamEvaluations: [] as TeamEvaluationRow[], memberEvaluations: [] as TeamMemberEvaluationRow[] };
  const membersOf = new Map<string, TeamMemberRow[]>();
  for (const m of o.members) push(membersOf, m.teamId, m);
  for (const year of o.years) {
    const periodEnd = teamEvaluationPeriod(year).to;
    const byCommune = new Map<string, SecurityTeamRow[]>();
    for (const team of teams) {
      const commune = o.placementsOf(team).find((p) => intervalContains({ from: p.from, to: p.to }, periodEnd))?.unit;
      if (!commune || !isRatable(team.establishedOn, year)) continue;
      push(byCommune, commune.id, team);
    }
    for (const communeId of [...byCommune.keys()].sort()) {
      const rateable = byCommune.get(communeId)!.map((t) => ({
        id: t.id,
        activeSince: t.establishedOn,
        members: (membersOf.get(t.id) ?? [])
          .filter((m) => (m.leftOn === null || m.leftOn > periodEnd) && isRatable(m.joinedOn, year))
          .map((m) => ({ id: m.id, role: m.role, activeSince: m.joinedOn })),
      }));
      const rated = rateCommuneTeams(o.random, year, rateable, o.uuid, `commune ${communeId}`);
      out.teamEvaluations.push(...rated.teamEvaluations);
      out.memberEvaluations.push(...rated.memberEvaluations);
    }
  }
  return out;
}

const maxDay = (a: Day, b: Day) => (a > b ? a : b);
