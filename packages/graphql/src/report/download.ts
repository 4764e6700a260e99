/**
 * The movement report as a download: `GET /reports/movement.xlsx` and `/reports/movement.csv`
 * with `unitCode`, `from`, `to`, optional `keyAreasOnly` (true/false) and `language` (VI,
 * EN). The same sections, authentication and authorization as `movementReportData`
 * (movement-report.ts); aggregates only.
 *
 * Formats, for Vietnam:
 * - XLSX (exceljs): figures are number cells with a grouped format tagged Vietnamese
 *   (`[$-42A]#,##0`: Excel groups with the reader's separator, 1.234 on a Vietnamese
 *   system), dates are date cells shown dd/mm/yyyy.
 * - CSV: UTF-8 with a byte-order mark, so that Excel reads Vietnamese letters right. In
 *   Vietnamese the separator is `;` and numbers are grouped with `.` (1.234): Excel set to
 *   Vietnamese (decimal comma, list separator `;`) opens it into columns and reads 1.234 as
 *   a thousand and more; a `sep=;` line would make Excel ignore the byte-order mark. In
 *   English the separator is `,`, numbers are grouped with `,` and quoted. Dates dd/mm/yyyy.
 */
import { randomUUID } from 'node:crypto';
import { vietnamDateOf, type Viewer } from '@antq/core';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { AuthenticationError } from '../auth/tokens.js';
import { createContext, type Context, type ServerServices } from '../context.js';
import { errorResponse } from '../http/error-response.js';
import { maskErrors } from '../http/masked-errors.js';
import { safeError, type LogSink } from '../http/request-log.js';
import { vietnameseDate } from '../movement/report.js';
import { movementReportFor, type MovementReport } from './movement-report.js';
import { excelJs } from '../excel.js';

type Language = 'VI' | 'EN';

/** The column headings of the table, in both languages. */
const HEADINGS = {
  VI: {
    unit: 'Đơn vị',
    from: 'Từ ngày',
    to: 'Đến ngày',
    keyAreasOnly: 'Chỉ địa bàn trọng điểm',
    section: 'Mục',
    figure: 'Chỉ tiêu',
    part: 'Chi tiết',
    key: 'Mã',
    value: 'Giá trị',
    yes: 'Có',
    no: 'Không',
  },
  EN: {
    unit: 'Unit',
    from: 'From',
    to: 'To',
    keyAreasOnly: 'Key areas only',
    section: 'Section',
    figure: 'Figure',
    part: 'Part',
    key: 'Key',
    value: 'Value',
    yes: 'Yes',
    no: 'No',
  },
} as const;

/** One row of the table: a figure, or one part of a figure's breakdown. */
interface Row {
  readonly section: string;
  readonly figure: string;
  readonly part: string;
  readonly key: string;
  readonly value: number;
}

function rowsOf(report: MovementReport, language: Language): Row[] {
  const t = (b: { vi: string; en: string }) => (language === 'EN' ? b.en : b.vi);
  return report.sections.flatMap((s) =>
    s.figures.flatMap((f) => [
      { section: t(s.title), figure: t(f.label), part: '', key: f.key, value: f.value },
      ...(f.breakdown ?? []).map((b) => ({
        section: t(s.title),
        figure: t(f.label),
        part: t(b.label),
        key: `${f.key}.${b.key}`,
        value: b.value,
      })),
    ]),
  );
}

const title = (language: Language) =>
  language === 'EN'
    ? 'Report on the all-people movement to protect national security'
    : 'Báo cáo phong trào toàn dân bảo vệ an ninh Tổ quốc';
const dateCell = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The report as an XLSX workbook: the table of figures, then the report's text. */
export async function reportXlsx(report: MovementReport, language: Language): Promise<ArrayBuffer> {
  const h = HEADINGS[language];
  const wb = new (await excelJs()).Workbook();
  wb.creator = 'antq';
  wb.created = new Date(0); // deterministic output: no clock in the file
  const ws = wb.addWorksheet(language === 'EN' ? 'Figures' : 'Số liệu', { views: [{ state: 'frozen', ySplit: 6 }] });
  ws.columns = [{ width: 44 }, { width: 44 }, { width: 40 }, { width: 44 }, { width: 14 }];
  ws.addRow([title(language)]).font = { bold: true, size: 14 };
  ws.addRow([h.unit, `${report.unit.fullName} (${report.unit.code})`]);
  const from = ws.addRow([h.from, dateCell(report.from)]);
  const to = ws.addRow([h.to, dateCell(report.to)]);
  for (const r of [from, to]) r.getCell(2).numFmt = 'dd/mm/yyyy';
  ws.addRow([h.keyAreasOnly, report.keyAreasOnly ? h.yes : h.no]);
  const heading = ws.addRow([h.section, h.figure, h.part, h.key, h.value]);
  heading.font = { bold: true };
  for (const row of rowsOf(report, language)) {
    const r = ws.addRow([row.section, row.figure, row.part, row.key, row.value]);
    r.getCell(5).numFmt = '[$-42A]#,##0';
    if (!row.part) r.font = { bold: true };
  }
  const text = wb.addWorksheet(language === 'EN' ? 'Text' : 'Nội dung');
  text.columns = [{ width: 40 }, { width: 140 }];
  for (const s of report.sections) {
    for (const sentence of language === 'EN' ? s.sentences.en : s.sentences.vi)
      text.addRow([language === 'EN' ? s.title.en : s.title.vi, sentence]).alignment = { wrapText: true, vertical: 'top' };
  }
  // exceljs gives a Node Buffer, typed as an ArrayBuffer.
  return wb.xlsx.writeBuffer();
}

