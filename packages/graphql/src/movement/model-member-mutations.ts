/**
 * The rest of a model's day-to-day acts: add and remove members, record an evaluation,
 * replicate a model into another residential area. As model-mutations.ts: the policy is
 * MODEL WRITE at the model's place (outside the jurisdiction: NotFoundError), input is
 * validated with core's schemas and rules, each act names the model's version it read
 * (stale: ConflictError) and is one transaction with its audit entry; refusals are
 * audited on their own.
 *
 * Members are people: their birth date, identity number, phone and address are personal
 * data. They are stored and shown masked (models.ts); no error message, audit entry or
 * log line here carries them (messages name fields and rules, never values).
 */
import {
  authorize,
  buildLifecycle,
  canRateModel,
  isoDateSchema,
  MODEL_EFFECTIVENESS,
  modelEvaluationInput,
  nameSchema,
  personSchema,
  replicationPointInput,
  stateOn,
  type IsoDate,
  type Label,
} from '@antq/core';
import { Prisma } from '@antq/db';
import { audit } from '../audit/record.js';
import { builder } from '../builder.js';
import { uuidOrNone } from '../access.js';
import type { Context } from '../context.js';
import { modelWhere } from './jurisdiction.js';
import { ConflictErrorRef, ForbiddenErrorRef, NotFoundErrorRef, payloadType, ValidationErrorRef } from '../error-types.js';
import { userErrors, type Outcome, type UserError } from '../errors.js';
import { dateColumn, isoOf } from '../hierarchy/rows.js';
import { DateScalar } from '../scalars.js';
import { AREA, judgePlace, latestPlacement } from './area-mutations.js';
import { decodeId, refused, stripNulls, zodError, type Subject } from '../mutations.js';
import { existsOn, modelForWrite, modelSubject, placementsOf, type ModelRow } from './model-mutations.js';
import { ModelRef } from './models.js';

const MODEL: Label = { vi: 'mô hình', en: 'model' };
const MEMBER: Label = { vi: 'thành viên mô hình', en: 'model member' };

type ModelResult = Prisma.ModelGetPayload<object>;
const ERRORS = [ValidationErrorRef, NotFoundErrorRef, ForbiddenErrorRef, ConflictErrorRef] as const;

// ─── Read side: what these acts add to the types of models.ts ───────────────────────

builder.prismaObjectField('ModelEvaluation', 'note', (t) => t.exposeString('note', { nullable: true }));

const ReplicationPointRef = builder.prismaNode('ReplicationPoint', {
  id: { field: 'id' },
  nullable: true,
  // Found by ID where the replica is visible.
  findUnique: (id, ctx) => ({ id: uuidOrNone(id), replica: modelWhere(ctx) }),
  description: 'A replication point (điểm nhân rộng): the replica model was replicated from the source model on replicatedOn.',
  fields: (t) => ({
    replicatedOn: t.field({ type: DateScalar, resolve: (r) => isoOf(r.replicatedOn)! }),
  }),
});
builder.prismaObjectFields('Model', (t) => ({
  replicatedFrom: t.field({
    type: ReplicationPointRef,
    nullable: true,
    description:
      'Where this model was replicated from, if it was (its source is `node(id: sourceModelId)`, visible within your jurisdiction).',
    select: { replicatedFrom: { take: 1, orderBy: { replicatedOn: 'asc' } } },
    resolve: (m) => m.replicatedFrom[0] ?? null,
  }),
  replicationCount: t.int({
    description: 'How many replication points this model was replicated to.',
    select: { _count: { select: { replicatedTo: true } } },
    resolve: (m) => m._count.replicatedTo,
  }),
}));
builder.prismaObjectField('ReplicationPoint', 'sourceModelId', (t) =>
  t.globalID({ resolve: (r) => ({ type: 'Model', id: r.sourceModelId }) }),
);

// ─── Shared steps ───────────────────────────────────────────────────────────────────

