/**
 * Mutations on models: create one in a residential area (its PROPOSE event recorded with
 * it), and record a lifecycle event. The policy is MODEL WRITE at the host's place; the
 * lifecycle is core's state machine, so an illegal step is refused naming the state and
 * the event. Every act, refused or not, is audited; writes are one transaction.
 */
import {
  applyEvent,
  buildLifecycle,
  judgeEventDate,
  lifecycleEventInput,
  MODEL_BUILDERS,
  modelInput,
  type IsoDate,
  type Label,
  type EventDateFailure,
} from '@antq/core';
import type { Prisma } from '@antq/db';
import { mayAccess } from '../access.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { refuseInvalid, userErrors, type FieldProblem, type UserError } from '../errors.js';
import { dateColumn, isoOf } from '../hierarchy/rows.js';
import { DateScalar } from '../scalars.js';
import { actsOn, defineMutation, type Target } from '../mutation/define.js';
import { decisionColumns, decodeId, parseInput, stripNulls, zodError } from '../mutations.js';
import { AREA, placedTarget, placementHolds } from './area-mutations.js';
import { LifecycleEventKindEnum, ModelRef } from './models.js';

const MODEL: Label = { vi: 'mô hình', en: 'model' };
const MODEL_TYPE: Label = { vi: 'loại mô hình', en: 'model type' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ModelBuilderEnum = builder.enumType('ModelBuilder', {
  description:
    'Who built the model: the police, the Fatherland Front, a mass organization, the residents, an agency’s security unit, other.',
  values: MODEL_BUILDERS,
});

/**
 * A model type's ID: its Relay global ID (`ModelType:<uuid>`) or, as `ModelType.id` shows
 * it today, the bare uuid.
 */
function modelTypeId(value: string | number): string | null {
  const s = String(value).trim();
  return decodeId(s, 'ModelType') ?? (UUID.test(s) ? s : null);
}

// ─── A new model, as createModel and the spreadsheet import judge it ────────────────

/** A new model as given: the mutation's input, or a spreadsheet's row (with the IDs it resolved to). */
export interface NewModelArg {
  readonly name: string;
  readonly modelTypeId: string | number;
  readonly residentialAreaId: string | number;
  readonly foundedOn: IsoDate;
  readonly builtBy: string;
  readonly memberCount?: number | null;
}
type ParsedModel = ReturnType<typeof modelInput.parse>;

/** Parses a new model with core's schema; its founding day must not be in the future. */
export function parseNewModel(
  ctx: Pick<Context, 'today'>,
  arg: NewModelArg,
): { ok: true; model: ParsedModel; foundedOn: IsoDate } | { ok: false; error: UserError } {
  const { residentialAreaId, ...rest } = stripNulls(arg);
  const parsed = modelInput.safeParse({
    ...rest,
    modelTypeId: String(arg.modelTypeId),
    host: { kind: 'RESIDENTIAL_AREA', residentialAreaId: String(residentialAreaId ?? '') },
  });
  if (!parsed.success) return { ok: false, error: zodError(parsed.error, { host: 'residentialAreaId' }) };
  const foundedOn = parsed.data.foundedOn as IsoDate;
  if (foundedOn > ctx.today)
    return { ok: false, error: userErrors.invalid([{ path: ['foundedOn'], message: 'must not be in the future' }]) };
  return { ok: true, model: parsed.data, foundedOn };
}

type AreaWithPlacements = Prisma.ResidentialAreaGetPayload<{ include: { placements: true } }>;
type TypeRow = Pick<Prisma.ModelTypeGetPayload<object>, 'id' | 'name' | 'hostKinds'>;

/** The type of a new model must exist and apply to residential areas, and the area must have existed in a commune on foundedOn. */
function judgeModelTypeAndDay(area: AreaWithPlacements, type: TypeRow | null, foundedOn: IsoDate): UserError | null {
  if (!type) return userErrors.notFound(MODEL_TYPE);
  const invalid = [
    ...(type.hostKinds.includes('RESIDENTIAL_AREA')
      ? []
      : [{ path: ['modelTypeId'], message: `a ${type.name} is not built in a residential area (only in: ${type.hostKinds.join(', ')})` }]),
    ...(existsOn(area, foundedOn)
      ? []
      : [{ path: ['foundedOn'], message: `the residential area did not exist in a commune on ${foundedOn}` }]),
  ];
  return invalid.length ? userErrors.invalid(invalid) : null;
}

/**
 * May the viewer build a model of `type` in `area` on `foundedOn`, as createModel judges it
 * (for the spreadsheet import)? The area is judged as an area (may they see it? else
 * NOT_FOUND), then the model at its place (may they build there?), then the type and the day.
 * `placeCodes`: where the act is filed.
 */
export function judgeModelHost(
  ctx: Context,
  area: AreaWithPlacements,
  type: TypeRow | null,
  foundedOn: IsoDate,
): { error: UserError | null; placeCodes: string[] } {
  const target = placedTarget(area, area.placements, area.id, area.id);
  const placeCodes = [...target.placeCodes];
  if (!mayAccess(ctx, 'RESIDENTIAL_AREA', 'READ', target.seenAt)) return { error: userErrors.notFound(AREA), placeCodes };
  if (!mayAccess(ctx, 'MODEL', 'WRITE', target.actsAt)) return { error: userErrors.forbidden(), placeCodes };
  return { error: judgeModelTypeAndDay(area, type, foundedOn), placeCodes };
}

/** The rows of a judged new model: the model and its PROPOSE event on foundedOn. */
export function newModelData(model: ParsedModel, type: { id: string }, area: { id: string }, foundedOn: IsoDate) {
  return {
    model: {
      name: model.name,
      modelTypeId: type.id,
      hostKind: 'RESIDENTIAL_AREA' as const,
      residentialAreaId: area.id,
      foundedOn: dateColumn(foundedOn),
      builtBy: model.builtBy,
      memberCount: model.memberCount ?? null,
    },
    event: { kind: 'PROPOSE' as const, date: dateColumn(foundedOn), seq: 1 },
  };
}

// ─── createModel ────────────────────────────────────────────────────────────────────

const CreateModelInput = builder.inputType('CreateModelInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    modelTypeId: t.id({ required: true, description: 'A model type that applies to residential areas.' }),
    residentialAreaId: t.id({ required: true, description: 'The residential area it is built in (existing on foundedOn).' }),
    foundedOn: t.field({ type: DateScalar, required: true, description: 'The day it was proposed: its PROPOSE event. Not in the future.' }),
    builtBy: t.field({ type: ModelBuilderEnum, required: true }),
    memberCount: t.int({ description: 'Members taking part, when known.' }),
  }),
});

