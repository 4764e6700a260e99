/**
 * What can be wrong with a spreadsheet being imported: problems with the whole file, and
 * problems with one cell (or one row) of it. Each has a stable code and a message in
 * Vietnamese and English that says what to do; none carries a cell's content, which may
 * be personal data.
 */
import type { Label } from '../labels.js';

/** Problems that stop the whole file from being read. */
export const FILE_PROBLEMS = {
  UNREADABLE: {
    vi: 'Không đọc được tệp: chỉ nhận tệp .xlsx (Excel) hoặc .csv.',
    en: 'The file cannot be read: only .xlsx (Excel) and .csv files are accepted.',
  },
  WRONG_ENCODING: {
    vi: 'Tệp CSV không được lưu theo bảng mã UTF-8 (có thể là Windows-1258, TCVN3 hoặc đã bị lỗi phông). Trong Excel chọn Lưu thành → "CSV UTF-8 (Comma delimited)" rồi tải lên lại, hoặc tải lên tệp .xlsx.',
    en: 'The CSV file is not saved as UTF-8 (it may be Windows-1258, TCVN3 or garbled text). In Excel choose Save As → "CSV UTF-8 (Comma delimited)" and upload it again, or upload the .xlsx file.',
  },
  EMPTY: { vi: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.', en: 'The file has no data rows under its header row.' },
  TOO_LARGE: { vi: 'Tệp quá lớn.', en: 'The file is too large.' },
  TOO_MANY_ROWS: { vi: 'Tệp có quá nhiều dòng: hãy chia thành nhiều tệp.', en: 'The file has too many rows: split it into several files.' },
  MISSING_COLUMN: { vi: 'Thiếu cột bắt buộc.', en: 'A required column is missing.' },
  DUPLICATE_COLUMN: { vi: 'Cột bị lặp lại.', en: 'A column appears twice.' },
} as const satisfies Record<string, Label>;
/** A problem with the whole file. */
export type FileProblemCode = keyof typeof FILE_PROBLEMS;

/** Problems with one cell or one row. */
export const ROW_PROBLEMS = {
  REQUIRED: { vi: 'Ô này bắt buộc phải có.', en: 'This cell is required.' },
  BAD_DATE: {
    vi: 'Ngày không hợp lệ: ghi theo dạng ngày/tháng/năm (31/12/2024) hoặc dùng ô ngày của Excel.',
    en: 'Not a valid date: write it day/month/year (31/12/2024) or use an Excel date cell.',
  },
  BAD_NUMBER: { vi: 'Phải là một số nguyên không âm.', en: 'Must be a whole number, zero or more.' },
  BAD_YES_NO: { vi: 'Ghi "Có" hoặc "Không".', en: 'Write "Yes" or "No" ("Có" or "Không").' },
  BAD_CHOICE: {
    vi: 'Giá trị không có trong danh sách cho phép (xem trang Hướng dẫn của tệp mẫu).',
    en: 'Not one of the allowed values (see the Guide sheet of the template).',
  },
  INVALID: { vi: 'Giá trị không hợp lệ.', en: 'Not a valid value.' },
  FUTURE_DATE: { vi: 'Ngày không được ở tương lai.', en: 'The date must not be in the future.' },
  UNKNOWN_COMMUNE: { vi: 'Không có xã, phường với mã này vào ngày đã ghi.', en: 'No commune has this code on the date given.' },
  COMMUNE_ENDED: {
    vi: 'Xã, phường này đã không còn tồn tại: ghi mã xã và ngày hiện hành.',
    en: 'This commune no longer exists: give a commune and a date that still hold today.',
  },
  OUTSIDE_JURISDICTION: { vi: 'Nằm ngoài địa bàn bạn được phép nhập.', en: 'Outside the area you may record data for.' },
  UNKNOWN_AREA: {
    vi: 'Không có khu dân cư với tên này trong xã, phường đã ghi vào ngày đó (nhập khu dân cư trước).',
    en: 'No residential area of this name in that commune on that date (import residential areas first).',
  },
  AMBIGUOUS: { vi: 'Có nhiều bản ghi cùng tên: không xác định được.', en: 'More than one record has this name: it cannot be told apart.' },
  UNKNOWN_MODEL_TYPE: {
    vi: 'Không có loại mô hình này trong danh mục quốc gia hoặc danh mục của tỉnh.',
    en: 'No such model type in the national catalogue or the province’s.',
  },
  MODEL_TYPE_NOT_FOR_AREA: {
    vi: 'Loại mô hình này không xây dựng ở khu dân cư.',
    en: 'This kind of model is not built in a residential area.',
  },
  UNKNOWN_TEAM: {
    vi: 'Không có tổ bảo vệ an ninh, trật tự với tên này trong xã, phường đã ghi.',
    en: 'No security team of this name in that commune.',
  },
  INELIGIBLE: {
    vi: 'Người này chưa đủ điều kiện tham gia tổ (Luật 30/2023/QH15).',
    en: 'This person is not eligible for the team (Law 30/2023/QH15).',
  },
  TEAM_COMPOSITION: { vi: 'Tổ không đúng thành phần quy định.', en: 'The team would not have the prescribed composition.' },
  NOT_THE_DECIDER: {
    vi: 'Chỉ cấp có thẩm quyền quyết định mới ghi nhận kết quả này (khu dân cư: Công an xã; xã, phường: Công an tỉnh).',
    en: 'Only the deciding level records this (residential areas: the commune police; communes: the province police).',
  },
  DUPLICATE_IN_FILE: { vi: 'Trùng với một dòng khác trong tệp.', en: 'Duplicates another row of the file.' },
  DUPLICATE_IN_DATABASE: { vi: 'Đã có trong cơ sở dữ liệu.', en: 'Already recorded.' },
} as const satisfies Record<string, Label>;
/** A problem with one cell or row. */
export type RowProblemCode = keyof typeof ROW_PROBLEMS;

/** A file-level problem, with the column (as named in the template) when it is about one. */
export interface FileProblem {
  readonly code: FileProblemCode;
  readonly message: Label;
  readonly column?: string;
}

/**
 * One bad cell: the row as the spreadsheet shows it (the header is row 1), the column's
 * header as written in the file (or the template's, for a missing column), the problem and
 * its message; `detail` adds the rule's own words (an eligibility code, zod's message).
 */
export interface RowProblem {
  readonly row: number;
  readonly column: string;
  readonly code: RowProblemCode;
  readonly message: Label;
  readonly detail?: string;
}

export function fileProblem(code: FileProblemCode, extra?: { column?: string; note?: Label }): FileProblem {
  const base = FILE_PROBLEMS[code];
  const message = extra?.note ? { vi: `${base.vi} ${extra.note.vi}`, en: `${base.en} ${extra.note.en}` } : base;
  return { code, message, ...(extra?.column ? { column: extra.column } : {}) };
}

export function rowProblem(row: number, column: string, code: RowProblemCode, detail?: string): RowProblem {
  return { row, column, code, message: ROW_PROBLEMS[code], ...(detail ? { detail } : {}) };
}