/** The model (database ID, null if the given ID was not one) an officer writes to, if it exists, they may, and they read its current version. */
async function modelForAct(
  ctx: Context,
  action: string,
  id: string | null,
  version: number,
  subject: (m?: ModelRow) => Subject = modelSubject,
): Promise<{ refusal: { result: UserError } } | { refusal?: undefined; model: ModelRow }> {
  if (!authorize(ctx.viewer, 'MODEL', 'WRITE').allowed) return { refusal: await refused(ctx, action, userErrors.forbidden(), subject()) };
  const model = id ? await ctx.db.prisma.model.findUnique({ where: { id }, include: modelForWrite }) : null;
  if (!model) return { refusal: await refused(ctx, action, userErrors.notFound(MODEL), subject()) };
  // Outside the jurisdiction the answer is NOT_FOUND; the log still names the model.
  const denied = judgePlace(ctx, 'MODEL', placementsOf(model), model.residentialAreaId);
  if (denied) return { refusal: await refused(ctx, action, denied, subject(model)) };
  if (version !== model.version) return { refusal: await refused(ctx, action, userErrors.conflict(model.version), subject(model)) };
  return { model };
}

/**
 * Runs `write` with the model's version bumped from `version`, and the audit entry, in one
 * transaction; answers the model after it, or null when the version had moved on (stale).
 */
async function writeModel(
  ctx: Context,
  model: ModelRow,
  version: number,
  fact: { action: string; entity: string; entityId: string },
  write: (tx: Prisma.TransactionClient) => Promise<void>,
): Promise<ModelResult | null> {
  return ctx.db.prisma.$transaction(async (tx) => {
    const { count } = await tx.model.updateMany({ where: { id: model.id, version }, data: { version: { increment: 1 } } });
    if (count === 0) return null;
    await write(tx);
    await audit(tx, ctx, { ...fact, placeCodes: modelSubject(model).placeCodes });
    return tx.model.findUniqueOrThrow({ where: { id: model.id } });
  });
}

async function stale(ctx: Context, action: string, model: ModelRow, subject: Subject) {
  const now = await ctx.db.prisma.model.findUnique({ where: { id: model.id }, select: { version: true } });
  return refused(ctx, action, userErrors.conflict(now?.version ?? model.version), subject);
}

const lifecycleOf = (model: ModelRow) => buildLifecycle(model.events.map((e) => ({ kind: e.kind, date: isoOf(e.date)! })));

// ─── addModelMember ─────────────────────────────────────────────────────────────────

/** A model member as core describes a person (personSchema), with a position and the day they joined. */
const modelMemberInput = personSchema.extend({ position: nameSchema.optional(), joinedOn: isoDateSchema });

const AddMemberInput = builder.inputType('AddModelMemberInput', {
  fields: (t) => ({
    modelId: t.id({ required: true }),
    version: t.int({ required: true, description: 'The model’s version you read: a stale one is refused (ConflictError).' }),
    fullName: t.string({ required: true }),
    position: t.string({ description: 'Tổ trưởng, Tổ phó, Thành viên…' }),
    // A String, not a Date: GraphQL's own error for a malformed Date would repeat the value given.
    birthDate: t.string({ description: 'yyyy-mm-dd. Personal data.' }),
    citizenId: t.string({ description: '12-digit citizen identity number. Personal data.' }),
    phone: t.string({ description: 'Personal data.' }),
    address: t.string({ description: 'Personal data.' }),
    joinedOn: t.field({
      type: DateScalar,
      required: true,
      description: 'Not before the model was founded, nor in the future, nor after it was dissolved.',
    }),
  }),
});

