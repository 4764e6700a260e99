import { describe, expect, it } from 'vitest';
import { AdminUnitsFileError, type SourceLink, type SourceUnit } from '../src/admin-units/sources.js';
import { planAdminUnits, type EraInput, type Plan, type PlannedUnit } from '../src/admin-units/plan.js';

// Small hand-made snapshots in the shape of the real ones: a three-level era, the
// 2025-07-01 reform with its lineage, and a later era without lineage.

const KIND_WORD = /^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Thị trấn|Xã|Phường|Đặc khu)\s+/iu;
const LEVEL = { 2: 'PROVINCE', 3: 'DISTRICT', 5: 'COMMUNE' } as const;

function unit(code: string, fullName: string, parentCode: string | null = null): SourceUnit {
  return {
    code,
    level: LEVEL[code.length as 2 | 3 | 5],
    name: fullName.replace(KIND_WORD, ''),
    fullName,
    nameEn: null,
    fullNameEn: null,
    parentCode,
  };
}

const link = (oldCode: string, newCode: string, kind: SourceLink['kind'] = 'FULL'): SourceLink => ({ oldCode, newCode, kind });

function threeLevelEra(): EraInput {
  return {
    from: null,
    file: 'units-a.json',
    units: [
      unit('01', 'Thành phố Hà Nội'),
      unit('001', 'Quận Ba Đình', '01'),
      unit('00004', 'Phường Trúc Bạch', '001'),
      unit('70', 'Tỉnh Bình Phước'),
      unit('689', 'Huyện Lộc Ninh', '70'),
      unit('25000', 'Thị trấn Lộc Ninh', '689'),
      unit('75', 'Tỉnh Đồng Nai'),
      unit('731', 'Thành phố Biên Hòa', '75'),
      unit('26001', 'Phường Hòa Bình', '731'),
      unit('26002', 'Phường Quyết Thắng', '731'),
      unit('26003', 'Xã Hóa An', '731'),
    ],
  };
}

function reformEra(): EraInput {
  return {
    from: '2025-07-01',
    file: 'units-b.json',
    units: [
      unit('01', 'Thành phố Hà Nội'),
      unit('00004', 'Phường Ba Đình', '01'),
      unit('75', 'Tỉnh Đồng Nai'),
      unit('25000', 'Xã Lộc Ninh', '75'),
      unit('26001', 'Phường Hòa Bình', '75'),
      unit('26004', 'Xã Tân Hòa', '75'),
    ],
    lineage: {
      file: 'lineage-b.json',
      links: [
        link('01', '01'),
        link('00004', '00004'),
        link('70', '75'),
        link('75', '75'),
        link('25000', '25000'),
        link('26001', '26001'),
        link('26002', '26001'),
        link('26003', '26001', 'PARTIAL'),
        link('26003', '26004', 'PARTIAL'),
      ],
    },
  };
}

/** The reform era's units, three of them renamed (Đồng Nai a city, Hoà spelt anew, Tân Hoà a ward), without lineage. */
function laterEra(): EraInput {
  const renamed: Readonly<Record<string, string>> = {
    '75': 'Thành phố Đồng Nai',
    '26001': 'Phường Hoà Bình',
    '26004': 'Phường Tân Hoà',
  };
  return {
    from: '2026-04-30',
    file: 'units-c.json',
    units: reformEra().units.map((u) => {
      const fullName = renamed[u.code];
      return fullName === undefined ? u : unit(u.code, fullName, u.parentCode);
    }),
  };
}

const versions = (plan: Plan, code: string) => plan.units.filter((u) => u.code === code);
const only = (plan: Plan, code: string, validFrom: string | null): PlannedUnit => {
  const found = plan.units.filter((u) => u.code === code && u.validFrom === validFrom);
  expect(found, `${code} from ${validFrom}`).toHaveLength(1);
  return found[0]!;
};
const linksOf = (plan: Plan) =>
  plan.links
    .map(
      (l) => `${l.predecessor.code}@${l.predecessor.validFrom ?? '-'} → ${l.successor.code}@${l.successor.validFrom} ${l.kind} ${l.date}`,
    )
    .sort();

