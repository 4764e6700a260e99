/**
 * What the year's assessments contribute to the movement report: for the year the period
 * ends in, the units recognised "An toàn về ANTT" and not (decided), those still in the
 * workflow, the late submissions, and the grading levels decided. One statement (grouped
 * counts of the current decisions filed in the unit's territory); no name of anyone.
 */
import { GRADED_UNIT_KIND_LABELS, GRADED_UNIT_KINDS, GRADING_LEVEL_LABELS, GRADING_LEVELS, yearOf, type Label } from '@antq/core';
import type { PrismaClient } from '@antq/db';
import { filedIn } from '../report/scope-sql.js';
import type { FigureScope, ReportFigure, ReportSection, SectionLoader } from '../report/section.js';

const vi = (x: number) => x.toLocaleString('vi-VN');
const en = (x: number) => x.toLocaleString('en-GB');

type Row = { unitKind: string; kind: string; status: string; passed: boolean | null; level: string | null; late: boolean; n: number };

/** A figure of the rows that `keep`, broken down by kind of unit or by grading level (every value, zeros included). */
function figure(
  key: string,
  label: Label,
  rows: readonly Row[],
  keep: (r: Row) => boolean,
  by: 'unitKind' | 'level' = 'unitKind',
): ReportFigure {
  const values = by === 'unitKind' ? GRADED_UNIT_KINDS : GRADING_LEVELS;
  const labels: Readonly<Record<string, Label>> = by === 'unitKind' ? GRADED_UNIT_KIND_LABELS : GRADING_LEVEL_LABELS;
  const breakdown = values.map((v) => ({
    key: v,
    label: labels[v]!,
    value: rows.filter((r) => keep(r) && r[by] === v).reduce((s, r) => s + r.n, 0),
  }));
  return { key, label, value: breakdown.reduce((s, b) => s + b.value, 0), breakdown };
}

/** "khu dân cư: 812; xã, phường, thị trấn: 104" from a breakdown, zeros left out. */
const listed = (f: ReportFigure, lang: 'vi' | 'en') =>
  (f.breakdown ?? [])
    .filter((b) => b.value > 0)
    .map((b) => `${b.label[lang].toLowerCase()}: ${(lang === 'vi' ? vi : en)(b.value)}`)
    .join('; ');

export const assessmentsSection: SectionLoader = async (prisma: PrismaClient, scope: FigureScope): Promise<ReportSection> => {
  const year = yearOf(scope.to);
  const rows = (
    await prisma.$queryRaw<Row[]>`
      SELECT a."unitKind"::text AS "unitKind", a.kind::text AS kind, a.status::text AS status, a.passed, a.level::text AS level, a.late, count(*)::int AS n
      FROM "Assessment" a
      WHERE ${filedIn('a', 'unitId', scope)} AND a.year = ${year}
        AND NOT EXISTS (SELECT 1 FROM "Assessment" c WHERE c."correctsId" = a.id)
      GROUP BY 1, 2, 3, 4, 5, 6`
  ).map((r) => ({ ...r, n: Number(r.n) }));
  const recognition = rows.filter((r) => r.kind === 'RECOGNITION');
  const decided = (r: Row) => r.status === 'DECIDED';
  const recognised = figure(
    'assessments.recognised',
    { vi: `Đơn vị được công nhận "An toàn về ANTT" năm ${year}`, en: `Units recognised "safe in security and order" for ${year}` },
    recognition,
    (r) => decided(r) && r.passed === true,
  );
  const notRecognised = figure(
    'assessments.notRecognised',
    { vi: `Đơn vị không được công nhận năm ${year}`, en: `Units not recognised for ${year}` },
    recognition,
    (r) => decided(r) && r.passed === false,
  );
  const pending = figure(
    'assessments.pending',
    { vi: 'Hồ sơ đang xét (chưa có quyết định)', en: 'Assessments not yet decided' },
    recognition,
    (r) => !decided(r),
  );
  const late = figure('assessments.late', { vi: 'Hồ sơ gửi quá hạn', en: 'Assessments submitted late' }, recognition, (r) => r.late);
  const levels = figure(
    'grading.levels',
    { vi: `Xếp loại phong trào năm ${year}`, en: `Movement grading for ${year}` },
    rows.filter((r) => r.kind === 'GRADING'),
    decided,
    'level',
  );
  const sentences = {
    vi: [
      recognised.value + notRecognised.value > 0
        ? `Năm ${year}, đã công nhận "An toàn về ANTT" ${vi(recognised.value)} đơn vị (${listed(recognised, 'vi') || 'không có'}); ${vi(notRecognised.value)} đơn vị không được công nhận.`
        : `Năm ${year}, chưa có quyết định công nhận "An toàn về ANTT".`,
      `${vi(pending.value)} hồ sơ đang xét; ${vi(late.value)} hồ sơ gửi quá hạn.`,
      ...(levels.value > 0 ? [`Xếp loại phong trào: ${listed(levels, 'vi')}.`] : []),
    ],
    en: [
      recognised.value + notRecognised.value > 0
        ? `For ${year}, ${en(recognised.value)} units were recognised "safe in security and order" (${listed(recognised, 'en') || 'none'}); ${en(notRecognised.value)} were not.`
        : `For ${year}, no recognition has been decided yet.`,
      `${en(pending.value)} assessments not yet decided; ${en(late.value)} submitted late.`,
      ...(levels.value > 0 ? [`Movement grading: ${listed(levels, 'en')}.`] : []),
    ],
  };
  return {
    key: 'assessments',
    title: {
      vi: 'Đánh giá, công nhận "An toàn về ANTT" và xếp loại phong trào',
      en: 'Recognition "safe in security and order" and grading',
    },
    sentences,
    figures: [recognised, notRecognised, pending, late, levels],
  };
};
