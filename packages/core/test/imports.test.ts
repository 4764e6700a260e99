import { describe, expect, it } from 'vitest';
import {
  CELL_PARSERS,
  choiceKeys,
  type CellResult,
  EDUCATION_LEVEL_LABELS,
  headerKeys,
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  looksMisencoded,
  readSheet,
  searchKey,
  type CellValue,
  type ColumnSpec,
} from '../src/index.js';

const { date, digits, count, yesNo, choice, phoneText, measure } = CELL_PARSERS;
const value = (r: CellResult<unknown>) => (r.ok ? r.value : r.code);

describe('cells', () => {
  it.each<[CellValue, string]>([
    ['31/12/2024', '2024-12-31'],
    ['1/7/2025', '2025-07-01'],
    ['01-07-2025', '2025-07-01'],
    ['01.07.2025', '2025-07-01'],
    ['2025-07-01', '2025-07-01'],
    [new Date(Date.UTC(2024, 1, 29)), '2024-02-29'],
    [45474, '2024-07-01'], // an Excel serial
    ['29/02/2023', 'BAD_DATE'],
    ['31/04/2024', 'BAD_DATE'],
    ['12/31/2024', 'BAD_DATE'], // month/day/year is not read
    ['1/7/25', 'BAD_DATE'], // two-digit years are not guessed
    ['2025-13-01', 'BAD_DATE'],
    ['hôm qua', 'BAD_DATE'],
    [12, 'BAD_DATE'],
    [true, 'BAD_DATE'],
  ])('date %j → %s', (cell, expected) => {
    expect(value(date(cell as Exclude<CellValue, null>))).toBe(expected);
  });

  it.each<[CellValue, string]>([
    ['25216', '25216'],
    [4, '00004'], // Excel dropped the zeros
    [' 25 216 ', '25216'],
    ['2521', 'INVALID'],
    [252160, 'INVALID'],
    ['2521a', 'INVALID'],
  ])('commune code %j → %s', (cell, expected) => {
    expect(value(digits(5)(cell as Exclude<CellValue, null>))).toBe(expected);
  });

  it.each<[CellValue, unknown]>([
    ['1.250', 1250],
    ['1,250', 1250],
    ['40', 40],
    [40, 40],
    [-1, 'BAD_NUMBER'],
    [2.5, 'BAD_NUMBER'],
    ['12a', 'BAD_NUMBER'],
    ['1.25', 'BAD_NUMBER'],
  ])('count %j → %s', (cell, expected) => {
    expect(value(count(cell as Exclude<CellValue, null>))).toBe(expected);
  });

  it.each<[CellValue, unknown]>([
    ['Có', true],
    ['co', true],
    ['x', true],
    ['Yes', true],
    [true, true],
    ['Không', false],
    ['KHONG', false],
    ['no', false],
    [false, false],
    ['có thể', 'BAD_YES_NO'],
  ])('yes/no %j → %s', (cell, expected) => {
    expect(value(yesNo(cell as Exclude<CellValue, null>))).toBe(expected);
  });

  it.each<[CellValue, unknown]>([
    ['Có', true],
    ['không', false],
    [true, true],
    ['42/50', { part: 42, whole: 50 }],
    [' 42 / 50 ', { part: 42, whole: 50 }],
    ['2', 2],
    ['1,5', 1.5],
    ['1.5', 1.5],
    [0, 0],
    ['1', 1],
    [-1, 'INVALID'],
    ['42/', 'INVALID'],
    ['có thể', 'INVALID'],
    [new Date('2024-01-01'), 'INVALID'],
  ])('grading measure %j → %j', (cell, expected) => {
    expect(value(measure(cell as Exclude<CellValue, null>))).toEqual(expected);
  });

  it('reads choices by code, label or alias, ignoring case and diacritics', () => {
    const education = IMPORT_COLUMNS.TEAM_MEMBERS.education.parse;
    expect(value(education('12/12'))).toBe('UPPER_SECONDARY');
    expect(value(education('thcs'))).toBe('LOWER_SECONDARY');
    expect(value(education('Tốt nghiệp trung học cơ sở'))).toBe('LOWER_SECONDARY');
    expect(value(education('Lower secondary'))).toBe('LOWER_SECONDARY');
    expect(value(education('cao học'))).toBe('BAD_CHOICE');
    const kind = IMPORT_COLUMNS.RESIDENTIAL_AREAS.kind.parse;
    expect(value(kind('TỔ DÂN PHỐ'))).toBe('TO_DAN_PHO');
    expect(value(kind('to dan pho'))).toBe('TO_DAN_PHO');
    expect(value(kind('TO_DAN_PHO'))).toBe('TO_DAN_PHO');
    expect(value(choice(EDUCATION_LEVEL_LABELS)(new Date()))).toBe('BAD_CHOICE');
    expect(value(phoneText(912345678))).toBe('0912345678');
  });

  it('no two values of a choice column share a matching key', () => {
    for (const kind of IMPORT_KINDS) {
      for (const spec of Object.values(IMPORT_COLUMNS[kind]) as Array<ColumnSpec<unknown>>) {
        if (!spec.choices) continue;
        const keys = new Map<string, string>();
        for (const [v, l] of Object.entries(spec.choices))
          for (const name of [v, l.vi, l.en]) {
            const k = searchKey(name);
            expect(keys.get(k) ?? v, `${kind} ${spec.header.en}: "${name}"`).toBe(v);
            keys.set(k, v);
          }
        expect(choiceKeys(spec.choices).size).toBeGreaterThan(0);
      }
    }
  });

  it.each([
    ['Ấp 3, xã Tân Lợi', false],
    ['Tổ dân phố Hoà Bình', false],
    ['Ãp 3', false],
    ['áº¤p 3', true], // "Ấp" as UTF-8 bytes read as Windows-1252
    ['Tá»• dÃ¢n phá»‘', true],
    ['Nguyá»…n VÄƒn An', true],
    ['Ph\uFFFDng', true],
  ])('misencoded %j → %s', (s, expected) => {
    expect(looksMisencoded(s)).toBe(expected);
  });
});

