/**
 * Mutations on residential areas: create (with its first placement in a commune), update,
 * close. Each checks the policy (RESIDENTIAL_AREA WRITE, at the area's place), validates
 * with core's input schemas, writes with its audit entry in one transaction, and answers a
 * typed error otherwise, which is audited too. Updates name the version they read.
 *
 * The helpers at the top (IDs, refusals, where an area sits) are shared with
 * model-mutations.ts.
 */
import { authorize, intervalContains, residentialAreaInput, searchKey, type IsoDate, type Label, type Resource } from '@antq/core';
import type { Prisma } from '@antq/db';
import { audit } from '../audit/record.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ConflictErrorRef, ForbiddenErrorRef, NotFoundErrorRef, payloadType, ValidationErrorRef } from '../error-types.js';
import { userErrors, type Outcome, type UserError } from '../errors.js';
import { communePlace, type Place } from '../hierarchy/place.js';
import { dateColumn, isoOf, validityOf } from '../hierarchy/rows.js';
import { decodeId, refused, stripNulls, zodError, type Subject } from '../mutations.js';
import { DateScalar } from '../scalars.js';
import { ResidentialAreaKindEnum, ResidentialAreaRef } from './areas.js';

// ─── Shared by the movement's mutations ──────────────────────────────────────────────

export const AREA: Label = { vi: 'khu dân cư', en: 'residential area' };
export const COMMUNE: Label = { vi: 'xã, phường', en: 'commune' };

type PlacementRow = { validFrom: Date | null; validTo: Date | null; placeCodes: string[] };

/** The placement an area (or organization) sits in now: the open one, else the one that ended last. */
export function latestPlacement<P extends PlacementRow>(placements: readonly P[]): P | null {
  const key = (p: PlacementRow) => (p.validTo === null ? '9999-12-31' : isoOf(p.validTo)!) + (isoOf(p.validFrom) ?? '0000-00-00');
  return [...placements].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).at(-1) ?? null;
}

/** Whether a placement holds on `date` (both ends included). */
export function placementHolds(p: PlacementRow, date: IsoDate): boolean {
  return (p.validFrom === null || isoOf(p.validFrom)! <= date) && (p.validTo === null || date <= isoOf(p.validTo)!);
}

/**
 * May the viewer act on a record placed in `placements` (of an area, or `areaId` null)?
 * Not visible at all (no placement in the viewer's jurisdiction for READ): NOT_FOUND, as
 * `node(id:)` answers null; visible but not writable at its place now: FORBIDDEN.
 */
export function judgePlace(ctx: Context, resource: Resource, placements: readonly PlacementRow[], areaId: string | null): UserError | null {
  const everywhere = [...new Set(placements.flatMap((p) => p.placeCodes))];
  if (!authorize(ctx.viewer, resource, 'READ', { unitCodes: everywhere, areaId }).allowed)
    return userErrors.notFound(resource === 'MODEL' ? { vi: 'mô hình', en: 'model' } : AREA);
  const now = latestPlacement(placements)?.placeCodes ?? [];
  if (!authorize(ctx.viewer, resource, 'WRITE', { unitCodes: now, areaId }).allowed) return userErrors.forbidden();
  return null;
}

const areaWithPlacements = { placements: true } satisfies Prisma.ResidentialAreaInclude;
type AreaRow = Prisma.ResidentialAreaGetPayload<{ include: typeof areaWithPlacements }>;

/** The area an officer writes to, if it exists and they may. */
async function areaForWrite(
  ctx: Context,
  globalId: string | number,
): Promise<{ error: UserError; area?: AreaRow } | { error?: undefined; area: AreaRow }> {
  // Roles that may never do this are refused before anything is looked up.
  if (!authorize(ctx.viewer, 'RESIDENTIAL_AREA', 'WRITE').allowed) return { error: userErrors.forbidden() };
  const id = decodeId(globalId, 'ResidentialArea');
  const area = id ? await ctx.db.prisma.residentialArea.findUnique({ where: { id }, include: areaWithPlacements }) : null;
  if (!area) return { error: userErrors.notFound(AREA) };
  // Outside the jurisdiction the answer is NOT_FOUND, as node(id:) answers null; the log,
  // read by the officers of the area's place, still names what was tried (as for tips).
  const denied = judgePlace(ctx, 'RESIDENTIAL_AREA', area.placements, area.id);
  return denied ? { error: denied, area } : { area };
}

const subjectOf = (area?: AreaRow): Subject => ({
  entity: 'ResidentialArea',
  id: area?.id ?? null,
  placeCodes: area ? (latestPlacement(area.placements)?.placeCodes ?? []) : [],
});

