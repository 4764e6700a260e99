/**
 * Mutations on residential areas: create (with its first placement in a commune), update,
 * close, each through the mutation pipeline (mutation/define.ts): RESIDENTIAL_AREA WRITE at
 * the area's place, core's input schemas and rules, the versioned write with its audit
 * entry. Updates name the version they read.
 *
 * The helpers at the top (where an area sits, as a target) are shared with the other
 * movement mutations and the spreadsheet import.
 */
import {
  intervalContains,
  judgeEnding,
  latestStart,
  residentialAreaInput,
  searchKey,
  type EndingFailure,
  type IsoDate,
  type Label,
} from '@antq/core';
import type { Prisma } from '@antq/db';
import { mayAccess } from '../access.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { userErrors, type UserError, refuseInvalid } from '../errors.js';
import { type Place, namedCommune } from '../hierarchy/place.js';
import { dateColumn, isoOf, validityOf } from '../hierarchy/rows.js';
import { actsOn, defineMutation, type Target } from '../mutation/define.js';
import { stripNulls, zodError, notInFuture } from '../mutations.js';
import { DateScalar } from '../scalars.js';
import { ResidentialAreaKindEnum, ResidentialAreaRef } from './areas.js';

// ─── Shared by the movement's mutations ──────────────────────────────────────────────

export const AREA: Label = { vi: 'khu dân cư', en: 'residential area' };
export const COMMUNE: Label = { vi: 'xã, phường', en: 'commune' };

type PlacementRow = { validFrom: Date | null; validTo: Date | null; placeCodes: string[] };

/** The placement an area (or organization) sits in now: the open one, else the one that ended last. */
export function latestPlacement<P extends PlacementRow>(placements: readonly P[]): P | null {
  const key = (p: PlacementRow) => (p.validTo === null ? '9999-12-31' : isoOf(p.validTo)) + (isoOf(p.validFrom) ?? '0000-00-00');
  return [...placements].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).at(-1) ?? null;
}

/** Whether a placement holds on `date` (both ends included). */
export function placementHolds(p: PlacementRow, date: IsoDate): boolean {
  return (p.validFrom === null || isoOf(p.validFrom) <= date) && (p.validTo === null || date <= isoOf(p.validTo));
}

/**
 * A record placed in `placements` (of an area, or `areaId` null) as a mutation's target:
 * seen wherever it has been placed (READ), acted on where it sits now.
 */
export function placedTarget<R>(
  row: R,
  placements: readonly PlacementRow[],
  areaId: string | null,
  id?: string,
  version?: number,
): Target<R> {
  const now = latestPlacement(placements)?.placeCodes ?? [];
  return {
    row,
    ...(id === undefined ? {} : { id }),
    ...(version === undefined ? {} : { version }),
    placeCodes: now,
    seenAt: { unitCodes: [...new Set(placements.flatMap((p) => p.placeCodes))], areaId },
    actsAt: { unitCodes: now, areaId },
  };
}

const areaWithPlacements = { placements: true } satisfies Prisma.ResidentialAreaInclude;
type AreaRow = Prisma.ResidentialAreaGetPayload<{ include: typeof areaWithPlacements }>;

/** The area of `id` as a target, if it exists. */
async function areaTarget(ctx: Context, id: string): Promise<Target<AreaRow> | null> {
  const area = await ctx.db.prisma.residentialArea.findUnique({ where: { id }, include: areaWithPlacements });
  return area && placedTarget(area, area.placements, area.id, area.id, area.version);
}

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
type PlacedArea = { area: ParsedArea; from: IsoDate; place: Place };
export type JudgedArea = ({ ok: true } & PlacedArea) | { ok: false; error: UserError; placeCodes: string[] };

/**
 * A new area where it goes: parsed with core's schema, its commune found on validFrom
 * (default today, not in the future), as a target. Lookups go through the request's
 * loaders, so judging many areas at once (Promise.all) batches them. Throws its typed error.
 */
async function newAreaTarget(ctx: Context, arg: NewAreaArg): Promise<Target<PlacedArea>> {
  const { validFrom, ...rest } = stripNulls(arg);
  const parsed = residentialAreaInput.safeParse({ ...rest, validity: { from: validFrom ?? ctx.today, to: null } });
  if (!parsed.success) throw zodError(parsed.error, { validity: 'validFrom' });
  const area = parsed.data;
  const from = area.validity.from!;
  refuseInvalid(notInFuture(ctx.today, { validFrom: from }));
  const place = await namedCommune(ctx, area.communeCode, from);
  return { row: { area, from, place }, placeCodes: place.codes, actsAt: { unitCodes: place.codes } };
}

