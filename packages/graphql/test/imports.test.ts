/**
 * Bulk import of spreadsheets (residential areas, models, team members), through the
 * `importSpreadsheet` mutation as a multipart upload (yoga.fetch): a dry run of files with
 * good and bad rows reports each bad row with its row and column and leaves the database
 * unchanged (row counts and a digest); a good file is written whole with one audit entry;
 * a file with one bad row writes nothing in a real run; the number of SQL statements does
 * not grow with the number of rows; templates round-trip as valid.
 */
import type { ImportKind } from '@antq/core';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../src/auth/api-keys.js';
import { listen } from '../src/http/serve.js';
import { templateCsv, templateXlsx } from '../src/imports/templates.js';
import { testModelTypes } from './support/movement.js';
import { tokenFor, usePreparedServer } from './support/server.js';

const ctx = usePreparedServer();
const COMMUNE = '25195';
const TEAM = 'Tổ bảo vệ ANTT Ấp Có Sẵn';
const EXISTING_MEMBER_ID = '070070009999';
let as: {
  province: Record<string, string>;
  commune: Record<string, string>;
  otherCommune: Record<string, string>;
  partner: Record<string, string>;
};
let otherProvinceCommune = '';
let endedCommune = '';

const MUTATION = `mutation($i: ImportSpreadsheetInput!) { importSpreadsheet(input: $i) { result { __typename
  ... on ImportReport { kind format dryRun written rowCount validRowCount createdCount ignoredColumns problems { row column code messageVi messageEn detail } }
  ... on ImportFileRejected { code messageVi messageEn fileProblems { code column messageVi messageEn } }
  ... on UserError { code messageVi messageEn } } } }`;

type Report = {
  __typename: string;
  written: boolean;
  rowCount: number;
  validRowCount: number;
  createdCount: number;
  problems: Array<{ row: number; column: string; code: string; messageVi: string; messageEn: string; detail: string | null }>;
  code?: string;
};

/** Sends `bytes` as the file of an importSpreadsheet mutation (GraphQL multipart request spec). */
async function upload(
  kind: ImportKind,
  bytes: Uint8Array,
  name: string,
  dryRun: boolean,
  headers: Record<string, string> = as.province,
): Promise<Report> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: MUTATION, variables: { i: { kind, file: null, dryRun } } }));
  form.append('map', JSON.stringify({ 0: ['variables.i.file'] }));
  form.append('0', new File([bytes as Uint8Array<ArrayBuffer>], name));
  // Encoded as a client sends it over HTTP (yoga.fetch mis-streams a FormData object it is handed directly).
  const encoded = new Request('http://antq.test/graphql', { method: 'POST', body: form });
  const body = new Uint8Array(await encoded.arrayBuffer());
  const response = await ctx.server.yoga.fetch('http://antq.test/graphql', {
    method: 'POST',
    headers: { ...headers, 'content-type': encoded.headers.get('content-type')! },
    body,
  });
  const json = (await response.json()) as { data?: { importSpreadsheet: { result: Report } }; errors?: unknown };
  expect(json.errors).toBeUndefined();
  return json.data!.importSpreadsheet.result;
}