defineMutation('createModel', {
  description: 'Record a model built in a residential area of your jurisdiction; it starts PROPOSED on foundedOn.',
  input: CreateModelInput,
  result: ModelRef,
  permission: ['MODEL', 'WRITE'],
  entity: 'Model',
  ids: { residentialAreaId: 'ResidentialArea' },
  notFound: AREA,
  load: async (ctx, input, { residentialAreaId }) => {
    const parsed = parseNewModel(ctx, input);
    if (!parsed.ok) throw parsed.error;
    const typeId = modelTypeId(input.modelTypeId);
    const [area, type] = await Promise.all([
      ctx.db.prisma.residentialArea.findUnique({ where: { id: residentialAreaId }, include: { placements: true } }),
      typeId ? ctx.db.prisma.modelType.findUnique({ where: { id: typeId } }) : null,
    ]);
    // A new model: filed where its area sits, but not yet a record of its own (no ID).
    return area && placedTarget({ ...parsed, area, type }, area.placements, area.id);
  },
  judge: (_ctx, _input, { model, foundedOn, area, type }) => {
    const error = judgeModelTypeAndDay(area, type, foundedOn);
    if (error) throw error;
    return newModelData(model, type!, area, foundedOn);
  },
  write: (tx, data) => tx.model.create({ data: { ...data.model, events: { create: data.event } } }),
});

function existsOn(
  area: { validFrom: Date | null; validTo: Date | null; placements: Parameters<typeof placementHolds>[0][] },
  date: IsoDate,
): boolean {
  const from = isoOf(area.validFrom);
  const to = isoOf(area.validTo);
  return (from === null || from <= date) && (to === null || date <= to) && area.placements.some((p) => placementHolds(p, date));
}

// ─── recordLifecycleEvent ──────────────────────────────────────────────────────────

