/**
 * ExcelJS, loaded on first use: it is the largest module the server imports (about 0.6 s
 * and 25 MB) and only spreadsheet imports, templates and report downloads need it, so a
 * server that never makes a workbook never loads it.
 */
import type ExcelJSModule from 'exceljs';

let loading: Promise<typeof ExcelJSModule> | undefined;

export function excelJs(): Promise<typeof ExcelJSModule> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