const csv = (rows: Array<Array<string | number | Date>>, separator = ',') =>
  new TextEncoder().encode(
    rows
      .map((r) => r.map((c) => (/[",;\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(separator))
      .join('\r\n'),
  );

async function xlsx(rows: Array<Array<string | number | Date | null>>, title?: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  if (title) ws.addRow([title]);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Row counts and a digest of every table an import writes (and the audit log). */
async function snapshot() {
  const p = ctx.db.prisma;
  const digest = async (table: string) =>
    (
      (await p.$queryRawUnsafe(
        `SELECT count(*)::int AS n, coalesce(md5(string_agg(id::text, ',' ORDER BY id)), '') AS d FROM "${table}"`,
      )) as Array<{ n: number; d: string }>
    )[0];
  return Object.fromEntries(
    await Promise.all(
      ['ResidentialArea', 'ResidentialAreaPlacement', 'Model', 'LifecycleEvent', 'TeamMember', 'SecurityTeam', 'AuditEntry'].map(
        async (t) => [t, await digest(t)],
      ),
    ),
  );
}

const codesOf = (r: Report) => r.problems.map((p) => [p.row, p.column, p.code]);

beforeAll(async () => {
  const p = ctx.db.prisma;
  await testModelTypes(ctx.db, 'IMPORT-TEST');
  const commune = await p.adminUnit.findFirstOrThrow({ where: { code: COMMUNE, validTo: null } });
  const place = { communeId: commune.id, communeCode: COMMUNE, placeCodes: [COMMUNE, '75'], validFrom: new Date('2025-07-01') };
  const area = await p.residentialArea.create({
    data: {
      name: 'Ấp Có Sẵn',
      kind: 'AP',
      households: 100,
      residents: 400,
      validFrom: new Date('2025-07-01'),
      searchText: 'ap co san',
      placements: { create: place },
    },
  });
  await p.securityTeam.create({
    data: {
      name: TEAM,
      communeId: commune.id,
      communeCode: COMMUNE,
      placeCodes: [COMMUNE, '75'],
      establishedOn: new Date('2025-08-01'),
      areas: { create: [{ residentialAreaId: area.id }] },
      members: {
        create: [
          {
            fullName: 'Lê Văn Trưởng',
            birthDate: new Date('1970-01-01'),
            citizenId: EXISTING_MEMBER_ID,
            role: 'LEADER',
            joinedOn: new Date('2025-08-01'),
            education: 'UPPER_SECONDARY',
            residentSince: new Date('1990-01-01'),
            cleanRecord: true,
            hasHealthCertificate: true,
          },
        ],
      },
    },
  });
  // A commune of Đồng Nai (75) before the reform of 2025-07-01, ended then.
  const districts = (await p.adminUnit.findMany({ where: { level: 'DISTRICT', parentCode: '75' }, select: { code: true } })).map(
    (d) => d.code,
  );
  endedCommune = (
    await p.adminUnit.findFirstOrThrow({
      where: {
        level: 'COMMUNE',
        parentCode: { in: districts },
        validTo: { not: null, lt: new Date('2025-07-01') },
        OR: [{ validFrom: null }, { validFrom: { lte: new Date('2025-01-01') } }],
      },
      orderBy: { code: 'asc' },
    })
  ).code;
  otherProvinceCommune = (
    await p.adminUnit.findFirstOrThrow({ where: { level: 'COMMUNE', validTo: null, parentCode: '01' }, orderBy: { code: 'asc' } })
  ).code;
  const bearer = async (t: Promise<string>) => ({ authorization: `Bearer ${await t}` });
  as = {
    province: await bearer(tokenFor('PROVINCE_OFFICER', '75')),
    commune: await bearer(tokenFor('COMMUNE_OFFICER', COMMUNE)),
    otherCommune: await bearer(tokenFor('COMMUNE_OFFICER', '25210')),
    partner: { 'x-api-key': (await issueApiKey(p, { name: 'Sở Y tế', scopes: ['read:areas', 'read:models'], issuedBy: 'test' })).key },
  };
});

const ASSESSMENT_HEADER = [
  'Năm',
  'Mã xã',
  'Tên khu dân cư',
  'Ngày nghị quyết',
  'Ngày kế hoạch',
  'Ngày đăng ký thi đua',
  'Số hộ',
  'Số hộ đăng ký',
  'Thực hiện tốt chính sách, pháp luật',
  'Vụ việc nghiêm trọng',
  'Số mô hình hiệu quả',
  'Số cán bộ Công an xã bị kỷ luật',
  'Số quyết định',
  'Ngày quyết định',
  'Cơ quan ban hành',
];
/** A recognition decision of 2025 on paper, of an area of COMMUNE (or, with no area, of COMMUNE itself). */
const GRADING_HEADER = ['Năm', 'Mã xã', 'Tên khu dân cư', 'Mã tiêu chí', 'Kết quả', 'Số quyết định', 'Ngày quyết định', 'Cơ quan ban hành'];
/** The rows of one area's grading under the example configuration (10 points: EXCELLENT), with `measures` replacing some. */
const gradingRows = (area: string, measures: Record<string, string | number> = {}, decision = '418/QĐ-UBND') =>
  Object.entries({
    Q1_RESOLUTION_AND_REGISTRATION: 'Có',
    HOUSEHOLDS_REGISTERED: '98/100',
    EFFECTIVE_MODEL: 1,
    OTHER_CRITERIA: '2',
    ...measures,
  }).map(([criterion, measure]) => [2025, COMMUNE, area, criterion, measure, decision, '12/12/2025', 'Ủy ban nhân dân phường Bình Phước']);
const decisionRow = (area: string, decidedOn = '10/12/2025', commune = COMMUNE) => [
  2025,
  commune,
  area,
  '15/02/2025',
  area ? '' : '20/02/2025',
  '01/03/2025',
  100,
  100,
  'Có',
  '',
  area ? '' : 3,
  area ? '' : 0,
  '215/QĐ-UBND',
  decidedOn,
  'Ủy ban nhân dân phường Bình Phước',
];
const AREA_HEADER = ['STT', 'Mã xã', 'Tên khu dân cư', 'Loại khu dân cư', 'Ngày thành lập', 'Số hộ', 'Số nhân khẩu'];
const areaRows = () => [
  [1, COMMUNE, 'Ấp Mới Một', 'Ấp', '01/08/2025', 120, 480], // 2: good
  [2, '99999', 'Ấp Mới Hai', 'Ấp', '01/08/2025', 80, 300], // 3: wrong unit code
  [3, COMMUNE, 'Ấp Mới Ba', 'Ấp', '31/02/2025', 80, 300], // 4: broken date
  [4, COMMUNE, 'ấp mới một', 'Thôn', '01/09/2025', 10, 40], // 5: duplicate of row 2
  [5, COMMUNE, 'Ấp Có Sẵn', 'Ấp', '01/08/2025', 10, 40], // 6: already recorded
  [6, COMMUNE, 'Ấp Mới Bốn', 'Phường', '01/08/2025', 10, 40], // 7: not a kind of area
  [7, endedCommune, 'Ấp Mới Năm', 'Ấp', '01/01/2025', 10, 40], // 8: a commune that has since ended
  [8, otherProvinceCommune, 'Thôn Ngoài', 'Thôn', '01/08/2025', 10, 40], // 9: outside the province
  [9, COMMUNE, 'Tổ dân phố 6', 'to dan pho', '2025-08-01', '1.250', 4000], // 10: good (ISO date, label without diacritics)
];
const AREA_PROBLEMS = [
  [3, 'Mã xã', 'UNKNOWN_COMMUNE'],
  [4, 'Ngày thành lập', 'BAD_DATE'],
  [5, 'Tên khu dân cư', 'DUPLICATE_IN_FILE'],
  [6, 'Tên khu dân cư', 'DUPLICATE_IN_DATABASE'],
  [7, 'Loại khu dân cư', 'BAD_CHOICE'],
  [8, 'Mã xã', 'COMMUNE_ENDED'],
  [9, 'Mã xã', 'OUTSIDE_JURISDICTION'],
];

const MODEL_HEADER = ['Mã xã', 'Tên khu dân cư', 'Tên mô hình', 'Loại mô hình', 'Ngày thành lập', 'Lực lượng xây dựng', 'Số thành viên'];
const modelRows = (date: (iso: string) => string | Date) => [
  [COMMUNE, 'Ấp Có Sẵn', 'Tổ ANND Ấp Có Sẵn', 'TANND', date('2025-09-01'), 'Công an', 12], // 2: good
  [COMMUNE, 'Ấp Có Sẵn', 'Mô hình lạ', 'Mô hình không có', date('2025-09-01'), 'Công an', 5], // 3: unknown model type
  [COMMUNE, 'Ấp Có Sẵn', 'Doanh nghiệp ở ấp', 'DNAT', date('2025-09-01'), 'Nhân dân', 5], // 4: a type for organizations
  [COMMUNE, 'Ấp Không Có', 'Camera ấp', 'tổ an ninh nhân dân', date('2025-09-01'), 'MTTQ', 5], // 5: unknown area
  [COMMUNE, 'Ấp Có Sẵn', 'Tổ tự quản', 'TANND', '30/02/2025', 'Công an', 5], // 6: broken date
  [COMMUNE, 'ẤP CÓ SẴN', 'tổ annd ấp có sẵn', 'Tổ an ninh nhân dân', date('2025-10-01'), 'Công an', 12], // 7: duplicate of row 2
  [COMMUNE, 'Ấp Có Sẵn', 'Tổ tương lai', 'TANND', date('2030-01-01'), 'Công an', 5], // 8: in the future
];
const MODEL_PROBLEMS = [
  [3, 'Loại mô hình', 'UNKNOWN_MODEL_TYPE'],
  [4, 'Loại mô hình', 'MODEL_TYPE_NOT_FOR_AREA'],
  [5, 'Tên khu dân cư', 'UNKNOWN_AREA'],
  [6, 'Ngày thành lập', 'BAD_DATE'],
  [7, 'Tên mô hình', 'DUPLICATE_IN_FILE'],
  [8, 'Ngày thành lập', 'FUTURE_DATE'],
];

const MEMBER_HEADER = [
  'Mã xã',
  'Tên tổ',
  'Họ và tên',
  'Ngày sinh',
  'Số CCCD',
  'Chức vụ',
  'Ngày tham gia',
  'Trình độ học vấn',
  'Cư trú từ ngày',
  'Lý lịch rõ ràng',
  'Có giấy khám sức khỏe',
];
const member = (
  name: string,
  birth: string | Date,
  id: string,
  role: string,
  change: Partial<Record<'clean' | 'team' | 'commune', string>> = {},
) => [
  change.commune ?? COMMUNE,
  change.team ?? TEAM,
  name,
  birth,
  id,
  role,
  '01/09/2025',
  '12/12',
  '01/01/2000',
  change.clean ?? 'Có',
  'Có',
];
const memberRows = (date: (iso: string) => string | Date) => [
  member('Trần Văn Bình', date('1985-04-15'), '070085001111', 'Tổ viên'), // 2: good
  member('Trần Văn Nhỏ', date('2012-04-15'), '070112001112', 'Tổ viên'), // 3: under 18
  member('Trần Văn Phó', date('1980-04-15'), '070080001113', 'Tổ trưởng'), // 4: a second leader
  member('Trần Văn Trùng', date('1985-04-15'), '070085001111', 'Tổ phó'), // 5: same citizen ID as row 2
  member('Lê Văn Trưởng', date('1970-01-01'), EXISTING_MEMBER_ID, 'Tổ viên'), // 6: already in the team
  member('Trần Văn Lạc', date('1980-04-15'), '070080001116', 'Tổ viên', { team: 'Tổ không có' }), // 7: unknown team
  member('Trần Văn Mã', date('1980-04-15'), '070080001117', 'Tổ viên', { commune: '2519' }), // 8: a code of 4 digits
  member('Trần Văn Án', date('1980-04-15'), '070080001118', 'Tổ viên', { clean: 'Không' }), // 9: record not clean
  member('Trần Văn Phú', date('1990-02-28'), '070090001119', 'Tổ phó'), // 10: good
];
const MEMBER_PROBLEMS = [
  [3, 'Ngày sinh', 'INELIGIBLE'],
  [4, 'Chức vụ', 'TEAM_COMPOSITION'],
  [5, 'Số CCCD', 'DUPLICATE_IN_FILE'],
  [6, 'Số CCCD', 'DUPLICATE_IN_DATABASE'],
  [7, 'Tên tổ', 'UNKNOWN_TEAM'],
  [8, 'Mã xã', 'INVALID'],
  [9, 'Lý lịch rõ ràng', 'INELIGIBLE'],
];

const dmy = (iso: string) => iso.split('-').reverse().join('/');
const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('importSpreadsheet: a dry run of good and bad rows', () => {
  it.each([
    ['residential areas, CSV', 'RESIDENTIAL_AREAS', async () => csv([AREA_HEADER, ...areaRows()]), 'xa.csv', AREA_PROBLEMS, 9],
    [
      'residential areas, CSV with semicolons',
      'RESIDENTIAL_AREAS',
      async () => csv([AREA_HEADER, ...areaRows()], ';'),
      'xa.csv',
      AREA_PROBLEMS,
      9,
    ],
    [
      'models, XLSX with Excel dates and a title row',
      'MODELS',
      async () => xlsx([MODEL_HEADER, ...modelRows(excelDate)], 'DANH SÁCH MÔ HÌNH'),
      'mo-hinh.xlsx',
      MODEL_PROBLEMS.map(([r, c, p]) => [(r as number) + 1, c, p]),
      7,
    ],
    ['models, CSV', 'MODELS', async () => csv([MODEL_HEADER, ...modelRows(dmy)]), 'mo-hinh.csv', MODEL_PROBLEMS, 7],
    ['team members, XLSX', 'TEAM_MEMBERS', async () => xlsx([MEMBER_HEADER, ...memberRows(excelDate)]), 'to.xlsx', MEMBER_PROBLEMS, 9],
    ['team members, CSV', 'TEAM_MEMBERS', async () => csv([MEMBER_HEADER, ...memberRows(dmy)]), 'to.csv', MEMBER_PROBLEMS, 9],
  ] as const)('%s: every bad row reported with its row and column, nothing written', async (_name, kind, file, name, expected, rows) => {
    const before = await snapshot();
    const report = await upload(kind, await file(), name, true);
    expect(report.__typename).toBe('ImportReport');
    expect(codesOf(report)).toEqual(expected);
    expect(report).toMatchObject({ written: false, rowCount: rows, validRowCount: rows - expected.length, createdCount: 0 });
    for (const p of report.problems) {
      expect(p.messageVi.length).toBeGreaterThan(5);
      expect(p.messageEn.length).toBeGreaterThan(5);
    }
    // No personal data echoed back: no name, birth date or citizen ID of any row.
    expect(JSON.stringify(report.problems)).not.toMatch(/Trần|070085001111|1985|15\/04/);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    [
      'Windows-1258 bytes',
      Uint8Array.from([...Buffer.from('M'), 0xe3, ...Buffer.from(' x'), 0xe3, ...Buffer.from(',T\u00ean\r\n25195,A\r\n', 'latin1')]),
    ],
    [
      'UTF-8 read as Latin-1 and saved again (mojibake)',
      new TextEncoder().encode('MÃ£ xÃ£,TÃªn khu dÃ¢n cÆ°,LoaÌ£i\r\n25195,áº¤p 3,áº¤p\r\n'),
    ],
  ])('a CSV file in the wrong encoding (%s) is refused as a whole, saying what to do', async (_name, bytes) => {
    const before = await snapshot();
    const result = await upload('RESIDENTIAL_AREAS', bytes, 'cu.csv', true);
    expect(result).toMatchObject({ __typename: 'ImportFileRejected', code: 'FILE_REJECTED' });
    const problems = (result as unknown as { fileProblems: Array<{ code: string; messageVi: string; messageEn: string }> }).fileProblems;
    expect(problems.map((p) => p.code)).toEqual(['WRONG_ENCODING']);
    expect(problems[0]!.messageEn).toMatch(/CSV UTF-8/);
    expect(problems[0]!.messageVi).toMatch(/CSV UTF-8/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file without a required column, an .xls file, and one over the row limit', async () => {
    const missing = await upload(
      'MODELS',
      csv([
        ['Mã xã', 'Tên mô hình'],
        [COMMUNE, 'x'],
      ]),
      'm.csv',
      true,
    );
    expect(missing).toMatchObject({ __typename: 'ImportFileRejected' });
    const xls = await upload('MODELS', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), 'm.xls', true);
    expect((xls as unknown as { fileProblems: Array<{ code: string }> }).fileProblems.map((p) => p.code)).toEqual(['UNREADABLE']);
    const many = csv([AREA_HEADER, ...Array.from({ length: 5001 }, (_, i) => [i, COMMUNE, `Ấp ${i}`, 'Ấp', '01/08/2025', 1, 1])]);
    const tooMany = await upload('RESIDENTIAL_AREAS', many, 'big.csv', true);
    expect((tooMany as unknown as { fileProblems: Array<{ code: string }> }).fileProblems.map((p) => p.code)).toEqual(['TOO_MANY_ROWS']);
  });

  it('refuses a role that may not write, and an upload over the size limit unread (413)', async () => {
    const partner = await upload('MODELS', csv([MODEL_HEADER, modelRows(dmy)[0]!]), 'm.csv', false, as.partner);
    expect(partner).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const big = await ctx.server.yoga.fetch('http://antq.test/graphql', {
      method: 'POST',
      headers: { ...as.province, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(20 * 1024 * 1024) },
      body: '--x--',
    });
    expect(big.status).toBe(413);
  });

  it('takes an upload over the request body limit (1 MiB) and under its own (5 MiB)', async () => {
    // 40 models, each with a note of some 60 KB in a column the import ignores: over 2 MiB of CSV.
    const note = 'Ghi chép tuần tra '.repeat(2_800);
    const rows = Array.from({ length: 40 }, (_, i) => [
      ...modelRows(dmy)[0]!.slice(0, 2),
      `Tổ ANND số ${i + 1}`,
      ...modelRows(dmy)[0]!.slice(3),
      note,
    ]);
    const file = csv([[...MODEL_HEADER, 'Ghi chú'], ...rows]);
    expect(file.byteLength).toBeGreaterThan(2 * 1024 * 1024);
    expect(file.byteLength).toBeLessThan(5 * 1024 * 1024);
    const report = await upload('MODELS', file, 'm.csv', true);
    expect(report).toMatchObject({ __typename: 'ImportReport', rowCount: 40, validRowCount: 40, ignoredColumns: ['Ghi chú'] });
  });

  it('refuses a chunked upload (no content-length) once it passes the limit, without reading the rest (413)', async () => {
    // 40 MB offered in 1 MB chunks, as a client streaming a file would; the stream counts what is pulled.
    const boundary = 'antqboundary';
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: MUTATION, variables: { i: { kind: 'MODELS', file: null, dryRun: true } } })}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.i.file"]}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    );
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    let pulled = 0;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = sent === 0 ? head : sent < 40 ? chunk : null;
        if (!next) return controller.close();
        sent++;
        pulled += next.byteLength;
        controller.enqueue(next);
      },
    });
    const before = await snapshot();
    const response = await ctx.server.yoga.fetch('http://antq.test/graphql', {
      method: 'POST',
      headers: { ...as.province, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    const json = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(json.errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(json.errors[0]!.message).toMatch(/quá lớn.*too large/);
    // Stopped near the limit (10 MB and the framing, plus what streams hold in flight), far from the 40 MB offered.
    expect(pulled).toBeLessThan(16 * 1024 * 1024);
    expect(await snapshot()).toEqual(before);
  });

  it('over node:http too: a chunked upload past the limit is answered 413 before the client has sent it all', async () => {
    const served = await listen(ctx.server.yoga, 0, '127.0.0.1');
    let pulled = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    const head = new TextEncoder().encode(
      `--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--b\r\nContent-Disposition: form-data; name="0"; filename="big.csv"\r\n\r\n`,
    );
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled > 200 * 1024 * 1024) return controller.close();
        const next = pulled ? chunk : head;
        pulled += next.byteLength;
        controller.enqueue(next);
      },
    });
    try {
      const response = await fetch(served.url, {
        method: 'POST',
        headers: { ...as.province, 'content-type': 'multipart/form-data; boundary=b' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe(
        'PAYLOAD_TOO_LARGE',
      );
      expect(pulled).toBeLessThan(40 * 1024 * 1024);
    } finally {
      await body.cancel().catch(() => {});
      await served.close();
    }
  });

  it('accepts a chunked upload under the limit (no content-length) as any other', async () => {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: MUTATION, variables: { i: { kind: 'MODELS', file: null, dryRun: true } } }));
    form.append('map', JSON.stringify({ 0: ['variables.i.file'] }));
    form.append('0', new File([csv([MODEL_HEADER, modelRows(dmy)[0]!]) as Uint8Array<ArrayBuffer>], 'm.csv'));
    const encoded = new Request('http://antq.test/graphql', { method: 'POST', body: form });
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 100) controller.enqueue(bytes.slice(i, i + 100));
        controller.close();
      },
    });
    const response = await ctx.server.yoga.fetch('http://antq.test/graphql', {
      method: 'POST',
      headers: { ...as.province, 'content-type': encoded.headers.get('content-type')! },
      body,
      duplex: 'half',
    } as RequestInit);
    const json = (await response.json()) as { data: { importSpreadsheet: { result: Report } } };
    expect(json.data.importSpreadsheet.result).toMatchObject({ __typename: 'ImportReport', rowCount: 1, validRowCount: 1 });
  });
});