/** Applies `data` to the area if it is still at `version`, with the audit entry; null if it is not (stale). */
async function writeArea(
  ctx: Context,
  action: string,
  area: AreaRow,
  version: number,
  write: (tx: Prisma.TransactionClient) => Promise<void>,
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const { count } = await tx.residentialArea.updateMany({ where: { id: area.id, version }, data: { version: { increment: 1 } } });
    if (count === 0) return null;
    await write(tx);
    await audit(tx, ctx, { action, entity: 'ResidentialArea', entityId: area.id, placeCodes: subjectOf(area).placeCodes });
    return tx.residentialArea.findUniqueOrThrow({ where: { id: area.id } });
  });
}

async function conflict(ctx: Context, action: string, area: AreaRow) {
  const now = await ctx.db.prisma.residentialArea.findUnique({ where: { id: area.id }, select: { version: true } });
  return refused(ctx, action, userErrors.conflict(now?.version ?? area.version), subjectOf(area));
}

const ERRORS = [ValidationErrorRef, NotFoundErrorRef, ForbiddenErrorRef] as const;
const VERSIONED_ERRORS = [...ERRORS, ConflictErrorRef] as const;
type AreaResult = Prisma.ResidentialAreaGetPayload<object>;

// ─── A new area, as createResidentialArea and the spreadsheet import judge it ─────────

/** A new area as given: the mutation's input, or a spreadsheet's row. */
export interface NewAreaArg {
  readonly name: string;
  readonly kind: string;
  readonly communeCode: string;
  readonly validFrom?: IsoDate | null;
  readonly households?: number | null;
  readonly residents?: number | null;
}
type ParsedArea = ReturnType<typeof residentialAreaInput.parse>;
export type JudgedArea =
  { ok: true; area: ParsedArea; from: IsoDate; place: Place } | { ok: false; error: UserError; placeCodes: string[] };

/**
 * Parses a new area with core's schema and checks its commune: it exists on validFrom
 * (default today, not in the future), is in the viewer's jurisdiction (RESIDENTIAL_AREA
 * WRITE) and still holds today. Lookups go through the request's loaders, so judging many
 * areas at once (Promise.all) batches them.
 */
export async function judgeNewArea(ctx: Context, arg: NewAreaArg): Promise<JudgedArea> {
  const { validFrom, ...rest } = stripNulls(arg);
  const parsed = residentialAreaInput.safeParse({ ...rest, validity: { from: validFrom ?? ctx.today, to: null } });
  if (!parsed.success) return { ok: false, error: zodError(parsed.error, { validity: 'validFrom' }), placeCodes: [] };
  const area = parsed.data;
  const from = area.validity.from!;
  if (from > ctx.today)
    return { ok: false, error: userErrors.invalid([{ path: ['validFrom'], message: 'must not be in the future' }]), placeCodes: [] };
  const place = await communePlace(ctx, area.communeCode, from);
  if (!place)
    return {
      ok: false,
      error: userErrors.notFound({
        vi: `xã, phường có mã ${area.communeCode} vào ngày ${from}`,
        en: `commune ${area.communeCode} on ${from}`,
      }),
      placeCodes: [],
    };
  if (!authorize(ctx.viewer, 'RESIDENTIAL_AREA', 'WRITE', { unitCodes: place.codes }).allowed)
    return { ok: false, error: userErrors.forbidden(), placeCodes: place.codes };
  if (!intervalContains(validityOf(place.commune), ctx.today)) {
    // Its later placements (the communes it passed into) are not derived here.
    const message = `the commune ${area.communeCode} of ${from} ended on ${isoOf(place.commune.validTo)}: give a commune and a validFrom that still hold today`;
    return { ok: false, error: userErrors.invalid([{ path: ['communeCode'], message }]), placeCodes: place.codes };
  }
  return { ok: true, area, from, place };
}

/** The rows of a judged new area: the area and its first placement. */
export function newAreaData({ area, from, place }: Extract<JudgedArea, { ok: true }>) {
  return {
    area: {
      name: area.name,
      kind: area.kind,
      households: area.households ?? null,
      residents: area.residents ?? null,
      validFrom: dateColumn(from),
      searchText: searchKey(area.name),
    },
    placement: { communeId: place.commune.id, communeCode: place.commune.code, placeCodes: place.codes, validFrom: dateColumn(from) },
  };
}

// ─── createResidentialArea ──────────────────────────────────────────────────────────

const CreateInput = builder.inputType('CreateResidentialAreaInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    kind: t.field({ type: ResidentialAreaKindEnum, required: true }),
    communeCode: t.string({ required: true, description: 'The 5-digit code of the commune it belongs to on validFrom.' }),
    validFrom: t.field({ type: DateScalar, description: 'Its first day; today if not given. Not in the future.' }),
    households: t.int(),
    residents: t.int(),
  }),
});

