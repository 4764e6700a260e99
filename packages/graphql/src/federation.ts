/**
 * Apollo Federation: the entities partners' subgraphs reference, with their keys, and how a
 * gateway's `_entities` finds them. Keys are recorded on our types always (they are
 * metadata: the plain schema does not change); `_entities` and `_service` exist only in
 * the subgraph schema, `antqSchema({ federation: true })`.
 *
 * The key of each entity is its `id`, the Relay global ID: it is what every partner already
 * holds (from lists, `node(id:)`, mutation results), it names one record for good, and it
 * resolves exactly as `node(id:)` does. For an administrative unit a code would not do:
 * codes are reused across eras (two units can share "70"), and code plus dates is a
 * compound key that a partner could get subtly wrong.
 *
 * `_entities` answers null for a record outside the viewer's jurisdiction or missing, the
 * same null `node(id:)` answers, using the same filters (movement/jurisdiction.ts), in one
 * statement per entity type for all the representations of a request.
 */
import { createContextCache } from '@pothos/core';
import { queryFromInfo } from '@pothos/plugin-prisma';
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';
import DataLoader from 'dataloader';
import { uuidOrNone } from './access.js';
import type { Context } from './context.js';

/** The database ID in a global ID of `typename`, or null (wrong type, malformed). */
export function idOfKey(key: { id?: unknown }, typename: string): string | null {
  if (typeof key.id !== 'string') return null;
  try {
    const { typename: type, id } = decodeGlobalID(key.id);
    return type === typename && id ? uuidOrNone(id) : null;
  } catch {
    return null;
  }
}

const loaders = createContextCache((_ctx: Context) => new Map<string, DataLoader<string, unknown>>());

/**
 * One loader per request and entity type: the representations of one `_entities` call
 * (and any in the same request) are read with one statement.
 */
export function entityLoader<Row extends { id: string }>(
  ctx: Context,
  typename: string,
  load: (ids: string[]) => Promise<Row[]>,
): DataLoader<string, Row | null> {
  const byType = loaders(ctx);
  let loader = byType.get(typename);
  if (!loader) {
    loader = new DataLoader<string, Row | null>(async (ids) => {
      const rows = await load([...ids]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    byType.set(typename, loader);
  }
  return loader as DataLoader<string, Row | null>;
}

/** What a `_entities` call selects on a Prisma-backed type, as Prisma's `include`/`select`, so that no field reloads its record one by one. */
export function entityQuery(ctx: Context, info: GraphQLResolveInfo, typename: string): { include?: object; select?: object } {
  const query = queryFromInfo({ context: ctx, info, typeName: typename }) as { include?: object; select?: object };
  return query.select ? { select: { ...query.select, id: true } } : query;
}

/**
 * The reference resolver of a Prisma node as a federation entity: found by its global ID
 * as node(id:) finds it (`find` keeps to the viewer's scope), with what the request
 * selects on it, in one statement for all its representations.
 */
export function entityReference<Row extends { id: string }>(
  typename: string,
  find: (ctx: Context, ids: string[], query: { include?: object; select?: object }) => Promise<Row[]>,
) {
  return (key: { id?: unknown }, ctx: Context, info: GraphQLResolveInfo) => {
    const id = idOfKey(key, typename);
    return id === null ? null : entityLoader(ctx, typename, (ids) => find(ctx, ids, entityQuery(ctx, info, typename))).load(id);
  };
}

/** Federation 2 as our gateways speak it. */
export const FEDERATION_LINK = 'https://specs.apollo.dev/federation/v2.6';
