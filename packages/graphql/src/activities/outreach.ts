/**
 * Outreach (tuyên truyền) in GraphQL: sessions by unit, period, form and audience within
 * the viewer's jurisdiction (OUTREACH READ), and their totals by form, audience, partner,
 * month or child unit in one SQL statement whatever the unit's size. Totals are aggregates
 * with no personal data: public, as coverage is. An activity for two audiences (or with
 * two partners) counts once under each, so such a breakdown does not add up to the total.
 */
import {
  OUTREACH_AUDIENCE_LABELS,
  OUTREACH_AUDIENCES,
  OUTREACH_FORM_LABELS,
  OUTREACH_FORMS,
  PARTNER_KIND_LABELS,
  type IsoDate,
  type Label,
  type OutreachAudience,
  type OutreachForm,
  type PartnerKind,
} from '@antq/core';
import { Prisma } from '@antq/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { uuidOrNone } from '../access.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { periodOutOfOrder } from '../errors.js';
import { AdminUnitRef } from '../hierarchy/schema.js';
import { dateColumn, isoOf } from '../hierarchy/rows.js';
import { filteredList } from '../filtered-list.js';
import { DateScalar } from '../scalars.js';
import { periodOf, placementOf } from './where.js';
import { filedUnder, scopeOf, type ScopeContext, type UnitArg } from '../access.js';
import { filedIn } from '../report/scope-sql.js';
import { figureScopeOf, type FigureScope } from '../report/section.js';
import { PartnerKindEnum } from '../partner-kind.js';

export const OutreachFormEnum = builder.enumType('OutreachForm', {
  description: 'Họp dân, loa phát thanh, tờ rơi, mạng xã hội, ngày hội 19/8, đến từng hộ, văn nghệ, khác.',
  values: OUTREACH_FORMS,
});
export const OutreachAudienceEnum = builder.enumType('OutreachAudience', { values: OUTREACH_AUDIENCES });
export { PartnerKindEnum };
export const OutreachTotalsByEnum = builder.enumType('OutreachTotalsBy', {
  values: ['FORM', 'AUDIENCE', 'PARTNER', 'MONTH', 'UNIT'] as const,
});
type TotalsBy = (typeof OutreachTotalsByEnum)['$inferType'];

/** Sessions the viewer may read; with `unitCode`, only those filed under it. */
export const outreachWhere = (ctx: ScopeContext, unit?: UnitArg): Prisma.OutreachActivityWhereInput =>
  filedUnder(ctx, 'OUTREACH', 'communeId', unit);

const OutreachNode = builder.prismaNode('OutreachActivity', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNone(id), AND: [outreachWhere(ctx)] }),
  description:
    'An outreach session (tuyên truyền): where and when, its form and audiences, the people reached and the partners that took part.',
  authScopes: (o) => ({ allowedAt: ['OUTREACH', 'READ', placementOf(o)] as const }),
  fields: (t) => ({
    commune: t.field({
      type: AdminUnitRef,
      description: 'The commune it was held in, seen on heldOn.',
      resolve: async (o, _a, ctx) => ({ row: (await ctx.loaders.byId.load(o.communeId))!, asOf: isoOf(o.heldOn) }),
    }),
    residentialAreaId: t.id({
      nullable: true,
      description: 'The residential area it was held in, if one (a ResidentialArea ID).',
      resolve: (o) => (o.residentialAreaId ? encodeGlobalID('ResidentialArea', o.residentialAreaId) : null),
    }),
    heldOn: t.field({ type: DateScalar, resolve: (o) => isoOf(o.heldOn) }),
    form: t.field({ type: OutreachFormEnum, resolve: (o) => o.form }),
    audiences: t.field({ type: [OutreachAudienceEnum], resolve: (o) => o.audiences }),
    participants: t.exposeInt('participants', { description: 'People reached.' }),
    partners: t.field({ type: [PartnerKindEnum], resolve: (o) => o.partners }),
    topic: t.exposeString('topic'),
    version: t.exposeInt('version'),
    isDemo: t.boolean({ resolve: (o) => o.datasetId !== null }),
  }),
});

