import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  indexHierarchy,
  readScope,
  resolveUnit,
  territoryOn,
  unresolvedMessage,
  type AdminLevel,
  type LineageLink,
  type UnitVersion,
  type Viewer,
} from '../src/index.js';

// A small country through the 2025 reform, in the shape of the real data:
//   until 2025-06-30: province 70 (district 700: communes 10, 11) and province 75 (district 750: communes 20, 21);
//   from 2025-07-01: province 75 (communes 20, 30), 70 merged wholly into 75;
//     new 20 = old 20 (wholly) + old 11 (wholly) + part of old 21; new 30 = old 10 (wholly) + the rest of old 21;
//     the code 10 is reused from 2025-07-01 by a commune of another province (80), which old 10 did not become;
//   from 2026-04-30: province 75 becomes a city (a new version of 75, linked wholly).
const OLD = { from: null, to: '2025-06-30' };
const MID = { from: '2025-07-01', to: '2026-04-29' };
const NEW = { from: '2025-07-01', to: null };
const unit = (id: string, code: string, level: AdminLevel, parentCode: string | null, validity: UnitVersion['validity']): UnitVersion => ({
  id,
  code,
  level,
  fullName: `${level} ${code} (${id})`,
  parentCode,
  validity,
});
const UNITS: UnitVersion[] = [
  unit('p70', '70', 'PROVINCE', null, OLD),
  unit('d700', '700', 'DISTRICT', '70', OLD),
  unit('c10', '10', 'COMMUNE', '700', OLD),
  unit('c11', '11', 'COMMUNE', '700', OLD),
  unit('p75', '75', 'PROVINCE', null, OLD),
  unit('d750', '750', 'DISTRICT', '75', OLD),
  unit('c20', '20', 'COMMUNE', '750', OLD),
  unit('c21', '21', 'COMMUNE', '750', OLD),
  unit('p75b', '75', 'PROVINCE', null, MID),
  unit('p75c', '75', 'PROVINCE', null, { from: '2026-04-30', to: null }),
  unit('n20', '20', 'COMMUNE', '75', NEW),
  unit('n30', '30', 'COMMUNE', '75', NEW),
  unit('p80', '80', 'PROVINCE', null, { from: null, to: null }),
  unit('n10', '10', 'COMMUNE', '80', NEW),
];
const link = (predecessor: string, successor: string, kind: 'FULL' | 'PARTIAL', date = '2025-07-01'): LineageLink => ({
  predecessor,
  successor,
  kind,
  date,
});
const LINKS: LineageLink[] = [
  link('p70', 'p75b', 'FULL'),
  link('p75', 'p75b', 'FULL'),
  link('p75b', 'p75c', 'FULL', '2026-04-30'),
  link('c20', 'n20', 'FULL'),
  link('c11', 'n20', 'FULL'),
  link('c21', 'n20', 'PARTIAL'),
  link('c10', 'n30', 'FULL'),
  link('c21', 'n30', 'PARTIAL'),
];
const index = indexHierarchy(UNITS, LINKS);
const TODAY = '2026-12-04';

