/**
 * From a sheet's cells to rows of values: which header names which column (ignoring case,
 * diacritics, tone-mark placement and punctuation; Vietnamese, English or a known alias),
 * and each cell read as its column expects. Checks that need the database (does the
 * commune exist, is the member eligible…) come after, in the API.
 */
import { searchKey } from '../hierarchy/names.js';
import { isBlank, type CellValue } from './cells.js';
import { IMPORT_COLUMNS, type ColumnSpec, type ImportKind, type RowValues } from './columns.js';
import { fileProblem, rowProblem, type FileProblem, type RowProblem } from './problems.js';

/** A sheet as a reader gives it: the header row's cells and the data rows with their numbers as shown (header = 1). */
export interface RawSheet {
  readonly header: readonly CellValue[];
  readonly rows: ReadonlyArray<{ readonly number: number; readonly cells: readonly CellValue[] }>;
}

/** One data row read: its number, its values, and what is wrong with its cells. */
export interface SheetRow<K extends ImportKind> {
  readonly row: number;
  readonly values: RowValues<K>;
  readonly problems: RowProblem[];
}

export type ReadSheet<K extends ImportKind> =
  | { readonly ok: false; readonly problems: FileProblem[] }
  | {
      readonly ok: true;
      readonly rows: Array<SheetRow<K>>;
      /** Column key → the header as written in the file, for reporting. */
      readonly headers: Readonly<Record<keyof RowValues<K>, string>>;
      /** Headers of the file that name no column (an ordinal "STT", notes): not read. */
      readonly ignored: string[];
    };

/** The header keys that name each column of `kind`. */
export function headerKeys(kind: ImportKind): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const [key, spec] of Object.entries(IMPORT_COLUMNS[kind]) as Array<[string, ColumnSpec<unknown>]>) {
    for (const name of [spec.header.vi, spec.header.en, ...spec.aliases]) byKey.set(searchKey(name), key);
  }
  return byKey;
}

/** Reads the rows of a sheet of `kind`; file-level problems (a missing or repeated column, no rows) stop it. */
export function readSheet<K extends ImportKind>(kind: K, sheet: RawSheet): ReadSheet<K> {
  const columns = IMPORT_COLUMNS[kind] as Record<string, ColumnSpec<unknown>>;
  const byKey = headerKeys(kind);
  const position = new Map<string, number>();
  const headers: Record<string, string> = {};
  const ignored: string[] = [];
  const problems: FileProblem[] = [];
  sheet.header.forEach((cell, i) => {
    if (isBlank(cell)) return;
    const written = String(cell).trim();
    const key = byKey.get(searchKey(written));
    if (!key) return ignored.push(written);
    if (position.has(key)) return problems.push(fileProblem('DUPLICATE_COLUMN', { column: written }));
    position.set(key, i);
    headers[key] = written;
  });
  for (const [key, spec] of Object.entries(columns)) {
    if (spec.required && !position.has(key)) problems.push(fileProblem('MISSING_COLUMN', { column: spec.header.vi }));
    headers[key] ??= spec.header.vi;
  }
  const data = sheet.rows.filter((r) => r.cells.some((c) => !isBlank(c)));
  if (!problems.length && !data.length) problems.push(fileProblem('EMPTY'));
  if (problems.length) return { ok: false, problems };

  const rows = data.map((r) => {
    const values: Record<string, unknown> = {};
    const rowProblems: RowProblem[] = [];
    for (const [key, spec] of Object.entries(columns)) {
      const at = position.get(key);
      const cell = at === undefined ? null : (r.cells[at] ?? null);
      values[key] = null;
      if (cell === null || isBlank(cell)) {
        if (spec.required) rowProblems.push(rowProblem(r.number, headers[key]!, 'REQUIRED'));
        continue;
      }
      const read = spec.parse(cell);
      if (read.ok) values[key] = read.value;
      else rowProblems.push(rowProblem(r.number, headers[key]!, read.code));
    }
    return { row: r.number, values: values as RowValues<K>, problems: rowProblems };
  });
  return { ok: true, rows, headers: headers as Record<keyof RowValues<K>, string>, ignored };
}