interface ListArgs {
  unitCode: string;
  from?: IsoDate | null;
  to?: IsoDate | null;
  form?: OutreachForm | null;
  audience?: OutreachAudience | null;
  partner?: PartnerKind | null;
}

function outreachIn(ctx: Context, args: ListArgs): Prisma.OutreachActivityWhereInput {
  const { from, to } = periodOf(args, ctx.today);
  return {
    AND: [
      outreachWhere(ctx, { code: args.unitCode, date: to }),
      { heldOn: { gte: dateColumn(from), lte: dateColumn(to) } },
      ...(args.form ? [{ form: args.form }] : []),
      ...(args.audience ? [{ audiences: { has: args.audience } }] : []),
      ...(args.partner ? [{ partners: { has: args.partner } }] : []),
    ],
  };
}

builder.queryField('outreachActivities', (t) =>
  t.prismaConnection({
    type: 'OutreachActivity',
    description:
      'Outreach sessions filed under a unit (a commune or anything above it) in a period (default: the year to today), within your jurisdiction; latest first.',
    authScopes: { allowed: ['OUTREACH', 'READ'] as const },
    args: {
      unitCode: t.arg.string({ required: true }),
      from: t.arg({ type: DateScalar }),
      to: t.arg({ type: DateScalar }),
      form: t.arg({ type: OutreachFormEnum }),
      audience: t.arg({ type: OutreachAudienceEnum }),
      partner: t.arg({ type: PartnerKindEnum }),
    },
    ...filteredList((db) => db.outreachActivity, outreachIn, [{ heldOn: 'desc' }, { id: 'asc' }]),
  }),
);

// ─── Totals ─────────────────────────────────────────────────────────────────────────────

/** One row of totals: `key` null for the grand total. */
export interface OutreachTotalRow {
  readonly key: string | null;
  readonly name: string | null;
  readonly activities: number;
  readonly participants: number;
}

/** The rows of the sessions a scope covers, as SQL: filed under the unit (through the lineage, as the report's figures) in the period. */
function outreachScopeSql(scope: FigureScope): Prisma.Sql {
  return Prisma.sql`SELECT * FROM "OutreachActivity" o WHERE ${filedIn('o', 'communeId', scope)}
    AND "heldOn" BETWEEN ${scope.from}::date AND ${scope.to}::date`;
}

const GROUPS: Record<Exclude<TotalsBy, 'UNIT'>, Prisma.Sql> = {
  FORM: Prisma.sql`SELECT form::text AS key, NULL AS name, id, participants FROM s`,
  AUDIENCE: Prisma.sql`SELECT a::text AS key, NULL AS name, id, participants FROM s, unnest(audiences) a`,
  PARTNER: Prisma.sql`SELECT p::text AS key, NULL AS name, id, participants FROM s, unnest(partners) p`,
  MONTH: Prisma.sql`SELECT to_char("heldOn", 'YYYY-MM') AS key, NULL AS name, id, participants FROM s`,
};

/**
 * The grand total and the totals by `by`, in one statement. By UNIT: the unit's children on
 * `to` (districts or communes), each with the sessions filed under it.
 */
export async function outreachTotals(
  prisma: Prisma.TransactionClient | Context['db']['prisma'],
  scope: FigureScope,
  by: TotalsBy,
): Promise<OutreachTotalRow[]> {
  const grouped =
    by === 'UNIT'
      ? Prisma.sql`SELECT k.code AS key, k.name AS name, s.id, s.participants FROM "AdminUnit" k JOIN s ON s."placeCodes" @> ARRAY[k.code]
          WHERE k."parentCode" = ${scope.unitCode} AND (k."validFrom" IS NULL OR k."validFrom" <= ${scope.to}::date) AND (k."validTo" IS NULL OR k."validTo" >= ${scope.to}::date)`
      : GROUPS[by];
  const rows = await prisma.$queryRaw<
    Array<{ key: string | null; name: string | null; activities: number; participants: number }>
  >(Prisma.sql`
    WITH s AS (${outreachScopeSql(scope)})
    SELECT NULL AS key, NULL AS name, count(*)::int AS activities, coalesce(sum(participants), 0)::int AS participants FROM s
    UNION ALL
    SELECT key, min(name), count(DISTINCT id)::int, coalesce(sum(participants), 0)::int FROM (${grouped}) g GROUP BY key`);
  return rows;
}