describe('headers and rows', () => {
  it('no two columns of a kind share a header key', () => {
    for (const kind of IMPORT_KINDS) {
      const seen = new Map<string, string>();
      for (const [key, spec] of Object.entries(IMPORT_COLUMNS[kind]) as Array<[string, ColumnSpec<unknown>]>) {
        for (const name of [spec.header.vi, spec.header.en, ...spec.aliases]) {
          expect(seen.get(searchKey(name)) ?? key, `${kind}: "${name}"`).toBe(key);
          seen.set(searchKey(name), key);
        }
      }
      expect(headerKeys(kind).size).toBe(seen.size);
    }
  });

  it('matches headers whatever their case, diacritics or tone-mark placement, and reads rows', () => {
    const read = readSheet('RESIDENTIAL_AREAS', {
      header: ['STT', 'MÃ XÃ', 'ten khu dan cu', 'Loại khu dân cư', 'Ngày thành lập', 'Số hộ', 'Ghi chú'],
      rows: [
        { number: 2, cells: [1, '25216', 'Ấp 3', 'Ấp', '01/07/2025', 40, ''] },
        { number: 3, cells: [null, '', '', '', null, null, null] },
        { number: 4, cells: [2, '2521', 'Ấp 4', 'Phường', '31/02/2025', 'nhiều', 'x'] },
      ],
    });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.ignored).toEqual(['STT', 'Ghi chú']);
    expect(read.rows).toHaveLength(2); // the empty row 3 is skipped, numbers are kept
    expect(read.rows[0]).toEqual({
      row: 2,
      values: { communeCode: '25216', name: 'Ấp 3', kind: 'AP', validFrom: '2025-07-01', households: 40, residents: null },
      problems: [],
    });
    expect(read.rows[1]!.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [4, 'MÃ XÃ', 'INVALID'],
      [4, 'Loại khu dân cư', 'BAD_CHOICE'],
      [4, 'Ngày thành lập', 'BAD_DATE'],
      [4, 'Số hộ', 'BAD_NUMBER'],
    ]);
    expect(read.rows[1]!.problems[0]!.message.vi).toMatch(/không hợp lệ/);
  });

  it('refuses a sheet without a required column, with a repeated one, or without rows', () => {
    const missing = readSheet('MODELS', { header: ['Mã xã', 'Tên mô hình'], rows: [{ number: 2, cells: ['25216', 'x'] }] });
    expect(missing.ok ? [] : missing.problems.map((p) => [p.code, p.column])).toEqual([
      ['MISSING_COLUMN', 'Tên khu dân cư'],
      ['MISSING_COLUMN', 'Loại mô hình'],
      ['MISSING_COLUMN', 'Ngày thành lập'],
      ['MISSING_COLUMN', 'Lực lượng xây dựng'],
    ]);
    const repeated = readSheet('RESIDENTIAL_AREAS', { header: ['Mã xã', 'Commune code', 'Tên khu dân cư', 'Loại'], rows: [] });
    expect(repeated.ok ? [] : repeated.problems.map((p) => p.code)).toEqual(['DUPLICATE_COLUMN']);
    const empty = readSheet('RESIDENTIAL_AREAS', {
      header: ['Mã xã', 'Tên khu dân cư', 'Loại'],
      rows: [{ number: 2, cells: [null, ' '] }],
    });
    expect(empty.ok ? [] : empty.problems.map((p) => p.code)).toEqual(['EMPTY']);
  });
});