describe('importSpreadsheet: real runs', () => {
  it('writes nothing when one row is bad (its refusal is audited, without personal data)', async () => {
    const before = await snapshot();
    const report = await upload('TEAM_MEMBERS', csv([MEMBER_HEADER, memberRows(dmy)[0]!, memberRows(dmy)[1]!]), 'to.csv', false);
    expect(report).toMatchObject({ written: false, createdCount: 0, rowCount: 2, validRowCount: 1 });
    const after = await snapshot();
    expect({ ...after, AuditEntry: undefined }).toEqual({ ...before, AuditEntry: undefined });
    const entry = await ctx.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'importSpreadsheet' }, orderBy: { at: 'desc' } });
    expect(entry).toMatchObject({
      outcome: 'VALIDATION',
      reason: 'TEAM_MEMBERS: 2 rows, 1 with problems, nothing written',
      actorRole: 'PROVINCE_OFFICER',
    });
  });

  it('writes every row of a good file in one go, as the mutations would, with one audit entry', async () => {
    const before = await snapshot();
    const good = areaRows()
      .filter((r) => r[2] === 'Ấp Mới Một' || r[2] === 'Tổ dân phố 6')
      .slice(0, 2);
    const report = await upload('RESIDENTIAL_AREAS', await xlsx([AREA_HEADER, ...good]), 'xa.xlsx', false);
    expect(report).toMatchObject({
      __typename: 'ImportReport',
      written: true,
      rowCount: 2,
      validRowCount: 2,
      createdCount: 2,
      problems: [],
    });
    const after = await snapshot();
    expect(after.ResidentialArea.n).toBe(before.ResidentialArea.n + 2);
    expect(after.ResidentialAreaPlacement.n).toBe(before.ResidentialAreaPlacement.n + 2);
    expect(after.AuditEntry.n).toBe(before.AuditEntry.n + 1);
    const entry = await ctx.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: 'importSpreadsheet', outcome: 'OK' },
      orderBy: { at: 'desc' },
    });
    expect(entry).toMatchObject({ entity: 'Import', reason: 'RESIDENTIAL_AREAS: 2 rows, 2 created', placeCodes: [COMMUNE, '75'] });
    // Seen through the read API like an area created by the mutation.
    const read = await ctx.server.query<any>(
      `{ residentialAreas(unitCode: "${COMMUNE}", first: 50) { edges { node { name kind households residents } } } }`,
      {},
      as.province,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.residentialAreas.edges.map((e: any) => e.node)).toEqual(
      expect.arrayContaining([
        { name: 'Ấp Mới Một', kind: 'AP', households: 120, residents: 480 },
        { name: 'Tổ dân phố 6', kind: 'TO_DAN_PHO', households: 1250, residents: 4000 },
      ]),
    );
    // The same file again: every row is now a duplicate.
    const again = await upload('RESIDENTIAL_AREAS', await xlsx([AREA_HEADER, ...good]), 'xa.xlsx', true);
    expect(again.problems.map((p) => p.code)).toEqual(['DUPLICATE_IN_DATABASE', 'DUPLICATE_IN_DATABASE']);
  });

  it('writes models with their PROPOSE event, and members into their team (version bumped)', async () => {
    const p = ctx.db.prisma;
    const models = await upload('MODELS', csv([MODEL_HEADER, modelRows(dmy)[0]!]), 'm.csv', false);
    expect(models).toMatchObject({ written: true, createdCount: 1 });
    const model = await p.model.findFirstOrThrow({ where: { name: 'Tổ ANND Ấp Có Sẵn' }, include: { events: true } });
    expect(model.events.map((e) => e.kind)).toEqual(['PROPOSE']);
    const team = await p.securityTeam.findFirstOrThrow({ where: { name: TEAM } });
    const rows = memberRows(dmy);
    const members = await upload('TEAM_MEMBERS', csv([MEMBER_HEADER, rows[0]!, rows[8]!]), 't.csv', false);
    expect(members).toMatchObject({ written: true, createdCount: 2 });
    const after = await p.securityTeam.findFirstOrThrow({ where: { id: team.id }, include: { members: true } });
    expect(after.version).toBe(team.version + 1);
    expect(after.members.map((m) => m.role).sort()).toEqual(['DEPUTY', 'LEADER', 'MEMBER']);
  });

  it('is refused outside the jurisdiction: a commune officer of another commune', async () => {
    const report = await upload(
      'RESIDENTIAL_AREAS',
      csv([AREA_HEADER, [1, COMMUNE, 'Ấp Ngoài', 'Ấp', '01/08/2025', 1, 1]]),
      'x.csv',
      true,
      as.otherCommune,
    );
    expect(codesOf(report)).toEqual([[2, 'Mã xã', 'OUTSIDE_JURISDICTION']]);
  });

  it('outside the jurisdiction, a team or area of that name is as unknown as a missing one: no AMBIGUOUS, no hint it exists', async () => {
    const p = ctx.db.prisma;
    const commune = await p.adminUnit.findFirstOrThrow({ where: { code: COMMUNE, validTo: null } });
    const place = { communeId: commune.id, communeCode: COMMUNE, placeCodes: [COMMUNE, '75'], validFrom: new Date('2025-07-01') };
    // Two teams and two areas of one name in 25195: a name that is AMBIGUOUS to those who may see them.
    for (const _ of [1, 2]) {
      await p.residentialArea.create({
        data: {
          name: 'Ấp Song Sinh',
          kind: 'AP',
          households: 10,
          residents: 40,
          validFrom: new Date('2025-07-01'),
          searchText: 'ap song sinh',
          placements: { create: place },
        },
      });
      await p.securityTeam.create({
        data: {
          name: 'Tổ Song Sinh',
          communeId: commune.id,
          communeCode: COMMUNE,
          placeCodes: [COMMUNE, '75'],
          establishedOn: new Date('2025-08-01'),
        },
      });
    }
    const members = (team: string) => csv([MEMBER_HEADER, member('Trần Văn Ngoài', '01/01/1980', '070080002221', 'Tổ viên', { team })]);
    const models = (area: string) => csv([MODEL_HEADER, [COMMUNE, area, 'Tổ ANND ngoài', 'TANND', '01/09/2025', 'Công an', 5]]);

    // Within the jurisdiction the names are ambiguous (so the check below can tell).
    expect(codesOf(await upload('TEAM_MEMBERS', members('Tổ Song Sinh'), 'to.csv', true))).toEqual([[2, 'Tên tổ', 'AMBIGUOUS']]);
    expect(codesOf(await upload('MODELS', models('Ấp Song Sinh'), 'm.csv', true))).toEqual([[2, 'Tên khu dân cư', 'AMBIGUOUS']]);

    // An officer of 25210: two teams of a name, one team, none, all the same problem in the same words.
    const teams = await Promise.all(
      ['Tổ Song Sinh', TEAM, 'Tổ không có'].map((t) => upload('TEAM_MEMBERS', members(t), 'to.csv', true, as.otherCommune)),
    );
    for (const r of teams) expect(r.problems).toEqual(teams[2]!.problems);
    expect(codesOf(teams[2]!)).toEqual([[2, 'Tên tổ', 'UNKNOWN_TEAM']]);
    const areas = await Promise.all(
      ['Ấp Song Sinh', 'Ấp Có Sẵn', 'Ấp Không Có'].map((a) => upload('MODELS', models(a), 'm.csv', true, as.otherCommune)),
    );
    for (const r of areas) expect(r.problems).toEqual(areas[2]!.problems);
    expect(codesOf(areas[2]!)).toEqual([[2, 'Tên khu dân cư', 'UNKNOWN_AREA']]);
  });
});