builder.mutationField('addModelMember', (t) =>
  t.field({
    type: payloadType<ModelResult>('AddModelMember', ModelRef, ERRORS),
    description:
      'Record a person taking part in a model from joinedOn. Their personal data is shown only to those who may see it, and never in errors or logs.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: AddMemberInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<ModelResult> }> => {
      const action = 'addModelMember';
      const found = await modelForAct(ctx, action, decodeId(input.modelId, 'Model'), input.version);
      if (found.refusal) return found.refusal;
      const { model } = found;
      const { modelId: _m, version, ...fields } = input;
      // zod's messages name the rule, never the value given: nothing personal reaches the error.
      const parsed = modelMemberInput.safeParse(stripNulls(fields));
      if (!parsed.success) return refused(ctx, action, zodError(parsed.error), modelSubject(model));
      const member = parsed.data;
      const joinedOn = member.joinedOn as IsoDate;
      const foundedOn = isoOf(model.foundedOn)!;
      const lifecycle = lifecycleOf(model);
      const invalid = [
        ...(joinedOn > ctx.today ? [{ path: ['joinedOn'], message: 'must not be in the future' }] : []),
        ...(joinedOn < foundedOn ? [{ path: ['joinedOn'], message: `must not be before the model was founded (${foundedOn})` }] : []),
        ...(lifecycle.ok && stateOn(lifecycle.lifecycle, joinedOn) === 'DISSOLVED'
          ? [{ path: ['joinedOn'], message: 'the model was dissolved by then' }]
          : []),
        ...(member.birthDate && member.birthDate >= joinedOn ? [{ path: ['birthDate'], message: 'must be before joinedOn' }] : []),
        ...(member.citizenId &&
        (await ctx.db.prisma.modelMember.count({ where: { modelId: model.id, citizenId: member.citizenId, leftOn: null } }))
          ? [{ path: ['citizenId'], message: 'is that of a current member of this model' }]
          : []),
      ];
      if (invalid.length) return refused(ctx, action, userErrors.invalid(invalid), modelSubject(model));

      const updated = await writeModel(ctx, model, version, { action, entity: 'Model', entityId: model.id }, async (tx) => {
        await tx.modelMember.create({
          data: {
            modelId: model.id,
            fullName: member.fullName,
            position: member.position ?? null,
            birthDate: member.birthDate ? dateColumn(member.birthDate as IsoDate) : null,
            citizenId: member.citizenId ?? null,
            phone: member.phone ?? null,
            address: member.address ?? null,
            joinedOn: dateColumn(joinedOn),
          },
        });
      });
      return updated ? { result: updated } : stale(ctx, action, model, modelSubject(model));
    },
  }),
);

// ─── removeModelMember ──────────────────────────────────────────────────────────────

const RemoveMemberInput = builder.inputType('RemoveModelMemberInput', {
  fields: (t) => ({
    memberId: t.id({ required: true, description: 'ModelMember.id.' }),
    modelVersion: t.int({
      required: true,
      description: 'The version of the member’s model you read: a stale one is refused (ConflictError).',
    }),
    leftOn: t.field({ type: DateScalar, required: true, description: 'Their last day: not before they joined, nor in the future.' }),
  }),
});

