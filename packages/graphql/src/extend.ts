/**
 * Extending the schema from another package, without copying ours: an extension adds its
 * types, fields on our types and mutations to the one builder before the schema is built,
 * with the same scalars, typed errors, auth scopes, context and jurisdiction filters as
 * our own modules. See the package README ("Extending the schema") and
 * examples/extend-schema.
 *
 *     const inspections = defineExtension({
 *       name: 'fire-inspections',
 *       migrate: (db) => createTables(db),             // its own tables, beside ours
 *       perRequest: (ctx) => createLoaders(ctx.db),     // its DataLoaders, per request
 *       schema(builder, kit) { builder.prismaObjectField('ResidentialArea', …) },
 *     });
 *     await migrateExtensions(db, [inspections]);
 *     createAntqYoga({ db, secrets, extensions: [inspections] });
 */
import { createContextCache } from '@pothos/core';
import { authorize, jurisdictionOf } from '@antq/core';
import type { Database } from '@antq/db';
import { codedUnder, filedUnder, mayAccess, scopeOf, uuidOrNone } from './access.js';
import { audit } from './audit/record.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { ConflictErrorRef, ForbiddenErrorRef, isUserError, NotFoundErrorRef, payloadType, ValidationErrorRef } from './error-types.js';
import { badInput, forbidden, userErrors } from './errors.js';
import { AdminUnitRef } from './hierarchy/schema.js';
import { dateColumn, isoOf } from './hierarchy/rows.js';
import { areaWhere, modelWhere, placementOn } from './movement/jurisdiction.js';
import { latestPlacement, placedTarget } from './movement/area-mutations.js';
import { ResidentialAreaObject } from './movement/areas.js';
import { ModelObject } from './movement/models.js';
import { decodeId, parseInput, stripNulls, zodError } from './mutations.js';
import { defineMutation, recordTarget } from './mutation/define.js';
import { checkPageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';
import { DateScalar } from './scalars.js';

/** The antq schema builder, with our Context, Prisma types, scalars and auth scopes. */
export type AntqBuilder = typeof builder;

/** What an extension gets besides the builder: our shared pieces, and its own per-request state. */
export interface ExtensionKit<State> extends SharedKit {
  /** The extension's per-request state (its DataLoaders…), made once per request by `perRequest`. */
  readonly state: (ctx: Context) => State;
}

/** Our shared pieces, the same for every extension. */
export interface SharedKit {
  /** Our types, to add fields to or to return (Prisma-backed types are also reachable by name: `'ResidentialArea'`, `'Model'`). */
  readonly types: {
    readonly AdminUnit: typeof AdminUnitRef;
    readonly ResidentialArea: typeof ResidentialAreaObject;
    readonly Model: typeof ModelObject;
    readonly Date: typeof DateScalar;
  };
  /** Mutation payloads: `payload(name, successType, [errors.Validation, …])`, the typed errors and their values. */
  readonly errors: {
    readonly payload: typeof payloadType;
    readonly Validation: typeof ValidationErrorRef;
    readonly NotFound: typeof NotFoundErrorRef;
    readonly Forbidden: typeof ForbiddenErrorRef;
    readonly Conflict: typeof ConflictErrorRef;
    /** The values a resolver answers: `userErrors.notFound({ vi, en })`, `.forbidden()`, `.invalid([...])`, `.conflict(v)`. */
    readonly values: typeof userErrors;
    readonly isUserError: typeof isUserError;
    /** Errors of query fields (thrown): FORBIDDEN and BAD_USER_INPUT. */
    readonly forbidden: typeof forbidden;
    readonly badInput: typeof badInput;
  };
  /** Who may see and do what: core's policy, and the same SQL filters our lists and `node(id:)` use. */
  readonly access: {
    readonly authorize: typeof authorize;
    readonly jurisdictionOf: typeof jurisdictionOf;
    /** Prisma `where` of the residential areas / models the viewer may read. */
    readonly areaWhere: typeof areaWhere;
    readonly modelWhere: typeof modelWhere;
    /** The one read decision of a field: the unit a code names on a date and what of it the viewer may see (throws NOT_FOUND / FORBIDDEN). */
    readonly scopeOf: typeof scopeOf;
    /** `where` on records filed under one unit version (`unitId` / `communeId`), and under codes only. */
    readonly filedUnder: typeof filedUnder;
    readonly codedUnder: typeof codedUnder;
    /** The same decision on one loaded record. */
    readonly mayAccess: typeof mayAccess;
    /** Placements holding on a date. */
    readonly placementOn: typeof placementOn;
    /** The placement an area sits in now. */
    readonly latestPlacement: typeof latestPlacement;
  };
  /** Mutations: our pipeline (authorize, decode, load, judge, write with its audit entry, answer), and what it is given. */
  readonly mutations: {
    /** `define(name, spec)`: a mutation through our pipeline, as ours are (see mutation/define.ts). */
    readonly define: typeof defineMutation;
    /** Targets: a record placed in an area's placements (seen where it has been, acted on where it is now)… */
    readonly placedTarget: typeof placedTarget;
    /** …or a versioned record filed under its `placeCodes`. */
    readonly recordTarget: typeof recordTarget;
    readonly decodeId: typeof decodeId;
    readonly uuidOrNone: typeof uuidOrNone;
    readonly stripNulls: typeof stripNulls;
    /** A core (zod) input schema's parse, or a ValidationError thrown with its fields. */
    readonly parseInput: typeof parseInput;
    readonly zodError: typeof zodError;
    /** Appends an audit entry in the act's transaction. */
    readonly audit: typeof audit;
  };
  readonly pages: { readonly checkPageSize: typeof checkPageSize; readonly DEFAULT_PAGE_SIZE: number; readonly MAX_PAGE_SIZE: number };
  readonly dates: { readonly isoOf: typeof isoOf; readonly dateColumn: typeof dateColumn };
}

export interface ExtensionDefinition<State> {
  /** Unique among the server's extensions; names its log lines and errors. */
  readonly name: string;
  /** Adds types, fields and mutations. Every root field declares `authScopes`, as ours do. */
  readonly schema: (builder: AntqBuilder, kit: ExtensionKit<State>) => void;
  /** The extension's per-request state, made on first use in a request (DataLoaders batch and cache within it). */
  readonly perRequest?: (ctx: Context, kit: SharedKit) => State;
  /**
   * Brings the extension's own tables up to date on our database (after our migrations);
   * must be idempotent. It must not touch our tables: they belong to our migrations.
   */
  readonly migrate?: (db: Database) => Promise<void>;
}

/** An extension, ready for `createAntqYoga({ extensions })` and `antqSchema({ extensions })`. */
export interface AntqExtension<State = unknown> {
  readonly name: string;
  readonly migrate?: (db: Database) => Promise<void>;
  /** The extension's per-request state for this request. */
  readonly state: (ctx: Context) => State;
  /** Adds the extension to the builder (done by `antqSchema`, once per process). */
  readonly install: (builder: AntqBuilder) => void;
}

/** Declares an extension; nothing is added to the schema until a server or schema asks for it. */
export function defineExtension<State = undefined>(definition: ExtensionDefinition<State>): AntqExtension<State> {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.name))
    throw new Error(`extension name ${JSON.stringify(definition.name)}: use lower-case letters, digits and dashes`);
  // One state per request (per context object), dropped with it.
  const states = createContextCache((ctx: Context): State => {
    if (!definition.perRequest) throw new Error(`extension ${definition.name} has no perRequest state`);
    return definition.perRequest(ctx, SHARED_KIT);
  });
  const state = (ctx: Context): State => states(ctx);
  return Object.freeze({
    name: definition.name,
    ...(definition.migrate ? { migrate: definition.migrate } : {}),
    state,
    install: (b: AntqBuilder) => definition.schema(b, { ...SHARED_KIT, state }),
  });
}

