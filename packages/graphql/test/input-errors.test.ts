/**
 * Every error of a value a caller sends (scalars, paging, periods, validation) is in
 * Vietnamese and English, names the argument (or variable) and the value, and carries
 * stable codes in `extensions`: one table, one row per kind of mistake.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFor, usePreparedServer } from './support/server.js';

const ctx = usePreparedServer();
let national: Record<string, string>;
beforeAll(async () => {
  national = { authorization: `Bearer ${await tokenFor('NATIONAL', null)}` };
});

interface Row {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  /** The extensions expected, beyond code BAD_USER_INPUT. */
  readonly extensions: Record<string, unknown>;
  /** Parts of the message: the Vietnamese one, then the English one. */
  readonly vi: string;
  readonly en: string;
}

const TABLE: Record<string, Row> = {
  'a global ID of a type the API does not have': {
    query: `{ node(id: "bm90OmFuLWlk") { id } }`,
    extensions: { reason: 'INVALID_GLOBAL_ID', typename: 'not' },
    vi: 'ID toàn cục không hợp lệ: không có kiểu "not"',
    en: 'Invalid global ID: there is no type "not" (expected an ID this API gave)',
  },
  'a string literal with the NUL character (PostgreSQL text cannot hold it)': {
    query: `{ modelCatalogues(provinceCode: "7\\u00000") { code } }`,
    extensions: { reason: 'NUL_CHARACTER', argument: 'provinceCode' },
    vi: 'Đối số provinceCode chứa ký tự NUL (\\u0000)',
    en: 'Argument provinceCode contains the NUL character (\\u0000), which can be neither stored nor searched for',
  },
  'a variable with the NUL character': {
    query: `query($p: String) { modelCatalogues(provinceCode: $p) { code } }`,
    variables: { p: 'Bình\u0000Phước' },
    extensions: { reason: 'NUL_CHARACTER', variable: 'p' },
    vi: 'Biến $p chứa ký tự NUL',
    en: 'Variable $p contains the NUL character',
  },
  'a Date literal that is no date': {
    query: `{ adminUnit(code: "70", asOf: "2024-13-01") { code } }`,
    extensions: { reason: 'INVALID_DATE', argument: 'asOf', value: '2024-13-01' },
    vi: 'Ngày không hợp lệ cho đối số asOf: "2024-13-01" (cần một ngày có thật dạng YYYY-MM-DD',
    en: 'Invalid date for argument asOf: "2024-13-01" (expected a real date written YYYY-MM-DD, e.g. 2025-07-01)',
  },
  'a Date literal that is a number': {
    query: `{ adminUnit(code: "70", asOf: 20240101) { code } }`,
    extensions: { reason: 'INVALID_DATE', argument: 'asOf', value: '20240101' },
    vi: 'Ngày không hợp lệ cho đối số asOf: 20240101',
    en: 'Invalid date for argument asOf: 20240101',
  },
  'a Date variable that is no date': {
    query: `query($d: Date) { adminUnit(code: "70", asOf: $d) { code } }`,
    variables: { d: '2025-02-29' },
    extensions: { reason: 'INVALID_DATE', variable: 'd', value: '2025-02-29' },
    vi: 'Ngày không hợp lệ cho biến $d: "2025-02-29"',
    en: 'Invalid date for variable $d: "2025-02-29" (expected a real date written YYYY-MM-DD',
  },
  'a Date of another argument (figuresOn)': {
    query: `{ coverage(unitCode: "70", asOf: "2024-12-31", lineage: true, figuresOn: "31/12/2024") { residentialAreas } }`,
    extensions: { reason: 'INVALID_DATE', argument: 'figuresOn', value: '31/12/2024' },
    vi: 'Ngày không hợp lệ cho đối số figuresOn: "31/12/2024"',
    en: 'Invalid date for argument figuresOn: "31/12/2024"',
  },
  'an ID that is not one': {
    query: `{ node(id: true) { id } }`,
    extensions: { reason: 'INVALID_VALUE', argument: 'id', value: 'true' },
    vi: 'Giá trị không hợp lệ cho đối số id: true',
    en: 'Invalid value for argument id: true (ID cannot represent',
  },
  'an ID of nodes that is no global ID': {
    query: `{ nodes(ids: ["eD5oYXNPd25Qcg=="]) { id } }`,
    extensions: { reason: 'INVALID_GLOBAL_ID', value: 'eD5oYXNPd25Qcg==' },
    vi: 'ID toàn cục không hợp lệ: "eD5oYXNPd25Qcg=="',
    en: 'Invalid global ID: "eD5oYXNPd25Qcg==" (expected an ID this API gave)',
  },
  'a connection asked with after and last together': {
    query: `{ tips(after: "YWJj", last: 2) { totalCount } }`,
    extensions: { reason: 'INVALID_ARGUMENTS' },
    vi: 'Đối số không hợp lệ: Arguments "after" and "last" are not supported at the same time',
    en: 'Invalid arguments: Arguments "after" and "last" are not supported at the same time',
  },
  'an ID variable that is not one': {
    query: `query($id: ID!) { node(id: $id) { id } }`,
    variables: { id: { not: 'an id' } },
    extensions: { reason: 'INVALID_VALUE', variable: 'id' },
    vi: 'Giá trị không hợp lệ cho biến $id',
    en: 'Invalid value for variable $id',
  },
  'a page size that is not a number': {
    query: `{ adminUnits(first: "ten") { totalCount } }`,
    extensions: { reason: 'INVALID_VALUE', argument: 'first', value: 'ten' },
    vi: 'Giá trị không hợp lệ cho đối số first: "ten"',
    en: 'Invalid value for argument first: "ten" (Int cannot represent',
  },
  'a page size above 100': {
    query: `{ adminUnits(first: 101) { totalCount } }`,
    extensions: { reason: 'PAGE_SIZE', argument: 'first', value: 101 },
    vi: 'Đối số first phải từ 0 đến 100, nhận được 101',
    en: 'Argument first must be from 0 to 100, got 101',
  },
  'a negative page size, nested': {
    query: `{ adminUnit(code: "70", asOf: "2024-12-31") { children(first: -1) { totalCount } } }`,
    extensions: { reason: 'PAGE_SIZE', argument: 'first', value: -1 },
    vi: 'Đối số first phải từ 0 đến 100, nhận được -1',
    en: 'Argument first must be from 0 to 100, got -1',
  },
  'a cursor that is not one': {
    query: `{ adminUnits(after: "garbage") { totalCount } }`,
    extensions: { reason: 'INVALID_CURSOR', argument: 'after', value: 'garbage' },
    vi: 'Đối số after không phải con trỏ của danh sách này: "garbage"',
    en: 'Argument after is not a cursor of this list: "garbage"; pass the endCursor of the previous page',
  },
  'a period whose from is after its to': {
    query: `{ outreachTotals(unitCode: "70", from: "2024-12-31", to: "2024-01-01", by: FORM) { activities } }`,
    extensions: { reason: 'DATE_RANGE', argument: 'from', value: '2024-12-31' },
    vi: 'Đối số from (2024-12-31) không được sau to (2024-01-01)',
    en: 'Argument from (2024-12-31) must not be after to (2024-01-01)',
  },
  'figuresOn without lineage': {
    query: `{ coverage(unitCode: "70", asOf: "2024-12-31", figuresOn: "2024-06-30") { residentialAreas } }`,
    extensions: { reason: 'NEEDS_LINEAGE', argument: 'figuresOn', value: '2024-06-30' },
    vi: 'Đối số figuresOn (2024-06-30) chỉ dùng với lineage: true',
    en: 'Argument figuresOn (2024-06-30) needs lineage: true',
  },
  'figuresOn after asOf': {
    query: `{ coverage(unitCode: "70", asOf: "2024-12-31", lineage: true, figuresOn: "2025-01-01") { residentialAreas } }`,
    extensions: { reason: 'DATE_RANGE', argument: 'figuresOn', value: '2025-01-01' },
    vi: 'Đối số figuresOn (2025-01-01) không được sau asOf (2024-12-31)',
    en: 'Argument figuresOn (2025-01-01) may not be after asOf (2024-12-31)',
  },
  'an enum value that does not exist': {
    query: `{ adminUnits(level: TOWN) { totalCount } }`,
    extensions: { reason: 'INVALID_VALUE', argument: 'level', value: 'TOWN' },
    vi: 'Giá trị không hợp lệ cho đối số level: TOWN',
    en: 'Invalid value for argument level: TOWN',
  },
};

describe('errors of the values a caller sends', () => {
  it.each(Object.entries(TABLE))('%s', async (_name, row) => {
    const body = await ctx.server.query(row.query, row.variables, national);
    expect(body.errors, JSON.stringify(body)).toHaveLength(1);
    const [error] = body.errors!;
    expect(error!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', ...row.extensions });
    const [vi, en, ...more] = error!.message.split(' / ');
    expect(more.join(' / ')).toBe('');
    expect(vi).toContain(row.vi);
    expect(en).toContain(row.en);
  });
});
