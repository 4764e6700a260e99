import { describe, expect, it, test } from 'vitest';
import {
  DAK_LAK_TEAM_SIZE,
  HAU_GIANG_TEAM_SIZE,
  HO_CHI_MINH_CITY_TEAM_SIZE,
  TEAM_SIZE_PACKS,
  checkTeamComposition,
  membersByPack,
  parseTeamSizePack,
  prescribedTeamSize,
  teamSizePackFor,
  type TeamSizePack,
} from '../src/index.js';

const ON = '2025-01-01';

describe('shipped packs', () => {
  test.each(TEAM_SIZE_PACKS.map((p) => [p.provinceName, p] as const))('%s is a valid pack that survives JSON', (_n, pack) => {
    const r = parseTeamSizePack(JSON.parse(JSON.stringify(pack)));
    expect(r.success).toBe(true);
    expect(r.data).toEqual(pack);
  });
});

describe('Ho Chi Minh City: 3 up to 2,700 residents, 4 up to 3,600, +1 per further 900', () => {
  test.each([
    [0, 3],
    [2700, 3],
    [2701, 4],
    [3600, 4],
    [3601, 5],
    [4500, 5],
    [4501, 6],
    [5400, 6],
    [9000, 10],
  ])('%i residents → %i members', (residents, members) => {
    expect(prescribedTeamSize(TEAM_SIZE_PACKS, { provinceCode: '79', residents, keyArea: false }, ON)).toMatchObject({ ok: true, members });
    expect(membersByPack(HO_CHI_MINH_CITY_TEAM_SIZE, residents, true)).toBe(members);
  });
});

describe('Hậu Giang (draft): 3 under 350 households, 4 for 350–749, 6 from 750', () => {
  test.each([
    [349, 3],
    [350, 4],
    [749, 4],
    [750, 6],
    [5000, 6],
  ])('%i households → %i members', (households, members) => {
    const r = prescribedTeamSize(TEAM_SIZE_PACKS, { provinceCode: '93', households, keyArea: false }, ON);
    expect(r).toMatchObject({ ok: true, members, pack: { status: 'DRAFT' } });
  });
  it('needs households, not residents', () =>
    expect(prescribedTeamSize(TEAM_SIZE_PACKS, { provinceCode: '93', residents: 1000, keyArea: false }, ON)).toEqual({
      ok: false,
      error: { code: 'MISSING_BASIS', basis: 'HOUSEHOLDS' },
    }));
});

describe('Đắk Lắk: 3 up to 2,000 people (5 in key areas), 4 above (6 in key areas)', () => {
  test.each([
    [2000, false, 3],
    [2000, true, 5],
    [2001, false, 4],
    [2001, true, 6],
  ])('%i people, key area %s → %i', (residents, keyArea, members) =>
    expect(prescribedTeamSize([DAK_LAK_TEAM_SIZE], { provinceCode: '66', residents, keyArea }, ON)).toMatchObject({ ok: true, members }),
  );
});

describe('a province adds a pack as data', () => {
  const json = {
    provinceCode: '01',
    provinceName: 'Thành phố Hà Nội',
    source: 'example',
    status: 'IN_FORCE',
    effective: { from: '2025-01-01', to: null },
    basis: 'HOUSEHOLDS',
    tiers: [
      { upTo: 500, members: 3 },
      { upTo: null, members: 5 },
    ],
  };
  it('is validated and used without code changes', () => {
    const parsed = parseTeamSizePack(json);
    if (!parsed.success) throw parsed.error;
    expect(prescribedTeamSize([...TEAM_SIZE_PACKS, parsed.data], { provinceCode: '01', households: 501, keyArea: true }, ON)).toMatchObject(
      {
        ok: true,
        members: 5,
      },
    );
    expect(
      prescribedTeamSize([...TEAM_SIZE_PACKS, parsed.data], { provinceCode: '01', households: 1, keyArea: false }, '2024-12-31'),
    ).toEqual({
      ok: false,
      error: { code: 'NO_PACK', provinceCode: '01', date: '2024-12-31' },
    });
  });
  test.each<[string, object, string]>([
    [
      'tiers not rising',
      {
        tiers: [
          { upTo: 500, members: 3 },
          { upTo: 500, members: 4 },
          { upTo: null, members: 5 },
        ],
      },
      'rise strictly',
    ],
    [
      'open tier not last',
      {
        tiers: [
          { upTo: null, members: 3 },
          { upTo: 500, members: 4 },
        ],
      },
      'only the last tier',
    ],
    ['no open tier and no beyond', { tiers: [{ upTo: 500, members: 3 }] }, 'either an open tier'],
    ['both open tier and beyond', { beyond: { every: 100, addMembers: 1 } }, 'either an open tier'],
    ['bad province code', { provinceCode: '1' }, '2-digit'],
    ['bad date', { effective: { from: '2025-02-30', to: null } }, 'calendar date'],
  ])('rejects %s', (_n, change, message) => {
    const r = parseTeamSizePack({ ...json, ...change });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(message);
  });
});

describe('choosing a pack', () => {
  const later: TeamSizePack = { ...HO_CHI_MINH_CITY_TEAM_SIZE, source: 'later', effective: { from: '2026-01-01', to: null } };
  const draft: TeamSizePack = {
    ...HO_CHI_MINH_CITY_TEAM_SIZE,
    source: 'draft',
    status: 'DRAFT',
    effective: { from: '2026-06-01', to: null },
  };
  it('prefers in force over draft, then the latest', () => {
    expect(teamSizePackFor([HO_CHI_MINH_CITY_TEAM_SIZE, later, draft], '79', '2026-07-01')?.source).toBe('later');
    expect(teamSizePackFor([later, HO_CHI_MINH_CITY_TEAM_SIZE], '79', '2025-12-31')?.source).toBe(HO_CHI_MINH_CITY_TEAM_SIZE.source);
    expect(teamSizePackFor([HAU_GIANG_TEAM_SIZE], '93', ON)?.status).toBe('DRAFT');
    expect(teamSizePackFor(TEAM_SIZE_PACKS, '79', '2024-06-30')).toBeUndefined();
  });
});

describe('checkTeamComposition', () => {
  test.each([
    [['LEADER', 'DEPUTY', 'MEMBER'], 3, []],
    [['LEADER', 'MEMBER'], 3, [{ code: 'TOO_FEW_MEMBERS', expected: 3, actual: 2 }]],
    [['LEADER', 'DEPUTY', 'MEMBER', 'MEMBER'], 3, [{ code: 'TOO_MANY_MEMBERS', expected: 3, actual: 4 }]],
    [['DEPUTY', 'MEMBER', 'MEMBER'], 3, [{ code: 'NO_LEADER' }]],
    [['LEADER', 'LEADER', 'MEMBER'], 3, [{ code: 'MORE_THAN_ONE_LEADER', leaders: 2 }]],
  ] as const)('%o against %i', (roles, prescribed, failures) => expect(checkTeamComposition(roles, prescribed).failures).toEqual(failures));
});
