/**
 * The outreach section of the movement report: sessions and people reached in the period,
 * by form and audience, the festival day (19/8), and the partners that took part. One SQL
 * statement. An activity for two audiences (or with two partners) counts under each.
 */
import {
  OUTREACH_AUDIENCE_LABELS,
  OUTREACH_AUDIENCES,
  OUTREACH_FORM_LABELS,
  OUTREACH_FORMS,
  PARTNER_KIND_LABELS,
  PARTNER_KINDS,
  type OutreachAudience,
  type OutreachForm,
  type PartnerKind,
} from '@antq/core';
import { Prisma } from '@antq/db';
import { breakdownOf, en, periodText, vi } from './activity-scope.js';
import { filedIn } from './scope-sql.js';
import type { ReportSection, SectionLoader } from './section.js';

type Dimension = 'TOTAL' | 'FORM' | 'AUDIENCE' | 'PARTNER';
interface Row {
  dim: Dimension;
  key: string | null;
  activities: number;
  participants: number;
}

export const outreachSection: SectionLoader = async (prisma, scope) => {
  const rows = await prisma.$queryRaw<Row[]>(Prisma.sql`
    WITH s AS (SELECT form, audiences, partners, participants FROM "OutreachActivity" o
               WHERE ${filedIn('o', 'communeId', scope)} AND "heldOn" BETWEEN ${scope.from}::date AND ${scope.to}::date)
    SELECT 'TOTAL' AS dim, NULL AS key, count(*)::int AS activities, coalesce(sum(participants), 0)::int AS participants FROM s
    UNION ALL SELECT 'FORM', form::text, count(*)::int, coalesce(sum(participants), 0)::int FROM s GROUP BY form
    UNION ALL SELECT 'AUDIENCE', a::text, count(*)::int, coalesce(sum(participants), 0)::int FROM s, unnest(audiences) a GROUP BY a
    UNION ALL SELECT 'PARTNER', p::text, count(*)::int, coalesce(sum(participants), 0)::int FROM s, unnest(partners) p GROUP BY p
    UNION ALL SELECT 'PARTNER', 'ANY', count(*)::int, coalesce(sum(participants), 0)::int FROM s WHERE cardinality(partners) > 0`);
  return outreachReport(rows, scope);
};

