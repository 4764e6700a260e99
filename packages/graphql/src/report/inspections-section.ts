/**
 * The inspections section of the movement report: inspections planned, done (by rating) and
 * cancelled in the period, and their follow-ups set, done, open and overdue at its end
 * (core's followUpStateOn, in SQL). One SQL statement.
 */
import { INSPECTION_RATING_LABELS, INSPECTION_RATINGS, type InspectionRating } from '@antq/core';
import { Prisma } from '@antq/db';
import { breakdownOf, dmy, en, periodText, vi } from './activity-scope.js';
import { filedIn } from './scope-sql.js';
import type { ReportSection, SectionLoader } from './section.js';

interface Row {
  planned: number;
  done: number;
  cancelled: number;
  GOOD: number;
  FAIR: number;
  AVERAGE: number;
  WEAK: number;
  set: number;
  closed_done: number;
  open: number;
  overdue: number;
}

export const inspectionsSection: SectionLoader = async (prisma, scope) => {
  const from = Prisma.sql`${scope.from}::date`;
  const to = Prisma.sql`${scope.to}::date`;
  const [r] = await prisma.$queryRaw<Row[]>(Prisma.sql`
    SELECT i.*, f.* FROM (
      SELECT count(*) FILTER (WHERE "plannedOn" BETWEEN ${from} AND ${to})::int AS planned,
             count(*) FILTER (WHERE status = 'DONE' AND "inspectedOn" BETWEEN ${from} AND ${to})::int AS done,
             count(*) FILTER (WHERE status = 'CANCELLED' AND "cancelledOn" BETWEEN ${from} AND ${to})::int AS cancelled,
             count(*) FILTER (WHERE status = 'DONE' AND "inspectedOn" BETWEEN ${from} AND ${to} AND rating = 'GOOD')::int AS "GOOD",
             count(*) FILTER (WHERE status = 'DONE' AND "inspectedOn" BETWEEN ${from} AND ${to} AND rating = 'FAIR')::int AS "FAIR",
             count(*) FILTER (WHERE status = 'DONE' AND "inspectedOn" BETWEEN ${from} AND ${to} AND rating = 'AVERAGE')::int AS "AVERAGE",
             count(*) FILTER (WHERE status = 'DONE' AND "inspectedOn" BETWEEN ${from} AND ${to} AND rating = 'WEAK')::int AS "WEAK"
      FROM "Inspection" x WHERE ${filedIn('x', 'unitId', scope)}
    ) i, (
      SELECT count(*) FILTER (WHERE "setOn" BETWEEN ${from} AND ${to})::int AS set,
             count(*) FILTER (WHERE status = 'DONE' AND "closedOn" BETWEEN ${from} AND ${to})::int AS closed_done,
             count(*) FILTER (WHERE "setOn" <= ${to} AND "dueOn" >= ${to} AND ("closedOn" IS NULL OR "closedOn" > ${to}))::int AS open,
             count(*) FILTER (WHERE "setOn" <= ${to} AND "dueOn" < ${to} AND ("closedOn" IS NULL OR "closedOn" > ${to}))::int AS overdue
      FROM "InspectionFollowUp" y WHERE EXISTS (SELECT 1 FROM "Inspection" x WHERE x.id = y."inspectionId" AND ${filedIn('x', 'unitId', scope)})
    ) f`);
  return inspectionsReport(r!, scope);
};

/** The section's figures and sentences from the counts (pure). */
export function inspectionsReport(r: Row, scope: { from: string; to: string }): ReportSection {
  const period = periodText(scope);
  const rated = (lang: 'vi' | 'en', n: (x: number) => string) =>
    INSPECTION_RATINGS.filter((k) => r[k] > 0)
      .map((k: InspectionRating) => `${n(r[k])} ${INSPECTION_RATING_LABELS[k][lang].toLowerCase()}`)
      .join(', ');
  const sentences =
    r.planned + r.done + r.cancelled === 0
      ? { vi: [`${period.vi}, không có cuộc kiểm tra nào được ghi nhận.`], en: [`${period.en}, no inspection was recorded.`] }
      : {
          vi: [
            `${period.vi}, đã kiểm tra, củng cố, kiện toàn ${vi(r.done)} lượt đơn vị, mô hình (theo kế hoạch ${vi(r.planned)} lượt${r.cancelled ? `, hủy ${vi(r.cancelled)} lượt` : ''})${r.done ? `; kết quả: ${rated('vi', vi)}` : ''}.`,
            `Qua kiểm tra đã đề ra ${vi(r.set)} nội dung cần khắc phục; ${vi(r.closed_done)} nội dung đã hoàn thành trong kỳ; đến ngày ${dmy(scope.to)} còn ${vi(r.open)} nội dung đang thực hiện và ${vi(r.overdue)} nội dung quá hạn.`,
          ],
          en: [
            `${period.en}, ${en(r.done)} ${r.done === 1 ? 'inspection' : 'inspections'} of units and models were carried out (${en(r.planned)} planned${r.cancelled ? `, ${en(r.cancelled)} cancelled` : ''})${r.done ? `; ratings: ${rated('en', en)}` : ''}.`,
            `They set ${en(r.set)} follow-up actions; ${en(r.closed_done)} were completed in the period; on ${dmy(scope.to)}, ${en(r.open)} were open and ${en(r.overdue)} overdue.`,
          ],
        };
  return {
    key: 'inspections',
    title: { vi: 'Kiểm tra, củng cố, kiện toàn', en: 'Inspections and consolidation' },
    sentences,
    figures: [
      { key: 'inspections.planned', label: { vi: 'Lượt kiểm tra theo kế hoạch', en: 'Inspections planned' }, value: r.planned },
      {
        key: 'inspections.done',
        label: { vi: 'Lượt kiểm tra đã thực hiện', en: 'Inspections done' },
        value: r.done,
        breakdown: breakdownOf(INSPECTION_RATINGS, INSPECTION_RATING_LABELS, (k) => r[k], 'inspections.done'),
      },
      { key: 'inspections.cancelled', label: { vi: 'Lượt kiểm tra bị hủy', en: 'Inspections cancelled' }, value: r.cancelled },
      { key: 'inspections.followUps.set', label: { vi: 'Nội dung cần khắc phục đã đề ra', en: 'Follow-up actions set' }, value: r.set },
      {
        key: 'inspections.followUps.done',
        label: { vi: 'Nội dung khắc phục đã hoàn thành', en: 'Follow-up actions completed' },
        value: r.closed_done,
      },
      {
        key: 'inspections.followUps.open',
        label: { vi: 'Nội dung đang thực hiện (cuối kỳ)', en: 'Follow-up actions open (end of period)' },
        value: r.open,
      },
      {
        key: 'inspections.followUps.overdue',
        label: { vi: 'Nội dung quá hạn (cuối kỳ)', en: 'Follow-up actions overdue (end of period)' },
        value: r.overdue,
      },
    ],
  };
}
