/**
 * The hierarchy in GraphQL: administrative units through time and their lineage.
 * A unit is always seen on a date (the `asOf` it was reached with); its parent and its
 * children are those of that date.
 */
import { UNIT_KIND_LABELS, viewDate, type IsoDate, type UnitKind } from '@antq/core';
import { scopeOf } from '../access.js';
import { builder } from '../builder.js';
import { idOfKey } from '../federation.js';
import { connectionComplexity, pageOf, toConnection } from '../pagination.js';
import { DateScalar } from '../scalars.js';
import type { LinkedUnit, UnitOnDate } from './loaders.js';
import { isoOf, validityOf, validOn } from './rows.js';
import { rankedKey, searchUnits } from './search.js';

export const AdminLevelEnum = builder.enumType('AdminLevel', {
  description: 'Level of an administrative unit. Districts existed until 2025-06-30.',
  values: {
    PROVINCE: { description: 'Tỉnh, thành phố trực thuộc trung ương' },
    DISTRICT: { description: 'Huyện, quận, thị xã, thành phố thuộc tỉnh (until 2025-06-30)' },
    COMMUNE: { description: 'Xã, phường, thị trấn, đặc khu' },
  } as const,
});

export const LineageKindEnum = builder.enumType('LineageKind', {
  description: 'How a unit passed into another on a reorganisation.',
  values: {
    FULL: { description: 'All of the predecessor went into the successor.' },
    PARTIAL: { description: 'Part of the predecessor went into the successor.' },
  } as const,
});

export const AdminUnitRef = builder.objectRef<UnitOnDate>('AdminUnit');

/** The arguments of a list of what is placed in a unit on a date: the unit's code, and the date (default today). */
export const unitOnDateArgs = builder.args((t) => ({
  unitCode: t.string({ required: true, description: 'A commune, district or province code.' }),
  asOf: t.field({ type: DateScalar }),
}));

/** A unit reached by its ID is seen today, or on the nearest day on which it held. */
const onViewDate = (row: UnitOnDate['row'], asked: IsoDate): UnitOnDate => ({ row, asOf: viewDate({ validity: validityOf(row) }, asked) });

builder.node(AdminUnitRef, {
  description: 'An administrative unit: a statistical code plus the interval in which the unit held. Codes are reused across eras.',
  id: { resolve: (unit) => unit.row.id },
  loadMany: async (ids, ctx) => {
    const rows = await ctx.loaders.byId.loadMany(ids);
    return rows.map((row) => (row && !(row instanceof Error) ? onViewDate(row, ctx.today) : null));
  },
  fields: (t) => ({
    code: t.string({
      description: 'Statistical code: 2 digits for a province, 3 for a district, 5 for a commune.',
      resolve: (u) => u.row.code,
    }),
    name: t.string({ description: 'Official short name (Bình Phước).', resolve: (u) => u.row.name }),
    fullName: t.string({ description: 'Official full name with the kind (Tỉnh Bình Phước).', resolve: (u) => u.row.fullName }),
    nameEn: t.string({ nullable: true, description: 'Name without diacritics, as published.', resolve: (u) => u.row.nameEn }),
    level: t.field({ type: AdminLevelEnum, resolve: (u) => u.row.level }),
    kind: t.string({
      description:
        'Legal kind: TINH, THANH_PHO_TRUC_THUOC_TRUNG_UONG, HUYEN, QUAN, THI_XA, THANH_PHO_THUOC_TINH, XA, PHUONG, THI_TRAN or DAC_KHU.',
      resolve: (u) => u.row.kind,
    }),
    kindName: t.string({
      description: 'The kind in Vietnamese (Tỉnh, Phường…).',
      resolve: (u) => UNIT_KIND_LABELS[u.row.kind as UnitKind]?.vi ?? u.row.kind,
    }),
    validFrom: t.field({
      type: DateScalar,
      nullable: true,
      description: 'First day the unit held; null: since before our records.',
      resolve: (u) => isoOf(u.row.validFrom),
    }),
    validTo: t.field({
      type: DateScalar,
      nullable: true,
      description: 'Last day the unit held; null: still in force.',
      resolve: (u) => isoOf(u.row.validTo),
    }),
    asOf: t.field({
      type: DateScalar,
      description: 'The date this unit is seen on: its parent and children are those of this date.',
      resolve: (u) => u.asOf,
    }),
    parent: t.field({
      type: AdminUnitRef,
      nullable: true,
      description: 'The unit above, on the same date.',
      resolve: async (u, _args, ctx) => {
        if (!u.row.parentCode) return null;
        const row = await ctx.loaders.byCodeOn.load({ code: u.row.parentCode, date: u.asOf });
        return row && { row, asOf: u.asOf };
      },
    }),
    children: t.field({
      type: AdminUnitConnection,
      complexity: connectionComplexity,
      description: 'The units directly below, valid on the date this unit was reached with, by code.',
      args: { first: t.arg.int({ description: 'At most 100; 20 if not given.' }), after: t.arg.string() },
      resolve: async (u, args, ctx) => {
        const page = await ctx.loaders.childrenOn.load({ parentCode: u.row.code, date: u.asOf, page: pageOf(args) });
        return toConnection({ ...page, nodes: page.nodes.map((row) => ({ row, asOf: u.asOf })) }, (n) => n.row.code);
      },
    }),
    successors: t.field({
      type: [LineageLinkRef],
      description: 'What this unit became: each unit it passed into, fully or partly.',
      resolve: async (u, _args, ctx) => (await ctx.loaders.successors.load(u.row.id)).map((l) => linkView(l, 'successor')),
    }),
    predecessors: t.field({
      type: [LineageLinkRef],
      description: 'What this unit came from.',
      resolve: async (u, _args, ctx) => (await ctx.loaders.predecessors.load(u.row.id)).map((l) => linkView(l, 'predecessor')),
    }),
  }),
});