const RecordEventInput = builder.inputType('RecordLifecycleEventInput', {
  fields: (t) => ({
    modelId: t.id({ required: true }),
    version: t.int({ required: true, description: 'The model’s version you read: a stale one is refused (ConflictError).' }),
    kind: t.field({ type: LifecycleEventKindEnum, required: true }),
    date: t.field({ type: DateScalar, required: true, description: 'Not before the model’s last event, nor in the future.' }),
    decisionNumber: t.string({ description: 'The decision behind it, if any: number, date and issuer together.' }),
    decisionDate: t.field({ type: DateScalar }),
    decisionIssuer: t.string(),
    note: t.string(),
  }),
});

const modelForWrite = {
  events: { orderBy: [{ date: 'asc' as const }, { seq: 'asc' as const }] },
  residentialArea: { include: { placements: true } },
  organization: { include: { placements: true } },
} satisfies Prisma.ModelInclude;
type ModelRow = Prisma.ModelGetPayload<{ include: typeof modelForWrite }>;

/** Where a model is placed: its host's placements (a commune-hosted model is not filed by place yet: national only, as modelWhere). */
const placementsOf = (m: ModelRow): ReadonlyArray<Parameters<typeof placementHolds>[0]> =>
  m.residentialArea?.placements ?? m.organization?.placements ?? [];
/** The model of `id` as a target, if it exists: placed where its host is. */
export async function modelTarget(ctx: Context, id: string): Promise<Target<ModelRow> | null> {
  const model = await ctx.db.prisma.model.findUnique({ where: { id }, include: modelForWrite });
  return model && placedTarget(model, placementsOf(model), model.residentialAreaId, model.id, model.version);
}

const DECISION_FIELDS = { 'decision.number': 'decisionNumber', 'decision.date': 'decisionDate', 'decision.issuer': 'decisionIssuer' };

/** A failure of core's event-date rule, on `date`. */
const eventDateProblem = (f: EventDateFailure, lastKind: string | undefined): FieldProblem => ({
  path: ['date'],
  message:
    f.code === 'IN_THE_FUTURE' ? 'must not be in the future' : `must not be before the model’s last event (${lastKind} on ${f.lastOn})`,
});

/** Acts on a Model, found by `modelId`. */
export const ON_MODEL = actsOn({ permission: ['MODEL', 'WRITE'], entity: 'Model', idField: 'modelId', notFound: MODEL, load: modelTarget });

defineMutation('recordLifecycleEvent', {
  description: 'Record a dated step of a model’s lifecycle (SURVEY, APPROVE, ESTABLISH, ACTIVATE, SUSPEND, RESUME, DISSOLVE).',
  input: RecordEventInput,
  result: ModelRef,
  ...ON_MODEL,
  versioned: { table: 'model', version: (input) => input.version },
  judge: (ctx, { kind, date, note, decisionNumber: number, decisionDate, decisionIssuer: issuer }, model) => {
    const decision = number || decisionDate || issuer ? stripNulls({ number, date: decisionDate, issuer }) : undefined;
    const event = parseInput(lifecycleEventInput, stripNulls({ modelId: model.id, kind, date, decision, note }), DECISION_FIELDS);
    const last = model.events.at(-1);
    refuseInvalid(judgeEventDate(date, last ? isoOf(last.date) : null, ctx.today).map((f) => eventDateProblem(f, last?.kind)));
    const step = transition(model, event.kind, date);
    if (step) throw step;
    return event;
  },
  write: async (tx, event, model) => {
    await tx.lifecycleEvent.create({
      data: {
        modelId: model.id,
        kind: event.kind,
        date: dateColumn(event.date as IsoDate),
        seq: Math.max(0, ...model.events.map((e) => e.seq)) + 1,
        ...decisionColumns(event.decision),
        note: event.note ?? null,
      },
    });
    return tx.model.findUniqueOrThrow({ where: { id: model.id } });
  },
});

/** Null if `kind` on `date` may follow the model's history; otherwise the ValidationError naming the state and the event. */
function transition(model: ModelRow, kind: ModelRow['events'][number]['kind'], date: IsoDate): UserError | null {
  const history = buildLifecycle(model.events.map((e) => ({ kind: e.kind, date: isoOf(e.date) })));
  // A stored history that no longer replays (it should not happen) is judged from no state.
  const state = history.ok ? (history.lifecycle.segments.at(-1)?.state ?? null) : null;
  const step = applyEvent(state, kind, date);
  if (step.ok) return null;
  return userErrors.invalid([{ path: ['kind'], message: step.error.message.en }], step.error.message);
}

/** Shared with model-member-mutations.ts. */
export { existsOn, modelForWrite, placementsOf, type ModelRow };
