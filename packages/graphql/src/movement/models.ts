/** Models (mô hình) in GraphQL: their type, host, lifecycle, members (personal data masked) and evaluations. */
import { buildLifecycle, LIFECYCLE_EVENT_KINDS, MODEL_STATES, stateOn } from '@antq/core';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { mayAccess, uuidOrNone, type ScopeContext } from '../access.js';
import type { Prisma } from '@antq/db';
import type { ObjectRef } from '@pothos/core';
import { builder, type AntqTypes } from '../builder.js';
import { entityReference } from '../federation.js';
import { isoOf } from '../hierarchy/rows.js';
import { checkPageSize, connectionComplexity } from '../pagination.js';
import { filteredList } from '../filtered-list.js';
import { DateScalar } from '../scalars.js';
import { modelWhere } from './jurisdiction.js';
import { unitOnDateArgs } from '../hierarchy/schema.js';

export const ModelStateEnum = builder.enumType('ModelState', { values: MODEL_STATES });
export const LifecycleEventKindEnum = builder.enumType('LifecycleEventKind', { values: LIFECYCLE_EVENT_KINDS });

const EVENT_ORDER = [{ date: 'asc' as const }, { seq: 'asc' as const }];

// The records under a model are nodes too: found by ID only where their model is visible.
const underModel = (id: string, ctx: ScopeContext) => ({ id: uuidOrNone(id), model: modelWhere(ctx) });