builder.mutationField('removeModelMember', (t) =>
  t.field({
    type: payloadType<ModelResult>('RemoveModelMember', ModelRef, ERRORS),
    description: 'Record that a member left the model on leftOn. The member stays in the model’s history (members, with leftOn).',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: RemoveMemberInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<ModelResult> }> => {
      const action = 'removeModelMember';
      const none: Subject = { entity: 'ModelMember' };
      if (!authorize(ctx.viewer, 'MODEL', 'WRITE').allowed) return refused(ctx, action, userErrors.forbidden(), none);
      const memberId = decodeId(input.memberId, 'ModelMember');
      const member = memberId
        ? await ctx.db.prisma.modelMember.findUnique({
            where: { id: memberId },
            select: { id: true, modelId: true, joinedOn: true, leftOn: true },
          })
        : null;
      if (!member) return refused(ctx, action, userErrors.notFound(MEMBER), none);
      const subject = (m?: ModelRow): Subject => ({ entity: 'ModelMember', id: member.id, placeCodes: modelSubject(m).placeCodes });
      const found = await modelForAct(ctx, action, member.modelId, input.modelVersion, subject);
      if (found.refusal) return found.refusal;
      const { model } = found;
      const leftOn = input.leftOn;
      const joinedOn = isoOf(member.joinedOn)!;
      const invalid = [
        ...(member.leftOn ? [{ path: ['memberId'], message: `the member already left on ${isoOf(member.leftOn)}` }] : []),
        ...(leftOn > ctx.today ? [{ path: ['leftOn'], message: 'must not be in the future' }] : []),
        ...(leftOn < joinedOn ? [{ path: ['leftOn'], message: `must not be before the member joined (${joinedOn})` }] : []),
      ];
      if (invalid.length) return refused(ctx, action, userErrors.invalid(invalid), subject(model));

      const updated = await writeModel(
        ctx,
        model,
        input.modelVersion,
        { action, entity: 'ModelMember', entityId: member.id },
        async (tx) => {
          await tx.modelMember.update({ where: { id: member.id }, data: { leftOn: dateColumn(leftOn), version: { increment: 1 } } });
        },
      );
      return updated ? { result: updated } : stale(ctx, action, model, subject(model));
    },
  }),
);

// ─── recordModelEvaluation ──────────────────────────────────────────────────────────

const ModelEffectivenessEnum = builder.enumType('ModelEffectiveness', { values: MODEL_EFFECTIVENESS });

const RecordEvaluationInput = builder.inputType('RecordModelEvaluationInput', {
  fields: (t) => ({
    modelId: t.id({ required: true }),
    version: t.int({ required: true, description: 'The model’s version you read: a stale one is refused (ConflictError).' }),
    periodFrom: t.field({ type: DateScalar, required: true }),
    periodTo: t.field({
      type: DateScalar,
      required: true,
      description:
        'Not in the future: the model must have run ACTIVE the minimum time (a server setting, 180 days by default) by this day.',
    }),
    evaluatedOn: t.field({ type: DateScalar, required: true, description: 'Not before periodFrom, nor in the future.' }),
    outcome: t.field({ type: ModelEffectivenessEnum, required: true }),
    note: t.string(),
  }),
});

const RATING_RULE: Label = {
  vi: 'Mô hình chỉ được đánh giá sau khi đã hoạt động đủ thời gian tối thiểu.',
  en: 'A model is rated only after it has been active the minimum time.',
};
const DUPLICATE: Label = { vi: 'Mô hình đã được đánh giá cho kỳ này.', en: 'This model already has an evaluation for this period.' };

