/**
 * Mutations on models: create one in a residential area (its PROPOSE event recorded with
 * it), and record a lifecycle event. The policy is MODEL WRITE at the host's place; the
 * lifecycle is core's state machine, so an illegal step is refused naming the state and
 * the event. Every act, refused or not, is audited; writes are one transaction.
 */
import {
  applyEvent,
  authorize,
  buildLifecycle,
  lifecycleEventInput,
  MODEL_BUILDERS,
  modelInput,
  type IsoDate,
  type Label,
} from '@antq/core';
import type { Prisma } from '@antq/db';
import { audit } from '../audit/record.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ConflictErrorRef, ForbiddenErrorRef, NotFoundErrorRef, payloadType, ValidationErrorRef } from '../error-types.js';
import { userErrors, type Outcome, type UserError } from '../errors.js';
import { dateColumn, isoOf } from '../hierarchy/rows.js';
import { DateScalar } from '../scalars.js';
import { AREA, judgePlace, latestPlacement, placementHolds } from './area-mutations.js';
import { decodeId, refused, stripNulls, zodError, type Subject } from '../mutations.js';
import { LifecycleEventKindEnum, ModelRef } from './models.js';

const MODEL: Label = { vi: 'mô hình', en: 'model' };
const MODEL_TYPE: Label = { vi: 'loại mô hình', en: 'model type' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ModelBuilderEnum = builder.enumType('ModelBuilder', {
  description:
    'Who built the model: the police, the Fatherland Front, a mass organization, the residents, an agency’s security unit, other.',
  values: MODEL_BUILDERS,
});

type ModelResult = Prisma.ModelGetPayload<object>;
const ERRORS = [ValidationErrorRef, NotFoundErrorRef, ForbiddenErrorRef] as const;

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

/**
 * May the viewer build a model of `type` in `area` on `foundedOn`? The area is judged as an
 * area (may they see it? else NOT_FOUND), then the model at its place (may they build
 * there?), then the type (it exists, applies to residential areas) and the area (it existed
 * in a commune on that day). `placeCodes`: where the act is filed.
 */
export function judgeModelHost(
  ctx: Context,
  area: AreaWithPlacements,
  type: TypeRow | null,
  foundedOn: IsoDate,
): { error: UserError | null; placeCodes: string[] } {
  const hidden = judgePlace(ctx, 'RESIDENTIAL_AREA', area.placements, area.id);
  const placeCodes = latestPlacement(area.placements)?.placeCodes ?? [];
  if (hidden?.code === 'NOT_FOUND') return { error: hidden, placeCodes };
  if (!authorize(ctx.viewer, 'MODEL', 'WRITE', { unitCodes: placeCodes, areaId: area.id }).allowed)
    return { error: userErrors.forbidden(), placeCodes };
  if (!type) return { error: userErrors.notFound(MODEL_TYPE), placeCodes };
  const invalid = [
    ...(type.hostKinds.includes('RESIDENTIAL_AREA')
      ? []
      : [{ path: ['modelTypeId'], message: `a ${type.name} is not built in a residential area (only in: ${type.hostKinds.join(', ')})` }]),
    ...(existsOn(area, foundedOn)
      ? []
      : [{ path: ['foundedOn'], message: `the residential area did not exist in a commune on ${foundedOn}` }]),
  ];
  return { error: invalid.length ? userErrors.invalid(invalid) : null, placeCodes };
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

builder.mutationField('createModel', (t) =>
  t.field({
    type: payloadType<ModelResult>('CreateModel', ModelRef, ERRORS),
    description: 'Record a model built in a residential area of your jurisdiction; it starts PROPOSED on foundedOn.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: CreateModelInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<ModelResult> }> => {
      const action = 'createModel';
      const none: Subject = { entity: 'Model' };
      if (!authorize(ctx.viewer, 'MODEL', 'WRITE').allowed) return refused(ctx, action, userErrors.forbidden(), none);
      const parsed = parseNewModel(ctx, input);
      if (!parsed.ok) return refused(ctx, action, parsed.error, none);
      const { model, foundedOn } = parsed;

      const areaId = decodeId(input.residentialAreaId, 'ResidentialArea');
      const area = areaId ? await ctx.db.prisma.residentialArea.findUnique({ where: { id: areaId }, include: { placements: true } }) : null;
      if (!area) return refused(ctx, action, userErrors.notFound(AREA), none);
      const typeId = modelTypeId(input.modelTypeId);
      const type = typeId ? await ctx.db.prisma.modelType.findUnique({ where: { id: typeId } }) : null;
      const judged = judgeModelHost(ctx, area, type, foundedOn);
      if (judged.error) return refused(ctx, action, judged.error, { entity: 'Model', placeCodes: judged.placeCodes });
      const data = newModelData(model, type!, area, foundedOn);

      const created = await ctx.db.prisma.$transaction(async (tx) => {
        const row = await tx.model.create({ data: { ...data.model, events: { create: data.event } } });
        await audit(tx, ctx, { action, entity: 'Model', entityId: row.id, placeCodes: judged.placeCodes });
        return row;
      });
      return { result: created };
    },
  }),
);

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
const modelSubject = (m?: ModelRow): Subject => ({
  entity: 'Model',
  id: m?.id ?? null,
  placeCodes: m ? (latestPlacement(placementsOf(m))?.placeCodes ?? []) : [],
});

builder.mutationField('recordLifecycleEvent', (t) =>
  t.field({
    type: payloadType<ModelResult>('RecordLifecycleEvent', ModelRef, [...ERRORS, ConflictErrorRef]),
    description: 'Record a dated step of a model’s lifecycle (SURVEY, APPROVE, ESTABLISH, ACTIVATE, SUSPEND, RESUME, DISSOLVE).',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: RecordEventInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<ModelResult> }> => {
      const action = 'recordLifecycleEvent';
      if (!authorize(ctx.viewer, 'MODEL', 'WRITE').allowed) return refused(ctx, action, userErrors.forbidden(), modelSubject());
      const id = decodeId(input.modelId, 'Model');
      const model = id ? await ctx.db.prisma.model.findUnique({ where: { id }, include: modelForWrite }) : null;
      if (!model) return refused(ctx, action, userErrors.notFound(MODEL), modelSubject());
      const denied = judgePlace(ctx, 'MODEL', placementsOf(model), model.residentialAreaId);
      // Outside the jurisdiction the answer is NOT_FOUND; the log still names the model (as for tips).
      if (denied) return refused(ctx, action, denied, modelSubject(model));
      if (input.version !== model.version) return refused(ctx, action, userErrors.conflict(model.version), modelSubject(model));

      const decision =
        input.decisionNumber || input.decisionDate || input.decisionIssuer
          ? { number: input.decisionNumber, date: input.decisionDate, issuer: input.decisionIssuer }
          : undefined;
      const parsed = lifecycleEventInput.safeParse(
        stripNulls({ modelId: model.id, kind: input.kind, date: input.date, decision: decision && stripNulls(decision), note: input.note }),
      );
      if (!parsed.success) {
        const error = zodError(parsed.error, {
          'decision.number': 'decisionNumber',
          'decision.date': 'decisionDate',
          'decision.issuer': 'decisionIssuer',
        });
        return refused(ctx, action, error, modelSubject(model));
      }
      const event = parsed.data;
      const date = event.date as IsoDate;
      const last = model.events.at(-1);
      const lastDate = last ? isoOf(last.date)! : null;
      const invalid = [
        ...(date > ctx.today ? [{ path: ['date'], message: 'must not be in the future' }] : []),
        ...(lastDate && date < lastDate
          ? [{ path: ['date'], message: `must not be before the model’s last event (${last!.kind} on ${lastDate})` }]
          : []),
      ];
      if (invalid.length) return refused(ctx, action, userErrors.invalid(invalid), modelSubject(model));
      const step = transition(model, event.kind, date);
      if (step) return refused(ctx, action, step, modelSubject(model));

      const updated = await ctx.db.prisma.$transaction(async (tx) => {
        const { count } = await tx.model.updateMany({
          where: { id: model.id, version: model.version },
          data: { version: { increment: 1 } },
        });
        if (count === 0) return null;
        await tx.lifecycleEvent.create({
          data: {
            modelId: model.id,
            kind: event.kind,
            date: dateColumn(date),
            seq: Math.max(0, ...model.events.map((e) => e.seq)) + 1,
            decisionNumber: event.decision?.number ?? null,
            decisionDate: event.decision ? dateColumn(event.decision.date as IsoDate) : null,
            decisionIssuer: event.decision?.issuer ?? null,
            note: event.note ?? null,
          },
        });
        await audit(tx, ctx, { action, entity: 'Model', entityId: model.id, placeCodes: modelSubject(model).placeCodes });
        return tx.model.findUniqueOrThrow({ where: { id: model.id } });
      });
      if (updated) return { result: updated };
      const now = await ctx.db.prisma.model.findUnique({ where: { id: model.id }, select: { version: true } });
      return refused(ctx, action, userErrors.conflict(now?.version ?? model.version), modelSubject(model));
    },
  }),
);

/** Null if `kind` on `date` may follow the model's history; otherwise the ValidationError naming the state and the event. */
function transition(model: ModelRow, kind: ModelRow['events'][number]['kind'], date: IsoDate): UserError | null {
  const history = buildLifecycle(model.events.map((e) => ({ kind: e.kind, date: isoOf(e.date)! })));
  // A stored history that no longer replays (it should not happen) is judged from no state.
  const state = history.ok ? (history.lifecycle.segments.at(-1)?.state ?? null) : null;
  const step = applyEvent(state, kind, date);
  if (step.ok) return null;
  return userErrors.invalid([{ path: ['kind'], message: step.error.message.en }], step.error.message);
}

/** Shared with model-member-mutations.ts. */
export { existsOn, modelForWrite, modelSubject, placementsOf, type ModelRow };