builder.mutationField('createResidentialArea', (t) =>
  t.field({
    type: payloadType<AreaResult>('CreateResidentialArea', ResidentialAreaRef, ERRORS),
    description: 'Record a residential area in a commune of your jurisdiction, from validFrom.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const action = 'createResidentialArea';
      const none: Subject = { entity: 'ResidentialArea' };
      if (!authorize(ctx.viewer, 'RESIDENTIAL_AREA', 'WRITE').allowed) return refused(ctx, action, userErrors.forbidden(), none);
      const judged = await judgeNewArea(ctx, input);
      if (!judged.ok) return refused(ctx, action, judged.error, { entity: 'ResidentialArea', placeCodes: judged.placeCodes });
      const data = newAreaData(judged);
      const created = await ctx.db.prisma.$transaction(async (tx) => {
        const row = await tx.residentialArea.create({ data: { ...data.area, placements: { create: data.placement } } });
        await audit(tx, ctx, { action, entity: 'ResidentialArea', entityId: row.id, placeCodes: judged.place.codes });
        return row;
      });
      return { result: created };
    },
  }),
);

// ─── updateResidentialArea ──────────────────────────────────────────────────────────

const UpdateInput = builder.inputType('UpdateResidentialAreaInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true, description: 'The version you read: a stale one is refused (ConflictError).' }),
    name: t.string(),
    kind: t.field({ type: ResidentialAreaKindEnum }),
    households: t.int(),
    residents: t.int(),
  }),
});

const updatable = residentialAreaInput.pick({ name: true, kind: true, households: true, residents: true }).partial();

builder.mutationField('updateResidentialArea', (t) =>
  t.field({
    type: payloadType<AreaResult>('UpdateResidentialArea', ResidentialAreaRef, VERSIONED_ERRORS),
    description: 'Change an area’s name, kind or figures. Fields left out (or null) are kept.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: UpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<AreaResult> }> => {
      const action = 'updateResidentialArea';
      const found = await areaForWrite(ctx, input.id);
      if (found.error) return refused(ctx, action, found.error, subjectOf(found.area));
      const { area } = found;
      const { id: _id, version, ...fields } = input;
      if (version !== area.version) return refused(ctx, action, userErrors.conflict(area.version), subjectOf(area));
      const parsed = updatable.safeParse(stripNulls(fields));
      if (!parsed.success) return refused(ctx, action, zodError(parsed.error), subjectOf(area));
      const change = parsed.data;
      const updated = await writeArea(ctx, action, area, version, async (tx) => {
        await tx.residentialArea.update({
          where: { id: area.id },
          data: { ...change, ...(change.name ? { searchText: searchKey(change.name) } : {}) },
        });
      });
      return updated ? { result: updated } : conflict(ctx, action, area);
    },
  }),
);

// ─── closeResidentialArea ───────────────────────────────────────────────────────────

const CloseInput = builder.inputType('CloseResidentialAreaInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true, description: 'The version you read: a stale one is refused (ConflictError).' }),
    closedOn: t.field({ type: DateScalar, required: true, description: 'Its last day: not before it started, nor in the future.' }),
  }),
});

builder.mutationField('closeResidentialArea', (t) =>
  t.field({
    type: payloadType<AreaResult>('CloseResidentialArea', ResidentialAreaRef, VERSIONED_ERRORS),
    description: 'Record that an area ceased to exist (merged, dissolved): closedOn is its last day, in its commune too.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: CloseInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<AreaResult> }> => {
      const action = 'closeResidentialArea';
      const found = await areaForWrite(ctx, input.id);
      if (found.error) return refused(ctx, action, found.error, subjectOf(found.area));
      const { area } = found;
      if (input.version !== area.version) return refused(ctx, action, userErrors.conflict(area.version), subjectOf(area));
      const closedOn = input.closedOn;
      const open = area.placements.find((p) => p.validTo === null);
      const started = [isoOf(area.validFrom), isoOf(open?.validFrom ?? null)]
        .filter((d): d is IsoDate => d !== null)
        .sort()
        .at(-1);
      const invalid = [
        ...(area.validTo !== null ? [{ path: ['id'], message: `the area was already closed on ${isoOf(area.validTo)}` }] : []),
        ...(closedOn > ctx.today ? [{ path: ['closedOn'], message: 'must not be in the future' }] : []),
        ...(started && closedOn < started
          ? [{ path: ['closedOn'], message: `must not be before the area started in its commune (${started})` }]
          : []),
      ];
      if (invalid.length) return refused(ctx, action, userErrors.invalid(invalid), subjectOf(area));
      const updated = await writeArea(ctx, action, area, input.version, async (tx) => {
        await tx.residentialArea.update({ where: { id: area.id }, data: { validTo: dateColumn(closedOn) } });
        await tx.residentialAreaPlacement.updateMany({
          where: { residentialAreaId: area.id, validTo: null },
          data: { validTo: dateColumn(closedOn) },
        });
      });
      return updated ? { result: updated } : conflict(ctx, action, area);
    },
  }),
);