builder.mutationField('recordModelEvaluation', (t) =>
  t.field({
    type: payloadType<ModelResult>('RecordModelEvaluation', ModelRef, ERRORS),
    description:
      'Record an evaluation of a model over a period (effective or not). One per period; refused until the model has been active the minimum time by periodTo.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: RecordEvaluationInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<ModelResult> }> => {
      const action = 'recordModelEvaluation';
      const found = await modelForAct(ctx, action, decodeId(input.modelId, 'Model'), input.version);
      if (found.refusal) return found.refusal;
      const { model } = found;
      const parsed = modelEvaluationInput.safeParse(
        stripNulls({
          modelId: model.id,
          period: { from: input.periodFrom, to: input.periodTo },
          evaluatedOn: input.evaluatedOn,
          outcome: input.outcome,
          note: input.note,
        }),
      );
      if (!parsed.success)
        return refused(ctx, action, zodError(parsed.error, { 'period.from': 'periodFrom', 'period.to': 'periodTo' }), modelSubject(model));
      const evaluation = parsed.data;
      const from = evaluation.period.from as IsoDate;
      const to = evaluation.period.to as IsoDate;
      const invalid = [
        // Days after today are not known to have been active: a period is rated once it is over.
        ...(to > ctx.today ? [{ path: ['periodTo'], message: 'must not be in the future' }] : []),
        ...(evaluation.evaluatedOn > ctx.today ? [{ path: ['evaluatedOn'], message: 'must not be in the future' }] : []),
      ];
      if (invalid.length) return refused(ctx, action, userErrors.invalid(invalid), modelSubject(model));

      const lifecycle = lifecycleOf(model);
      const minimum = ctx.settings.minimumActiveDaysToRateModel;
      const verdict = lifecycle.ok ? canRateModel(lifecycle.lifecycle, to, minimum) : null;
      if (!verdict?.pass) {
        const activeDays = verdict?.failures[0].activeDays ?? 0;
        const message = `TOO_LITTLE_TIME_ACTIVE: a model is rated only after ${minimum} days active; this one was active ${activeDays} days up to ${to}`;
        return refused(ctx, action, userErrors.invalid([{ path: ['periodTo'], message }], RATING_RULE), modelSubject(model));
      }
      const duplicate = userErrors.invalid(
        [{ path: ['periodFrom'], message: `the model already has an evaluation for ${from} – ${to}` }],
        DUPLICATE,
      );
      if (
        await ctx.db.prisma.modelEvaluation.findFirst({
          where: { modelId: model.id, periodFrom: dateColumn(from), periodTo: dateColumn(to) },
          select: { id: true },
        })
      ) {
        return refused(ctx, action, duplicate, modelSubject(model));
      }

      try {
        const updated = await writeModel(ctx, model, input.version, { action, entity: 'Model', entityId: model.id }, async (tx) => {
          await tx.modelEvaluation.create({
            data: {
              modelId: model.id,
              periodFrom: dateColumn(from),
              periodTo: dateColumn(to),
              evaluatedOn: dateColumn(evaluation.evaluatedOn as IsoDate),
              outcome: evaluation.outcome,
              note: evaluation.note ?? null,
            },
          });
        });
        return updated ? { result: updated } : stale(ctx, action, model, modelSubject(model));
      } catch (error) {
        // The unique (model, period) index, if a concurrent act got there between the check and the write.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
          return refused(ctx, action, duplicate, modelSubject(model));
        throw error;
      }
    },
  }),
);

// ─── replicateModel ─────────────────────────────────────────────────────────────────

const ReplicateInput = builder.inputType('ReplicateModelInput', {
  fields: (t) => ({
    sourceModelId: t.id({ required: true, description: 'The model replicated: in your jurisdiction.' }),
    residentialAreaId: t.id({
      required: true,
      description: 'The residential area the replica is built in: in your jurisdiction, existing on replicatedOn.',
    }),
    name: t.string({ description: 'The replica’s name; the source’s name if not given.' }),
    replicatedOn: t.field({
      type: DateScalar,
      required: true,
      description: 'The replica’s founding day (its PROPOSE event): not before the source was founded, nor in the future.',
    }),
  }),
});

