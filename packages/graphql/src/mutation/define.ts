/**
 * The one mutation pipeline. A mutation says what it needs, and the pipeline does, in this
 * order and once for every mutation:
 *
 *  1. the permission: may the viewer do `permission` anywhere at all (core's ACCESS_POLICY)?
 *     Otherwise FORBIDDEN, before anything is looked up;
 *  2. the global IDs of the input: decoded once, each to its type's database ID; an ID of
 *     another type, or malformed, is a NOT_FOUND naming the argument;
 *  3. the target: `load` finds what the act is on (or, for a new record, where it goes) and
 *     where it sits; none: NOT_FOUND. Not visible where it sits (READ): NOT_FOUND, as
 *     `node(id:)` answers null; visible but not `permission` there: FORBIDDEN;
 *  4. the version the client read, for an act on a versioned record: stale is CONFLICT;
 *  5. the judgement: the mutation's domain checks (core's rules), throwing a typed error;
 *  6. the write, in one transaction with the version bumped (optimistic: a concurrent act
 *     that got there first makes this one a CONFLICT, with nothing written) and the audit
 *     entry, exactly once;
 *  7. the payload: `{ result }`, the success value or the typed error, which
 *     `@pothos/plugin-errors` resolves to its type in the result union.
 *
 * With an `Idempotency-Key` header (idempotency.ts), after 1 a stored answer under the key
 * is answered again (nothing else runs), and at 6 the success is stored in the act's
 * transaction; a concurrent duplicate fails on the key's unique index and answers the first.
 *
 * A refused act (any typed error from 1 to 6) writes nothing but its own audit entry.
 */
import type { Label, Operation, Resource } from '@antq/core';
import type { Prisma } from '@antq/db';
import type { InputObjectRef } from '@pothos/core';
import { mayAccess, type FiledAt } from '../access.js';
import { audit, type AuditFact } from '../audit/record.js';
import { builder, type AntqTypes } from '../builder.js';
import type { Context } from '../context.js';
import {
  ConflictErrorRef,
  ForbiddenErrorRef,
  NotFoundErrorRef,
  payloadType,
  ValidationErrorRef,
  type ErrorTypeRef,
} from '../error-types.js';
import { isUserError, NotFoundError, userErrors, type UserError } from '../errors.js';
import { decodeId } from '../mutations.js';
import { claimOf, isDuplicateClaim, storeAnswer, storedAnswer } from './idempotency.js';

type Tx = Prisma.TransactionClient;

/** What an act is on: the record (or, for a new one, what it is judged with) and where it sits. */
export interface Target<R> {
  readonly row: R;
  /** The record's database ID (audited) and version, when it exists. */
  readonly id?: string;
  readonly version?: number;
  /** The ID of the versioned row, when not the record's own (a member's act bumps its model's version). */
  readonly versionedId?: string;
  /** Where the act is filed in the audit log: the codes of the record's unit and every unit above it. */
  readonly placeCodes: readonly string[];
  /** Where the record is seen: the viewer must READ it there, or it is NOT_FOUND. Not given for a new record. */
  readonly seenAt?: FiledAt;
  /** Where the act happens: the viewer must have the permission there, or it is FORBIDDEN. */
  readonly actsAt: FiledAt;
  /** Other records the act reads (a model replicated): each must be visible (READ), or it is NOT_FOUND. */
  readonly alsoSeen?: ReadonlyArray<{ readonly resource?: Resource; readonly at: FiledAt; readonly notFound: Label }>;
}

/** An existing record with a place and a version as the pipeline's target: seen, and acted on, where it is filed. */
export function recordTarget<R extends { id: string; placeCodes: string[]; residentialAreaId?: string | null; version: number }>(
  row: R | null,
): Target<R> | null {
  if (!row) return null;
  const at = { unitCodes: row.placeCodes, areaId: row.residentialAreaId ?? null };
  return { row, id: row.id, version: row.version, placeCodes: row.placeCodes, seenAt: at, actsAt: at };
}

/** What acts on an existing record of one kind share (see {@link actsOn}). */
export interface RecordKind<F extends string, R> {
  readonly permission: readonly [Resource, Operation];
  /** The GraphQL type of the record: the audited entity, and the type its global ID must be of. */
  readonly entity: string;
  /** The input field holding the record's global ID. */
  readonly idField: F;
  readonly notFound: Label;
  readonly load: (ctx: Context, id: string) => Promise<Target<R> | null>;
}
export type Acts<F extends string, R> = Pick<RecordKind<F, R>, 'permission' | 'entity' | 'notFound'> & {
  readonly ids: { readonly [K in F]: string };
  readonly load: (ctx: Context, input: unknown, ids: { readonly [K in F]: string }) => Promise<Target<R> | null>;
};

/**
 * The part of a mutation's spec that every act on one kind of record repeats (the
 * permission, the entity, the ID to decode and the load), said once for the kind:
 * `defineMutation('closeX', { ...ON_X, description, input, result, judge, write })`.
 */
