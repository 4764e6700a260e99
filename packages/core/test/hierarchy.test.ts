import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  childLevel,
  descendantsOn,
  isValidOn,
  nameKey,
  predecessorsOf,
  searchKey,
  successorsOf,
  unitKindOf,
  unitOn,
  unitsValidOn,
  viewDate,
  type AdminLevel,
  type LineageLink,
  type UnitKind,
} from '../src/index.js';

describe('nameKey: names match after NFC and tone-mark normalisation', () => {
  it.each([
    ['Hòa Bình', 'Hoà Bình', true], // tone mark on o or on a
    ['Thủy Nguyên', 'Thuỷ Nguyên', true],
    ['Hòa', 'Hóa', false], // a different tone is a different name
    ['Hòa', 'Hoa', false],
    ['Bình Phước', 'bình  phước ', true], // case and spaces
    ['Bình Phước'.normalize('NFD'), 'Bình Phước', true], // decomposed input
    ['Đồng Nai', 'Dong Nai', false], // diacritics other than tones are kept
    ['Ơn', 'On', false],
  ])('%j ~ %j: %s', (a, b, same) => {
    expect(nameKey(a) === nameKey(b)).toBe(same);
  });
});

describe('searchKey: search without diacritics', () => {
  it.each([
    ['Tỉnh Bình Phước', 'tinh binh phuoc'],
    ['Thành phố Hồ Chí Minh', 'thanh pho ho chi minh'],
    ['Đặc khu Côn Đảo', 'dac khu con dao'],
    ['Phường Văn Miếu - Quốc Tử Giám', 'phuong van mieu quoc tu giam'],
    ['  BÌNH   PHƯỚC ', 'binh phuoc'],
  ])('%j → %j', (text, key) => {
    expect(searchKey(text)).toBe(key);
  });

  it('is idempotent and yields only ASCII letters, digits and single spaces', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            ...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ -ĐÂ'.split(''),
          ),
        }),
        (s) => {
          const key = searchKey(s);
          expect(searchKey(key)).toBe(key);
          expect(key).toMatch(/^([a-z0-9]+( [a-z0-9]+)*)?$/);
        },
      ),
    );
  });
});

describe('unitKindOf: the kind from the full name and level', () => {
  it.each<[string, AdminLevel, UnitKind | null]>([
    ['Tỉnh Bình Phước', 'PROVINCE', 'TINH'],
    ['Thành phố Đồng Nai', 'PROVINCE', 'THANH_PHO_TRUC_THUOC_TRUNG_UONG'],
    ['Thành phố Đồng Xoài', 'DISTRICT', 'THANH_PHO_THUOC_TINH'],
    ['Thị xã Phước Long', 'DISTRICT', 'THI_XA'],
    ['Huyện Lộc Ninh', 'DISTRICT', 'HUYEN'],
    ['Quận Ba Đình', 'DISTRICT', 'QUAN'],
    ['Thị trấn Lộc Ninh', 'COMMUNE', 'THI_TRAN'],
    ['Xã Lộc Ninh', 'COMMUNE', 'XA'],
    ['xã Bắc Sơn', 'COMMUNE', 'XA'], // the kind word in lower case, as one source writes it
    ['Phường Ba Đình', 'COMMUNE', 'PHUONG'],
    ['Đặc khu Côn Đảo', 'COMMUNE', 'DAC_KHU'],
    ['Tỉnh Bình Phước', 'COMMUNE', null], // no tỉnh at commune level
    ['Xã', 'COMMUNE', null], // a kind word alone is not a name
    ['Làng Vân', 'COMMUNE', null],
  ])('%j at %s → %s', (name, level, kind) => {
    expect(unitKindOf(name, level)).toBe(kind);
  });
});

describe('childLevel: districts end on 2025-07-01', () => {
  it.each<[AdminLevel, string, AdminLevel | null]>([
    ['PROVINCE', '2025-06-30', 'DISTRICT'],
    ['PROVINCE', '2025-07-01', 'COMMUNE'],
    ['DISTRICT', '2024-01-01', 'COMMUNE'],
    ['COMMUNE', '2024-01-01', null],
  ])('below %s on %s: %s', (level, date, child) => {
    expect(childLevel(level, date)).toBe(child);
  });
});