describe('importSpreadsheet: statements', () => {
  const day = (i: number) => `${(i % 28) + 1}/0${(i % 9) + 1}/2025`;
  const files: Record<ImportKind, (n: number) => Uint8Array> = {
    RESIDENTIAL_AREAS: (n) =>
      csv([AREA_HEADER, ...Array.from({ length: n }, (_, i) => [i, i % 2 ? COMMUNE : '25210', `Khu thử ${i}`, 'Ấp', day(i), 10, 40])]),
    MODELS: (n) =>
      csv([
        MODEL_HEADER,
        ...Array.from({ length: n }, (_, i) => [
          COMMUNE,
          i % 3 ? 'Ấp Có Sẵn' : 'Ấp Mới Một',
          `Mô hình thử ${i}`,
          i % 2 ? 'TANND' : 'Tổ an ninh nhân dân',
          day(i + 6),
          'Công an',
          i,
        ]),
      ]),
    TEAM_MEMBERS: (n) =>
      csv([
        MEMBER_HEADER,
        ...Array.from({ length: n }, (_, i) =>
          member(
            `Người thử ${i}`,
            `0${(i % 9) + 1}/01/19${60 + (i % 30)}`,
            `0700${String(i).padStart(8, '0')}`,
            i % 2 ? 'Tổ viên' : 'Tổ phó',
            i % 5 ? {} : { team: 'Tổ không có' },
          ),
        ),
      ]),
    ASSESSMENTS: (n) =>
      csv([
        ASSESSMENT_HEADER,
        ...Array.from({ length: n }, (_, i) =>
          decisionRow(i % 3 ? 'Ấp Có Sẵn' : i % 2 ? '' : 'Ấp Không Có', '10/12/2025', i % 2 ? COMMUNE : '25210'),
        ),
      ]),
    GRADINGS: (n) =>
      csv([
        GRADING_HEADER,
        ...Array.from({ length: Math.ceil(n / 4) }, (_, i) => gradingRows(i % 3 ? 'Ấp Có Sẵn' : `Ấp Không Có ${i}`))
          .flat()
          .slice(0, n),
      ]),
  };
  it.each(['RESIDENTIAL_AREAS', 'MODELS', 'TEAM_MEMBERS', 'ASSESSMENTS', 'GRADINGS'] as const)(
    'checks a file of %s of 10 rows and one of 1,000 with the same number of SQL statements',
    async (kind) => {
      const count = async (n: number) => {
        const statements: string[] = [];
        const stop = ctx.db.onQuery((e) => statements.push(e.query));
        try {
          const report = await upload(kind, files[kind](n), 'n.csv', true);
          expect(report.rowCount).toBe(n);
        } finally {
          stop();
        }
        return statements.length;
      };
      const small = await count(10);
      const large = await count(1000);
      console.log(`dry run of ${kind}: ${small} statements for 10 rows, ${large} for 1,000`);
      expect(large).toBe(small);
    },
  );
});