export function actsOn<F extends string, R>({ permission, entity, idField, notFound, load }: RecordKind<F, R>): Acts<F, R> {
  return {
    permission,
    entity,
    notFound,
    ids: { [idField]: entity } as { readonly [K in F]: string },
    load: (ctx, _input, ids) => load(ctx, ids[idField]),
  };
}

/** The tables whose rows carry a `version` for optimistic writes. */
export type VersionedTable =
  | 'residentialArea'
  | 'model'
  | 'securityTeam'
  | 'tip'
  | 'inspection'
  | 'inspectionFollowUp'
  | 'reintegrationCase'
  | 'outreachActivity'
  | 'exemplar'
  | 'commendation'
  | 'keyArea'
  | 'influentialPerson'
  | 'assessment'
  | 'gradingConfiguration';

/** Input fields holding global IDs, with the type each must be of (`['Type']` for a list). */
type IdFields<In> = { readonly [K in keyof In]?: string | readonly [string] };
type Decoded<In, Ids extends IdFields<In>> = {
  -readonly [K in keyof Ids]-?: Ids[K] extends readonly [string]
    ? string[]
    : K extends keyof In
      ? null extends In[K]
        ? string | null
        : undefined extends In[K]
          ? string | null
          : string
      : never;
};

export interface MutationSpec<In, Ids extends IdFields<In>, R, J, S> {
  readonly description: string;
  readonly input: InputObjectRef<AntqTypes, In>;
  /** The success type of the result union. */
  readonly result: { readonly name: string };
  /** The errors the result union lists; default: validation, not found, forbidden (and conflict when versioned). */
  readonly errors?: readonly ErrorTypeRef[];
  /** What the viewer must be allowed to do (core's ACCESS_POLICY), or ANYONE: signed in or not (a tip's informant). */
  readonly permission: readonly [Resource, Operation] | 'ANYONE';
  /** The act is an informant's: audited without the actor, even when signed in (see audit/record.ts). */
  readonly informant?: boolean;
  /** Why the viewer acts, for an act that needs a reason (a reveal): audited with it, refused or not. */
  readonly reason?: (input: In) => string | null;
  /** The GraphQL type the audit log files the act under. */
  readonly entity: string;
  readonly ids?: Ids;
  /** What `load` finding nothing is called in the NOT_FOUND message. */
  readonly notFound: Label;
  readonly load: (ctx: Context, input: In, ids: Decoded<In, Ids>) => Promise<Target<R> | null>;
  /** The act names the version it read (`version(input)`) of the target, a row of `table` (undefined: an act that creates it). */
  readonly versioned?: { readonly table: VersionedTable; readonly version: (input: In) => number | undefined };
  /** The domain checks: throws a typed error (userErrors), or answers what the write needs. */
  readonly judge?: (ctx: Context, input: In, row: R, ids: Decoded<In, Ids>) => J | Promise<J>;
  /** The write, in the act's transaction; answers the success value. */
  readonly write: (tx: Tx, judged: J, row: R, ctx: Context) => Promise<S>;
  /** What the audit entry says beyond the act, its entity, the target's ID and place (a created record's ID, a reason…). */
  readonly audited?: (result: S, target: Target<R>, input: In) => Partial<AuditFact>;
}

const DEFAULT_ERRORS = [ValidationErrorRef, NotFoundErrorRef, ForbiddenErrorRef] as const;

/** The version of a record, bumped only if it is still `version`; and read, to answer a conflict. */
interface VersionedDelegate {
  updateMany(args: { where: { id: string; version: number }; data: { version: { increment: number } } }): Promise<{ count: number }>;
  findUnique(args: { where: { id: string }; select: { version: true } }): Promise<{ version: number } | null>;
}
// Every VersionedTable's delegate has these two methods with these arguments; Prisma's generics cannot say so for a union of tables.
const versionsOf = (client: Tx | Context['db']['prisma'], table: VersionedTable) => client[table] as unknown as VersionedDelegate;

/** Thrown inside the transaction when the version moved on: rolls the write back. */
class StaleVersion extends Error {}

/** Records a refused act (on its own: nothing else is written) and answers its error. */
async function refused(ctx: Context, action: string, error: UserError, subject: Subject): Promise<{ result: UserError }> {
  await audit(ctx.db.prisma, ctx, {
    action,
    entity: subject.entity,
    entityId: subject.id ?? null,
    placeCodes: subject.placeCodes ?? [],
    reason: subject.reason ?? null,
    outcome: error.code,
    informant: subject.informant,
  });
  return { result: error };
}

/** What a refused act is recorded against: the entity, its ID and place, when known. */
interface Subject {
  readonly entity: string;
  readonly id?: string | null;
  readonly placeCodes?: readonly string[];
  /** Why the viewer tried, when the act requires a reason (a reveal). */
  readonly reason?: string | null;
  readonly informant?: boolean;
}