// A federation entity (see federation.ts): public, found by its global ID as node(id:) finds it.
builder.asEntity(AdminUnitRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async (key, ctx) => {
    const id = idOfKey(key, 'AdminUnit');
    const row = id ? await ctx.loaders.byId.load(id) : null;
    return row && onViewDate(row, ctx.today);
  },
});

interface LinkView {
  unit: UnitOnDate;
  kind: LinkedUnit['kind'];
  date: IsoDate;
}

/** A successor is seen on its first day; a predecessor on its last. */
function linkView(link: LinkedUnit, side: 'successor' | 'predecessor'): LinkView {
  const date = isoOf(link.date);
  const seenOn = side === 'successor' ? date : isoOf(new Date(link.date.getTime() - 86_400_000));
  return { unit: { row: link.row, asOf: seenOn }, kind: link.kind, date };
}

export const LineageLinkRef = builder.objectRef<LinkView>('LineageLink').implement({
  description: 'A link between a unit and its successor or predecessor in a reorganisation.',
  fields: (t) => ({
    unit: t.field({ type: AdminUnitRef, description: 'The unit at the other end of the link.', resolve: (l) => l.unit }),
    kind: t.field({ type: LineageKindEnum, resolve: (l) => l.kind }),
    date: t.field({ type: DateScalar, description: 'The day the successor started.', resolve: (l) => l.date }),
  }),
});

export const AdminUnitConnection = builder.connectionObject({
  type: AdminUnitRef,
  name: 'AdminUnitConnection',
  fields: (t) => ({
    totalCount: t.int({
      description: 'Units matching, on all pages.',
      resolve: (c) => (c as unknown as { totalCount: number }).totalCount,
    }),
  }),
});

builder.queryFields((t) => ({
  adminUnit: t.field({
    type: AdminUnitRef,
    nullable: true,
    authScopes: { public: true },
    description: 'The unit with this code that held on asOf (default: today in Vietnam), or null.',
    args: { code: t.arg.string({ required: true }), asOf: t.arg({ type: DateScalar }) },
    resolve: async (_root, { code, asOf }, ctx) => {
      const date = asOf ?? ctx.today;
      const row = await ctx.loaders.byCodeOn.load({ code: code.trim(), date });
      return row && { row, asOf: date };
    },
  }),
  adminUnits: t.field({
    type: AdminUnitConnection,
    authScopes: { public: true },
    complexity: connectionComplexity,
    description:
      'Units that held on asOf (default: today), by code; with search, best match first: the unit whose code it is, then names ' +
      'that begin with its words, then names that hold them all; on a tie the larger unit first. search ignores case, ' +
      'diacritics and tone-mark placement.',
    args: {
      level: t.arg({ type: AdminLevelEnum }),
      parentCode: t.arg.string(),
      search: t.arg.string({
        description: 'A code, or words of the name, with or without diacritics: "binh phuoc" puts Tỉnh Bình Phước first.',
      }),
      asOf: t.arg({ type: DateScalar }),
      first: t.arg.int({ description: 'At most 100; 20 if not given.' }),
      after: t.arg.string(),
    },
    resolve: async (_root, args, ctx) => {
      const page = pageOf(args);
      const date = args.asOf ?? ctx.today;
      // A parent that names no unit on asOf is NOT_FOUND, saying what it became, as every field says it.
      if (args.parentCode != null) scopeOf(ctx, 'ADMIN_UNIT', 'READ', { code: args.parentCode, date, argument: 'parentCode' });
      if (args.search?.trim()) {
        const found = await searchUnits(ctx.db.prisma, { text: args.search, date, level: args.level, parentCode: args.parentCode }, page);
        return toConnection({ ...found, nodes: found.nodes.map((row) => ({ row, asOf: date, key: rankedKey(row) })) }, (n) => n.key);
      }
      const where = {
        ...validOn(date),
        ...(args.level ? { level: args.level } : {}),
        ...(args.parentCode ? { parentCode: args.parentCode.trim() } : {}),
      };
      const [rows, totalCount] = await Promise.all([
        ctx.db.prisma.adminUnit.findMany({
          where: page.after ? { ...where, code: { gt: page.after } } : where,
          orderBy: { code: 'asc' },
          take: page.first + 1,
        }),
        ctx.db.prisma.adminUnit.count({ where }),
      ]);
      return toConnection(
        {
          nodes: rows.slice(0, page.first).map((row) => ({ row, asOf: date })),
          hasNextPage: rows.length > page.first,
          hasPreviousPage: page.after !== null,
          totalCount,
        },
        (n) => n.row.code,
      );
    },
  }),
}));