describe('importSpreadsheet: a real run writes in a constant number of statements', () => {
  it('3 areas and 300 areas cost the same (two inserts, the audit entry, the transaction)', async () => {
    const file = (n: number, tag: string) =>
      csv([AREA_HEADER, ...Array.from({ length: n }, (_, i) => [i, COMMUNE, `Khu ${tag} ${i}`, 'Tổ dân phố', '01/08/2025', 10, 40])]);
    const count = async (n: number, tag: string) => {
      const statements: string[] = [];
      const stop = ctx.db.onQuery((e) => statements.push(e.query));
      try {
        expect(await upload('RESIDENTIAL_AREAS', file(n, tag), 'n.csv', false)).toMatchObject({ written: true, createdCount: n });
      } finally {
        stop();
      }
      return statements.length;
    };
    const small = await count(3, 'nhỏ');
    const large = await count(300, 'lớn');
    console.log(`real run of residential areas: ${small} statements for 3 rows, ${large} for 300`);
    expect(large).toBe(small);
  });
});

describe('templates', () => {
  const round = async (kind: ImportKind, format: 'csv' | 'xlsx', dryRun = true) => {
    const bytes = format === 'csv' ? templateCsv(kind) : await templateXlsx(kind);
    const report = await upload(kind, bytes, `mau.${format}`, dryRun);
    expect(report.__typename).toBe('ImportReport');
    return { rows: report.rowCount, problems: codesOf(report), written: report.written };
  };

  it('each template (CSV and XLSX) is read back as one valid row: areas first, then models and members in them', async () => {
    for (const format of ['csv', 'xlsx'] as const)
      expect(await round('RESIDENTIAL_AREAS', format)).toEqual({ rows: 1, problems: [], written: false });
    expect(await round('RESIDENTIAL_AREAS', 'csv', false)).toEqual({ rows: 1, problems: [], written: true });
    for (const format of ['csv', 'xlsx'] as const) expect(await round('MODELS', format)).toEqual({ rows: 1, problems: [], written: false });
    const p = ctx.db.prisma;
    const area = await p.residentialArea.findFirstOrThrow({ where: { name: 'Ấp 3' }, include: { placements: true } });
    const placement = area.placements[0]!;
    await p.securityTeam.create({
      data: {
        name: 'Tổ bảo vệ ANTT ấp 3',
        communeId: placement.communeId,
        communeCode: placement.communeCode,
        placeCodes: placement.placeCodes,
        establishedOn: new Date('2025-08-15'),
        areas: { create: [{ residentialAreaId: area.id }] },
      },
    });
    for (const format of ['csv', 'xlsx'] as const)
      expect(await round('TEAM_MEMBERS', format)).toEqual({ rows: 1, problems: [], written: false });
  });
  it('the workbook explains every column in Vietnamese and English on its second sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateXlsx('TEAM_MEMBERS')) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Dữ liệu', 'Hướng dẫn']);
    const guide = wb.worksheets[1]!;
    expect(guide.getRow(1).values).toEqual([
      undefined,
      'Cột',
      'Column (English header also accepted)',
      'Bắt buộc / Required',
      'Hướng dẫn',
      'Guide',
      'Ví dụ / Example',
    ]);
    expect(guide.getRow(2).getCell(1).value).toBe('Mã xã');
  });
});