const LABELS: Partial<Record<TotalsBy, Record<string, Label>>> = {
  FORM: OUTREACH_FORM_LABELS,
  AUDIENCE: OUTREACH_AUDIENCE_LABELS,
  PARTNER: PARTNER_KIND_LABELS,
};

const OutreachTotalRowRef = builder.objectRef<OutreachTotalRow & { by: TotalsBy }>('OutreachTotalRow').implement({
  description: 'Sessions and people reached under one key (a form, audience, partner, month yyyy-mm or unit code).',
  fields: (t) => ({
    key: t.string({ resolve: (r) => r.key! }),
    labelVi: t.string({
      resolve: (r) =>
        LABELS[r.by]?.[r.key!]?.vi ?? r.name ?? (r.by === 'MONTH' ? `Tháng ${r.key!.slice(5)}/${r.key!.slice(0, 4)}` : r.key!),
    }),
    labelEn: t.string({ resolve: (r) => LABELS[r.by]?.[r.key!]?.en ?? r.name ?? r.key! }),
    activities: t.exposeInt('activities'),
    participants: t.exposeInt('participants', { description: 'People reached.' }),
  }),
});

const OutreachTotalsRef = builder.objectRef<{ by: TotalsBy; rows: OutreachTotalRow[] }>('OutreachTotals').implement({
  description: 'Outreach totals of a unit and period: the sessions and people reached, and the same by one breakdown.',
  fields: (t) => ({
    by: t.field({ type: OutreachTotalsByEnum, resolve: (r) => r.by }),
    activities: t.int({ resolve: (r) => r.rows.find((x) => x.key === null)?.activities ?? 0 }),
    participants: t.int({ resolve: (r) => r.rows.find((x) => x.key === null)?.participants ?? 0 }),
    rows: t.field({
      type: [OutreachTotalRowRef],
      description: 'Largest reach first. An activity for two audiences (or partners) counts under each.',
      resolve: (r) =>
        r.rows
          .filter((x) => x.key !== null)
          .map((x) => ({ ...x, by: r.by }))
          .sort((a, b) => b.participants - a.participants || (a.key! < b.key! ? -1 : 1)),
    }),
  }),
});

builder.queryField('outreachTotals', (t) =>
  t.field({
    type: OutreachTotalsRef,
    description:
      'How many outreach sessions a unit held in a period and how many people they reached, in all and by form, audience, partner, month or child unit. Public, like coverage: no personal data.',
    authScopes: { allowed: ['AGGREGATE', 'READ'] as const },
    args: {
      unitCode: t.arg.string({
        required: true,
        description:
          'A province, district or commune code, read on `to`: the sessions filed under it then and under every unit of an earlier era that passed into it (NOT_FOUND when it names no unit on `to`).',
      }),
      from: t.arg({ type: DateScalar, required: true }),
      to: t.arg({ type: DateScalar, required: true }),
      by: t.arg({ type: OutreachTotalsByEnum, required: true }),
      onlyUnder: t.arg.stringList({ description: 'Only sessions filed under one of these unit codes (the key areas, for instance).' }),
    },
    resolve: async (_root, args, ctx) => {
      if (args.from > args.to) throw periodOutOfOrder(args.from, args.to);
      const { unit } = scopeOf(ctx, 'AGGREGATE', 'READ', { code: args.unitCode, date: args.to, argument: 'unitCode' });
      const scope: FigureScope = {
        ...figureScopeOf(unit!, args.from, args.to),
        ...(args.onlyUnder ? { onlyUnder: args.onlyUnder.map((c) => c.trim()) } : {}),
      };
      return { by: args.by, rows: await outreachTotals(ctx.db.prisma, scope, args.by) };
    },
  }),
);

/** The OutreachActivity type, for mutation payloads. */
export const OutreachRef: { readonly name: string } = OutreachNode;
