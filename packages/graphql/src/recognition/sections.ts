/**
 * What recognition contributes to the movement report: exemplars and replication,
 * commendations, key areas, people of influence and partners. Each loader reads its
 * figures in a fixed number of statements (grouped counts, never rows), so a section
 * costs the same for a commune or a province, and holds no name of anyone.
 */
import {
  AWARD_LEVEL_LABELS,
  AWARD_LEVELS,
  COMMENDATION_FORM_LABELS,
  COMMENDATION_FORMS,
  EXEMPLAR_SUBJECT_KIND_LABELS,
  EXEMPLAR_SUBJECT_KINDS,
  INFLUENCE_KIND_LABELS,
  INFLUENCE_KINDS,
  KEY_AREA_CATEGORIES,
  KEY_AREA_CATEGORY_LABELS,
  PARTNER_KIND_LABELS,
  PARTNER_KINDS,
  RECIPIENT_KIND_LABELS,
  RECIPIENT_KINDS,
  type Label,
} from '@antq/core';
import type { PrismaClient } from '@antq/db';
import { vietnameseDate } from '../movement/report.js';
import { filedIn, holdsOn, inPeriod, keyAreaOfScope, modelPlaced, overlapsPeriod, withUnitAndAncestors } from '../report/scope-sql.js';
import type { FigureScope, ReportFigure, ReportSection, SectionLoader } from '../report/section.js';

const vi = (x: number) => x.toLocaleString('vi-VN');
const en = (x: number) => x.toLocaleString('en-GB');

/** A figure broken down by the values of an enum (every value listed, zeros included, in the enum's order). */
function byValue<K extends string>(
  key: string,
  label: Label,
  values: readonly K[],
  labels: Readonly<Record<K, Label>>,
  counts: ReadonlyMap<string, number>,
): ReportFigure {
  const breakdown = values.map((v) => ({ key: v, label: labels[v], value: counts.get(v) ?? 0 }));
  return { key, label, value: breakdown.reduce((s, b) => s + b.value, 0), breakdown };
}

/** "2 cấp tỉnh, 11 cấp huyện" from a breakdown, zeros left out; names (Hội Cựu chiến binh) keep their capitals. */
function listed(f: ReportFigure, lang: 'vi' | 'en', names = false): string {
  const n = lang === 'vi' ? vi : en;
  const label = (l: Label) => (names ? l[lang] : l[lang].toLowerCase());
  return (f.breakdown ?? [])
    .filter((b) => b.value > 0)
    .map((b) => `${n(b.value)} ${label(b.label)}`)
    .join(', ');
}

const counted = (rows: ReadonlyArray<{ k: string | null; n: number }>) => new Map(rows.map((r) => [r.k ?? '', Number(r.n)]));
const period = (s: FigureScope) => ({
  vi: `từ ${vietnameseDate(s.from)} đến ${vietnameseDate(s.to)}`,
  en: `from ${vietnameseDate(s.from)} to ${vietnameseDate(s.to)}`,
});

// ─── Exemplars and replication ──────────────────────────────────────────────────────