const lower = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** The section's figures and sentences from the grouped rows (pure). */
export function outreachReport(rows: readonly Row[], scope: { from: string; to: string }): ReportSection {
  const get = (dim: Dimension, key: string | null) =>
    rows.find((r) => r.dim === dim && r.key === key) ?? { activities: 0, participants: 0 };
  const total = get('TOTAL', null);
  const form = (k: OutreachForm) => get('FORM', k);
  const audience = (k: OutreachAudience) => get('AUDIENCE', k);
  const partner = (k: PartnerKind) => get('PARTNER', k);
  const byCount = <K extends string>(keys: readonly K[], f: (k: K) => { activities: number }) =>
    [...keys].filter((k) => f(k).activities > 0).sort((a, b) => f(b).activities - f(a).activities);
  const period = periodText(scope);
  const festival = form('FESTIVAL_DAY');
  const forms = byCount(OUTREACH_FORMS, form).filter((k) => k !== 'FESTIVAL_DAY');
  const audiences = byCount(OUTREACH_AUDIENCES, audience);
  const partners = byCount(PARTNER_KINDS, partner);
  const sentences =
    total.activities === 0
      ? { vi: [`${period.vi}, không có buổi tuyên truyền nào được ghi nhận.`], en: [`${period.en}, no outreach session was recorded.`] }
      : {
          vi: [
            `${period.vi}, đã tổ chức ${vi(total.activities)} buổi tuyên truyền với ${vi(total.participants)} lượt người tham dự, bằng nhiều hình thức phù hợp với từng đối tượng, địa bàn: ` +
              `${forms.map((k) => `${lower(OUTREACH_FORM_LABELS[k].vi)} (${vi(form(k).activities)} buổi)`).join(', ')}.`,
            `Đối tượng tuyên truyền: ${audiences.map((k) => `${lower(OUTREACH_AUDIENCE_LABELS[k].vi)} (${vi(audience(k).activities)} buổi)`).join(', ')}.`,
            ...(festival.activities
              ? [
                  `Tổ chức ${vi(festival.activities)} Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8), thu hút ${vi(festival.participants)} lượt người tham gia.`,
                ]
              : []),
            ...(partners.length
              ? [
                  `Phối hợp với ${partners.map((k) => `${PARTNER_KIND_LABELS[k].vi} (${vi(partner(k).activities)} buổi)`).join(', ')} trong ${vi(get('PARTNER', 'ANY').activities)} buổi.`,
                ]
              : []),
          ],
          en: [
            `${period.en}, ${en(total.activities)} outreach ${total.activities === 1 ? 'session was' : 'sessions were'} held, reaching ${en(total.participants)} people, in forms fitted to each audience and area: ` +
              `${forms.map((k) => `${OUTREACH_FORM_LABELS[k].en.toLowerCase()} (${en(form(k).activities)})`).join(', ')}.`,
            `Audiences: ${audiences.map((k) => `${OUTREACH_AUDIENCE_LABELS[k].en.toLowerCase()} (${en(audience(k).activities)})`).join(', ')}.`,
            ...(festival.activities
              ? [
                  `${en(festival.activities)} festival ${festival.activities === 1 ? 'day' : 'days'} for national security (19 August) drew ${en(festival.participants)} people.`,
                ]
              : []),
            ...(partners.length
              ? [
                  `${en(get('PARTNER', 'ANY').activities)} sessions were held with partners: ${partners.map((k) => `${PARTNER_KIND_LABELS[k].en} (${en(partner(k).activities)})`).join(', ')}.`,
                ]
              : []),
          ],
        };
  return {
    key: 'outreach',
    title: { vi: 'Tuyên truyền, vận động', en: 'Outreach' },
    sentences,
    figures: [
      {
        key: 'outreach.activities',
        label: { vi: 'Buổi tuyên truyền', en: 'Outreach sessions' },
        value: total.activities,
        breakdown: breakdownOf(OUTREACH_FORMS, OUTREACH_FORM_LABELS, (k) => form(k).activities, 'outreach.activities'),
      },
      {
        key: 'outreach.participants',
        label: { vi: 'Lượt người tham dự', en: 'People reached' },
        value: total.participants,
        breakdown: breakdownOf(OUTREACH_FORMS, OUTREACH_FORM_LABELS, (k) => form(k).participants, 'outreach.participants'),
      },
      {
        key: 'outreach.audiences',
        label: {
          vi: 'Buổi tuyên truyền theo đối tượng (một buổi có thể cho nhiều đối tượng)',
          en: 'Sessions by audience (a session may have several)',
        },
        value: total.activities,
        breakdown: breakdownOf(OUTREACH_AUDIENCES, OUTREACH_AUDIENCE_LABELS, (k) => audience(k).activities, 'outreach.audiences'),
      },
      {
        key: 'outreach.festivalDay',
        label: { vi: 'Ngày hội toàn dân bảo vệ ANTQ (19/8)', en: 'Festival days (19 August)' },
        value: festival.activities,
      },
      {
        key: 'outreach.festivalDay.participants',
        label: { vi: 'Lượt người dự Ngày hội', en: 'People at the festival days' },
        value: festival.participants,
      },
      {
        key: 'outreach.partners',
        label: { vi: 'Buổi tuyên truyền có phối hợp', en: 'Sessions held with partners' },
        value: get('PARTNER', 'ANY').activities,
        breakdown: breakdownOf(PARTNER_KINDS, PARTNER_KIND_LABELS, (k) => partner(k).activities, 'outreach.partners'),
      },
    ],
  };
}
