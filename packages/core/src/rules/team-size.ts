/**
 * How many members a security team has: each province's People's Council decides (Law
 * 30/2023/QH15), so the numbers are rule packs — data, one per province and period,
 * validated by {@link teamSizePackSchema}. A province adds or replaces a pack without a
 * code change; the packs of DOMAIN.md ship in {@link TEAM_SIZE_PACKS}.
 */
import { z } from 'zod';
import { intervalContains, type IsoDate } from '../dates.js';
import { RULE_PACK_STATUSES, TEAM_SIZE_BASES, type RulePackStatus, type TeamRole, type TeamSizeBasis } from '../entities/enums.js';
import { dateIntervalSchema, provinceCodeSchema } from '../entities/common.js';
import type { Labels } from '../labels.js';
import { verdictOf, type Verdict } from './verdict.js';

const tierSchema = z.object({
  /** The largest population (inclusive) this tier covers; `null` for "and above". */
  upTo: z.number().int().min(0).nullable(),
  /** Members of a team in this tier. */
  members: z.number().int().min(1),
  /** Members in a key area (địa bàn trọng điểm), when the pack says otherwise than `members`. */
  keyAreaMembers: z.number().int().min(1).optional(),
});

/**
 * A team-size rule pack (JSON-serialisable). Tiers are in ascending `upTo`; a population
 * above the last bounded tier takes the open tier (`upTo: null`) or, with `beyond`, the
 * last tier's members plus `addMembers` for every further `every` people or part of it.
 */