const unit = (code: string, from: string | null, to: string | null) => ({ code, validity: { from, to } });
const units = [
  unit('70', null, '2025-06-30'),
  unit('75', null, '2025-06-30'),
  unit('75', '2025-07-01', '2026-04-29'),
  unit('75', '2026-04-30', null),
];

describe('validity: which units held on a date', () => {
  it.each([
    ['2024-01-01', ['70', '75'], null],
    ['2025-06-30', ['70', '75'], null],
    ['2025-07-01', ['75'], '2025-07-01'],
    ['2026-04-29', ['75'], '2025-07-01'],
    ['2026-04-30', ['75'], '2026-04-30'],
  ])('on %s: %j, 75 from %s', (date, codes, from75) => {
    expect(unitsValidOn(units, date).map((u) => u.code)).toEqual(codes);
    expect(unitOn(units, '75', date)?.validity.from).toBe(from75);
  });

  it('has no unit 70 after the reform', () => {
    expect(unitOn(units, '70', '2025-07-01')).toBeUndefined();
    expect(isValidOn(units[0]!, '2025-06-30')).toBe(true);
  });

  it.each([
    ['2024-06-01', null, '2025-06-30', '2024-06-01'],
    ['2026-11-26', null, '2025-06-30', '2025-06-30'],
    ['2025-01-01', '2025-07-01', '2026-04-29', '2025-07-01'],
    ['2026-11-26', '2026-04-30', null, '2026-11-26'],
  ])('a unit reached by ID on %s is seen on its nearest valid day', (asked, from, to, seen) => {
    expect(viewDate({ validity: { from, to } }, asked)).toBe(seen);
  });
});

describe('lineage: what a unit became and came from', () => {
  const links: LineageLink[] = [
    { predecessor: 'binh-phuoc', successor: 'dong-nai-2025', kind: 'FULL', date: '2025-07-01' },
    { predecessor: 'dong-nai-old', successor: 'dong-nai-2025', kind: 'FULL', date: '2025-07-01' },
    { predecessor: 'dong-nai-2025', successor: 'dong-nai-city', kind: 'FULL', date: '2026-04-30' },
    { predecessor: 'commune-a', successor: 'commune-x', kind: 'FULL', date: '2025-07-01' },
    { predecessor: 'commune-b', successor: 'commune-x', kind: 'PARTIAL', date: '2025-07-01' },
    { predecessor: 'commune-b', successor: 'commune-y', kind: 'PARTIAL', date: '2025-07-01' },
  ];

  it('lists direct successors and predecessors', () => {
    expect(successorsOf(links, 'binh-phuoc').map((l) => l.successor)).toEqual(['dong-nai-2025']);
    expect(predecessorsOf(links, 'dong-nai-2025').map((l) => l.predecessor)).toEqual(['binh-phuoc', 'dong-nai-old']);
    expect(successorsOf(links, 'dong-nai-city')).toEqual([]);
  });

  it.each([
    ['binh-phuoc', '2024-12-31', [{ unit: 'binh-phuoc', kind: 'FULL' }]],
    ['binh-phuoc', '2025-08-01', [{ unit: 'dong-nai-2025', kind: 'FULL' }]],
    ['binh-phuoc', '2026-11-26', [{ unit: 'dong-nai-city', kind: 'FULL' }]],
    [
      'commune-b',
      '2025-08-01',
      [
        { unit: 'commune-x', kind: 'PARTIAL' },
        { unit: 'commune-y', kind: 'PARTIAL' },
      ],
    ],
    ['commune-a', '2025-08-01', [{ unit: 'commune-x', kind: 'FULL' }]],
  ])('%s on %s became %j', (from, date, expected) => {
    expect(descendantsOn(links, from, date)).toEqual(expected);
  });

  it('survives a cycle in bad data', () => {
    const cyclic: LineageLink[] = [
      { predecessor: 'a', successor: 'b', kind: 'FULL', date: '2025-01-01' },
      { predecessor: 'b', successor: 'a', kind: 'FULL', date: '2025-01-01' },
    ];
    expect(descendantsOn(cyclic, 'a', '2025-02-01')).toEqual([{ unit: 'b', kind: 'FULL' }]);
  });
});