builder.mutationField('replicateModel', (t) =>
  t.field({
    type: payloadType<ModelResult>('ReplicateModel', ModelRef, [ValidationErrorRef, NotFoundErrorRef, ForbiddenErrorRef]),
    description:
      'Replicate a model (nhân rộng) into a residential area: a new model of the same type, PROPOSED on replicatedOn, and its replication point, together.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ReplicateInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<{ result: Outcome<ModelResult> }> => {
      const action = 'replicateModel';
      const none: Subject = { entity: 'Model' };
      if (!authorize(ctx.viewer, 'MODEL', 'WRITE').allowed) return refused(ctx, action, userErrors.forbidden(), none);
      const sourceId = decodeId(input.sourceModelId, 'Model');
      const source = sourceId
        ? await ctx.db.prisma.model.findUnique({ where: { id: sourceId }, include: { ...modelForWrite, modelType: true } })
        : null;
      if (!source) return refused(ctx, action, userErrors.notFound(MODEL), none);
      // The source need only be visible; the replica is written at the area's place.
      if (
        !authorize(ctx.viewer, 'MODEL', 'READ', {
          unitCodes: [...new Set(placementsOf(source).flatMap((p) => p.placeCodes))],
          areaId: source.residentialAreaId,
        }).allowed
      ) {
        return refused(ctx, action, userErrors.notFound(MODEL), modelSubject(source));
      }
      const areaId = decodeId(input.residentialAreaId, 'ResidentialArea');
      const area = areaId ? await ctx.db.prisma.residentialArea.findUnique({ where: { id: areaId }, include: { placements: true } }) : null;
      if (!area) return refused(ctx, action, userErrors.notFound(AREA), none);
      const placeCodes = latestPlacement(area.placements)?.placeCodes ?? [];
      const placed: Subject = { entity: 'Model', placeCodes };
      const hidden = judgePlace(ctx, 'RESIDENTIAL_AREA', area.placements, area.id);
      if (hidden?.code === 'NOT_FOUND') return refused(ctx, action, hidden, placed);
      if (!authorize(ctx.viewer, 'MODEL', 'WRITE', { unitCodes: placeCodes, areaId: area.id }).allowed)
        return refused(ctx, action, userErrors.forbidden(), placed);

      const parsedName =
        input.name === null || input.name === undefined ? { success: true as const, data: source.name } : nameSchema.safeParse(input.name);
      // Core's schema of the point, before the replica has its ID.
      const point = replicationPointInput.safeParse({
        sourceModelId: source.id,
        replicaModelId: 'replica',
        replicatedOn: input.replicatedOn,
      });
      const replicatedOn = input.replicatedOn;
      const foundedOn = isoOf(source.foundedOn)!;
      const invalid = [
        ...(parsedName.success ? [] : parsedName.error.issues.map((i) => ({ path: ['name'], message: i.message }))),
        ...(point.success ? [] : point.error.issues.map((i) => ({ path: ['replicatedOn'], message: i.message }))),
        ...(source.hostKind === 'RESIDENTIAL_AREA' && source.residentialAreaId === area.id
          ? [{ path: ['residentialAreaId'], message: 'is the source model’s own area' }]
          : []),
        ...(source.modelType.hostKinds.includes('RESIDENTIAL_AREA')
          ? []
          : [
              {
                path: ['sourceModelId'],
                message: `a ${source.modelType.name} is not built in a residential area (only in: ${source.modelType.hostKinds.join(', ')})`,
              },
            ]),
        ...(replicatedOn > ctx.today ? [{ path: ['replicatedOn'], message: 'must not be in the future' }] : []),
        ...(replicatedOn < foundedOn
          ? [{ path: ['replicatedOn'], message: `must not be before the source model was founded (${foundedOn})` }]
          : []),
        ...(existsOn(area, replicatedOn)
          ? []
          : [{ path: ['replicatedOn'], message: `the residential area did not exist in a commune on ${replicatedOn}` }]),
      ];
      if (invalid.length || !parsedName.success) return refused(ctx, action, userErrors.invalid(invalid), placed);

      const created = await ctx.db.prisma.$transaction(async (tx) => {
        const row = await tx.model.create({
          data: {
            name: parsedName.data,
            modelTypeId: source.modelTypeId,
            hostKind: 'RESIDENTIAL_AREA',
            residentialAreaId: area.id,
            foundedOn: dateColumn(replicatedOn),
            builtBy: source.builtBy,
            events: { create: { kind: 'PROPOSE', date: dateColumn(replicatedOn), seq: 1 } },
            replicatedFrom: { create: { sourceModelId: source.id, replicatedOn: dateColumn(replicatedOn) } },
          },
        });
        await audit(tx, ctx, { action, entity: 'Model', entityId: row.id, placeCodes });
        return row;
      });
      return { result: created };
    },
  }),
);
