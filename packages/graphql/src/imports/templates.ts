/**
 * Template files for each kind of import, made from the same column definitions the reader
 * uses (core's IMPORT_COLUMNS), so that a template and the importer cannot disagree: the
 * Vietnamese headers, one example row and, in the workbook, a second sheet explaining each
 * column in Vietnamese and English.
 */
import { IMPORT_COLUMNS, IMPORT_KIND_LABELS, type ColumnSpec, type ImportKind } from '@antq/core';
import { excelJs } from '../excel.js';

const specsOf = (kind: ImportKind) => Object.values(IMPORT_COLUMNS[kind]) as Array<ColumnSpec<unknown>>;
const quote = (s: string) => (/[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The CSV template: UTF-8 with a byte-order mark (so that Excel opens it as UTF-8), comma-separated. */
export function templateCsv(kind: ImportKind): Uint8Array {
  const specs = specsOf(kind);
  const lines = [specs.map((s) => quote(s.header.vi)), specs.map((s) => quote(s.example))].map((l) => l.join(','));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/** The workbook template: sheet "Dữ liệu" (headers and an example row; every cell text, so codes keep their zeros) and sheet "Hướng dẫn". */
export async function templateXlsx(kind: ImportKind): Promise<Uint8Array> {
  const specs = specsOf(kind);
  const workbook = new (await excelJs()).Workbook();
  workbook.creator = 'antq';
  const data = workbook.addWorksheet('Dữ liệu');
  data.columns = specs.map((s) => ({ header: s.header.vi, width: Math.max(14, s.header.vi.length + 4), style: { numFmt: '@' } }));
  data.addRow(specs.map((s) => s.example));
  data.getRow(1).font = { bold: true };
  data.views = [{ state: 'frozen', ySplit: 1 }];

  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.columns = [
    { header: 'Cột', width: 30 },
    { header: 'Column (English header also accepted)', width: 30 },
    { header: 'Bắt buộc / Required', width: 12 },
    { header: 'Hướng dẫn', width: 70 },
    { header: 'Guide', width: 70 },
    { header: 'Ví dụ / Example', width: 24 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const s of specs) guide.addRow([s.header.vi, s.header.en, s.required ? 'Có / Yes' : 'Không / No', s.help.vi, s.help.en, s.example]);
  guide.addRow([]);
  guide.addRow([
    `${IMPORT_KIND_LABELS[kind].vi}: mỗi dòng một bản ghi; dòng 1 là tiêu đề. Ngày ghi ngày/tháng/năm. Lưu tệp CSV theo "CSV UTF-8".`,
  ]);
  guide.addRow([
    `${IMPORT_KIND_LABELS[kind].en}: one record per row; row 1 is the header. Dates are day/month/year. Save CSV files as "CSV UTF-8".`,
  ]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