describe('resolveUnit: the unit a code names on a date', () => {
  it.each([
    ['70', '2024-12-31', 'FOUND', 'p70'],
    ['75', '2024-12-31', 'FOUND', 'p75'],
    ['75', '2025-12-31', 'FOUND', 'p75b'],
    ['75', TODAY, 'FOUND', 'p75c'],
    ['10', '2024-12-31', 'FOUND', 'c10'],
    // reused code: on a date after the reform, 10 is the commune of province 80
    ['10', TODAY, 'FOUND', 'n10'],
    [' 20 ', TODAY, 'FOUND', 'n20'],
    ['70', '2025-12-31', 'NOT_ON_DATE', 'p70'],
    ['30', '2024-12-31', 'NOT_ON_DATE', 'n30'],
    ['99', TODAY, 'UNKNOWN', null],
  ] as const)('%s on %s → %s', (code, date, kind, id) => {
    const r = resolveUnit(index, code, date);
    expect(r.kind).toBe(kind);
    if (r.kind === 'FOUND') expect(r.unit.id).toBe(id);
    if (r.kind === 'NOT_ON_DATE') expect(r.nearest.id).toBe(id);
  });

  it('says what an ended unit became, and when', () => {
    const r = resolveUnit(index, '70', '2025-12-31');
    if (r.kind !== 'NOT_ON_DATE') throw new Error(r.kind);
    expect(r.became.map((b) => [b.unit.id, b.kind, b.on])).toEqual([['p75b', 'FULL', '2025-07-01']]);
    expect(unresolvedMessage(r, 'unitCode').en).toBe(
      'Code "70" (argument unitCode) named no unit on 2025-12-31: on 2025-07-01, PROVINCE 70 (p70) was merged into 75 (PROVINCE 75 (p75b)).',
    );
    // Seen today, the merged province is the city of 2026.
    const today = resolveUnit(index, '70', TODAY);
    expect(today.kind === 'NOT_ON_DATE' && today.became.map((b) => b.unit.id)).toEqual(['p75c']);
  });

  it('names a split commune’s parts, a code not yet in use, and an unknown code, in both languages', () => {
    const split = resolveUnit(index, '21', TODAY);
    if (split.kind !== 'NOT_ON_DATE') throw new Error(split.kind);
    expect(split.became.map((b) => [b.unit.code, b.kind])).toEqual([
      ['20', 'PARTIAL'],
      ['30', 'PARTIAL'],
    ]);
    expect(unresolvedMessage(split, 'asOf').en).toContain('was split into or partly merged into 20');
    const early = resolveUnit(index, '30', '2024-12-31');
    expect(early.kind === 'NOT_ON_DATE' && unresolvedMessage(early, 'unitCode')).toEqual({
      vi: 'Mã "30" (đối số unitCode) không phải đơn vị nào vào ngày 2024-12-31: COMMUNE 30 (n30) có từ ngày 2025-07-01.',
      en: 'Code "30" (argument unitCode) named no unit on 2024-12-31: COMMUNE 30 (n30) exists from 2025-07-01.',
    });
    const unknown = resolveUnit(index, '99', TODAY);
    expect(unknown.kind === 'UNKNOWN' && unresolvedMessage(unknown, 'unitCode')).toEqual({
      vi: 'Không có đơn vị hành chính nào mã "99" (đối số unitCode).',
      en: 'No administrative unit has code "99" (argument unitCode).',
    });
  });
});

describe('territoryOn: what lay in a unit, through the lineage', () => {
  const ids = (s: ReadonlySet<string>) => [...s].sort();
  it.each([
    // unit, date, full, partial
    // a split commune whose parts both lie in the province lies wholly in it
    ['p75c', TODAY, ['c10', 'c11', 'c20', 'c21', 'd700', 'd750', 'n20', 'n30', 'p70', 'p75', 'p75b', 'p75c'], []],
    // a new commune: every old commune that passed wholly into it, and the split one partly; not the district
    ['n20', TODAY, ['c11', 'c20', 'n20'], ['c21']],
    ['n30', TODAY, ['c10', 'n30'], ['c21']],
    // the reused code 10 of province 80 has nothing of old 10
    ['n10', TODAY, ['n10'], []],
    // old units on their own date: their subtree only
    ['p70', '2024-12-31', ['c10', 'c11', 'd700', 'p70'], []],
    ['c21', '2024-12-31', ['c21'], []],
    // the province of 2025 holds both old provinces, and not the city of 2026
    ['p75b', '2025-12-31', ['c10', 'c11', 'c20', 'c21', 'd700', 'd750', 'n20', 'n30', 'p70', 'p75', 'p75b'], []],
  ] as const)('%s on %s', (id, date, full, partial) => {
    const t = territoryOn(index, index.byId.get(id)!, date);
    expect(ids(t.full)).toEqual([...full].sort());
    expect(ids(t.partial)).toEqual([...partial].sort());
  });

  it('keeps the communes and the codes of its own level apart', () => {
    const t = territoryOn(index, index.byId.get('p75c')!, TODAY);
    expect(ids(t.communes)).toEqual(['c10', 'c11', 'c20', 'c21', 'n20', 'n30']);
    expect([...t.codes].sort()).toEqual(['70', '75']);
  });

  it('is the same answer asked twice (worked out once per unit and period)', () => {
    expect(territoryOn(index, index.byId.get('n20')!, TODAY)).toBe(territoryOn(index, index.byId.get('n20')!, '2026-06-01'));
  });
});