/** Runs each extension's `migrate`, in order, after our own migrations have been applied. */
export async function migrateExtensions(db: Database, extensions: readonly AntqExtension[]): Promise<void> {
  for (const extension of extensions) await extension.migrate?.(db);
}

/** Our shared pieces, given to every extension. */
const SHARED_KIT: SharedKit = {
  types: { AdminUnit: AdminUnitRef, ResidentialArea: ResidentialAreaObject, Model: ModelObject, Date: DateScalar },
  errors: {
    payload: payloadType,
    Validation: ValidationErrorRef,
    NotFound: NotFoundErrorRef,
    Forbidden: ForbiddenErrorRef,
    Conflict: ConflictErrorRef,
    values: userErrors,
    isUserError,
    forbidden,
    badInput,
  },
  access: { authorize, jurisdictionOf, areaWhere, modelWhere, scopeOf, filedUnder, codedUnder, mayAccess, placementOn, latestPlacement },
  mutations: { define: defineMutation, placedTarget, recordTarget, decodeId, uuidOrNone, stripNulls, parseInput, zodError, audit },
  pages: { checkPageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE },
  dates: { isoOf, dateColumn },
};

const applied: AntqExtension[] = [];

/**
 * Adds the extensions to the builder, each once per process. The builder is one per
 * process, so a process serves one set of extensions: asking for a set that leaves out
 * one already added is refused rather than silently serving it.
 */
export function applyExtensions(extensions: readonly AntqExtension[]): void {
  const names = new Set<string>();
  for (const e of extensions) {
    if (names.has(e.name)) throw new Error(`extension ${e.name} is given twice`);
    names.add(e.name);
  }
  const missing = applied.filter((e) => !extensions.includes(e));
  if (missing.length) {
    throw new Error(
      `extensions ${missing.map((e) => e.name).join(', ')} are already part of this process's schema: a process serves one set of extensions`,
    );
  }
  for (const extension of extensions) {
    if (applied.includes(extension)) continue;
    if (applied.some((e) => e.name === extension.name)) throw new Error(`another extension named ${extension.name} is already applied`);
    extension.install(builder);
    applied.push(extension);
  }
}
