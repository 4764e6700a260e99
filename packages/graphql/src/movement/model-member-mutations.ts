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
  buildLifecycle,
  judgeEnding,
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
  judgeJoining,
  judgeReplication,
  type JoiningFailure,
  type ReplicationFailure,
} from '@antq/core';
import { Prisma } from '@antq/db';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { uuidOrNone } from '../access.js';
import { modelWhere } from './jurisdiction.js';
import { ConflictErrorRef, ForbiddenErrorRef, NotFoundErrorRef, ValidationErrorRef } from '../error-types.js';
import { userErrors, refuseInvalid, type FieldProblem } from '../errors.js';
import { dateColumn, isoOf } from '../hierarchy/rows.js';
import { DateScalar } from '../scalars.js';
import { defineMutation } from '../mutation/define.js';
import { notInFuture, parseInput, stripNulls } from '../mutations.js';
import { AREA, placedTarget } from './area-mutations.js';
import { existsOn, modelForWrite, modelTarget, ON_MODEL, placementsOf, type ModelRow } from './model-mutations.js';
import { ModelRef } from './models.js';

const MODEL: Label = { vi: 'mô hình', en: 'model' };
const MEMBER: Label = { vi: 'thành viên mô hình', en: 'model member' };

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
    replicatedOn: t.field({ type: DateScalar, resolve: (r) => isoOf(r.replicatedOn) }),
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

const lifecycleOf = (model: ModelRow) => buildLifecycle(model.events.map((e) => ({ kind: e.kind, date: isoOf(e.date) })));
/** The model after an act on it: the result of every mutation here. */
const modelAfter = (tx: Prisma.TransactionClient, model: { id: string }) => tx.model.findUniqueOrThrow({ where: { id: model.id } });

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

/** A failure of core's joining rule, on the field it is about. */
const joiningProblem = (f: JoiningFailure): FieldProblem =>
  f.code === 'IN_THE_FUTURE'
    ? { path: ['joinedOn'], message: 'must not be in the future' }
    : f.code === 'BEFORE_FOUNDED'
      ? { path: ['joinedOn'], message: `must not be before the model was founded (${f.foundedOn})` }
      : f.code === 'DISSOLVED'
        ? { path: ['joinedOn'], message: 'the model was dissolved by then' }
        : { path: ['birthDate'], message: 'must be before joinedOn' };

defineMutation('addModelMember', {
  description:
    'Record a person taking part in a model from joinedOn. Their personal data is shown only to those who may see it, and never in errors or logs.',
  input: AddMemberInput,
  result: ModelRef,
  errors: ERRORS,
  ...ON_MODEL,
  versioned: { table: 'model', version: (input) => input.version },
  judge: async (ctx, { modelId: _m, version: _v, ...fields }, model) => {
    // zod's messages name the rule, never the value given: nothing personal reaches the error.
    const member = parseInput(modelMemberInput, stripNulls(fields));
    const joinedOn = member.joinedOn as IsoDate;
    const lifecycle = lifecycleOf(model);
    const stateThen = lifecycle.ok ? stateOn(lifecycle.lifecycle, joinedOn) : null;
    const current =
      member.citizenId !== undefined &&
      (await ctx.db.prisma.modelMember.count({ where: { modelId: model.id, citizenId: member.citizenId, leftOn: null } })) > 0;
    refuseInvalid([
      ...judgeJoining(
        { foundedOn: isoOf(model.foundedOn), stateThen },
        { birthDate: (member.birthDate as IsoDate) ?? null },
        joinedOn,
        ctx.today,
      ).map(joiningProblem),
      ...(current ? [{ path: ['citizenId'], message: 'is that of a current member of this model' }] : []),
    ]);
    return member;
  },
  write: async (tx, member, model) => {
    await tx.modelMember.create({ data: { modelId: model.id, ...modelMemberData(member) } });
    return modelAfter(tx, model);
  },
});

/** The row of a new model member. */
function modelMemberData(member: ReturnType<typeof modelMemberInput.parse>) {
  return {
    fullName: member.fullName,
    position: member.position ?? null,
    birthDate: member.birthDate ? dateColumn(member.birthDate as IsoDate) : null,
    citizenId: member.citizenId ?? null,
    phone: member.phone ?? null,
    address: member.address ?? null,
    joinedOn: dateColumn(member.joinedOn as IsoDate),
  };
}

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