/** Decodes the input's global IDs, or throws NOT_FOUND naming the first that is not an ID of its type. */
function decodeIds<In>(input: In, ids: IdFields<In>, notFound: Label): Record<string, string | string[] | null> {
  const decoded: Record<string, string | string[] | null> = {};
  for (const [field, type] of Object.entries(ids) as Array<[string, string | readonly [string]]>) {
    const value = (input as Record<string, unknown>)[field] as string | number | Array<string | number> | null | undefined;
    const typename = typeof type === 'string' ? type : type[0];
    const decode = (v: string | number, at: string) => {
      const id = decodeId(v, typename);
      if (id === null)
        throw new NotFoundError({
          vi: `Không tìm thấy ${notFound.vi}: ${at} không phải là ID của một ${typename}.`,
          en: `No such ${notFound.en}: ${at} is not the ID of a ${typename}.`,
        });
      return id;
    };
    decoded[field] =
      value === null || value === undefined
        ? null
        : Array.isArray(value)
          ? value.map((v, i) => decode(v, `input.${field}[${i}]`))
          : decode(value as string | number, `input.${field}`);
  }
  return decoded;
}

/** Runs one act through the pipeline (see the top of this file). */
async function run<In, Ids extends IdFields<In>, R, J, S>(
  name: string,
  spec: MutationSpec<In, Ids, R, J, S>,
  ctx: Context,
  input: In,
): Promise<{ result: S | UserError }> {
  const permission = spec.permission === 'ANYONE' ? null : spec.permission;
  const said = { reason: spec.reason?.(input) ?? null, informant: spec.informant };
  let subject: Subject = { entity: spec.entity, ...said };
  let versionedId: string | undefined;
  const claim = claimOf(ctx, name, input);
  try {
    if (permission && !mayAccess(ctx, ...permission)) throw userErrors.forbidden();
    if (claim) {
      const stored = await storedAnswer<S>(ctx, claim);
      if (stored) return stored;
    }
    const ids = decodeIds(input, spec.ids ?? {}, spec.notFound) as Decoded<In, Ids>;
    const target = await spec.load(ctx, input, ids);
    if (!target) throw userErrors.notFound(spec.notFound);
    subject = { ...subject, id: target.id ?? null, placeCodes: target.placeCodes };
    versionedId = target.versionedId ?? target.id;
    if (permission) {
      const [resource, operation] = permission;
      if (target.seenAt && !mayAccess(ctx, resource, 'READ', target.seenAt)) throw userErrors.notFound(spec.notFound);
      if (!mayAccess(ctx, resource, operation, target.actsAt)) throw userErrors.forbidden();
      for (const other of target.alsoSeen ?? [])
        if (!mayAccess(ctx, other.resource ?? resource, 'READ', other.at)) throw userErrors.notFound(other.notFound);
    }
    const version = spec.versioned?.version(input);
    if (version !== undefined && version !== target.version) throw userErrors.conflict(target.version ?? 0);
    const judged = spec.judge ? await spec.judge(ctx, input, target.row, ids) : (input as unknown as J);
    const result = await ctx.db.prisma.$transaction(async (tx) => {
      if (spec.versioned && version !== undefined && versionedId) {
        const { count } = await versionsOf(tx, spec.versioned.table).updateMany({
          where: { id: versionedId, version },
          data: { version: { increment: 1 } },
        });
        if (count === 0) throw new StaleVersion();
      }
      const written = await spec.write(tx, judged, target.row, ctx);
      const created = (written as { id?: unknown }).id;
      await audit(tx, ctx, {
        action: name,
        entity: spec.entity,
        entityId: target.id ?? (typeof created === 'string' ? created : null),
        placeCodes: target.placeCodes,
        ...said,
        ...spec.audited?.(written, target, input),
      });
      if (claim) await storeAnswer(tx, ctx, claim, written);
      return written;
    });
    return { result };
  } catch (error) {
    if (claim && isDuplicateClaim(error)) {
      // A concurrent duplicate committed first: this one wrote nothing (rolled back), and answers as it did.
      const stored = await storedAnswer<S>(ctx, claim);
      if (stored) return stored;
    }
    if (error instanceof StaleVersion && spec.versioned && versionedId) {
      const now = await versionsOf(ctx.db.prisma, spec.versioned.table).findUnique({
        where: { id: versionedId },
        select: { version: true },
      });
      return refused(ctx, name, userErrors.conflict(now?.version ?? 0), subject);
    }
    if (isUserError(error)) return refused(ctx, name, error, subject);
    throw error;
  }
}

/**
 * Adds the mutation `name(input: <Input>!): <Name>Payload!` to the schema, run through the
 * pipeline. Its audit action is its name.
 */
export function defineMutation<In, Ids extends IdFields<In>, R, J = In, S extends object = object>(
  name: string,
  spec: MutationSpec<In, Ids, R, J, S>,
): void {
  const errors = spec.errors ?? (spec.versioned ? [...DEFAULT_ERRORS, ConflictErrorRef] : DEFAULT_ERRORS);
  const payloadName = name.charAt(0).toUpperCase() + name.slice(1);
  builder.mutationField(name, (t) =>
    t.field({
      type: payloadType<S>(payloadName, spec.result, errors),
      description: spec.description,
      authScopes: spec.permission === 'ANYONE' ? { public: true } : { signedIn: true },
      args: { input: t.arg({ type: spec.input, required: true }) },
      resolve: (_root, args, ctx) => run(name, spec, ctx, (args as { input: In }).input),
    }),
  );
}
