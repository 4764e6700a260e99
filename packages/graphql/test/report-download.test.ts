/**
 * The movement report as XLSX and CSV downloads (issue #8, item 8): the files parse back
 * with the figures of movementReportData, Vietnamese formats, and the same access rules.
 */
import { seedDemo } from '@antq/db';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenFor, usePreparedServer, type TestServer } from './support/server.js';

const ctx = usePreparedServer();
let server: TestServer;
let province: Record<string, string>;
let figures: Map<string, number>;
beforeAll(async () => {
  ({ server } = ctx);
  await seedDemo(ctx.db);
  province = { authorization: `Bearer ${await tokenFor('PROVINCE_OFFICER', '75')}` };
  const { data } = await server.query<any>(
    `{ movementReportData(unitCode: "70", from: "2024-01-01", to: "2024-12-31") { sections { figures { key value breakdown { key value } } } } }`,
    {},
    province,
  );
  figures = new Map(
    data.movementReportData.sections.flatMap((s: any) =>
      s.figures.flatMap((f: any) => [[f.key, f.value], ...f.breakdown.map((b: any) => [`${f.key}.${b.key}`, b.value])]),
    ),
  );
}, 120_000);

const get = (path: string, headers: Record<string, string> = {}) =>
  Promise.resolve(server.yoga.fetch(`http://antq.test${path}`, { headers }));
const QS = 'unitCode=70&from=2024-01-01&to=2024-12-31';

describe('GET /reports/movement.xlsx', () => {
  it('parses back with the same figures, as number cells with a grouped format, and date cells', async () => {
    const res = await get(`/reports/movement.xlsx?${QS}`, province);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain('bao-cao-phong-trao-70-2024-01-01-2024-12-31.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet('Số liệu')!;
    expect(ws.getCell('A1').value).toBe('Báo cáo phong trào toàn dân bảo vệ an ninh Tổ quốc');
    expect(ws.getCell('B2').value).toBe('Tỉnh Bình Phước (70)');
    expect(ws.getCell('B3').value).toEqual(new Date('2024-01-01T00:00:00Z'));
    expect(ws.getCell('B3').numFmt).toBe('dd/mm/yyyy');
    const read = new Map<string, number>();
    ws.eachRow((row, n) => {
      if (n <= 6) return;
      const value = row.getCell(5);
      expect(typeof value.value).toBe('number');
      expect(value.numFmt).toBe('[$-42A]#,##0');
      read.set(String(row.getCell(4).value), value.value as number);
    });
    expect(read).toEqual(figures);
    expect(read.get('coverage.residentialAreas')).toBe(866);
    expect(read.get('exemplars.recognised')).toBeGreaterThan(0);
    const text = wb.getWorksheet('Nội dung')!;
    expect(String(text.getCell('B1').value)).toContain('866/866');
  });

  it('is in English when asked', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (await get(`/reports/movement.xlsx?${QS}&language=EN`, province)).arrayBuffer());
    expect(wb.getWorksheet('Figures')!.getCell('A6').value).toBe('Section');
  });
});

describe('GET /reports/movement.csv', () => {
  it('is UTF-8 with a BOM, `;`-separated with numbers grouped as in Vietnam', async () => {
    const res = await get(`/reports/movement.csv?${QS}`, province);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Đơn vị;Từ ngày;Đến ngày;Chỉ địa bàn trọng điểm;Mục;Chỉ tiêu;Chi tiết;Mã;Giá trị');
    expect(lines).toContain(
      'Tỉnh Bình Phước (70);01/01/2024;31/12/2024;Không;Xây dựng mô hình tự quản về an ninh, trật tự;Khu dân cư;;coverage.residentialAreas;866',
    );
    const active = lines.find((l) => l.includes(';coverage.activeModels;'))!;
    expect(active.split(';').at(-1)).toBe(figures.get('coverage.activeModels')!.toLocaleString('vi-VN'));
    expect(active.split(';').at(-1)).toMatch(/^\d\.\d{3}$/);
    expect(lines).toHaveLength(figures.size + 1);
  });

  it('is `,`-separated in English, grouped numbers quoted', async () => {
    const text = await (await get(`/reports/movement.csv?${QS}&language=EN&keyAreasOnly=false`, province)).text();
    const active = text.split('\r\n').find((l) => l.includes(',coverage.activeModels,'))!;
    expect(active).toMatch(/,"\d,\d{3}"$/);
  });

  it('has the access rules and argument checks of the GraphQL field', async () => {
    expect((await get(`/reports/movement.csv?${QS}`)).status).toBe(403);
    expect((await get(`/reports/movement.csv?${QS}`, { authorization: `Bearer ${await tokenFor('PROVINCE_OFFICER', '01')}` })).status).toBe(
      403,
    );
    expect(
      (await get(`/reports/movement.xlsx?${QS}`, { authorization: `Bearer ${await tokenFor('COMMUNE_OFFICER', '25195')}` })).status,
    ).toBe(403);
    expect((await get(`/reports/movement.csv?${QS}`, { authorization: 'Bearer not-a-token' })).status).toBe(401);
    expect((await get('/reports/movement.csv?unitCode=70&from=2024-13-01&to=2024-12-31', province)).status).toBe(400);
    expect((await get(`/reports/movement.csv?${QS}&language=FR`, province)).status).toBe(400);
    expect((await get('/reports/movement.csv?unitCode=70&from=2026-01-01&to=2026-01-31', province)).status).toBe(404);
    const refused = await (await get(`/reports/movement.csv?${QS}`)).json();
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