builder.prismaNode('LifecycleEvent', {
  id: { field: 'id' },
  nullable: true,
  findUnique: underModel,
  description: 'A dated change of a model’s state, with the decision behind it.',
  fields: (t) => ({
    kind: t.field({ type: LifecycleEventKindEnum, resolve: (e) => e.kind }),
    date: t.field({ type: DateScalar, resolve: (e) => isoOf(e.date) }),
    decisionNumber: t.exposeString('decisionNumber', { nullable: true }),
    decisionIssuer: t.exposeString('decisionIssuer', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

const ModelEvaluationRef = builder.prismaNode('ModelEvaluation', {
  id: { field: 'id' },
  nullable: true,
  findUnique: underModel,
  description: 'An evaluation of a model over a period.',
  fields: (t) => ({
    periodFrom: t.field({ type: DateScalar, resolve: (e) => isoOf(e.periodFrom) }),
    periodTo: t.field({ type: DateScalar, resolve: (e) => isoOf(e.periodTo) }),
    evaluatedOn: t.field({ type: DateScalar, resolve: (e) => isoOf(e.evaluatedOn) }),
    outcome: t.exposeString('outcome', { description: 'EFFECTIVE or NOT_EFFECTIVE.' }),
  }),
});

/** Personal fields are shown only to those the policy lets read members' personal data. */
const personal = <T>(value: T, ctx: ScopeContext): T | null => (mayAccess(ctx, 'TEAM_MEMBER', 'READ_PERSONAL') ? value : null);

builder.prismaNode('ModelMember', {
  id: { field: 'id' },
  nullable: true,
  findUnique: underModel,
  description:
    'A person taking part in a model. Identity number, phone, address and date of birth are null unless you may see personal data.',
  fields: (t) => ({
    fullName: t.exposeString('fullName'),
    position: t.exposeString('position', { nullable: true }),
    joinedOn: t.field({ type: DateScalar, resolve: (m) => isoOf(m.joinedOn) }),
    leftOn: t.field({ type: DateScalar, nullable: true, resolve: (m) => isoOf(m.leftOn) }),
    birthDate: t.field({ type: DateScalar, nullable: true, resolve: (m, _a, ctx) => personal(isoOf(m.birthDate), ctx) }),
    citizenId: t.string({ nullable: true, resolve: (m, _a, ctx) => personal(m.citizenId, ctx) }),
    phone: t.string({ nullable: true, resolve: (m, _a, ctx) => personal(m.phone, ctx) }),
    address: t.string({ nullable: true, resolve: (m, _a, ctx) => personal(m.address, ctx) }),
  }),
});

const ModelNode = builder.prismaNode('Model', {
  id: { field: 'id' },
  description: 'A model (mô hình) built in a residential area, a commune or an organization, with its dated lifecycle.',
  nullable: true,
  findUnique: (id, ctx) => ({ id: uuidOrNone(id), AND: [modelWhere(ctx)] }),
  fields: (t) => ({
    name: t.exposeString('name'),
    hostKind: t.exposeString('hostKind', { description: 'RESIDENTIAL_AREA, COMMUNE or ORGANIZATION.' }),
    foundedOn: t.field({ type: DateScalar, resolve: (m) => isoOf(m.foundedOn) }),
    builtBy: t.exposeString('builtBy'),
    memberCount: t.exposeInt('memberCount', { nullable: true }),
    version: t.exposeInt('version'),
    isDemo: t.boolean({ resolve: (m) => m.datasetId !== null }),
    modelType: t.relation('modelType'),
    residentialArea: t.relation('residentialArea', { nullable: true }),
    organization: t.relation('organization', { nullable: true }),
    state: t.field({
      type: ModelStateEnum,
      nullable: true,
      description: 'The state on asOf (default today), from the dated events (null before the first).',
      args: { asOf: t.arg({ type: DateScalar }) },
      select: { events: { orderBy: EVENT_ORDER, select: { kind: true, date: true } } },
      resolve: (m, args, ctx) => {
        const built = buildLifecycle(m.events.map((e) => ({ kind: e.kind, date: isoOf(e.date) })));
        return built.ok ? stateOn(built.lifecycle, args.asOf ?? ctx.today) : null;
      },
    }),
    events: t.relation('events', { query: { orderBy: EVENT_ORDER } }),
    latestEvaluation: t.field({
      type: ModelEvaluationRef,
      nullable: true,
      select: { evaluations: { orderBy: { periodTo: 'desc' }, take: 1 } },
      resolve: (m) => m.evaluations[0] ?? null,
    }),
    evaluations: t.relation('evaluations', { query: { orderBy: { periodTo: 'desc' } } }),
    members: t.relatedConnection('members', {
      cursor: 'id',
      // Counted in the model's own statement (plugin-prisma's `_count`), not per page as the
      // areas' models are (related-counts.ts): a model's members are read on its page, one model
      // found by ID, and PostgreSQL then narrows the count to that model's members (an index
      // scan). A per-page count would be a statement and a round trip more, after the model's.
      totalCount: true,
      complexity: connectionComplexity,
      query: (args) => (checkPageSize(args), { orderBy: { id: 'asc' } }),
    }),
  }),
});

// A federation entity (see federation.ts): found by its global ID as node(id:) finds it.
builder.asEntity(ModelNode, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: entityReference('Model', (ctx, ids, query) =>
    ctx.db.prisma.model.findMany({ ...query, where: { id: { in: ids }, AND: [modelWhere(ctx)] } }),
  ),
});

/** The Model type, for mutation payloads (its full type is not nameable in declarations). */
export const ModelRef: { readonly name: string } = ModelNode;
/** The Model type, to return a Model row from a field of another module or an extension. */
export const ModelObject: ObjectRef<AntqTypes, Prisma.ModelGetPayload<object>> = ModelNode;

/** A model type's ID as a filter takes it: its global ID or the bare uuid; one that matches nothing otherwise. */
function modelTypeFilter(value: string | number): string {
  const s = String(value).trim();
  try {
    const { typename, id } = decodeGlobalID(s);
    if (typename === 'ModelType') return uuidOrNone(id);
  } catch {
    // Not a global ID: a bare uuid, or nothing.
  }
  return uuidOrNone(s);
}

builder.queryField('models', (t) =>
  t.prismaConnection({
    type: 'Model',
    description:
      'Models whose host (a residential area or an organization) is placed on asOf (default today) in a unit, within your jurisdiction, by creation.',
    authScopes: { allowed: ['MODEL', 'READ'] as const },
    args: {
      ...unitOnDateArgs,
      modelTypeId: t.arg.id({ description: 'Only models of this type (its ID, or the bare uuid).' }),
    },
    ...filteredList((db) => db.model, modelListWhere, { id: 'asc' }),
  }),
);

function modelListWhere(ctx: ScopeContext, args: { unitCode: string; asOf?: string | null; modelTypeId?: string | number | null }) {
  return {
    ...modelWhere(ctx, { code: args.unitCode.trim(), date: args.asOf ?? ctx.today }),
    ...(args.modelTypeId != null ? { modelTypeId: modelTypeFilter(args.modelTypeId) } : {}),
  };
}