describe('planAdminUnits', () => {
  const plan = planAdminUnits([threeLevelEra(), reformEra(), laterEra()]);

  it('keeps an unchanged unit as one unit across all eras', () => {
    expect(versions(plan, '01')).toEqual([
      expect.objectContaining({ fullName: 'Thành phố Hà Nội', kind: 'THANH_PHO_TRUC_THUOC_TRUNG_UONG', validFrom: null, validTo: null }),
    ]);
    expect(linksOf(plan).filter((l) => l.startsWith('01@'))).toEqual([]);
  });

  it('keeps a unit whose name only moves a tone mark (Hòa → Hoà) as one unit, in the later spelling', () => {
    expect(versions(plan, '26001').map((u) => [u.validFrom, u.validTo])).toEqual([
      [null, '2025-06-30'],
      ['2025-07-01', null],
    ]);
    const current = only(plan, '26001', '2025-07-01');
    expect(current).toMatchObject({ name: 'Hoà Bình', fullName: 'Phường Hoà Bình', kind: 'PHUONG' });
    expect(current.searchText).toContain('phuong hoa binh');
  });

  it('ends the units that an era no longer lists on the day before it', () => {
    for (const code of ['70', '689', '001', '731', '26002', '26003'])
      expect(
        versions(plan, code).map((u) => [u.validFrom, u.validTo]),
        code,
      ).toEqual([[null, '2025-06-30']]);
  });

  it('starts a new unit for a code that is reused for another unit, linked by the lineage', () => {
    expect(versions(plan, '00004').map((u) => [u.fullName, u.parentCode, u.validFrom, u.validTo])).toEqual([
      ['Phường Trúc Bạch', '001', null, '2025-06-30'],
      ['Phường Ba Đình', '01', '2025-07-01', null],
    ]);
  });

  it('turns a reclassification under the same code into a new unit linked FULL (Thị trấn Lộc Ninh → Xã Lộc Ninh)', () => {
    expect(only(plan, '25000', null)).toMatchObject({ kind: 'THI_TRAN', parentCode: '689', validTo: '2025-06-30' });
    expect(only(plan, '25000', '2025-07-01')).toMatchObject({ kind: 'XA', fullName: 'Xã Lộc Ninh', parentCode: '75', validTo: null });
    expect(linksOf(plan)).toContain('25000@- → 25000@2025-07-01 FULL 2025-07-01');
  });

  it('turns a rename without any recorded lineage into a new unit linked FULL (Tỉnh Đồng Nai → Thành phố Đồng Nai)', () => {
    expect(versions(plan, '75').map((u) => [u.fullName, u.kind, u.validFrom, u.validTo])).toEqual([
      ['Tỉnh Đồng Nai', 'TINH', null, '2025-06-30'],
      ['Tỉnh Đồng Nai', 'TINH', '2025-07-01', '2026-04-29'],
      ['Thành phố Đồng Nai', 'THANH_PHO_TRUC_THUOC_TRUNG_UONG', '2026-04-30', null],
    ]);
    expect(versions(plan, '26004').map((u) => [u.fullName, u.kind, u.validFrom, u.validTo])).toEqual([
      ['Xã Tân Hòa', 'XA', '2025-07-01', '2026-04-29'],
      ['Phường Tân Hoà', 'PHUONG', '2026-04-30', null],
    ]);
    expect(linksOf(plan).filter((l) => l.endsWith('2026-04-30'))).toEqual([
      '26004@2025-07-01 → 26004@2026-04-30 FULL 2026-04-30',
      '75@2025-07-01 → 75@2026-04-30 FULL 2026-04-30',
    ]);
  });

  it('links a merge with its full and partial predecessors (Bình Phước + Đồng Nai → Đồng Nai)', () => {
    expect(linksOf(plan).filter((l) => l.endsWith('2025-07-01'))).toEqual([
      '00004@- → 00004@2025-07-01 FULL 2025-07-01',
      '25000@- → 25000@2025-07-01 FULL 2025-07-01',
      '26001@- → 26001@2025-07-01 FULL 2025-07-01',
      '26002@- → 26001@2025-07-01 FULL 2025-07-01',
      '26003@- → 26001@2025-07-01 PARTIAL 2025-07-01',
      '26003@- → 26004@2025-07-01 PARTIAL 2025-07-01',
      '70@- → 75@2025-07-01 FULL 2025-07-01',
      '75@- → 75@2025-07-01 FULL 2025-07-01',
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('reports lineage that names units no snapshot has, and skips it', () => {
    const reform = reformEra();
    reform.lineage!.links.push(link('99999', '26004'), link('26002', '88888'));
    const { links, warnings } = planAdminUnits([threeLevelEra(), reform]);
    expect(links).toHaveLength(8);
    expect(warnings).toEqual([
      'lineage-b.json: 99999 → 26004: no unit 99999 held before 2025-07-01; link skipped',
      'lineage-b.json: 26002 → 88888: no unit 88888 in units-b.json; link skipped',
    ]);
  });

  it('reports pairs that the two lineage files do not both state', () => {
    const reform = reformEra();
    const pairs = reform.lineage!.links.map((l): [string, string] => [l.oldCode, l.newCode]).filter(([o]) => o !== '26003');
    reform.lineage!.splits = { file: 'splits-b.json', pairs: [...pairs, ['26002', '26004']] };
    expect(planAdminUnits([threeLevelEra(), reform]).warnings).toEqual([
      'splits-b.json: 26002 → 26004 is not in the merges file',
      'splits-b.json: 26003 → 26001 from the merges file is missing',
      'splits-b.json: 26003 → 26004 from the merges file is missing',
    ]);
  });

  it('mends a name damaged by a bad encoding (U+FFFD) from another snapshot, and says so', () => {
    const later = laterEra();
    later.units[1] = { ...later.units[1]!, fullName: 'Phư\uFFFD\uFFFDng Ba Đình' };
    const mended = planAdminUnits([threeLevelEra(), reformEra(), later]);
    expect(versions(mended, '00004').map((u) => [u.fullName, u.validFrom, u.validTo])).toEqual([
      ['Phường Trúc Bạch', null, '2025-06-30'],
      ['Phường Ba Đình', '2025-07-01', null],
    ]);
    expect(mended.warnings).toEqual(['units-c.json: unit 00004: "Phư\uFFFD\uFFFDng Ba Đình" read as "Phường Ba Đình"']);
  });

  it('rejects a damaged name that no other snapshot spells, naming the file and the record', () => {
    const later = laterEra();
    later.units.push(unit('26010', 'Xã Ph\uFFFDớc Tân', '75'));
    let error: unknown;
    try {
      planAdminUnits([threeLevelEra(), reformEra(), later]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AdminUnitsFileError);
    expect(error).toMatchObject({ file: 'units-c.json', record: 'unit 26010' });
    expect((error as Error).message).toMatch(/^units-c\.json: unit 26010: the name "Ph\uFFFDớc Tân" has characters lost to a bad encoding/);
  });

  it('capitalises a kind word written in lower case (xã Lộc Ninh), keeping the unit, and says so', () => {
    const later = laterEra();
    later.units[3] = unit('25000', 'xã Lộc Ninh', '75');
    const result = planAdminUnits([threeLevelEra(), reformEra(), later]);
    expect(versions(result, '25000').map((u) => [u.fullName, u.kind, u.validFrom, u.validTo])).toEqual([
      ['Thị trấn Lộc Ninh', 'THI_TRAN', null, '2025-06-30'],
      ['Xã Lộc Ninh', 'XA', '2025-07-01', null],
    ]);
    expect(result.warnings).toEqual(['units-c.json: unit 25000: "xã Lộc Ninh" read as "Xã Lộc Ninh"']);
  });

  it('rejects a name that does not start with a kind of its level', () => {
    const later = laterEra();
    later.units.push(unit('26011', 'Huyện Tân Phú', '75'));
    expect(() => planAdminUnits([threeLevelEra(), reformEra(), later])).toThrow(
      new AdminUnitsFileError('units-c.json', 'unit 26011 (Huyện Tân Phú)', 'the name does not start with a kind of commune'),
    );
  });
});