/** Exemplars recognised (decision dated in the period) by level and subject; replication points made in the period and to its end. 2 statements. */
export const exemplarsSection: SectionLoader = async (prisma: PrismaClient, scope: FigureScope): Promise<ReportSection> => {
  const [exemplars, [replication]] = await Promise.all([
    prisma.$queryRaw<Array<{ level: string; subject: string; n: number }>>`
      SELECT e.level::text AS level, e."subjectKind"::text AS subject, count(*)::int AS n FROM "Exemplar" e
      WHERE ${filedIn('e', 'unitId', scope)} AND ${inPeriod('e', 'decisionDate', scope)}
      GROUP BY 1, 2`,
    prisma.$queryRaw<Array<{ inPeriod: number; toDate: number; sources: number }>>`
      SELECT count(*) FILTER (WHERE r."replicatedOn" >= ${new Date(`${scope.from}T00:00:00Z`)})::int AS "inPeriod",
             count(*)::int AS "toDate",
             count(DISTINCT r."sourceModelId") FILTER (WHERE r."replicatedOn" >= ${new Date(`${scope.from}T00:00:00Z`)})::int AS sources
      FROM "ReplicationPoint" r JOIN "Model" m ON m.id = r."replicaModelId"
      WHERE r."replicatedOn" <= ${new Date(`${scope.to}T00:00:00Z`)} AND ${modelPlaced('m', scope)}`,
  ]);
  const sum = (key: (r: (typeof exemplars)[number]) => string) => {
    const m = new Map<string, number>();
    for (const r of exemplars) m.set(key(r), (m.get(key(r)) ?? 0) + Number(r.n));
    return m;
  };
  const byLevel = byValue(
    'exemplars.recognised',
    { vi: 'Điển hình tiên tiến được công nhận', en: 'Exemplars recognised' },
    AWARD_LEVELS,
    AWARD_LEVEL_LABELS,
    sum((r) => r.level),
  );
  const bySubject = byValue(
    'exemplars.bySubject',
    { vi: 'Điển hình tiên tiến theo đối tượng', en: 'Exemplars by subject' },
    EXEMPLAR_SUBJECT_KINDS,
    EXEMPLAR_SUBJECT_KIND_LABELS,
    sum((r) => r.subject),
  );
  const r = replication ?? { inPeriod: 0, toDate: 0, sources: 0 };
  const points: ReportFigure = {
    key: 'replication.points',
    label: { vi: 'Điểm nhân rộng mô hình trong kỳ', en: 'Replication points in the period' },
    value: Number(r.inPeriod),
  };
  const sources: ReportFigure = {
    key: 'replication.sourceModels',
    label: { vi: 'Mô hình được nhân rộng trong kỳ', en: 'Models replicated in the period' },
    value: Number(r.sources),
  };
  const toDate: ReportFigure = {
    key: 'replication.pointsToDate',
    label: { vi: 'Điểm nhân rộng lũy kế đến cuối kỳ', en: 'Replication points to the end of the period' },
    value: Number(r.toDate),
  };
  const p = period(scope);
  return {
    key: 'exemplars',
    title: { vi: 'Xây dựng, nhân rộng điển hình tiên tiến', en: 'Exemplars and replication' },
    sentences: {
      vi: [
        byLevel.value > 0
          ? `${p.vi[0]!.toUpperCase()}${p.vi.slice(1)}, đã công nhận ${vi(byLevel.value)} điển hình tiên tiến (${listed(byLevel, 'vi')}), gồm ${listed(bySubject, 'vi')}.`
          : `${p.vi[0]!.toUpperCase()}${p.vi.slice(1)}, chưa công nhận điển hình tiên tiến nào.`,
        `Nhân rộng ${vi(points.value)} điểm từ ${vi(sources.value)} mô hình; lũy kế ${vi(toDate.value)} điểm nhân rộng.`,
      ],
      en: [
        byLevel.value > 0
          ? `${p.en[0]!.toUpperCase()}${p.en.slice(1)}, ${en(byLevel.value)} ${byLevel.value === 1 ? 'exemplar was' : 'exemplars were'} recognised (${listed(byLevel, 'en')}): ${listed(bySubject, 'en')}.`
          : `${p.en[0]!.toUpperCase()}${p.en.slice(1)}, no exemplar was recognised.`,
        `${en(points.value)} replication ${points.value === 1 ? 'point was' : 'points were'} made from ${en(sources.value)} ${sources.value === 1 ? 'model' : 'models'}; ${en(toDate.value)} in all.`,
      ],
    },
    figures: [byLevel, bySubject, points, sources, toDate],
  };
};

// ─── Commendations ──────────────────────────────────────────────────────────────────

const FOR_KINDS = ['MODEL', 'TIP', 'EXEMPLAR', 'NONE'] as const;
const FOR_LABELS: Record<(typeof FOR_KINDS)[number], Label> = {
  MODEL: { vi: 'Cho mô hình', en: 'For a model' },
  TIP: { vi: 'Cho tố giác tội phạm', en: 'For a tip' },
  EXEMPLAR: { vi: 'Cho điển hình tiên tiến', en: 'For an exemplar' },
  NONE: { vi: 'Thành tích khác', en: 'Other achievements' },
};