/** A CSV field: quoted when it holds the separator, a quote or a line break; a leading formula character is neutralised. */
function field(value: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The report as CSV (see the module's comment for the choices). */
export function reportCsv(report: MovementReport, language: Language): string {
  const h = HEADINGS[language];
  const sep = language === 'EN' ? ',' : ';';
  const number = (x: number) => x.toLocaleString(language === 'EN' ? 'en-GB' : 'vi-VN');
  const lead = [
    `${report.unit.fullName} (${report.unit.code})`,
    vietnameseDate(report.from),
    vietnameseDate(report.to),
    report.keyAreasOnly ? h.yes : h.no,
  ];
  const lines = [
    [h.unit, h.from, h.to, h.keyAreasOnly, h.section, h.figure, h.part, h.key, h.value],
    ...rowsOf(report, language).map((r) => [...lead, r.section, r.figure, r.part, r.key, number(r.value)]),
  ];
  return `\uFEFF${lines.map((l) => l.map((v) => field(v, sep)).join(sep)).join('\r\n')}\r\n`;
}

/**
 * What a download answers for an error: what /graphql would (masked-errors.ts: a refusal as
 * it is, the database unavailable as DATABASE_UNAVAILABLE with Retry-After, anything else
 * masked and logged), with its code's status and headers.
 */
function refusal(error: unknown, log: LogSink): Response {
  const shown = maskErrors(error, 'Unexpected error.', false);
  const { code: shownCode, http, ...more } = (shown as GraphQLError).extensions ?? {};
  const code = String(shownCode ?? 'INTERNAL_SERVER_ERROR');
  if (code === 'INTERNAL_SERVER_ERROR' || code === 'DATABASE_UNAVAILABLE')
    log({ level: 'error', msg: 'report download failed', code, error: safeError(error) });
  const headers = (http as { headers?: Record<string, string> } | undefined)?.headers ?? {};
  return errorResponse(code, shown.message, headers, more);
}

const ROUTES = { '/reports/movement.xlsx': 'xlsx', '/reports/movement.csv': 'csv' } as const;

export interface DownloadOptions {
  readonly services: ServerServices;
  /** The viewer of a request (the server's one authentication per request). */
  readonly viewerOf: (request: Request) => Promise<Viewer>;
  readonly clock: () => Date;
  /** The server's log, for a download that failed unexpectedly. */
  readonly log: LogSink;
}

/** The yoga plugin that answers the report downloads. */
export function useReportDownloads({ services, viewerOf, clock, log }: DownloadOptions): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      const format = ROUTES[url.pathname as keyof typeof ROUTES];
      if (!format) return;
      if (request.method !== 'GET') return endResponse(new Response(null, { status: 405, headers: { allow: 'GET' } }));
      let ctx: Context;
      try {
        ctx = await createContext(services, {
          viewer: await viewerOf(request),
          today: vietnamDateOf(clock()),
          requestId: randomUUID(),
          readFromReplica: true,
        });
      } catch (error) {
        if (error instanceof AuthenticationError)
          return endResponse(errorResponse('UNAUTHENTICATED', error.message, { 'www-authenticate': 'Bearer' }));
        // Credentials refused too often from this address (RATE_LIMITED, http/rate-limits.ts), the database unavailable…
        return endResponse(refusal(error, log));
      }
      const p = url.searchParams;
      const language = (p.get('language') ?? 'VI').toUpperCase();
      const keyAreasOnly = p.get('keyAreasOnly');
      if (language !== 'VI' && language !== 'EN')
        return endResponse(errorResponse('BAD_USER_INPUT', 'language phải là VI hoặc EN. / language must be VI or EN.'));
      if (keyAreasOnly !== null && !['true', 'false', '1', '0'].includes(keyAreasOnly)) {
        return endResponse(errorResponse('BAD_USER_INPUT', 'keyAreasOnly phải là true hoặc false. / keyAreasOnly must be true or false.'));
      }
      let report: MovementReport;
      try {
        report = await movementReportFor(ctx, {
          unitCode: p.get('unitCode') ?? '',
          from: p.get('from') ?? '',
          to: p.get('to') ?? '',
          keyAreasOnly: keyAreasOnly === 'true' || keyAreasOnly === '1',
        });
      } catch (error) {
        return endResponse(refusal(error, log));
      }
      const name = `bao-cao-phong-trao-${report.unit.code}-${report.from}-${report.to}${report.keyAreasOnly ? '-trong-diem' : ''}.${format}`;
      const headers = { 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store' };
      if (format === 'csv')
        return endResponse(
          new Response(reportCsv(report, language), { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } }),
        );
      const body = await reportXlsx(report, language);
      return endResponse(
        new Response(body, {
          headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        }),
      );
    },
  };
}