describe('readScope: one decision per unit, date and viewer', () => {
  const officer = (role: 'NATIONAL' | 'PROVINCE_OFFICER' | 'COMMUNE_OFFICER', unitCode: string | null): Viewer => ({
    kind: 'OFFICER',
    role,
    unitCode,
    subject: 't',
  });
  const partner = (unitCode: string | null): Viewer => ({ kind: 'PARTNER', keyId: 'k', name: 'p', scopes: ['read:areas'], unitCode });
  type Row = readonly [string, Viewer, string | null, string, string, string | null, boolean];
  // viewer, unit code, date → outcome, the unit found, whether the viewer's jurisdiction still narrows the answer
  const rows: Row[] = [
    ['public: no residential areas', ANONYMOUS, '70', '2024-12-31', 'FORBIDDEN', null, false],
    ['national: any unit, no narrowing', officer('NATIONAL', null), '70', '2024-12-31', 'SCOPE', 'p70', false],
    ['national: an ended code is NOT_FOUND', officer('NATIONAL', null), '70', '2025-12-31', 'NOT_FOUND', null, false],
    ['national: an unknown code is NOT_FOUND', officer('NATIONAL', null), '99', TODAY, 'NOT_FOUND', null, false],
    ['province 75 today sees 2024 Bình Phước whole', officer('PROVINCE_OFFICER', '75'), '70', '2024-12-31', 'SCOPE', 'p70', false],
    ['province 75 today sees 2024 Đồng Nai whole', officer('PROVINCE_OFFICER', '75'), '75', '2024-12-31', 'SCOPE', 'p75', false],
    ['province 75: the reused code 10 is outside', officer('PROVINCE_OFFICER', '75'), '10', TODAY, 'FORBIDDEN', null, false],
    ['province 75: old commune 10 is inside', officer('PROVINCE_OFFICER', '75'), '10', '2024-12-31', 'SCOPE', 'c10', false],
    ['commune 20: its province is narrowed to it', officer('COMMUNE_OFFICER', '20'), '75', TODAY, 'SCOPE', 'p75c', true],
    ['commune 20: old province 70 is narrowed', officer('COMMUNE_OFFICER', '20'), '70', '2024-12-31', 'SCOPE', 'p70', true],
    ['commune 20: old commune 11 is wholly its own', officer('COMMUNE_OFFICER', '20'), '11', '2024-12-31', 'SCOPE', 'c11', false],
    ['commune 20: the split commune 21 is narrowed', officer('COMMUNE_OFFICER', '20'), '21', '2024-12-31', 'SCOPE', 'c21', true],
    ['commune 20: old commune 10 is outside', officer('COMMUNE_OFFICER', '20'), '10', '2024-12-31', 'FORBIDDEN', null, false],
    ['commune 20: no unit asked, narrowed to it', officer('COMMUNE_OFFICER', '20'), null, '2024-12-31', 'SCOPE', null, true],
    ['a partner of 75 as an officer of 75', partner('75'), '70', '2024-12-31', 'SCOPE', 'p70', false],
    ['a partner of 80: 75 is outside', partner('80'), '75', TODAY, 'FORBIDDEN', null, false],
    ['an officer of a unit gone since (70) sees nothing', officer('PROVINCE_OFFICER', '70'), '70', '2024-12-31', 'FORBIDDEN', null, false],
  ];
  it.each(rows)('%s', (_name, viewer, unitCode, date, kind, unitId, narrowed) => {
    const s = readScope(index, { viewer, resource: 'RESIDENTIAL_AREA', operation: 'READ', unitCode, date, today: TODAY });
    expect(s.kind).toBe(kind);
    if (s.kind !== 'SCOPE') return;
    expect(s.unit?.unit.id ?? null).toBe(unitId);
    expect(s.viewer !== null).toBe(narrowed);
  });

  it('says why a public viewer may not read, and reads public aggregates anywhere', () => {
    expect(readScope(index, { viewer: ANONYMOUS, resource: 'RESIDENTIAL_AREA', operation: 'READ', date: TODAY, today: TODAY })).toEqual({
      kind: 'FORBIDDEN',
      reason: 'SIGN_IN_REQUIRED',
    });
    const s = readScope(index, { viewer: ANONYMOUS, resource: 'AGGREGATE', operation: 'READ', unitCode: '75', date: TODAY, today: TODAY });
    expect(s.kind === 'SCOPE' && s.viewer).toBeNull();
  });
});