export const teamSizePackSchema = z
  .object({
    provinceCode: provinceCodeSchema,
    provinceName: z.string().trim().min(1),
    /** The act the numbers come from. */
    source: z.string().trim().min(1),
    status: z.enum(RULE_PACK_STATUSES),
    effective: dateIntervalSchema,
    basis: z.enum(TEAM_SIZE_BASES),
    tiers: z.array(tierSchema).min(1),
    beyond: z.object({ every: z.number().int().min(1), addMembers: z.number().int().min(1) }).optional(),
  })
  .superRefine((p, ctx) => {
    const bounded = p.tiers.filter((t) => t.upTo !== null).map((t) => t.upTo as number);
    if (bounded.some((u, i) => i > 0 && u <= bounded[i - 1]!)) {
      ctx.addIssue({ code: 'custom', message: 'tiers must rise strictly in upTo', path: ['tiers'] });
    }
    const open = p.tiers.findIndex((t) => t.upTo === null);
    if (open !== -1 && open !== p.tiers.length - 1) {
      ctx.addIssue({ code: 'custom', message: 'only the last tier may be open (upTo: null)', path: ['tiers', open] });
    }
    if ((open === -1) === (p.beyond === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a pack ends with either an open tier or a `beyond` rule, not both', path: ['beyond'] });
    }
  });
/** A team-size rule pack. */
export type TeamSizePack = z.infer<typeof teamSizePackSchema>;

/** Validates a pack from any source (a JSON file, a database row) and returns it or the zod error. */
export function parseTeamSizePack(json: unknown): ReturnType<typeof teamSizePackSchema.safeParse> {
  return teamSizePackSchema.safeParse(json);
}

/** Ho Chi Minh City: 3 members up to 2,700 residents, 4 up to 3,600, one more per further 900. */
export const HO_CHI_MINH_CITY_TEAM_SIZE: TeamSizePack = {
  provinceCode: '79',
  provinceName: 'Thành phố Hồ Chí Minh',
  source: 'Nghị quyết của HĐND Thành phố Hồ Chí Minh (theo DOMAIN.md)',
  status: 'IN_FORCE',
  effective: { from: '2024-07-01', to: null },
  basis: 'RESIDENTS',
  tiers: [
    { upTo: 2700, members: 3 },
    { upTo: 3600, members: 4 },
  ],
  beyond: { every: 900, addMembers: 1 },
};

/** Hậu Giang (draft): 3 members under 350 households, 4 for 350–749, 6 from 750. */
export const HAU_GIANG_TEAM_SIZE: TeamSizePack = {
  provinceCode: '93',
  provinceName: 'Tỉnh Hậu Giang',
  source: 'Dự thảo Nghị quyết của HĐND tỉnh Hậu Giang (theo DOMAIN.md)',
  status: 'DRAFT',
  effective: { from: '2024-07-01', to: null },
  basis: 'HOUSEHOLDS',
  tiers: [
    { upTo: 349, members: 3 },
    { upTo: 749, members: 4 },
    { upTo: null, members: 6 },
  ],
};

/** Đắk Lắk: 3 members up to 2,000 people (5 in key areas), 4 above (6 in key areas). */
export const DAK_LAK_TEAM_SIZE: TeamSizePack = {
  provinceCode: '66',
  provinceName: 'Tỉnh Đắk Lắk',
  source: 'Nghị quyết của HĐND tỉnh Đắk Lắk (theo DOMAIN.md)',
  status: 'IN_FORCE',
  effective: { from: '2024-07-01', to: null },
  basis: 'RESIDENTS',
  tiers: [
    { upTo: 2000, members: 3, keyAreaMembers: 5 },
    { upTo: null, members: 4, keyAreaMembers: 6 },
  ],
};

/** The packs that ship with the library (the examples of DOMAIN.md). */
export const TEAM_SIZE_PACKS: readonly TeamSizePack[] = [HO_CHI_MINH_CITY_TEAM_SIZE, HAU_GIANG_TEAM_SIZE, DAK_LAK_TEAM_SIZE];

/** The area a team covers, as the packs measure it. */
export interface TeamArea {
  readonly provinceCode: string;
  readonly residents?: number;
  readonly households?: number;
  readonly keyArea: boolean;
}

/** The prescribed size, with the pack it came from, or why there is none. */
export type TeamSizeResult =
  | { readonly ok: true; readonly members: number; readonly pack: TeamSizePack }
  | { readonly ok: false; readonly error: { readonly code: 'NO_PACK'; readonly provinceCode: string; readonly date: IsoDate } }
  | { readonly ok: false; readonly error: { readonly code: 'MISSING_BASIS'; readonly basis: TeamSizeBasis } };

/**
 * The pack for `provinceCode` on `date`: packs in force win over drafts, then the one that
 * started last. Drafts are used when nothing is in force (the result names the pack, so
 * its `status` can be shown).
 */
export function teamSizePackFor(packs: readonly TeamSizePack[], provinceCode: string, date: IsoDate): TeamSizePack | undefined {
  const rank = (s: RulePackStatus) => (s === 'IN_FORCE' ? 1 : 0);
  return packs
    .filter((p) => p.provinceCode === provinceCode && intervalContains(p.effective, date))
    .sort((a, b) => rank(b.status) - rank(a.status) || ((b.effective.from ?? '') > (a.effective.from ?? '') ? 1 : -1))[0];
}

/** The members a pack prescribes for a population (residents or households, per its basis). */
export function membersByPack(pack: TeamSizePack, population: number, keyArea: boolean): number {
  const size = (t: TeamSizePack['tiers'][number]) => (keyArea ? (t.keyAreaMembers ?? t.members) : t.members);
  for (const tier of pack.tiers) if (tier.upTo === null || population <= tier.upTo) return size(tier);
  // Above the last bounded tier, with a `beyond` rule (the schema guarantees one).
  const last = pack.tiers.at(-1)!;
  const { every, addMembers } = pack.beyond!;
  return size(last) + Math.ceil((population - last.upTo!) / every) * addMembers;
}

// Law 30/2023/QH15 (provincial People's Councils set team numbers) with each province's pack: HCMC, Hậu Giang (draft), Đắk Lắk per DOMAIN.md.
/** The number of members a team covering `area` has on `date` under its province's pack. */
export function prescribedTeamSize(packs: readonly TeamSizePack[], area: TeamArea, date: IsoDate): TeamSizeResult {
  const pack = teamSizePackFor(packs, area.provinceCode, date);
  if (!pack) return { ok: false, error: { code: 'NO_PACK', provinceCode: area.provinceCode, date } };
  const population = pack.basis === 'RESIDENTS' ? area.residents : area.households;
  if (population === undefined) return { ok: false, error: { code: 'MISSING_BASIS', basis: pack.basis } };
  return { ok: true, members: membersByPack(pack, population, area.keyArea), pack };
}

/** A way a team's make-up differs from what is prescribed. */
export type TeamCompositionFailure =
  | { readonly code: 'TOO_FEW_MEMBERS'; readonly expected: number; readonly actual: number }
  | { readonly code: 'TOO_MANY_MEMBERS'; readonly expected: number; readonly actual: number }
  | { readonly code: 'NO_LEADER' }
  | { readonly code: 'MORE_THAN_ONE_LEADER'; readonly leaders: number };

/** Vietnamese and English labels of each team-composition failure code. */
export const TEAM_COMPOSITION_FAILURE_LABELS: Labels<TeamCompositionFailure['code']> = {
  TOO_FEW_MEMBERS: { vi: 'Thiếu thành viên so với quy định', en: 'Fewer members than prescribed' },
  TOO_MANY_MEMBERS: { vi: 'Vượt số thành viên quy định', en: 'More members than prescribed' },
  NO_LEADER: { vi: 'Chưa có Tổ trưởng', en: 'No team leader' },
  MORE_THAN_ONE_LEADER: { vi: 'Có nhiều hơn một Tổ trưởng', en: 'More than one team leader' },
};

// Law 30/2023/QH15: a team has a leader, deputies and members, as many as the province prescribes.
/** Whether a team with members in `roles` matches the prescribed size and has exactly one leader. */
export function checkTeamComposition(roles: readonly TeamRole[], prescribed: number): Verdict<TeamCompositionFailure> {
  const failures: TeamCompositionFailure[] = [];
  if (roles.length < prescribed) failures.push({ code: 'TOO_FEW_MEMBERS', expected: prescribed, actual: roles.length });
  if (roles.length > prescribed) failures.push({ code: 'TOO_MANY_MEMBERS', expected: prescribed, actual: roles.length });
  const leaders = roles.filter((r) => r === 'LEADER').length;
  if (leaders === 0) failures.push({ code: 'NO_LEADER' });
  if (leaders > 1) failures.push({ code: 'MORE_THAN_ONE_LEADER', leaders });
  return verdictOf(failures);
}
