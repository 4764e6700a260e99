/**
 * Reading one spreadsheet cell as the value a column expects, the way provinces write them:
 * dates as day/month/year (or ISO, or an Excel date cell), yes/no in Vietnamese or English,
 * choices by their Vietnamese or English label or code with or without diacritics, codes
 * that Excel turned into numbers (losing their leading zeros).
 */
import { isIsoDate, isoDate, type IsoDate } from '../dates.js';
import { searchKey } from '../hierarchy/names.js';
import type { Label } from '../labels.js';
import type { CriterionMeasure } from '../rules/grading.js';
import type { RowProblemCode } from './problems.js';

/** A cell as a reader gives it: text (CSV, XLSX text), a number, a boolean, an Excel date (UTC midnight), or nothing. */
export type CellValue = string | number | boolean | Date | null;

export type CellResult<T> = { readonly ok: true; readonly value: T | null } | { readonly ok: false; readonly code: RowProblemCode };
/** Reads a non-empty cell (empty ones are null before a parser sees them). */
export type CellParser<T> = (cell: Exclude<CellValue, null>) => CellResult<T>;

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const bad = (code: RowProblemCode): CellResult<never> => ({ ok: false, code });

/** Whether a cell holds nothing (absent, or only spaces). */
export function isBlank(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Text, trimmed and NFC; numbers as written. */
export const text: CellParser<string> = (cell) => {
  if (cell instanceof Date) return bad('INVALID');
  return ok(String(cell).trim().normalize('NFC'));
};

/**
 * A code of `digits` digits. Excel stores "00004" typed into a General cell as the number
 * 4, so a whole number is padded back; a text code must already have all its digits.
 */
export function digits(length: number): CellParser<string> {
  return (cell) => {
    if (typeof cell === 'number')
      return Number.isInteger(cell) && cell >= 0 && String(cell).length <= length ? ok(String(cell).padStart(length, '0')) : bad('INVALID');
    if (typeof cell !== 'string') return bad('INVALID');
    const s = cell.trim().replace(/[\s.]/g, '');
    return new RegExp(`^\\d{${length}}$`).test(s) ? ok(s) : bad('INVALID');
  };
}

/** A phone number: Excel drops the leading 0 of one typed as a number; put back. */
export const phoneText: CellParser<string> = (cell) => {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell > 0 ? ok(`0${cell}`) : bad('INVALID');
  return text(cell);
};

/** A whole number, zero or more ("1.250" and "1,250" as thousands, as Vietnamese and English write them). */
export const count: CellParser<number> = (cell) => {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 ? ok(cell) : bad('BAD_NUMBER');
  if (typeof cell !== 'string') return bad('BAD_NUMBER');
  const s = cell.trim();
  if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(s)) return bad('BAD_NUMBER');
  const n = Number(s.replace(/[.,]/g, ''));
  return Number.isSafeInteger(n) ? ok(n) : bad('BAD_NUMBER');
};

// Excel's serial day 25569 is 1970-01-01; serials in this range are dates from 1954 to 2119.
const EXCEL_EPOCH_SERIAL = 25569;
const SERIAL_RANGE = [20000, 80000] as const;

/**
 * A calendar date: an Excel date cell, an Excel serial number, `dd/mm/yyyy` (also with
 * `-` or `.`, and one-digit day or month), or ISO `yyyy-mm-dd`. Two-digit years and
 * month/day/year order cannot be told apart safely and are refused (13/01 is, 01/13 is not).
 */
export const date: CellParser<IsoDate> = (cell) => {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad('BAD_DATE');
    // Readers give Excel dates as UTC midnight of the day shown.
    return ok(isoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()));
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < SERIAL_RANGE[0] || cell > SERIAL_RANGE[1]) return bad('BAD_DATE');
    const d = new Date((cell - EXCEL_EPOCH_SERIAL) * 86_400_000);
    return ok(isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
  }
  if (typeof cell !== 'string') return bad('BAD_DATE');
  const s = cell.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return isIsoDate(s) ? ok(s) : bad('BAD_DATE');
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return bad('BAD_DATE');
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? ok(iso) : bad('BAD_DATE');
};

