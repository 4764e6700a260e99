import { describe, expect, it } from 'vitest';
import { judgeReplication, type ReplicationSource } from '../src/index.js';

const TODAY = '2026-03-10';
const SOURCE: ReplicationSource = {
  hostKind: 'RESIDENTIAL_AREA',
  residentialAreaId: 'area-a',
  foundedOn: '2024-05-01',
  typeName: 'Camera an ninh',
  typeHostKinds: ['RESIDENTIAL_AREA', 'COMMUNE'],
};

describe('judgeReplication: a model copied into a residential area', () => {
  it.each<[string, Partial<ReplicationSource>, { areaId?: string; areaPlaced?: boolean }, string, string[]]>([
    ['into another area, today', {}, {}, TODAY, []],
    ['on the day the source was founded', {}, {}, '2024-05-01', []],
    ['a commune’s model into an area of the same ID', { hostKind: 'COMMUNE', residentialAreaId: null }, {}, TODAY, []],
    ['into its own area', {}, { areaId: 'area-a' }, TODAY, ['OWN_AREA']],
    ['of a type built only in organizations', { typeHostKinds: ['ORGANIZATION'] }, {}, TODAY, ['TYPE_NOT_BUILT_IN_AREAS']],
    ['tomorrow', {}, {}, '2026-03-11', ['IN_THE_FUTURE']],
    ['the day before the source was founded', {}, {}, '2024-04-30', ['BEFORE_SOURCE_FOUNDED']],
    ['into an area not in a commune that day', {}, { areaPlaced: false }, TODAY, ['AREA_NOT_PLACED']],
    [
      'everything at once',
      { foundedOn: '2027-01-01', typeHostKinds: ['COMMUNE'] },
      { areaId: 'area-a', areaPlaced: false },
      '2026-12-31',
      ['OWN_AREA', 'TYPE_NOT_BUILT_IN_AREAS', 'IN_THE_FUTURE', 'BEFORE_SOURCE_FOUNDED', 'AREA_NOT_PLACED'],
    ],
  ])('%s', (_name, source, target, on, codes) => {
    const failures = judgeReplication({ ...SOURCE, ...source }, { areaId: 'area-b', areaPlaced: true, ...target }, on, TODAY);
    expect(failures.map((f) => f.code)).toEqual(codes);
  });

  it('names what it was judged against', () => {
    expect(
      judgeReplication({ ...SOURCE, typeHostKinds: ['ORGANIZATION'] }, { areaId: 'b', areaPlaced: true }, '2024-01-01', TODAY),
    ).toEqual([
      { code: 'TYPE_NOT_BUILT_IN_AREAS', typeName: 'Camera an ninh', hostKinds: ['ORGANIZATION'] },
      { code: 'BEFORE_SOURCE_FOUNDED', foundedOn: '2024-05-01' },
    ]);
  });
});
