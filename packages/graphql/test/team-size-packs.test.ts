/**
 * The demo's team-size pack (illustrative, made up for the demo data of province 70) judges
 * only demo teams: a team whose areas all come with a dataset. Production mutations judge
 * real areas by core's packs alone.
 */
import { TEAM_SIZE_PACKS } from '@antq/core';
import { DEMO_TEAM_SIZE_PACK } from '@antq/db';
import { describe, expect, it } from 'vitest';
import { prescribedSize, teamSizePacksFor } from '../src/movement/team-mutations.js';

const ON = '2025-01-15';
const real = { households: 500, residents: null, datasetId: null };
const demo = { households: 500, residents: null, datasetId: '00000000-0000-4000-8000-000000000070' };

describe('the team-size packs a team is judged by', () => {
  it('has no pack of its own for province 70 in core: only the demo’s', () => {
    expect(TEAM_SIZE_PACKS.some((p) => p.provinceCode === DEMO_TEAM_SIZE_PACK.provinceCode)).toBe(false);
  });

  it.each([
    ['a team of real areas', [real], TEAM_SIZE_PACKS.length, null],
    ['a team of demo areas', [demo, demo], TEAM_SIZE_PACKS.length + 1, 5],
    ['a team mixing real and demo areas', [demo, real], TEAM_SIZE_PACKS.length, null],
    ['no areas', [], TEAM_SIZE_PACKS.length, null],
  ] as const)('%s', (_name, areas, packs, size) => {
    expect(teamSizePacksFor(areas)).toHaveLength(packs);
    expect(teamSizePacksFor(areas).includes(DEMO_TEAM_SIZE_PACK)).toBe(packs > TEAM_SIZE_PACKS.length);
    // 1,000 households in province 70: the demo's pack prescribes 5; for real areas no pack applies (the size is not checked).
    expect(prescribedSize('70', areas, ON)).toBe(size);
  });
});