defineMutation('removeModelMember', {
  description: 'Record that a member left the model on leftOn. The member stays in the model’s history (members, with leftOn).',
  input: RemoveMemberInput,
  result: ModelRef,
  errors: ERRORS,
  permission: ['MODEL', 'WRITE'],
  entity: 'ModelMember',
  ids: { memberId: 'ModelMember' },
  notFound: MEMBER,
  load: async (ctx, _input, { memberId }) => {
    const member = await ctx.db.prisma.modelMember.findUnique({
      where: { id: memberId },
      select: { id: true, modelId: true, joinedOn: true, leftOn: true },
    });
    const model = member && (await modelTarget(ctx, member.modelId));
    // The member's act, on its model's version and at its model's place.
    return model && { ...model, row: { member: member!, model: model.row }, id: member!.id, versionedId: model.id };
  },
  versioned: { table: 'model', version: (input) => input.modelVersion },
  judge: (ctx, { leftOn }, { member }) => {
    const joinedOn = isoOf(member.joinedOn);
    const failures = judgeEnding({ startedOn: joinedOn, endedOn: isoOf(member.leftOn) }, leftOn, ctx.today);
    if (failures.length)
      throw userErrors.invalid(
        failures.map((f) =>
          f.code === 'ALREADY_ENDED'
            ? { path: ['memberId'], message: `the member already left on ${f.endedOn}` }
            : f.code === 'IN_THE_FUTURE'
              ? { path: ['leftOn'], message: 'must not be in the future' }
              : { path: ['leftOn'], message: `must not be before the member joined (${f.startedOn})` },
        ),
      );
    return leftOn;
  },
  write: async (tx, leftOn, { member, model }) => {
    await tx.modelMember.update({ where: { id: member.id }, data: { leftOn: dateColumn(leftOn), version: { increment: 1 } } });
    return modelAfter(tx, model);
  },
});

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

const PERIOD_FIELDS = { 'period.from': 'periodFrom', 'period.to': 'periodTo' };

defineMutation('recordModelEvaluation', {
  description:
    'Record an evaluation of a model over a period (effective or not). One per period; refused until the model has been active the minimum time by periodTo.',
  input: RecordEvaluationInput,
  result: ModelRef,
  errors: ERRORS,
  ...ON_MODEL,
  versioned: { table: 'model', version: (input) => input.version },
  judge: async (ctx, input, model) => {
    const { periodFrom: from, periodTo: to0, ...rest } = input;
    const evaluation = parseInput(
      modelEvaluationInput,
      stripNulls({ modelId: model.id, period: { from, to: to0 }, ...pick(rest, 'evaluatedOn', 'outcome', 'note') }),
      PERIOD_FIELDS,
    );
    const to = evaluation.period.to as IsoDate;
    // Days after today are not known to have been active: a period is rated once it is over.
    refuseInvalid(notInFuture(ctx.today, { periodTo: to, evaluatedOn: evaluation.evaluatedOn }));
    refuseUnlessRateable(ctx, model, to);
    const data = { modelId: model.id, periodFrom: dateColumn(evaluation.period.from as IsoDate), periodTo: dateColumn(to) };
    if (await ctx.db.prisma.modelEvaluation.findFirst({ where: data, select: { id: true } })) throw duplicateEvaluation(evaluation.period);
    return {
      ...data,
      evaluatedOn: dateColumn(evaluation.evaluatedOn as IsoDate),
      outcome: evaluation.outcome,
      note: evaluation.note ?? null,
    };
  },
  write: async (tx, data, model) => {
    await tx.modelEvaluation.create({ data });
    return modelAfter(tx, model);
  },
});

/** A model is rated only once it has been active the minimum time by the end of the period (core's canRateModel). */
function refuseUnlessRateable(ctx: Context, model: ModelRow, to: IsoDate): void {
  const lifecycle = lifecycleOf(model);
  const minimum = ctx.settings.minimumActiveDaysToRateModel;
  const verdict = lifecycle.ok ? canRateModel(lifecycle.lifecycle, to, minimum) : null;
  if (verdict?.pass) return;
  const activeDays = verdict?.failures[0].activeDays ?? 0;
  const message = `TOO_LITTLE_TIME_ACTIVE: a model is rated only after ${minimum} days active; this one was active ${activeDays} days up to ${to}`;
  throw userErrors.invalid([{ path: ['periodTo'], message }], RATING_RULE);
}

const duplicateEvaluation = (period: { from: string; to: string }) =>
  userErrors.invalid(
    [{ path: ['periodFrom'], message: `the model already has an evaluation for ${period.from} – ${period.to}` }],
    DUPLICATE,
  );