describe('importSpreadsheet: ASSESSMENTS, a year’s recognition decisions taken on paper', () => {
  const file = (...rows: Array<Array<string | number>>) => csv([ASSESSMENT_HEADER, ...rows]);
  const recorded = () => ctx.db.prisma.assessment.count({ where: { year: 2025, unitCode: COMMUNE } });

  it('checks every row as core judges recording a decision, and writes nothing on a dry run', async () => {
    const before = await recorded();
    const report = await upload(
      'ASSESSMENTS',
      file(
        decisionRow('Ấp Có Sẵn'),
        decisionRow('Ấp Không Có'),
        decisionRow('Ấp Có Sẵn'),
        decisionRow(''),
        decisionRow('Ấp Có Sẵn', '10/12/2026'),
      ),
      'qd.csv',
      true,
      as.commune,
    );
    expect(codesOf(report)).toEqual([
      [3, 'Tên khu dân cư', 'UNKNOWN_AREA'],
      [4, 'Tên khu dân cư', 'DUPLICATE_IN_FILE'],
      [5, 'Mã xã', 'NOT_THE_DECIDER'],
      [6, 'Ngày quyết định', 'FUTURE_DATE'],
    ]);
    expect(report.problems[2]!.messageEn).toBe(
      'Only the deciding level records this (residential areas: the commune police; communes: the province police).',
    );
    expect(report).toMatchObject({ rowCount: 5, validRowCount: 1, written: false });
    expect(await recorded()).toBe(before);
  });

  it('writes the decisions, judged by core, once: a second import of the same is refused', async () => {
    const rows = file(decisionRow('Ấp Có Sẵn'));
    expect(await upload('ASSESSMENTS', rows, 'qd.csv', false, as.commune)).toMatchObject({ written: true, createdCount: 1 });
    const a = await ctx.db.prisma.assessment.findFirstOrThrow({
      where: { year: 2025, unitCode: COMMUNE, unitKind: 'RESIDENTIAL_AREA' },
      include: { steps: true },
    });
    expect(a).toMatchObject({ status: 'DECIDED', passed: true, decisionNumber: '215/QĐ-UBND', placeCodes: [COMMUNE, '75'] });
    expect(a.steps.map((s) => [s.act, s.status])).toEqual([['RECORD', 'DECIDED']]);
    expect(codesOf(await upload('ASSESSMENTS', rows, 'qd.csv', true, as.commune))).toEqual([
      [2, 'Tên khu dân cư', 'DUPLICATE_IN_DATABASE'],
    ]);
    // The commune itself is the province's to record.
    expect(await upload('ASSESSMENTS', file(decisionRow('')), 'qd.csv', false, as.province)).toMatchObject({
      written: true,
      createdCount: 1,
    });
  });
});