const YES = new Set(['co', 'x', 'yes', 'y', 'true', '1', 'dat', 'du']);
const NO = new Set(['khong', 'no', 'n', 'false', '0', 'chua', 'khong dat']);

/** Yes or no: Có / Không (with or without diacritics), x, yes / no, true / false, 1 / 0, an Excel checkbox. */
export const yesNo: CellParser<boolean> = (cell) => {
  if (typeof cell === 'boolean') return ok(cell);
  if (cell instanceof Date) return bad('BAD_YES_NO');
  const key = searchKey(String(cell));
  return YES.has(key) ? ok(true) : NO.has(key) ? ok(false) : bad('BAD_YES_NO');
};

/**
 * A grading criterion's measure as written: yes / no (as {@link yesNo}, but "1" and "0" are
 * points), a share "part/whole" ("42/50"), or points ("2", "1,5", "1.5"). Which one a
 * criterion needs is the configuration's to say.
 */
export const measure: CellParser<CriterionMeasure> = (cell) => {
  if (typeof cell === 'boolean') return ok(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) && cell >= 0 ? ok(cell) : bad('INVALID');
  if (cell instanceof Date) return bad('INVALID');
  const s = cell.trim();
  const share = /^(\d+)\s*\/\s*(\d+)$/.exec(s);
  if (share) return ok({ part: Number(share[1]), whole: Number(share[2]) });
  if (/^\d+([.,]\d+)?$/.test(s)) return ok(Number(s.replace(',', '.')));
  const yes = yesNo(cell);
  return yes.ok ? yes : bad('INVALID');
};

/**
 * One of an enum's values, by its code (`TO_DAN_PHO`), its Vietnamese or English label
 * (`Tổ dân phố`, `to dan pho`, `Residential group`) or an extra name provinces use
 * (`THCS` for lower secondary). Matching ignores case, diacritics and punctuation.
 */
export function choice<T extends string>(labels: Readonly<Record<T, Label>>, extra: Readonly<Record<string, T>> = {}): CellParser<T> {
  const byKey = choiceKeys(labels, extra);
  return (cell) => {
    if (cell instanceof Date || typeof cell === 'boolean') return bad('BAD_CHOICE');
    const value = byKey.get(searchKey(String(cell)));
    return value ? ok(value) : bad('BAD_CHOICE');
  };
}

/** The keys `choice` matches, each to its value (exported for the test that no two values share a key). */
export function choiceKeys<T extends string>(labels: Readonly<Record<T, Label>>, extra: Readonly<Record<string, T>> = {}): Map<string, T> {
  const byKey = new Map<string, T>();
  for (const [value, label] of Object.entries(labels) as Array<[T, Label]>) {
    for (const name of [value, label.vi, label.en]) byKey.set(searchKey(name), value);
  }
  for (const [name, value] of Object.entries(extra) as Array<[string, T]>) byKey.set(searchKey(name), value);
  return byKey;
}

// Vietnamese text decoded with the wrong code page: UTF-8 bytes read as Windows-1252/Latin-1
// ("Ã¡", "áº", "á»", "Æ°", "Ä‘"), and the replacement character of a failed decoding.
const MOJIBAKE =
  /\uFFFD|Ã[\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u203A]|á[º»]|Æ[°¯]|Ä[\u0090\u0091‘]|áº|á»/u;

/**
 * Whether text read as UTF-8 shows the marks of a wrong encoding. (Bytes that are not
 * UTF-8 at all, as Windows-1258 and TCVN3 files are, fail before this: see the reader.)
 */
export function looksMisencoded(textRead: string): boolean {
  return MOJIBAKE.test(textRead);
}
