/**
 * From a file's bytes to a sheet of cells: an Excel workbook (.xlsx, its first sheet) or a
 * CSV file (UTF-8, comma or semicolon). The header row is the first of the first ten rows
 * that names at least two of the kind's columns, so a title above the table (as provinces'
 * lists have) is skipped; row numbers are the ones the spreadsheet shows.
 *
 * Encoding: a CSV file that is not valid UTF-8, or that reads as Vietnamese mis-decoded
 * (mojibake), is refused as a whole with what to do (save as "CSV UTF-8"). It is not
 * guessed and converted: Windows-1258 (which writes tone marks as separate characters),
 * TCVN3 and VNI all map Vietnamese letters onto the same Latin-1 byte range, so a file
 * valid in one is usually valid in the others and a wrong guess would store wrong names
 * without anyone noticing. Saving again as UTF-8 takes the user a minute.
 */
import {
  headerKeys,
  isBlank,
  looksMisencoded,
  searchKey,
  fileProblem,
  type CellValue,
  type FileProblem,
  type ImportKind,
  type RawSheet,
} from '@antq/core';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { excelJs } from '../excel.js';

/** What a file may hold: its size and its data rows. */
export interface ImportLimits {
  readonly maxBytes: number;
  readonly maxRows: number;
}
export const IMPORT_LIMITS: ImportLimits = { maxBytes: 5 * 1024 * 1024, maxRows: 5000 };

export type SheetOrProblems = { ok: true; sheet: RawSheet; format: 'XLSX' | 'CSV' } | { ok: false; problems: FileProblem[] };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const limitNote = (limit: number, unit: { vi: string; en: string }) => ({
  vi: `Giới hạn: ${limit} ${unit.vi}.`,
  en: `The limit is ${limit} ${unit.en}.`,
});

/** A file over the size limit, refused unread. */
export function tooLarge(limits: ImportLimits): SheetOrProblems & { ok: false } {
  return {
    ok: false,
    problems: [fileProblem('TOO_LARGE', { note: limitNote(Math.round(limits.maxBytes / 1024), { vi: 'KB', en: 'KB' }) })],
  };
}

/** Reads the sheet of a file of `kind`, or says why it cannot be read. */
export async function readSpreadsheet(kind: ImportKind, bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Promise<SheetOrProblems> {
  if (bytes.byteLength > limits.maxBytes) return tooLarge(limits);
  if (startsWith(bytes, OLE)) {
    return {
      ok: false,
      problems: [
        fileProblem('UNREADABLE', {
          note: { vi: 'Tệp .xls (Excel 97-2003): hãy lưu lại thành .xlsx.', en: 'An .xls (Excel 97-2003) file: save it as .xlsx.' },
        }),
      ],
    };
  }
  const rows = startsWith(bytes, ZIP) ? await xlsxRows(bytes) : csvRows(bytes);
  if ('problem' in rows) return { ok: false, problems: [rows.problem] };
  const keys = headerKeys(kind);
  const at = rows.list.slice(0, 10).findIndex((r) => r.cells.filter((c) => !isBlank(c) && keys.has(searchKey(String(c)))).length >= 2);
  const headerAt = at >= 0 ? at : rows.list.findIndex((r) => r.cells.some((c) => !isBlank(c)));
  if (headerAt < 0) return { ok: false, problems: [fileProblem('EMPTY')] };
  const data = rows.list.slice(headerAt + 1).filter((r) => r.cells.some((c) => !isBlank(c)));
  if (data.length > limits.maxRows)
    return {
      ok: false,
      problems: [fileProblem('TOO_MANY_ROWS', { note: limitNote(limits.maxRows, { vi: 'dòng dữ liệu', en: 'data rows' }) })],
    };
  const texts = rows.list.flatMap((r) => r.cells.filter((c): c is string => typeof c === 'string'));
  if (texts.some(looksMisencoded)) return { ok: false, problems: [fileProblem('WRONG_ENCODING')] };
  return { ok: true, format: rows.format, sheet: { header: rows.list[headerAt]!.cells, rows: data } };
}

type Rows = { format: 'XLSX' | 'CSV'; list: Array<{ number: number; cells: CellValue[] }> } | { problem: FileProblem };

async function xlsxRows(bytes: Uint8Array): Promise<Rows> {
  const workbook = new (await excelJs()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    return { problem: fileProblem('UNREADABLE') };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { problem: fileProblem('EMPTY') };
  const list: Array<{ number: number; cells: CellValue[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    list.push({ number: row.number, cells: Array.from(cells, (c) => c ?? null) });
  });
  return { format: 'XLSX', list };
}

/** An exceljs cell value as a plain cell: rich text as its text, a formula as its result, a link as its text. */
function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return value.result === undefined ? null : cellValue(value.result as ExcelJS.CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : null;
  if ('error' in value) return String(value.error);
  return null;
}

function csvRows(bytes: Uint8Array): Rows {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: fileProblem('WRONG_ENCODING') };
  }
  if (text.includes('\u0000')) return { problem: fileProblem('UNREADABLE') };
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : count(firstLine, '\t') > count(firstLine, ',') ? '\t' : ',';
  try {
    const records = parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][];
    // Each record is one spreadsheet row (a quoted line break stays in its cell).
    return { format: 'CSV', list: records.map((cells, i) => ({ number: i + 1, cells: cells.map((c) => (c.trim() === '' ? null : c)) })) };
  } catch {
    return {
      problem: fileProblem('UNREADABLE', {
        note: { vi: 'Dấu ngoặc kép trong tệp CSV không khớp.', en: 'The quotes of the CSV file do not match.' },
      }),
    };
  }
}

const count = (s: string, c: string) => s.split(c).length - 1;