describe('importSpreadsheet: GRADINGS, a year’s grading decisions taken on paper, one row per criterion', () => {
  const file = (...rows: Array<Array<string | number>>) => csv([GRADING_HEADER, ...rows]);
  const graded = () => ctx.db.prisma.assessment.count({ where: { kind: 'GRADING', year: 2025, unitCode: COMMUNE } });

  it('reads each unit’s rows against the configuration in force, and says which row is wrong; a dry run writes nothing', async () => {
    const before = await graded();
    const report = await upload(
      'GRADINGS',
      file(
        ...gradingRows('Ấp Có Sẵn', { HOUSEHOLDS_REGISTERED: '120/100', NOT_A_CRITERION: 'Có' }),
        ...gradingRows('Ấp Không Có'),
        ...gradingRows('', {}, '419/QĐ-UBND').slice(0, 3),
        ...gradingRows('Ấp Không Có 2').map((r, i) => (i === 3 ? r.with(5, '420/QĐ-UBND') : r)),
      ),
      'xl.csv',
      true,
      as.commune,
    );
    expect(codesOf(report)).toEqual([
      [3, 'Kết quả', 'INVALID'],
      [6, 'Mã tiêu chí', 'INVALID'],
      [7, 'Tên khu dân cư', 'UNKNOWN_AREA'],
      [11, 'Mã xã', 'NOT_THE_DECIDER'],
      [17, 'Số quyết định', 'INVALID'],
    ]);
    expect(report.problems.map((p) => p.detail)).toEqual([
      'OUT_OF_RANGE',
      'not a criterion of the configuration in force',
      null,
      null,
      'differs from row 14: one decision per unit',
    ]);
    expect(report).toMatchObject({ rowCount: 16, written: false });
    expect(await graded()).toBe(before);
  });

  it('writes one DECIDED grading per unit with core’s points and level, once', async () => {
    const rows = file(...gradingRows('Ấp Có Sẵn', { EFFECTIVE_MODEL: 'Không', OTHER_CRITERIA: '1,5' }));
    expect(await upload('GRADINGS', rows, 'xl.csv', false, as.commune)).toMatchObject({ written: true, rowCount: 4, createdCount: 1 });
    const a = await ctx.db.prisma.assessment.findFirstOrThrow({
      where: { kind: 'GRADING', year: 2025, unitCode: COMMUNE, unitKind: 'RESIDENTIAL_AREA' },
      include: { steps: true },
    });
    expect(a).toMatchObject({
      status: 'DECIDED',
      total: 7.5,
      maxTotal: 10,
      level: 'GOOD',
      gradingConfigId: 'example-area-2022',
      decisionNumber: '418/QĐ-UBND',
    });
    expect(a.steps.map((s) => [s.act, s.status])).toEqual([['RECORD', 'DECIDED']]);
    expect(codesOf(await upload('GRADINGS', rows, 'xl.csv', true, as.commune))).toEqual([[2, 'Tên khu dân cư', 'DUPLICATE_IN_DATABASE']]);
    const missing = await upload('GRADINGS', file(...gradingRows('Ấp Có Sẵn').slice(1)), 'xl.csv', true, as.commune);
    expect(missing.problems.map((p) => [p.row, p.code, p.detail])).toEqual([
      [2, 'REQUIRED', 'criterion Q1_RESOLUTION_AND_REGISTRATION has no row'],
    ]);
  });
});