/** Commendations decided in the period, by form, level, recipient and what they were for. 1 statement. */
export const commendationsSection: SectionLoader = async (prisma, scope) => {
  const rows = await prisma.$queryRaw<Array<{ form: string; level: string; recipient: string; for: string; n: number }>>`
    SELECT c.form::text AS form, c.level::text AS level, c."recipientKind"::text AS recipient, COALESCE(c."forKind"::text, 'NONE') AS for, count(*)::int AS n
    FROM "Commendation" c WHERE ${filedIn('c', 'unitId', scope)} AND ${inPeriod('c', 'decisionDate', scope)}
    GROUP BY 1, 2, 3, 4`;
  const sum = (key: (r: (typeof rows)[number]) => string) =>
    counted(
      [...rows.reduce((m, r) => m.set(key(r), (m.get(key(r)) ?? 0) + Number(r.n)), new Map<string, number>())].map(([k, n]) => ({ k, n })),
    );
  const byForm = byValue(
    'commendations.byForm',
    { vi: 'Khen thưởng theo hình thức', en: 'Commendations by form' },
    COMMENDATION_FORMS,
    COMMENDATION_FORM_LABELS,
    sum((r) => r.form),
  );
  const byLevel = byValue(
    'commendations.byLevel',
    { vi: 'Khen thưởng theo cấp', en: 'Commendations by level' },
    AWARD_LEVELS,
    AWARD_LEVEL_LABELS,
    sum((r) => r.level),
  );
  const byRecipient = byValue(
    'commendations.byRecipient',
    { vi: 'Khen thưởng theo đối tượng', en: 'Commendations by recipient' },
    RECIPIENT_KINDS,
    RECIPIENT_KIND_LABELS,
    sum((r) => r.recipient),
  );
  const byFor = byValue(
    'commendations.for',
    { vi: 'Khen thưởng theo thành tích', en: 'Commendations by achievement' },
    FOR_KINDS,
    FOR_LABELS,
    sum((r) => r.for),
  );
  const p = period(scope);
  const total = byForm.value;
  return {
    key: 'commendations',
    title: { vi: 'Khen thưởng tập thể, cá nhân tiêu biểu', en: 'Commendations' },
    sentences: {
      vi: [
        total > 0
          ? `${p.vi[0]!.toUpperCase()}${p.vi.slice(1)}, đã khen thưởng ${vi(byRecipient.breakdown![0]!.value)} tập thể và ${vi(byRecipient.breakdown![1]!.value)} cá nhân có thành tích trong phong trào (${listed(byForm, 'vi')}).`
          : `${p.vi[0]!.toUpperCase()}${p.vi.slice(1)}, chưa có khen thưởng nào được ghi nhận.`,
      ],
      en: [
        total > 0
          ? `${p.en[0]!.toUpperCase()}${p.en.slice(1)}, ${en(byRecipient.breakdown![0]!.value)} collectives and ${en(byRecipient.breakdown![1]!.value)} individuals were commended for their part in the movement (${listed(byForm, 'en')}).`
          : `${p.en[0]!.toUpperCase()}${p.en.slice(1)}, no commendation was recorded.`,
      ],
    },
    figures: [
      { key: 'commendations.total', label: { vi: 'Tổng số khen thưởng', en: 'Commendations' }, value: total },
      byForm,
      byLevel,
      byRecipient,
      byFor,
    ],
  };
};

// ─── Key areas ──────────────────────────────────────────────────────────────────────

/** Key areas in force at some time in the period, within the unit (or containing it), by category. 1 statement. */
export const keyAreasSection: SectionLoader = async (prisma, scope) => {
  // Whether the report is about key areas only or not, its key areas are the same ones.
  const rows = await prisma.$queryRaw<Array<{ k: string | null; n: number }>>`${withUnitAndAncestors(scope)}
    SELECT k.category::text AS k, count(DISTINCT k."unitCode")::int AS n FROM "KeyArea" k
    WHERE ${keyAreaOfScope('k', scope)}
    GROUP BY ROLLUP (1)`;
  const byCategory = byValue(
    'keyAreas.byCategory',
    { vi: 'Địa bàn trọng điểm theo lĩnh vực', en: 'Key areas by category' },
    KEY_AREA_CATEGORIES,
    KEY_AREA_CATEGORY_LABELS,
    counted(rows.filter((r) => r.k !== null)),
  );
  // A unit flagged for two categories counts once in the total (the rollup row).
  const units = rows.find((r) => r.k === null)?.n ?? 0;
  const total: ReportFigure = { key: 'keyAreas.units', label: { vi: 'Địa bàn trọng điểm', en: 'Key areas' }, value: Number(units) };
  const p = period(scope);
  return {
    key: 'keyAreas',
    title: { vi: 'Tập trung vào địa bàn trọng điểm', en: 'Key areas' },
    sentences: {
      vi: [
        total.value > 0
          ? `${p.vi[0]!.toUpperCase()}${p.vi.slice(1)}, xác định ${vi(total.value)} địa bàn trọng điểm về an ninh, trật tự (${listed(byCategory, 'vi')}) để tập trung chỉ đạo.`
          : `${p.vi[0]!.toUpperCase()}${p.vi.slice(1)}, không có địa bàn trọng điểm nào được xác định.`,
      ],
      en: [
        total.value > 0
          ? `${p.en[0]!.toUpperCase()}${p.en.slice(1)}, ${en(total.value)} key ${total.value === 1 ? 'area was' : 'areas were'} flagged for priority (${listed(byCategory, 'en')}).`
          : `${p.en[0]!.toUpperCase()}${p.en.slice(1)}, no key area was flagged.`,
      ],
    },
    figures: [total, byCategory],
  };
};