const pick = <T, K extends keyof T>(value: T, ...keys: K[]) => Object.fromEntries(keys.map((k) => [k, value[k]])) as Pick<T, K>;

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

/** A failed parse of one input field, as its problems. */
const issuesAt = (field: string, parsed: { success: boolean; error?: { issues: ReadonlyArray<{ message: string }> } }) =>
  parsed.error?.issues.map((i) => ({ path: [field], message: i.message })) ?? [];

/** A failure of core's replication rule, on the field it is about. */
const replicationProblem = (f: ReplicationFailure, on: string): FieldProblem => {
  switch (f.code) {
    case 'OWN_AREA':
      return { path: ['residentialAreaId'], message: 'is the source model’s own area' };
    case 'TYPE_NOT_BUILT_IN_AREAS':
      return {
        path: ['sourceModelId'],
        message: `a ${f.typeName} is not built in a residential area (only in: ${f.hostKinds.join(', ')})`,
      };
    case 'IN_THE_FUTURE':
      return { path: ['replicatedOn'], message: 'must not be in the future' };
    case 'BEFORE_SOURCE_FOUNDED':
      return { path: ['replicatedOn'], message: `must not be before the source model was founded (${f.foundedOn})` };
    case 'AREA_NOT_PLACED':
      return { path: ['replicatedOn'], message: `the residential area did not exist in a commune on ${on}` };
  }
};

/** A replica's target: the area it is built in (acted on there); the source need only be visible. */
async function replicationTarget(ctx: Context, sourceId: string, areaId: string) {
  const [source, area] = await Promise.all([
    ctx.db.prisma.model.findUnique({ where: { id: sourceId }, include: { ...modelForWrite, modelType: true } }),
    ctx.db.prisma.residentialArea.findUnique({ where: { id: areaId }, include: { placements: true } }),
  ]);
  if (!source) throw userErrors.notFound(MODEL);
  // The source need only be visible; the replica is written at the area's place.
  const seenSource = placedTarget(source, placementsOf(source), source.residentialAreaId, source.id);
  return area && { ...placedTarget({ source, area }, area.placements, area.id), alsoSeen: [{ at: seenSource.seenAt!, notFound: MODEL }] };
}

/** The replica’s name (the source’s, if none is given) and founding day, judged by core’s replication rule. */
function judgeReplica(
  ctx: Context,
  input: typeof ReplicateInput.$inferInput,
  { source, area }: NonNullable<Awaited<ReturnType<typeof replicationTarget>>>['row'],
) {
  const name = input.name ?? source.name;
  const on = input.replicatedOn;
  const rule = judgeReplication(
    { ...source, foundedOn: isoOf(source.foundedOn), typeName: source.modelType.name, typeHostKinds: source.modelType.hostKinds },
    { areaId: area.id, areaPlaced: existsOn(area, on) },
    on,
    ctx.today,
  );
  refuseInvalid([
    ...issuesAt('name', nameSchema.safeParse(name)),
    // Core's schema of the point, before the replica has its ID.
    ...issuesAt('replicatedOn', replicationPointInput.safeParse({ sourceModelId: source.id, replicaModelId: 'replica', replicatedOn: on })),
    ...rule.map((f) => replicationProblem(f, on)),
  ]);
  return { name, on: dateColumn(on) };
}

defineMutation('replicateModel', {
  description:
    'Replicate a model (nhân rộng) into a residential area: a new model of the same type, PROPOSED on replicatedOn, and its replication point, together.',
  input: ReplicateInput,
  result: ModelRef,
  permission: ['MODEL', 'WRITE'],
  entity: 'Model',
  ids: { sourceModelId: 'Model', residentialAreaId: 'ResidentialArea' },
  notFound: AREA,
  load: (ctx, _input, ids) => replicationTarget(ctx, ids.sourceModelId, ids.residentialAreaId),
  judge: (ctx, input, row) => judgeReplica(ctx, input, row),
  write: (tx, { name, on }, { source, area }) =>
    tx.model.create({
      data: {
        name,
        modelTypeId: source.modelTypeId,
        hostKind: 'RESIDENTIAL_AREA',
        residentialAreaId: area.id,
        foundedOn: on,
        builtBy: source.builtBy,
        events: { create: { kind: 'PROPOSE', date: on, seq: 1 } },
        replicatedFrom: { create: { sourceModelId: source.id, replicatedOn: on } },
      },
    }),
});
