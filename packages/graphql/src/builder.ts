import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { IsoDate, Operation, Resource } from '@antq/core';
import { mayAccess, type FiledAt } from './access.js';
import { getDatamodel, type PrismaTypes } from '@antq/db/pothos';
import type { Context } from './context.js';
import { forbidden, signInRequired } from './errors.js';

/**
 * The one schema builder. Types are added by the modules under src/ (one folder per part
 * of the domain), then by any extensions (extend.ts), and src/schema.ts assembles them. Every root field declares its
 * `authScopes` (a test walks the schema to prove it):
 * - `public`: anyone;
 * - `signedIn`: an officer or a partner;
 * - `allowed: [resource, operation]`: the viewer may do that somewhere under
 *   @antq/core's ACCESS_POLICY; the resolver then narrows to the viewer's jurisdiction;
 * - `allowedAt: [resource, operation, placement]`: … on a record placed there (used on
 *   object types, so that a record reached by any path is checked).
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  Scalars: { Date: { Input: IsoDate; Output: IsoDate }; File: { Input: File; Output: never } };
  AuthScopes: {
    public: boolean;
    signedIn: boolean;
    allowed: readonly [Resource, Operation];
    allowedAt: readonly [Resource, Operation, FiledAt];
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  // scope-auth first, so that no other plugin runs a resolver before the check. Federation
  // (with directives, which prints its @key) only records keys on types: the plain schema
  // stays without `_entities` and `_service`, which `antqSchema({ federation: true })` adds.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, DirectivesPlugin, PrismaPlugin, RelayPlugin, ComplexityPlugin, FederationPlugin],
  directives: { useGraphQLToolsUnorderedDirectives: true },
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({
      public: true,
      signedIn: ctx.viewer.kind !== 'ANONYMOUS',
      allowed: ([resource, operation]) => mayAccess(ctx, resource, operation),
      allowedAt: ([resource, operation, placement]) => mayAccess(ctx, resource, operation, placement),
    }),
    // The same answer whatever the reason, so that nothing hints that the data exists; but
    // a request without credentials is told how to sign in.
    unauthorizedError: (_parent, ctx) => (ctx.viewer.kind === 'ANONYMOUS' ? signInRequired() : forbidden()),
  },
  complexity: {
    // Limits are enforced (and the cost reported) per request by http/limits.ts.
    defaultComplexity: 1,
    // Plain lists (lineage links, a tip's events) are short; connections say their own size.
    defaultListMultiplier: 3,
  },
  prisma: {
    // The client comes from the request's context, so that tests can count its statements.
    client: (ctx) => ctx.db.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // A connection field's own multiplier is its page size: its edges add nothing more.
    edgesFieldOptions: { nullable: false, complexity: { field: 0, multiplier: 1 } },
    nodeFieldOptions: { nullable: false },
    nodeQueryOptions: { authScopes: { public: true } },
    nodesQueryOptions: { authScopes: { public: true } },
  },
});

/** The builder's type parameters (Context, Prisma types, scalars, auth scopes…), for refs declared elsewhere. */
export type AntqTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

builder.queryType({});
builder.mutationType({});
