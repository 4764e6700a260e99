/**
 * The re-integration section of the movement report: counts only (never a person): cases
 * open at the end of the period, new in it, and closed in it by outcome. One SQL statement.
 */
import { REINTEGRATION_OUTCOMES, REINTEGRATION_STATUS_LABELS, type ReintegrationOutcome } from '@antq/core';
import { Prisma } from '@antq/db';
import { breakdownOf, dmy, en, periodText, vi } from './activity-scope.js';
import { filedIn } from './scope-sql.js';
import type { ReportSection, SectionLoader } from './section.js';

type Row = { open: number; new: number; closed: number } & Record<ReintegrationOutcome, number>;

export const reintegrationSection: SectionLoader = async (prisma, scope) => {
  const from = Prisma.sql`${scope.from}::date`;
  const to = Prisma.sql`${scope.to}::date`;
  const closedIn = Prisma.sql`status <> 'ONGOING' AND "closedOn" BETWEEN ${from} AND ${to}`;
  const [r] = await prisma.$queryRaw<Row[]>(Prisma.sql`
    SELECT count(*) FILTER (WHERE "returnedOn" <= ${to} AND ("closedOn" IS NULL OR "closedOn" > ${to}))::int AS open,
           count(*) FILTER (WHERE "returnedOn" BETWEEN ${from} AND ${to})::int AS new,
           count(*) FILTER (WHERE ${closedIn})::int AS closed,
           count(*) FILTER (WHERE ${closedIn} AND status = 'COMPLETED')::int AS "COMPLETED",
           count(*) FILTER (WHERE ${closedIn} AND status = 'REOFFENDED')::int AS "REOFFENDED",
           count(*) FILTER (WHERE ${closedIn} AND status = 'MOVED_AWAY')::int AS "MOVED_AWAY",
           count(*) FILTER (WHERE ${closedIn} AND status = 'CLOSED')::int AS "CLOSED"
    FROM "ReintegrationCase" c WHERE ${filedIn('c', 'communeId', scope)}`);
  return reintegrationReport(r!, scope);
};

/** The section's figures and sentences from the counts (pure). */
export function reintegrationReport(r: Row, scope: { from: string; to: string }): ReportSection {
  const period = periodText(scope);
  const outcomes = (lang: 'vi' | 'en', n: (x: number) => string) =>
    REINTEGRATION_OUTCOMES.filter((k) => r[k] > 0)
      .map((k) => `${n(r[k])} ${REINTEGRATION_STATUS_LABELS[k][lang].toLowerCase()}`)
      .join(', ');
  return {
    key: 'reintegration',
    title: { vi: 'Cảm hóa, giáo dục người lầm lỗi', en: 'Re-integration of offenders' },
    sentences: {
      vi: [
        `Đến ngày ${dmy(scope.to)}, đang quản lý, giúp đỡ ${vi(r.open)} người lầm lỗi tái hòa nhập cộng đồng; ${period.vi.toLowerCase()} tiếp nhận mới ${vi(r.new)} người` +
          (r.closed ? `, kết thúc giúp đỡ ${vi(r.closed)} trường hợp (${outcomes('vi', vi)}).` : '.'),
      ],
      en: [
        `On ${dmy(scope.to)}, ${en(r.open)} former ${r.open === 1 ? 'offender was' : 'offenders were'} being helped back into the community; ${period.en.charAt(0).toLowerCase()}${period.en.slice(1)}, ${en(r.new)} new ${r.new === 1 ? 'case was' : 'cases were'} opened` +
          (r.closed ? ` and ${en(r.closed)} closed (${outcomes('en', en)}).` : '.'),
      ],
    },
    figures: [
      { key: 'reintegration.open', label: { vi: 'Người đang được giúp đỡ (cuối kỳ)', en: 'Cases open (end of period)' }, value: r.open },
      { key: 'reintegration.new', label: { vi: 'Trường hợp tiếp nhận mới', en: 'New cases' }, value: r.new },
      {
        key: 'reintegration.closed',
        label: { vi: 'Trường hợp kết thúc, theo kết quả', en: 'Cases closed, by outcome' },
        value: r.closed,
        breakdown: breakdownOf(REINTEGRATION_OUTCOMES, REINTEGRATION_STATUS_LABELS, (k) => r[k], 'reintegration.closed'),
      },
    ],
  };
}