/** The commune of a new area must still hold today (its later placements, the communes it passed into, are not derived here). */
function judgeNewAreaCommune(ctx: Pick<Context, 'today'>, { area, from, place }: PlacedArea): void {
  if (intervalContains(validityOf(place.commune), ctx.today)) return;
  const message = `the commune ${area.communeCode} of ${from} ended on ${isoOf(place.commune.validTo)}: give a commune and a validFrom that still hold today`;
  throw userErrors.invalid([{ path: ['communeCode'], message }]);
}

/** A new area judged as createResidentialArea judges it (for the spreadsheet import, which files each row's error). */
export async function judgeNewArea(ctx: Context, arg: NewAreaArg): Promise<JudgedArea> {
  let placeCodes: string[] = [];
  try {
    const target = await newAreaTarget(ctx, arg);
    placeCodes = [...target.placeCodes];
    if (!mayAccess(ctx, 'RESIDENTIAL_AREA', 'WRITE', target.actsAt)) throw userErrors.forbidden();
    judgeNewAreaCommune(ctx, target.row);
    return { ok: true, ...target.row };
  } catch (error) {
    if (error instanceof Error && 'code' in error) return { ok: false, error: error as UserError, placeCodes };
    throw error;
  }
}

/** The rows of a judged new area: the area and its first placement. */
export function newAreaData({ area, from, place }: PlacedArea) {
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

defineMutation('createResidentialArea', {
  description: 'Record a residential area in a commune of your jurisdiction, from validFrom.',
  input: CreateInput,
  result: ResidentialAreaRef,
  permission: ['RESIDENTIAL_AREA', 'WRITE'],
  entity: 'ResidentialArea',
  notFound: AREA,
  load: (ctx, input) => newAreaTarget(ctx, input),
  judge: (ctx, _input, placed) => (judgeNewAreaCommune(ctx, placed), newAreaData(placed)),
  write: (tx, data) => tx.residentialArea.create({ data: { ...data.area, placements: { create: data.placement } } }),
});

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

/** Acts on a ResidentialArea, found by `id`. */
const ON_RESIDENTIAL_AREA = actsOn({
  permission: ['RESIDENTIAL_AREA', 'WRITE'],
  entity: 'ResidentialArea',
  idField: 'id',
  notFound: AREA,
  load: areaTarget,
});

defineMutation('updateResidentialArea', {
  description: 'Change an area’s name, kind or figures. Fields left out (or null) are kept.',
  input: UpdateInput,
  result: ResidentialAreaRef,
  ...ON_RESIDENTIAL_AREA,
  versioned: { table: 'residentialArea', version: (input) => input.version },
  judge: (_ctx, { id: _id, version: _version, ...fields }) => {
    const parsed = updatable.safeParse(stripNulls(fields));
    if (!parsed.success) throw zodError(parsed.error);
    return parsed.data;
  },
  write: (tx, change, area) =>
    tx.residentialArea.update({
      where: { id: area.id },
      data: { ...change, ...(change.name ? { searchText: searchKey(change.name) } : {}) },
    }),
});

// ─── closeResidentialArea ───────────────────────────────────────────────────────────

const CloseInput = builder.inputType('CloseResidentialAreaInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true, description: 'The version you read: a stale one is refused (ConflictError).' }),
    closedOn: t.field({ type: DateScalar, required: true, description: 'Its last day: not before it started, nor in the future.' }),
  }),
});

const endingProblem = (f: EndingFailure) =>
  f.code === 'ALREADY_ENDED'
    ? { path: ['id'], message: `the area was already closed on ${f.endedOn}` }
    : f.code === 'IN_THE_FUTURE'
      ? { path: ['closedOn'], message: 'must not be in the future' }
      : { path: ['closedOn'], message: `must not be before the area started in its commune (${f.startedOn})` };

defineMutation('closeResidentialArea', {
  description: 'Record that an area ceased to exist (merged, dissolved): closedOn is its last day, in its commune too.',
  input: CloseInput,
  result: ResidentialAreaRef,
  ...ON_RESIDENTIAL_AREA,
  versioned: { table: 'residentialArea', version: (input) => input.version },
  judge: (ctx, { closedOn }, area) => {
    const started = latestStart(isoOf(area.validFrom), isoOf(area.placements.find((p) => p.validTo === null)?.validFrom ?? null));
    const failures = judgeEnding({ startedOn: started, endedOn: isoOf(area.validTo) }, closedOn, ctx.today);
    if (failures.length) throw userErrors.invalid(failures.map(endingProblem));
    return closedOn;
  },
  write: async (tx, closedOn, area) => {
    await tx.residentialAreaPlacement.updateMany({
      where: { residentialAreaId: area.id, validTo: null },
      data: { validTo: dateColumn(closedOn) },
    });
    return tx.residentialArea.update({ where: { id: area.id }, data: { validTo: dateColumn(closedOn) } });
  },
});