// ─── People of influence and partners ───────────────────────────────────────────────

/** People of influence engaged at some time in the period, by kind; partner organisations taking part in models on `to`, by kind. 2 statements. */
export const influenceSection: SectionLoader = async (prisma, scope) => {
  const [people, partners] = await Promise.all([
    prisma.$queryRaw<Array<{ k: string; n: number }>>`
      SELECT p.kind::text AS k, count(*)::int AS n FROM "InfluentialPerson" p
      WHERE EXISTS (SELECT 1 FROM "ResidentialAreaPlacement" q WHERE q."residentialAreaId" = p."residentialAreaId" AND ${filedIn('q', 'communeId', scope)})
        AND ${overlapsPeriod('p', 'validFrom', 'validTo', scope)}
      GROUP BY 1`,
    prisma.$queryRaw<Array<{ k: string | null; n: number; models: number }>>`
      SELECT x."partnerKind"::text AS k, count(*)::int AS n, count(DISTINCT x."modelId")::int AS models FROM "ModelPartner" x JOIN "Model" m ON m.id = x."modelId"
      WHERE ${holdsOn('x', scope.to)} AND ${modelPlaced('m', scope)}
      GROUP BY ROLLUP (1)`,
  ]);
  const byKind = byValue(
    'influence.people',
    { vi: 'Chức sắc, người có uy tín tham gia', en: 'People of influence engaged' },
    INFLUENCE_KINDS,
    INFLUENCE_KIND_LABELS,
    counted(people),
  );
  const byPartner = byValue(
    'partners.byKind',
    { vi: 'Lượt tổ chức phối hợp tham gia mô hình', en: 'Partner organisations in models' },
    PARTNER_KINDS,
    PARTNER_KIND_LABELS,
    counted(partners.filter((r) => r.k !== null)),
  );
  const models: ReportFigure = {
    key: 'partners.models',
    label: { vi: 'Mô hình có tổ chức phối hợp', en: 'Models with partners' },
    value: Number(partners.find((r) => r.k === null)?.models ?? 0),
  };
  const [dignitaries, reputable] = byKind.breakdown!;
  return {
    key: 'influence',
    title: { vi: 'Phát huy vai trò người có uy tín, phối hợp các lực lượng', en: 'People of influence and partners' },
    sentences: {
      vi: [
        `Vận động ${vi(dignitaries!.value)} chức sắc tôn giáo và ${vi(reputable!.value)} người có uy tín tham gia phong trào; ` +
          `${vi(models.value)} mô hình có sự phối hợp của Mặt trận Tổ quốc, các đoàn thể và lực lượng vũ trang${byPartner.value > 0 ? ` (${listed(byPartner, 'vi', true)})` : ''}.`,
      ],
      en: [
        `${en(dignitaries!.value)} religious ${dignitaries!.value === 1 ? 'dignitary' : 'dignitaries'} and ${en(reputable!.value)} reputable ${reputable!.value === 1 ? 'person were' : 'people were'} engaged in the movement; ` +
          `${en(models.value)} ${models.value === 1 ? 'model works' : 'models work'} with the Fatherland Front, mass organisations or the armed forces${byPartner.value > 0 ? ` (${listed(byPartner, 'en', true)})` : ''}.`,
      ],
    },
    figures: [byKind, models, byPartner],
  };
};
